using System.Data.Common;

namespace LeadAnalytics.Sql.Tests;

/// <summary>Stores random rows in a database, in two shapes: the tracking table's own English names with timestamps without a
/// zone (local at +08:00, the default mapping), and a user's schema with other names (quotes and spaces in them) and
/// timestamps with a zone, read through a mapping file.</summary>
internal static class TestTables
{
    internal const string UserMappingJson = """
        {
          "columns": {
            "lead_id": "Lead ID",
            "channel": "Source \"channel\"",
            "industry": "sector",
            "owner": "rep",
            "acquired_at": "created",
            "contacted_at": "first_touch",
            "needs_confirmed_at": "qualified",
            "proposal_at": "quoted",
            "negotiation_at": "negotiating",
            "won_at": "closed_won",
            "lost_at": "closed_lost",
            "last_activity_at": "touched",
            "loss_reason": "why_lost",
            "deal_amount": "amount",
            "acquisition_cost": "cac",
            "strategy": null, "content": null, "customer_type": null, "tags": null, "currency": null, "lead_name": null
          },
          "time_zone": "+00:00"
        }
        """;

    private static readonly string[] Tracking =
    {
        "lead_id", "channel", "industry", "owner", "acquired_at", "contacted_at", "needs_confirmed_at", "proposal_at", "negotiation_at", "won_at",
        "lost_at", "last_activity_at", "loss_reason", "deal_amount", "acquisition_cost",
    };

    private static readonly string[] User =
    {
        "Lead ID", "Source \"channel\"", "sector", "rep", "created", "first_touch", "qualified", "quoted", "negotiating", "closed_won",
        "closed_lost", "touched", "why_lost", "amount", "cac",
    };

    /// <summary>The tracking table (English names, naive local timestamps) in DuckDB, plus the columns the default mapping
    /// names but these tests leave empty.</summary>
    internal static void CreateTracking(DbConnection connection, string table, IEnumerable<LeadRow> rows, string timestampType, string textType, string decimalType)
    {
        Databases.Execute(connection, $"CREATE TABLE {Q(table)} ({TrackingColumns(timestampType, textType, decimalType)})");
        InsertTracking(connection, table, rows, timestampType);
    }

    /// <summary>The column definitions of the tracking table.</summary>
    internal static string TrackingColumns(string timestampType, string textType, string decimalType)
    {
        var columns = new List<string>();
        for (var i = 0; i < Tracking.Length; i++)
        {
            columns.Add(Q(Tracking[i]) + " " + TypeOf(i, timestampType, textType, decimalType));
        }

        foreach (var extra in new[] { "lead_name", "strategy", "content", "customer_type", "tags", "currency" })
        {
            columns.Add(Q(extra) + " " + textType);
        }

        return string.Join(", ", columns);
    }

    internal static void InsertTracking(DbConnection connection, string table, IEnumerable<LeadRow> rows, string timestampType)
    {
        // Local times at +08:00 in a column without a zone (the default mapping's reading); the instant in one with a zone.
        var zoned = timestampType.Contains("tz", StringComparison.OrdinalIgnoreCase);
        Insert(connection, table, Tracking, rows, t => zoned ? t.UtcDateTime : t.ToOffset(TimeSpan.FromHours(8)).DateTime);
    }

    /// <summary>The user's schema (other names, timestamps with a zone).</summary>
    internal static void CreateUser(DbConnection connection, string table, IEnumerable<LeadRow> rows, string timestampType, string textType, string decimalType) =>
        CreateNamed(connection, table, User, rows, timestampType, textType, decimalType);

    /// <summary>A table with the given column names for the tracking table's first fifteen fields (lead_id to
    /// acquisition_cost, in <see cref="TrackingFieldNames"/> order), timestamps with a zone.</summary>
    internal static void CreateNamed(DbConnection connection, string table, IReadOnlyList<string> names, IEnumerable<LeadRow> rows, string timestampType, string textType, string decimalType)
    {
        var columns = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            columns.Add(Q(names[i]) + " " + TypeOf(i, timestampType, textType, decimalType));
        }

