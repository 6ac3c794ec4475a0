using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Tests.Data;

// One grouping for every engine (SegmentGrouping): the breakdowns one engine accepted and another refused now work in
// all of them, with the same segments. Five leads, all acquired at the epoch, as of day 60 (stale after 30 days):
//   L1 channel A, industry X, tag t1       won day 10, deal 100
//   L2 channel A, industry Y, tags t1, t2  lost day 4, "budget"
//   L3 channel B, industry X, no tag       lost day 6, "timing"
//   L4 channel A, industry X, tag t2       won day 20, deal 300
//   L5 channel B, industry X, tag t2       contacted day 55, open (not stale)
public class SegmentGroupingTests
{
    private static readonly DateTimeOffset Epoch = Generators.Epoch;
    private static readonly DateTimeOffset AsOf = Epoch.AddDays(60);

    [Fact]
    public void Cycle_time_breaks_down_by_a_pair_of_dimensions()
    {
        var result = CycleTimeAnalyzer.Analyze(Table(), AsOf, new CycleTimeOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel, Dimension.Industry } } });

        // Segments in key order: A × X, A × Y, B × X.
        Assert.Equal(new[] { "A × X", "A × Y", "B × X" }, result.Segments.Select(s => s.Label));
        var ax = result.Segments[0];
        Assert.Equal((2, 2, 0, 0), (ax.Leads, ax.Won, ax.Lost, ax.Open));
        Assert.Equal(15.0, ax.AcquisitionToWon.Median); // (10 + 20) / 2
        Assert.Equal(SegmentKey.Of(Dimension.Channel, "A").Dimensions.Concat(new[] { Dimension.Industry }), ax.Key!.Dimensions);
        Assert.Equal(new[] { "A", "X" }, ax.Key.Values);
        Assert.Null(ax.Value);
        var bx = result.Segments[2];
        Assert.Equal((2, 0, 1, 1), (bx.Leads, bx.Won, bx.Lost, bx.Open));
        Assert.Equal(6.0, bx.AcquisitionToLost.Median);
        Assert.NotNull(result.SegmentComparison); // three disjoint segments: a log-rank test
        Assert.Equal(5, result.Overall.Leads);
    }

    [Fact]
    public void Cycle_time_by_tag_puts_a_lead_without_tags_in_the_missing_tag_segment()
    {
        var result = CycleTimeAnalyzer.Analyze(Table(), AsOf, new CycleTimeOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Tag } } });

        // (none): L3; t1: L1, L2; t2: L2, L4, L5. Segments overlap: no log-rank test.
        Assert.Equal(new[] { "(none)", "t1", "t2" }, result.Segments.Select(s => s.Label));
        Assert.Equal(new[] { 1, 2, 3 }, result.Segments.Select(s => s.Leads));
        Assert.Equal(new[] { 0, 1, 1 }, result.Segments.Select(s => s.Won));
        Assert.Null(result.SegmentComparison);
    }

    [Fact]
    public void Loss_reasons_break_down_by_tag()
    {
        var result = LossReasonAnalyzer.Analyze(Table(), AsOf, new LossReasonOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Tag } } });

        // Lost: L2 (budget; t1 and t2) and L3 (timing; no tag).
        Assert.Equal(2, result.LostLeads);
        var breakdown = Assert.Single(result.Breakdowns);
        Assert.Equal(new[] { "(none)", "t1", "t2" }, breakdown.Segments.Select(s => s.Segment));
        Assert.Equal(new[] { "timing", "budget", "budget" }, breakdown.Segments.Select(s => s.Rows[0].Reason));
        Assert.Equal(new long[] { 1, 1, 1 }, breakdown.Segments.Select(s => s.LostLeads));
        Assert.Null(breakdown.MixTest); // tag segments overlap
    }

    [Fact]
    public void Effectiveness_without_a_breakdown_is_the_total_only()
    {
        var result = EffectivenessAnalyzer.Analyze(Table(), AsOf, new EffectivenessOptions { Scope = new AnalysisScope() });

        Assert.Empty(result.Segments);
        var total = result.Total;
        Assert.Equal((5, 2, 2, 1), (total.Leads, total.Won, total.Lost, total.Open));
        Assert.Equal(400m, total.Revenue);
        Assert.Equal(8.0, total.MedianCycleDays); // cycles 4, 6, 10, 20 days
        Assert.Equal(15.0, total.MedianDaysToWin);
    }

    [Fact]
    public void Effectiveness_by_tag_and_channel_counts_a_lead_in_each_of_its_tags()
    {
        var result = EffectivenessAnalyzer.Analyze(Table(), AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Tag, Dimension.Channel } } });

        // (none) × B: L3; t1 × A: L1, L2; t2 × A: L2, L4; t2 × B: L5.
        var leads = result.Segments.OrderBy(s => s.Key).Select(s => (s.Label, s.Leads, s.Won)).ToArray();
        Assert.Equal(new[] { ("(none) × B", 1, 0), ("t1 × A", 2, 1), ("t2 × A", 2, 1), ("t2 × B", 1, 0) }, leads);
        Assert.True(result.SegmentsOverlap);
        Assert.Equal(5, result.Total.Leads);
    }

    private static LeadTable Table() => LeadTable.Build(new[]
    {
        Lead("L1", "A", "X", new[] { "t1" }, won: 10, deal: 100m),
        Lead("L2", "A", "Y", new[] { "t1", "t2" }, lost: 4, reason: "budget"),
        Lead("L3", "B", "X", Array.Empty<string>(), lost: 6, reason: "timing"),
        Lead("L4", "A", "X", new[] { "t2" }, won: 20, deal: 300m),
        Lead("L5", "B", "X", new[] { "t2" }, contacted: 55),
    });

    private static Lead Lead(string id, string channel, string industry, string[] tags, int? won = null, int? lost = null, int? contacted = null,
        decimal? deal = null, string? reason = null)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, Industry = industry, AcquiredAt = Epoch };
        foreach (var tag in tags)
        {
            b.Tags.Add(tag);
        }

        if (won is { } w)
        {
            b.SetStageTime(Pipeline.Won, Epoch.AddDays(w));
            b.DealAmount = new Money(deal!.Value, Currency.CNY);
        }

        if (lost is { } l)
        {
            b.LostAt = Epoch.AddDays(l);
            b.LossReason = reason;
        }

        if (contacted is { } c)
        {
            b.SetStageTime(Pipeline.Contacted, Epoch.AddDays(c));
        }

        return b.Build();
    }
}
