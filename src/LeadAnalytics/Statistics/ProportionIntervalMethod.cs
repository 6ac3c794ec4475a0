namespace LeadAnalytics.Statistics;

/// <summary>How a confidence interval for a proportion is computed.</summary>
public enum ProportionIntervalMethod
{
    /// <summary>Wilson score interval without continuity correction (the default; statsmodels <c>method="wilson"</c>,
    /// R <c>prop.test(correct = FALSE)</c>).</summary>
    Wilson = 0,

    /// <summary>Clopper-Pearson "exact" interval from beta quantiles: Beta(α/2; x, n - x + 1) and
    /// Beta(1 - α/2; x + 1, n - x), with 0 at x = 0 and 1 at x = n (statsmodels <c>method="beta"</c>,
    /// R <c>binom.test()$conf.int</c>). Conservative: coverage is at least the nominal level.</summary>
    ClopperPearson = 1,

    /// <summary>Jeffreys interval: the equal-tailed interval of the Beta(x + 1/2, n - x + 1/2) posterior, WITHOUT the
    /// Brown-Cai-DasGupta boundary modification (so at x = 0 the lower limit is a small positive number, not 0), exactly as
    /// statsmodels <c>method="jeffreys"</c> and R <c>qbeta(c(α/2, 1 - α/2), x + 0.5, n - x + 0.5)</c>.</summary>
    Jeffreys = 2,
}
