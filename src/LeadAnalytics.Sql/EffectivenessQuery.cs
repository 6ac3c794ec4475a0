using System.Data.Common;
using System.Text;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// The effectiveness summary's sufficient statistics for one acquisition period as one GROUP BY query: per segment and class
/// (won, lost, stale, open) the leads, the won leads with a deal amount and their revenue, the leads with a cost and their
/// spend, as exact sums of minor units; the cycle (acquisition to won or lost) and speed-to-lead (acquisition to first
/// contact) durations counted per whole second (the stored resolution, so medians and percentiles come out exact), negative
/// ones included for the exclusion count; the first lead ids without a cost in ordinal order; and, for the segments'
/// maturity, the leads per (outcome cause, time from acquisition to it in whole seconds) with how many of them are older than
/// the maturity window: the run-length form of the in-memory <c>MaturityTally</c>'s sorted keys, which it expands back exactly.
/// </summary>
internal static class EffectivenessQuery
{
    // Reply kinds.
    private const int Figures = 0;
    private const int Cycle = 1;
    private const int Speed = 2;
    private const int IdWithoutCost = 3;
    private const int Outside = 4;
    private const int Maturity = 5;

    internal static SqlCommandText Build(SqlDialect dialect, SourceColumns columns, SqlTableName table, IReadOnlyList<Dimension> dimensions, long asOfSeconds,
        AcquisitionPeriod period, int staleSeconds, int minorUnits, bool durations, int maxIds, long? maturityWindowSeconds)
    {
        var command = new SqlCommandText(dialect);
        var asOf = command.Bind("asof", asOfSeconds);
        var sql = new StringBuilder();
        var d0 = columns.Text(FunnelQuery.FieldOf(dimensions[0]));
        var d1 = dimensions.Count > 1 ? columns.Text(FunnelQuery.FieldOf(dimensions[1])) : dialect.NullText;
        var id = columns.Quoted(LeadField.Id) is { } idColumn ? dialect.Text(idColumn) : dialect.NullText;
        LeadRowsSql.Append(sql, dialect, table, columns, command, d0, d1, asOf, asOfSeconds, period, staleSeconds, new[]
        {
            (columns.Amount(LeadField.DealAmount, minorUnits), "deal"),
            (columns.Amount(LeadField.AcquisitionCost, minorUnits), "cost"),
            (id, "id"),
        });

        const string Tail = ", CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS DECIMAL(38, 0)), CAST(NULL AS DECIMAL(38, 0))";
        var won = LeadRowsSql.N(LeadRowsSql.Won);
        var lost = LeadRowsSql.N(LeadRowsSql.Lost);

        // d0, d1, kind, a, b, n, withAmount, withCost, revenue, spend.
        sql.Append(" SELECT d0, d1, CAST(").Append(Figures).Append(" AS BIGINT) AS kind, CAST(state AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(COUNT(*) AS BIGINT) AS n, ")
            .Append("CAST(COUNT(CASE WHEN state = ").Append(won).Append(" THEN deal END) AS BIGINT) AS with_amount, CAST(COUNT(cost) AS BIGINT) AS with_cost, ")
            .Append("CAST(SUM(CASE WHEN state = ").Append(won).Append(" THEN deal END) AS DECIMAL(38, 0)) AS revenue, CAST(SUM(cost) AS DECIMAL(38, 0)) AS spend ")
            .Append("FROM c WHERE stage >= 0 GROUP BY 1, 2, 3, 4, 5");

        // Cycle: won at the won stage's instant, lost at the loss; by class and duration (negative ones are only counted).
        sql.Append(" UNION ALL SELECT d0, d1, CAST(").Append(Cycle).Append(" AS BIGINT), CAST(state AS BIGINT), CAST(CASE WHEN state = ").Append(won)
            .Append(" THEN s").Append(LeadRowsSql.N(LeadRowsSql.LastStage)).Append(" ELSE lost END - s0 AS BIGINT) AS dur, CAST(COUNT(*) AS BIGINT)").Append(Tail)
            .Append(" FROM c WHERE stage >= 0 AND state IN (").Append(won).Append(", ").Append(lost).Append(")");
        sql.Append(durations ? string.Empty : " AND 1 = 0").Append(" GROUP BY 1, 2, 3, 4, 5");

        // Speed to lead: first contact (the Contacted stage) recorded by as-of.
        sql.Append(" UNION ALL SELECT d0, d1, CAST(").Append(Speed).Append(" AS BIGINT), CAST(0 AS BIGINT), CAST(s1 - s0 AS BIGINT), CAST(COUNT(*) AS BIGINT)").Append(Tail)
            .Append(" FROM c WHERE stage >= 0 AND s1 <= ").Append(asOf).Append(" GROUP BY 1, 2, 3, 4, 5");

        // Maturity: each lead's outcome time from acquisition and its cause, as MaturityTally.Run keys them: won at the won
        // stage (cause 1), lost at the loss (cause 2), open and stale leads censored at as-of (cause 0); a negative time (a
        // chronology fault) counts at zero. with_amount carries the leads acquired at least the window before as-of.
        if (maturityWindowSeconds is { } window)
        {
            var time = "CASE WHEN state = " + won + " THEN s" + LeadRowsSql.N(LeadRowsSql.LastStage) + " - s0 WHEN state = " + lost + " THEN lost - s0 ELSE "
                + asOf + " - s0 END";
            sql.Append(" UNION ALL SELECT d0, d1, CAST(").Append(Maturity).Append(" AS BIGINT), CAST(CASE WHEN state = ").Append(won).Append(" THEN ")
                .Append(MaturityTally.WonCause).Append(" WHEN state = ").Append(lost).Append(" THEN ").Append(MaturityTally.LostCause)
                .Append(" ELSE 0 END AS BIGINT), CAST(CASE WHEN ").Append(time).Append(" < 0 THEN 0 ELSE ").Append(time).Append(" END AS BIGINT), CAST(COUNT(*) AS BIGINT), ")
                .Append("CAST(COUNT(CASE WHEN s0 <= ").Append(command.Bind("mature", checked(asOfSeconds - window))).Append(" THEN 1 END) AS BIGINT), ")
                .Append("CAST(NULL AS BIGINT), CAST(NULL AS DECIMAL(38, 0)), CAST(NULL AS DECIMAL(38, 0)) FROM c WHERE stage >= 0 GROUP BY 1, 2, 3, 4, 5");
        }

        // The rows outside the period or acquired after as-of (the partition's row count includes them).
        sql.Append(" UNION ALL SELECT ").Append(dialect.NullText).Append(", ").Append(dialect.NullText).Append(", CAST(").Append(Outside)
            .Append(" AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(COUNT(*) AS BIGINT)").Append(Tail).Append(" FROM c WHERE stage < 0");

        // The first ids of leads without a cost, by code point (re-sorted ordinally when read).
        if (maxIds > 0)
        {
            sql.Append(" UNION ALL SELECT id, ").Append(dialect.NullText).Append(", CAST(").Append(IdWithoutCost)
                .Append(" AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(1 AS BIGINT)").Append(Tail)
                .Append(" FROM (SELECT id FROM c WHERE stage >= 0 AND cost IS NULL ORDER BY ").Append(dialect.BinaryOrder("id")).Append(" LIMIT ")
                .Append(command.Bind("maxids", (long)maxIds)).Append(") w");
        }

        command.Text = sql.ToString();
        return command;
    }

