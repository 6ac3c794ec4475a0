using MathNet.Numerics;

namespace LeadAnalytics.Statistics;

/// <summary>Quantiles of the beta distribution accurate to the precision of the regularized incomplete beta function.</summary>
/// <remarks>MathNet's <c>Beta.InvCDF</c> stops its root search at an absolute tolerance, which leaves a relative error of about
/// 1e-8 in small quantiles (a Clopper-Pearson lower limit of 2.5e-6, say). This solver brackets the root and polishes it with
/// Newton steps to a relative tolerance of a few ulps, so the limits agree with scipy and R to 1e-12 or better.</remarks>
internal static class BetaQuantile
{
    /// <summary>The p-quantile of Beta(a, b): the x with I_x(a, b) = p.</summary>
    internal static double Of(double p, double a, double b)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        // Work in the tail holding less than half the mass, so the target probability keeps its relative precision.
        return p > 0.5 ? 1 - Solve(1 - p, b, a) : Solve(p, a, b);
    }

    private static double Solve(double p, double a, double b)
    {
        var logBeta = SpecialFunctions.BetaLn(a, b);
        double lo = 0, hi = 1;
        var x = a / (a + b);
        // Bisection until the bracket is tight enough for Newton to be safe, then Newton kept inside the bracket.
        for (var i = 0; i < 2000; i++)
        {
            var f = SpecialFunctions.BetaRegularized(a, b, x) - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var logDensity = ((a - 1) * Math.Log(x)) + ((b - 1) * Math.Log(1 - x)) - logBeta;
            var step = f / Math.Exp(logDensity);
            var next = x - step;
            if (!(next > lo && next < hi) || double.IsNaN(next))
            {
                // Newton would leave the bracket: bisect (geometrically near 0, where quantiles can be tiny).
                next = lo > 0 && hi / lo > 4 ? Math.Sqrt(lo * hi) : lo == 0 && hi < 1e-3 ? hi / 16 : (lo + hi) / 2;
            }

            if (Math.Abs(next - x) <= 1e-15 * Math.Abs(x) || hi - lo <= 1e-15 * hi || Math.Abs(next - x) <= 4 * double.Epsilon)
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
