using LeadAnalytics.Data;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Effectiveness;

/// <summary>
/// The exact, mergeable state of an effectiveness summary over some of the leads: per segment (named by its values) and for
/// the total, the lead, won, lost, open and stale counts, revenue and per-lead spend as exact minor-unit sums, and the cycle,
/// days-to-win and speed-to-lead durations counted per value at the table's resolution (whole seconds); the same for the
/// previous period when one is asked for. Compute one per partition (row ranges, files, machines) with
/// <see cref="EffectivenessAnalyzer.AnalyzePartition"/>, <see cref="Merge(EffectivenessPartition)"/> them in any order, then
/// read <see cref="ToResult"/>: it equals <see cref="EffectivenessAnalyzer.Analyze"/> over all the leads exactly, medians and
/// percentiles included.
/// </summary>
/// <remarks>
/// <para>As Math.NET's <c>RunningStatistics.Combine</c>: merging is associative and commutative, and a partition of no rows
/// is its identity. Partitions merge when they share the as-of instant and the options (the thread count aside), and their
/// currencies agree (a partition without amounts takes the other's).</para>
/// <para>Spend comes from per-lead acquisition costs: a costs table is divided among all the leads it matches at once, which
/// no part of the leads can do alone, so <see cref="EffectivenessAnalyzer.AnalyzePartition"/> refuses one.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class EffectivenessPartition
{
    internal EffectivenessPartition(EffectivenessOptions options, Dimension[] dimensions, DateTimeOffset asOf, Currency currency, long rowCount,
        PeriodTally current, PeriodTally? previous, List<CostAllocator.PreparedCost> costs)
    {
        Options = options;
        Dimensions = dimensions;
        AsOf = asOf;
        Currency = currency;
        RowCount = rowCount;
        Current = current;
        Previous = previous;
        Costs = costs;
    }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The rows scanned (including leads outside the period or acquired after as-of, which count nowhere).</summary>
    public long RowCount { get; }

    /// <summary>The report currency (<see cref="Currency.None"/> when the rows carried no amount).</summary>
    public Currency Currency { get; }

    internal EffectivenessOptions Options { get; }

    internal Dimension[] Dimensions { get; }

    internal PeriodTally Current { get; }

    internal PeriodTally? Previous { get; }

    // The prepared costs table (empty with per-lead costs): only a whole-table summary has one.
    internal List<CostAllocator.PreparedCost> Costs { get; }

    /// <summary>Merges two partitions of disjoint leads.</summary>
    /// <param name="other">The other partition.</param>
    /// <returns>The partition of both; the same whichever order partitions are merged in.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The partitions differ in as-of, options or currency.</exception>
    public EffectivenessPartition Merge(EffectivenessPartition other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(
            AsOf.Equals(other.AsOf) && Options.IsEquivalentTo(other.Options) && Costs.Count == 0 && other.Costs.Count == 0
            && (Currency == other.Currency || Currency == Currency.None || other.Currency == Currency.None),
            nameof(other), "Only partitions with the same as-of instant, options and currency, and without a costs table, can be merged.");
        var max = Options.MaxListedLeadIds;
        return new EffectivenessPartition(Options, Dimensions, AsOf, Currency == Currency.None ? other.Currency : Currency, RowCount + other.RowCount,
            PeriodTally.Merge(Current, other.Current, max), Previous is null ? null : PeriodTally.Merge(Previous, other.Previous!, max), Costs);
    }

    /// <summary>Merges any number of partitions.</summary>
    /// <param name="partitions">At least one partition.</param>
    /// <returns>Their merge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partitions"/> is null.</exception>
    /// <exception cref="ArgumentException">There are none, one is null, or they cannot be merged.</exception>
    public static EffectivenessPartition Merge(IEnumerable<EffectivenessPartition> partitions) => Partitions.MergeAll(partitions, (a, b) => a.Merge(b));

    /// <summary>The summary, identical to <see cref="EffectivenessAnalyzer.Analyze"/> over all the partitions' leads.</summary>
    /// <returns>The result.</returns>
    public EffectivenessResult ToResult() => EffectivenessAnalyzer.Finish(this);
}

