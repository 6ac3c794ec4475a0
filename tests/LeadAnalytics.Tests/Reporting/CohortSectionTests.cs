using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Reporting;
using LeadAnalytics.Tests.Funnel;
using static LeadAnalytics.Tests.Funnel.CohortSegmentTests;

namespace LeadAnalytics.Tests.Reporting;

/// <summary>The report's cohort section (issue 20 item 1): conversion so far beside maturity and the projected conversion at W
/// with its interval, immature cohorts and cells marked, in English and Chinese, data escaped.</summary>
public class CohortSectionTests
{
    private static XElement Section(string html) => XDocument.Parse(html).Descendants("section").Single(s => (string?)s.Attribute("id") == "cohorts");

    private static string Html(LeadTable table, string language = "en") =>
        HtmlReportWriter.ToHtml(
            new HtmlReportInput(FunnelAnalyzer.Analyze(table, TwoChannelsAsOf, TwoChannelsOptions)) { Cohorts = TwoChannelCohorts(table) },
            new HtmlReportOptions { Language = language });

    private static List<XElement> Rows(XElement section, string table) =>
        section.Descendants("table").Single(t => (string?)t.Attribute("class") == table).Element("tbody")!.Elements("tr").ToList();

    [Fact]
    public void Cohort_rows_show_maturity_and_the_projection_and_mark_the_immature_one()
    {
        // CohortSegmentTests' two channels: January-March mature (12 of 40 won within 20 days), April 10 days old with 8 won
        // so far; all leads borrow from all leads: 0.2 + 0.4 × 24/48 = 0.3.
        var section = Section(Html(TwoChannels()));
        var rows = Rows(section, "cohort-table");
        Assert.Equal(4, rows.Count);
        var april = rows[3].Elements("td").Select(td => td.Value).ToList();
        Assert.Equal(new[] { "2023-04", "40", "8", "20.0% [10.5%, 34.8%]", "0.0%" }, april.Take(5));
        var projected = TwoChannelCohorts().Cohorts[3].Funnel.Maturity!;
        Assert.Equal(0.3, projected.ProjectedConversion!.Value, 12);
        static string Percent(double? p) => (p!.Value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        Assert.Equal($"30.0% [{Percent(projected.ProjectedLower)}, {Percent(projected.ProjectedUpper)}]", april[5]);
        Assert.Equal("◔ immature: projected, profile past 10.0 d borrowed", april[6]);
        Assert.Equal("immature", (string?)rows[3].Attribute("class"));
        Assert.All(rows.Take(3), r => Assert.Null(r.Attribute("class")));
        Assert.All(rows.Take(3), r => Assert.Equal(new[] { "40", "12", "30.0% [18.1%, 45.4%]", "100.0%" }, r.Elements("td").Skip(1).Take(4).Select(td => td.Value)));

        // The cells borrow from their own channel: A's April 0.4, B's 0.2, both marked.
        var cells = Rows(section, "cohort-cells");
        Assert.Equal(new[] { "A", "B" }, cells.Select(r => r.Elements("td").First().Value));
        var aprilA = cells[0].Elements("td").Last();
        Assert.StartsWith("◔ 40.0% [", aprilA.Value, StringComparison.Ordinal);
        Assert.Equal("immature", (string?)aprilA.Attribute("class"));
        Assert.StartsWith("◔ 20.0% [", cells[1].Elements("td").Last().Value, StringComparison.Ordinal);
        Assert.Equal("40.0% [", cells[0].Elements("td").ElementAt(1).Value.Substring(0, 7));
        Assert.Contains(section.Elements("p"), p => p.Value.StartsWith("1 of 4 cohorts (◔) have leads younger than 20 days", StringComparison.Ordinal));
        Assert.Contains(section.Elements("p"), p => p.Value.Contains("(immature cohorts projected): no significant trend (z = 0.00, p = 1.000)", StringComparison.Ordinal));
    }

    [Fact]
    public void In_Chinese_the_section_has_no_English_words()
    {
        var section = Section(Html(TwoChannels(), "zh-CN"));
        Assert.Equal("获客批次：相同时长下的转化率", section.Element("h2")!.Value);
        Assert.Contains("◔ 未成熟：预计值，10.0 天后借用较早批次曲线", Rows(section, "cohort-table")[3].Elements("td").Last().Value, StringComparison.Ordinal);
        // Only the test statistics' symbols (z, p) and the data's channel names (A, B) are Latin letters: no word of two.
        var text = string.Concat(section.DescendantNodes().OfType<XText>().Select(t => t.Value + " "));
        Assert.Empty(Regex.Matches(text, "[A-Za-z]{2,}").Select(m => m.Value));
    }

    [Fact]
    public void Names_from_the_data_are_escaped_text()
    {
        var html = Html(TwoChannels("<script>alert(1)</script>", "<img src=x onerror=alert(2)>"));
        var doc = XDocument.Parse(html);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "img");
        var names = Rows(Section(html), "cohort-cells").Select(r => r.Elements("td").First().Value).ToList();
        Assert.Equal(new[] { "<img src=x onerror=alert(2)>", "<script>alert(1)</script>" }, names);
    }

    [Fact]
    public void Without_cohorts_the_section_says_what_it_needs()
    {
        var table = TwoChannels();
        var section = Section(HtmlReportWriter.ToHtml(new HtmlReportInput(FunnelAnalyzer.Analyze(table, TwoChannelsAsOf))));
        Assert.Contains("HtmlReportInput.Cohorts", section.Element("p")!.Value, StringComparison.Ordinal);
    }
}
