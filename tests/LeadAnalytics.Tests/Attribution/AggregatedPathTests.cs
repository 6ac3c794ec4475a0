using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

public class AggregatedPathTests
{
    [Fact]
    public void Parses_the_path_syntax()
    {
        var path = AggregatedPath.Parse("  抖音信息流 >SEO>  行业展会 > SEO ", 2, 1500.50m, 3);
        Assert.Equal(new[] { "抖音信息流", "SEO", "行业展会", "SEO" }, path.Steps);
        Assert.Equal(2, path.Conversions);
        Assert.Equal(1500.50m, path.Value);
        Assert.Equal(3, path.Nulls);
        Assert.Equal("抖音信息流 > SEO > 行业展会 > SEO", path.ToString());
        Assert.Equal(new[] { "a", "b" }, AggregatedPath.ParseSteps("a | b", '|'));
        Assert.Equal(new[] { "a b" }, AggregatedPath.ParseSteps(" a b "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a > > b")]
    [InlineData("a >")]
    [InlineData("> a")]
    public void An_empty_step_is_a_format_error(string text) => Assert.Throws<FormatException>(() => AggregatedPath.ParseSteps(text));

    [Fact]
    public void Counts_and_value_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregatedPath.Parse("a", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregatedPath.Parse("a", 1, 0m, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregatedPath.Parse("a", double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregatedPath.Parse("a", 1, -0.01m));
        Assert.Throws<ArgumentException>(() => AggregatedPath.Parse("a", 0, 5m, 1));
        Assert.Throws<ArgumentException>(() => new AggregatedPath(Array.Empty<string>(), 1));
        Assert.Throws<ArgumentException>(() => new AggregatedPath(new[] { "a", " " }, 1));
        Assert.Throws<ArgumentNullException>(() => new AggregatedPath(null!, 1));
        Assert.Throws<ArgumentNullException>(() => AggregatedPath.ParseSteps(null!));
    }

    [Fact]
    public void The_same_path_may_appear_twice_and_its_counts_add_up()
    {
        var twice = AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse("a > b", 1, 10m, 1), AggregatedPath.Parse("a > b", 2, 5m) }, Currency.CNY);
        var once = AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse("a > b", 3, 15m, 1) }, Currency.CNY);
        foreach (var model in new[] { AttributionModel.Linear, AttributionModel.Markov, AttributionModel.Shapley })
        {
            var options = new AttributionOptions { Model = model };
            var a = AttributionAnalyzer.Analyze(twice, options);
            var b = AttributionAnalyzer.Analyze(once, options);
            Assert.Equal(b.Credits.Select(c => (c.Key, c.Conversions, c.Value)), a.Credits.Select(c => (c.Key, c.Conversions, c.Value)));
            Assert.Equal(2, a.JourneyCount);
            Assert.Equal(1, b.JourneyCount);
        }
    }
}
