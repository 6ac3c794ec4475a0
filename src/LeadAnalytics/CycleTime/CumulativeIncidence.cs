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
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative or not finite, or a cause is outside 0 to K.</exception>
    public static CumulativeIncidenceCurve Fit(IReadOnlyList<double> durations, IReadOnlyList<int> causes, int? causeCount = null)
    {
        if (durations is null)
        {
            throw new ArgumentNullException(nameof(durations));
        }

        if (causes is null)
        {
            throw new ArgumentNullException(nameof(causes));
        }

        if (causes.Count != durations.Count)
        {
            throw new ArgumentException($"There are {durations.Count} durations but {causes.Count} causes.", nameof(causes));
        }

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

        Array.Sort(times, codes);
        return FromSorted(times, codes, k);
    }

    internal static CumulativeIncidenceCurve FromSorted(double[] times, int[] causes, int causeCount)
    {
        var rows = new List<CumulativeIncidenceRow>();
        var totals = new int[causeCount];
        var incidence = new double[causeCount];
        var survival = 1.0;
        var atRisk = times.Length;
        var i = 0;
        while (i < times.Length)
        {
            var t = times[i];
            var events = new int[causeCount];
            int all = 0, censored = 0;
            while (i < times.Length && times[i] == t)
            {
                var c = causes[i];
                if (c == 0)
                {
                    censored++;
                }
                else
                {
                    events[c - 1]++;
                    all++;
                }

                i++;
            }

            if (all > 0)
            {
                for (var c = 0; c < causeCount; c++)
                {
                    incidence[c] += survival * events[c] / atRisk;
                    totals[c] += events[c];
                }

                survival *= (atRisk - all) / (double)atRisk;
            }

            rows.Add(new CumulativeIncidenceRow(t, atRisk, events, censored, survival, (double[])incidence.Clone()));
            atRisk -= all + censored;
        }

        return new CumulativeIncidenceCurve(causeCount, times.Length, rows, totals);
    }
}