// One period's sufficient statistics: integer figures and duration counts per segment and for the total, and the per-lead
// cost facts (a costs table's summary when the whole table was allocated at once, which does not merge).
internal sealed class PeriodTally
{
    internal PeriodTally(AcquisitionPeriod period, Dictionary<SegmentKey, SegmentTally> segments, SegmentTally total, bool overlap, long spendMinor,
        int withoutCost, IReadOnlyList<string> idsWithoutCost, CostSummary? allocated)
    {
        Period = period;
        Segments = segments;
        Total = total;
        Overlap = overlap;
        SpendMinor = spendMinor;
        WithoutCost = withoutCost;
        IdsWithoutCost = idsWithoutCost;
        Allocated = allocated;
    }

    internal AcquisitionPeriod Period { get; }

    internal Dictionary<SegmentKey, SegmentTally> Segments { get; }

    internal SegmentTally Total { get; }

    internal bool Overlap { get; }

    internal long SpendMinor { get; }

    internal int WithoutCost { get; }

    // The first ids of leads without cost in ordinal order (at most MaxListedLeadIds).
    internal IReadOnlyList<string> IdsWithoutCost { get; }

    internal CostSummary? Allocated { get; }

    internal static PeriodTally Merge(PeriodTally a, PeriodTally b, int maxIds)
    {
        var segments = new Dictionary<SegmentKey, SegmentTally>(a.Segments);
        foreach (var pair in b.Segments)
        {
            segments[pair.Key] = segments.TryGetValue(pair.Key, out var mine) ? SegmentTally.Merge(mine, pair.Value) : pair.Value;
        }

        var ids = new List<string>(a.IdsWithoutCost.Count + b.IdsWithoutCost.Count);
        ids.AddRange(a.IdsWithoutCost);
        ids.AddRange(b.IdsWithoutCost);
        ids.Sort(StringComparer.Ordinal);
        if (ids.Count > maxIds)
        {
            ids.RemoveRange(maxIds, ids.Count - maxIds);
        }

        return new PeriodTally(a.Period, segments, SegmentTally.Merge(a.Total, b.Total), a.Overlap || b.Overlap, a.SpendMinor + b.SpendMinor,
            a.WithoutCost + b.WithoutCost, ids, null);
    }
}

// One segment's integer figures (medians unset), its durations (null when durations are off) and its leads' outcome times
// for the maturity (null when maturity is off).
internal sealed class SegmentTally
{
    internal SegmentTally(SegmentFigures figures, SegmentDurations? durations, MaturityTally? maturity = null)
    {
        Figures = figures;
        Durations = durations;
        Maturity = maturity;
    }

    internal SegmentFigures Figures { get; }

    internal SegmentDurations? Durations { get; }

    internal MaturityTally? Maturity { get; }

    internal static SegmentTally Merge(SegmentTally a, SegmentTally b)
    {
        var figures = a.Figures;
        SegmentAggregator.Add(ref figures, b.Figures);
        var durations = a.Durations is null || b.Durations is null ? a.Durations ?? b.Durations : SegmentDurations.Merge(a.Durations, b.Durations);
        var maturity = a.Maturity is null || b.Maturity is null ? a.Maturity ?? b.Maturity : MaturityTally.Merge(a.Maturity, b.Maturity);
        return new SegmentTally(figures, durations, maturity);
    }
}

// Acquisition to outcome (won or lost), to won, and acquisition to first contact, in seconds counted per value.
internal sealed class SegmentDurations
{
    internal SegmentDurations(DurationCounts cycle, DurationCounts win, DurationCounts speed)
    {
        Cycle = cycle;
        Win = win;
        Speed = speed;
    }

    internal DurationCounts Cycle { get; }

    internal DurationCounts Win { get; }

    internal DurationCounts Speed { get; }

    internal static SegmentDurations Merge(SegmentDurations a, SegmentDurations b) =>
        new(DurationCounts.Merge(a.Cycle, b.Cycle), DurationCounts.Merge(a.Win, b.Win), DurationCounts.Merge(a.Speed, b.Speed));
}
