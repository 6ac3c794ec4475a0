using LeadAnalytics.Data;

namespace LeadAnalytics.CycleTime;

/// <summary>Cycle-time statistics of a <see cref="LeadTable"/>: how long conversion takes and where the time goes.</summary>
/// <remarks>
/// <para>Per group of leads (all, and each segment of the scope's breakdown: one dimension, a pair crossed, or tags): descriptive durations between
/// consecutive recorded stages and from acquisition to won and to lost; the Kaplan-Meier curve of time to won with open
/// leads censored at the as-of instant and lost leads at their loss; the Aalen-Johansen cumulative incidence of won and
/// lost as competing risks; and across segments a log-rank test.</para>
/// <para>Durations are in days. A negative duration (the end recorded before the start) is left out and counted, never
/// clamped. The as-of instant is an argument: nothing reads the clock. The result does not depend on row order.</para>
/// </remarks>
public static class CycleTimeAnalyzer
{
    private const double SecondsPerDay = 86_400.0;

    /// <summary>Computes the statistics.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant: leads acquired later are left out, later events ignored, open leads censored here.</param>
    /// <param name="options">The options; <see cref="CycleTimeOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static CycleTimeResult Analyze(LeadTable table, DateTimeOffset asOf, CycleTimeOptions? options = null) =>
        AnalyzePartition(table, asOf, 0, Preconditions.CheckNotNull(table).Count, options).ToResult();

    /// <summary>The mergeable state of the statistics over a range of rows, for computing partitions separately (threads,
    /// processes, machines, separately built tables) and merging them with <see cref="CycleTimePartition.Merge(CycleTimePartition)"/>;
    /// <see cref="CycleTimePartition.ToResult"/> of the merge equals <see cref="Analyze"/> over all the rows.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="startRow">The first row.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="options">The options; <see cref="CycleTimeOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row range lies outside the table, or an option is out of range.</exception>
    /// <exception cref="ArgumentException">An option is invalid (as for <see cref="Analyze"/>).</exception>
    public static CycleTimePartition AnalyzePartition(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, CycleTimeOptions? options = null)
    {
        Preconditions.CheckNotNull(table);
        Partitions.CheckRows(table.Count, startRow, rowCount);
        options ??= CycleTimeOptions.Default;
        options.Validate();
        var asOfSeconds = table.ToSeconds(asOf);
        var parallelism = options.EffectiveParallelism;
        var outcomes = new OutcomeClassifier(table, asOfSeconds, options.Scope);
        var staleAsLost = options.Scope.StaleCountsAsLost;
        var stages = table.StageSeconds.Length;
        var grouping = new SegmentGrouping(table, options.Scope, asOfSeconds, startRow, startRow + rowCount);
        var groupCount = grouping.Count;

        // Each chunk collects its rows' durations per group (the one grouping's indices, the total last); the groups' values
        // are then counted per distinct value, which is the same multiset whatever the chunking.
        var bounds = RowChunks.Bounds(startRow, startRow + rowCount, parallelism, options.MinRowsPerChunk);
        var parts = new RawGroup?[bounds.Length - 1][];
        RowChunks.ForEach(parts.Length, parallelism, c =>
        {
            var groups = new RawGroup?[groupCount];
            var members = new int[grouping.MaxGroupsPerRow];
            var transitionSeconds = new long[stages * stages];
            var transitionKeys = new int[stages];
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                if (!outcomes.InScope(row))
                {
                    continue;
                }

                var (seconds, cause, stale) = OutcomeDuration(table, row, outcomes, staleAsLost);
                var transitions = Transitions(table, row, asOfSeconds, transitionKeys, transitionSeconds);
                var n = grouping.GroupsOf(row, members);
                for (var m = 0; m < n; m++)
                {
                    (groups[members[m]] ??= new RawGroup(stages)).Add(seconds, cause, stale, transitions, transitionKeys, transitionSeconds);
                }
            }

            parts[c] = groups;
        });

        var tallies = new CycleTally?[groupCount];
        RowChunks.ForEach(groupCount, parallelism, g => tallies[g] = RawGroup.Tally(parts, g, stages));
        var segments = new Dictionary<SegmentKey, CycleTally>();
        for (var g = 0; g < grouping.Total; g++)
        {
            if (tallies[g] is { } tally)
            {
                segments.Add(grouping.SegmentKeyOf(g), tally);
            }
        }

        var names = new string[stages];
        for (var k = 0; k < stages; k++)
        {
            names[k] = table.Pipeline.Stages[k].Name;
        }

