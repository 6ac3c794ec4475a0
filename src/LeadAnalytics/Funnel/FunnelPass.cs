using LeadAnalytics.Data;

namespace LeadAnalytics.Funnel;

/// <summary>
/// The scan: counts every row of a range into its segments' cells (pass 1) and, when step durations are wanted,
/// writes each usable duration into an exactly sized array at a position fixed by the counts (pass 2). Rows are split
/// into contiguous chunks that may run in parallel; chunk counts are integers added in chunk order and durations are
/// sorted, so any chunking gives the same tallies.
/// </summary>
internal static class FunnelPass
{
    internal static FunnelTally[] Run(LeadTable table, int asOfSeconds, FunnelOptions options, SegmentGrouping plan, int start, int end)
    {
        var layout = new FunnelLayout(table.StageSeconds.Length);
        var classifier = new RowClassifier(table, asOfSeconds, options);
        var bounds = RowChunks.Bounds(start, end, options.EffectiveParallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;

        var durations = options.IncludeStepDurations && layout.Steps > 0;
        var chunkCells = new int[chunks][];
        RowChunks.ForEach(chunks, options.EffectiveParallelism, c => chunkCells[c] = Count(table, classifier, plan, layout, durations, bounds[c], bounds[c + 1]));

        var cells = new long[plan.Count * layout.Stride];
        foreach (var part in chunkCells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] += part[i];
            }
        }

        var arrays = new int[plan.Count * Math.Max(1, layout.Steps)][];
        for (var g = 0; g < plan.Count; g++)
        {
            for (var k = 0; k < layout.Steps; k++)
            {
                var n = cells[(g * layout.Stride) + layout.DurationOffset + k];
                arrays[(g * layout.Steps) + k] = n == 0 ? Array.Empty<int>() : new int[n];
            }
        }

        if (durations)
        {
            // Each chunk writes its own slice of every array, starting after the earlier chunks' durations.
            var cursors = new int[chunks][];
            var running = new int[arrays.Length];
            for (var c = 0; c < chunks; c++)
            {
                cursors[c] = (int[])running.Clone();
                for (var g = 0; g < plan.Count; g++)
                {
                    for (var k = 0; k < layout.Steps; k++)
                    {
                        running[(g * layout.Steps) + k] += chunkCells[c][(g * layout.Stride) + layout.DurationOffset + k];
                    }
                }
            }

            RowChunks.ForEach(chunks, options.EffectiveParallelism, c => Fill(classifier, plan, layout, bounds[c], bounds[c + 1], cursors[c], arrays));
            RowChunks.ForEach(Math.Min(chunks, arrays.Length), options.EffectiveParallelism, c =>
            {
                for (var i = c; i < arrays.Length; i += chunks)
                {
                    RadixSort.Sort(arrays[i]);
                }
            });
        }

        var tallies = new FunnelTally[plan.Count];
        for (var g = 0; g < plan.Count; g++)
        {
            var own = new long[layout.Stride];
            Array.Copy(cells, g * layout.Stride, own, 0, layout.Stride);
            var steps = new int[layout.Steps][];
            Array.Copy(arrays, g * layout.Steps, steps, 0, layout.Steps);
            tallies[g] = new FunnelTally(own, steps);
        }

        return tallies;
    }

    private static int[] Count(LeadTable table, RowClassifier classifier, SegmentGrouping plan, FunnelLayout layout, bool durations, int start, int end)
    {
        var cells = new int[plan.Count * layout.Stride];
        var groups = new int[plan.MaxGroupsPerRow];
        var flags = table.Flags;
        var stride = layout.Stride;
        if (plan.OneSegmentPerRow)
        {
            // One cell update per row; the total is the sum of the segments (integer counts, so exactly the same). A loop of
            // its own: folded into the general loop below (groups array, inner loop of one) it measured 67 ms instead of 57
            // on 10M leads by channel.
            for (var row = start; row < end; row++)
            {
                if (!classifier.TryClassify(row, out var stage, out var category, out var cutOff))
                {
                    continue;
                }

                var b = plan.SegmentOf(row, groups) * stride;
                cells[b + FunnelLayout.Cell(stage, category)]++;
                if ((flags[row] & LeadTable.ChronologyFaultFlag) != 0)
                {
                    cells[b + layout.FaultOffset]++;
                }

                if (durations && stage > 0)
                {
                    classifier.StepDurations(row, stage, cutOff, out var usable, out var negative);
                    AddBits(cells, b + layout.DurationOffset, usable);
                    AddBits(cells, b + layout.NegativeOffset, negative);
                }
            }

            var total = plan.Total * stride;
            for (var g = 0; g < plan.Total; g++)
            {
                for (var j = 0; j < stride; j++)
                {
                    cells[total + j] += cells[(g * stride) + j];
                }
            }

            return cells;
        }

        for (var row = start; row < end; row++)
        {
            if (!classifier.TryClassify(row, out var stage, out var category, out var cutOff))
            {
                continue;
            }

            ulong usable = 0, negative = 0;
            if (durations && stage > 0)
            {
                classifier.StepDurations(row, stage, cutOff, out usable, out negative);
            }

            var fault = (flags[row] & LeadTable.ChronologyFaultFlag) != 0;
            var cell = FunnelLayout.Cell(stage, category);
            var n = plan.GroupsOf(row, groups);
            for (var i = 0; i < n; i++)
            {
                var b = groups[i] * stride;
                cells[b + cell]++;
                if (fault)
                {
                    cells[b + layout.FaultOffset]++;
                }

                AddBits(cells, b + layout.DurationOffset, usable);
                AddBits(cells, b + layout.NegativeOffset, negative);
            }
        }

        return cells;
    }

    private static void Fill(RowClassifier classifier, SegmentGrouping plan, FunnelLayout layout, int start, int end, int[] cursor, int[][] arrays)
    {
        var groups = new int[plan.MaxGroupsPerRow];
        for (var row = start; row < end; row++)
        {
            if (!classifier.TryClassify(row, out var stage, out _, out var cutOff) || stage == 0)
            {
                continue;
            }

            classifier.StepDurations(row, stage, cutOff, out var usable, out _);
            if (usable == 0)
            {
                continue;
            }

            var n = plan.GroupsOf(row, groups);
            for (var k = 0; usable != 0; k++, usable >>= 1)
            {
                if ((usable & 1) == 0)
                {
                    continue;
                }

                var duration = classifier.Duration(row, k);
                for (var i = 0; i < n; i++)
                {
                    var slot = (groups[i] * layout.Steps) + k;
                    arrays[slot][cursor[slot]++] = duration;
                }
            }
        }
    }

    private static void AddBits(int[] cells, int offset, ulong bits)
    {
        for (var k = offset; bits != 0; k++, bits >>= 1)
        {
            if ((bits & 1) != 0)
            {
                cells[k]++;
            }
        }
    }
}
