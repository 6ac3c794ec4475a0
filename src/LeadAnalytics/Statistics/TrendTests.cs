using MathNet.Numerics.Distributions;

namespace LeadAnalytics.Statistics;

/// <summary>Tests for a trend in proportions across ordered groups (periods, cohorts, doses).</summary>
public static class TrendTests
{
    /// <summary>The Cochran-Armitage test for a linear trend in proportions: with p = X/N and scores s,
    /// z = (sum x_i s_i - p sum n_i s_i) / sqrt(p (1 - p) (sum n_i s_i² - (sum n_i s_i)² / N)).
    /// z² equals the X-squared of R <c>prop.trend.test(x, n, score)</c>; the sign gives the direction (positive when the
    /// proportion rises with the score).</summary>
    /// <param name="successes">Successes per group.</param>
    /// <param name="trials">Trials per group (same length); groups with zero trials are ignored.</param>
    /// <param name="scores">Score per group; 0, 1, 2, ... when null.</param>
    /// <returns>Signed z and its two-sided p-value; undefined when fewer than two groups have
    /// trials, their scores are all equal, or every trial succeeded or failed.</returns>
    /// <exception cref="ArgumentException">The lists differ in length, or a count is out of range.</exception>
    public static HypothesisTestResult CochranArmitage(IReadOnlyList<long> successes, IReadOnlyList<long> trials, IReadOnlyList<double>? scores = null)
    {
        Preconditions.CheckNotNull(successes);

        Preconditions.CheckNotNull(trials);

        if (successes.Count != trials.Count || (scores is not null && scores.Count != trials.Count))
        {
            throw new ArgumentException("Successes, trials and scores need one entry per group.", nameof(trials));
        }

        var x = new double[trials.Count];
        var t = new double[trials.Count];
        for (var i = 0; i < trials.Count; i++)
        {
            if (trials[i] < 0 || successes[i] < 0 || successes[i] > trials[i])
            {
                throw new ArgumentException($"Group {i}: successes ({successes[i]}) must lie between 0 and trials ({trials[i]}).", nameof(successes));
            }

            x[i] = successes[i];
            t[i] = trials[i];
        }

        return CochranArmitage(x, t, scores);
    }

    // The same on real-valued (effective) counts: 0 <= successes <= trials, checked by the caller.
    internal static HypothesisTestResult CochranArmitage(double[] successes, double[] trials, IReadOnlyList<double>? scores)
    {
        double x = 0, n = 0, sumNs = 0;
        var groups = 0;
        for (var i = 0; i < trials.Length; i++)
        {
            if (trials[i] > 0)
            {
                groups++;
                x += successes[i];
                n += trials[i];
                sumNs += trials[i] * Score(scores, i);
            }
        }

        const string name = "Cochran-Armitage trend z";
        if (groups < 2)
        {
            return new HypothesisTestResult(name, null, null, null);
        }

        // Centred scores keep the sums of squares free of cancellation.
        var mean = sumNs / n;
        double spread = 0, covariance = 0;
        for (var i = 0; i < trials.Length; i++)
        {
            var d = Score(scores, i) - mean;
            spread += trials[i] * d * d;
            covariance += successes[i] * d;
        }

        var p = x / n;
        var variance = p * (1 - p) * spread;
        if (!(variance > 0))
        {
            return new HypothesisTestResult(name, null, null, null);
        }

        var z = covariance / Math.Sqrt(variance);
        return new HypothesisTestResult(name, z, null, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }

    private static double Score(IReadOnlyList<double>? scores, int i) => scores is null ? i : scores[i];
}
