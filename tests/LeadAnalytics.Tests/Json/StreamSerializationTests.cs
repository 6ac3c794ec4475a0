using System.Text;
using LeadAnalytics.Actions;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Forecast;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;
using static LeadAnalytics.Tests.Actions.ActionTestData;

namespace LeadAnalytics.Tests.Json;

/// <summary>Every result document written to a stream is byte for byte the string overload's text in UTF-8 without a byte
/// order mark (the tool streams its --format json output with these, so a document with 100,000 segments is never held as
/// one string), and the stream is left open for the caller.</summary>
public class StreamSerializationTests
{
    private static readonly DateTimeOffset AsOf = ResultGoldenTests.AsOf;

    private static LeadTable Table() => LeadTable.Build(ResultGoldenTests.Leads());

    private static void AssertSame(string text, Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        Assert.True(stream.CanWrite, "the stream is left open");
        var bytes = stream.ToArray();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no byte order mark");
        Assert.Equal(text, Encoding.UTF8.GetString(bytes));
        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
    }

    [Fact]
    public void Funnel_documents()
    {
        var funnel = FunnelAnalyzer.Analyze(Table(), AsOf);
        AssertSame(LeadAnalyticsJson.SerializeFunnel(funnel), s => LeadAnalyticsJson.SerializeFunnel(funnel, s));
        var breakdown = FunnelAnalyzer.AnalyzeBy(Table(), AsOf, Dimension.Channel);
        AssertSame(LeadAnalyticsJson.SerializeFunnelBreakdown(breakdown), s => LeadAnalyticsJson.SerializeFunnelBreakdown(breakdown, s));
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(Table(), AsOf, CohortPeriod.Month);
        AssertSame(LeadAnalyticsJson.SerializeFunnelCohorts(cohorts), s => LeadAnalyticsJson.SerializeFunnelCohorts(cohorts, s));
    }

    [Fact]
    public void Cycle_time_with_and_without_curves()
    {
        var result = CycleTimeAnalyzer.Analyze(Table(), AsOf, new CycleTimeOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
        AssertSame(LeadAnalyticsJson.SerializeCycleTime(result), s => LeadAnalyticsJson.SerializeCycleTime(result, s));
        AssertSame(LeadAnalyticsJson.SerializeCycleTime(result, includeCurves: true), s => LeadAnalyticsJson.SerializeCycleTime(result, s, includeCurves: true));
    }

    [Fact]
    public void Effectiveness_attribution_and_loss_reasons()
    {
        var effectiveness = EngineCalls.Summarize(Table(), ResultGoldenTests.Costs(), AsOf,
            new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
        AssertSame(LeadAnalyticsJson.SerializeEffectiveness(effectiveness), s => LeadAnalyticsJson.SerializeEffectiveness(effectiveness, s));

        var journeys = AttributionJourneys.FromLeads(ResultGoldenTests.Leads(), ResultGoldenTests.Touchpoints());
        var markov = AttributionAnalyzer.Analyze(journeys);
        AssertSame(LeadAnalyticsJson.SerializeAttribution(markov), s => LeadAnalyticsJson.SerializeAttribution(markov, s));
        var comparison = AttributionAnalyzer.Compare(journeys, new[] { AttributionModel.FirstTouch, AttributionModel.Markov, AttributionModel.Shapley });
        AssertSame(LeadAnalyticsJson.SerializeAttributionComparison(comparison), s => LeadAnalyticsJson.SerializeAttributionComparison(comparison, s));

        var losses = LossReasonAnalyzer.Analyze(Table(), AsOf, new LossReasonOptions { MinimumLostLeads = 1 });
        AssertSame(LeadAnalyticsJson.SerializeLossReasons(losses), s => LeadAnalyticsJson.SerializeLossReasons(losses, s));
    }

    [Fact]
    public void Forecast_backtest_quality_and_action_reports()
    {
        var options = new ForecastOptions { HorizonsDays = new[] { 30 }, BootstrapReplicates = 20, BacktestOrigins = 1 };
        var forecast = ForecastAnalyzer.Analyze(Table(), AsOf, options);
        AssertSame(LeadAnalyticsJson.SerializeForecast(forecast), s => LeadAnalyticsJson.SerializeForecast(forecast, s));
        var backtest = ForecastAnalyzer.Backtest(Table(), AsOf, options);
        AssertSame(LeadAnalyticsJson.SerializeForecastBacktest(backtest), s => LeadAnalyticsJson.SerializeForecastBacktest(backtest, s));

        var quality = JsonGoldenTests.Report();
        AssertSame(LeadAnalyticsJson.SerializeQualityReport(quality), s => LeadAnalyticsJson.SerializeQualityReport(quality, s));

        var actions = EngineCalls.Evaluate(new[] { Action("dropoff(NeedsConfirmed) <= 25%") }, LeadTable.Build(NeedsDiscovery()), Day(2023, 11, 1));
        AssertSame(LeadAnalyticsJson.SerializeActionReport(actions), s => LeadAnalyticsJson.SerializeActionReport(actions, s));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var funnel = FunnelAnalyzer.Analyze(Table(), AsOf);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => LeadAnalyticsJson.SerializeFunnel(funnel, null!)).ParamName);
        Assert.Equal("funnel", Assert.Throws<ArgumentNullException>(() => LeadAnalyticsJson.SerializeFunnel(null!, Stream.Null)).ParamName);
    }
}
