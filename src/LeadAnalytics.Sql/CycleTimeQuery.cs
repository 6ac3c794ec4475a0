using System.Data.Common;
using System.Text;
using LeadAnalytics.Data;

namespace LeadAnalytics.Sql;

/// <summary>
/// Cycle time's sufficient statistics as one GROUP BY query: per segment, the leads counted per (cause, stale flag, duration
/// in whole seconds from acquisition to won, to lost, or to as-of when censored), which is what Kaplan-Meier, Aalen-Johansen,
/// log-rank, RMST and every quantile need exactly; and per transition between consecutive stages recorded by as-of
/// (from * stages + to), the leads per duration. A stale lead counted as lost is lost when the stale rule fired (its latest
/// activity + StaleAfter, at most as-of); counted as open, it is censored at as-of (docs/metrics.md).
/// </summary>
internal static class CycleTimeQuery
{
    internal const int Censored = 0;
    internal const int WonCause = 1;
    internal const int LostCause = 2;
    private const int Outcome = 0;
    private const int Transition = 1;
    private const int Outside = 2;

    internal static SqlCommandText Build(SqlDialect dialect, SourceColumns columns, SqlTableName table, Dimension? segmentBy, long asOfSeconds,
        AcquisitionPeriod period, int staleSeconds, bool staleAsLost)
    {
        var command = new SqlCommandText(dialect);
        var asOf = command.Bind("asof", asOfSeconds);
        var sql = new StringBuilder();
        var d0 = segmentBy is { } by ? columns.Text(FunnelQuery.FieldOf(by)) : dialect.NullText;
        LeadRowsSql.Append(sql, dialect, table, columns, command, d0, dialect.NullText, asOf, asOfSeconds, period, staleSeconds, Array.Empty<(string, string)>());
        var last = LeadRowsSql.N(LeadRowsSql.LastStage);
        string N(int v) => LeadRowsSql.N(v);

        var staleEvent = staleAsLost && staleSeconds > 0
            ? "CASE WHEN latest + " + LeadRowsSql.StaleParameter(command, staleSeconds) + " < " + asOf + " THEN latest + " + LeadRowsSql.StaleParameter(command, staleSeconds) + " ELSE " + asOf + " END"
            : asOf;
        var staleCause = staleAsLost ? N(LostCause) : N(Censored);

        // d0, kind, a (cause or transition key), b (duration), c (stale flag), n.
        sql.Append(" SELECT d0, CAST(").Append(Outcome).Append(" AS BIGINT) AS kind, CAST(CASE state WHEN ").Append(N(LeadRowsSql.Won)).Append(" THEN ").Append(N(WonCause))
            .Append(" WHEN ").Append(N(LeadRowsSql.Lost)).Append(" THEN ").Append(N(LostCause))
            .Append(" WHEN ").Append(N(LeadRowsSql.Stale)).Append(" THEN ").Append(staleCause).Append(" ELSE ").Append(N(Censored)).Append(" END AS BIGINT) AS a, ")
            .Append("CAST(CASE state WHEN ").Append(N(LeadRowsSql.Won)).Append(" THEN s").Append(last)
            .Append(" WHEN ").Append(N(LeadRowsSql.Lost)).Append(" THEN lost WHEN ").Append(N(LeadRowsSql.Stale)).Append(" THEN ").Append(staleEvent)
            .Append(" ELSE ").Append(asOf).Append(" END - s0 AS BIGINT) AS b, CAST(CASE WHEN state = ").Append(N(LeadRowsSql.Stale))
            .Append(" THEN 1 ELSE 0 END AS BIGINT) AS c, CAST(COUNT(*) AS BIGINT) AS n FROM c WHERE stage >= 0 GROUP BY 1, 2, 3, 4, 5");

        // Transitions into each stage t from the latest earlier stage recorded by as-of (acquisition when none).
        for (var t = 1; t <= LeadRowsSql.LastStage; t++)
        {
            var from = new StringBuilder(t == 1 ? "CASE WHEN 1 = 0 THEN 0" : "CASE");
            var fromAt = new StringBuilder(t == 1 ? "CASE WHEN 1 = 0 THEN s0" : "CASE");
            for (var p = t - 1; p >= 1; p--)
            {
                from.Append(" WHEN s").Append(N(p)).Append(" <= ").Append(asOf).Append(" THEN ").Append(N(p));
                fromAt.Append(" WHEN s").Append(N(p)).Append(" <= ").Append(asOf).Append(" THEN s").Append(N(p));
            }

            from.Append(" ELSE 0 END");
            fromAt.Append(" ELSE s0 END");
            sql.Append(" UNION ALL SELECT d0, CAST(").Append(Transition).Append(" AS BIGINT), CAST((").Append(from).Append(") * ").Append(N(LeadRowsSql.Stages.Length))
                .Append(" + ").Append(N(t)).Append(" AS BIGINT), CAST(s").Append(N(t)).Append(" - (").Append(fromAt).Append(") AS BIGINT), CAST(0 AS BIGINT), CAST(COUNT(*) AS BIGINT)")
                .Append(" FROM c WHERE stage >= 0 AND s").Append(N(t)).Append(" <= ").Append(asOf).Append(" GROUP BY 1, 2, 3, 4, 5");
        }

        // The rows outside the period or acquired after as-of (the partition's row count includes them).
        sql.Append(" UNION ALL SELECT ").Append(dialect.NullText).Append(", CAST(").Append(Outside)
            .Append(" AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(COUNT(*) AS BIGINT) FROM c WHERE stage < 0");
        command.Text = sql.ToString();
        return command;
    }

