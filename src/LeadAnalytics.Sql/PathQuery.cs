using System.Data.Common;
using System.Text;
using LeadAnalytics.Attribution;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// Attribution's sufficient statistics as one query: each lead's journey built inside the database as an ordered list of its
/// touchpoints' channels (ordered by time, then channel, the canonical order of the in-memory journeys), cut at the lead's
/// conversion (won), loss or as-of and at the lookback window, a lead without any touchpoint standing for its own source
/// channel; then the journeys counted per path: conversions, conversion value (exact minor-unit sums of the won leads' deal
/// amounts) and non-converting journeys. Markov (any order) and Shapley run in process on these path counts.
/// </summary>
/// <remarks>The path is an array aggregate (DuckDB <c>list</c>, PostgreSQL <c>array_agg</c>, SQLite a JSON array), not a
/// string joined with a separator, so a channel name may contain any character.</remarks>
internal static class PathQuery
{
    internal static SqlCommandText Build(SqlDialect dialect, SourceColumns leads, SqlTableName leadTable, SourceColumns touches, SqlTableName touchTable,
        long asOfSeconds, long asOfMicros, Data.AcquisitionPeriod period, long? lookbackMicros, bool useLeadSource, int minorUnits)
    {
        var command = new SqlCommandText(dialect);
        var asOf = command.Bind("asof", asOfSeconds);
        var sql = new StringBuilder();
        var id = leads.Quoted(LeadField.Id) is { } idColumn ? "TRIM(" + dialect.Text(idColumn) + ")" : throw new SqlSourceException("Attribution needs the lead_id column of the leads table.");
        LeadRowsSql.Append(sql, dialect, leadTable, leads, command, leads.Text(LeadField.Channel), dialect.NullText, asOf, asOfSeconds, period, 0, new[]
        {
            (leads.Amount(LeadField.DealAmount, minorUnits), "deal"),
            (id, "id"),
        });

        var journey = touches.Quoted(TouchpointField.LeadId) ?? throw new SqlSourceException("The touchpoints table needs its lead_id column.");
        var channel = touches.Text(TouchpointField.Channel);
        var at = touches.TouchMicros(TouchpointField.OccurredAt, command) ?? throw new SqlSourceException("The touchpoints table needs its occurred_at column.");
        var won = LeadRowsSql.N(LeadRowsSql.Won);
        var lost = LeadRowsSql.N(LeadRowsSql.Lost);

        // t: the touches with a channel; j: the leads acquired by as-of (and in the period) with the instant their journey ends
        // (micros). A lead acquired outside the period has stage -1, as one acquired after as-of: its touches join no journey.
        sql.Append(", t AS (SELECT TRIM(").Append(dialect.Text(journey)).Append(") AS jid, ").Append(at).Append(" AS ut, ").Append(channel)
            .Append(" AS ch FROM ").Append(touchTable.Quoted(dialect)).Append(')');
        sql.Append(", j AS (SELECT id, state, deal, d0, s0 * 1000000 AS su, CASE state WHEN ").Append(won).Append(" THEN s").Append(LeadRowsSql.N(LeadRowsSql.LastStage))
            .Append(" * 1000000 WHEN ").Append(lost).Append(" THEN lost * 1000000 ELSE ").Append(command.Bind("asofend", asOfMicros)).Append(" END AS eu FROM c WHERE stage >= 0)");

        // p: per lead, the in-window touches in canonical order, and whether it has any touch at all.
        var inWindow = "t.ut <= j.eu" + (lookbackMicros is { } w ? " AND j.eu - t.ut <= " + command.Bind("lookback", w) : string.Empty);
        sql.Append(", p AS (SELECT j.id, j.state, j.deal, j.d0, j.su, j.eu, COUNT(t.jid) AS touches, ")
            .Append(dialect.FilteredList("t.ch", "t.ut, " + dialect.BinaryOrder("t.ch"), inWindow)).Append(" AS path")
            .Append(" FROM j LEFT JOIN t ON t.jid = j.id AND t.ch IS NOT NULL GROUP BY j.id, j.state, j.deal, j.d0, j.su, j.eu)");

        // q: the journeys that have a path: in-window touches, or the lead's own source when it has no touch at all.
        sql.Append(", q AS (SELECT state, deal, CASE WHEN touches = 0 THEN ").Append(dialect.ListOf("COALESCE(d0, " + command.Bind("missing", DimensionMissing) + ")"))
            .Append(" ELSE path END AS path FROM p WHERE ");
        // The source step is in the window like a touch: at or before the end (a lead won before its recorded acquisition has
        // none) and within the lookback.
        sql.Append(useLeadSource ? "(touches = 0 AND su <= eu" + (lookbackMicros is not null ? " AND eu - su <= " + command.Bind("lookback", lookbackMicros.Value) : string.Empty) + ")" : "1 = 0")
            .Append(" OR (touches > 0 AND path IS NOT NULL))");

        sql.Append(" SELECT path, CAST(COUNT(CASE WHEN state = ").Append(won).Append(" THEN 1 END) AS BIGINT) AS conversions, CAST(SUM(CASE WHEN state = ").Append(won)
            .Append(" THEN COALESCE(deal, 0) END) AS DECIMAL(38, 0)) AS value, CAST(COUNT(CASE WHEN state <> ").Append(won).Append(" THEN 1 END) AS BIGINT) AS nulls FROM q GROUP BY path");
        command.Text = sql.ToString();
        return command;
    }

    // The segment label of a missing value (Data/DimensionKeys), which the in-memory journeys give a lead without a channel.
    internal static string DimensionMissing => DimensionKeys.Missing;

    internal static List<AggregatedPath> Read(DbDataReader reader, SqlDialect dialect, decimal scale)
    {
        var paths = new List<AggregatedPath>();
        while (reader.Read())
        {
            var steps = dialect.ReadList(reader.GetValue(0));

            var conversions = reader.GetInt64(1);
            var value = reader.IsDBNull(2) ? 0m : Convert.ToDecimal(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) / scale;
            paths.Add(new AggregatedPath(steps, conversions, value, reader.GetInt64(3)));
        }

        return paths;
    }
}
