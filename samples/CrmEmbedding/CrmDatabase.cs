using System.Globalization;
using LeadAnalytics;
using Microsoft.Data.Sqlite;

namespace CrmEmbedding;

/// <summary>
/// The CRM's own data layer: a SQLite file with the tables a CRM keeps (leads, stage events, follow-ups, touchpoints,
/// costs), the writes a CRM makes as sales work goes on, and the reads that hand the rows to LeadAnalytics as
/// <see cref="Lead"/>, <see cref="Touchpoint"/> and <see cref="CostEntry"/> objects: no CSV in between.
/// </summary>
internal sealed class CrmDatabase : IDisposable
{
    // Instants are stored as ISO 8601 text with their offset: readable in any SQLite tool, sortable, and exact.
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    private static readonly string[] IntermediateStages = { Pipeline.Contacted, Pipeline.NeedsConfirmed, Pipeline.ProposalSent, Pipeline.Negotiation };

    private readonly SqliteConnection _connection;

    public CrmDatabase(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        Execute("PRAGMA foreign_keys = ON;");
        Execute("""
            CREATE TABLE IF NOT EXISTS leads (
                id            TEXT PRIMARY KEY,
                name          TEXT NOT NULL,
                channel       TEXT,
                strategy      TEXT,
                owner         TEXT,
                industry      TEXT,
                acquired_at   TEXT NOT NULL,
                status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
                closed_at     TEXT,
                loss_reason   TEXT,
                deal_amount   TEXT,            -- decimal as text: SQLite has no decimal type and REAL would round money
                currency      TEXT NOT NULL DEFAULT 'CNY',
                flagged_stale INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE IF NOT EXISTS stage_events (
                lead_id    TEXT NOT NULL REFERENCES leads(id),
                stage      TEXT NOT NULL,
                entered_at TEXT NOT NULL,
                PRIMARY KEY (lead_id, stage)
            );
            CREATE TABLE IF NOT EXISTS follow_ups (
                id      INTEGER PRIMARY KEY,
                lead_id TEXT NOT NULL REFERENCES leads(id),
                at      TEXT NOT NULL,
                kind    INTEGER NOT NULL,
                note    TEXT
            );
            CREATE TABLE IF NOT EXISTS touchpoints (
                id          INTEGER PRIMARY KEY,
                lead_id     TEXT NOT NULL REFERENCES leads(id),
                occurred_at TEXT NOT NULL,
                channel     TEXT NOT NULL,
                milestones  INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE IF NOT EXISTS costs (
                channel      TEXT NOT NULL,
                period_start TEXT NOT NULL,
                period_end   TEXT NOT NULL,  -- exclusive
                amount       TEXT NOT NULL,
                currency     TEXT NOT NULL
            );
            """);

        // The reporting view a CRM keeps for analytics: one row per lead with the tracking table's column names, the stage
        // events pivoted into columns and the latest follow-up as the last activity (the CRM's "now" is after every
        // follow-up it has written). LeadAnalytics.Sql computes the funnel and channel counts over it inside SQLite.
        var stageColumns = string.Concat(IntermediateStages.Zip(StageColumns, (stage, column) =>
            $"(SELECT e.entered_at FROM stage_events e WHERE e.lead_id = l.id AND e.stage = '{stage}') AS {column}, "));
        Execute($"""
            CREATE VIEW IF NOT EXISTS {LeadRowsView} AS
            SELECT l.id AS lead_id, l.name AS lead_name, l.channel, l.strategy, l.owner, l.industry, l.acquired_at, {stageColumns}
                   CASE WHEN l.status = 'won' THEN l.closed_at END AS won_at,
                   CASE WHEN l.status = 'lost' THEN l.closed_at END AS lost_at,
                   l.loss_reason, l.deal_amount, l.currency,
                   (SELECT MAX(f.at) FROM follow_ups f WHERE f.lead_id = l.id) AS last_activity_at
            FROM leads l
            """);
    }

    /// <summary>The reporting view of one row per lead (the tracking table's column names).</summary>
    public const string LeadRowsView = "lead_rows";

    // The view's columns of the intermediate stages (the tracking table's names), in IntermediateStages' order.
    private static readonly string[] StageColumns = { "contacted_at", "needs_confirmed_at", "proposal_at", "negotiation_at" };

    public void AddLead(string id, string name, string channel, string? strategy, string owner, string industry, DateTimeOffset acquiredAt)
    {
        Execute(
            "INSERT INTO leads (id, name, channel, strategy, owner, industry, acquired_at) VALUES ($id, $name, $channel, $strategy, $owner, $industry, $at)",
            ("$id", id), ("$name", name), ("$channel", channel), ("$strategy", strategy), ("$owner", owner), ("$industry", industry), ("$at", Text(acquiredAt)));
        AddTouchpoint(id, acquiredAt, channel, CrmMilestones.LeadCreated);
    }

    /// <summary>The lead entered a later stage (a CRM writes one event row per stage).</summary>
    public void MoveStage(string id, string stage, DateTimeOffset at) =>
        Execute("INSERT INTO stage_events (lead_id, stage, entered_at) VALUES ($id, $stage, $at)", ("$id", id), ("$stage", stage), ("$at", Text(at)));

    public void Win(string id, DateTimeOffset at, Money deal)
    {
        Execute("UPDATE leads SET status = 'won', closed_at = $at, deal_amount = $amount, currency = $currency WHERE id = $id",
            ("$id", id), ("$at", Text(at)), ("$amount", deal.Amount.ToString(CultureInfo.InvariantCulture)), ("$currency", deal.Currency.Code));
        MoveStage(id, Pipeline.Won, at);
        AddTouchpoint(id, at, "直接访问", CrmMilestones.ClosedWon);
    }

