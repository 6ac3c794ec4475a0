namespace LeadAnalytics.Statistics;

/// <summary>The outcome of a significance test: which test, its statistic, degrees of freedom and p-value.</summary>
/// <remarks>A test that cannot be computed (for example no variation at all) has a null statistic and p-value, never NaN.
/// Immutable and thread-safe.</remarks>
public sealed class HypothesisTestResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="test">The test's name, for example <c>two-proportion z</c>.</param>
    /// <param name="statistic">The test statistic, or <see langword="null"/> when undefined.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom, when the reference distribution has them.</param>
    /// <param name="pValue">The p-value, or <see langword="null"/> when undefined.</param>
    public HypothesisTestResult(string test, double? statistic, double? degreesOfFreedom, double? pValue)
    {
        Test = Preconditions.CheckNotNull(test);
        Statistic = statistic;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
    }

    /// <summary>The test's name.</summary>
    public string Test { get; }

    /// <summary>The statistic (z, chi-square...), or <see langword="null"/>.</summary>
    public double? Statistic { get; }

    /// <summary>Degrees of freedom, or <see langword="null"/>.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>The p-value, or <see langword="null"/>.</summary>
    public double? PValue { get; }

    /// <summary>Whether the p-value is below a significance level.</summary>
    /// <param name="alpha">The level, 0.05 by default.</param>
    /// <returns><see langword="true"/> when significant; <see langword="false"/> when not or undefined.</returns>
    public bool IsSignificant(double alpha = 0.05) => PValue is { } p && p < alpha;

    /// <summary>Describes the result.</summary>
    /// <returns>Test, statistic and p-value.</returns>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}: statistic {1:G6}, df {2}, p {3:G4}", Test, Statistic, DegreesOfFreedom, PValue);
}
