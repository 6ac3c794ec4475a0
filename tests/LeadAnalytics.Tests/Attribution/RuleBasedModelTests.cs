using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>
/// First, last, last non-direct, linear, position-based and Shapley on five aggregated paths, computed by hand:
/// <code>
/// P1  a > b > c        2 conversions  300.00   (1 null)
/// P2  b                1 conversion   100.00
/// P3  c > a > c        1 conversion    60.00
/// P4  a > Direct       1 conversion    10.00
/// P5  Direct           1 conversion     1.00
/// P6  b > c            0 conversions            (5 nulls)
/// total                6 conversions  471.00
/// </code>
/// </summary>
public class RuleBasedModelTests
{
    internal static AttributionJourneys Paths() => AttributionJourneys.FromPaths(
        new[]
        {
            AggregatedPath.Parse("a > b > c", 2, 300.00m, 1),
            AggregatedPath.Parse("b", 1, 100.00m),
            AggregatedPath.Parse("c > a > c", 1, 60.00m),
            AggregatedPath.Parse("a > Direct", 1, 10.00m),
            AggregatedPath.Parse("Direct", 1, 1.00m),
            AggregatedPath.Parse("b > c", 0, 0m, 5),
        },
        Currency.CNY);

    private static AttributionResult Run(AttributionModel model) => AttributionAnalyzer.Analyze(Paths(), new AttributionOptions { Model = model });

    [Fact]
    public void First_touch()
    {
        // a: P1 (2) + P4 (1) = 3, 300 + 10 = 310;  b: P2 = 1, 100;  c: P3 = 1, 60;  Direct: P5 = 1, 1.
        AttributionAssert.Credits(Run(AttributionModel.FirstTouch), ("Direct", 1, 1.00m), ("a", 3, 310.00m), ("b", 1, 100.00m), ("c", 1, 60.00m));
    }

    [Fact]
    public void Last_touch()
    {
        // c: P1 (2) + P3 (1) = 3, 300 + 60 = 360;  b: P2;  a: nothing;  Direct: P4 + P5 = 2, 10 + 1 = 11.
        AttributionAssert.Credits(Run(AttributionModel.LastTouch), ("Direct", 2, 11.00m), ("a", 0, 0m), ("b", 1, 100.00m), ("c", 3, 360.00m));
    }

    [Fact]
    public void Last_non_direct_skips_direct_unless_it_is_all_there_is()
    {
        // P4 a > Direct goes to a (10.00); P5 is only Direct, so Direct keeps it (1.00).
        AttributionAssert.Credits(Run(AttributionModel.LastNonDirect), ("Direct", 1, 1.00m), ("a", 1, 10.00m), ("b", 1, 100.00m), ("c", 3, 360.00m));
    }

    [Fact]
    public void Last_non_direct_uses_the_configured_direct_names()
    {
        var options = new AttributionOptions { Model = AttributionModel.LastNonDirect, DirectChannels = new[] { "c" } };
        var result = AttributionAnalyzer.Analyze(Paths(), options);

        // Now c is direct: P1 a > b > c -> b (2, 300); P3 c > a > c -> a (1, 60); P4 -> Direct (1, 10); P5 -> Direct (1, 1).
        AttributionAssert.Credits(result, ("Direct", 2, 11.00m), ("a", 1, 60.00m), ("b", 3, 400.00m), ("c", 0, 0m));
    }

    [Fact]
    public void Linear_counts_every_touch()
    {
        // P1: a, b, c 2/3 each (100 each).  P2: b 1 (100).  P3: c 2/3 (40), a 1/3 (20).  P4: a 1/2, Direct 1/2 (5 each).  P5: Direct 1 (1).
        // a = 2/3 + 1/3 + 1/2 = 1.5 (125);  b = 2/3 + 1 = 5/3 (200);  c = 2/3 + 2/3 = 4/3 (140);  Direct = 1/2 + 1 = 1.5 (6).
        AttributionAssert.Credits(Run(AttributionModel.Linear), ("Direct", 1.5, 6.00m), ("a", 1.5, 125.00m), ("b", 5.0 / 3, 200.00m), ("c", 4.0 / 3, 140.00m));
    }

