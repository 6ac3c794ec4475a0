namespace LeadAnalytics.Statistics;

/// <summary>How a confidence interval for a proportion is computed.</summary>
public enum ProportionIntervalMethod
{
    /// <summary>Wilson score interval without continuity correction (the default; statsmodels <c>method="wilson"</c>,
    /// R <c>prop.test(correct = FALSE)</c>).</summary>
    Wilson = 0,
}
