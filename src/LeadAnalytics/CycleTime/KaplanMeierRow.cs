namespace LeadAnalytics.CycleTime;

/// <summary>One distinct time of a Kaplan-Meier curve (an event time, a censoring time or both), as a row of R's
/// <c>summary(survfit(...), censored = TRUE)</c>.</summary>
/// <remarks>Immutable. Undefined values (R's NA or NaN) are <see langword="null"/>.</remarks>
public sealed class KaplanMeierRow
{
    internal KaplanMeierRow(double time, int atRisk, int events, int censored, double survival, double standardErrorLog, double? lower, double? upper)
    {
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
        Survival = survival;
        StandardErrorOfLogSurvival = double.IsInfinity(standardErrorLog) ? null : standardErrorLog;
        StandardError = survival > 0 && !double.IsInfinity(standardErrorLog) ? survival * standardErrorLog : null;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The time.</summary>
    public double Time { get; }

    /// <summary>Subjects still at risk just before <see cref="Time"/> (those censored at this time included).</summary>
    public int AtRisk { get; }

    /// <summary>Events at this time.</summary>
    public int Events { get; }

    /// <summary>Censorings at this time (they count as at risk for this time's events).</summary>
    public int Censored { get; }

    /// <summary>The product-limit estimate S(t) just after this time.</summary>
    public double Survival { get; }

    /// <summary>Greenwood standard error of <see cref="Survival"/>: S·sqrt(Σ d/(n(n-d))), what R's
    /// <c>summary(fit)$std.err</c> reports. <see langword="null"/> where S = 0 (R: NaN).</summary>
    public double? StandardError { get; }

    /// <summary>Greenwood standard error of log S (and of the cumulative hazard), sqrt(Σ d/(n(n-d))): R's
    /// <c>fit$std.err</c> on the <c>survfit</c> object. <see langword="null"/> once every subject at risk had the event (R: Inf).</summary>
    public double? StandardErrorOfLogSurvival { get; }

    /// <summary>Lower pointwise confidence limit on the chosen transform, or <see langword="null"/> where undefined.</summary>
    public double? Lower { get; }

    /// <summary>Upper pointwise confidence limit on the chosen transform, or <see langword="null"/> where undefined.</summary>
    public double? Upper { get; }
}
