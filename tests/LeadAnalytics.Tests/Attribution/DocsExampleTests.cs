using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>The example at the top of docs/attribution.md, so the documented code compiles and its numbers stay true.</summary>
public class DocsExampleTests
{
    [Fact]
    public void The_documented_example_gives_the_documented_numbers()
    {
        var counted = AttributionJourneys.FromPaths(new[]
        {
            AggregatedPath.Parse("a", 1, 100.00m, nulls: 1),
            AggregatedPath.Parse("b", 1, 20.00m),
            AggregatedPath.Parse("a > b", 1, 60.00m, nulls: 1),
        }, Currency.CNY);

        AttributionResult markov = AttributionAnalyzer.Analyze(counted, new AttributionOptions { Model = AttributionModel.Markov });

        Assert.Equal(1.615, markov.Find("a")!.Conversions, 3);
        Assert.Equal(new Money(96.92m, Currency.CNY), markov.Find("a")!.Value);
        Assert.Equal(0.778, markov.Find("a")!.RemovalEffect!.Value, 3);
        Assert.Equal(1.385, markov.Find("b")!.Conversions, 3);
        Assert.Equal(new Money(83.08m, Currency.CNY), markov.Find("b")!.Value);
        Assert.Equal(0.667, markov.Find("b")!.RemovalEffect!.Value, 3);

        var journeys = AttributionJourneys.FromLeads(new[] { LeadJourneyTests.WonLead("L1", 10m) }, new[] { LeadJourneyTests.Touch("L1", 1, "seo", "guide") });
        AttributionComparison side = AttributionAnalyzer.Compare(journeys,
            new[] { AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.Markov },
            new AttributionOptions { LookbackWindow = TimeSpan.FromDays(90), By = Dimension.Strategy });
        Assert.All(side.Results, r => Assert.Equal(1, r.Find("guide")!.Conversions, 12));
    }
}
