using LeadAnalytics.CycleTime;

namespace LeadAnalytics.Forecast;

/// <summary>Conditional cumulative incidence from a given time: the probability that a subject still without an event at
/// <c>a</c> has an event of a given cause by <c>a + h</c>, read from an Aalen-Johansen fit.</summary>
/// <remarks>P(cause k by a + h | no event by a) = [F_k(a + h) − F_k(a)] / S(a), with F_k the cumulative incidence and S the
/// overall survival of <see cref="CumulativeIncidenceCurve"/> (both right-continuous). It is what R gives as the ratio of
/// <c>pstate</c> values of <c>survfit(Surv(time, factor(status)) ~ 1)</c>, and equals the Aalen-Johansen estimate refitted
/// on the subjects still at risk after <c>a</c> (R's <c>start.time</c>).</remarks>
public static class ConditionalIncidence
{
    /// <summary>The probability of an event of <paramref name="cause"/> in (from, from + horizon] given none by <paramref name="from"/>.</summary>
    /// <param name="curve">The Aalen-Johansen fit.</param>
    /// <param name="cause">The cause, 1 to <see cref="CumulativeIncidenceCurve.Causes"/>.</param>
    /// <param name="from">The conditioning time a (the time already survived), not negative.</param>
    /// <param name="horizon">The horizon h, not negative.</param>
    /// <returns>The probability, or <see langword="null"/> when S(a) = 0 (nobody observed survives that long).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or not finite, or the cause is out of range.</exception>
    public static double? Within(CumulativeIncidenceCurve curve, int cause, double from, double horizon)
    {
        Preconditions.CheckNotNull(curve);

        if (!(from >= 0) || double.IsInfinity(from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "The conditioning time must be finite and not negative.");
        }

        if (!(horizon >= 0) || double.IsInfinity(horizon))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon must be finite and not negative.");
        }

        var survival = curve.SurvivalAt(from);
        if (!(survival > 0))
        {
            return null;
        }

        return Ratio(curve.IncidenceAt(cause, from + horizon) - curve.IncidenceAt(cause, from), survival);
    }

    // Rounding can leave the difference a few ulps below zero or the ratio a few above one.
    internal static double Ratio(double increment, double survival) => Math.Min(1.0, Math.Max(0.0, increment / survival));
}
