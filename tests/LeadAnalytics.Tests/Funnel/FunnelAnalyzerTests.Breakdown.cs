using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

public partial class FunnelAnalyzerTests
{
    private static readonly Lead[] Segmented =
    {
        Lead("s1", contacted: 1, needs: 2, proposal: 3, negotiation: 4, won: 5, channel: "SEO", industry: "教育", tags: new[] { "a", "b" }),
        Lead("s2", lost: 1, channel: "SEO", industry: "医疗", tags: new[] { "a" }),
        Lead("s3", contacted: 1, channel: "SEO", industry: "教育"),
        Lead("t1", won: 3, channel: "展会", industry: "教育"),
        Lead("t2", contacted: 1, lost: 2, channel: "展会"),
        Lead("n1", lost: 1),
    };

    [Fact]
    public void A_breakdown_by_channel_has_one_funnel_per_value_in_ordinal_order_and_sums_to_the_total()
    {
        var b = FunnelAnalyzer.AnalyzeBy(LeadTable.Build(Segmented), Day(10), Dimension.Channel);
        Assert.Equal(new[] { "(none)", "SEO", "展会" }, b.Segments.Select(s => s.Label));
        Assert.Equal(new long[] { 1, 0, 0, 0, 0, 0 }, Reach(b.Find((string?)null)!.Funnel));
        Assert.Equal(new long[] { 3, 2, 1, 1, 1, 1 }, Reach(b.Find("SEO")!.Funnel));
        Assert.Equal(new long[] { 2, 2, 1, 1, 1, 1 }, Reach(b.Find("展会")!.Funnel));
        Assert.Equal(new long[] { 6, 4, 2, 2, 2, 2 }, Reach(b.Total));
        Assert.Equal("3 2 1 0 0 0 0", Counts(b.Find("SEO")!.Funnel.Steps[0]));
        Assert.Equal("2 1 1 0 0 0 0", Counts(b.Find("展会")!.Funnel.Steps[1]));
        Assert.True(b.SegmentsSumToTotal);
        Assert.Null(b.Find("seo")); // ordinal, case-sensitive
    }

    [Fact]
    public void Tag_segments_count_a_lead_in_each_of_its_tags_and_do_not_sum_to_the_total()
    {
        var b = FunnelAnalyzer.AnalyzeBy(LeadTable.Build(Segmented), Day(10), Dimension.Tag);
        Assert.Equal(new[] { "(none)", "a", "b" }, b.Segments.Select(s => s.Label));
        Assert.Equal(new long[] { 4, 2, 1 }, b.Segments.Select(s => s.Funnel.Leads));
        Assert.Equal(6, b.Total.Leads);
        Assert.False(b.SegmentsSumToTotal);
        Assert.Equal(1, b.Find("a")!.Funnel.Won);
    }

    [Fact]
    public void A_breakdown_by_two_dimensions_keeps_the_observed_combinations()
    {
        var b = FunnelAnalyzer.AnalyzeBy(LeadTable.Build(Segmented), Day(10), Dimension.Channel, Dimension.Industry);
        Assert.Equal(new[] { "(none) / (none)", "SEO / 医疗", "SEO / 教育", "展会 / (none)", "展会 / 教育" }, b.Segments.Select(s => s.Label));
        Assert.Equal(new long[] { 2, 2, 1, 1, 1, 1 }, Reach(b.Find("SEO", "教育")!.Funnel));
        Assert.Equal(new[] { Dimension.Channel, Dimension.Industry }, b.Dimensions);

        var byTag = FunnelAnalyzer.AnalyzeBy(LeadTable.Build(Segmented), Day(10), Dimension.Channel, Dimension.Tag);
        Assert.Equal(new[] { "(none) / (none)", "SEO / (none)", "SEO / a", "SEO / b", "展会 / (none)" }, byTag.Segments.Select(s => s.Label));
        Assert.False(byTag.SegmentsSumToTotal);
    }

    [Fact]
    public void Breakdowns_with_many_combinations_match_the_funnel_of_each_subset()
    {
        // 320 x 330 channel-industry combinations and 320 x 250 channel-tag combinations exceed the dense limit, so the
        // engine remaps the combinations present; each segment must still be the funnel of exactly its leads.
        var leads = new List<Lead>();
        for (var i = 0; i < 700; i++)
        {
            leads.Add(Lead(
                "m" + i, acquired: i % 9, contacted: i % 3 == 0 ? null : (i % 9) + 1, won: i % 5 == 0 ? (i % 9) + 4 : null, lost: i % 7 == 0 && i % 5 != 0 ? (i % 9) + 2 : null,
                channel: "c" + (i % 320), industry: i == 5 ? "i329" : "i" + (i * 7 % 330), tags: i % 4 == 0 ? Array.Empty<string>() : new[] { "t" + (i % 250), "u" + (i % 2) }));
        }

        var table = LeadTable.Build(leads);
        Assert.True((long)table.GetColumn(Dimension.Channel).Cardinality * table.GetColumn(Dimension.Industry).Cardinality > SegmentGrouping.DenseLimit);
        var asOf = Day(30);
        var pairs = FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Channel, Dimension.Industry);
        Assert.Equal(leads.Select(l => (l.Channel, l.Industry)).Distinct().Count(), pairs.Segments.Count);
        foreach (var s in pairs.Segments)
        {
            var subset = leads.Where(l => l.Channel == s.Values[0] && l.Industry == s.Values[1]).ToArray();
            var (expected, actual) = SegmentVersusSubset(FunnelAnalyzer.Analyze(LeadTable.Build(subset), asOf), s.Funnel);
            Assert.Equal(expected, actual);
        }

        var tagged = FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Tag, Dimension.Channel);
        foreach (var s in tagged.Segments)
        {
            var subset = leads.Where(l => l.Channel == s.Values[1] && (s.Values[0] is null ? l.Tags.Count == 0 : l.Tags.Contains(s.Values[0]!))).ToArray();
            var (expected, actual) = SegmentVersusSubset(FunnelAnalyzer.Analyze(LeadTable.Build(subset), asOf), s.Funnel);
            Assert.Equal(expected, actual);
        }

        Assert.Equal(Describe(FunnelAnalyzer.Analyze(table, asOf)), Describe(tagged.Total));
    }
}
