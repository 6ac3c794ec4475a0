using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>
/// The exact, mergeable state of a funnel over some of the leads: integer counts and sorted step durations per
/// segment, segments named by their values. Compute one per partition (row ranges, files, machines) with
/// <see cref="FunnelAnalyzer.AnalyzePartition"/>, <see cref="Merge(FunnelPartition)"/> them in any order, then read the
/// result: it equals the single pass over all the leads exactly.
/// </summary>
/// <remarks>Partitions merge when they share grouping, as-of instant, stage names and options. Immutable and thread-safe.</remarks>
public sealed class FunnelPartition
{
    private readonly Pipeline _pipeline;
    private readonly FunnelOptions _options;
    private readonly StepTarget?[] _targets;
    private readonly FunnelTally _total;
    private readonly Dictionary<GroupKey, FunnelTally> _segments;
    // Per stage: whether any lead of the partition has a timestamp for it; null when unknown (then every stage counts as recorded).
    private readonly bool[]? _recordedStages;

    internal FunnelPartition(
        FunnelGrouping grouping, DateTimeOffset asOf, Pipeline pipeline, FunnelOptions options, StepTarget?[] targets, long rowCount,
        FunnelTally total, Dictionary<GroupKey, FunnelTally> segments, bool[]? recordedStages = null)
    {
        _recordedStages = recordedStages;
        Grouping = grouping;
        AsOf = asOf;
        _pipeline = pipeline;
        _options = options;
        _targets = targets;
        RowCount = rowCount;
        _total = total;
        _segments = segments;
    }

    /// <summary>How the leads are segmented.</summary>
    public FunnelGrouping Grouping { get; }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The rows scanned (including leads acquired after as-of, which count nowhere).</summary>
    public long RowCount { get; }

    /// <summary>Merges two partitions of disjoint leads.</summary>
    /// <param name="other">The other partition.</param>
    /// <returns>The partition of both; the same whichever order partitions are merged in.</returns>
    /// <exception cref="ArgumentException">The partitions differ in grouping, as-of, stage names or options.</exception>
    public FunnelPartition Merge(FunnelPartition other)
    {
        Preconditions.CheckNotNull(other);

        if (!Grouping.Equals(other.Grouping) || !AsOf.Equals(other.AsOf) || !LeadTableBuilder.SameStages(_pipeline, other._pipeline) || !_options.IsEquivalentTo(other._options))
        {
            throw new ArgumentException("Only partitions with the same grouping, as-of instant, stages and options can be merged.", nameof(other));
        }

        var segments = new Dictionary<GroupKey, FunnelTally>(_segments);
        foreach (var pair in other._segments)
        {
            segments[pair.Key] = segments.TryGetValue(pair.Key, out var mine) ? FunnelTally.Merge(mine, pair.Value) : pair.Value;
        }

        bool[]? recorded = null;
        if (_recordedStages is { } a && other._recordedStages is { } b)
        {
            recorded = new bool[a.Length];
            for (var s = 0; s < recorded.Length; s++)
            {
                recorded[s] = a[s] || b[s];
            }
        }

        return new FunnelPartition(Grouping, AsOf, _pipeline, _options, _targets, RowCount + other.RowCount, FunnelTally.Merge(_total, other._total), segments, recorded);
    }

    /// <summary>Merges any number of partitions.</summary>
    /// <param name="partitions">At least one partition.</param>
    /// <returns>Their merge.</returns>
    /// <exception cref="ArgumentException">There are none, or they cannot be merged.</exception>
    public static FunnelPartition Merge(IEnumerable<FunnelPartition> partitions) => Partitions.MergeAll(partitions, (a, b) => a.Merge(b));

    /// <summary>The whole funnel, with its segments or cohorts when the scope has a breakdown.</summary>
    /// <returns>The funnel.</returns>
    public FunnelResult ToResult()
    {
        if (Grouping.Cohort is not null)
        {
            var (cohorts, trends) = BuildCohorts();
            return Result(_total, null, cohorts, trends);
        }

        return Grouping.Dimensions.Count == 0 ? Result(_total) : Result(_total, BuildSegments());
    }

    /// <summary>The funnel per segment.</summary>
    /// <returns>The breakdown.</returns>
    /// <exception cref="InvalidOperationException">The grouping is not by dimension.</exception>
    public FunnelBreakdown ToBreakdown()
    {
        if (Grouping.Dimensions.Count == 0 || Grouping.Cohort is not null)
        {
            throw new InvalidOperationException($"The partition is grouped by {Grouping}, not by dimension.");
        }

        var total = ToResult();
        return new FunnelBreakdown(Grouping, total, total.Segments);
    }

    /// <summary>The funnel per acquisition cohort and the trend of each step.</summary>
    /// <returns>The cohorts.</returns>
    /// <exception cref="InvalidOperationException">The grouping is not by cohort.</exception>
    public FunnelCohorts ToCohorts()
    {
        if (Grouping.Cohort is not { } period)
        {
            throw new InvalidOperationException($"The partition is grouped by {Grouping}, not by cohort.");
        }

        var total = ToResult();
        var trend = Trend(total.Cohorts);
        if (Grouping.Dimensions.Count == 0)
        {
            return new FunnelCohorts(period, _options.Scope.CohortUtcOffset, total, total.Cohorts, total.StepTrends, trend);
        }

        return new FunnelCohorts(period, _options.Scope.CohortUtcOffset, total, total.Cohorts, total.StepTrends, trend, Grouping.Dimensions[0], BuildCohortSegments(total.Cohorts));
    }

    private CohortConversionTrend Trend(IReadOnlyList<FunnelCohort> cohorts) =>
        CohortConversionTrend.Of(cohorts, TimeSpan.FromSeconds(_options.MaturityWindowSeconds), _options.SignificanceLevel);

