using System.Text.Json;
using LeadAnalytics.Forecast;

namespace LeadAnalytics.Json;

public static partial class LeadAnalyticsJson
{
    /// <summary>The <c>kind</c> of a forecast document.</summary>
    public const string ForecastKind = "forecast";

    /// <summary>The <c>kind</c> of a forecast backtest document.</summary>
    public const string ForecastBacktestKind = "forecastBacktest";

    /// <summary>Writes a pipeline forecast as a <c>forecast</c> document: per stage its curve data, the total and the groups
    /// by stage, segment and owner with expected wins and revenue per horizon and their prediction intervals beside the
    /// stage-weighted baseline, and every open lead (docs/json-schema.md).</summary>
    /// <param name="result">The forecast.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string SerializeForecast(ForecastResult result) =>
        JsonSerializer.Serialize(ForecastMapping.ToDocument(Preconditions.CheckNotNull(result)), Context.ForecastDocument);

    /// <summary>Writes the same document as <see cref="SerializeForecast(ForecastResult)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="result">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeForecast(ForecastResult result, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ForecastMapping.ToDocument(Preconditions.CheckNotNull(result)), Context.ForecastDocument);

    /// <summary>Writes a backtest as a <c>forecastBacktest</c> document: per horizon the errors of both methods, and every
    /// replayed date.</summary>
    /// <param name="backtest">The backtest.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> is null.</exception>
    public static string SerializeForecastBacktest(ForecastBacktest backtest) =>
        JsonSerializer.Serialize(ForecastMapping.ToDocument(Preconditions.CheckNotNull(backtest)), Context.ForecastBacktestDocument);

    /// <summary>Writes the same document as <see cref="SerializeForecastBacktest(ForecastBacktest)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="backtest">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeForecastBacktest(ForecastBacktest backtest, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ForecastMapping.ToDocument(Preconditions.CheckNotNull(backtest)), Context.ForecastBacktestDocument);
}
