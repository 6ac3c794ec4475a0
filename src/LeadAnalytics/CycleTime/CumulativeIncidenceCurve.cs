namespace LeadAnalytics.CycleTime;

/// <summary>Aalen-Johansen cumulative incidence of competing causes (for leads: won and lost) and the overall survival,
/// at every distinct time. Made by <see cref="CumulativeIncidence.Fit"/>.</summary>
/// <remarks>
/// <para>CIF_k(t) = Σ over event times u ≤ t of S(u-)·d_k(u)/n(u), with S the overall Kaplan-Meier curve (no event of any
/// cause). Unlike 1 - KM with other causes censored, it does not pretend a lost lead could still convert: the answer to
/// "what share converts within 45 days" when leads can also be lost.</para>
/// <para>Standard errors are the infinitesimal jackknife (R's default for multi-state <c>survfit</c>); limits use the
/// transform of <see cref="CumulativeIncidenceOptions.ConfidenceTransform"/> on each probability.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CumulativeIncidenceCurve
{
    // The columns, or (for the engines' curves, one per segment with up to a row per distinct duration) the counts they are
    // computed from when first read: a point read walks the counts without keeping columns.
    private readonly double[]? _countTimes;
    private readonly int[][]? _counts;
    private CumulativeIncidenceColumns? _columns;

    internal CumulativeIncidenceCurve(int causes, int count, CumulativeIncidenceColumns columns, int[] eventsByCause, CumulativeIncidenceOptions options)
    {
        Options = options;
        Causes = causes;
        Count = count;
        _columns = columns;
        Rows = new RowList(this);
        EventsByCause = eventsByCause;
    }

    // Subjects counted per distinct time (times ascending and distinct; counts[c][j] with cause c, 0 censored, at times[j]).
    internal CumulativeIncidenceCurve(int causes, int count, double[] times, int[][] counts, int[] eventsByCause, CumulativeIncidenceOptions options)
    {
        Options = options;
        Causes = causes;
        Count = count;
        _countTimes = times;
        _counts = counts;
        Rows = new RowList(this);
        EventsByCause = eventsByCause;
    }

    private CumulativeIncidenceColumns Columns =>
        _columns ?? Interlocked.CompareExchange(ref _columns, CumulativeIncidence.ColumnsOf(_countTimes!, _counts!, Causes, Options), null) ?? _columns!;

    private double[] Times => _columns?.Times ?? _countTimes!;

    /// <summary>The options it was fitted with.</summary>
    public CumulativeIncidenceOptions Options { get; }

    /// <summary>The number of causes K; causes are 1 to K.</summary>
    public int Causes { get; }

    /// <summary>The number of subjects.</summary>
    public int Count { get; }

    /// <summary>The number of events of each cause (index k - 1 for cause k).</summary>
    public IReadOnlyList<int> EventsByCause { get; }

    /// <summary>The rows, by ascending time (each read builds the row from the curve's columns).</summary>
    public IReadOnlyList<CumulativeIncidenceRow> Rows { get; }

    /// <summary>The cumulative incidence of a cause by a time (right-continuous).</summary>
    /// <param name="cause">The cause, 1 to <see cref="Causes"/>.</param>
    /// <param name="time">The time.</param>
    /// <returns>The probability; 0 before the first event.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cause"/> is out of range.</exception>
    public double IncidenceAt(int cause, double time)
    {
        if (cause < 1 || cause > Causes)
        {
            throw new ArgumentOutOfRangeException(nameof(cause), cause, $"Causes run from 1 to {Causes}.");
        }

        if (_columns is null && LastAtOrBefore(time) >= 0)
        {
            return CumulativeIncidence.PointOf(_countTimes!, _counts!, Causes, time)!.Incidence[cause - 1];
        }

        var k = LastAtOrBefore(time);
        return k < 0 ? 0.0 : _columns!.Incidence[(k * Causes) + cause - 1];
    }

    /// <summary>The probability of no event of any cause by a time (right-continuous).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The probability; 1 before the first event.</returns>
    public double SurvivalAt(double time)
    {
        if (_columns is null && LastAtOrBefore(time) >= 0)
        {
            return CumulativeIncidence.PointOf(_countTimes!, _counts!, Causes, time)!.Survival;
        }

        var k = LastAtOrBefore(time);
        return k < 0 ? 1.0 : _columns!.Survival[k];
    }

    private int LastAtOrBefore(double time)
    {
        var times = Times;
        int lo = 0, hi = times.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (times[mid] <= time)
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

    private sealed class RowList : IReadOnlyList<CumulativeIncidenceRow>
    {
        private readonly CumulativeIncidenceCurve _curve;

        internal RowList(CumulativeIncidenceCurve curve) => _curve = curve;

        public int Count => _curve.Times.Length;

        public CumulativeIncidenceRow this[int index] =>
            (uint)index < (uint)Count ? _curve.Columns.Row(index) : throw new ArgumentOutOfRangeException(nameof(index), index, $"There are {Count} rows.");

        public IEnumerator<CumulativeIncidenceRow> GetEnumerator()
        {
            var columns = _curve.Columns;
            for (var i = 0; i < Count; i++)
            {
                yield return columns.Row(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
