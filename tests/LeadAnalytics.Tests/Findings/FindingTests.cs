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

    /// <summary>Findings format numbers by the one formatter's rules (docs/formatting.md), as every table does: p-values with
    /// three decimals or "&lt; 0.001" (not "1.19E-07"), money grouped in whole units from 100 up (not "4560.00").</summary>
    [Fact]
    public void Findings_format_numbers_as_the_tables_do()
    {
        var args = new Dictionary<string, string> { ["value"] = "0.214", ["comparison"] = "0.11", ["n"] = "350", ["adjusted_p"] = "1.19E-07" };
        var above = new Finding(FindingKinds.ConversionAboveRest, FindingSeverity.Info, SegmentKey.Of(Dimension.Channel, "行业展会"), MetricIds.ConversionRate, 0.214, 0.11, "rest", null, args);
        Assert.Contains("(11.0%; Holm-adjusted p < 0.001, n = 350)", above.ToString(), StringComparison.Ordinal);
        Assert.Contains("Holm 校正 p < 0.001，n = 350", FindingTemplates.Format(above, FindingTemplates.Chinese), StringComparison.Ordinal);
        args["adjusted_p"] = "0.0104";
        var below = new Finding(FindingKinds.ConversionBelowRest, FindingSeverity.Warning, SegmentKey.Of(Dimension.Channel, "SEO"), MetricIds.ConversionRate, 0.083, 0.13, "rest", null, args);
        Assert.Contains("Holm-adjusted p = 0.010,", below.ToString(), StringComparison.Ordinal);

        var costly = new Finding(FindingKinds.HighConversionHighCostPerAcquisition, FindingSeverity.Warning, SegmentKey.Of(Dimension.Channel, "行业展会"), MetricIds.CostPerAcquisition, 4560, 2989.69,
            "rest", null, new Dictionary<string, string> { ["value"] = "4560.00", ["comparison"] = "2989.69", ["conversion"] = "0.214", ["rest_conversion"] = "0.11" });
        Assert.Contains("each customer costs 4,560 vs 2,990 for the rest", costly.ToString(), StringComparison.Ordinal);
        Assert.Equal("4560.00", costly.Arguments["value"]); // the argument stays the machine-readable amount
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
