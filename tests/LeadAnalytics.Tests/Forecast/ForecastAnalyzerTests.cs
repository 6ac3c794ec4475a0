using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Forecast;
using LeadAnalytics.Tests.Actions;

namespace LeadAnalytics.Tests.Forecast;

public class ForecastAnalyzerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = T0.AddDays(100);

    private static Lead Make(string id, double acquired, double? won = null, double? lost = null, decimal? amount = null, string owner = "Ann")
    {
        var b = new LeadBuilder { Id = id, Channel = "SEO", Owner = owner, AcquiredAt = T0.AddDays(acquired) };
        b.WonAt = won is { } w ? T0.AddDays(w) : null;
        b.LostAt = lost is { } l ? T0.AddDays(l) : null;
        b.DealAmount = amount is { } m ? new Money(m, Currency.CNY) : null;
        return b.Build();
    }

    // Stage Acquired, from acquisition: A won at 10, B lost at 20, E open at 30 (censored), C won at 40, D open at 50.
    // Aalen-Johansen: t=10 n=5 -> S 4/5, F_won 1/5; t=20 n=4 lost -> S 3/5; t=40 n=2 won -> F_won 1/5 + 3/5·1/2 = 1/2, S 3/10.
    private static LeadTable Small() => LeadTable.Build(new[]
    {
        Make("A", 0, won: 10, amount: 1000m),
        Make("B", 0, lost: 20),
        Make("C", 0, won: 40, amount: 3000m),
        Make("D", 50, owner: "Bo"),
        Make("E", 70),
    });

    [Fact]
    public void Hand_calculation_of_a_small_pipeline()
    {
        var options = new ForecastOptions { HorizonsDays = new[] { 5, 30 }, Scope = new AnalysisScope { StaleAfter = TimeSpan.FromDays(60) }, BootstrapReplicates = 0 };
        var result = ForecastAnalyzer.Analyze(Small(), AsOf, options);

        var e = result.Leads.Single(l => l.Id == "E");
        Assert.Equal(30, e.DaysInStage);
        // h = 5: F_won(35) - F_won(30) = 0. h = 30: [F_won(60) - F_won(30)] / S(30) = (1/2 - 1/5) / (3/5) = 1/2.
        Assert.Equal(0, e.WinProbabilities[0]!.Value);
        Assert.Equal(0.5, e.WinProbabilities[1]!.Value, 12);
        // No deal amount: the average won deal (1000 + 3000) / 2.
        Assert.Equal(2000m, e.Value);
        Assert.False(e.ValueRecorded);

        // D is 50 days into its stage; the last outcome there came at 40: flagged, no probability.
        var d = result.Leads.Single(l => l.Id == "D");
        Assert.True(d.IsBeyondObserved);
        Assert.Equal(new double?[] { null, null }, d.WinProbabilities);

        // Baseline: won / (won + lost + stale) = 2 / 3 (nobody stale at 60 days) for both open leads.
        Assert.Equal(2.0 / 3, e.BaselineProbability!.Value, 12);
        var total = result.Total;
        Assert.Equal((2, 1, 0, 0), (total.OpenLeads, total.BeyondObservedLeads, total.StaleLeads, total.LeadsWithoutValue));
        Assert.Equal(0.5, total.Horizons[1].ExpectedWins, 12);
        Assert.Equal(1000m, total.Horizons[1].ExpectedRevenue);
        Assert.Equal(4.0 / 3, total.Horizons[1].BaselineWins, 12);
        Assert.Equal(2666.67m, total.Horizons[1].BaselineRevenue);
        Assert.Equal(0.5 - (4.0 / 3), total.Horizons[1].WinsDifference, 12);
        Assert.Null(total.Horizons[1].WinsLower);

        var stage = result.Stages[0];
        Assert.Equal((5, 2, 1, 2, 0, 40.0), (stage.Entered, stage.Won, stage.Lost, stage.Censored, stage.Stale, stage.LastEventDays!.Value));
        Assert.Equal(new[] { "Ann", "Bo" }, result.ByOwner.Select(g => g.Label));
        Assert.Equal(0.5, result.ByOwner[0].Horizons[1].ExpectedWins, 12);
        Assert.Equal(0, result.ByOwner[1].Horizons[1].ExpectedWins);
        Assert.Equal(5, result.ByStage.Count);
        Assert.Equal(2, result.ByStage[0].OpenLeads);
    }

    [Fact]
    public void Stale_leads_count_as_lost_in_the_baseline_only()
    {
        // With the default 30 days both open leads are stale: baseline 2 / (2 + 1 + 2); the forecast is unchanged.
        var result = ForecastAnalyzer.Analyze(Small(), AsOf, new ForecastOptions { HorizonsDays = new[] { 30 }, BootstrapReplicates = 0 });
        Assert.Equal(0.4, result.Leads[0].BaselineProbability!.Value, 12);
        Assert.Equal(2, result.Total.StaleLeads);
        Assert.Equal(0.5, result.Total.Horizons[0].ExpectedWins, 12);
    }

    [Fact]
    public void The_as_of_replays_the_past()
    {
        // As of day 30 C is open 30 days in (its win at 40 unseen), E not yet acquired, B and A closed.
        var result = ForecastAnalyzer.Analyze(Small(), T0.AddDays(30), new ForecastOptions { HorizonsDays = new[] { 30 }, BootstrapReplicates = 0 });
        Assert.Equal(new[] { "C" }, result.Leads.Select(l => l.Id));
        Assert.Equal((3, 1, 1, 1), (result.Stages[0].Entered, result.Stages[0].Won, result.Stages[0].Lost, result.Stages[0].Censored));
    }

    [Fact]
    public void Intervals_are_the_same_for_every_thread_count_and_row_order()
    {
        var records = LeadCsv.Read(SampleDataFiles.PathOf("leads.csv")).Records;
        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
        var options = new ForecastOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } }, BootstrapReplicates = 40, IncludeLeads = false };
        var one = ForecastAnalyzer.Analyze(LeadTable.Build(records), asOf, options);
        var two = ForecastAnalyzer.Analyze(LeadTable.Build(records.Reverse()), asOf, new ForecastOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, MaxDegreeOfParallelism = 2 }, BootstrapReplicates = 40, IncludeLeads = false,
        });
        string Show(ForecastResult r) => string.Join("\n", new[] { r.Total }.Concat(r.ByStage).Concat(r.BySegment).Concat(r.ByOwner).SelectMany(g => g.Horizons.Select(h =>
            $"{g.Label} {h.Days} {h.ExpectedWins:R} {h.WinsLower:R} {h.WinsUpper:R} {h.ExpectedRevenue} {h.RevenueLower} {h.RevenueUpper} {h.BaselineWins:R} {h.BaselineWinsLower:R} {h.BaselineWinsUpper:R}")));
        Assert.Equal(Show(one), Show(two));
        var total = one.Total.Horizons[2];
        Assert.True(total.WinsLower <= total.ExpectedWins && total.ExpectedWins <= total.WinsUpper, $"{total.WinsLower} {total.ExpectedWins} {total.WinsUpper}");
    }

    [Fact]
    public void Shrinkage_moves_from_the_segment_curve_to_the_pooled_curve()
    {
        var records = LeadCsv.Read(SampleDataFiles.PathOf("leads.csv")).Records;
        var table = LeadTable.Build(records);
        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
        ForecastResult Run(Dimension? by, double k) => ForecastAnalyzer.Analyze(table, asOf, new ForecastOptions { Scope = new AnalysisScope { Breakdown = by is { } d ? new[] { d } : Array.Empty<Dimension>() }, ShrinkageLeads = k, BootstrapReplicates = 0 });
        var pooled = Run(null, 20);
        var huge = Run(Dimension.Channel, 1e12);
        var shrunk = Run(Dimension.Channel, 20);
        for (var i = 0; i < pooled.Leads.Count; i++)
        {
            Assert.Equal(pooled.Leads[i].WinProbabilities[2] ?? -1, huge.Leads[i].WinProbabilities[2] ?? -1, 6);
        }

        Assert.NotEqual(pooled.Total.Horizons[2].ExpectedWins, shrunk.Total.Horizons[2].ExpectedWins);
        Assert.Equal(shrunk.BySegment.Sum(g => g.Horizons[2].ExpectedWins), shrunk.Total.Horizons[2].ExpectedWins, 9);
    }

    [Fact]
    public void Backtest_compares_forecasts_with_what_happened()
    {
        // As of day 100, one origin at 100 - 30 = day 70: E acquired (0 days in), D 20 days in, C won at 40 already.
        var options = new ForecastOptions { HorizonsDays = new[] { 30 }, BacktestOrigins = 1, BootstrapReplicates = 0, Scope = new AnalysisScope { StaleAfter = TimeSpan.FromDays(60) } };
        var backtest = ForecastAnalyzer.Backtest(Small(), AsOf, options);
        var point = Assert.Single(backtest.Points);
        Assert.Equal(T0.AddDays(70), point.AsOf);
        Assert.Equal((2, 0), (point.OpenLeads, point.ActualWins));
        var summary = Assert.Single(backtest.Summaries);
        Assert.Equal(point.Forecast.ExpectedWins, summary.WinsMeanAbsoluteError, 12);
        Assert.Equal(point.Forecast.BaselineWins, summary.BaselineWinsBias, 12);
        Assert.Null(summary.WinsCoverage);
    }
}
