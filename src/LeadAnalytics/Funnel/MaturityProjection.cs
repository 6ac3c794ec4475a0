using LeadAnalytics.CycleTime;
using LeadAnalytics.Forecast;
using MathNet.Numerics.Distributions;

namespace LeadAnalytics.Funnel;

/// <summary>
/// The projected conversion at the window W of one cell (cohort, segment or total), from its outcome times and those of
/// the pooled reference (the funnel's total):
/// <code>
/// t = min(W, the cell's longest observed time)
/// F_cell(W) = F_cell(t) + S_cell(t) × P_ref(won in (t, W] | open at t)
/// </code>
/// with F the Aalen-Johansen cumulative incidence of won (lost competing, open censored at as-of), S the probability of
/// still being open, and the conditional probability <see cref="ConditionalIncidence.Within"/> of the reference's fit. When
/// t = W nothing is borrowed. Past t the cell has nobody at risk, so the reference's leads at risk there are other leads
/// (older cohorts): the borrowed factor is independent of the cell's own data, and the variance adds.
/// </summary>
internal static class MaturityProjection
{
    private const double SecondsPerDay = 86_400.0;

    internal static FunnelMaturity Compute(MaturityTally cell, MaturityTally reference, long windowSeconds, double confidence)
    {
        var keys = cell.Keys;
        var leads = keys.Length;
        var window = TimeSpan.FromSeconds(windowSeconds);
        long wonWithin = 0;
        foreach (var key in keys)
        {
            if (MaturityTally.Cause(key) == MaturityTally.WonCause && MaturityTally.Seconds(key) <= windowSeconds)
            {
                wonWithin++;
            }
        }

        if (leads == 0)
        {
            return new FunnelMaturity(window, 0, 0, 0, TimeSpan.Zero, false, null, null, null, null, null);
        }

        var transform = CumulativeIncidenceOptions.Default.ConfidenceTransform;
        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var w = windowSeconds / SecondsPerDay;
        var lastSeconds = MaturityTally.Seconds(keys[leads - 1]);
        var followUpSeconds = Math.Min(windowSeconds, lastSeconds);
        if (lastSeconds >= windowSeconds)
        {
            // The cell's own curve reaches W.
            var (p, se) = IncidenceWithError(CumulativeIncidence.At(new TallyOutcomes(keys, 0, 0), 2, w));
            var (lower, upper) = SurvivalMath.ConfidenceLimitsOfProbability(p, se, z, transform);
            return new FunnelMaturity(window, leads, cell.Mature, wonWithin, window, false, 0.0, p, se, lower, upper);
        }

        var t = lastSeconds / SecondsPerDay;
        var row = CumulativeIncidence.At(new TallyOutcomes(keys, 0, 0), 2, t);
        var f1 = row?.Incidence[0] ?? 0.0;
        var s = row?.Survival ?? 1.0;
        var followUp = TimeSpan.FromSeconds(followUpSeconds);
        if (!(s > 0))
        {
            // Every lead of the cell has an outcome: nothing is left to project.
            var (lower0, upper0) = SurvivalMath.ConfidenceLimitsOfProbability(f1, row!.IncidenceStandardError[0], z, transform);
            return new FunnelMaturity(window, leads, cell.Mature, wonWithin, followUp, false, 0.0, f1, row.IncidenceStandardError[0], lower0, upper0);
        }

        // The reference's leads still open after t, timed from t: R's survfit(..., start.time = t) and the ratio
        // [F_ref(W) - F_ref(t)] / S_ref(t) of ConditionalIncidence are the same estimate; the refit also gives its error.
        var after = FirstAfter(reference.Keys, lastSeconds);
        if (after == reference.Keys.Length)
        {
            return new FunnelMaturity(window, leads, cell.Mature, wonWithin, followUp, true, null, null, null, null, null);
        }

        var (q, qse) = IncidenceWithError(CumulativeIncidence.At(new TallyOutcomes(reference.Keys, after, lastSeconds), 2, w - t));
        var v1 = Square(row?.IncidenceStandardError[0] ?? 0.0);
        var v2 = Square(row?.IncidenceStandardError[1] ?? 0.0);
        var v0 = Square(row?.SurvivalStandardError ?? 0.0);
        // P = F1 + q·S = q + (1 - q)·F1 - q·F2 (S = 1 - F1 - F2); Cov(F1, F2) = (Var S - Var F1 - Var F2) / 2.
        var covariance = (v0 - v1 - v2) / 2;
        var variance = (Square(1 - q) * v1) + (Square(q) * v2) - (2 * q * (1 - q) * covariance) + (Square(s) * Square(qse));
        var projected = Math.Min(1.0, f1 + (s * q));
        var standardError = Math.Sqrt(Math.Max(0.0, variance));
        var (lo, up) = SurvivalMath.ConfidenceLimitsOfProbability(projected, standardError, z, transform);
        return new FunnelMaturity(window, leads, cell.Mature, wonWithin, followUp, true, s * q, projected, standardError, lo, up);
    }

    private static double Square(double x) => x * x;

    private static (double P, double StandardError) IncidenceWithError(CumulativeIncidence.IncidencePoint? point) =>
        point is null ? (0.0, 0.0) : (point.Incidence[0], point.IncidenceStandardError[0]);

    // The index of the first key whose time is after the given seconds (keys sorted by time).
    private static int FirstAfter(long[] keys, long seconds)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (MaturityTally.Seconds(keys[mid]) <= seconds)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // The Aalen-Johansen fit's input read from the keys[from..] in place: times shifted back by originSeconds, in days.
    private readonly struct TallyOutcomes : CumulativeIncidence.ISortedOutcomes
    {
        private readonly long[] _keys;
        private readonly int _from;
        private readonly long _origin;

        internal TallyOutcomes(long[] keys, int from, long originSeconds)
        {
            _keys = keys;
            _from = from;
            _origin = originSeconds;
        }

        public int Count => _keys.Length - _from;

        public double Time(int index) => (MaturityTally.Seconds(_keys[_from + index]) - _origin) / SecondsPerDay;

        public int Cause(int index) => MaturityTally.Cause(_keys[_from + index]);
    }
}
