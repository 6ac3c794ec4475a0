namespace LeadAnalytics.Funnel;

/// <summary>
/// How one step's conversion moves across acquisition cohorts, in both views. Young cohorts have more open leads,
/// which lowers their all-leads conversion; the resolved view is the fairer comparison when losses are recorded
/// (when a source records no losses, as in many CRM exports, only the all-leads view has any variation). For the overall
/// conversion, <see cref="FunnelCohorts.ConversionTrend"/> compares cohorts at the same age (projected at the window W).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class StepTrend
{
    internal StepTrend(int index, Stage from, Stage to, ConversionSeries allLeads, ConversionSeries resolved)
    {
        Index = index;
        From = from;
        To = to;
        AllLeads = allLeads;
        Resolved = resolved;
    }

    /// <summary>The step's position (it leaves stage <see cref="Index"/>).</summary>
    public int Index { get; }

    /// <summary>The stage the step leaves.</summary>
    public Stage From { get; }

    /// <summary>The stage the step enters.</summary>
    public Stage To { get; }

    /// <summary>Advanced / entered per cohort.</summary>
    public ConversionSeries AllLeads { get; }

    /// <summary>Advanced / resolved per cohort.</summary>
    public ConversionSeries Resolved { get; }

    /// <summary>Describes the trend.</summary>
    /// <returns>Step and trend tests.</returns>
    public override string ToString() => $"{From.Name} -> {To.Name}: all leads {AllLeads}; resolved {Resolved}";
}
