using System.Data.Common;
using System.Text;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// The funnel's partial as one GROUP BY query: per segment, the leads counted by the stage they stopped at and why (won,
/// lost, stale, open: <see cref="FunnelLayout"/>'s cells, as the in-memory classifier decides them, replicated in CASE
/// expressions), the chronology faults, and per step the number of leads per duration in whole seconds (the stored
/// resolution), split by sign. The reply is a few rows per segment and stage plus one row per distinct step duration.
/// </summary>
internal static class FunnelQuery
{
    // The default pipeline's stage columns, in order; the last is won.
    internal static readonly LeadField[] Stages =
    {
        LeadField.AcquiredAt, LeadField.ContactedAt, LeadField.NeedsConfirmedAt, LeadField.ProposalSentAt, LeadField.NegotiationAt, LeadField.WonAt,
    };

    internal static SqlCommandText Build(SqlDialect dialect, SqlTableName table, SourceColumns columns, FunnelGrouping grouping, long asOfSeconds,
        AnalysisScope scope, bool durations)
    {
        var staleSeconds = LeadTable.StaleSeconds(scope.StaleAfter);
        columns.Require(LeadField.AcquiredAt);
        var command = new SqlCommandText(dialect);
        var asOf = command.Bind("asof", asOfSeconds);
        var last = Stages.Length - 1;
        var sql = new StringBuilder();

        // r: the mapped columns as epoch microseconds and segment texts.
        sql.Append("WITH r AS (");
        Instants(sql, dialect, table, columns, command, Segment(dialect, columns, grouping, 0), Segment(dialect, columns, grouping, 1));
        sql.Append(')');

        // s: whole seconds (the LeadTable's resolution, floored) and the chronology fault flag, decided on the full instants as
        // the lead rules do: a recorded stage (or lost) before acquisition or before the latest earlier recorded stage.
        sql.Append(", s AS (SELECT d0, d1");
        for (var k = 0; k < Stages.Length; k++)
        {
            sql.Append(", ").Append(dialect.FloorSeconds("u" + k)).Append(" AS s").Append(k);
        }

        sql.Append(", ").Append(dialect.FloorSeconds("ulost")).Append(" AS lost, ").Append(dialect.FloorSeconds("uact")).Append(" AS act, CASE WHEN ");
        for (var k = 1; k <= Stages.Length; k++)
        {
            var field = k == Stages.Length ? "ulost" : "u" + k;
            sql.Append(k > 1 ? " OR " : "").Append(field).Append(" < ").Append(EarlierMax(k));
        }

        sql.Append(" THEN 1 ELSE 0 END AS fault FROM r WHERE u0 IS NOT NULL)");

        // c: the furthest stage reached by as-of (-1: acquired after as-of or outside the scope's acquisition period, counted in
        // no cell).
        sql.Append(", c AS (SELECT s.*, CASE WHEN s0 > ").Append(asOf);
        OutsidePeriod(sql, command, scope.Period);
        sql.Append(" THEN -1");
        for (var k = last; k >= 1; k--)
        {
            sql.Append(" WHEN s").Append(k).Append(" <= ").Append(asOf).Append(" THEN ").Append(k);
        }

        sql.Append(" ELSE 0 END AS stage FROM s)");

        // Counts: category 0 at the won stage; else lost by as-of, else stale, else open (FunnelLayout's categories).
        sql.Append(" SELECT d0, d1, CAST(0 AS BIGINT) AS kind, CAST(stage AS BIGINT) AS a, CAST(CASE WHEN stage < 0 OR stage = ").Append(last)
            .Append(" THEN 0 WHEN lost <= ").Append(asOf).Append(" THEN ").Append(FunnelLayout.Lost);
        if (staleSeconds > 0)
        {
            var stale = command.Bind("stale", staleSeconds);
            sql.Append(" WHEN ").Append(asOf).Append(" - ").Append(LatestActivity(asOf)).Append(" >= ").Append(stale).Append(" THEN ").Append(FunnelLayout.Stale);
        }

        sql.Append(" ELSE ").Append(FunnelLayout.Open).Append(" END AS BIGINT) AS b, CAST(COUNT(*) AS BIGINT) AS n, CAST(SUM(fault) AS BIGINT) AS faults FROM c GROUP BY 1, 2, 3, 4, 5");

        if (durations)
        {
            // Durations: per step, leads with both instants recorded by as-of, counted per whole-second duration.
            sql.Append(" UNION ALL SELECT d0, d1, CAST(1 AS BIGINT), CAST(k AS BIGINT), CAST(dur AS BIGINT), CAST(COUNT(*) AS BIGINT), CAST(0 AS BIGINT) FROM (");
            for (var k = 0; k < last; k++)
            {
                sql.Append(k > 0 ? " UNION ALL " : "").Append("SELECT d0, d1, ").Append(k).Append(" AS k, s").Append(k + 1).Append(" - s").Append(k)
                    .Append(" AS dur FROM c WHERE stage >= 0 AND s").Append(k).Append(" <= ").Append(asOf).Append(" AND s").Append(k + 1).Append(" <= ").Append(asOf);
            }

            sql.Append(") x GROUP BY 1, 2, 3, 4, 5");
        }

        // Recorded stages: per stage, how many rows have a timestamp for it (docs/funnel.md, "Stages the data does not record").
        for (var k = 0; k < Stages.Length; k++)
        {
            sql.Append(" UNION ALL SELECT ").Append(dialect.NullText).Append(", ").Append(dialect.NullText).Append(", CAST(2 AS BIGINT), CAST(").Append(k)
                .Append(" AS BIGINT), CAST(0 AS BIGINT), CAST(COUNT(s").Append(k).Append(") AS BIGINT), CAST(0 AS BIGINT) FROM s");
        }

        command.Text = sql.ToString();
        return command;
    }

