using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

public class AttributionOptionsTests
{
    private static readonly AttributionJourneys Journeys = AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse("a", 1) }, Currency.CNY);

    public static TheoryData<AttributionOptions> Invalid() => new()
    {
        new AttributionOptions { Model = (AttributionModel)99 },
        new AttributionOptions { By = Dimension.Industry },
        new AttributionOptions { LookbackWindow = TimeSpan.FromDays(-1) },
        new AttributionOptions { PositionBasedFirstShare = 0.7, PositionBasedLastShare = 0.4 },
        new AttributionOptions { PositionBasedFirstShare = -0.1 },
        new AttributionOptions { PositionBasedLastShare = double.NaN },
        new AttributionOptions { TimeDecayHalfLife = TimeSpan.Zero },
        new AttributionOptions { MarkovOrder = 0 },
        new AttributionOptions { MarkovValueRule = (MarkovValueRule)7 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Out_of_range_options_are_rejected(AttributionOptions options) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionAnalyzer.Analyze(Journeys, options));

    [Fact]
    public void Defaults()
    {
        var o = AttributionOptions.Default;
        Assert.Equal(AttributionModel.Markov, o.Model);
        Assert.Equal(Dimension.Channel, o.By);
        Assert.Null(o.LookbackWindow);
        Assert.Null(o.AsOf);
        Assert.True(o.UseLeadSourceWhenNoTouchpoints);
        Assert.Equal(new[] { "直接访问", "Direct", "direct", "(direct)", "(none)" }, o.DirectChannels);
        Assert.Equal(0.4, o.PositionBasedFirstShare);
        Assert.Equal(0.4, o.PositionBasedLastShare);
        Assert.Equal(TimeSpan.FromDays(7), o.TimeDecayHalfLife);
        Assert.Equal(1, o.MarkovOrder);
        Assert.True(o.MarkovCollapseRepeats);
        Assert.True(o.MarkovUseNonConvertingPaths);
        Assert.Equal(MarkovValueRule.RemovalEffectShare, o.MarkovValueRule);
        Assert.Equal(AttributionModel.Markov, AttributionAnalyzer.Analyze(Journeys).Model);
    }

    [Fact]
    public void Null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => AttributionAnalyzer.Analyze(null!));
        Assert.Throws<ArgumentNullException>(() => AttributionAnalyzer.Compare(Journeys, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionAnalyzer.Compare(Journeys, new[] { (AttributionModel)42 }));
        Assert.Throws<ArgumentNullException>(() => AttributionJourneys.FromPaths(null!, Currency.CNY));
        Assert.Throws<ArgumentNullException>(() => AttributionJourneys.FromPaths(new AggregatedPath[] { null! }, Currency.CNY));
        Assert.Throws<ArgumentNullException>(() => AttributionJourneys.FromLeads(null!, Array.Empty<Touchpoint>()));
        Assert.Throws<ArgumentNullException>(() => AttributionJourneys.FromLeads(Array.Empty<Lead>(), null!));
    }
}
