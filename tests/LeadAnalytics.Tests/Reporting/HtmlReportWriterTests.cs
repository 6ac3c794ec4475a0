using System.Text;
using System.Xml.Linq;
using LeadAnalytics.Attribution;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Reporting;
using static LeadAnalytics.Tests.Reporting.ReportingTestData;

namespace LeadAnalytics.Tests.Reporting;

public class HtmlReportWriterTests
{
    private static readonly Lazy<string> Full = new(() => HtmlReportWriter.ToHtml(FullInput(TemplateLeads()), new HtmlReportOptions { Title = "季度报告 <Q4> & more" }));

    private static HtmlReportInput FullInput(IReadOnlyList<Lead> leads)
    {
        var touchpoints = leads.Where(l => l.Outcome == Outcome.Won).Select(l => new Touchpoint(l.Id, l.AcquiredAt.AddDays(-1), "SEO")).ToList();
        return HtmlReportInput.FromTable(LeadTable.Build(leads), AsOf, AttributionJourneys.FromLeads(leads, touchpoints), TemplateCosts(), ChartTests.TemplateActions());
    }

    private static XDocument Document(string html) => XDocument.Parse(html);

    private static IEnumerable<XElement> Html(XDocument doc, string name) => doc.Descendants(name);

    [Fact]
    public void The_page_is_well_formed_utf8_without_script_or_external_resources()
    {
        var html = Full.Value;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var doc = Document(html);
        Assert.Equal("utf-8", Html(doc, "meta").First().Attribute("charset")!.Value);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object");
        // No attribute may point outside the file (only the SVG namespace names a URL).
        var urls = doc.Descendants().Attributes().Where(a => !a.IsNamespaceDeclaration && a.Value.Contains("//", StringComparison.Ordinal)).ToList();
        Assert.Empty(urls);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.Contains("Noto Sans CJK SC", Html(doc, "style").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_section_is_there_with_its_chart()
    {
        var doc = Document(Full.Value);
        var sections = Html(doc, "section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.Equal(new[] { "summary", "channels", "funnel", "cohorts", "cycle-time", "attribution", "loss-reasons", "actions" }, sections);
        var charts = doc.Descendants(Svg + "svg").Select(s => s.Attribute("class")!.Value).ToList();
        Assert.Equal(
            new[] { "la-chart conversion-chart", "la-chart value-chart", "la-chart funnel-chart", "la-chart cif-segments-chart", "la-chart cif-chart", "la-chart attribution-chart", "la-chart pareto-chart", "la-chart action-chart" },
            charts);
    }

    [Fact]
    public void Text_from_the_data_and_the_options_is_escaped()
    {
        var leads = TemplateLeads().Select((l, i) => i % 3 == 0 ? Rename(l, "<img src=x onerror=alert(1)>") : l).ToList();
        var html = HtmlReportWriter.ToHtml(FullInput(leads), new HtmlReportOptions { Title = "</title><script>x</script>" });
        var doc = Document(html);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "img");
        Assert.Equal("</title><script>x</script>", Html(doc, "title").Single().Value);
        Assert.Contains(Html(doc, "td"), td => td.Value == "<img src=x onerror=alert(1)>");
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "<img src=x onerror=alert(1)>");
    }

    [Fact]
    public void Chinese_text_is_written_as_characters()
    {
        var html = Full.Value;
        Assert.Contains("抖音信息流", html, StringComparison.Ordinal);
        Assert.Contains("需求不匹配", html, StringComparison.Ordinal);
        Assert.Contains("<h1>季度报告 &lt;Q4&gt; &amp; more</h1>", html, StringComparison.Ordinal);
        var bytes = new UTF8Encoding(false).GetBytes(html);
        Assert.Equal(html, new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public void The_tables_show_the_engine_numbers()
    {
        var doc = Document(Full.Value);
        var channelRows = Html(doc, "table").First(t => (string?)t.Attribute("class") == "channel-table").Descendants("tr").Skip(1)
            .Select(tr => tr.Elements("td").Select(td => td.Value).ToList()).ToList();
        var all = channelRows.Single(r => r[0] == "All leads");
        // 90,000 spent on 1,000 leads, 243 won; deals: 81 each of 20,000, 30,000 and 10,000 (lead number 757..999 modulo 3).
        // Wilson 95% for 243/1000 is [0.2174, 0.2705] (statsmodels proportion_confint, method="wilson").
        Assert.Equal(new[] { "All leads", "1,000", "243", "24.3% [21.7%, 27.1%]", "90,000", "90.00", "370", "4,860,000", "1:54.0" }, all);
        Assert.Equal(4, channelRows.Count);
        Assert.Equal("–", channelRows.Single(r => r[0] == "抖音信息流")[6]);

        var funnelRows = Html(doc, "table").Single(t => (string?)t.Attribute("class") == "funnel-table").Descendants("tr").Skip(1).ToList();
        Assert.Equal(5, funnelRows.Count);
        Assert.Equal(new[] { "Contacted → Needs confirmed", "900", "540", "360", "0", "0", "40.0% [36.8%, 43.2%]" },
            funnelRows[1].Elements("td").Take(7).Select(td => td.Value));

        var cards = Html(doc, "div").Where(d => ((string?)d.Attribute("class"))?.StartsWith("card", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(cards, c => c.Value.Contains("Bottleneck", StringComparison.Ordinal) && c.Value.Contains("40.0% drop-off", StringComparison.Ordinal));
    }

    [Fact]
    public void The_action_table_shows_targets_values_and_statuses()
    {
        var doc = Document(Full.Value);
        var rows = Html(doc, "table").Single(t => (string?)t.Attribute("class") == "action-table").Descendants("tr").Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        var a1 = rows[0].Elements("td").ToList();
        // Due T0 + 30 days = 2023-11-01 09:00: still that day (only a midnight due, the CSV's "end of the day", shows the day before).
        Assert.Equal(new[] { "A1 SPIN <training> & coaching", "需求确认阶段流失率偏高", "销售总监", "2023-11-01", "dropoff(NeedsConfirmed) <= 25%", "50%", "40%", "900" },
            a1.Take(8).Select(td => td.Value));
        Assert.Equal("Missed", a1[9].Value);
        Assert.Equal("status status-missed", (string?)a1[9].Attribute("class"));
        Assert.Equal("Achieved", rows[1].Elements("td").Last().Value);
    }

    [Fact]
    public void Without_effectiveness_the_channel_table_comes_from_the_funnels()
    {
        var table = TemplateTable();
        var input = new HtmlReportInput(FunnelAnalyzer.Analyze(table, AsOf)) { Segments = FunnelAnalyzer.AnalyzeBy(table, AsOf, Dimension.Channel) };
        var doc = Document(HtmlReportWriter.ToHtml(input));
        var all = Html(doc, "table").First(t => (string?)t.Attribute("class") == "channel-table").Descendants("tr")
            .Select(tr => tr.Elements("td").Select(td => td.Value).ToList()).Single(r => r.Count > 0 && r[0] == "All leads");
        Assert.Equal(new[] { "All leads", "1,000", "243", "24.3% [21.7%, 27.1%]", "24.3%", "Contacted → Needs confirmed (40.0%)", "–" }, all);
        Assert.Contains(Html(doc, "p"), p => p.Value.Contains("HtmlReportInput.Effectiveness", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Descendants(Svg + "svg"), e => e.Attribute("class")!.Value.Contains("value-chart", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_list_the_largest_segments_and_sum_the_others_in_one_row_saying_so()
    {
        var input = FullInput(TemplateLeads());
        var segments = input.Effectiveness!.Segments;
        Assert.True(segments.Count >= 2);
        var max = segments.Count - 1; // one segment folded at least
        var doc = Document(HtmlReportWriter.ToHtml(input, new HtmlReportOptions { MaxTableSegments = max }));
        foreach (var (table, section) in new[] { ("channel-table", "channels"), ("time-table", "cycle-time") })
        {
            var rows = Html(doc, "table").First(t => (string?)t.Attribute("class") == table).Descendants("tr").Skip(1)
                .Select(tr => tr.Elements("td").Select(td => td.Value).ToList()).ToList();
            Assert.Equal(max + 2, rows.Count); // the largest segments, (other), all leads
            static long Count(string text) => long.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            var largest = segments.OrderByDescending(x => x.Leads).ThenBy(x => x.Label, StringComparer.Ordinal).Take(max).ToList();
            Assert.Equal(largest.Select(x => x.Label).OrderBy(x => x, StringComparer.Ordinal), rows.Take(max).Select(r => r[0]).OrderBy(x => x, StringComparer.Ordinal));
            var other = rows[max];
            Assert.Equal("(other)", other[0]);

            // Conservation: the shown rows and (other) add up to all leads and all won; (other) is exactly the folded segments.
            var folded = segments.Where(x => !largest.Contains(x)).ToList();
            Assert.Equal(folded.Sum(x => (long)x.Leads), Count(other[1]));
            Assert.Equal(folded.Sum(x => (long)x.Won), Count(other[2]));
            Assert.Equal(Count(rows[max + 1][1]), rows.Take(max + 1).Sum(r => Count(r[1])));
            Assert.Equal(Count(rows[max + 1][2]), rows.Take(max + 1).Sum(r => Count(r[2])));
            var note = Html(doc, "section").Single(x => (string?)x.Attribute("id") == section).Descendants("p")
                .Single(p => p.Value.StartsWith($"The {max} largest of", StringComparison.Ordinal)).Value;
            Assert.Equal($"The {max} largest of {segments.Count} channels by leads are listed; the other {folded.Count} ({folded.Sum(x => x.Leads).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} leads) are summed in \"(other)\" (counts, money and the share won only). Every segment is in the JSON output.", note);
        }

        // The default (20) lists every segment of the template data: no (other) row, no note.
        Assert.DoesNotContain("(other)", Full.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_results_become_notes_not_errors()
    {
        var funnel = FunnelAnalyzer.Analyze(TemplateTable(), AsOf);
        var doc = Document(HtmlReportWriter.ToHtml(new HtmlReportInput(funnel)));
        var notes = Html(doc, "p").Where(p => (string?)p.Attribute("class") == "note").Select(p => p.Value).ToList();
        Assert.Contains(notes, n => n.Contains("HtmlReportInput.Segments", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("HtmlReportInput.CycleTime", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("HtmlReportInput.Attribution", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("HtmlReportInput.LossReasons", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("HtmlReportInput.Actions", StringComparison.Ordinal));
        Assert.Single(doc.Descendants(Svg + "svg")); // the funnel alone
    }

    [Fact]
    public void The_footer_links_to_nothing_and_cites_no_repository_file()
    {
        var footer = Html(Document(Full.Value), "footer").Single().Value;
        Assert.DoesNotContain("docs/", footer, StringComparison.Ordinal);
        Assert.DoesNotContain(".md", footer, StringComparison.Ordinal);
        Assert.Empty(Html(Document(Full.Value), "a"));
    }

    [Fact]
    public void By_default_the_won_curves_are_cumulative_incidence_and_level_off_at_the_share_won()
    {
        var input = FullInput(TemplateLeads());
        var doc = Document(HtmlReportWriter.ToHtml(input));
        var chart = doc.Descendants(Svg + "svg").Single(s => s.Attribute("class")!.Value.Contains("cif-segments-chart", StringComparison.Ordinal));
        // The legend gives each segment's share won by its last observation: the Aalen-Johansen estimate, which with every
        // lead resolved or censored after its outcome is won / leads of the segment (not 1 - Kaplan-Meier).
        foreach (var segment in input.CycleTime!.Segments)
        {
            var won = segment.CompetingRisks.IncidenceAt(LeadAnalytics.CycleTime.CycleTimeResult.WonCause, double.MaxValue);
            Assert.Contains(chart.Descendants(Svg + "text"), t => t.Value.StartsWith(segment.Label + " (", StringComparison.Ordinal) &&
                t.Value.Contains($"{won * 100:F1}% won", StringComparison.Ordinal));
        }

        var km = HtmlReportWriter.ToHtml(input, new HtmlReportOptions { WonCurve = WonCurve.KaplanMeier });
        Assert.Contains("km-chart", km, StringComparison.Ordinal);
        Assert.Contains("Read it as a speed, not as a share", km, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_sections_say_why_instead_of_drawing_empty_axes()
    {
        // Leads that are never lost: no loss reason to rank, so no Pareto chart (Olist drew one with a 0-1 axis).
        var leads = TemplateLeads().Where(l => l.Outcome != Outcome.Lost).ToList();
        var table = LeadTable.Build(leads);
        var input = HtmlReportInput.FromTable(table, AsOf);
        var doc = Document(HtmlReportWriter.ToHtml(input));
        Assert.DoesNotContain(doc.Descendants(Svg + "svg"), s => s.Attribute("class")!.Value.Contains("pareto-chart", StringComparison.Ordinal));
        var section = Html(doc, "section").Single(s => (string?)s.Attribute("id") == "loss-reasons");
        Assert.Contains("No lead was lost in the data", section.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legend_says_when_it_shows_the_largest_segments_only()
    {
        var input = FullInput(TemplateLeads());
        var html = HtmlReportWriter.ToHtml(input, new HtmlReportOptions { Charts = new ChartOptions { MaxSegments = 2 } });
        Assert.Contains("The 2 largest of 3 segments are drawn.", html, StringComparison.Ordinal);
        Assert.Contains("The 2 largest of 3 channels are drawn.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("largest of", HtmlReportWriter.ToHtml(input), StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_sit_in_boxes_that_scroll_rather_than_overflow_their_card()
    {
        var doc = Document(Full.Value);
        Assert.All(Html(doc, "table"), t => Assert.Equal("table-wrap", (string?)t.Parent!.Attribute("class")));
        Assert.Contains(".table-wrap{overflow-x:auto", Full.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Chinese_report_has_Chinese_headings_captions_headers_stages_models_and_statuses()
    {
        var html = HtmlReportWriter.ToHtml(FullInput(TemplateLeads()), new HtmlReportOptions { Language = "zh-CN" });
        var doc = Document(html);
        Assert.Equal("zh-CN", (string?)doc.Root!.Attribute("lang"));
        Assert.Equal("线索转化报告", Html(doc, "h1").Single().Value);
        Assert.Equal(new[] { "渠道", "漏斗", "获客批次：相同时长下的转化率", "转化时长", "成交归因", "线索流失原因", "优化行动" }, Html(doc, "h2").Select(h => h.Value));
        var channelHeader = Html(doc, "table").First(t => (string?)t.Attribute("class") == "channel-table").Descendants("th").Select(th => th.Value).ToList();
        Assert.Equal(new[] { "来源渠道", "线索量", "成交线索数", "转化率［95% 置信区间］", "策略成本（CNY）", "单线索获客成本", "单客户获客成本", "成交金额（CNY）", "投入产出比" }, channelHeader);
        var funnelRows = Html(doc, "table").Single(t => (string?)t.Attribute("class") == "funnel-table").Descendants("tr").Skip(1).ToList();
        Assert.Equal("初次接触 → 需求确认", funnelRows[1].Elements("td").First().Value);
        Assert.Contains("全部线索", Html(doc, "td").Select(td => td.Value));
        Assert.Contains(Html(doc, "th"), th => th.Value == "首次触点");
        Assert.Contains(Html(doc, "td"), td => td.Value == "未达成");
        // Every heading, caption and header is Chinese: no English word of the report's own text is left.
        var own = Html(doc, "h2").Concat(Html(doc, "h3")).Concat(Html(doc, "th")).Concat(Html(doc, "figcaption")).Select(e => e.Value);
        foreach (var text in own)
        {
            Assert.DoesNotMatch(@"\b(?:the|of|leads|won|lost|conversion|drop-off|days|median|step|channel|segment)\b", text);
        }

        // Dates by the one formatter's rule, ISO 8601 in both languages (GB/T 7408; docs/formatting.md), as the tool prints them.
        Assert.Contains("2023-11-01", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2023年", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_deterministic_and_written_to_the_writer()
    {
        var input = FullInput(TemplateLeads());
        var writer = new StringWriter();
        HtmlReportWriter.Write(writer, input);
        Assert.Equal(HtmlReportWriter.ToHtml(input), writer.ToString());
        Assert.Equal(HtmlReportWriter.ToHtml(input), HtmlReportWriter.ToHtml(FullInput(TemplateLeads().Reverse().ToList())));
        Assert.DoesNotContain("+", Html(Document(writer.ToString()), "meta").Single(m => (string?)m.Attribute("name") == "generator").Attribute("content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => HtmlReportWriter.ToHtml(null!));
        Assert.Throws<ArgumentNullException>(() => HtmlReportWriter.Write(null!, new HtmlReportInput(FunnelAnalyzer.Analyze(TemplateTable(), AsOf))));
        Assert.Throws<ArgumentNullException>(() => new HtmlReportInput(null!));
        Assert.Throws<ArgumentNullException>(() => SvgCharts.Funnel(null!));
    }

    private static Lead Rename(Lead lead, string channel)
    {
        var b = new LeadBuilder
        {
            Id = lead.Id, Channel = channel, AcquiredAt = lead.AcquiredAt, WonAt = lead.WonAt, LostAt = lead.LostAt, LossReason = lead.LossReason,
        };
        foreach (var stage in new[] { Pipeline.Contacted, Pipeline.NeedsConfirmed, Pipeline.ProposalSent, Pipeline.Negotiation })
        {
            b.SetStageTime(stage, lead.GetStageTime(stage));
        }

        return b.Build();
    }
}
