namespace LeadAnalytics.CycleTime;

/// <summary>One distinct time of an Aalen-Johansen competing-risks estimate.</summary>
/// <remarks>Immutable. Causes are numbered from 1; index <c>k - 1</c> of the per-cause lists is cause k. Undefined
/// limits (R's NA) are <see langword="null"/>.</remarks>
public sealed class CumulativeIncidenceRow
{
    internal CumulativeIncidenceRow(double time, int atRisk, int[] events, int censored, double survival, double[] incidence,
        double survivalStandardError, double? survivalLower, double? survivalUpper, double[] incidenceStandardError,
        double?[] incidenceLower, double?[] incidenceUpper)
    {
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
        Survival = survival;
        Incidence = incidence;
        SurvivalStandardError = survivalStandardError;
        SurvivalLower = survivalLower;
        SurvivalUpper = survivalUpper;
        IncidenceStandardError = incidenceStandardError;
        IncidenceLower = incidenceLower;
        IncidenceUpper = incidenceUpper;
    }

    /// <summary>The time.</summary>
    public double Time { get; }

    /// <summary>Subjects still at risk (no event of any cause) just before <see cref="Time"/>.</summary>
    public int AtRisk { get; }

    /// <summary>Events of each cause at this time.</summary>
    public IReadOnlyList<int> Events { get; }

    /// <summary>Censorings at this time.</summary>
    public int Censored { get; }

    /// <summary>The probability of no event of any cause by this time (the overall Kaplan-Meier curve); R's
    /// <c>pstate[, 1]</c>, state <c>(s0)</c>.</summary>
    public double Survival { get; }

    /// <summary>The cumulative incidence of each cause by this time; R's <c>pstate[, k + 1]</c>. With
    /// <see cref="Survival"/> they sum to 1.</summary>
    public IReadOnlyList<double> Incidence { get; }

    /// <summary>Infinitesimal-jackknife standard error of <see cref="Survival"/> (R's <c>std.err[, 1]</c> for multi-state
    /// data; it differs slightly from Greenwood's).</summary>
    public double SurvivalStandardError { get; }

    /// <summary>Lower confidence limit of <see cref="Survival"/>, or <see langword="null"/>.</summary>
    public double? SurvivalLower { get; }

    /// <summary>Upper confidence limit of <see cref="Survival"/>, or <see langword="null"/>.</summary>
    public double? SurvivalUpper { get; }

    /// <summary>Infinitesimal-jackknife standard error of each cause's incidence (R's <c>std.err[, k + 1]</c>).</summary>
    public IReadOnlyList<double> IncidenceStandardError { get; }

    /// <summary>Lower confidence limit of each cause's incidence, or <see langword="null"/> where undefined.</summary>
    public IReadOnlyList<double?> IncidenceLower { get; }

    /// <summary>Upper confidence limit of each cause's incidence, or <see langword="null"/> where undefined.</summary>
    public IReadOnlyList<double?> IncidenceUpper { get; }
}
