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
    // Columns, one entry per distinct time; rows are materialised only when read.
    private readonly double[] _times;
    private readonly int[] _atRisk;
    private readonly int[] _events;
    private readonly int[] _censored;
    private readonly double[] _survival;
    private readonly double[] _standardErrorLog;
    private readonly double[] _lowerBand;
    private readonly double[] _upperBand;

    internal KaplanMeierCurve(double[] sortedTimes, bool[] sortedEvents, KaplanMeierOptions options)
        : this(Tally(sortedTimes, sortedEvents), options)
    {
    }

    private KaplanMeierCurve((double[] Times, int[] Events, int[] Censored) tally, KaplanMeierOptions options)
        : this(tally.Times, tally.Events, tally.Censored, options)
    {
    }

    /// <summary>The curve from subjects counted per distinct time: <paramref name="times"/> ascending and distinct, with the
    /// events and the censorings at each (at least one of the two). The columns are these arrays themselves; memory grows with
    /// the distinct times, not with the subjects.</summary>
    internal KaplanMeierCurve(double[] times, int[] events, int[] censored, KaplanMeierOptions options)
    {
        Options = options;
        var z = Normal.InvCDF(0, 1, 1 - ((1 - options.ConfidenceLevel) / 2));
        var m = times.Length;
        var subjects = 0;
        for (var row = 0; row < m; row++)
        {
            subjects = checked(subjects + events[row] + censored[row]);
        }

        Count = subjects;
        _times = times;
        _events = events;
        _censored = censored;
        _atRisk = new int[m];
        _survival = new double[m];
        _standardErrorLog = new double[m];
        _lowerBand = new double[m];
        _upperBand = new double[m];
        var atRisk = subjects;
        var survival = 1.0;
        var greenwood = 0.0;
        var totalEvents = 0;
        for (var row = 0; row < m; row++)
        {
            int d = events[row], c = censored[row];
            if (d > 0)
            {
                survival *= (atRisk - d) / (double)atRisk;
                greenwood = atRisk > d ? greenwood + (d / ((double)atRisk * (atRisk - d))) : double.PositiveInfinity;
            }

            var seLog = Math.Sqrt(greenwood);
            var (lower, upper) = SurvivalMath.ConfidenceLimits(survival, seLog, z, options.ConfidenceTransform);
            _atRisk[row] = atRisk;
            _survival[row] = survival;
            _standardErrorLog[row] = seLog;
            _lowerBand[row] = lower ?? double.NaN;
            _upperBand[row] = upper ?? double.NaN;
            totalEvents += d;
            atRisk -= d + c;
        }

        Rows = new RowList(this);
        Events = totalEvents;

        // The lower band falls to 1 - p first: it gives a quantile's lower limit, the upper band its upper limit.
        Median = new SurvivalQuantile(
            0.5,
            SurvivalMath.MedianTime(_times, _survival),
            SurvivalMath.MedianTime(_times, _lowerBand),
            SurvivalMath.MedianTime(_times, _upperBand));

        var probabilities = options.Probabilities;
        var time = SurvivalMath.FindQuantiles(_times, _survival, probabilities);
        var lowerLimits = SurvivalMath.FindQuantiles(_times, _lowerBand, probabilities);
        var upperLimits = SurvivalMath.FindQuantiles(_times, _upperBand, probabilities);
        var quantiles = new SurvivalQuantile[probabilities.Count];
        for (var k = 0; k < quantiles.Length; k++)
        {
            quantiles[k] = new SurvivalQuantile(probabilities[k], time[k], lowerLimits[k], upperLimits[k]);
        }

        Quantiles = quantiles;
        if (m > 0)
        {
            RestrictedMean = SurvivalMath.RestrictedMeanOf(_times, _survival, _atRisk, _events, options.RestrictedMeanHorizon ?? _times[m - 1]);
        }
    }

    // Subjects sorted by time (ties adjacent) counted per distinct time.
    private static (double[] Times, int[] Events, int[] Censored) Tally(double[] sortedTimes, bool[] sortedEvents)
    {
        var m = 0;
        for (var r = 0; r < sortedTimes.Length; r++)
        {
            if (r == 0 || sortedTimes[r] != sortedTimes[r - 1])
            {
                m++;
            }
        }

        var times = new double[m];
        var events = new int[m];
        var censored = new int[m];
        var row = -1;
        for (var r = 0; r < sortedTimes.Length; r++)
        {
            if (r == 0 || sortedTimes[r] != sortedTimes[r - 1])
            {
                times[++row] = sortedTimes[r];
            }

            if (sortedEvents[r])
            {
                events[row]++;
            }
            else
            {
                censored[row]++;
            }
        }

        return (times, events, censored);
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
        return k < 0 ? 1.0 : _survival[k];
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

        var one = new[] { probability };
        return new SurvivalQuantile(
            probability,
            SurvivalMath.FindQuantiles(_times, _survival, one)[0],
            SurvivalMath.FindQuantiles(_times, _lowerBand, one)[0],
            SurvivalMath.FindQuantiles(_times, _upperBand, one)[0]);
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

        return _times.Length == 0 ? null : SurvivalMath.RestrictedMeanOf(_times, _survival, _atRisk, _events, horizon);
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
        var lower = _lowerBand[i];
        var upper = _upperBand[i];
        return new KaplanMeierRow(_times[i], _atRisk[i], _events[i], _censored[i], _survival[i], _standardErrorLog[i],
            double.IsNaN(lower) ? null : lower, double.IsNaN(upper) ? null : upper);
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
