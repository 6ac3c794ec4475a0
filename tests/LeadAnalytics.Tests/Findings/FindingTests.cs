using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Tests.Findings;

public class FindingTests
{
    [Fact]
    public void The_funnel_bottleneck_hook_makes_a_drop_off_finding()
    {
        var f = Finding.FunnelBottleneck("Contacted", "NeedsConfirmed", 0.4, 0.2, "other_steps", new FindingEvidence(450, "two-proportion z", 1e-6, 3e-6));
        Assert.Equal(FindingKinds.FunnelBottleneck, f.Kind);
        Assert.Equal(MetricIds.DropOff, f.MetricId);
        Assert.True(f.Segment.IsAll);
        Assert.Equal(FindingSeverity.Warning, f.Severity);
        Assert.Equal("450", f.Arguments["n"]);
        Assert.Equal("(all): the largest drop-off is from Contacted to NeedsConfirmed (40.0%).", f.ToString());
        Assert.Equal("(all)：流失最多的环节是从 Contacted 到 NeedsConfirmed（40.0%）。", FindingTemplates.Format(f, FindingTemplates.Chinese));
    }

    [Fact]
    public void Findings_order_by_severity_then_kind_then_segment()
    {
        var a = new Finding("b_kind", FindingSeverity.Info, SegmentKey.Of(Dimension.Channel, "SEO"), MetricIds.Leads, 1, null, null, null, null);
        var b = new Finding("a_kind", FindingSeverity.Critical, SegmentKey.Of(Dimension.Channel, "SEO"), MetricIds.Roas, 0.5, 1, "threshold", null, null);
        var c = new Finding("b_kind", FindingSeverity.Info, SegmentKey.Of(Dimension.Channel, "A"), MetricIds.Leads, 1, null, null, null, null);
        var list = new List<Finding> { a, b, c };
        list.Sort(Finding.Compare);
        Assert.Equal(new[] { b, c, a }, list);
    }

    [Fact]
    public void A_kind_without_a_template_lists_its_arguments()
    {
        var f = new Finding("custom_rule", FindingSeverity.Info, SegmentKey.All, MetricIds.Leads, 3, null, null, null,
            new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" });
        Assert.Equal("custom_rule a=2 z=1", f.ToString());
        Assert.Throws<ArgumentException>(() => new Finding(" ", FindingSeverity.Info, SegmentKey.All, MetricIds.Leads, null, null, null, null, null));
    }

    [Fact]
    public void Segment_keys_compare_by_value()
    {
        var a = new SegmentKey(new[] { Dimension.Channel, Dimension.Industry }, new[] { "SEO", (string?)null });
        var b = new SegmentKey(new[] { Dimension.Channel, Dimension.Industry }, new[] { "SEO", (string?)null });
        var c = new SegmentKey(new[] { Dimension.Channel, Dimension.Industry }, new[] { "SEO", "教育" });
        Laws.CheckEqualityAndOrdering(a, b, c);
        Assert.True(a.CompareTo(c) < 0); // missing first
        Assert.Equal("SEO × (none)", a.Label);
        Assert.Equal("Channel=SEO, Industry=(none)", a.ToString());
        Assert.Equal("SEO", c.GetValue(Dimension.Channel));
        Assert.Throws<ArgumentException>(() => c.GetValue(Dimension.Owner));
        Assert.Throws<ArgumentException>(() => new SegmentKey(new[] { Dimension.Channel, Dimension.Channel }, new[] { "a", "b" }));
    }
}
