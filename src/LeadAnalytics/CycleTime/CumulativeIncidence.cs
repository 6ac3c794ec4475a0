using LeadAnalytics.Data;
using MathNet.Numerics.Distributions;

namespace LeadAnalytics.CycleTime;

/// <summary>The Aalen-Johansen estimator for competing risks on plain arrays: durations and the cause that ended each
/// (0 for censored).</summary>
/// <remarks>The same estimate as R's <c>survfit(Surv(time, status) ~ 1)</c> with a factor status (its <c>pstate</c>) and
/// as <c>cmprsk::cuminc</c>'s point estimate. Censorings at an event time count as at risk. The result does not depend on
/// the order of the input.</remarks>
public static class CumulativeIncidence
{
    /// <summary>Fits the cumulative incidence of every cause.</summary>
    /// <param name="durations">Time to event or censoring for each subject; finite and not negative.</param>
    /// <param name="causes">0 where censored, else the cause 1 to K.</param>
    /// <param name="causeCount">K, the number of causes; when null, the largest cause present (at least 1).</param>
    /// <param name="options">Confidence level and transform; <see cref="CumulativeIncidenceOptions.Default"/> when null.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative or not finite, or a cause is outside 0 to K.</exception>
    public static CumulativeIncidenceCurve Fit(IReadOnlyList<double> durations, IReadOnlyList<int> causes, int? causeCount = null, CumulativeIncidenceOptions? options = null)
    {
        Preconditions.CheckNotNull(durations);

        Preconditions.CheckNotNull(causes);

        if (causes.Count != durations.Count)
        {
            throw new ArgumentException($"There are {durations.Count} durations but {causes.Count} causes.", nameof(causes));
        }

        options ??= CumulativeIncidenceOptions.Default;
        options.Validate();
        var k = causeCount ?? 1;
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(causeCount), causeCount, "There must be at least one cause.");
        }

        var times = new double[durations.Count];
        var codes = new int[durations.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = KaplanMeier.CheckDuration(durations[i], nameof(durations));
            var c = causes[i];
            if (c < 0 || (causeCount is not null && c > k))
            {
                throw new ArgumentOutOfRangeException(nameof(causes), c, $"Causes must lie between 0 (censored) and {k}.");
            }

            codes[i] = c;
            if (causeCount is null && c > k)
            {
                k = c;
            }
        }

        // Each cause's times (0 censored) sorted as a multiset (radix on the doubles' bits, linear in n) and counted per
        // distinct time: the recursion reads nothing else.
        var samples = DurationCounts.OfDoublesByLabel(times, codes, k + 1);
        var (distinct, counts) = DurationCounts.MergeCounts(samples, k + 1, BitConverter.Int64BitsToDouble);
        if (options.MergeNearTies)
        {
            (distinct, counts) = NearTies.Merge(distinct, counts);
        }

        var totals = new int[k];
        for (var c = 0; c < k; c++)
        {
            totals[c] = (int)samples[c + 1].Sample.Total;
        }

        return new CumulativeIncidenceCurve(k, times.Length, ColumnsOf(distinct, counts, k, options), totals, options);
    }

    internal static CumulativeIncidenceCurve FromSorted(double[] times, int[] causes, int causeCount, CumulativeIncidenceOptions options)
    {
        var distinct = 0;
        for (var r = 0; r < times.Length; r++)
        {
            if (r == 0 || times[r] != times[r - 1])
            {
                distinct++;
            }
        }

        // Columnar: rows are materialised only when read, so a million distinct times cost a few arrays, not millions of objects.
        var sink = new ColumnSink(new CumulativeIncidenceColumns(distinct, causeCount), options);
        var totals = Walk(new OutcomeRuns<ArrayOutcomes>(new ArrayOutcomes(times, causes)), causeCount, double.PositiveInfinity, ref sink);
        return new CumulativeIncidenceCurve(causeCount, times.Length, sink.Columns, totals, options);
    }

    /// <summary>The same curve as <see cref="FromSorted"/> from subjects counted per distinct time instead of listed one by one:
    /// <paramref name="times"/> ascending and distinct, <paramref name="counts"/>[c][j] the subjects with cause c (0 censored)
    /// at times[j]. The curve keeps the counts (the arrays become its own) and computes its columns when rows are first read;
    /// reads at one time walk the counts. Memory grows with the distinct times, not with the subjects.</summary>
    internal static CumulativeIncidenceCurve FromCounts(double[] times, int[][] counts, int causeCount, CumulativeIncidenceOptions options)
    {
        var runs = new CountRuns(times, counts);
        var totals = new int[causeCount];
        for (var c = 0; c < causeCount; c++)
        {
            foreach (var n in counts[c + 1])
            {
                totals[c] += n;
            }
        }

        return new CumulativeIncidenceCurve(causeCount, runs.Subjects, times, counts, totals, options);
    }

    // The columns of the curve of counted subjects (FromCounts).
    internal static CumulativeIncidenceColumns ColumnsOf(double[] times, int[][] counts, int causeCount, CumulativeIncidenceOptions options)
    {
        var sink = new ColumnSink(new CumulativeIncidenceColumns(times.Length, causeCount), options);
        Walk(new CountRuns(times, counts), causeCount, double.PositiveInfinity, ref sink);
        return sink.Columns;
    }

    // The row of the curve of counted subjects at the last distinct time at or before `until` (null when none), to the bit.
    internal static IncidencePoint? PointOf(double[] times, int[][] counts, int causeCount, double until)
    {
        var sink = new PointSink(causeCount);
        Walk(new CountRuns(times, counts), causeCount, until, ref sink);
        return sink.Found ? sink.Point : null;
    }

    /// <summary>The fit's row at the last distinct time at or before <paramref name="until"/> (what <see cref="FromSorted"/>'s
    /// curve holds there, to the bit), without the curve: the recursion stops there and keeps no columns, so a caller that
    /// reads one time (the maturity projection) costs no memory per time and no confidence limits per row.</summary>
    /// <returns>Null when no time is at or before <paramref name="until"/>.</returns>
    internal static IncidencePoint? At<TOutcomes>(TOutcomes outcomes, int causeCount, double until)
        where TOutcomes : struct, ISortedOutcomes
    {
        var sink = new PointSink(causeCount);
        Walk(new OutcomeRuns<TOutcomes>(outcomes), causeCount, until, ref sink);
        return sink.Found ? sink.Point : null;
    }

    // The Aalen-Johansen recursion over outcomes sorted by time, through every distinct time up to `until`; each row's state
    // goes to the sink. Returns the events of each cause counted on the way.
    private static int[] Walk<TRuns, TSink>(TRuns runs, int k, double until, ref TSink sink)
        where TRuns : struct, IRuns
        where TSink : struct, IIncidenceSink
    {
        var totals = new int[k];
        var incidence = new double[k];
        var survival = 1.0;
        var atRisk = runs.Subjects;

        // Infinitesimal-jackknife variance (R's default for multi-state survfit): Var p(t) = Σ_i U_i(t)², U_i the derivative
        // of p(t) with respect to subject i's case weight. Subjects still at risk after t share one influence, R; a subject
        // whose time s ≤ t has U_0(t) = β·p_0(t) and U_k(t) = α_k + β·p_k(t) (constant β, α from time s on), so running sums of
        // β², α_k·β and α_k² give every variance in one pass.
        var riskInfluence0 = 0.0;
        var riskInfluence = new double[k];
        var sumBetaBeta = 0.0;
        var sumAlphaBeta = new double[k];
        var sumAlphaAlpha = new double[k];
        var countsByCause = new int[k + 1];
        var u0 = new double[k + 1];
        var uk = new double[k + 1, k];
        var varianceK = new double[k];
        var position = 0;
        for (var row = 0; ; row++)
        {
            Array.Clear(countsByCause, 0, k + 1);
            if (!runs.Next(ref position, until, countsByCause, out var t))
            {
                break;
            }

            var censored = countsByCause[0];
            var all = 0;
            for (var c = 0; c < k; c++)
            {
                all += countsByCause[c + 1];
                totals[c] += countsByCause[c + 1];
            }

            var n = (double)atRisk;
            var hazard = all / n;
            var previousSurvival = survival;
            if (all > 0)
            {
                for (var c = 0; c < k; c++)
                {
                    incidence[c] += previousSurvival * countsByCause[c + 1] / n;
                }

                survival *= (atRisk - all) / n;
            }

            // Influence at t of a subject whose time is t with cause c (c = 0: censored at t, the same as still at risk).
            for (var c = 0; c <= k; c++)
            {
                var e = c == 0 ? 0.0 : 1.0;
                u0[c] = (riskInfluence0 * (1 - hazard)) - (previousSurvival * (e - hazard) / n);
                for (var j = 0; j < k; j++)
                {
                    var causeHazard = countsByCause[j + 1] / n;
                    uk[c, j] = riskInfluence[j] + (riskInfluence0 * causeHazard) + (previousSurvival * ((c == j + 1 ? 1.0 : 0.0) - causeHazard) / n);
                }
            }

            var after = atRisk - all - censored;
            var variance0 = (survival * survival * sumBetaBeta) + (after * u0[0] * u0[0]);
            for (var j = 0; j < k; j++)
            {
                varianceK[j] = sumAlphaAlpha[j] + (2 * incidence[j] * sumAlphaBeta[j]) + (incidence[j] * incidence[j] * sumBetaBeta) + (after * uk[0, j] * uk[0, j]);
            }

            for (var c = 0; c <= k; c++)
            {
                var m = countsByCause[c];
                if (m == 0)
                {
                    continue;
                }

                variance0 += m * u0[c] * u0[c];
                for (var j = 0; j < k; j++)
                {
                    varianceK[j] += m * uk[c, j] * uk[c, j];
                }

                // Only while someone survives are there later times that need these subjects' influence.
                if (survival > 0)
                {
                    var beta = u0[c] / survival;
                    sumBetaBeta += m * beta * beta;
                    for (var j = 0; j < k; j++)
                    {
                        var alpha = uk[c, j] - (beta * incidence[j]);
                        sumAlphaBeta[j] += m * alpha * beta;
                        sumAlphaAlpha[j] += m * alpha * alpha;
                    }
                }
            }

            riskInfluence0 = u0[0];
            for (var j = 0; j < k; j++)
            {
                riskInfluence[j] = uk[0, j];
            }

            sink.Row(row, t, atRisk, censored, countsByCause, survival, variance0, incidence, varianceK);
            atRisk -= all + censored;
        }

        return totals;
    }

    /// <summary>Subjects sorted by time: each one's time and cause (0 censored, else 1 to K).</summary>
    internal interface ISortedOutcomes
    {
        int Count { get; }

        double Time(int index);

        int Cause(int index);
    }

    // The subjects one distinct time at a time: Next adds the counts by cause (index 0 censored) at the next distinct time, if
    // there is one at or before `until`, and moves past it.
    private interface IRuns
    {
        int Subjects { get; }

        bool Next(ref int position, double until, int[] countsByCause, out double time);
    }

    // Subjects listed one by one (ties adjacent).
    private readonly struct OutcomeRuns<TOutcomes> : IRuns
        where TOutcomes : struct, ISortedOutcomes
    {
        private readonly TOutcomes _outcomes;

        internal OutcomeRuns(TOutcomes outcomes) => _outcomes = outcomes;

        public int Subjects => _outcomes.Count;

        public bool Next(ref int position, double until, int[] countsByCause, out double time)
        {
            var count = _outcomes.Count;
            if (position >= count || (time = _outcomes.Time(position)) > until)
            {
                time = 0;
                return false;
            }

            while (position < count && _outcomes.Time(position) == time)
            {
                countsByCause[_outcomes.Cause(position)]++;
                position++;
            }

            return true;
        }
    }

    // Subjects counted per distinct time.
    private readonly struct CountRuns : IRuns
    {
        private readonly double[] _times;
        private readonly int[][] _counts;

        internal CountRuns(double[] times, int[][] counts)
        {
            _times = times;
            _counts = counts;
            var subjects = 0;
            foreach (var column in counts)
            {
                foreach (var n in column)
                {
                    subjects = checked(subjects + n);
                }
            }

            Subjects = subjects;
        }

        public int Subjects { get; }

        public bool Next(ref int position, double until, int[] countsByCause, out double time)
        {
            if (position >= _times.Length || (time = _times[position]) > until)
            {
                time = 0;
                return false;
            }

            for (var c = 0; c < _counts.Length; c++)
            {
                countsByCause[c] = _counts[c][position];
            }

            position++;
            return true;
        }
    }

    private interface IIncidenceSink
    {
        // One distinct time: counts by cause (index 0 censored), the estimate and its variances after it.
        void Row(int row, double time, int atRisk, int censored, int[] countsByCause, double survival, double variance0, double[] incidence, double[] varianceK);
    }

    private readonly struct ArrayOutcomes : ISortedOutcomes
    {
        private readonly double[] _times;
        private readonly int[] _causes;

        internal ArrayOutcomes(double[] times, int[] causes)
        {
            _times = times;
            _causes = causes;
        }

        public int Count => _times.Length;

        public double Time(int index) => _times[index];

        public int Cause(int index) => _causes[index];
    }

    // Every row into the curve's columns, with its confidence limits.
    private struct ColumnSink : IIncidenceSink
    {
        private readonly double _z;
        private readonly SurvivalConfidenceTransform _transform;

        internal ColumnSink(CumulativeIncidenceColumns columns, CumulativeIncidenceOptions options)
        {
            Columns = columns;
            _z = Normal.InvCDF(0, 1, 1 - ((1 - options.ConfidenceLevel) / 2));
            _transform = options.ConfidenceTransform;
        }

        internal CumulativeIncidenceColumns Columns { get; }

        public void Row(int row, double time, int atRisk, int censored, int[] countsByCause, double survival, double variance0, double[] incidence, double[] varianceK)
        {
            var columns = Columns;
            var k = incidence.Length;
            columns.Times[row] = time;
            columns.AtRisk[row] = atRisk;
            columns.Censored[row] = censored;
            columns.Survival[row] = survival;
            var se0 = Math.Sqrt(Math.Max(variance0, 0));
            columns.SurvivalStandardError[row] = se0;
            (columns.SurvivalLower[row], columns.SurvivalUpper[row]) = SurvivalMath.ConfidenceLimitsOfProbability(survival, se0, _z, _transform);
            for (var j = 0; j < k; j++)
            {
                var at = (row * k) + j;
                columns.Events[at] = countsByCause[j + 1];
                columns.Incidence[at] = incidence[j];
                var se = Math.Sqrt(Math.Max(varianceK[j], 0));
                columns.IncidenceStandardError[at] = se;
                (columns.IncidenceLower[at], columns.IncidenceUpper[at]) = SurvivalMath.ConfidenceLimitsOfProbability(incidence[j], se, _z, _transform);
            }
        }
    }

    // The last row only.
    private struct PointSink : IIncidenceSink
    {
        internal PointSink(int causes)
        {
            Point = new IncidencePoint(new double[causes], new double[causes]);
            Found = false;
        }

        internal IncidencePoint Point { get; }

        internal bool Found { get; private set; }

        public void Row(int row, double time, int atRisk, int censored, int[] countsByCause, double survival, double variance0, double[] incidence, double[] varianceK)
        {
            Found = true;
            Point.Survival = survival;
            Point.SurvivalStandardError = Math.Sqrt(Math.Max(variance0, 0));
            for (var j = 0; j < incidence.Length; j++)
            {
                Point.Incidence[j] = incidence[j];
                Point.IncidenceStandardError[j] = Math.Sqrt(Math.Max(varianceK[j], 0));
            }
        }
    }

    /// <summary>The estimate at one time: survival (no cause yet) and each cause's incidence (index k - 1), with their
    /// standard errors; the values of the curve's row there.</summary>
    internal sealed class IncidencePoint
    {
        internal IncidencePoint(double[] incidence, double[] incidenceStandardError)
        {
            Incidence = incidence;
            IncidenceStandardError = incidenceStandardError;
        }

        internal double Survival { get; set; }

        internal double SurvivalStandardError { get; set; }

        internal double[] Incidence { get; }

        internal double[] IncidenceStandardError { get; }
    }
}