    // " OR s0 < from OR s0 >= to": the acquisition period [from, to), bounds rounded up to the second as TableTime does.
    internal static void OutsidePeriod(StringBuilder sql, SqlCommandText command, AcquisitionPeriod period)
    {
        if (period.From is { } from)
        {
            sql.Append(" OR s0 < ").Append(command.Bind("from", SqlLeadSource.CeilSeconds(from)));
        }

        if (period.To is { } to)
        {
            sql.Append(" OR s0 >= ").Append(command.Bind("to", SqlLeadSource.CeilSeconds(to)));
        }
    }

    /// <summary>The latest instant recorded in the table (any stage, lost or last activity), in epoch microseconds.</summary>
    internal static SqlCommandText LatestEvent(SqlDialect dialect, SqlTableName table, SourceColumns columns)
    {
        columns.Require(LeadField.AcquiredAt);
        var command = new SqlCommandText(dialect);
        var sql = new StringBuilder("SELECT CAST(MAX(").Append(EarlierMax(Stages.Length + 2)).Append(") AS BIGINT) FROM (");
        Instants(sql, dialect, table, columns, command, dialect.NullText, dialect.NullText);
        sql.Append(") r WHERE u0 IS NOT NULL");
        command.Text = sql.ToString();
        return command;
    }

    // SELECT d0, d1, u0..u5, ulost, uact FROM table: the instants as epoch microseconds.
    private static void Instants(StringBuilder sql, SqlDialect dialect, SqlTableName table, SourceColumns columns, SqlCommandText command, string d0, string d1)
    {
        sql.Append("SELECT ").Append(d0).Append(" AS d0, ").Append(d1).Append(" AS d1");
        for (var k = 0; k < Stages.Length; k++)
        {
            sql.Append(", ").Append(columns.Micros(Stages[k], command) ?? "CAST(NULL AS BIGINT)").Append(" AS u").Append(k);
        }

        sql.Append(", ").Append(columns.Micros(LeadField.LostAt, command) ?? "CAST(NULL AS BIGINT)").Append(" AS ulost");
        sql.Append(", ").Append(columns.Micros(LeadField.LastActivityAt, command) ?? "CAST(NULL AS BIGINT)").Append(" AS uact");
        sql.Append(" FROM ").Append(table.Quoted(dialect));
    }

