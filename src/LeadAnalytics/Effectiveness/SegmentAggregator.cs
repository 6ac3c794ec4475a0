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
    // chunk order, so every thread count gives the single pass exactly: segment ids are numbered by first appearance in
    // row order, figures are integer counts and minor-unit sums, and durations land at the positions a single pass gives.
    internal static Aggregate Run(LeadTable table, int[] rows, Dimension[] dimensions, long[] spend, bool[] hasCost, int asOf, EffectivenessOptions options)
    {
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(0, rows.Length, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;

        // ---- segment membership: one segment per row, or several when a Tag dimension gives a lead several values ----
        var d0 = dimensions[0];
        var two = dimensions.Length > 1;
        var d1 = two ? dimensions[1] : d0;
        var column0 = table.Dimensions[(int)d0];
        var column1 = table.Dimensions[(int)d1];
        var card1 = two ? column1.Cardinality : 1;
        var space = (long)column0.Cardinality * card1;
        var dense = space <= (1 << 22);
        if (!dense)
        {
            // Codes too many for a lookup array: one chunk keeps the dictionary simple (two high-cardinality columns are rare).
            bounds = new[] { 0, rows.Length };
            chunks = 1;
        }

        var memberStart = new int[rows.Length + 1];
        var chunkMembers = new int[chunks + 1];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var running = 0;
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                running += CodeCount(table, d0, rows[i]) * (two ? CodeCount(table, d1, rows[i]) : 1);
                memberStart[i + 1] = running;
            }

            chunkMembers[c + 1] = running;
        });
        for (var c = 0; c < chunks; c++)
        {
            chunkMembers[c + 1] += chunkMembers[c];
        }

        RowChunks.ForEach(chunks, parallelism, c =>
        {
            for (var i = bounds[c]; c > 0 && i < bounds[c + 1]; i++)
            {
                memberStart[i + 1] += chunkMembers[c];
            }
        });

        // Each chunk writes its members' combined codes and lists the codes it meets first; the lists, read in chunk order,
        // number the segments by first appearance in row order, as one pass would.
        var members = new int[memberStart[rows.Length]];
        var segmentCode0 = new List<int>();
        var segmentCode1 = new List<int>();
        var segmentOf = dense ? new int[space] : null;
        if (dense)
        {
            var firstSeen = new List<int>[chunks];
            RowChunks.ForEach(chunks, parallelism, c =>
            {
                var seen = new ulong[(space + 63) / 64];
                var first = new List<int>();
                for (var i = bounds[c]; i < bounds[c + 1]; i++)
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
                            var combined = (c0 * card1) + (two ? CodeAt(table, d1, row, j1) : 0);
                            if ((seen[combined >> 6] & (1UL << (combined & 63))) == 0)
                            {
                                seen[combined >> 6] |= 1UL << (combined & 63);
                                first.Add(combined);
                            }

                            members[m++] = combined;
                        }
                    }
                }

                firstSeen[c] = first;
            });

            for (var i = 0; i < segmentOf!.Length; i++)
            {
                segmentOf[i] = -1;
            }

            foreach (var first in firstSeen)
            {
                foreach (var combined in first)
                {
                    if (segmentOf[combined] < 0)
                    {
                        segmentOf[combined] = segmentCode0.Count;
                        segmentCode0.Add(combined / card1);
                        segmentCode1.Add(combined % card1);
                    }
                }
            }

            RowChunks.ForEach(chunks, parallelism, c =>
            {
                for (var m = memberStart[bounds[c]]; m < memberStart[bounds[c + 1]]; m++)
                {
                    members[m] = segmentOf[members[m]];
                }
            });
        }
        else
        {
            var sparse = new Dictionary<long, int>();
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
                        if (!sparse.TryGetValue(combined, out var segment))
                        {
                            segment = sparse[combined] = segmentCode0.Count;
                            segmentCode0.Add(c0);
                            segmentCode1.Add(c1);
                        }

                        members[m++] = segment;
                    }
                }
            }
        }

        var segments = segmentCode0.Count;
        var totalIndex = segments;

        // ---- counts and sums per chunk, added in chunk order; durations kept per row for the medians ----
        var cycle = new int[rows.Length];
        var speed = new int[rows.Length];
        var won = new bool[rows.Length];
        var chunkFigures = new SegmentFigures[chunks][];
        var context = new RowContext(table, asOf, LeadTable.StaleSeconds(options.Scope.StaleAfter));

        // The duration samples are counted in the same pass (grouped in flat arrays for the medians), filled in a second.
        var oneSegmentPerRow = members.Length == rows.Length;
        var durations = options.IncludeDurations;
        var cycles = new GroupedSamples(segments + 1, chunks);
        var wins = new GroupedSamples(segments + 1, chunks);
        var speeds = new GroupedSamples(segments + 1, chunks);
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var local = new SegmentFigures[segments + 1];
            Count(context, rows, bounds[c], bounds[c + 1], memberStart, members, totalIndex, oneSegmentPerRow, spend, hasCost, cycle, speed, won, local);
            if (oneSegmentPerRow)
            {
                // Integer fields only, so the sum is exactly what counting each row into the total gives.
                for (var g = 0; g < segments; g++)
                {
                    Add(ref local[totalIndex], local[g]);
                }
            }

            for (var i = bounds[c]; durations && i < bounds[c + 1]; i++)
            {
                for (var m = memberStart[i]; m <= memberStart[i + 1]; m++)
                {
                    var g = m < memberStart[i + 1] ? members[m] : totalIndex;
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

        var figures = new SegmentFigures[segments + 1];
        foreach (var local in chunkFigures)
        {
            for (var g = 0; g <= segments; g++)
            {
                Add(ref figures[g], local[g]);
            }
        }

        // ---- durations counted per value (whole seconds), so partials merge to the single pass's medians ----
        cycles.Seal();
        wins.Seal();
        speeds.Seal();
        RowChunks.ForEach(durations ? chunks : 0, parallelism, c =>
        {
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                if (cycle[i] == NoDuration && speed[i] == NoDuration)
                {
                    continue;
                }

                for (var m = memberStart[i]; m <= memberStart[i + 1]; m++)
                {
                    var g = m < memberStart[i + 1] ? members[m] : totalIndex;
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

        // Each group's slice is sorted and counted apart, so groups run in parallel.
        SegmentDurations[]? counted = null;
        if (durations)
        {
            var all = new SegmentDurations[segments + 1];
            RowChunks.ForEach(segments + 1, parallelism, g => all[g] = new SegmentDurations(cycles.Counts(g), wins.Counts(g), speeds.Counts(g)));
            counted = all;
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
        return new Aggregate(keys, segmentFigures, figures[totalIndex], members.Length != rows.Length, counted);
    }

    private static void Count(RowContext context, int[] rows, int start, int end, int[] memberStart, int[] members, int totalIndex,
        bool oneSegmentPerRow, long[] spend, bool[] hasCost, int[] cycle, int[] speed, bool[] won, SegmentFigures[] figures)
    {
        var table = context.Table;
        var asOf = context.AsOf;
        var acquired = table.StageSeconds[0];
        var wonAt = table.StageSeconds[table.StageSeconds.Length - 1];
        var contactedAt = context.ContactedAt;
        for (var i = start; i < end; i++)
        {
            var row = rows[i];
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
            var last = oneSegmentPerRow ? memberStart[i + 1] - 1 : memberStart[i + 1];
            for (var m = memberStart[i]; m <= last; m++)
            {
                // The last pass of this loop adds the row to the totals, exactly once whatever its memberships (with one segment
                // per row the caller sums the segments instead).
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
