using System.Globalization;
using System.Xml.Linq;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Tests.Reporting;

public class SvgBuilderTests
{
    [Fact]
    public void Text_and_attributes_are_escaped_and_read_back_unchanged()
    {
        const string nasty = "<script>alert('x')</script> & \"quoted\" 线索";
        var svg = new SvgBuilder(100, 50, nasty, "test");
        svg.Text(1, 2, nasty, ("data-label", nasty));
        var root = ReportingTestData.Parse(svg.Build());

        var text = root.Descendants(ReportingTestData.Svg + "text").Single();
        Assert.Equal(nasty, text.Value);
        Assert.Equal(nasty, text.S("data-label"));
        Assert.Equal(nasty, root.Element(ReportingTestData.Svg + "title")!.Value);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
    }

    [Fact]
    public void Control_characters_cannot_break_the_document()
    {
        var svg = new SvgBuilder(10, 10, "a\u0001b", "test");
        var root = ReportingTestData.Parse(svg.Build());
        Assert.Equal("a\uFFFDb", root.Element(ReportingTestData.Svg + "title")!.Value);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.001, "0")]
    [InlineData(12.345, "12.35")]
    [InlineData(-3.5, "-3.5")]
    [InlineData(1234567.0, "1234567")]
    [InlineData(0.000001, "0")]
    public void Numbers_are_invariant_with_at_most_two_decimals(double value, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A German culture would write "12,35": the builder must not care.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(expected, SvgBuilder.Number(value));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Non_finite_coordinates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgBuilder.Number(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgBuilder.Number(double.PositiveInfinity));
    }

    [Fact]
    public void The_root_declares_size_viewbox_and_a_cjk_font_stack()
    {
        var root = ReportingTestData.Parse(new SvgBuilder(640, 200.5, "t", "k").Build());
        Assert.Equal("640", root.S("width"));
        Assert.Equal("0 0 640 200.5", root.S("viewBox"));
        Assert.Contains("Noto Sans CJK SC", root.S("font-family"), StringComparison.Ordinal);
        Assert.Contains("Microsoft YaHei", root.S("font-family"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.87, 5, 1.0)]
    [InlineData(0, 243, 6, 250)]
    [InlineData(0, 0.213, 5, 0.25)]
    [InlineData(0, 1000, 5, 1000)]
    public void Axis_maxima_are_round(double min, double max, int count, double expected)
    {
        Assert.Equal(expected, LinearScale.NiceMax(max - min, count), 10);
    }

    [Fact]
    public void Ticks_are_round_and_cover_the_domain()
    {
        Assert.Equal(new[] { 0.0, 0.1, 0.2, 0.3 }, new LinearScale(0, 0.3, 0, 100).Ticks(5));
        Assert.Equal(new[] { 0.0, 50, 100, 150, 200, 250 }, new LinearScale(0, 250, 0, 100).Ticks(6));
    }

    [Fact]
    public void Long_labels_are_cut_with_an_ellipsis_and_short_ones_kept()
    {
        Assert.Equal("SEO", TextMetrics.Fit("SEO", 12, 100));
        var cut = TextMetrics.Fit("抖音信息流-教育行业广告-第二季度投放计划", 12, 80);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.True(TextMetrics.Width(cut, 12) <= 80);
        // East Asian characters are wider than Latin ones.
        Assert.True(TextMetrics.Width("需求不匹配", 12) > TextMetrics.Width("abcde", 12));
        _ = XNamespace.None;
    }
}
