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
        var (all, maxDays) = SelectRows(table, asOfSeconds, parallelism, options.MinRowsPerChunk);

        // One horizon for every group (R's rmean = "common") so restricted means compare across segments.
        var survival = options.Survival;
        if (survival.RestrictedMeanHorizon is null && !double.IsNaN(maxDays))
        {
            survival = new KaplanMeierOptions
            {
                ConfidenceLevel = survival.ConfidenceLevel,
                ConfidenceTransform = survival.ConfidenceTransform,
                Probabilities = survival.Probabilities,
                RestrictedMeanHorizon = maxDays,
                MergeNearTies = survival.MergeNearTies,
            };
        }

        var context = new Context(table, asOfSeconds, options, survival);
        List<(int Code, int[] Rows)>? groups = null;
        if (options.SegmentBy is { } dimension)
        {
            groups = GroupRows(table, dimension, all, parallelism, options.MinRowsPerChunk);
        }

        // Task 0 is the overall group, 1..k the segments, k + 1 the test across segments. Each task is computed by one thread
        // with the single-threaded code, so its floating-point arithmetic is the same for every thread count.
        var segmentCount = groups?.Count ?? 0;
        var compare = options.SegmentBy is { } by && by != Dimension.Tag && segmentCount >= 2;
        var summaries = new CycleTimeSegment[segmentCount + 1];
        LogRankResult? comparison = null;
        RowChunks.ForEach(segmentCount + (compare ? 2 : 1), parallelism, task =>
        {
            if (task == 0)
            {
                summaries[0] = Summarise(context, all, null, CycleTimeSegment.AllLabel);
            }
            else if (task <= segmentCount)
            {
                var (code, members) = groups![task - 1];
                var column = table.Dimensions[(int)options.SegmentBy!.Value];
                summaries[task] = Summarise(context, members, column.ValueOf(code), column.LabelOf(code));
            }
            else
            {
                comparison = CompareSegments(table, asOfSeconds, groups!, options.LogRankRho, survival.MergeNearTies);
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
    private static (int[] Rows, double MaxDays) SelectRows(LeadTable table, int asOfSeconds, int parallelism, int minRowsPerChunk)
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
                if (acquired[row] > asOfSeconds)
                {
                    continue;
                }

                n++;
                var (days, _) = OutcomeDuration(table, row, asOfSeconds);
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
                if (acquired[row] <= asOfSeconds)
                {
                    rows[k++] = row;
                }
            }
        });
        return (rows, maxDays);
    }

    // Acquisition to won (cause 1), to lost (cause 2) or to as-of (censored, cause 0), in days.
    private static (double Days, int Cause) OutcomeDuration(LeadTable table, int row, int asOfSeconds)
    {
        var start = table.StageSeconds[0][row];
        switch (table.OutcomeAt(row, asOfSeconds))
        {
            case Outcome.Won:
                return (((long)table.StageSeconds[table.StageSeconds.Length - 1][row] - start) / SecondsPerDay, CycleTimeResult.WonCause);
            case Outcome.Lost:
                return (((long)table.LostSeconds[row] - start) / SecondsPerDay, CycleTimeResult.LostCause);
            default:
                return (((long)asOfSeconds - start) / SecondsPerDay, 0);
        }
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

    private static LogRankResult CompareSegments(LeadTable table, int asOfSeconds, List<(int Code, int[] Rows)> groups, double rho, bool mergeNearTies)
    {
        var times = new List<double>();
        var keys = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var row in groups[g].Rows)
            {
                var (days, cause) = OutcomeDuration(table, row, asOfSeconds);
                if (days >= 0)
                {
                    times.Add(days);
                    keys.Add((g * 2) + (cause == CycleTimeResult.WonCause ? 1 : 0));
                }
            }
        }

        var labels = new int[groups.Count];
        for (var g = 0; g < labels.Length; g++)
        {
            labels[g] = g;
        }

        var timeArray = times.ToArray();
        var keyArray = keys.ToArray();
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
        var asOf = context.AsOfSeconds;
        var stages = table.StageSeconds.Length;
        int won = 0, lost = 0, open = 0, negative = 0, negativeWon = 0, negativeLost = 0;
        var times = new List<double>(rows.Length);
        var causes = new List<int>(rows.Length);
        var wonDays = new List<double>();
        var lostDays = new List<double>();
        var transitions = new List<double>?[stages * stages];
        var transitionNegatives = new int[stages * stages];
        foreach (var row in rows)
        {
            var (days, cause) = OutcomeDuration(table, row, asOf);
            switch (cause)
            {
                case CycleTimeResult.WonCause:
                    won++;
                    break;
                case CycleTimeResult.LostCause:
                    lost++;
                    break;
                default:
                    open++;
                    break;
            }

            if (days < 0)
            {
                negative++;
                if (cause == CycleTimeResult.WonCause)
                {
                    negativeWon++;
                }
                else
                {
                    negativeLost++;
                }
            }
            else
            {
                times.Add(days);
                causes.Add(cause);
                if (cause == CycleTimeResult.WonCause)
                {
                    wonDays.Add(days);
                }
                else if (cause == CycleTimeResult.LostCause)
                {
                    lostDays.Add(days);
                }
            }

            var previous = -1;
            var previousSeconds = 0;
            for (var s = 0; s < stages; s++)
            {
                var t = table.StageSeconds[s][row];
                if (t == LeadTable.MissingTime || t > asOf)
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
                        (transitions[key] ??= new List<double>()).Add(d);
                    }
                }

                previous = s;
                previousSeconds = t;
            }
        }

        // The summaries, the sort and the two curves are independent pieces; each runs the sequential code on one thread, so
        // any thread count gives the same arithmetic in the same order.
        var options = context.Options;
        var parallelism = options.EffectiveParallelism;
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

        return new CycleTimeSegment(value, label, rows.Length, won, lost, open, negative, stageDurations, toWon!, toLost!, km!, cif!);
    }

    private static DurationSummary Describe(DurationKind kind, string from, string to, List<double>? durations, int negatives, CycleTimeOptions options)
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

    private sealed class Context
    {
        internal Context(LeadTable table, int asOfSeconds, CycleTimeOptions options, KaplanMeierOptions survival)
        {
            Table = table;
            AsOfSeconds = asOfSeconds;
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

        internal CycleTimeOptions Options { get; }

        internal KaplanMeierOptions Survival { get; }

        internal CumulativeIncidenceOptions Incidence { get; }
    }
}