    /// <summary>Reads the reply.</summary>
    internal static EffectivenessSums Read(DbDataReader reader, int maxIds)
    {
        var sums = new EffectivenessSums();
        var ids = new List<string>();
        while (reader.Read())
        {
            var kind = reader.GetInt64(2);
            if (kind == Outside)
            {
                sums.RowCount += reader.GetInt64(5);
                continue;
            }

            if (kind == IdWithoutCost)
            {
                ids.Add(reader.IsDBNull(0) ? string.Empty : reader.GetString(0));
                continue;
            }

            var key = (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            var segment = sums.Segment(key);
            var a = (int)reader.GetInt64(3);
            var b = reader.GetInt64(4);
            var n = reader.GetInt64(5);
            switch (kind)
            {
                case Figures:
                    sums.RowCount += n;
                    segment.Leads += n;
                    switch (a)
                    {
                        case LeadRowsSql.Won:
                            segment.Won += n;
                            break;
                        case LeadRowsSql.Lost:
                            segment.Lost += n;
                            break;
                        case LeadRowsSql.Stale:
                            segment.Stale += n;
                            segment.Open += n;
                            break;
                        default:
                            segment.Open += n;
                            break;
                    }

                    segment.WonWithAmount += reader.GetInt64(6);
                    segment.LeadsWithCost += reader.GetInt64(7);
                    segment.RevenueMinor += Minor(reader, 8);
                    segment.SpendMinor += Minor(reader, 9);
                    break;
                case Maturity:
                    segment.Maturity.Add(new KeyValuePair<long, long>((b << 2) | (long)a, n));
                    segment.Mature += reader.GetInt64(6);
                    break;
                case Cycle when b < 0:
                case Speed when b < 0:
                    segment.NegativeDurations += n;
                    break;
                case Cycle:
                    segment.Cycle.Add(new KeyValuePair<long, long>(b, n));
                    if (a == LeadRowsSql.Won)
                    {
                        segment.Win.Add(new KeyValuePair<long, long>(b, n));
                    }

                    break;
                default:
                    segment.Speed.Add(new KeyValuePair<long, long>(b, n));
                    break;
            }
        }

        ids.Sort(StringComparer.Ordinal);
        if (ids.Count > maxIds)
        {
            ids.RemoveRange(maxIds, ids.Count - maxIds);
        }

        sums.IdsWithoutCost = ids;
        return sums;
    }

    // A DECIMAL(38, 0) sum of minor units (NULL: no amount) as a long.
    internal static long Minor(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : decimal.ToInt64(Convert.ToDecimal(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>One period's effectiveness statistics as the database returned them, per segment (d0, d1).</summary>
internal sealed class EffectivenessSums
{
    internal Dictionary<(string? First, string? Second), SegmentSums> Segments { get; } = new();

    internal IReadOnlyList<string> IdsWithoutCost { get; set; } = Array.Empty<string>();

    // Every row of the table with an acquisition instant, in scope or not.
    internal long RowCount { get; set; }

    internal SegmentSums Segment((string?, string?) key)
    {
        if (!Segments.TryGetValue(key, out var segment))
        {
            segment = new SegmentSums();
            Segments.Add(key, segment);
        }

        return segment;
    }

    /// <summary>The sums of every segment (each lead is in exactly one: no tags).</summary>
    internal SegmentSums Total()
    {
        var total = new SegmentSums();
        foreach (var s in Segments.Values)
        {
            total.Add(s);
        }

        return total;
    }
}

/// <summary>One segment's counts, minor-unit sums and (duration, count) pairs in whole seconds.</summary>
internal sealed class SegmentSums
{
    internal long Leads;
    internal long Won;
    internal long Lost;
    internal long Open;
    internal long Stale;
    internal long RevenueMinor;
    internal long WonWithAmount;
    internal long SpendMinor;
    internal long LeadsWithCost;
    internal long NegativeDurations;
    internal long Mature;

    internal List<KeyValuePair<long, long>> Cycle { get; } = new();

    internal List<KeyValuePair<long, long>> Win { get; } = new();

    internal List<KeyValuePair<long, long>> Speed { get; } = new();

    // (MaturityTally key: seconds x 4 + cause, leads).
    internal List<KeyValuePair<long, long>> Maturity { get; } = new();

    internal void Add(SegmentSums other)
    {
        Leads += other.Leads;
        Won += other.Won;
        Lost += other.Lost;
        Open += other.Open;
        Stale += other.Stale;
        RevenueMinor += other.RevenueMinor;
        WonWithAmount += other.WonWithAmount;
        SpendMinor += other.SpendMinor;
        LeadsWithCost += other.LeadsWithCost;
        NegativeDurations += other.NegativeDurations;
        Mature += other.Mature;
        Cycle.AddRange(other.Cycle);
        Win.AddRange(other.Win);
        Speed.AddRange(other.Speed);
        Maturity.AddRange(other.Maturity);
    }
}
