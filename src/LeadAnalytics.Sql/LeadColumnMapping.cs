using System.Text.Json;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// Which column of the user's table holds each field of the tracking table. <see cref="Default"/> is the tracking table's own
/// English names (<c>lead_id</c>, <c>channel</c>, <c>acquired_at</c>, ...); <see cref="Parse"/> reads a mapping file for any
/// other schema. Column names are only ever quoted as identifiers, never pasted into SQL as text.
/// </summary>
/// <remarks>
/// <para>The mapping file (docs/scale-out.md) is a JSON object:
/// <c>{ "columns": { "channel": "utm_source", "acquired_at": "created", "last_activity_at": null }, "time_zone": "+08:00" }</c>.
/// Keys of <c>columns</c> are tracking-table field names; a field left out keeps its default name; <c>null</c> says the table
/// has no such column (the field is missing on every row). <c>time_zone</c> is the UTC offset of timestamp columns stored
/// without a zone (and of timestamps in text columns); columns with a zone are absolute. Its default, +08:00, is the one the
/// CSV reader assumes for the template's times.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class LeadColumnMapping
{
    private static readonly (LeadField Field, string Name)[] Names =
    {
        (LeadField.Id, "lead_id"), (LeadField.Name, "lead_name"), (LeadField.Channel, "channel"), (LeadField.Strategy, "strategy"),
        (LeadField.Content, "content"), (LeadField.AcquiredAt, "acquired_at"), (LeadField.Owner, "owner"), (LeadField.CustomerType, "customer_type"),
        (LeadField.Industry, "industry"), (LeadField.ContactedAt, "contacted_at"), (LeadField.NeedsConfirmedAt, "needs_confirmed_at"),
        (LeadField.ProposalSentAt, "proposal_at"), (LeadField.NegotiationAt, "negotiation_at"), (LeadField.WonAt, "won_at"),
        (LeadField.LostAt, "lost_at"), (LeadField.LossReason, "loss_reason"), (LeadField.DealAmount, "deal_amount"),
        (LeadField.AcquisitionCost, "acquisition_cost"), (LeadField.Tags, "tags"), (LeadField.LastActivityAt, "last_activity_at"),
        (LeadField.Currency, "currency"),
    };

    // The touchpoints table's fields (the touchpoint CSV's English names), in TouchpointField order.
    private static readonly string[] TouchNames = { "lead_id", "occurred_at", "channel", "strategy", "content" };

    private readonly Dictionary<LeadField, string?> _columns;
    private readonly string?[] _touchColumns;

    private LeadColumnMapping(Dictionary<LeadField, string?> columns, string?[] touchColumns, TimeSpan timeZone)
    {
        _columns = columns;
        _touchColumns = touchColumns;
        TimeZone = timeZone;
    }

    /// <summary>The tracking table's English column names (and the touchpoint CSV's for a touchpoints table), naive
    /// timestamps at +08:00.</summary>
    public static LeadColumnMapping Default { get; } = new(DefaultColumns(), (string?[])TouchNames.Clone(), TimeSpan.FromHours(8));

    /// <summary>The fields of a touchpoints table a mapping can name (the keys of a mapping file's <c>touchpoints</c> object).</summary>
    public static IReadOnlyList<string> TouchpointFieldNames { get; } = TouchNames;

    /// <summary>The column of a touchpoints table holding a field.</summary>
    /// <param name="field">One of <see cref="TouchpointFieldNames"/>.</param>
    /// <returns>The column name, or <see langword="null"/> when the table has none.</returns>
    /// <exception cref="ArgumentException">The field is not a touchpoint field.</exception>
    public string? GetTouchpointColumn(string field)
    {
        var i = Array.IndexOf(TouchNames, field);
        return i >= 0 ? _touchColumns[i] : throw new ArgumentException($"'{field}' is not a touchpoint field; the fields are: {string.Join(", ", TouchNames)}.", nameof(field));
    }

    internal string? TouchColumn(TouchpointField field) => _touchColumns[(int)field];

    internal static string NameOf(TouchpointField field) => TouchNames[(int)field];

    /// <summary>The UTC offset of timestamps stored without a zone.</summary>
    public TimeSpan TimeZone { get; }

    /// <summary>The fields a mapping can name, with their tracking-table names (the keys of a mapping file).</summary>
    public static IReadOnlyList<string> FieldNames { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The column holding a field.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The column name, or <see langword="null"/> when the table has no such column.</returns>
    public string? GetColumn(LeadField field) => _columns.TryGetValue(field, out var c) ? c : null;

    /// <summary>A copy with one field mapped to another column (or to none).</summary>
    /// <param name="field">The field.</param>
    /// <param name="column">The column name, or <see langword="null"/> for none.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentException">The field has no column in the tracking table, or the name is empty or holds a control character.</exception>
    public LeadColumnMapping WithColumn(LeadField field, string? column)
    {
        Preconditions.CheckArgument(Names.Any(n => n.Field == field), nameof(field), $"{field} is not a column of the tracking table.");

        var columns = new Dictionary<LeadField, string?>(_columns) { [field] = column is null ? null : CheckIdentifier(column, NameOf(field)) };
        return new LeadColumnMapping(columns, _touchColumns, TimeZone);
    }

    /// <summary>A copy with another offset for timestamps stored without a zone.</summary>
    /// <param name="offset">Whole minutes within ±14 hours.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is out of range.</exception>
    public LeadColumnMapping WithTimeZone(TimeSpan offset) => new(_columns, _touchColumns, CheckOffset(offset));

    /// <summary>Reads a mapping file's text.</summary>
    /// <param name="json">The JSON object described in the remarks.</param>
    /// <returns>The mapping: <see cref="Default"/> with the file's changes.</returns>
    /// <exception cref="FormatException">The text is not such an object, names an unknown field or key, or a column name is
    /// empty, not a string, or holds a control character; the message says which.</exception>
    public static LeadColumnMapping Parse(string json)
    {
        Preconditions.CheckNotNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("The column mapping is not valid JSON: " + e.Message, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The column mapping must be a JSON object with \"columns\" (and optionally \"time_zone\").");
            }

            var columns = DefaultColumns();
            var touches = (string?[])TouchNames.Clone();
            var timeZone = Default.TimeZone;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "columns":
                        ReadColumns(property.Value, columns);
                        break;
                    case "touchpoints":
                        ReadTouchColumns(property.Value, touches);
                        break;
                    case "time_zone":
                        timeZone = ReadOffset(property.Value);
                        break;
                    default:
                        throw new FormatException($"Unknown key \"{property.Name}\" in the column mapping (expected \"columns\", \"touchpoints\" and \"time_zone\").");
                }
            }

            return new LeadColumnMapping(columns, touches, timeZone);
        }
    }

    internal static string NameOf(LeadField field) => Names.First(n => n.Field == field).Name;

    private static void ReadColumns(JsonElement element, Dictionary<LeadField, string?> columns)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("\"columns\" must be an object from tracking-table field names to column names.");
        }

        foreach (var property in element.EnumerateObject())
        {
            var index = Array.FindIndex(Names, n => n.Name == property.Name);
            if (index < 0)
            {
                throw new FormatException($"Unknown field \"{property.Name}\" in \"columns\"; the fields are: {string.Join(", ", FieldNames)}.");
            }

            columns[Names[index].Field] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => CheckIdentifier(property.Value.GetString()!, property.Name, asFormat: true),
                _ => throw new FormatException($"The column of \"{property.Name}\" must be a string or null."),
            };
        }
    }

    private static void ReadTouchColumns(JsonElement element, string?[] touches)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("\"touchpoints\" must be an object from touchpoint field names to column names.");
        }

        foreach (var property in element.EnumerateObject())
        {
            var index = Array.IndexOf(TouchNames, property.Name);
            if (index < 0)
            {
                throw new FormatException($"Unknown field \"{property.Name}\" in \"touchpoints\"; the fields are: {string.Join(", ", TouchNames)}.");
            }

            touches[index] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => CheckIdentifier(property.Value.GetString()!, property.Name, asFormat: true),
                _ => throw new FormatException($"The column of touchpoint field \"{property.Name}\" must be a string or null."),
            };
        }
    }

    private static TimeSpan ReadOffset(JsonElement element)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : "";
        var negative = text.StartsWith("-", StringComparison.Ordinal);
        var body = text.TrimStart('+', '-');
        if ((text.StartsWith("+", StringComparison.Ordinal) || negative) && body.Length == 5 && body[2] == ':'
            && int.TryParse(body.Substring(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
            && int.TryParse(body.Substring(3, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            && m < 60 && h <= 14)
        {
            var offset = new TimeSpan(h, m, 0);
            if (offset <= TimeSpan.FromHours(14))
            {
                return negative ? -offset : offset;
            }
        }

        throw new FormatException("\"time_zone\" must be a UTC offset such as \"+08:00\" or \"-05:00\" (within ±14:00).");
    }

    private static string CheckIdentifier(string name, string field, bool asFormat = false)
    {
        string? problem = null;
        if (string.IsNullOrEmpty(name))
        {
            problem = "is empty";
        }
        else if (name.Length > 128)
        {
            problem = "is longer than 128 characters";
        }
        else if (name.Any(char.IsControl))
        {
            problem = "holds a control character";
        }

        if (problem is null)
        {
            return name;
        }

        var message = $"The column name of \"{field}\" {problem}.";
        throw asFormat ? new FormatException(message) : new ArgumentException(message, nameof(name));
    }

    private static TimeSpan CheckOffset(TimeSpan offset)
    {
        Preconditions.CheckRange(offset.Ticks % TimeSpan.TicksPerMinute == 0 && offset <= TimeSpan.FromHours(14) && offset >= TimeSpan.FromHours(-14), offset, "The offset is whole minutes within ±14 hours.");

        return offset;
    }

    private static Dictionary<LeadField, string?> DefaultColumns()
    {
        var columns = new Dictionary<LeadField, string?>();
        foreach (var (field, name) in Names)
        {
            columns[field] = name;
        }

        return columns;
    }
}
