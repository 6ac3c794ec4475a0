namespace LeadAnalytics.Forecast;

/// <summary>The forecast of the open pipeline as of an instant (<see cref="ForecastAnalyzer.Analyze"/>). Immutable.</summary>
public sealed class ForecastResult
{
    internal ForecastResult(
        DateTimeOffset asOf, ForecastOptions options, Currency currency, IReadOnlyList<ForecastStage> stages, IReadOnlyList<LeadForecast> leads,
        ForecastGroup total, IReadOnlyList<ForecastGroup> byStage, IReadOnlyList<ForecastGroup> bySegment, IReadOnlyList<ForecastGroup> byOwner)
    {
        AsOf = asOf;
        Options = options;
        Currency = currency;
        Stages = stages;
        Leads = leads;
        Total = total;
        ByStage = byStage;
        BySegment = bySegment;
        ByOwner = byOwner;
    }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The options used.</summary>
    public ForecastOptions Options { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>The horizons in days.</summary>
    public IReadOnlyList<int> HorizonsDays => Options.HorizonsDays;

    /// <summary>Each non-terminal stage's curve data and baseline win rate.</summary>
    public IReadOnlyList<ForecastStage> Stages { get; }

    /// <summary>Every open lead (empty when <see cref="ForecastOptions.IncludeLeads"/> is false), ordered by id.</summary>
    public IReadOnlyList<LeadForecast> Leads { get; }

    /// <summary>The whole open pipeline.</summary>
    public ForecastGroup Total { get; }

    /// <summary>By current stage, in pipeline order.</summary>
    public IReadOnlyList<ForecastGroup> ByStage { get; }

    /// <summary>By segment of the breakdown of <see cref="ForecastOptions.Scope"/> (empty when it is not set), ordered by label.</summary>
    public IReadOnlyList<ForecastGroup> BySegment { get; }

    /// <summary>By owner, ordered by label.</summary>
    public IReadOnlyList<ForecastGroup> ByOwner { get; }
}
