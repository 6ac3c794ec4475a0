namespace LeadAnalytics.CycleTime;

/// <summary>The result of a log-rank (or Fleming-Harrington G-ρ) test that two or more groups share one survival curve.</summary>
/// <remarks>Immutable. <see cref="ChiSquare"/> and <see cref="PValue"/> are <see langword="null"/> when fewer than two groups
/// have any expected events (R reports a chi-square of 0 on 0 degrees of freedom) or the variance matrix is singular.</remarks>
public sealed class LogRankResult
{
    internal LogRankResult(double rho, IReadOnlyList<LogRankGroup> groups, double? chiSquare, int degreesOfFreedom, double? pValue)
    {
        Rho = rho;
        Groups = groups;
        ChiSquare = chiSquare;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
    }

    /// <summary>The weight exponent ρ: 0 for the log-rank test, 1 for the Peto-Peto modification of Gehan-Wilcoxon.</summary>
    public double Rho { get; }

    /// <summary>The groups, by ascending label.</summary>
    public IReadOnlyList<LogRankGroup> Groups { get; }

    /// <summary>The chi-square statistic (O - E)ᵀ V⁻ (O - E) (R's <c>survdiff(...)$chisq</c>), or <see langword="null"/>.</summary>
    public double? ChiSquare { get; }

    /// <summary>Degrees of freedom: the number of groups with expected events above zero, minus one.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>The upper-tail chi-square probability of <see cref="ChiSquare"/> (R's <c>pchisq(chisq, df, lower.tail = FALSE)</c>),
    /// or <see langword="null"/>.</summary>
    public double? PValue { get; }
}
