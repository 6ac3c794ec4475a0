namespace LeadAnalytics.Forecast;

/// <summary>One replayed as-of date and horizon: what each method forecast for the leads open then, and what happened.
/// Immutable.</summary>
public sealed class BacktestPoint
{
    internal BacktestPoint(DateTimeOffset asOf, int openLeads, HorizonForecast forecast, int actualWins, decimal actualRevenue)
    {
        AsOf = asOf;
        OpenLeads = openLeads;
        Forecast = forecast;
        ActualWins = actualWins;
        ActualRevenue = actualRevenue;
    }

    /// <summary>The replayed as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The leads open then.</summary>
    public int OpenLeads { get; }

    /// <summary>The forecast then (censoring-aware and baseline) for this horizon.</summary>
    public HorizonForecast Forecast { get; }

    /// <summary>Of the leads open then, those won within the horizon.</summary>
    public int ActualWins { get; }

    /// <summary>Their value: the recorded deal amount, else the value the forecast used.</summary>
    public decimal ActualRevenue { get; }
}
