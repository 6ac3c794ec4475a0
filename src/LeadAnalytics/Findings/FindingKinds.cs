namespace LeadAnalytics.Findings;

/// <summary>The kind keys of the findings the engines emit. An app words each kind in its own language from
/// <see cref="Finding.Arguments"/>; <see cref="FindingTemplates"/> has English and Chinese defaults.</summary>
public static class FindingKinds
{
    /// <summary>A segment with a large share of the leads converts clearly below the rest.</summary>
    public const string HighVolumeLowConversion = "high_volume_low_conversion";

    /// <summary>A segment converts clearly above the rest but each customer costs clearly more.</summary>
    public const string HighConversionHighCostPerAcquisition = "high_conversion_high_cac";

    /// <summary>Revenue does not cover spend: ROAS below the threshold (1 by default).</summary>
    public const string RoasBelowThreshold = "roas_below_threshold";

    /// <summary>A segment's conversion is significantly above the rest (Holm-adjusted).</summary>
    public const string ConversionAboveRest = "conversion_above_rest";

    /// <summary>A segment's conversion is significantly below the rest (Holm-adjusted).</summary>
    public const string ConversionBelowRest = "conversion_below_rest";

    /// <summary>A cost matched no lead acquired in its period: money spent with nothing to show, or a key spelled differently.</summary>
    public const string SpendWithoutLeads = "spend_without_leads";

    /// <summary>A data-quality warning: a dimension is filled almost only for won (or only for lost) leads, as when a CRM
    /// records the industry when a deal closes. Conversion "by" such a dimension measures the bookkeeping, not the segment,
    /// so no conversion comparison is made on it. Arguments: <c>dimension</c>, <c>dimension_zh</c>, <c>outcome</c>
    /// (<c>won</c> or <c>lost</c>), <c>filled</c>, <c>blank</c>, <c>value</c> (the outcome's share among filled leads) and
    /// <c>comparison</c> (its share among all leads).</summary>
    public const string DimensionFilledByOutcome = "dimension_filled_by_outcome";

    /// <summary>The funnel step with the largest drop-off (emitted by the funnel engine through
    /// <see cref="Finding.FunnelBottleneck"/>).</summary>
    public const string FunnelBottleneck = "funnel_bottleneck";
}
