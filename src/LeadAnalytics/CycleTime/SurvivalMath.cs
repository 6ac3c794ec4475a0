namespace LeadAnalytics.CycleTime;

/// <summary>The numerical rules R's survival package uses for bands, quantiles and restricted means, transcribed so
/// that results agree with it to rounding (survival 3.5: <c>survfit_confint</c>, <c>findq</c>, <c>survmean</c>).</summary>
internal static class SurvivalMath
{
    // R's tolerance for "the curve equals the probability exactly": sqrt(.Machine$double.eps).
    internal const double Tolerance = 1.4901161193847656e-08;

    internal static (double? Lower, double? Upper) ConfidenceLimits(double survival, double seLog, double z, SurvivalConfidenceTransform transform)
    {
        if (survival <= 0 || double.IsInfinity(seLog))
        {
            return (null, null);
        }

        switch (transform)
        {
            case SurvivalConfidenceTransform.Log:
            {
                var half = z * seLog;
                var log = Math.Log(survival);
                return (Math.Exp(log - half), Math.Min(Math.Exp(log + half), 1.0));
            }

            case SurvivalConfidenceTransform.LogLog:
            {
                if (survival >= 1)
                {
                    return (null, null);
                }

                var log = Math.Log(survival);
                var half = z * seLog / log;
                var loglog = Math.Log(-log);
                return (Math.Exp(-Math.Exp(loglog - half)), Math.Exp(-Math.Exp(loglog + half)));
            }

            default:
            {
                var half = seLog * survival * z;
                return (Math.Max(survival - half, 0.0), Math.Min(survival + half, 1.0));
            }
        }
    }

    /// <summary>Limits of a probability from its standard error on the probability scale (R's
    /// <c>survfit_confint(logse = FALSE)</c>, used for multi-state <c>pstate</c>).</summary>
    internal static (double? Lower, double? Upper) ConfidenceLimitsOfProbability(double p, double standardError, double z, SurvivalConfidenceTransform transform)
    {
        if (p <= 0)
        {
            // R: a zero probability with zero error has the plain interval [0, 0]; every other case is NA.
            return transform == SurvivalConfidenceTransform.Plain && standardError == 0 ? (0.0, 0.0) : (null, null);
        }

        return ConfidenceLimits(p, standardError == 0 ? 0 : standardError / p, z, transform);
    }

    /// <summary>R's <c>findq</c> (behind <c>quantile.survfit</c>) for several probabilities of one curve: the first time the
    /// cumulative share 1 - curve reaches p, the midpoint to the next drop when it equals p on a flat stretch, the midpoint to
    /// the last time when the curve ends there.</summary>
    /// <param name="times">The curve's times, ascending.</param>
    /// <param name="curve">The curve (survival or a band) at those times; NaN where undefined.</param>
    /// <param name="probabilities">The probabilities (R checks their minimum once for all of them).</param>
    internal static double?[] FindQuantiles(double[] times, double[] curve, IReadOnlyList<double> probabilities)
    {
        var result = new double?[probabilities.Count];
        if (result.Length == 0)
        {
            return result;
        }

        // x = c(0, time), y = c(0, 1 - curve).
        var n0 = times.Length + 1;
        var x = new double[n0];
        var y = new double[n0];
        var maxY = 0.0;
        for (var i = 1; i < n0; i++)
        {
            x[i] = times[i - 1];
            y[i] = 1 - curve[i - 1];
            if (!double.IsNaN(y[i]) && y[i] > maxY)
            {
                maxY = y[i];
            }
        }

        var minP = double.PositiveInfinity;
        foreach (var p in probabilities)
        {
            minP = Math.Min(minP, p);
        }

        if (maxY < minP)
        {
            return result;
        }

        var xmax = x[n0 - 1];
        var (dx, dy) = FirstOccurrences(x, y);
        var last = dy[dy.Count - 1];
        for (var k = 0; k < result.Length; k++)
        {
            var p = probabilities[k];
            var i1 = StepIndex(dy, Tolerance, p);
            var i2 = StepIndex(dy, -Tolerance, p);
            double? quantile = i1 >= 0 && i2 >= 0 ? (dx[i1] + dx[i2]) / 2 : null;
            if (p == 0)
            {
                quantile = dx[0];
            }

            if (!double.IsNaN(last) && Math.Abs(p - last) < Tolerance)
            {
                quantile = i1 >= 0 ? (dx[i1] + xmax) / 2 : null;
            }

            result[k] = quantile;
        }

        return result;
    }

