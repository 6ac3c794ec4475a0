using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Metrics;

public class MetricFormatterTests
{
    private static readonly MetricFormatter En = MetricFormatter.English;

    [Fact]
    public void One_rule_per_kind()
    {
        Assert.Equal("–", En.Format(MetricCatalog.CostPerLead, null));
        Assert.Equal("12,345", En.Format(MetricCatalog.Leads, 12345));
        // 1,448.25% rounds half away from zero, as a decimal: the CLI and the report agree.
        Assert.Equal("1,448.3%", En.Format(MetricCatalog.Roi, 14.4825m));
        Assert.Equal("11.9%", En.Percent(0.119));
        Assert.Equal("0.1%", En.Percent(0.0005));
        Assert.Equal("1:15.5", En.Format(MetricCatalog.Roas, 15.46m));
        Assert.Equal("12,346", En.Format(MetricCatalog.Spend, 12345.5m));
        Assert.Equal("35.20", En.Format(MetricCatalog.CostPerThousandImpressions, 35.2m));
        Assert.Equal("0.85", En.Format(MetricCatalog.CostPerClick, 0.845m));
        Assert.Equal("396", En.Format(MetricCatalog.CostPerLead, 396.03960396039603960396039604m));
        // Click-to-lead is usually a small rate: two decimals printed 4 leads from 603 clicks as 0.01.
        Assert.Equal("0.7%", En.Format(MetricCatalog.ClickToLeadRate, 4.0 / 603));
        Assert.Equal("200.0%", En.Format(MetricCatalog.ClickToLeadRate, 2.0));
        Assert.Equal("12.3", En.Format(MetricCatalog.MedianCycleDays, 12.345));
        Assert.Equal("< 0.001", En.Format(MetricCatalog.AdjustedPValueVersusRest, 0.0004));
        Assert.Equal("0.042", En.PValue(0.0415));
        Assert.Equal("0.1235", En.Format(MetricCatalog.LogSurvivalStandardError, 0.123456));
        Assert.Equal("–", En.Format(MetricCatalog.MedianCycleDays, double.NaN));
        Assert.Equal("95", MetricFormatter.ConfidenceLevel(0.95));
        Assert.Equal("97.5", MetricFormatter.ConfidenceLevel(0.975)); // a forecast's 97.5% level was printed "98"
        Assert.Equal("90", MetricFormatter.ConfidenceLevel(0.9));
        Assert.Equal("2023-11-15", En.Date(new DateTimeOffset(2023, 11, 15, 0, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Rates_show_their_interval()
    {
        var rate = new Rate(75, 350);
        Assert.Equal($"21.4% [{En.Percent(rate.Lower)}, {En.Percent(rate.Upper)}]", En.Format(MetricCatalog.ConversionRate, rate));
        Assert.Equal("21.4%", En.Format(MetricCatalog.ConversionRate, rate, withInterval: false));
        Assert.Equal("–", En.RateWithInterval(new Rate(0, 0)));
    }

    [Fact]
    public void Chinese_changes_words_not_digits()
    {
        var zh = MetricFormatter.Chinese;
        Assert.Equal("单线索获客成本", zh.NameOf(MetricCatalog.CostPerLead));
        Assert.Equal("Cost per lead (CPL)", En.NameOf(MetricCatalog.CostPerLead));
        Assert.Equal("CPL", En.HeadingOf(MetricCatalog.CostPerLead));
        Assert.Equal("Median cycle (days)", En.HeadingOf(MetricCatalog.MedianCycleDays));
        Assert.Equal("Win rate", En.HeadingOf(MetricCatalog.WinRate));
        Assert.Equal("投入产出比", zh.HeadingOf(MetricCatalog.Roas));
        Assert.Equal("转化时长中位数（天）", zh.HeadingOf(MetricCatalog.MedianCycleDays));
        Assert.Equal(En.Format(MetricCatalog.Roi, 14.4825m), zh.Format(MetricCatalog.Roi, 14.4825m));
        Assert.Equal("合计", zh.Text("total"));
        Assert.Equal("Total", En.Text("total"));
        Assert.True(MetricFormatter.TryParseLanguage("zh-CN", out var language));
        Assert.Equal(DisplayLanguage.Chinese, language);
        Assert.False(MetricFormatter.TryParseLanguage("fr", out _));
    }

    [Fact]
    public void Every_shared_text_has_both_languages()
    {
        foreach (var key in DisplayText.Common.Keys)
        {
            var en = DisplayText.Common.Get(key, DisplayLanguage.English);
            var zh = DisplayText.Common.Get(key, DisplayLanguage.Chinese);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            Assert.NotEqual(en, zh);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("SEO", "SEO")]
    [InlineData("", "")]
    public void Formula_cells_get_a_leading_apostrophe(string cell, string expected) =>
        Assert.Equal(expected, OutputSafety.NeutraliseFormula(cell));

    [Fact]
    public void Control_characters_are_shown_escaped()
    {
        Assert.Equal("A\\x1B]0;title\\x07", OutputSafety.EscapeControls("A\u001b]0;title\u0007"));
        Assert.Equal("\\x1B[2J", OutputSafety.EscapeControls("\u001b[2J"));
        Assert.Equal("abc\\u202Efed", OutputSafety.EscapeControls("abc\u202Efed"));
        Assert.Equal("\\x7F\\x9B\\x00", OutputSafety.EscapeControls("\u007f\u009b\0"));
        const string plain = "抖音信息流 SEO";
        Assert.Same(plain, OutputSafety.EscapeControls(plain));
    }
}