    public void Lose(string id, DateTimeOffset at, string reason) =>
        Execute("UPDATE leads SET status = 'lost', closed_at = $at, loss_reason = $reason WHERE id = $id", ("$id", id), ("$at", Text(at)), ("$reason", reason));

    public void AddFollowUp(string id, DateTimeOffset at, FollowUpKind kind, string note) =>
        Execute("INSERT INTO follow_ups (lead_id, at, kind, note) VALUES ($id, $at, $kind, $note)", ("$id", id), ("$at", Text(at)), ("$kind", (int)kind), ("$note", note));

    public void AddTouchpoint(string id, DateTimeOffset at, string channel, CrmMilestones milestones = CrmMilestones.None) =>
        Execute("INSERT INTO touchpoints (lead_id, occurred_at, channel, milestones) VALUES ($id, $at, $channel, $m)",
            ("$id", id), ("$at", Text(at)), ("$channel", channel), ("$m", (int)milestones));

    public void AddCost(string channel, DateTimeOffset start, DateTimeOffset end, Money amount) =>
        Execute("INSERT INTO costs (channel, period_start, period_end, amount, currency) VALUES ($c, $s, $e, $a, $cur)",
            ("$c", channel), ("$s", Text(start)), ("$e", Text(end)), ("$a", amount.Amount.ToString(CultureInfo.InvariantCulture)), ("$cur", amount.Currency.Code));

    /// <summary>Writes the library's verdict back: the CRM flags presumed-lost leads for their owners.</summary>
    public int FlagStale(IEnumerable<string> ids)
    {
        var n = 0;
        foreach (var id in ids)
        {
            n += Execute("UPDATE leads SET flagged_stale = 1 WHERE id = $id AND status = 'open'", ("$id", id));
        }

        return n;
    }

    public IReadOnlyList<string> FlaggedStale() => Strings("SELECT id FROM leads WHERE flagged_stale = 1 ORDER BY id");

    /// <summary>Every lead with its stage times and follow-ups, as the library's validated <see cref="Lead"/>s.</summary>
    public IReadOnlyList<Lead> LoadLeads()
    {
        // One row per lead: the stage events pivoted into columns, as a reporting view in a CRM would do it.
        var pivot = string.Join(",\n", IntermediateStages.Select((s, i) => $"MAX(CASE WHEN e.stage = '{s}' THEN e.entered_at END) AS stage{i}"));
        var builders = new Dictionary<string, LeadBuilder>(StringComparer.Ordinal);
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT l.id, l.name, l.channel, l.strategy, l.owner, l.industry, l.acquired_at,
                       l.status, l.closed_at, l.loss_reason, l.deal_amount, l.currency,
                       {pivot}
                FROM leads l LEFT JOIN stage_events e ON e.lead_id = l.id
                GROUP BY l.id
                ORDER BY l.id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var status = reader.GetString(7);
                var closedAt = Instant(reader, 8);
                var currency = Currency.FromCode(reader.GetString(11));
                var builder = new LeadBuilder
                {
                    Id = reader.GetString(0),
                    Name = reader.GetString(1),
                    Channel = NullableString(reader, 2),
                    Strategy = NullableString(reader, 3),
                    Owner = NullableString(reader, 4),
                    Industry = NullableString(reader, 5),
                    AcquiredAt = Instant(reader, 6),
                    WonAt = status == "won" ? closedAt : null,
                    LostAt = status == "lost" ? closedAt : null,
                    LossReason = NullableString(reader, 9),
                    DealAmount = reader.IsDBNull(10) ? null : new Money(decimal.Parse(reader.GetString(10), CultureInfo.InvariantCulture), currency),
                };
                for (var i = 0; i < IntermediateStages.Length; i++)
                {
                    builder.SetStageTime(IntermediateStages[i], Instant(reader, 12 + i));
                }

                builders.Add(builder.Id!, builder);
            }
        }

        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT lead_id, at, kind, note FROM follow_ups ORDER BY lead_id, at";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                builders[reader.GetString(0)].FollowUps.Add(new FollowUp(Instant(reader, 1)!.Value, (FollowUpKind)reader.GetInt32(2), NullableString(reader, 3)));
            }
        }

        // Build validates: stages in order, won xor lost, amounts not negative. A CRM bug surfaces here, not in a report.
        return builders.Values.Select(b => b.Build()).ToList();
    }

    public IReadOnlyList<Touchpoint> LoadTouchpoints()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT lead_id, occurred_at, channel, milestones FROM touchpoints ORDER BY lead_id, occurred_at, id";
        using var reader = command.ExecuteReader();
        var list = new List<Touchpoint>();
        while (reader.Read())
        {
            list.Add(new Touchpoint(reader.GetString(0), Instant(reader, 1)!.Value, reader.GetString(2), milestones: (CrmMilestones)reader.GetInt32(3)));
        }

        return list;
    }

    public IReadOnlyList<CostEntry> LoadCosts()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT channel, period_start, period_end, amount, currency FROM costs ORDER BY channel, period_start";
        using var reader = command.ExecuteReader();
        var list = new List<CostEntry>();
        while (reader.Read())
        {
            list.Add(new CostEntry(CostScope.Channel, reader.GetString(0), Instant(reader, 1)!.Value, Instant(reader, 2)!.Value,
                new Money(decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture), Currency.FromCode(reader.GetString(4)))));
        }

        return list;
    }

    public void Dispose() => _connection.Dispose();

    private static string Text(DateTimeOffset at) => at.ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.ParseExact(reader.GetString(ordinal), InstantFormat, CultureInfo.InvariantCulture);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private IReadOnlyList<string> Strings(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }
}