    [Fact]
    public void Position_based_40_20_40()
    {
        // P1 (3 touches): a .4, b .2, c .4 -> x2 conversions: a .8, b .4, c .8; value 120, 60, 120.
        // P2 (1 touch): b 1 (100).  P3 (3 touches) c .4 + c .4, a .2 -> c .8 (48), a .2 (12).
        // P4 (2 touches): a .5, Direct .5 (5, 5).  P5: Direct 1 (1).
        // a = .8 + .2 + .5 = 1.5 (137);  b = .4 + 1 = 1.4 (160);  c = .8 + .8 = 1.6 (168);  Direct = 1.5 (6).
        AttributionAssert.Credits(Run(AttributionModel.PositionBased), ("Direct", 1.5, 6.00m), ("a", 1.5, 137.00m), ("b", 1.4, 160.00m), ("c", 1.6, 168.00m));
    }

    [Fact]
    public void Position_based_shares_are_options()
    {
        var options = new AttributionOptions { Model = AttributionModel.PositionBased, PositionBasedFirstShare = 0.5, PositionBasedLastShare = 0.3 };
        var result = AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse("a > b > c > d", 1, 100m) }, Currency.CNY), options);

        // a .5, d .3, b and c share the remaining .2: .1 each.
        AttributionAssert.Credits(result, ("a", 0.5, 50m), ("b", 0.1, 10m), ("c", 0.1, 10m), ("d", 0.3, 30m));
    }

    [Fact]
    public void Shapley_splits_each_journey_evenly_over_its_channel_set()
    {
        // Sets: {a,b,c} x2 -> 2/3 each (100 each);  {b} 1 (100);  {a,c} (P3, repeats do not count) 1/2 each (30 each);
        // {a,Direct} 1/2 each (5 each);  {Direct} 1 (1).
        // a = 2/3 + 1/2 + 1/2 = 5/3 (135);  b = 2/3 + 1 = 5/3 (200);  c = 2/3 + 1/2 = 7/6 (130);  Direct = 1.5 (6).
        AttributionAssert.Credits(Run(AttributionModel.Shapley), ("Direct", 1.5, 6.00m), ("a", 5.0 / 3, 135.00m), ("b", 5.0 / 3, 200.00m), ("c", 7.0 / 6, 130.00m));
    }

    [Fact]
    public void Totals_count_journeys_with_touches_only()
    {
        var result = Run(AttributionModel.Linear);
        Assert.Equal(6, result.TotalConversions);
        Assert.Equal(new Money(471.00m, Currency.CNY), result.TotalValue);
        Assert.Equal(6, result.JourneyCount);
        Assert.Null(result.Markov);
    }

    [Fact]
    public void Compare_gives_every_model_the_same_keys_in_the_order_asked()
    {
        var models = new[] { AttributionModel.Shapley, AttributionModel.FirstTouch, AttributionModel.Markov, AttributionModel.LastTouch };
        var comparison = AttributionAnalyzer.Compare(Paths(), models);
        Assert.Equal(new[] { "Direct", "a", "b", "c" }, comparison.Keys);
        Assert.Equal(models, comparison.Results.Select(r => r.Model));
        foreach (var result in comparison.Results)
        {
            Assert.Equal(comparison.Keys, result.Credits.Select(c => c.Key));
            AttributionAssert.Conserved(result);
        }

        Assert.Equal(3, comparison.For(AttributionModel.FirstTouch).Find("a")!.Conversions);
        Assert.Throws<KeyNotFoundException>(() => comparison.For(AttributionModel.Linear));
        Assert.Equal(Run(AttributionModel.Markov).Credits.Select(c => c.Conversions), comparison.For(AttributionModel.Markov).Credits.Select(c => c.Conversions));
    }

    [Fact]
    public void Time_decay_and_milestone_models_are_not_defined_on_aggregated_paths()
    {
        foreach (var model in new[] { AttributionModel.TimeDecay, AttributionModel.UShaped, AttributionModel.WShaped, AttributionModel.FullPath })
        {
            var e = Assert.Throws<ArgumentException>(() => Run(model));
            Assert.Equal("journeys", e.ParamName);
        }

        Assert.False(Paths().HasTouchTimes);
    }
}
