using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

// Groups the in-period rows of a LeadTable by the one segment grouping (SegmentGrouping) and sums each segment's figures.
// Everything runs over the table's arrays: no LINQ and no allocation per row. The caller orders segments by their keys'
// values, so row order does not leak into the result.
internal static class SegmentAggregator
{
    private const int NoDuration = -1;

    internal sealed class Aggregate
    {
        public Aggregate(SegmentKey[] keys, SegmentFigures[] figures, SegmentFigures total, bool overlap, SegmentDurations[]? durations = null)
        {
            Keys = keys;
            Figures = figures;
            Total = total;
            Overlap = overlap;
            Durations = durations;
        }

        public SegmentKey[] Keys { get; }

        public SegmentFigures[] Figures { get; }

        public SegmentFigures Total { get; }

        public bool Overlap { get; }

        // Per segment, then the total last; null when durations are not collected.
        public SegmentDurations[]? Durations { get; }
    }

    // Rows are split into contiguous chunks (one per thread, EffectivenessOptions.MaxDegreeOfParallelism) and merged in
    // chunk order, so every thread count gives the single pass exactly: figures are integer counts and minor-unit sums, and
    // durations are counted per value. Segment membership is the one grouping of every engine (SegmentGrouping).
    // spend and hasCost are per entry of rows (an allocated costs table), or both null to read the table's per-lead costs.
    internal static Aggregate Run(LeadTable table, int[] rows, SegmentGrouping grouping, long[]? spend, bool[]? hasCost, int asOf, EffectivenessOptions options)
    {
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(0, rows.Length, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var groups = grouping.Count;
        var totalIndex = grouping.Total;

        // ---- counts and sums per chunk, added in chunk order; durations kept per row for the samples ----
        var cycle = new int[rows.Length];
        var speed = new int[rows.Length];
        var won = new bool[rows.Length];
        var chunkFigures = new SegmentFigures[chunks][];
        var chunkOverlap = new bool[chunks];
        var context = new RowContext(table, asOf, LeadTable.StaleSeconds(options.Scope.StaleAfter));

        // The duration samples are counted in the same pass (grouped in flat arrays), filled in a second.
        var durations = options.IncludeDurations;
        var cycles = new GroupedSamples(groups, chunks);
        var wins = new GroupedSamples(groups, chunks);
        var speeds = new GroupedSamples(groups, chunks);
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var local = new SegmentFigures[groups];
            var members = new int[grouping.MaxGroupsPerRow];
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                var n = grouping.GroupsOf(rows[i], members);
                chunkOverlap[c] |= n > 2;
                Count(context, rows[i], i, members, n, spend, hasCost, cycle, speed, won, local);
                for (var m = 0; durations && m < n; m++)
                {
                    var g = members[m];
                    if (cycle[i] != NoDuration)
                    {
                        cycles.Count(c, g);
                        if (won[i])
                        {
                            wins.Count(c, g);
                        }
                    }

                    if (speed[i] != NoDuration)
                    {
                        speeds.Count(c, g);
                    }
                }
            }

            chunkFigures[c] = local;
        });

        var figures = new SegmentFigures[groups];
        var overlap = false;
        for (var c = 0; c < chunks; c++)
        {
            overlap |= chunkOverlap[c];
            for (var g = 0; g < groups; g++)
            {
                Add(ref figures[g], chunkFigures[c][g]);
            }
        }

        // ---- durations counted per value (whole seconds), so partials merge to the single pass's medians ----
        cycles.Seal();
        wins.Seal();
        speeds.Seal();
        RowChunks.ForEach(durations ? chunks : 0, parallelism, c =>
        {
            var members = new int[grouping.MaxGroupsPerRow];
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                if (cycle[i] == NoDuration && speed[i] == NoDuration)
                {
                    continue;
                }

                var n = grouping.GroupsOf(rows[i], members);
                for (var m = 0; m < n; m++)
                {
                    var g = members[m];
                    if (cycle[i] != NoDuration)
                    {
                        cycles.Add(c, g, cycle[i]);
                        if (won[i])
                        {
                            wins.Add(c, g, cycle[i]);
                        }
                    }

                    if (speed[i] != NoDuration)
                    {
                        speeds.Add(c, g, speed[i]);
                    }
                }
            }
        });

        // Only the segments with leads; each group's slice is sorted and counted apart, so groups run in parallel.
        var present = new List<int>();
        for (var g = 0; g < totalIndex; g++)
        {
            if (figures[g].Leads > 0)
            {
                present.Add(g);
            }
        }

        present.Add(totalIndex);
        SegmentDurations[]? counted = null;
        if (durations)
        {
            var all = new SegmentDurations[present.Count];
            RowChunks.ForEach(present.Count, parallelism, k =>
            {
                var g = present[k];
                all[k] = new SegmentDurations(cycles.Counts(g), wins.Counts(g), speeds.Counts(g));
            });
            counted = all;
        }

        var segments = present.Count - 1;
        var keys = new SegmentKey[segments];
        var segmentFigures = new SegmentFigures[segments];
        for (var k = 0; k < segments; k++)
        {
            keys[k] = grouping.SegmentKeyOf(present[k]);
            segmentFigures[k] = figures[present[k]];
        }

        return new Aggregate(keys, segmentFigures, figures[totalIndex], overlap, counted);
    }

    // One row: its outcome, money and durations, added to each of its groups (the total among them).
    private static void Count(RowContext context, int row, int i, int[] members, int memberCount, long[]? spend, bool[]? hasCost, int[] cycle, int[] speed,
        bool[] won, SegmentFigures[] figures)
    {
        var table = context.Table;
        var asOf = context.AsOf;
        var acquired = table.StageSeconds[0];
        var wonAt = table.StageSeconds[table.StageSeconds.Length - 1];
        var contactedAt = context.ContactedAt;
        var outcome = table.OutcomeAt(row, asOf);
        var stale = outcome == Outcome.Open && table.IsStaleAt(row, asOf, context.StaleSeconds);
        var deal = table.DealMinor[row];
        var negative = 0;
        cycle[i] = NoDuration;
        if (outcome != Outcome.Open)
        {
            var endAt = outcome == Outcome.Won ? wonAt[row] : table.LostSeconds[row];
            var d = (long)endAt - acquired[row];
            if (d < 0)
            {
                negative++;
            }
            else
            {
                cycle[i] = (int)Math.Min(d, int.MaxValue);
            }
        }

        speed[i] = NoDuration;
        if (contactedAt is not null && contactedAt[row] != LeadTable.MissingTime && contactedAt[row] <= asOf)
        {
            var d = (long)contactedAt[row] - acquired[row];
            if (d < 0)
            {
                negative++;
            }
            else
            {
                speed[i] = (int)Math.Min(d, int.MaxValue);
            }
        }

        won[i] = outcome == Outcome.Won;
        var rowSpend = spend is null ? table.CostMinor[row] : spend[i];
        var rowHasCost = hasCost is null ? rowSpend != LeadTable.MissingAmount : hasCost[i];
        for (var m = 0; m < memberCount; m++)
        {
            ref var f = ref figures[members[m]];
            f.Leads++;
            switch (outcome)
            {
                case Outcome.Won:
                    f.Won++;
                    if (deal != LeadTable.MissingAmount)
                    {
                        f.RevenueMinor += deal;
                        f.WonWithAmount++;
                    }

                    break;
                case Outcome.Lost:
                    f.Lost++;
                    break;
                default:
                    f.Open++;
                    if (stale)
                    {
                        f.Stale++;
                    }

                    break;
            }

            if (rowHasCost)
            {
                f.SpendMinor += rowSpend;
                f.LeadsWithCost++;
            }

            f.NegativeDurations += negative;
        }
    }

    // Integer fields only: the medians are computed after the merge.
    internal static void Add(ref SegmentFigures total, in SegmentFigures part)
    {
        total.Leads += part.Leads;
        total.Won += part.Won;
        total.Lost += part.Lost;
        total.Open += part.Open;
        total.Stale += part.Stale;
        total.RevenueMinor += part.RevenueMinor;
        total.WonWithAmount += part.WonWithAmount;
        total.SpendMinor += part.SpendMinor;
        total.LeadsWithCost += part.LeadsWithCost;
        total.NegativeDurations += part.NegativeDurations;
    }

    private sealed class RowContext
    {
        internal RowContext(LeadTable table, int asOf, int staleSeconds)
        {
            Table = table;
            AsOf = asOf;
            StaleSeconds = staleSeconds;
            var contactStage = ContactStage(table.Pipeline);
            ContactedAt = contactStage > 0 ? table.StageSeconds[contactStage] : null;
        }

        internal LeadTable Table { get; }

        internal int AsOf { get; }

        internal int StaleSeconds { get; }

        internal int[]? ContactedAt { get; }
    }

    // The stage whose instant is "first contact": the pipeline's Contacted stage, else its second stage unless that is won.
    internal static int ContactStage(Pipeline pipeline)
    {
        var named = pipeline.IndexOf(Pipeline.Contacted);
        if (named > 0)
        {
            return named;
        }

        return pipeline.Count > 2 ? 1 : -1;
    }
}
