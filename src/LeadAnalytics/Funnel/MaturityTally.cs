using LeadAnalytics.Data;

namespace LeadAnalytics.Funnel;

/// <summary>One segment's outcome times from acquisition, for its maturity and projected conversion: every lead as one
/// sorted key, time in whole seconds × 4 + cause (1 won, 2 lost, 0 censored at as-of: open or stale), and the number of
/// leads acquired at least the window before as-of. Exactly mergeable (keys merge sorted, counts add). Keys are sorted by
/// radix (<see cref="RadixSort"/>): a key spans about 2^27 for a year of seconds, three passes.</summary>
internal sealed class MaturityTally
{
    internal const int WonCause = 1;
    internal const int LostCause = 2;

    internal MaturityTally(long[] keys, long mature)
    {
        Keys = keys;
        Mature = mature;
    }

    internal long[] Keys { get; }

    internal long Mature { get; }

    internal static MaturityTally Empty { get; } = new(Array.Empty<long>(), 0);

    internal static long Seconds(long key) => key >> 2;

    internal static int Cause(long key) => (int)(key & 3);

    // The same, counting each group's leads first (for engines without a funnel tally to size the arrays).
    internal static MaturityTally[] Run(LeadTable table, int asOfSeconds, AnalysisScope scope, long windowSeconds, SegmentGrouping plan, int start, int end)
    {
        var outcomes = new OutcomeClassifier(table, asOfSeconds, scope);
        var leads = new long[plan.Count];
        var groups = new int[plan.MaxGroupsPerRow];
        for (var row = start; row < end; row++)
        {
            if (outcomes.InScope(row))
            {
                var n = plan.GroupsOf(row, groups);
                for (var i = 0; i < n; i++)
                {
                    leads[groups[i]]++;
                }
            }
        }

        return Run(table, asOfSeconds, scope, windowSeconds, plan, leads, start, end);
    }

    // The keys of every segment of the plan (the total last) over rows [start, end); leadsPerGroup (from the funnel
    // tallies) sizes the arrays exactly.
    internal static MaturityTally[] Run(LeadTable table, int asOfSeconds, AnalysisScope scope, long windowSeconds, SegmentGrouping plan, long[] leadsPerGroup, int start, int end)
    {
        var outcomes = new OutcomeClassifier(table, asOfSeconds, scope);
        var acquired = table.StageSeconds[0];
        var keys = new long[plan.Count][];
        var fill = new int[plan.Count];
        var mature = new long[plan.Count];
        for (var g = 0; g < keys.Length; g++)
        {
            keys[g] = leadsPerGroup[g] == 0 ? Array.Empty<long>() : new long[leadsPerGroup[g]];
        }

        var groups = new int[plan.MaxGroupsPerRow];
        for (var row = start; row < end; row++)
        {
            if (!outcomes.InScope(row))
            {
                continue;
            }

            var state = outcomes.Classify(row);
            var a = acquired[row];
            long seconds;
            int cause;
            switch (state)
            {
                case LeadState.Won:
                    seconds = (long)outcomes.EventSeconds(row, state) - a;
                    cause = WonCause;
                    break;
                case LeadState.Lost:
                    seconds = (long)outcomes.EventSeconds(row, state) - a;
                    cause = LostCause;
                    break;
                default:
                    // Open and stale leads alike are censored at as-of: a stale lead may still be won (docs/funnel.md).
                    seconds = (long)asOfSeconds - a;
                    cause = 0;
                    break;
            }

            // An outcome recorded before acquisition (a chronology fault) counts at time zero.
            var key = (Math.Max(0, seconds) << 2) | (long)cause;
            var isMature = (long)asOfSeconds - a >= windowSeconds;
            var n = plan.GroupsOf(row, groups);
            for (var i = 0; i < n; i++)
            {
                var g = groups[i];
                keys[g][fill[g]++] = key;
                if (isMature)
                {
                    mature[g]++;
                }
            }
        }

        // The segments' keys are sorted side by side (the total, as large as all the others, on one core and the rest on the
        // others), largest first.
        var result = new MaturityTally[plan.Count];
        var order = Enumerable.Range(0, result.Length).OrderByDescending(g => keys[g].Length).ToArray();
        RowChunks.ForEach(order.Length, scope.EffectiveParallelism, i =>
        {
            var g = order[i];
            RadixSort.Sort(keys[g], 0, keys[g].Length);
            result[g] = new MaturityTally(keys[g], mature[g]);
        });

        return result;
    }

    internal static MaturityTally Merge(MaturityTally a, MaturityTally b)
    {
        if (a.Keys.Length == 0 && a.Mature == 0)
        {
            return b;
        }

        if (b.Keys.Length == 0 && b.Mature == 0)
        {
            return a;
        }

        var merged = new long[a.Keys.Length + b.Keys.Length];
        int i = 0, j = 0, m = 0;
        while (i < a.Keys.Length && j < b.Keys.Length)
        {
            merged[m++] = a.Keys[i] <= b.Keys[j] ? a.Keys[i++] : b.Keys[j++];
        }

        while (i < a.Keys.Length)
        {
            merged[m++] = a.Keys[i++];
        }

        while (j < b.Keys.Length)
        {
            merged[m++] = b.Keys[j++];
        }

        return new MaturityTally(merged, a.Mature + b.Mature);
    }
}
