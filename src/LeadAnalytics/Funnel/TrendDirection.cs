namespace LeadAnalytics.Funnel;

/// <summary>The direction of a significant trend across cohorts.</summary>
public enum TrendDirection
{
    /// <summary>No significant trend (or too few cohorts to tell).</summary>
    None,

    /// <summary>Rising significantly.</summary>
    Rising,

    /// <summary>Falling significantly.</summary>
    Falling,
}
