namespace LeadAnalytics.Forecast;

/// <summary>The forecast replayed at past as-of dates and compared with what happened (<see cref="ForecastAnalyzer.Backtest"/>).
/// Immutable.</summary>
public sealed class ForecastBacktest
{
    internal ForecastBacktest(DateTimeOffset asOf, ForecastOptions options, IReadOnlyList<BacktestPoint> points, IReadOnlyList<BacktestSummary> summaries)
    {
        AsOf = asOf;
        Options = options;
        Points = points;
        Summaries = summaries;
    }

    /// <summary>The as-of instant of the data: every replayed date plus the longest horizon is at or before it.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The options used.</summary>
    public ForecastOptions Options { get; }

    /// <summary>Each replayed date and horizon, by date then horizon.</summary>
    public IReadOnlyList<BacktestPoint> Points { get; }

    /// <summary>Per horizon, the errors over every date.</summary>
    public IReadOnlyList<BacktestSummary> Summaries { get; }
}