    /// <summary>Reads the reply into the engine's partial.</summary>
    internal static FunnelPartition Read(DbDataReader reader, FunnelGrouping grouping, DateTimeOffset asOf, FunnelOptions options)
    {
        var pipeline = Pipeline.Default;
        var layout = new FunnelLayout(pipeline.Count);
        var tallies = new Dictionary<GroupKey, (long[] Cells, List<KeyValuePair<int, long>>[] Durations)>();
        long rows = 0;
        var recorded = new bool[pipeline.Count];
        while (reader.Read())
        {
            var key = new GroupKey(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), 0);
            var kind = reader.GetInt64(2);
            var a = (int)reader.GetInt64(3);
            var b = reader.GetInt64(4);
            var n = reader.GetInt64(5);
            if (kind == 2)
            {
                recorded[a] |= n > 0;
                continue;
            }

            if (kind == 0 && a < 0)
            {
                rows += n;
                continue;
            }

            if (!tallies.TryGetValue(key, out var tally))
            {
                var lists = new List<KeyValuePair<int, long>>[layout.Steps];
                for (var k = 0; k < lists.Length; k++)
                {
                    lists[k] = new List<KeyValuePair<int, long>>();
                }

                tally = (new long[layout.Stride], lists);
                tallies.Add(key, tally);
            }

            if (kind == 0)
            {
                rows += n;
                tally.Cells[FunnelLayout.Cell(a, (int)b)] += n;
                tally.Cells[layout.FaultOffset] += reader.GetInt64(6);
            }
            else if (b >= 0)
            {
                tally.Cells[layout.DurationOffset + a] += n;
                tally.Durations[a].Add(new KeyValuePair<int, long>((int)Math.Min(int.MaxValue, b), n));
            }
            else
            {
                tally.Cells[layout.NegativeOffset + a] += n;
            }
        }

        var segments = new Dictionary<GroupKey, FunnelTally>();
        var total = FunnelTally.Empty(layout);
        foreach (var pair in tallies)
        {
            var durations = new int[layout.Steps][];
            for (var k = 0; k < durations.Length; k++)
            {
                durations[k] = Expand(pair.Value.Durations[k]);
            }

            var t = new FunnelTally(pair.Value.Cells, durations);
            total = FunnelTally.Merge(total, t);
            if (grouping.Dimensions.Count > 0 && t.Leads(layout) > 0)
            {
                segments.Add(pair.Key, t);
            }
        }

        var targets = FunnelResultFactory.ResolveTargets(pipeline, options.Targets);
        return new FunnelPartition(grouping, asOf, pipeline, options, targets, rows, total, segments, recorded);
    }

    // Ascending durations, each repeated by its count.
    private static int[] Expand(List<KeyValuePair<int, long>> counts)
    {
        if (counts.Count == 0)
        {
            return Array.Empty<int>();
        }

        counts.Sort((x, y) => x.Key.CompareTo(y.Key));
        long length = 0;
        foreach (var c in counts)
        {
            length += c.Value;
        }

        var values = new int[length];
        var i = 0;
        foreach (var c in counts)
        {
            for (var j = 0L; j < c.Value; j++)
            {
                values[i++] = c.Key;
            }
        }

        return values;
    }

    private static string Segment(SqlDialect dialect, SourceColumns columns, FunnelGrouping grouping, int index) =>
        index < grouping.Dimensions.Count ? columns.Text(FieldOf(grouping.Dimensions[index])) : dialect.NullText;

    internal static LeadField FieldOf(Dimension dimension) => dimension switch
    {
        Dimension.Channel => LeadField.Channel,
        Dimension.Strategy => LeadField.Strategy,
        Dimension.Content => LeadField.Content,
        Dimension.Industry => LeadField.Industry,
        Dimension.Owner => LeadField.Owner,
        Dimension.CustomerType => LeadField.CustomerType,
        _ => throw new NotSupportedException($"Breakdowns by {dimension} are not pushed down yet (tags are a list per lead)."),
    };

    // The latest of acquisition and the recorded instants before stage k (k = stage count means lost: all stages; one more
    // adds lost, two more the last activity).
    private static string EarlierMax(int k)
    {
        if (k == 1)
        {
            return "u0";
        }

        var sb = new StringBuilder("GREATEST(u0");
        for (var j = 1; j < k; j++)
        {
            var column = j < Stages.Length ? "u" + j.ToString(System.Globalization.CultureInfo.InvariantCulture) : j == Stages.Length ? "ulost" : "uact";
            sb.Append(", COALESCE(").Append(column).Append(", u0)");
        }

        return sb.Append(')').ToString();
    }

    // The latest stage, lost or activity instant at or before as-of: acquisition (always at or before it here) fills the rest.
    private static string LatestActivity(string asOf)
    {
        var sb = new StringBuilder("GREATEST(s0");
        foreach (var column in new[] { "s1", "s2", "s3", "s4", "s5", "lost", "act" })
        {
            sb.Append(", CASE WHEN ").Append(column).Append(" <= ").Append(asOf).Append(" THEN ").Append(column).Append(" ELSE s0 END");
        }

        return sb.Append(')').ToString();
    }
}
