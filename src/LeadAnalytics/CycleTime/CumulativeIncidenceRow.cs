namespace LeadAnalytics.CycleTime;

/// <summary>One distinct time of an Aalen-Johansen competing-risks estimate.</summary>
/// <remarks>Immutable. Causes are numbered from 1; index <c>k - 1</c> of <see cref="Events"/> and <see cref="Incidence"/>
/// is cause k.</remarks>
public sealed class CumulativeIncidenceRow
{
    internal CumulativeIncidenceRow(double time, int atRisk, int[] events, int censored, double survival, double[] incidence)
    {
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
        Survival = survival;
        Incidence = incidence;
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
}
