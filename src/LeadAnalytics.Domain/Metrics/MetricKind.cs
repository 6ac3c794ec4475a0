namespace LeadAnalytics.Metrics;

/// <summary>How a metric's value is shown: the formatter picks digits, percent signs, currency and intervals from it.</summary>
public enum MetricKind
{
    /// <summary>A whole number (leads, impressions, clicks): thousands separators, no decimals.</summary>
    Count = 0,

    /// <summary>A proportion in [0, 1] that can carry a confidence interval: shown as a percentage with one decimal.</summary>
    Rate = 1,

    /// <summary>An amount of money in the result's currency.</summary>
    Money = 2,

    /// <summary>A plain ratio without interval (ROAS, ROI, leads per click): ROAS reads as the template's <c>1:x</c>, the
    /// others as percentages with one decimal (a click-to-lead rate of 0.0066 is <c>0.7%</c>).</summary>
    Ratio = 3,

    /// <summary>A duration in days, one decimal.</summary>
    Days = 4,

    /// <summary>A duration in hours, one decimal.</summary>
    Hours = 5,

    /// <summary>A p-value: three significant decimals, tiny values as "&lt; 0.001".</summary>
    PValue = 6,

    /// <summary>A statistic without a unit (a chi-square, a standard error): up to four decimals.</summary>
    Number = 7,
}
