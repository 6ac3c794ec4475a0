using MathNet.Numerics;

namespace LeadAnalytics.Statistics;

/// <summary>Upper-tail probabilities computed directly, so tiny p-values keep their digits (1 - CDF rounds them to 0).</summary>
internal static class TailProbabilities
{
    /// <summary>P(X &gt;= x) for X ~ chi-square(df): the upper regularised gamma Q(df/2, x/2), as R's pchisq(lower.tail = FALSE).</summary>
    internal static double ChiSquareUpper(double degreesOfFreedom, double x) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2, x / 2);
}
