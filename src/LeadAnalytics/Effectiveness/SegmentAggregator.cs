using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

// Groups the in-period rows of a LeadTable by the int codes of one or two dimensions and sums each segment's figures.
// Everything runs over the table's arrays: no LINQ and no allocation per row. Segment ids are dense ints assigned in row
// order; the caller orders segments by their keys' values, so row order does not leak into the result.
internal static class SegmentAggregator
{
    private const int NoDuration = -1;

    internal sealed class Aggregate
    {
        public Aggregate(SegmentKey[] keys, SegmentFigures[] figures, SegmentFigures total, bool overlap)
        {
            Keys = keys;
            Figures = figures;
            Total = total;
            Overlap = overlap;
        }

        public SegmentKey[] Keys { get; }

        public SegmentFigures[] Figures { get; }

        public SegmentFigures Total { get; }

        public bool Overlap { get; }
    }

    internal static Aggregate Run(LeadTable table, int[] rows, Dimension[] dimensions, long[] spend, bool[] hasCost, int asOf, TimeSpan staleAfter, QuantileMethod quantileMethod)
    {
        // ---- segment membership: one segment per row, or several when a Tag dimension gives a lead several values ----
        var d0 = dimensions[0];
        var two = dimensions.Length > 1;
        var d1 = two ? dimensions[1] : d0;
        var column0 = table.Dimensions[(int)d0];
        var column1 = table.Dimensions[(int)d1];
        var card1 = two ? column1.Cardinality : 1;
        var space = (long)column0.Cardinality * card1;
        var dense = space <= (1 << 22) ? new int[space] : null;
        var sparse = dense is null ? new Dictionary<long, int>() : null;
        if (dense is not null)
        {
            for (var i = 0; i < dense.Length; i++)
            {
                dense[i] = -1;
            }
        }

        var segmentCode0 = new List<int>();
        var segmentCode1 = new List<int>();
        var memberStart = new int[rows.Length + 1];
        for (var i = 0; i < rows.Length; i++)
        {
            memberStart[i + 1] = memberStart[i] + (CodeCount(table, d0, rows[i]) * (two ? CodeCount(table, d1, rows[i]) : 1));
        }

        var members = new int[memberStart[rows.Length]];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var m = memberStart[i];
            var n0 = CodeCount(table, d0, row);
            var n1 = two ? CodeCount(table, d1, row) : 1;
            for (var j0 = 0; j0 < n0; j0++)
            {
                var c0 = CodeAt(table, d0, row, j0);
                for (var j1 = 0; j1 < n1; j1++)
                {
                    var c1 = two ? CodeAt(table, d1, row, j1) : 0;
                    var combined = ((long)c0 * card1) + c1;
                    int segment;
                    if (dense is not null)
                    {
                        segment = dense[combined];
                        if (segment < 0)
                        {
                            segment = dense[combined] = segmentCode0.Count;
                            segmentCode0.Add(c0);
                            segmentCode1.Add(c1);
                        }
                    }
                    else if (!sparse!.TryGetValue(combined, out segment))
                    {
                        segment = sparse[combined] = segmentCode0.Count;
                        segmentCode0.Add(c0);
                        segmentCode1.Add(c1);
                    }

                    members[m++] = segment;
                }
            }
        }

        var segments = segmentCode0.Count;
        var totalIndex = segments;
        var figures = new SegmentFigures[segments + 1];

        // ---- counts and sums; durations kept per row for the medians ----
        var acquired = table.StageSeconds[0];
        var wonAt = table.StageSeconds[table.StageSeconds.Length - 1];
        var contactStage = ContactStage(table.Pipeline);
        var contactedAt = contactStage > 0 ? table.StageSeconds[contactStage] : null;
        var staleSeconds = LeadTable.StaleSeconds(staleAfter);
        var cycle = new int[rows.Length];
        var speed = new int[rows.Length];
        var won = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var outcome = table.OutcomeAt(row, asOf);
            var stale = outcome == Outcome.Open && table.IsStaleAt(row, asOf, staleSeconds);
            var deal = table.DealMinor[row];
            var negative = 0;
            cycle[i] = NoDuration;
            if (outcome != Outcome.Open)
            {
                var end = outcome == Outcome.Won ? wonAt[row] : table.LostSeconds[row];
                var d = (long)end - acquired[row];
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
            for (var m = memberStart[i]; m <= memberStart[i + 1]; m++)
            {
                // The last pass of this loop adds the row to the totals, exactly once whatever its memberships.
                ref var f = ref figures[m < memberStart[i + 1] ? members[m] : totalIndex];
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

                if (hasCost[i])
                {
                    f.SpendMinor += spend[i];
                    f.LeadsWithCost++;
                }

                f.NegativeDurations += negative;
            }
        }

        // ---- medians and percentiles from the durations, grouped in flat arrays ----
        var cycles = new GroupedSamples(segments + 1);
        var wins = new GroupedSamples(segments + 1);
        var speeds = new GroupedSamples(segments + 1);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                for (var m = memberStart[i]; m <= memberStart[i + 1]; m++)
                {
                    var g = m < memberStart[i + 1] ? members[m] : totalIndex;
                    if (cycle[i] != NoDuration)
                    {
                        Sample(cycles, pass, g, cycle[i] / 86400.0);
                        if (won[i])
                        {
                            Sample(wins, pass, g, cycle[i] / 86400.0);
                        }
                    }

                    if (speed[i] != NoDuration)
                    {
                        Sample(speeds, pass, g, speed[i] / 3600.0);
                    }
                }
            }

            if (pass == 0)
            {
                cycles.Seal();
                wins.Seal();
                speeds.Seal();
            }
        }

        for (var g = 0; g <= segments; g++)
        {
            figures[g].MedianCycleDays = cycles.Quantile(g, 0.5, quantileMethod);
            figures[g].MedianDaysToWin = wins.Quantile(g, 0.5, quantileMethod);
            figures[g].SpeedToLeadMedianHours = speeds.Quantile(g, 0.5, quantileMethod);
            figures[g].SpeedToLeadP90Hours = speeds.Quantile(g, 0.9, quantileMethod);
        }

        var keys = new SegmentKey[segments];
        for (var s = 0; s < segments; s++)
        {
            keys[s] = two
                ? new SegmentKey(dimensions, new[] { column0.ValueOf(segmentCode0[s]), column1.ValueOf(segmentCode1[s]) })
                : SegmentKey.Of(d0, column0.ValueOf(segmentCode0[s]));
        }

        var segmentFigures = new SegmentFigures[segments];
        Array.Copy(figures, segmentFigures, segments);
        return new Aggregate(keys, segmentFigures, figures[totalIndex], members.Length != rows.Length);
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

    private static void Sample(GroupedSamples samples, int pass, int group, double value)
    {
        if (pass == 0)
        {
            samples.Count(group);
        }
        else
        {
            samples.Add(group, value);
        }
    }

    private static int CodeCount(LeadTable table, Dimension dimension, int row)
    {
        if (dimension != Dimension.Tag)
        {
            return 1;
        }

        var n = table.TagOffsets[row + 1] - table.TagOffsets[row];
        return n == 0 ? 1 : n; // a lead without tags is in the missing-value segment
    }

    private static int CodeAt(LeadTable table, Dimension dimension, int row, int j)
    {
        if (dimension != Dimension.Tag)
        {
            return table.Dimensions[(int)dimension].Codes[row];
        }

        var start = table.TagOffsets[row];
        return table.TagOffsets[row + 1] == start ? 0 : table.Dimensions[(int)Dimension.Tag].Codes[start + j];
    }
}
