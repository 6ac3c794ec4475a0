using FsCheck;
using FsCheck.Fluent;
using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>Generators of attribution inputs: aggregated path sets, options, and leads with touchpoints.</summary>
internal static class AttributionGenerators
{
    internal static readonly string[] Channels = { "Direct", "seo", "email", "抖音信息流", "行业展会", "b", "B", "转介绍" };

    /// <summary>Models defined on aggregated paths.</summary>
    internal static readonly AttributionModel[] PathModels =
    {
        AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.LastNonDirect, AttributionModel.Linear,
        AttributionModel.PositionBased, AttributionModel.Markov, AttributionModel.Shapley,
    };

    internal static readonly AttributionModel[] AllModels = (AttributionModel[])Enum.GetValues(typeof(AttributionModel));

    internal static Gen<AggregatedPath> Path(string[] channels) =>
        from length in Gen.Choose(1, 6)
        from steps in Gen.ArrayOf(Gen.Elements(channels), length)
        from conversions in Gen.Choose(0, 4)
        from cents in Gen.Choose(0, 9_999_999)
        from nulls in Gen.Choose(0, 4)
        from weighted in Gen.Elements(false, false, true)
        select new AggregatedPath(steps, weighted ? conversions * 0.37 : conversions, conversions == 0 ? 0m : cents / 100m, weighted ? nulls * 1.5 : nulls);

    internal static Gen<AggregatedPath[]> Paths(string[] channels) =>
        from n in Gen.Choose(0, 30)
        from paths in Gen.ArrayOf(Path(channels), n)
        select paths;

    internal static Gen<AttributionOptions> MarkovOptions { get; } =
        from order in Gen.Choose(1, 3)
        from collapse in Gen.Elements(true, false)
        from nulls in Gen.Elements(true, false)
        from rule in Gen.Elements(MarkovValueRule.RemovalEffectShare, MarkovValueRule.LastStateMeanValue)
        select new AttributionOptions { MarkovOrder = order, MarkovCollapseRepeats = collapse, MarkovUseNonConvertingPaths = nulls, MarkovValueRule = rule };

    /// <summary>A path set with options, a currency and a seed for shuffles.</summary>
    internal static Arbitrary<PathCase> PathCases { get; } = Arb.From(
        from paths in Paths(Channels)
        from options in MarkovOptions
        from currency in Generators.Currency
        from seed in Gen.Choose(0, int.MaxValue)
        select new PathCase(paths, options, currency, seed));

    /// <summary>Leads (several won) with 0 to 5 touchpoints each, some before acquisition, some after the win; options with a
    /// lookback window and an as-of instant now and then.</summary>
    internal static Arbitrary<LeadCase> LeadCases { get; } = Arb.From(
        from leads in Generators.Leads(Pipeline.Default, 0, 25)
        from touches in Gen.ArrayOf(Touch, 60)
        from counts in Gen.ArrayOf(Gen.Choose(0, 5), 25)
        from lookbackDays in Gen.Elements<int?>(null, null, 3, 30, 90)
        from asOfDays in Gen.Elements<int?>(null, null, null, 60, 150)
        from halfLife in Gen.Choose(1, 30)
        from dimension in Gen.Elements(Dimension.Channel, Dimension.Channel, Dimension.Strategy, Dimension.Content)
        from seed in Gen.Choose(0, int.MaxValue)
        select LeadCase.Create(leads, touches, counts, lookbackDays, asOfDays, halfLife, dimension, seed));

    private static Gen<(int Minutes, string Channel, string? Strategy, CrmMilestones Milestones)> Touch { get; } =
        from minutes in Gen.Choose(-60 * 24 * 20, 60 * 24 * 120)
        from channel in Gen.Elements(Channels)
        from strategy in Gen.Elements<string?>(null, "s1", "s2")
        from milestones in Gen.Choose(0, 15)
        select (minutes, channel, strategy, (CrmMilestones)milestones);

    internal static T[] Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var array = items.ToArray();
        var random = new Random(seed);
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }

        return array;
    }
}

internal sealed record PathCase(AggregatedPath[] Paths, AttributionOptions Options, Currency Currency, int Seed)
{
    internal AttributionJourneys Journeys => AttributionJourneys.FromPaths(Paths, Currency);

    public override string ToString() =>
        $"{Currency} order {Options.MarkovOrder} collapse {Options.MarkovCollapseRepeats} nulls {Options.MarkovUseNonConvertingPaths} {Options.MarkovValueRule} seed {Seed}: "
        + string.Join(" | ", Paths.Select(p => $"{p} ({p.Conversions}, {p.Value}, {p.Nulls})"));
}

internal sealed record LeadCase(Lead[] Leads, Touchpoint[] Touchpoints, AttributionOptions Options, int Seed)
{
    internal static LeadCase Create(Lead[] leads, (int Minutes, string Channel, string? Strategy, CrmMilestones Milestones)[] touches, int[] counts, int? lookbackDays, int? asOfDays, int halfLife, Dimension by, int seed)
    {
        var list = new List<Touchpoint>();
        var next = 0;
        for (var i = 0; i < leads.Length; i++)
        {
            for (var k = 0; k < counts[i] && next < touches.Length; k++, next++)
            {
                var t = touches[next];
                list.Add(new Touchpoint(leads[i].Id, leads[i].AcquiredAt.AddMinutes(t.Minutes), t.Channel, t.Strategy, t.Strategy is null ? null : "c-" + t.Channel, t.Milestones));
            }
        }

        list.Add(new Touchpoint("unknown lead", Generators.Epoch, "seo"));
        var options = new AttributionOptions
        {
            LookbackWindow = lookbackDays is { } d ? TimeSpan.FromDays(d) : null,
            AsOf = asOfDays is { } a ? Generators.Epoch.AddDays(a) : null,
            TimeDecayHalfLife = TimeSpan.FromDays(halfLife),
            By = by,
        };
        return new LeadCase(leads, list.ToArray(), options, seed);
    }

    internal AttributionJourneys Journeys => AttributionJourneys.FromLeads(Leads, Touchpoints, Currency.CNY);

    public override string ToString() =>
        $"{Leads.Length} leads, {Touchpoints.Length} touches, lookback {Options.LookbackWindow}, as of {Options.AsOf:O}, by {Options.By}, seed {Seed}";
}