        return new CycleTimePartition(names, asOf, options, rowCount, tallies[grouping.Total] ?? CycleTally.Empty(stages), segments);
    }

    // The statistics of a partition: every figure from its counts, so a merge of partitions gives the single pass's result.
    internal static CycleTimeResult Finish(CycleTimePartition partition)
    {
        var options = partition.Options;
        var parallelism = options.EffectiveParallelism;

        // The longest non-negative outcome duration of the whole analysis.
        long maxSeconds = -1;
        foreach (var counts in partition.Overall.Outcomes)
        {
            if (counts.Total > 0 && counts.Max > maxSeconds)
            {
                maxSeconds = counts.Max;
            }
        }

        var maxDays = maxSeconds < 0 ? double.NaN : maxSeconds / SecondsPerDay;

        // One horizon for every group (R's rmean = "common") so restricted means compare across segments.
        // The scope's confidence level is the one of every limit.
        var survival = new KaplanMeierOptions
        {
            ConfidenceLevel = options.Scope.Confidence,
            ConfidenceTransform = options.Survival.ConfidenceTransform,
            Probabilities = options.Survival.Probabilities,
            RestrictedMeanHorizon = options.Survival.RestrictedMeanHorizon is null && !double.IsNaN(maxDays) ? maxDays : options.Survival.RestrictedMeanHorizon,
            MergeNearTies = options.Survival.MergeNearTies,
        };

        var context = new Context(partition.Stages, options, survival);
        var keys = partition.Segments.Keys.ToArray();
        Array.Sort(keys);
        var groups = new CycleTally[keys.Length];
        for (var g = 0; g < keys.Length; g++)
        {
            groups[g] = partition.Segments[keys[g]];
        }

        // Task 0 is the overall group, then the test across segments, then the segments: the two biggest tasks first, so two
        // threads balance. Each task is computed by one thread with the single-threaded code, so its floating-point arithmetic
        // is the same for every thread count.
        var segmentCount = keys.Length;
        // The k-sample test costs segments² memory and segments³ time: above the cap it is skipped, and said so.
        var comparable = !options.Scope.Breakdown.Contains(Dimension.Tag) && segmentCount >= 2;
        var skipped = comparable && segmentCount > options.MaxLogRankSegments;
        var compare = comparable && !skipped;
        var first = compare ? 2 : 1;
        var summaries = new CycleTimeSegment[segmentCount + 1];
        LogRankResult? comparison = null;
        RowChunks.ForEach(segmentCount + first, parallelism, task =>
        {
            if (task == 0)
            {
                summaries[0] = Summarise(context, partition.Overall, null, null, CycleTimeSegment.AllLabel);
            }
            else if (task < first)
            {
                comparison = CompareSegments(groups, options.LogRankRho, survival.MergeNearTies);
            }
            else
            {
                var key = keys[task - first];
                summaries[task - first + 1] = Summarise(context, groups[task - first], key, key.Values.Count == 1 ? key.Values[0] : null, key.Label);
            }
        });

        var segments = new List<CycleTimeSegment>(segmentCount);
        for (var g = 1; g <= segmentCount; g++)
        {
            segments.Add(summaries[g]);
        }

        return new CycleTimeResult(partition.AsOf, options, (int)(partition.RowCount - partition.Overall.Counts[CycleTally.Leads]), summaries[0], segments, comparison, skipped);
    }

    // Acquisition to won (cause 1), to lost (cause 2) or to as-of (censored, cause 0), in seconds.
    // A stale lead counted as lost is lost at the instant the stale rule fired (latest activity + StaleAfter); counted as
    // open, it is censored at as-of like any open lead (docs/metrics.md).
    private static (long Seconds, int Cause, bool Stale) OutcomeDuration(LeadTable table, int row, OutcomeClassifier outcomes, bool staleAsLost)
    {
        var start = table.StageSeconds[0][row];
        var state = outcomes.Classify(row);
        var stale = state == LeadState.Stale;
        if (stale && !staleAsLost)
        {
            state = LeadState.Open;
        }

        var seconds = (long)outcomes.EventSeconds(row, state) - start;
        var cause = state switch
        {
            LeadState.Won => CycleTimeResult.WonCause,
            LeadState.Lost or LeadState.Stale => CycleTimeResult.LostCause,
            _ => 0,
        };
        return (seconds, cause, stale);
    }

    // The transitions between consecutive recorded stages (by as-of) of a row: their count, keys (from * stages + to) and
    // durations in seconds in the two arrays.
    private static int Transitions(LeadTable table, int row, int asOfSeconds, int[] keys, long[] seconds)
    {
        var stages = table.StageSeconds.Length;
        var n = 0;
        var previous = -1;
        var previousSeconds = 0;
        for (var s = 0; s < stages; s++)
        {
            var t = table.StageSeconds[s][row];
            if (t == LeadTable.MissingTime || t > asOfSeconds)
            {
                continue;
            }

            if (previous >= 0)
            {
                keys[n] = (previous * stages) + s;
                seconds[n++] = (long)t - previousSeconds;
            }

            previous = s;
            previousSeconds = t;
        }

        return n;
    }

    private static LogRankResult CompareSegments(CycleTally[] groups, double rho, bool mergeNearTies)
    {
        // Each group's outcome durations, with key 2g + 1 for won and 2g otherwise, in time order.
        var samples = new List<(DurationCounts, int)>(groups.Length * 3);
        for (var g = 0; g < groups.Length; g++)
        {
            for (var cause = 0; cause < 3; cause++)
            {
                samples.Add((groups[g].Outcomes[cause], (g * 2) + (cause == CycleTimeResult.WonCause ? 1 : 0)));
            }
        }

        // One entry per distinct duration of each group and outcome, with its count: memory grows with the distinct durations.
        var (timeArray, keyArray, countArray) = DurationCounts.MergeEntries(samples, SecondsPerDay);
        var labels = new int[groups.Length];
        for (var g = 0; g < labels.Length; g++)
        {
            labels[g] = g;
        }

        if (mergeNearTies)
        {
            NearTies.Merge(timeArray);
        }

        return LogRankTest.FromSorted(timeArray, keyArray, countArray, labels, rho);
    }

    private static CycleTimeSegment Summarise(Context context, CycleTally tally, SegmentKey? segmentKey, string? value, string label)
    {
        var names = context.Stages;
        var stages = names.Length;
        var options = context.Options;
        var parallelism = options.EffectiveParallelism;
        var counts = tally.Counts;

        var keys = new List<int>();
        for (var key = 0; key < tally.Transitions.Length; key++)
        {
            if (tally.Transitions[key].Total > 0 || tally.TransitionNegatives[key] > 0)
            {
                keys.Add(key);
            }
        }

        // The summaries, the sort and the two curves are independent pieces; each runs the sequential code on one thread, so
        // any thread count gives the same arithmetic in the same order.
        var stageDurations = new DurationSummary[keys.Count];
        DurationSummary? toWon = null, toLost = null;
        KaplanMeierCurve? km = null;
        CumulativeIncidenceCurve? cif = null;
        var acquisition = names[0];
        RowChunks.ForEach(keys.Count + 3, parallelism, piece =>
        {
            if (piece == 0)
            {
                // Counted per distinct time (open 0, won 1, lost 2), never listed lead by lead: memory grows with the distinct
                // durations, not with the leads.
                var (times, counts) = DurationCounts.MergeCounts(
                    new[] { (tally.Outcomes[0], 0), (tally.Outcomes[1], 1), (tally.Outcomes[2], 2) }, 3, SecondsPerDay);
                if (context.Survival.MergeNearTies)
                {
                    (times, counts) = NearTies.Merge(times, counts);
                }

                RowChunks.ForEach(2, parallelism, curve =>
                {
                    if (curve == 0)
                    {
                        // Time to won: a lost lead is censored at its loss, as an open one at as-of.
                        var censored = new int[times.Length];
                        for (var j = 0; j < censored.Length; j++)
                        {
                            censored[j] = counts[0][j] + counts[CycleTimeResult.LostCause][j];
                        }

                        km = new KaplanMeierCurve(times, counts[CycleTimeResult.WonCause], censored, context.Survival, keepEstimate: false);
                    }
                    else
                    {
                        cif = CumulativeIncidence.FromCounts(times, counts, 2, context.Incidence);
                    }
                });
            }
            else if (piece == 1)
            {
                toWon = Describe(DurationKind.AcquisitionToWon, acquisition, names[stages - 1], tally.Outcomes[CycleTimeResult.WonCause],
                    counts[CycleTally.NegativeWon], options);
            }
            else if (piece == 2)
            {
                toLost = Describe(DurationKind.AcquisitionToLost, acquisition, Pipeline.Lost, tally.Outcomes[CycleTimeResult.LostCause],
                    counts[CycleTally.NegativeLost], options);
            }
            else
            {
                var key = keys[piece - 3];
                stageDurations[piece - 3] = Describe(DurationKind.StageTransition, names[key / stages], names[key % stages],
                    tally.Transitions[key], tally.TransitionNegatives[key], options);
            }
        });

        return new CycleTimeSegment(segmentKey, value, label, (int)counts[CycleTally.Leads], (int)counts[CycleTally.Won], (int)counts[CycleTally.Lost],
            (int)counts[CycleTally.Open], (int)counts[CycleTally.Stale], (int)counts[CycleTally.Negative], stageDurations, toWon!, toLost!, km!, cif!);
    }

    private static DurationSummary Describe(DurationKind kind, string from, string to, DurationCounts durations, long negatives, CycleTimeOptions options) =>
        new(kind, from, to, (int)negatives, durations, SecondsPerDay, options.QuantileMethod, options.HistogramBinWidthDays, options.MaxHistogramBins);

    // One chunk's rows of one group: outcome counts, and durations in seconds (outcomes by cause, transitions by key) as
    // ints, half the memory of longs (10M leads keep about 60M durations here). A duration beyond 68 years (possible only
    // between two instants on either side of the table's first lead, each up to 68 years from it) is kept as 68 years, as
    // the segment summary keeps its durations.
    private sealed class RawGroup
    {
        private readonly long[] _counts = new long[CycleTally.CountSlots];
        private readonly BlockArray<int>[] _outcomes = { new(), new(), new() };
        private readonly BlockArray<int>?[] _transitions;
        private readonly long[] _transitionNegatives;

        internal RawGroup(int stages)
        {
            _transitions = new BlockArray<int>?[stages * stages];
            _transitionNegatives = new long[stages * stages];
        }

        internal void Add(long seconds, int cause, bool stale, int transitions, int[] transitionKeys, long[] transitionSeconds)
        {
            _counts[CycleTally.Leads]++;
            if (stale)
            {
                _counts[CycleTally.Stale]++;
            }

            _counts[cause switch { CycleTimeResult.WonCause => CycleTally.Won, CycleTimeResult.LostCause => CycleTally.Lost, _ => CycleTally.Open }]++;
            if (seconds < 0)
            {
                _counts[CycleTally.Negative]++;
                _counts[cause == CycleTimeResult.WonCause ? CycleTally.NegativeWon : CycleTally.NegativeLost]++;
            }
            else
            {
                _outcomes[cause].Add(ToInt(seconds));
            }

            for (var i = 0; i < transitions; i++)
            {
                var key = transitionKeys[i];
                if (transitionSeconds[i] < 0)
                {
                    _transitionNegatives[key]++;
                }
                else
                {
                    (_transitions[key] ??= new BlockArray<int>()).Add(ToInt(transitionSeconds[i]));
                }
            }
        }

        // Group g of every chunk, counted per distinct duration; null when no chunk has a row in it.
        internal static CycleTally? Tally(RawGroup?[][] parts, int g, int stages)
        {
            var present = new List<RawGroup>();
            foreach (var groups in parts)
            {
                if (groups[g] is { } raw)
                {
                    present.Add(raw);
                }
            }

            if (present.Count == 0)
            {
                return null;
            }

            var counts = new long[CycleTally.CountSlots];
            var negatives = new long[stages * stages];
            foreach (var raw in present)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] += raw._counts[i];
                }

                for (var k = 0; k < negatives.Length; k++)
                {
                    negatives[k] += raw._transitionNegatives[k];
                }
            }

            var outcomes = new DurationCounts[3];
            for (var cause = 0; cause < 3; cause++)
            {
                outcomes[cause] = Join(present, r => r._outcomes[cause]);
            }

            var transitions = new DurationCounts[stages * stages];
            for (var k = 0; k < transitions.Length; k++)
            {
                transitions[k] = Join(present, r => r._transitions[k]);
            }

            return new CycleTally(counts, outcomes, transitions, negatives);
        }

        private static int ToInt(long seconds) => (int)Math.Min(seconds, int.MaxValue);

        private static DurationCounts Join(List<RawGroup> present, Func<RawGroup, BlockArray<int>?> pick)
        {
            var n = 0;
            foreach (var raw in present)
            {
                n += pick(raw)?.Count ?? 0;
            }

            if (n == 0)
            {
                return DurationCounts.Empty;
            }

            var values = new int[n];
            var at = 0;
            foreach (var raw in present)
            {
                if (pick(raw) is { } part)
                {
                    part.CopyTo(values, at);
                    at += part.Count;
                }
            }

            return DurationCounts.FromValues(values, 0, n);
        }
    }

    private sealed class Context
    {
        internal Context(string[] stages, CycleTimeOptions options, KaplanMeierOptions survival)
        {
            Stages = stages;
            Options = options;
            Survival = survival;
            Incidence = new CumulativeIncidenceOptions
            {
                ConfidenceLevel = survival.ConfidenceLevel,
                ConfidenceTransform = survival.ConfidenceTransform,
                MergeNearTies = survival.MergeNearTies,
            };
        }

        internal string[] Stages { get; }

        internal CycleTimeOptions Options { get; }

        internal KaplanMeierOptions Survival { get; }

        internal CumulativeIncidenceOptions Incidence { get; }
    }
}