        Databases.Execute(connection, $"CREATE TABLE {Q(table)} ({string.Join(", ", columns)})");
        Insert(connection, table, names.ToArray(), rows, t => t.UtcDateTime);
    }

    /// <summary>The user's schema in SQLite with every value as text: instants written with their offset (+08:00), which the
    /// reading must honour whatever the mapping's time zone (<see cref="SqliteOffsetMappingJson"/> says +05:00).</summary>
    internal static void CreateUserWithOffsets(DbConnection connection, string table, IEnumerable<LeadRow> rows)
    {
        var columns = User.Select((name, i) => Q(name) + " TEXT");
        Databases.Execute(connection, $"CREATE TABLE {Q(table)} ({string.Join(", ", columns)})");
        Insert(connection, table, User, rows, t => t.ToOffset(TimeSpan.FromHours(8)));
    }

    /// <summary>The user's mapping with a time zone that the texts' own offsets override.</summary>
    internal static string SqliteOffsetMappingJson => UserMappingJson.Replace("\"time_zone\": \"+00:00\"", "\"time_zone\": \"+05:00\"", StringComparison.Ordinal);

    /// <summary>The tracking table's field names that <see cref="CreateNamed"/> fills, in order.</summary>
    internal static IReadOnlyList<string> TrackingFieldNames => Tracking;

    /// <summary>A touchpoints table with the touchpoint CSV's names; times local at +08:00 without a zone, instants with one.</summary>
    internal static void CreateTouchpoints(DbConnection connection, string table, IEnumerable<Touchpoint> touches, string timestampType)
    {
        Databases.Execute(connection, $"CREATE TABLE {Q(table)} ({TouchpointColumns(timestampType)})");
        InsertTouchpoints(connection, table, touches, timestampType);
    }

    /// <summary>The column definitions of the touchpoints table.</summary>
    internal static string TouchpointColumns(string timestampType) => $"lead_id text, occurred_at {timestampType}, channel text, strategy text, content text";

    internal static void InsertTouchpoints(DbConnection connection, string table, IEnumerable<Touchpoint> touches, string timestampType)
    {
        var zoned = timestampType.Contains("tz", StringComparison.OrdinalIgnoreCase);
        foreach (var t in touches)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO {Q(table)} VALUES ($1, $2, $3, $4, $5)";
            foreach (var v in new object?[] { t.JourneyId, zoned ? t.OccurredAt.UtcDateTime : t.OccurredAt.ToOffset(TimeSpan.FromHours(8)).DateTime, t.Channel, t.Strategy, t.Content })
            {
                Databases.Add(command, v);
            }

            command.ExecuteNonQuery();
        }
    }

    internal static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string TypeOf(int column, string timestampType, string textType, string decimalType) =>
        column is >= 4 and <= 11 ? timestampType : column >= 13 ? decimalType : textType;

    private static void Insert(DbConnection connection, string table, string[] names, IEnumerable<LeadRow> rows, Func<DateTimeOffset, object> time)
    {
        var markers = string.Join(", ", names.Select((_, i) => "$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sql = $"INSERT INTO {Q(table)} ({string.Join(", ", names.Select(Q))}) VALUES ({markers})";
        foreach (var row in rows)
        {
            object?[] values =
            {
                row.Id, row.Channel, row.Industry, row.Owner, time(row.Acquired), T(row.Stages[0]), T(row.Stages[1]), T(row.Stages[2]),
                T(row.Stages[3]), T(row.Stages[4]), T(row.Lost), T(row.LastActivity), row.LossReason, row.Deal, row.Cost,
            };
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var v in values)
            {
                Databases.Add(command, v);
            }

            command.ExecuteNonQuery();
        }

        object? T(DateTimeOffset? t) => t is { } v ? time(v) : null;
    }
}
