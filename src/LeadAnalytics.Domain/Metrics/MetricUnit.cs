namespace LeadAnalytics.Metrics;

/// <summary>What a metric's value measures.</summary>
public enum MetricUnit
{
    /// <summary>A number of leads.</summary>
    Count = 0,

    /// <summary>A proportion in [0, 1] (shown as a percentage).</summary>
    Proportion = 1,

    /// <summary>An amount in the report's currency.</summary>
    Money = 2,

    /// <summary>A ratio of two amounts of money (ROAS 2.1 means 2.1 of revenue per 1 of spend).</summary>
    MoneyRatio = 3,

    /// <summary>A duration in days.</summary>
    Days = 4,

    /// <summary>A duration in hours.</summary>
    Hours = 5,

    /// <summary>A ratio of two counts that is not a proportion: it can exceed 1 and has no binomial interval (leads per click).</summary>
    Ratio = 6,

    /// <summary>A dimensionless statistic: a p-value, a test statistic or a standard error.</summary>
    Statistic = 7,
}
