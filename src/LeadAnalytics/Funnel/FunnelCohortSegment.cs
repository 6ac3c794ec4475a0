using LeadAnalytics.Data;

namespace LeadAnalytics.Funnel;

/// <summary>
/// The cohorts of one segment (one value of <see cref="FunnelCohorts.SegmentBy"/>): a funnel per cohort × segment cell,
/// aligned with <see cref="FunnelCohorts.Cohorts"/>, each with its maturity and projected conversion at W. An immature
/// cell borrows the time profile past its own follow-up from this segment's leads (<see cref="Total"/>: its older,
/// mature cohorts), not from all leads (docs/funnel.md, "Cohorts within segments").
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelCohortSegment
{
    internal FunnelCohortSegment(string? value, FunnelResult total, IReadOnlyList<FunnelCohort> cohorts, CohortConversionTrend conversionTrend)
    {
        Value = value;
        Label = value ?? DimensionKeys.Missing;
        Total = total;
        Cohorts = cohorts;
        ConversionTrend = conversionTrend;
    }

    /// <summary>The segment's value; <see langword="null"/> when missing.</summary>
    public string? Value { get; }

    /// <summary>The value, missing shown as <see cref="DimensionKeys.Missing"/>.</summary>
    public string Label { get; }

    /// <summary>The segment's funnel over every cohort: the reference its immature cells borrow from.</summary>
    public FunnelResult Total { get; }

    /// <summary>The segment's funnel per cohort, one per entry of <see cref="FunnelCohorts.Cohorts"/> (all zero where the
    /// segment had no leads in that period).</summary>
    public IReadOnlyList<FunnelCohort> Cohorts { get; }

    /// <summary>The trend of conversion at W across this segment's cohorts, projected for the immature ones.</summary>
    public CohortConversionTrend ConversionTrend { get; }

    /// <summary>Describes the segment.</summary>
    /// <returns>Label and total.</returns>
    public override string ToString() => $"{Label}: {Cohorts.Count} cohorts; total {Total}";
}
