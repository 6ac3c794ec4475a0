using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.LossReasons;

/// <summary>One line of a Pareto table: a reason, how many lost leads gave it, its share and the running share.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LossReasonRow
{
    internal LossReasonRow(string reason, long count, double share, double cumulativeShare, decimal? lostRevenue)
    {
        Reason = reason;
        Count = count;
        Share = share;
        CumulativeShare = cumulativeShare;
        LostRevenue = lostRevenue;
    }

    /// <summary>The normalised reason; <see cref="DimensionKeys.Missing"/> for lost leads without one;
    /// <see cref="LossReasonAnalyzer.StaleReason"/> for stale leads counted as lost.</summary>
    public string Reason { get; }

    /// <summary>Lost leads giving it.</summary>
    public long Count { get; }

    /// <summary>Count / all lost leads of the table (the reasonless included), so shares sum to 1.</summary>
    public double Share { get; }

    /// <summary>The running sum of <see cref="Share"/> in table order.</summary>
    public double CumulativeShare { get; }

    /// <summary>Estimated revenue lost (see <see cref="LossReasonOptions.ExpectedDealSize"/>); null when not estimated or
    /// when no lost lead of this reason has an expected deal size.</summary>
    public decimal? LostRevenue { get; }

    /// <summary>The reason and its count.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Reason}: {Count} ({Share:P1})";
}

/// <summary>A Pareto table of one segment: a stage, or a segment of the breakdown.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LossReasonTable
{
    internal LossReasonTable(string segment, SegmentKey? key, long lostLeads, IReadOnlyList<LossReasonRow> rows)
    {
        Segment = segment;
        Key = key;
        LostLeads = lostLeads;
        Rows = rows;
    }

    /// <summary>The stage name or the segment's label (<see cref="SegmentKey.Label"/>; <see cref="DimensionKeys.Missing"/>
    /// for a missing value).</summary>
    public string Segment { get; }

    /// <summary>The segment's key; <see langword="null"/> for the overall and the stage tables.</summary>
    public SegmentKey? Key { get; }

    /// <summary>Lost leads in the segment.</summary>
    public long LostLeads { get; }

    /// <summary>Reasons by count descending (ties by reason, ordinally); the reasonless row, if any, last.</summary>
    public IReadOnlyList<LossReasonRow> Rows { get; }

    /// <summary>The segment and its lost leads.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Segment}: {LostLeads} lost, {Rows.Count} reasons";
}

/// <summary>The reason tables of the scope's breakdown, and whether the reason mix differs between its segments.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LossReasonBreakdown
{
    internal LossReasonBreakdown(IReadOnlyList<Dimension> dimensions, IReadOnlyList<LossReasonTable> segments, HypothesisTestResult? mixTest)
    {
        Dimensions = dimensions;
        Segments = segments;
        MixTest = mixTest;
    }

    /// <summary>The dimensions whose combinations are the segments (<see cref="AnalysisScope.Breakdown"/>).</summary>
    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>One table per segment with lost leads, in segment-key order.</summary>
    public IReadOnlyList<LossReasonTable> Segments { get; }

    /// <summary>Chi-square test of independence of reason and segment (reasonless and stale leads excluded);
    /// <see langword="null"/> when the breakdown has tags, whose segments overlap (a lead counts in each of its tags).</summary>
    public HypothesisTestResult? MixTest { get; }

    /// <summary>The dimensions and the segment count.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{string.Join(" × ", Dimensions)}: {Segments.Count} segments";
}

/// <summary>A finding: one reason dominates the losses of a stage or segment.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LossReasonDominance
{
    internal LossReasonDominance(string scope, string segment, string reason, long count, long lostLeads, Rate share)
    {
        Scope = scope;
        Segment = segment;
        Reason = reason;
        Count = count;
        LostLeads = lostLeads;
        Share = share;
    }

    /// <summary>"stage" or the breakdown's dimension names joined by " × " (for example "Channel").</summary>
    public string Scope { get; }

    /// <summary>The stage or segment label.</summary>
    public string Segment { get; }

    /// <summary>The dominant reason.</summary>
    public string Reason { get; }

    /// <summary>Lost leads of the segment giving it.</summary>
    public long Count { get; }

    /// <summary>Lost leads of the segment.</summary>
    public long LostLeads { get; }

    /// <summary>Its share, with a Wilson interval.</summary>
    public Rate Share { get; }

    /// <summary>The finding in words.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Scope} {Segment}: {Reason} {Count}/{LostLeads}";
}

/// <summary>Why leads are lost: Pareto tables overall, by the stage they were lost at and by the scope's breakdown.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LossReasonResult
{
    internal LossReasonResult(
        DateTimeOffset asOf, long lostLeads, long withoutReason, long stale, LossReasonTable overall, IReadOnlyList<LossReasonTable> byStage,
        IReadOnlyList<LossReasonBreakdown> breakdowns, IReadOnlyList<LossReasonDominance> dominant)
    {
        AsOf = asOf;
        LostLeads = lostLeads;
        WithoutReason = withoutReason;
        Stale = stale;
        Overall = overall;
        ByStage = byStage;
        Breakdowns = breakdowns;
        Dominant = dominant;
    }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Leads lost as of <see cref="AsOf"/> in the scope's period: recorded losses, and stale leads when the scope
    /// counts them as lost (the default; their reason is <see cref="LossReasonAnalyzer.StaleReason"/>).</summary>
    public long LostLeads { get; }

    /// <summary>Of the recorded losses, leads with no loss reason: counted, never dropped.</summary>
    public long WithoutReason { get; }

    /// <summary>Stale leads in scope (docs/metrics.md), whether or not they count as lost: the same number every engine
    /// reports for the same scope and as-of.</summary>
    public long Stale { get; }

    /// <summary>The overall Pareto table.</summary>
    public LossReasonTable Overall { get; }

    /// <summary>One table per pipeline stage a lead was lost at, in pipeline order (stages with losses only).</summary>
    public IReadOnlyList<LossReasonTable> ByStage { get; }

    /// <summary>The breakdown of the scope (one entry), or none when the scope has no breakdown.</summary>
    public IReadOnlyList<LossReasonBreakdown> Breakdowns { get; }

    /// <summary>Segments where one reason dominates.</summary>
    public IReadOnlyList<LossReasonDominance> Dominant { get; }

    /// <summary>The totals.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{LostLeads} lost leads as of {AsOf:O}, {WithoutReason} without a reason, {Stale} stale";
}