    // R's x[!duplicated(y)], y[!duplicated(y)]: the first occurrence of each y (NaN counts as one value).
    private static (List<double> X, List<double> Y) FirstOccurrences(double[] x, double[] y)
    {
        var dx = new List<double>(x.Length);
        var dy = new List<double>(y.Length);

        // A survival curve gives non-decreasing y with undefined values only at the end: equal values are then adjacent.
        var adjacent = true;
        for (var i = 1; i < y.Length && adjacent; i++)
        {
            adjacent = double.IsNaN(y[i]) || (!double.IsNaN(y[i - 1]) && y[i] >= y[i - 1]);
        }

        if (adjacent)
        {
            for (var i = 0; i < y.Length; i++)
            {
                if (i == 0 || !y[i].Equals(y[i - 1]))
                {
                    dx.Add(x[i]);
                    dy.Add(y[i]);
                }
            }
        }
        else
        {
            var seen = new HashSet<double>();
            for (var i = 0; i < y.Length; i++)
            {
                if (seen.Add(y[i]))
                {
                    dx.Add(x[i]);
                    dy.Add(y[i]);
                }
            }
        }

        return (dx, dy);
    }

    // approx(y + shift, seq_along(y), p, method = "constant", f = 1): the index of the smallest knot at or above p, or -1
    // when p lies outside the knots' range.
    private static int StepIndex(List<double> y, double shift, double p)
    {
        var best = -1;
        var bestValue = double.PositiveInfinity;
        var min = double.PositiveInfinity;
        for (var i = 0; i < y.Count; i++)
        {
            if (double.IsNaN(y[i]))
            {
                continue;
            }

            var v = y[i] + shift;
            if (v < min)
            {
                min = v;
            }

            if (v >= p && v < bestValue)
            {
                bestValue = v;
                best = i;
            }
        }

        return p < min ? -1 : best;
    }

    /// <summary>R's median rule in <c>print.survfit</c> (<c>survmean</c>'s <c>minmin</c>): the first time the curve is at or
    /// below 0.5; when it sits at exactly 0.5 there, the midpoint to the next time it is lower.</summary>
    internal static double? MedianTime(double[] times, double[] curve)
    {
        var first = -1;
        for (var i = 0; i < curve.Length; i++)
        {
            if (!double.IsNaN(curve[i]) && curve[i] < 0.5 + Tolerance)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return null;
        }

        if (Math.Abs(curve[first] - 0.5) < Tolerance)
        {
            for (var j = first + 1; j < curve.Length; j++)
            {
                if (!double.IsNaN(curve[j]) && curve[j] < curve[first])
                {
                    return (times[first] + times[j]) / 2;
                }
            }
        }

        return times[first];
    }

    /// <summary>R's <c>survmean</c> restricted mean up to <paramref name="horizon"/>, start time 0.</summary>
    internal static RestrictedMean RestrictedMeanOf(double[] times, double[] survival, int[] atRisk, int[] events, double horizon)
    {
        var keep = 0;
        while (keep < times.Length && times[keep] <= horizon)
        {
            keep++;
        }

        // Pieces: [0, t1), [t1, t2) ... [t_keep, horizon]; the height of piece k is S just before its right end.
        var n = keep + 1;
        var rectangles = new double[n];
        var hazard = new double[n];
        var previousTime = 0.0;
        var height = 1.0;
        for (var k = 0; k < n; k++)
        {
            var t = k < keep ? times[k] : horizon;
            rectangles[k] = (t - previousTime) * height;
            if (k < keep)
            {
                var d = events[k];
                var r = atRisk[k];
                hazard[k] = r - d == 0 ? 0 : d / ((double)r * (r - d));
                height = survival[k];
            }

            previousTime = t;
        }

        var mean = 0.0;
        for (var k = 0; k < n; k++)
        {
            mean += rectangles[k];
        }

        // Var = Σ_k (area after time k)² · hazard_k, the area after time k being the pieces to its right.
        var variance = 0.0;
        var after = 0.0;
        for (var k = n - 1; k >= 1; k--)
        {
            after += rectangles[k];
            variance += after * after * hazard[k - 1];
        }

        return new RestrictedMean(horizon, mean, Math.Sqrt(variance));
    }
}
