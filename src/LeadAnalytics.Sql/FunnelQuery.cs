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
    internal static readonly LeadField[] Stages = LeadRowsSql.Stages;

    internal static SqlCommandText Build(SqlDialect dialect, SqlTableName table, SourceColumns columns, FunnelGrouping grouping, long asOfSeconds,
        AnalysisScope scope, bool durations)
    {
        var command = new SqlCommandText(dialect);
        var asOf = command.Bind("asof", asOfSeconds);
        var last = LeadRowsSql.LastStage;
        var sql = new StringBuilder();
        LeadRowsSql.Append(sql, dialect, table, columns, command, Segment(dialect, columns, grouping, 0), Segment(dialect, columns, grouping, 1), asOf, asOfSeconds,
            scope.Period, LeadTable.StaleSeconds(scope.StaleAfter), Array.Empty<(string, string)>());

        // Counts: category 0 at the won stage (and outside the scope); else lost, stale or open (FunnelLayout's categories).
        sql.Append(" SELECT d0, d1, CAST(0 AS BIGINT) AS kind, CAST(stage AS BIGINT) AS a, CAST(CASE WHEN stage < 0 OR stage = ").Append(last)
            .Append(" THEN 0 WHEN state = ").Append(LeadRowsSql.Lost).Append(" THEN ").Append(FunnelLayout.Lost)
            .Append(" WHEN state = ").Append(LeadRowsSql.Stale).Append(" THEN ").Append(FunnelLayout.Stale)
            .Append(" ELSE ").Append(FunnelLayout.Open).Append(" END AS BIGINT) AS b, CAST(COUNT(*) AS BIGINT) AS n, CAST(SUM(fault) AS BIGINT) AS faults");

        // Recorded stages in the same scan: per stage after acquisition, how many rows have a timestamp for it (docs/funnel.md,
        // "Stages the data does not record"); the reader sums them over the groups.
        for (var k = 1; k < Stages.Length; k++)
        {
            sql.Append(", CAST(COUNT(u").Append(k).Append(") AS BIGINT) AS r").Append(k);
        }

        sql.Append(" FROM c GROUP BY 1, 2, 3, 4, 5");
        var noRecorded = string.Concat(Enumerable.Repeat(", CAST(0 AS BIGINT)", Stages.Length - 1));

        if (durations)
        {
            // Durations: per step, leads with both instants recorded by as-of, counted per whole-second duration.
            sql.Append(" UNION ALL SELECT d0, d1, CAST(1 AS BIGINT), CAST(k AS BIGINT), CAST(dur AS BIGINT), CAST(COUNT(*) AS BIGINT), CAST(0 AS BIGINT)").Append(noRecorded).Append(" FROM (");
            for (var k = 0; k < last; k++)
            {
                sql.Append(k > 0 ? " UNION ALL " : "").Append("SELECT d0, d1, ").Append(k).Append(" AS k, s").Append(k + 1).Append(" - s").Append(k)
                    .Append(" AS dur FROM c WHERE stage >= 0 AND s").Append(k).Append(" <= ").Append(asOf).Append(" AND s").Append(k + 1).Append(" <= ").Append(asOf);
            }

            sql.Append(") x GROUP BY 1, 2, 3, 4, 5");
        }

        command.Text = sql.ToString();
        return command;
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
            if (kind == 0)
            {
                recorded[0] |= n > 0;
                for (var k = 1; k < recorded.Length; k++)
                {
                    recorded[k] |= reader.GetInt64(6 + k) > 0;
                }
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
}
