namespace LeadAnalytics.Forecast;

/// <summary>What a <see cref="ForecastGroup"/> gathers.</summary>
public enum ForecastGroupKind
{
    /// <summary>Every open lead.</summary>
    Total = 0,

    /// <summary>The open leads in one stage.</summary>
    Stage = 1,

    /// <summary>The open leads of one segment of the breakdown of <see cref="ForecastOptions.Scope"/>.</summary>
    Segment = 2,

    /// <summary>The open leads of one owner.</summary>
    Owner = 3,
}
