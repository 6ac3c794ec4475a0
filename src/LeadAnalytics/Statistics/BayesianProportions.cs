using MathNet.Numerics;

namespace LeadAnalytics.Statistics;

/// <summary>Bayesian comparison of two binomial proportions with uniform Beta(1, 1) priors.</summary>
public static class BayesianProportions
{
    // Beyond this many terms a series is long enough to be worth a shortcut.
    private const long LongSeries = 1000;

    /// <summary>The posterior probability that the first group's rate exceeds the second's, P(p1 &gt; p2), with independent
    /// Beta(1, 1) priors, so posteriors Beta(1 + successes, 1 + failures). Computed exactly with Evan Miller's closed form
    /// (a finite sum over the first group's successes), not by simulation.</summary>
    /// <remarks>
    /// <para>With α1 = 1 + s1, β1 = 1 + f1, α2 = 1 + s2, β2 = 1 + f2:
    /// P(p1 &gt; p2) = Σ_{i=0}^{α1-1} B(α2 + i, β1 + β2) / ((β1 + i) B(1 + i, β1) B(α2, β2)).
    /// The first term is a product of α2 ratios and each next one follows from the ratio of neighbours
    /// (α2 + i)(β1 + i) / ((α2 + β1 + β2 + i)(1 + i)), summed on the log scale, so large counts neither overflow nor lose
    /// precision: the result keeps its relative precision even when it is tiny. The cost is linear in the smaller group's
    /// successes: when the first group has more than 1,000 successes and more than the second, the shorter series for
    /// P(p2 &gt; p1) is summed and complemented; the first term comes from log-gamma functions beyond 1,000 factors.
    /// Accuracy: about 1e-14 up to a thousand successes per group; with tens of thousands, about 1e-11 (log-gamma
    /// cancellation, roughly 1e-16 x n ln n).</para>
    /// <para>Ties have probability zero, so P(p1 &gt; p2) + P(p2 &gt; p1) = 1.</para>
    /// </remarks>
    /// <param name="successes1">Successes in the first group.</param>
    /// <param name="trials1">Trials in the first group (zero is allowed: the posterior is then the prior).</param>
    /// <param name="successes2">Successes in the second group.</param>
    /// <param name="trials2">Trials in the second group.</param>
    /// <returns>The probability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">Counts out of range.</exception>
    public static double ProbabilityGreater(long successes1, long trials1, long successes2, long trials2)
    {
        Check(successes1, trials1, nameof(successes1));
        Check(successes2, trials2, nameof(successes2));
        // The series has 1 + s1 terms. When the first group has more successes, sum the shorter series for P(p2 > p1) and
        // take the complement: exact to about 1e-16 absolute, which only costs relative precision on probabilities that
        // small.
        if (successes1 > LongSeries && successes1 > successes2)
        {
            return Math.Max(0.0, 1 - Sum(successes2, trials2, successes1, trials1));
        }

        return Math.Min(1.0, Sum(successes1, trials1, successes2, trials2));
    }

    // P(p1 > p2) by the closed form, summing alpha1 = 1 + s1 terms.
    private static double Sum(long s1, long n1, long s2, long n2)
    {
        double alpha1 = 1 + s1, beta1 = 1 + (n1 - s1), alpha2 = 1 + s2, beta2 = 1 + (n2 - s2);
        // Term 0 is B(α2, β1 + β2) / (β1 · B(1, β1) · B(α2, β2)) = B(α2, β1 + β2) / B(α2, β2), as B(1, β1) = 1/β1. With
        // integer parameters that is Π_{j<α2} (β2 + j) / (β1 + β2 + j): summing the logs of those ratios keeps the error at a
        // few ulps per factor, where log-gamma differences lose digits to cancellation. Longer products use log-gamma, whose
        // cancellation leaves a relative error of about 1e-16 x n ln n (5e-11 at 30,000 successes).
        double logTerm = 0;
        if (alpha2 <= LongSeries)
        {
            for (long j = 0; j < alpha2; j++)
            {
                logTerm += Math.Log((beta2 + j) / (beta1 + beta2 + j));
            }
        }
        else
        {
            logTerm = SpecialFunctions.GammaLn(beta2 + alpha2) - SpecialFunctions.GammaLn(beta2)
                - SpecialFunctions.GammaLn(beta1 + beta2 + alpha2) + SpecialFunctions.GammaLn(beta1 + beta2);
        }

        // Streaming log-sum-exp: sum holds Σ exp(log term - max).
        var max = logTerm;
        double sum = 1;
        for (long i = 0; i + 1 < alpha1; i++)
        {
            logTerm += Math.Log((alpha2 + i) * (beta1 + i) / ((alpha2 + beta1 + beta2 + i) * (1.0 + i)));
            if (logTerm > max)
            {
                sum = (sum * Math.Exp(max - logTerm)) + 1;
                max = logTerm;
            }
            else
            {
                sum += Math.Exp(logTerm - max);
            }
        }

        return Math.Exp(max + Math.Log(sum));
    }

    private static void Check(long successes, long trials, string name)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(name, successes, $"Successes ({successes}) must lie between 0 and trials ({trials}).");
        }
    }
}
