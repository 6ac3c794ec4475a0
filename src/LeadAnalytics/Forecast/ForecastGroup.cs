namespace LeadAnalytics.Forecast;

/// <summary>The forecast of a group of open leads (all, one stage, one segment or one owner). Immutable.</summary>
public sealed class ForecastGroup
{
    internal ForecastGroup(ForecastGroupKind kind, string label, int openLeads, int staleLeads, int beyondObservedLeads, int leadsWithoutValue, IReadOnlyList<HorizonForecast> horizons)
    {
        Kind = kind;
        Label = label;
        OpenLeads = openLeads;
        StaleLeads = staleLeads;
        BeyondObservedLeads = beyondObservedLeads;
        LeadsWithoutValue = leadsWithoutValue;
        Horizons = horizons;
    }

    /// <summary>What the group gathers.</summary>
    public ForecastGroupKind Kind { get; }

    /// <summary>The stage name, segment or owner label; "All" for the total.</summary>
    public string Label { get; }

    /// <summary>The open leads in the group (stale ones included).</summary>
    public int OpenLeads { get; }

    /// <summary>Of those, the stale ones.</summary>
    public int StaleLeads { get; }

    /// <summary>Of those, the leads longer in their stage than any outcome observed there: no probability is given for them
    /// (they add nothing to the expected wins) rather than an extrapolated one.</summary>
    public int BeyondObservedLeads { get; }

    /// <summary>Of those, the leads with neither a recorded deal amount nor a segment or overall average won deal to stand in.</summary>
    public int LeadsWithoutValue { get; }

    /// <summary>The forecast at each horizon of <see cref="ForecastOptions.HorizonsDays"/>.</summary>
    public IReadOnlyList<HorizonForecast> Horizons { get; }
}