    internal static CycleSums Read(DbDataReader reader)
    {
        var sums = new CycleSums();
        while (reader.Read())
        {
            var kind = reader.GetInt64(1);
            if (kind == Outside)
            {
                sums.RowCount += reader.GetInt64(5);
                continue;
            }

            var key = reader.IsDBNull(0) ? null : reader.GetString(0);
            var group = sums.Segment(key);
            var a = (int)reader.GetInt64(2);
            var b = reader.GetInt64(3);
            var n = reader.GetInt64(5);
            if (kind == Outcome)
            {
                sums.RowCount += n;
                group.Leads += n;
                group.Stale += reader.GetInt64(4) * n;
                switch (a)
                {
                    case WonCause:
                        group.Won += n;
                        break;
                    case LostCause:
                        group.Lost += n;
                        break;
                    default:
                        group.Open += n;
                        break;
                }

                if (b < 0)
                {
                    group.Negative += n;
                    if (a == WonCause)
                    {
                        group.NegativeWon += n;
                    }
                    else
                    {
                        group.NegativeLost += n;
                    }
                }
                else
                {
                    group.Outcomes[a].Add(new KeyValuePair<long, long>(b, n));
                }
            }
            else if (b < 0)
            {
                group.TransitionNegatives[a] += n;
            }
            else
            {
                (group.Transitions[a] ??= new List<KeyValuePair<long, long>>()).Add(new KeyValuePair<long, long>(b, n));
            }
        }

        return sums;
    }
}

/// <summary>Cycle-time statistics per segment value as the database returned them.</summary>
internal sealed class CycleSums
{
    internal Dictionary<string, CycleGroupSums> Segments { get; } = new(StringComparer.Ordinal);

    internal CycleGroupSums? Missing { get; private set; }

    // Every row of the table with an acquisition instant, in scope or not.
    internal long RowCount { get; set; }

    internal CycleGroupSums Segment(string? value)
    {
        if (value is null)
        {
            return Missing ??= new CycleGroupSums();
        }

        if (!Segments.TryGetValue(value, out var group))
        {
            group = new CycleGroupSums();
            Segments.Add(value, group);
        }

        return group;
    }

    internal CycleGroupSums Overall()
    {
        var all = new CycleGroupSums();
        foreach (var g in Segments.Values)
        {
            all.Add(g);
        }

        if (Missing is not null)
        {
            all.Add(Missing);
        }

        return all;
    }
}

/// <summary>One group's outcome counts and (duration, count) pairs in whole seconds.</summary>
internal sealed class CycleGroupSums
{
    internal long Leads;
    internal long Won;
    internal long Lost;
    internal long Open;
    internal long Stale;
    internal long Negative;
    internal long NegativeWon;
    internal long NegativeLost;

    // By cause: 0 censored, 1 won, 2 lost.
    internal List<KeyValuePair<long, long>>[] Outcomes { get; } = { new(), new(), new() };

    // By key from * stages + to.
    internal List<KeyValuePair<long, long>>?[] Transitions { get; } = new List<KeyValuePair<long, long>>?[LeadRowsSql.Stages.Length * LeadRowsSql.Stages.Length];

    internal long[] TransitionNegatives { get; } = new long[LeadRowsSql.Stages.Length * LeadRowsSql.Stages.Length];

    internal void Add(CycleGroupSums other)
    {
        Leads += other.Leads;
        Won += other.Won;
        Lost += other.Lost;
        Open += other.Open;
        Stale += other.Stale;
        Negative += other.Negative;
        NegativeWon += other.NegativeWon;
        NegativeLost += other.NegativeLost;
        for (var i = 0; i < Outcomes.Length; i++)
        {
            Outcomes[i].AddRange(other.Outcomes[i]);
        }

        for (var k = 0; k < Transitions.Length; k++)
        {
            if (other.Transitions[k] is { } list)
            {
                (Transitions[k] ??= new List<KeyValuePair<long, long>>()).AddRange(list);
            }

            TransitionNegatives[k] += other.TransitionNegatives[k];
        }
    }
}
