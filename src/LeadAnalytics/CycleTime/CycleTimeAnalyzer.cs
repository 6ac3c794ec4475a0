using LeadAnalytics.Data;

namespace LeadAnalytics.CycleTime;

/// <summary>Cycle-time statistics of a <see cref="LeadTable"/>: how long conversion takes and where the time goes.</summary>
/// <remarks>
/// <para>Per group of leads (all, and each segment of <see cref="CycleTimeOptions.SegmentBy"/>): descriptive durations between
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
    public static CycleTimeResult Analyze(LeadTable table, DateTimeOffset asOf, CycleTimeOptions? options = null)
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        options ??= CycleTimeOptions.Default;
        options.Validate();
        var asOfSeconds = table.ToSeconds(asOf);
        var parallelism = options.EffectiveParallelism;
        var outcomes = new OutcomeClassifier(table, asOfSeconds, options.Scope);
        var staleAsLost = options.Scope.StaleCountsAsLost;
        var (all, maxDays) = SelectRows(table, outcomes, staleAsLost, parallelism, options.MinRowsPerChunk);

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

        var context = new Context(table, outcomes, staleAsLost, options, survival);
        List<(int Code, int[] Rows)>? groups = null;
        if (options.SegmentBy is { } dimension)
        {
            groups = GroupRows(table, dimension, all, parallelism, options.MinRowsPerChunk);
        }

        // Task 0 is the overall group, then the test across segments, then the segments: the two biggest tasks first, so two
        // threads balance. Each task is computed by one thread with the single-threaded code, so its floating-point arithmetic
        // is the same for every thread count.
        var segmentCount = groups?.Count ?? 0;
        var compare = options.SegmentBy is { } by && by != Dimension.Tag && segmentCount >= 2;
        var first = compare ? 2 : 1;
        var summaries = new CycleTimeSegment[segmentCount + 1];
        LogRankResult? comparison = null;
        RowChunks.ForEach(segmentCount + first, parallelism, task =>
        {
            if (task == 0)
            {
                summaries[0] = Summarise(context, all, null, CycleTimeSegment.AllLabel);
            }
            else if (task < first)
            {
                comparison = CompareSegments(table, outcomes, staleAsLost, groups!, options.LogRankRho, survival.MergeNearTies, parallelism);
            }
            else
            {
                var (code, members) = groups![task - first];
                var column = table.Dimensions[(int)options.SegmentBy!.Value];
                summaries[task - first + 1] = Summarise(context, members, column.ValueOf(code), column.LabelOf(code));
            }
        });

        var overall = summaries[0];
        var segments = new List<CycleTimeSegment>(segmentCount);
        for (var g = 1; g <= segmentCount; g++)
        {
            segments.Add(summaries[g]);
        }

        return new CycleTimeResult(asOf, options, table.Count - all.Length, overall, segments, comparison);
    }

    // The rows acquired by as-of, in row order, and the longest non-negative outcome duration (a maximum: exact in any order).
    private static (int[] Rows, double MaxDays) SelectRows(LeadTable table, OutcomeClassifier outcomes, bool staleAsLost, int parallelism, int minRowsPerChunk)
    {
        var acquired = table.StageSeconds[0];
        var bounds = RowChunks.Bounds(0, table.Count, parallelism, minRowsPerChunk);
        var chunks = bounds.Length - 1;
        var counts = new int[chunks + 1];
        var maxima = new double[chunks];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var n = 0;
            var max = double.NaN;
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                if (!outcomes.InScope(row))
                {
                    continue;
                }

                n++;
                var (days, _, _) = OutcomeDuration(table, row, outcomes, staleAsLost);
                if (days >= 0 && !(days <= max))
                {
                    max = days;
                }
            }

            counts[c + 1] = n;
            maxima[c] = max;
        });

        var maxDays = double.NaN;
        for (var c = 0; c < chunks; c++)
        {
            counts[c + 1] += counts[c];
            if (maxima[c] >= 0 && !(maxima[c] <= maxDays))
            {
                maxDays = maxima[c];
            }
        }

        var rows = new int[counts[chunks]];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var k = counts[c];
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                if (outcomes.InScope(row))
                {
                    rows[k++] = row;
                }
            }
        });
        return (rows, maxDays);
    }

    // Acquisition to won (cause 1), to lost (cause 2) or to as-of (censored, cause 0), in days.
    // A stale lead counted as lost is lost at the instant the stale rule fired (latest activity + StaleAfter); counted as
    // open, it is censored at as-of like any open lead (docs/metrics.md).
    private static (double Days, int Cause, bool Stale) OutcomeDuration(LeadTable table, int row, OutcomeClassifier outcomes, bool staleAsLost)
    {
        var start = table.StageSeconds[0][row];
        var state = outcomes.Classify(row);
        var stale = state == LeadState.Stale;
        if (stale && !staleAsLost)
        {
            state = LeadState.Open;
        }

        var days = ((long)outcomes.EventSeconds(row, state) - start) / SecondsPerDay;
        var cause = state switch
        {
            LeadState.Won => CycleTimeResult.WonCause,
            LeadState.Lost or LeadState.Stale => CycleTimeResult.LostCause,
            _ => 0,
        };
        return (days, cause, stale);
    }

    // Segments ordered ordinally by value, the missing value (code 0) first: independent of row order. Each segment's rows
    // are in row order: chunks list their rows per code and the lists are joined in chunk order.
    private static List<(int Code, int[] Rows)> GroupRows(LeadTable table, Dimension dimension, int[] rows, int parallelism, int minRowsPerChunk)
    {
        var column = table.Dimensions[(int)dimension];
        var bounds = RowChunks.Bounds(0, rows.Length, parallelism, minRowsPerChunk);
        var chunks = bounds.Length - 1;
        var chunkMembers = new GrowableArray<int>?[chunks][];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var members = new GrowableArray<int>?[column.Cardinality];
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                var row = rows[i];
                if (dimension == Dimension.Tag)
                {
                    for (var k = table.TagOffsets[row]; k < table.TagOffsets[row + 1]; k++)
                    {
                        var code = column.Codes[k];
                        (members[code] ??= new GrowableArray<int>()).Add(row);
                    }
                }
                else
                {
                    var code = column.Codes[row];
                    (members[code] ??= new GrowableArray<int>()).Add(row);
                }
            }

            chunkMembers[c] = members;
        });

        var groups = new List<(int Code, int[] Rows)>();
        for (var code = 0; code < column.Cardinality; code++)
        {
            var n = 0;
            foreach (var members in chunkMembers)
            {
                n += members[code]?.Count ?? 0;
            }

            if (n == 0)
            {
                continue;
            }

            var joined = new int[n];
            var at = 0;
            foreach (var members in chunkMembers)
            {
                if (members[code] is { } part)
                {
                    part.CopyTo(joined, at);
                    at += part.Count;
                }
            }

            groups.Add((code, joined));
        }

        groups.Sort((a, b) => a.Code == 0 ? (b.Code == 0 ? 0 : -1) : b.Code == 0 ? 1
            : DimensionKeys.Comparer.Compare(column.Values[a.Code], column.Values[b.Code]));
        return groups;
    }

    private static LogRankResult CompareSegments(
        LeadTable table, OutcomeClassifier outcomes, bool staleAsLost, List<(int Code, int[] Rows)> groups, double rho, bool mergeNearTies, int parallelism)
    {
        // Each group's durations are collected apart (in parallel) and joined in group order, as one pass collects them.
        var groupTimes = new GrowableArray<double>[groups.Count];
        var groupKeys = new GrowableArray<int>[groups.Count];
        RowChunks.ForEach(groups.Count, parallelism, g =>
        {
            var rows = groups[g].Rows;
            var times = new GrowableArray<double>(rows.Length);
            var keys = new GrowableArray<int>(rows.Length);
            foreach (var row in rows)
            {
                var (days, cause, _) = OutcomeDuration(table, row, outcomes, staleAsLost);
                if (days >= 0)
                {
                    times.Add(days);
                    keys.Add((g * 2) + (cause == CycleTimeResult.WonCause ? 1 : 0));
                }
            }

            groupTimes[g] = times;
            groupKeys[g] = keys;
        });

        var total = 0;
        foreach (var part in groupTimes)
        {
            total += part.Count;
        }

        var timeArray = new double[total];
        var keyArray = new int[total];
        var at = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            groupTimes[g].CopyTo(timeArray, at);
            groupKeys[g].CopyTo(keyArray, at);
            at += groupTimes[g].Count;
        }

        var labels = new int[groups.Count];
        for (var g = 0; g < labels.Length; g++)
        {
            labels[g] = g;
        }

        Array.Sort(timeArray, keyArray);
        if (mergeNearTies)
        {
            NearTies.Merge(timeArray);
        }

        return LogRankTest.FromSorted(timeArray, keyArray, labels, rho);
    }

    private static CycleTimeSegment Summarise(Context context, int[] rows, string? value, string label)
    {
        var table = context.Table;
        var stages = table.StageSeconds.Length;
        var options = context.Options;
        var parallelism = options.EffectiveParallelism;

        // The row pass in contiguous chunks; the chunks' counts are added and their durations joined in chunk order, so
        // every array below is the one a single pass builds, element for element.
        var bounds = RowChunks.Bounds(0, rows.Length, parallelism, options.MinRowsPerChunk);
        var parts = new GroupPass[bounds.Length - 1];
        RowChunks.ForEach(parts.Length, parallelism, c => parts[c] = GroupPass.Run(context, rows, bounds[c], bounds[c + 1]));
        var pass = parts[0];
        for (var c = 1; c < parts.Length; c++)
        {
            pass = GroupPass.Join(pass, parts[c]);
        }

        int won = pass.Won, lost = pass.Lost, open = pass.Open, stale = pass.Stale, negative = pass.Negative, negativeWon = pass.NegativeWon, negativeLost = pass.NegativeLost;
        var times = pass.Times;
        var causes = pass.Causes;
        var wonDays = pass.WonDays;
        var lostDays = pass.LostDays;
        var transitions = pass.Transitions;
        var transitionNegatives = pass.TransitionNegatives;

        // The summaries, the sort and the two curves are independent pieces; each runs the sequential code on one thread, so
        // any thread count gives the same arithmetic in the same order.
        var names = table.Pipeline.Stages;
        var keys = new List<int>();
        for (var key = 0; key < transitions.Length; key++)
        {
            if (transitions[key] is not null || transitionNegatives[key] > 0)
            {
                keys.Add(key);
            }
        }

        var stageDurations = new DurationSummary[keys.Count];
        DurationSummary? toWon = null, toLost = null;
        KaplanMeierCurve? km = null;
        CumulativeIncidenceCurve? cif = null;
        var acquisition = names[0].Name;
        RowChunks.ForEach(keys.Count + 3, parallelism, piece =>
        {
            if (piece == 0)
            {
                var timeArray = times.ToArray();
                var causeArray = causes.ToArray();
                Array.Sort(timeArray, causeArray);
                if (context.Survival.MergeNearTies)
                {
                    NearTies.Merge(timeArray);
                }

                var events = new bool[causeArray.Length];
                for (var i = 0; i < events.Length; i++)
                {
                    events[i] = causeArray[i] == CycleTimeResult.WonCause;
                }

                RowChunks.ForEach(2, parallelism, curve =>
                {
                    if (curve == 0)
                    {
                        km = new KaplanMeierCurve(timeArray, events, context.Survival);
                    }
                    else
                    {
                        cif = CumulativeIncidence.FromSorted(timeArray, causeArray, 2, context.Incidence);
                    }
                });
            }
            else if (piece == 1)
            {
                toWon = Describe(DurationKind.AcquisitionToWon, acquisition, names[stages - 1].Name, wonDays, negativeWon, options);
            }
            else if (piece == 2)
            {
                toLost = Describe(DurationKind.AcquisitionToLost, acquisition, Pipeline.Lost, lostDays, negativeLost, options);
            }
            else
            {
                var key = keys[piece - 3];
                stageDurations[piece - 3] = Describe(DurationKind.StageTransition, names[key / stages].Name, names[key % stages].Name,
                    transitions[key], transitionNegatives[key], options);
            }
        });

        return new CycleTimeSegment(value, label, rows.Length, won, lost, open, stale, negative, stageDurations, toWon!, toLost!, km!, cif!);
    }

    private static DurationSummary Describe(DurationKind kind, string from, string to, GrowableArray<double>? durations, int negatives, CycleTimeOptions options)
    {
        var sorted = durations is null ? Array.Empty<double>() : durations.ToArray();
        Array.Sort(sorted);
        double? mean = null;
        if (sorted.Length > 0)
        {
            var sum = 0.0;
            foreach (var d in sorted)
            {
                sum += d;
            }

            mean = sum / sorted.Length;
        }

        return new DurationSummary(kind, from, to, negatives, sorted, mean, options.QuantileMethod,
            Histogram.Build(sorted, options.HistogramBinWidthDays, options.MaxHistogramBins));
    }

    // One chunk's counts and durations (outcome durations with their causes, to won, to lost, per stage transition), in row order.
    private sealed class GroupPass
    {
        private GroupPass(int stages)
        {
            Transitions = new GrowableArray<double>?[stages * stages];
            TransitionNegatives = new int[stages * stages];
        }

        internal int Won { get; private set; }

        internal int Lost { get; private set; }

        internal int Open { get; private set; }

        internal int Stale { get; private set; }

        internal int Negative { get; private set; }

        internal int NegativeWon { get; private set; }

        internal int NegativeLost { get; private set; }

        internal GrowableArray<double> Times { get; private set; } = new();

        internal GrowableArray<int> Causes { get; private set; } = new();

        internal GrowableArray<double> WonDays { get; private set; } = new();

        internal GrowableArray<double> LostDays { get; private set; } = new();

        internal GrowableArray<double>?[] Transitions { get; }

        internal int[] TransitionNegatives { get; }

        internal static GroupPass Run(Context context, int[] rows, int start, int end)
        {
            var table = context.Table;
            var stages = table.StageSeconds.Length;
            var pass = new GroupPass(stages)
            {
                Times = new GrowableArray<double>(end - start),
                Causes = new GrowableArray<int>(end - start),
            };
            var transitions = pass.Transitions;
            var transitionNegatives = pass.TransitionNegatives;
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                var (days, cause, stale) = OutcomeDuration(table, row, context.Outcomes, context.StaleAsLost);
                if (stale)
                {
                    pass.Stale++;
                }

                switch (cause)
                {
                    case CycleTimeResult.WonCause:
                        pass.Won++;
                        break;
                    case CycleTimeResult.LostCause:
                        pass.Lost++;
                        break;
                    default:
                        pass.Open++;
                        break;
                }

                if (days < 0)
                {
                    pass.Negative++;
                    if (cause == CycleTimeResult.WonCause)
                    {
                        pass.NegativeWon++;
                    }
                    else
                    {
                        pass.NegativeLost++;
                    }
                }
                else
                {
                    pass.Times.Add(days);
                    pass.Causes.Add(cause);
                    if (cause == CycleTimeResult.WonCause)
                    {
                        pass.WonDays.Add(days);
                    }
                    else if (cause == CycleTimeResult.LostCause)
                    {
                        pass.LostDays.Add(days);
                    }
                }

                var previous = -1;
                var previousSeconds = 0;
                for (var s = 0; s < stages; s++)
                {
                    var t = table.StageSeconds[s][row];
                    if (t == LeadTable.MissingTime || t > context.AsOfSeconds)
                    {
                        continue;
                    }

                    if (previous >= 0)
                    {
                        var key = (previous * stages) + s;
                        var d = ((long)t - previousSeconds) / SecondsPerDay;
                        if (d < 0)
                        {
                            transitionNegatives[key]++;
                        }
                        else
                        {
                            (transitions[key] ??= new GrowableArray<double>()).Add(d);
                        }
                    }

                    previous = s;
                    previousSeconds = t;
                }
            }

            return pass;
        }

        // The earlier chunk first: appending keeps row order.
        internal static GroupPass Join(GroupPass a, GroupPass b)
        {
            a.Won += b.Won;
            a.Lost += b.Lost;
            a.Open += b.Open;
            a.Stale += b.Stale;
            a.Negative += b.Negative;
            a.NegativeWon += b.NegativeWon;
            a.NegativeLost += b.NegativeLost;
            a.Times.AddAll(b.Times);
            a.Causes.AddAll(b.Causes);
            a.WonDays.AddAll(b.WonDays);
            a.LostDays.AddAll(b.LostDays);
            for (var k = 0; k < a.Transitions.Length; k++)
            {
                if (b.Transitions[k] is { } more)
                {
                    (a.Transitions[k] ??= new GrowableArray<double>()).AddAll(more);
                }

                a.TransitionNegatives[k] += b.TransitionNegatives[k];
            }

            return a;
        }
    }

    private sealed class Context
    {
        internal Context(LeadTable table, OutcomeClassifier outcomes, bool staleAsLost, CycleTimeOptions options, KaplanMeierOptions survival)
        {
            Table = table;
            Outcomes = outcomes;
            StaleAsLost = staleAsLost;
            AsOfSeconds = outcomes.AsOf;
            Options = options;
            Survival = survival;
            Incidence = new CumulativeIncidenceOptions
            {
                ConfidenceLevel = survival.ConfidenceLevel,
                ConfidenceTransform = survival.ConfidenceTransform,
                MergeNearTies = survival.MergeNearTies,
            };
        }

        internal LeadTable Table { get; }

        internal int AsOfSeconds { get; }

        internal OutcomeClassifier Outcomes { get; }

        internal bool StaleAsLost { get; }

        internal CycleTimeOptions Options { get; }

        internal KaplanMeierOptions Survival { get; }

        internal CumulativeIncidenceOptions Incidence { get; }
    }
}
