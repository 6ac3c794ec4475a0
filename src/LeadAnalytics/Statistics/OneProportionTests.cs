using MathNet.Numerics.Distributions;

namespace LeadAnalytics.Statistics;

/// <summary>Tests of one proportion against a hypothesised value.</summary>
public static class OneProportionTests
{
    /// <summary>Two-sided score z test that a proportion equals <paramref name="hypothesized"/>, with the variance under
    /// the hypothesis: z = (x/n - p0) / sqrt(p0 (1 - p0) / n). Equals R <c>prop.test(x, n, p = p0, correct = FALSE)</c>
    /// (its X-squared is z²). The test rejects at level alpha exactly when p0 lies outside the Wilson interval at
    /// confidence 1 - alpha.</summary>
    /// <param name="successes">Successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, not negative.</param>
    /// <param name="hypothesized">The hypothesised proportion p0, in [0, 1].</param>
    /// <returns>z (observed minus hypothesised) and its two-sided p-value; undefined (null) when there are no trials or
    /// p0 is 0 or 1 (no variance under the hypothesis).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Counts or p0 out of range.</exception>
    public static HypothesisTestResult ScoreZ(long successes, long trials, double hypothesized)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes ({successes}) must lie between 0 and trials ({trials}).");
        }

        if (!(hypothesized >= 0 && hypothesized <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hypothesized), hypothesized, "The hypothesised proportion lies in [0, 1].");
        }

        const string name = "one-proportion score z";
        if (trials == 0 || hypothesized == 0 || hypothesized == 1)
        {
            return new HypothesisTestResult(name, null, null, null);
        }

        var z = (((double)successes / trials) - hypothesized) / Math.Sqrt(hypothesized * (1 - hypothesized) / trials);
        return new HypothesisTestResult(name, z, null, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }
}
