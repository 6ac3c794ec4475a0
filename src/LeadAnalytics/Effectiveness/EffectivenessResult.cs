using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

/// <summary>
/// The effectiveness summary of one period: ranked segment rows, a totals row, the cost allocation, a test of whether
/// conversion differs across segments, the findings, and (when a previous period was asked for) that period's summary
/// with the change of every metric.
/// </summary>
/// <remarks>Immutable and thread-safe. Deterministic: the same leads and costs in any order give the same result.</remarks>
public sealed class EffectivenessResult
{
    internal EffectivenessResult(IReadOnlyList<Dimension> dimensions, AcquisitionPeriod period, DateTimeOffset asOf, Currency currency, string rankedBy,
        bool segmentsOverlap, IReadOnlyList<SegmentSummary> segments, SegmentSummary total, HypothesisTestResult? conversionIndependence, CostSummary costs,
        IReadOnlyList<Finding> findings)
    {
        Dimensions = dimensions;
        Period = period;
        AsOf = asOf;
        Currency = currency;
        RankedBy = rankedBy;
        SegmentsOverlap = segmentsOverlap;
        Segments = segments;
        Total = total;
        ConversionIndependence = conversionIndependence;
        Costs = costs;
        Findings = findings;
        Changes = Array.Empty<SegmentChange>();
    }

    /// <summary>The breakdown's dimensions.</summary>
    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>The acquisition period.</summary>
    public AcquisitionPeriod Period { get; }

    /// <summary>The as-of instant: outcomes and stages after it are ignored.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>The metric id the segments are ranked by.</summary>
    public string RankedBy { get; }

    /// <summary>Whether some lead is in more than one segment (possible only in a <see cref="Dimension.Tag"/> breakdown): then segment counts
    /// and shares do not sum to the totals, and <see cref="ConversionIndependence"/> is not computed.</summary>
    public bool SegmentsOverlap { get; }

    /// <summary>The segments with at least one lead in the period, by rank.</summary>
    public IReadOnlyList<SegmentSummary> Segments { get; }

    /// <summary>The totals row (every lead once; key <see cref="SegmentKey.All"/>).</summary>
    public SegmentSummary Total { get; }

    /// <summary>Chi-square test that conversion is the same in every segment (segments × won / not won), or
    /// <see langword="null"/> when segments overlap.</summary>
    public HypothesisTestResult? ConversionIndependence { get; }

    /// <summary>Where the spend came from and where it went.</summary>
    public CostSummary Costs { get; }

    /// <summary>The findings, most urgent first (<see cref="Finding.Compare"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The previous period's summary, or <see langword="null"/> when none was asked for.</summary>
    public EffectivenessResult? Previous { get; private set; }

    /// <summary>Every segment in either period with the change of each metric (current segments by rank, then segments
    /// seen only in the previous period by key); empty without a previous period.</summary>
    public IReadOnlyList<SegmentChange> Changes { get; private set; }

    /// <summary>The totals row's change, or <see langword="null"/> without a previous period.</summary>
    public SegmentChange? TotalChange { get; private set; }

    /// <summary>Finds a segment's row.</summary>
    /// <param name="key">The segment.</param>
    /// <returns>The row, or <see langword="null"/> when the segment had no leads in the period.</returns>
    public SegmentSummary? Find(SegmentKey key)
    {
        foreach (var s in Segments)
        {
            if (s.Key.Equals(key))
            {
                return s;
            }
        }

        return null;
    }

    internal void AttachPrevious(EffectivenessResult previous, IReadOnlyList<SegmentChange> changes, SegmentChange totalChange)
    {
        Previous = previous;
        Changes = changes;
        TotalChange = totalChange;
    }
}
