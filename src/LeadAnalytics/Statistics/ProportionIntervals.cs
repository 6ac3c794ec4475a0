using MathNet.Numerics.Distributions;

namespace LeadAnalytics.Statistics;

/// <summary>Confidence intervals for a binomial proportion.</summary>
public static class ProportionIntervals
{
    /// <summary>The Wilson score interval (no continuity correction).</summary>
    /// <param name="successes">Successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, above zero.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The lower and upper limits, within [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the level are out of range.</exception>
    public static (double Lower, double Upper) Wilson(long successes, long trials, double confidence = 0.95)
    {
        Check(successes, trials, confidence);
        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        // At the boundaries the exact limit is 0 or 1; floating point can leave 1e-17 on the wrong side.
        var lower = successes == 0 ? 0.0 : Math.Max(0.0, centre - half);
        var upper = successes == trials ? 1.0 : Math.Min(1.0, centre + half);
        return (lower, upper);
    }

    /// <summary>The Clopper-Pearson ("exact") interval: limits are beta quantiles, the lower 0 at no successes and the upper 1
    /// when every trial succeeds (statsmodels <c>proportion_confint(method="beta")</c>, R <c>binom.test()$conf.int</c>).</summary>
    /// <param name="successes">Successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, above zero.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The lower and upper limits, within [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the level are out of range.</exception>
    public static (double Lower, double Upper) ClopperPearson(long successes, long trials, double confidence = 0.95)
    {
        Check(successes, trials, confidence);
        var tail = (1 - confidence) / 2;
        var lower = successes == 0 ? 0.0 : BetaQuantile.Of(tail, successes, trials - successes + 1);
        var upper = successes == trials ? 1.0 : BetaQuantile.Of(1 - tail, successes + 1, trials - successes);
        return (lower, upper);
    }

    /// <summary>The Jeffreys interval: the equal-tailed credible interval of the Beta(x + 1/2, n - x + 1/2) posterior.</summary>
    /// <remarks>No boundary modification is applied: at 0 successes the lower limit is the posterior's 2.5% quantile, a small
    /// positive number, and at n successes the upper limit is below 1. This is what statsmodels
    /// <c>proportion_confint(method="jeffreys")</c> and R <c>qbeta(c(0.025, 0.975), x + 0.5, n - x + 0.5)</c> return;
    /// Brown, Cai and DasGupta (2001) suggest setting those limits to 0 and 1, which this method does not do.</remarks>
    /// <param name="successes">Successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, above zero.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The lower and upper limits, strictly inside (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the level are out of range.</exception>
    public static (double Lower, double Upper) Jeffreys(long successes, long trials, double confidence = 0.95)
    {
        Check(successes, trials, confidence);
        var tail = (1 - confidence) / 2;
        var a = successes + 0.5;
        var b = trials - successes + 0.5;
        return (BetaQuantile.Of(tail, a, b), BetaQuantile.Of(1 - tail, a, b));
    }

    /// <summary>An interval by the named method.</summary>
    /// <param name="successes">Successes.</param>
    /// <param name="trials">Trials, above zero.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <param name="method">The method.</param>
    /// <returns>The limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts, the level or the method are out of range.</exception>
    public static (double Lower, double Upper) Compute(long successes, long trials, double confidence, ProportionIntervalMethod method) => method switch
    {
        ProportionIntervalMethod.Wilson => Wilson(successes, trials, confidence),
        ProportionIntervalMethod.ClopperPearson => ClopperPearson(successes, trials, confidence),
        ProportionIntervalMethod.Jeffreys => Jeffreys(successes, trials, confidence),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown interval method."),
    };

    internal static void Check(long successes, long trials, double confidence)
    {
        if (trials <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "An interval needs at least one trial.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "Successes must lie between 0 and the number of trials.");
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
