using LeadAnalytics.Data;

namespace LeadAnalytics.CycleTime;

/// <summary>The Kaplan-Meier estimator on plain arrays: durations and whether each ended in the event or was censored.</summary>
/// <remarks>
/// <para>Conventions (all as R's <c>survfit(Surv(time, status) ~ 1)</c>): events before censorings at tied times;
/// Greenwood variance; confidence band on the log scale by default (<see cref="KaplanMeierOptions.ConfidenceTransform"/>);
/// quantiles by <c>quantile.survfit</c>, the median by <c>print.survfit</c>; times closer than about 1.5e-8 are one time
/// (<c>timefix = TRUE</c>, <see cref="KaplanMeierOptions.MergeNearTies"/>).</para>
/// <para>The result does not depend on the order of the input.</para>
/// </remarks>
public static class KaplanMeier
{
    /// <summary>Fits the curve.</summary>
    /// <param name="durations">Time from origin to event or censoring for each subject; finite and not negative.</param>
    /// <param name="events"><see langword="true"/> where the duration ends in the event, <see langword="false"/> where it is censored.</param>
    /// <param name="options">The options; <see cref="KaplanMeierOptions.Default"/> when null.</param>
    /// <returns>The curve (no rows when there are no subjects).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative or not finite, or an option is out of range.</exception>
    public static KaplanMeierCurve Fit(IReadOnlyList<double> durations, IReadOnlyList<bool> events, KaplanMeierOptions? options = null)
    {
        Preconditions.CheckNotNull(durations);

        Preconditions.CheckNotNull(events);

        if (events.Count != durations.Count)
        {
            throw new ArgumentException($"There are {durations.Count} durations but {events.Count} event indicators.", nameof(events));
        }

        options ??= KaplanMeierOptions.Default;
        options.Validate();
        // The events (label 1) and the censorings (0) apart, each sorted as a multiset (radix on the doubles' bits, linear in
        // n) and counted per distinct time: the curve needs nothing else, and ties come out counted.
        var labels = new int[durations.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            CheckDuration(durations[i], nameof(durations));
            labels[i] = events[i] ? 1 : 0;
        }

        var (times, counts) = DurationCounts.MergeCounts(DurationCounts.OfDoublesByLabel(durations, labels, 2), 2, BitConverter.Int64BitsToDouble);
        if (options.MergeNearTies)
        {
            (times, counts) = NearTies.Merge(times, counts);
        }

        return new KaplanMeierCurve(times, counts[1], counts[0], options);
    }

    internal static double CheckDuration(double duration, string parameter) =>
        duration >= 0 && !double.IsInfinity(duration)
            ? duration
            : throw new ArgumentOutOfRangeException(parameter, duration, "Durations must be finite and not negative.");
}
