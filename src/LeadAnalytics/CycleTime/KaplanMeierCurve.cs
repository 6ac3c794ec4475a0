using MathNet.Numerics.Distributions;

namespace LeadAnalytics.CycleTime;

/// <summary>A Kaplan-Meier (product-limit) survival curve with Greenwood standard errors, a pointwise confidence band,
/// the median and other quantiles with their intervals, and the restricted mean. Made by <see cref="KaplanMeier.Fit"/>.</summary>
/// <remarks>
/// <para>One row per distinct time, events and censorings alike (R's <c>survfit</c> object; lifelines' <c>event_table</c>).
/// At a time with both, the censored subjects count as at risk for the events: events come first.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class KaplanMeierCurve
{
    // Columns, one entry per distinct time; rows are materialised only when read. The counts are kept; the estimate's columns
    // (at risk, survival, errors, band) are kept by the public fit and, for the engines' curves (one per segment, up to one row
    // per distinct duration), computed again when first read: the summaries are computed in the constructor either way.
    private readonly double[] _times;
    private readonly int[] _events;
    private readonly int[] _censored;
    private readonly double _z;
    private Estimate? _estimate;

    /// <summary>The curve from subjects counted per distinct time: <paramref name="times"/> ascending and distinct, with the
    /// events and the censorings at each (at least one of the two); the arrays become the curve's. With
    /// <paramref name="keepEstimate"/> false the estimate's columns are dropped once the summaries are computed and rebuilt
    /// when rows are read, so the curve holds 16 bytes per distinct time instead of 52.</summary>
    internal KaplanMeierCurve(double[] times, int[] events, int[] censored, KaplanMeierOptions options, bool keepEstimate = true)
    {
        Options = options;
        _z = Normal.InvCDF(0, 1, 1 - ((1 - options.ConfidenceLevel) / 2));
        _times = times;
        _events = events;
        _censored = censored;
        var subjects = 0;
        var totalEvents = 0;
        for (var row = 0; row < times.Length; row++)
        {
            subjects = checked(subjects + events[row] + censored[row]);
            totalEvents += events[row];
        }

        Count = subjects;
        Events = totalEvents;
        Rows = new RowList(this);
        var estimate = Fit();

        // The lower band falls to 1 - p first: it gives a quantile's lower limit, the upper band its upper limit.
        Median = new SurvivalQuantile(
            0.5,
            SurvivalMath.MedianTime(_times, estimate.Survival),
            SurvivalMath.MedianTime(_times, estimate.Lower),
            SurvivalMath.MedianTime(_times, estimate.Upper));

        var probabilities = options.Probabilities;
        var time = SurvivalMath.FindQuantiles(_times, estimate.Survival, probabilities);
        var lowerLimits = SurvivalMath.FindQuantiles(_times, estimate.Lower, probabilities);
        var upperLimits = SurvivalMath.FindQuantiles(_times, estimate.Upper, probabilities);
        var quantiles = new SurvivalQuantile[probabilities.Count];
        for (var k = 0; k < quantiles.Length; k++)
        {
            quantiles[k] = new SurvivalQuantile(probabilities[k], time[k], lowerLimits[k], upperLimits[k]);
        }

        Quantiles = quantiles;
        if (times.Length > 0)
        {
            RestrictedMean = SurvivalMath.RestrictedMeanOf(_times, estimate.Survival, estimate.AtRisk, _events, options.RestrictedMeanHorizon ?? _times[times.Length - 1]);
        }

        _estimate = keepEstimate ? estimate : null;
    }

    // The estimate's columns (computed once more when they were dropped; the same arithmetic, so the same bits).
    private Estimate Current => _estimate ?? Interlocked.CompareExchange(ref _estimate, Fit(), null) ?? _estimate!;

    // The product-limit recursion over the counts, with Greenwood's variance and the band.
    private Estimate Fit()
    {
        var m = _times.Length;
        var estimate = new Estimate(m);
        var atRisk = Count;
        var survival = 1.0;
        var greenwood = 0.0;
        for (var row = 0; row < m; row++)
        {
            int d = _events[row], c = _censored[row];
            if (d > 0)
            {
                survival *= (atRisk - d) / (double)atRisk;
                greenwood = atRisk > d ? greenwood + (d / ((double)atRisk * (atRisk - d))) : double.PositiveInfinity;
            }

            var seLog = Math.Sqrt(greenwood);
            var (lower, upper) = SurvivalMath.ConfidenceLimits(survival, seLog, _z, Options.ConfidenceTransform);
            estimate.AtRisk[row] = atRisk;
            estimate.Survival[row] = survival;
            estimate.StandardErrorLog[row] = seLog;
            estimate.Lower[row] = lower ?? double.NaN;
            estimate.Upper[row] = upper ?? double.NaN;
            atRisk -= d + c;
        }

        return estimate;
    }

    /// <summary>The options it was fitted with.</summary>
    public KaplanMeierOptions Options { get; }

    /// <summary>The number of subjects.</summary>
    public int Count { get; }

    /// <summary>The number of events.</summary>
    public int Events { get; }

    /// <summary>The rows, by ascending time (each read builds the row from the curve's columns).</summary>
    public IReadOnlyList<KaplanMeierRow> Rows { get; }

    /// <summary>The median with its interval by R's <c>print.survfit</c> rule: the first time S(t) ≤ 0.5; when S equals 0.5
    /// exactly (within 1.5e-8) on a flat stretch, the midpoint between that time and the next time S drops. The limits apply the
    /// same rule to the lower and the upper band.</summary>
    /// <remarks>It differs from <c>Quantile(0.5)</c> (R's <c>quantile.survfit</c>) only when the curve ends at exactly 0.5:
    /// then this median is the time it reached 0.5, the quantile the midpoint to the last time, as in R.</remarks>
    public SurvivalQuantile Median { get; }

    /// <summary>The quantiles for <see cref="KaplanMeierOptions.Probabilities"/>, by R's <c>quantile(fit, probs)</c>.</summary>
    public IReadOnlyList<SurvivalQuantile> Quantiles { get; }

    /// <summary>The restricted mean up to <see cref="KaplanMeierOptions.RestrictedMeanHorizon"/> (or the largest time), or
    /// <see langword="null"/> when there are no subjects.</summary>
    public RestrictedMean? RestrictedMean { get; }

    /// <summary>S(t), the estimated probability of no event by time t (right-continuous: an event at t counts).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The survival probability; 1 before the first event.</returns>
    public double SurvivalAt(double time)
    {
        var k = LastAtOrBefore(time);
        if (k < 0)
        {
            return 1.0;
        }

        if (_estimate is { } estimate)
        {
            return estimate.Survival[k];
        }

        // Without the columns: the recursion up to row k, the same products in the same order.
        var atRisk = Count;
        var survival = 1.0;
        for (var row = 0; row <= k; row++)
        {
            var d = _events[row];
            if (d > 0)
            {
                survival *= (atRisk - d) / (double)atRisk;
            }

            atRisk -= d + _censored[row];
        }

        return survival;
    }

    /// <summary>The quantile for one probability, by R's <c>quantile(fit, p)</c>.</summary>
    /// <param name="probability">The share p in [0, 1] that has had the event.</param>
    /// <returns>The quantile with its interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1].</exception>
    public SurvivalQuantile Quantile(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must lie in [0, 1].");
        }

        foreach (var known in Quantiles)
        {
            if (known.Probability.Equals(probability))
            {
                return known;
            }
        }

        var one = new[] { probability };
        var estimate = Current;
        return new SurvivalQuantile(
            probability,
            SurvivalMath.FindQuantiles(_times, estimate.Survival, one)[0],
            SurvivalMath.FindQuantiles(_times, estimate.Lower, one)[0],
            SurvivalMath.FindQuantiles(_times, estimate.Upper, one)[0]);
    }

    /// <summary>The restricted mean up to a horizon, as R's <c>print(fit, rmean = horizon)</c>.</summary>
    /// <param name="horizon">The horizon, finite and not negative.</param>
    /// <returns>The restricted mean, or <see langword="null"/> when there are no subjects.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is negative or not finite.</exception>
    public RestrictedMean? RestrictedMeanUpTo(double horizon)
    {
        if (!(horizon >= 0 && !double.IsInfinity(horizon)))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon must be finite and not negative.");
        }

        if (_times.Length == 0)
        {
            return null;
        }

        var estimate = Current;
        return SurvivalMath.RestrictedMeanOf(_times, estimate.Survival, estimate.AtRisk, _events, horizon);
    }

    private int LastAtOrBefore(double time)
    {
        int lo = 0, hi = _times.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (_times[mid] <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private KaplanMeierRow Row(int i)
    {
        var estimate = Current;
        var lower = estimate.Lower[i];
        var upper = estimate.Upper[i];
        return new KaplanMeierRow(_times[i], estimate.AtRisk[i], _events[i], _censored[i], estimate.Survival[i], estimate.StandardErrorLog[i],
            double.IsNaN(lower) ? null : lower, double.IsNaN(upper) ? null : upper);
    }

    private sealed class Estimate
    {
        internal Estimate(int rows)
        {
            AtRisk = new int[rows];
            Survival = new double[rows];
            StandardErrorLog = new double[rows];
            Lower = new double[rows];
            Upper = new double[rows];
        }

        internal int[] AtRisk { get; }

        internal double[] Survival { get; }

        internal double[] StandardErrorLog { get; }

        internal double[] Lower { get; }

        internal double[] Upper { get; }
    }

    private sealed class RowList : IReadOnlyList<KaplanMeierRow>
    {
        private readonly KaplanMeierCurve _curve;

        internal RowList(KaplanMeierCurve curve) => _curve = curve;

        public int Count => _curve._times.Length;

        public KaplanMeierRow this[int index] =>
            (uint)index < (uint)Count ? _curve.Row(index) : throw new ArgumentOutOfRangeException(nameof(index), index, $"There are {Count} rows.");

        public IEnumerator<KaplanMeierRow> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return _curve.Row(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
