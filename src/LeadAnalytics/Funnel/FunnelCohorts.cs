using LeadAnalytics.Data;
namespace LeadAnalytics.Funnel;

/// <summary>
/// A funnel per acquisition cohort (day, ISO week, month or quarter), every period from the first with leads to the
/// last, and the trend of each step's conversion across them.
/// </summary>
/// <remarks>Cohorts partition the leads, so their counts sum to <see cref="Total"/>'s. Immutable and thread-safe.</remarks>
public sealed class FunnelCohorts
{
    internal FunnelCohorts(CohortPeriod period, TimeSpan utcOffset, FunnelResult total, IReadOnlyList<FunnelCohort> cohorts, IReadOnlyList<StepTrend> stepTrends,
        CohortConversionTrend conversionTrend, Dimension? segmentBy = null, IReadOnlyList<FunnelCohortSegment>? segments = null)
    {
        SegmentBy = segmentBy;
        Segments = segments ?? Array.Empty<FunnelCohortSegment>();
        ConversionTrend = conversionTrend;
        Period = period;
        UtcOffset = utcOffset;
        Total = total;
        Cohorts = cohorts;
        StepTrends = stepTrends;
    }

    /// <summary>The period length.</summary>
    public CohortPeriod Period { get; }

    /// <summary>The UTC offset at which periods begin.</summary>
    public TimeSpan UtcOffset { get; }

    /// <summary>The whole funnel.</summary>
    public FunnelResult Total { get; }

    /// <summary>The cohorts in time order, including empty periods between the first and the last with leads.</summary>
    public IReadOnlyList<FunnelCohort> Cohorts { get; }

    /// <summary>One trend per step, in pipeline order.</summary>
    public IReadOnlyList<StepTrend> StepTrends { get; }

    /// <summary>The trend of conversion at the window W across cohorts, projected for the immature ones, beside the observed
    /// trend: read it before calling recent cohorts worse (they may only be younger).</summary>
    public CohortConversionTrend ConversionTrend { get; }

    /// <summary>The dimension of <see cref="Segments"/>; <see langword="null"/> when the cohorts are not split by segment.</summary>
    public Dimension? SegmentBy { get; }

    /// <summary>The cohorts within each value of <see cref="SegmentBy"/> (cohort × segment cells), values in ordinal order,
    /// missing first; empty unless asked for (<see cref="FunnelAnalyzer.AnalyzeCohorts(LeadTable, DateTimeOffset, CohortPeriod, Dimension, FunnelOptions?)"/>).</summary>
    public IReadOnlyList<FunnelCohortSegment> Segments { get; }

    /// <summary>Describes the cohorts.</summary>
    /// <returns>Period and count.</returns>
    public override string ToString() => $"{Cohorts.Count} cohorts by {Period}; total {Total}";
}