    // Cohorts within segments: per value, its cells walked over the same periods as all leads' cohorts; each cell borrows
    // from its own segment's leads (the group keyed by the value alone).
    private FunnelCohortSegment[] BuildCohortSegments(IReadOnlyList<FunnelCohort> all)
    {
        var empty = FunnelTally.Empty(new FunnelLayout(_pipeline.Count), _total.Maturity is not null);
        var segments = new List<FunnelCohortSegment>();
        foreach (var key in SortedKeys())
        {
            if (key.PeriodStartDay != 0)
            {
                continue;
            }

            var reference = _segments[key];
            var cohorts = new FunnelCohort[all.Count];
            for (var c = 0; c < cohorts.Length; c++)
            {
                // A cohort's first local day, as CohortCalendar.ToInstant wrote it.
                var start = (int)(all[c].Start.Ticks / TimeSpan.TicksPerDay);
                var cell = _segments.TryGetValue(new GroupKey(key.First, null, start), out var t) ? t : empty;
                cohorts[c] = new FunnelCohort(all[c].Label, all[c].Start, all[c].End, Result(cell, reference: reference));
            }

            segments.Add(new FunnelCohortSegment(key.First, Result(reference), cohorts, Trend(cohorts)));
        }

        return segments.ToArray();
    }

    private FunnelSegment[] BuildSegments()
    {
        var keys = SortedKeys();
        var segments = new FunnelSegment[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var values = Grouping.Dimensions.Count == 1 ? new[] { keys[i].First } : new[] { keys[i].First, keys[i].Second };
            segments[i] = new FunnelSegment(values, Result(_segments[keys[i]]));
        }

        return segments;
    }

    // Each cohort's tally by its first day: the groups themselves or, for cohorts within segments, the merge of the cohort's
    // cells (exact: counts add, sorted times merge), the segments across cohorts (day 0) left out.
    private SortedList<int, FunnelTally> CohortTallies()
    {
        var byStart = new SortedList<int, FunnelTally>();
        foreach (var key in SortedKeys())
        {
            if (key.PeriodStartDay != 0)
            {
                var tally = _segments[key];
                byStart[key.PeriodStartDay] = byStart.TryGetValue(key.PeriodStartDay, out var sum) ? FunnelTally.Merge(sum, tally) : tally;
            }
        }

        return byStart;
    }

    private (List<FunnelCohort> Cohorts, StepTrend[] Trends) BuildCohorts()
    {
        var period = Grouping.Cohort!.Value;
        var byStart = CohortTallies();
        var cohorts = new List<FunnelCohort>();
        if (byStart.Count > 0)
        {
            var empty = FunnelTally.Empty(new FunnelLayout(_pipeline.Count), _total.Maturity is not null);
            var last = byStart.Keys[byStart.Count - 1];
            for (var start = byStart.Keys[0]; start <= last;)
            {
                var next = CohortCalendar.NextPeriodStart(start, period);
                var tally = byStart.TryGetValue(start, out var t) ? t : empty;
                cohorts.Add(new FunnelCohort(
                    CohortCalendar.Label(start, period), CohortCalendar.ToInstant(start, _options.Scope.CohortUtcOffset),
                    CohortCalendar.ToInstant(next, _options.Scope.CohortUtcOffset), Result(tally)));
                start = next;
            }
        }

        var trends = new StepTrend[_pipeline.Count - 1];
        for (var k = 0; k < trends.Length; k++)
        {
            var steps = new FunnelStep[cohorts.Count];
            for (var c = 0; c < steps.Length; c++)
            {
                steps[c] = cohorts[c].Funnel.Steps[k];
            }

            trends[k] = new StepTrend(k, _pipeline.Stages[k], _pipeline.Stages[k + 1], Series(steps, s => s.AllLeads), Series(steps, s => s.Resolved));
        }

        return (cohorts, trends);
    }

    private static ConversionSeries Series(FunnelStep[] steps, Func<FunnelStep, FunnelView> view)
    {
        var conversion = new Rate[steps.Length];
        var advanced = new long[steps.Length];
        var leads = new long[steps.Length];
        var table = new IReadOnlyList<long>[steps.Length];
        for (var c = 0; c < steps.Length; c++)
        {
            var v = view(steps[c]);
            conversion[c] = v.Conversion;
            advanced[c] = v.Advanced;
            leads[c] = v.Leads;
            table[c] = new[] { v.Advanced, v.DroppedOff };
        }

        return new ConversionSeries(conversion, ProportionTests.ChiSquareIndependence(table), TrendTests.CochranArmitage(advanced, leads));
    }

    private FunnelResult Result(
        FunnelTally tally, IReadOnlyList<FunnelSegment>? segments = null, IReadOnlyList<FunnelCohort>? cohorts = null, IReadOnlyList<StepTrend>? trends = null,
        FunnelTally? reference = null) =>
        FunnelResultFactory.Create(tally, _pipeline, AsOf, _options, _targets, segments, cohorts, trends, _recordedStages, Maturity(tally, reference ?? _total));

    // Each cell's projection borrows from the pooled leads of the partition (its total), or a cohort × segment cell's from
    // its segment's leads.
    private FunnelMaturity? Maturity(FunnelTally tally, FunnelTally reference) =>
        tally.Maturity is { } cell && reference.Maturity is { } pooled
            ? MaturityProjection.Compute(cell, pooled, _options.MaturityWindowSeconds, _options.Scope.Confidence)
            : null;

    private GroupKey[] SortedKeys()
    {
        var keys = new GroupKey[_segments.Count];
        _segments.Keys.CopyTo(keys, 0);
        Array.Sort(keys);
        return keys;
    }
}
