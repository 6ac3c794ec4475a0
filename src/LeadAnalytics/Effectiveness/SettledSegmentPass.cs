using LeadAnalytics.Data;
using LeadAnalytics.Findings;

namespace LeadAnalytics.Effectiveness;

// The common dashboard question in one pass over the table's columns: one dimension without tags, all time, as of after
// every event in the table (so every lead is in the period and its outcome is as recorded), per-lead costs and no duration
// statistics. SegmentAggregator answers every case through per-lead arrays (rows in period, memberships, spend, durations);
// here each lead goes straight into its value's figures, and the figures are the same integers, so the result is identical
// (a property test compares the two). Rows are split into chunks merged in chunk order, as everywhere.
internal static class SettledSegmentPass
{
    internal static bool Applies(LeadTable table, Dimension[] dimensions, AcquisitionPeriod period, int asOfSeconds, CostSource source,
        EffectivenessOptions options) =>
        dimensions.Length == 1 && dimensions[0] != Dimension.Tag && period.From is null && period.To is null
        && asOfSeconds >= table.MaxEventSeconds && source == CostSource.PerLeadCosts && !options.IncludeDurations;

    // The aggregate (segments numbered by first appearance in row order, as SegmentAggregator numbers them), the per-lead
    // spend in minor units and the number of leads without a cost.
    internal static (SegmentAggregator.Aggregate Aggregate, long SpendMinor, int WithoutCost) Run(LeadTable table, Dimension dimension, int asOf,
        EffectivenessOptions options)
    {
        var column = table.Dimensions[(int)dimension];
        var cardinality = column.Cardinality;
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(0, table.Count, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var chunkFigures = new SegmentFigures[chunks][];
        var chunkFirst = new int[chunks][];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var figures = new SegmentFigures[cardinality];
            var first = new int[cardinality];
            for (var i = 0; i < first.Length; i++)
            {
                first[i] = int.MaxValue;
            }

            Count(table, column.Codes, asOf, LeadTable.StaleSeconds(options.Scope.StaleAfter), bounds[c], bounds[c + 1], figures, first);
            chunkFigures[c] = figures;
            chunkFirst[c] = first;
        });

        var merged = new SegmentFigures[cardinality];
        var firstRow = new int[cardinality];
        for (var code = 0; code < cardinality; code++)
        {
            firstRow[code] = int.MaxValue;
            for (var c = 0; c < chunks; c++)
            {
                SegmentAggregator.Add(ref merged[code], chunkFigures[c][code]);
                firstRow[code] = Math.Min(firstRow[code], chunkFirst[c][code]);
            }
        }

        var present = new List<int>();
        for (var code = 0; code < cardinality; code++)
        {
            if (merged[code].Leads > 0)
            {
                present.Add(code);
            }
        }

        present.Sort((a, b) => firstRow[a].CompareTo(firstRow[b]));
        var keys = new SegmentKey[present.Count];
        var segments = new SegmentFigures[present.Count];
        var total = default(SegmentFigures);
        for (var s = 0; s < present.Count; s++)
        {
            keys[s] = SegmentKey.Of(dimension, column.ValueOf(present[s]));
            segments[s] = merged[present[s]];
            SegmentAggregator.Add(ref total, segments[s]);
        }

        return (new SegmentAggregator.Aggregate(keys, segments, total, overlap: false), total.SpendMinor, total.Leads - total.LeadsWithCost);
    }

    private static void Count(LeadTable table, CodeColumn codes, int asOf, int staleSeconds, int start, int end, SegmentFigures[] figures, int[] first)
    {
        var acquired = table.StageSeconds[0];
        var wonAt = table.StageSeconds[table.StageSeconds.Length - 1];
        var lostAt = table.LostSeconds;
        var latest = table.LatestActivity;
        var contactStage = SegmentAggregator.ContactStage(table.Pipeline);
        var contactedAt = contactStage > 0 ? table.StageSeconds[contactStage] : null;
        var deals = table.DealMinor;
        var costs = table.CostMinor;
        var staleEnabled = staleSeconds > 0 ? 1 : 0;
        for (var row = start; row < end; row++)
        {
            var code = codes[row];
            if (first[code] == int.MaxValue)
            {
                first[code] = row;
            }

            // As of after every event: won, lost and contact instants are all at or before as-of when recorded. Counted as 0/1
            // integers rather than branches: whether consecutive leads are won, lost, open or stale is unpredictable.
            ref var f = ref figures[code];
            var won = wonAt[row];
            var lost = lostAt[row];
            var isWon = won != LeadTable.MissingTime ? 1 : 0;
            var isLost = (1 - isWon) & (lost != LeadTable.MissingTime ? 1 : 0);
            var isOpen = 1 - isWon - isLost;
            var deal = deals[row];
            var hasDeal = isWon & (deal != LeadTable.MissingAmount ? 1 : 0);
            var cost = costs[row];
            var hasCost = cost != LeadTable.MissingAmount ? 1 : 0;
            var acquiredAt = acquired[row];
            var endedAt = isWon != 0 ? won : lost;
            var negative = (isWon | isLost) & ((long)endedAt - acquiredAt < 0 ? 1 : 0);
            f.Leads++;
            f.Won += isWon;
            f.Lost += isLost;
            f.Open += isOpen;
            f.Stale += isOpen & staleEnabled & ((long)asOf - latest[row] >= staleSeconds ? 1 : 0);
            f.RevenueMinor += deal & -(long)hasDeal;
            f.WonWithAmount += hasDeal;
            f.SpendMinor += cost & -(long)hasCost;
            f.LeadsWithCost += hasCost;
            if (contactedAt is not null)
            {
                var contacted = contactedAt[row];
                negative += (contacted != LeadTable.MissingTime ? 1 : 0) & ((long)contacted - acquiredAt < 0 ? 1 : 0);
            }

            f.NegativeDurations += negative;
        }
    }
}
