using System.Globalization;
using System.Text.Json;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Metrics;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>Every metric a result computes reaches the JSON, the CSV and the table; ad metrics equal their definitions on
/// the sample costs; text cells are safe for spreadsheets and terminals; --lang zh leaves no English words.</summary>
public class OutputContractTests
{
    private static readonly string Leads = SampleData("leads.csv");
    private static readonly string Costs = SampleData("costs.csv");

    private static (int Code, string Stdout, string Stderr) Segments(params string[] more) =>
        Run(new[] { "segments", "--leads", Leads, "--costs", Costs, "--by", "channel", "--as-of", "2024-01-15" }.Concat(more).ToArray());

    [Fact]
    public void Every_segment_metric_has_a_column_and_reaches_json_csv_and_the_table()
    {
        // The summary's metrics and its declared columns are the same set (the p-value is a column, not a summary metric).
        Assert.Empty(SegmentSummary.MetricIdsOfSegments.Except(SegmentSummaryColumns.All.Select(c => c.Metric.Id)));

        var (code, json, stderr) = Segments("--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(json);
        foreach (var segment in doc.RootElement.GetProperty("segments").EnumerateArray().Append(doc.RootElement.GetProperty("total")))
        {
            foreach (var column in SegmentSummaryColumns.All)
            {
                var element = segment;
                foreach (var part in column.JsonPath.Split('.'))
                {
                    if (element.ValueKind == JsonValueKind.Null)
                    {
                        break;
                    }

                    Assert.True(element.TryGetProperty(part, out element), $"JSON lacks {column.JsonPath} ({column.Metric.Id})");
                }
            }
        }

        var (_, csv, _) = Segments("--format", "csv");
        var header = csv.Split('\n')[0].Split(',');
        foreach (var column in SegmentSummaryColumns.All)
        {
            Assert.Contains(column.CsvName, header);
        }

        // The default table shows the default view; --metrics shows any other column by id or alias.
        var (_, table, _) = Segments();
        foreach (var id in SegmentSummaryColumns.All.DefaultView)
        {
            Assert.Contains(MetricFormatter.English.HeadingOf(MetricCatalog.Find(id)!), table, StringComparison.Ordinal);
        }

        var all = string.Join(",", SegmentSummaryColumns.All.Select(c => c.Metric.Id));
        var (wideCode, wide, wideErr) = Segments("--metrics", all);
        Assert.True(wideCode == 0, wideErr);
        foreach (var column in SegmentSummaryColumns.All)
        {
            Assert.Contains(MetricFormatter.English.HeadingOf(column.Metric), wide, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ad_metrics_equal_their_definitions_on_the_sample_costs()
    {
        var (code, json, stderr) = Segments("--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(json);
        var checkedSegments = 0;
        foreach (var s in doc.RootElement.GetProperty("segments").EnumerateArray())
        {
            if (s.GetProperty("clicks").ValueKind == JsonValueKind.Null || s.GetProperty("impressions").ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            // Every sample cost entry of a channel carries both or neither, so the paired and unpaired sums agree.
            var impressions = s.GetProperty("impressions").GetInt64();
            var clicks = s.GetProperty("clicks").GetInt64();
            var spend = s.GetProperty("spend").GetDecimal();
            var leads = s.GetProperty("leads").GetInt32();
            Assert.Equal((double)clicks / impressions, s.GetProperty("clickThroughRate").GetProperty("value").GetDouble(), 12);
            Assert.Equal(spend / clicks, s.GetProperty("costPerClick").GetDecimal(), 10);
            Assert.Equal(1000m * spend / impressions, s.GetProperty("costPerThousandImpressions").GetDecimal(), 10);
            Assert.Equal((double)leads / clicks, s.GetProperty("clickToLeadRate").GetDouble(), 12);
            checkedSegments++;
        }

        Assert.True(checkedSegments >= 2, "the sample costs carry impressions and clicks for some channels");

        // CSV: the same values, money at the currency's two decimals, never 28 digits.
        var (_, csv, _) = Segments("--format", "csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var cpc = Array.IndexOf(header, "costPerClick");
        var ctr = Array.IndexOf(header, "clickThroughRate");
        Assert.True(cpc > 0 && ctr > 0);
        Assert.Contains(lines.Skip(1), l => l.Split(',')[cpc].Length > 0 && l.Split(',')[ctr].Length > 0);
        var money = SegmentSummaryColumns.All.Where(c => c.Metric.Kind == MetricKind.Money).Select(c => Array.IndexOf(header, c.CsvName)).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            foreach (var i in money)
            {
                var dot = cells[i].IndexOf('.');
                Assert.True(dot < 0 || cells[i].Length - dot - 1 <= 2, header[i] + " = " + cells[i]);
            }

            // Decimal ratios (ROAS, ROI) at most six places; doubles in their shortest round-trip form.
            foreach (var cell in cells.Where(c => decimal.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                Assert.True(cell.Length <= 24, cell);
            }
        }

        var (_, table, _) = Segments("--metrics", "ctr,cpc,cpm,click_to_lead");
        foreach (var heading in new[] { "CTR", "CPC", "CPM", "Click-to-lead rate" })
        {
            Assert.Contains(heading, table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rank_by_and_metrics_accept_aliases_and_reject_unknown_names()
    {
        var (code, table, stderr) = Segments("--rank-by", "cac");
        Assert.True(code == 0, stderr);
        Assert.Contains("ranked by Cost per acquisition (CAC)", table, StringComparison.Ordinal);
        var (bad, _, err) = Segments("--metrics", "nope");
        Assert.Equal(2, bad);
        Assert.Contains("'nope' is not a segment metric", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_cells_that_look_like_formulas_are_neutralised_unless_turned_off()
    {
        using var leads = new TempFile(
            "lead_id,lead_name,channel,acquired_at,won_at,deal_amount\n" +
            "A1,x,\"=HYPERLINK(\"\"http://x\"\")\",2023-10-01,2023-10-05,100\n" +
            "A2,y,+cmd|' /C calc'!A0,2023-10-02,,\n" +
            "A3,z,-2,2023-10-03,,\n" +
            "A4,w,@SUM(A1),2023-10-03,,\n");
        var (code, csv, stderr) = Run("segments", "--leads", leads.Path, "--by", "channel", "--as-of", "2024-01-15", "--format", "csv");
        Assert.True(code == 0, stderr);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("'+cmd|' /C calc'!A0", csv, StringComparison.Ordinal);
        Assert.Contains("'-2,", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", csv, StringComparison.Ordinal);
        // Numbers are never touched: a negative ROI stays a number.
        Assert.DoesNotContain(",'-1", csv, StringComparison.Ordinal);

        var (_, raw, _) = Run("segments", "--leads", leads.Path, "--by", "channel", "--as-of", "2024-01-15", "--format", "csv", "--csv-formulas", "keep");
        Assert.Contains("\"=HYPERLINK(\"\"http://x\"\")\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_the_data_are_escaped_in_tables_and_warnings()
    {
        const string osc = "\u001b]0;pwned\u0007";
        using var leads = new TempFile(
            "lead_id,channel,acquired_at\n" +
            "A\u001b]0;pwned\u0007,SEO\u001b[2J\u202E,2023-10-01\n" +
            "B,SEO,bad\u001b]0;pwned\u0007date\n");
        var (code, table, stderr) = Run("segments", "--leads", leads.Path, "--by", "channel", "--as-of", "2024-01-15");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain('\u001b', table);
        Assert.DoesNotContain('\u202E', table);
        // Labels are normalised at import (control and invisible characters removed, docs/csv-format.md), so the channel
        // arrives as "SEO[2J"; what matters here is that no escape reaches the terminal.
        Assert.Contains("SEO[2J", table, StringComparison.Ordinal);
        Assert.DoesNotContain(osc, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stderr);

        // A failure message quoting the data is escaped too.
        using var broken = new TempFile("lead_id,channel,acquired_at\nX\u001b]0;t\u0007,SEO,2023-13-45\n");
        var (_, _, err) = Run("segments", "--leads", broken.Path, "--by", "channel", "--as-of", "2024-01-15", "--strict");
        Assert.DoesNotContain('\u001b', err);
        Assert.DoesNotContain('\u0007', err);
    }

    [Fact]
    public void Lang_zh_writes_the_segments_table_in_chinese()
    {
        var (code, table, stderr) = Segments("--lang", "zh", "--metrics", "ctr");
        Assert.True(code == 0, stderr);
        foreach (var id in SegmentSummaryColumns.All.DefaultView.Append(MetricIds.ClickThroughRate))
        {
            Assert.Contains(MetricFormatter.Chinese.HeadingOf(MetricCatalog.Find(id)!), table, StringComparison.Ordinal);
        }

        Assert.Contains("合计", table, StringComparison.Ordinal);
        foreach (var english in new[] { "Segments by", "Total", "Leads", "Conversion", "ranked by", "Warning", "Note:", "costs from", "significantly" })
        {
            Assert.DoesNotContain(english, table, StringComparison.Ordinal);
        }

        var (bad, _, err) = Segments("--lang", "fr");
        Assert.Equal(2, bad);
        Assert.Contains("--lang", err, StringComparison.Ordinal);
    }

    /// <summary>The report's table output in Chinese: its section headings and the data-quality, loss-reason and
    /// forecast words are Chinese, not English with Chinese findings mixed in (issue 17).</summary>
    [Fact]
    public void Lang_zh_writes_the_report_sections_in_chinese()
    {
        var (code, table, stderr) = Run("report", "--leads", Leads, "--costs", Costs, "--as-of", "2024-01-15", "--lang", "zh");
        Assert.True(code == 0, stderr);
        foreach (var chinese in new[] { "数据质量", "转化漏斗，截至", "按来源渠道的转化漏斗", "流失原因，截至", "按流失时所在阶段", "需求确认", "未提供 --touchpoints 文件", "读取 3,000 行" })
        {
            Assert.Contains(chinese, table, StringComparison.Ordinal);
        }

        foreach (var english in new[] { "Data quality", "Funnel as of", "Loss reasons", "Overall (Pareto)", "Optimisation actions", "rows read", "By channel", "NeedsConfirmed", "Cycle time as of", "Log-rank test" })
        {
            Assert.DoesNotContain(english, table, StringComparison.Ordinal);
        }

        var (forecastCode, forecast, forecastErr) = Run("forecast", "--leads", Leads, "--as-of", "2024-01-15", "--lang", "zh");
        Assert.True(forecastCode == 0, forecastErr);
        Assert.Contains("在途线索预测，截至", forecast, StringComparison.Ordinal);
        Assert.Contains("合计", forecast, StringComparison.Ordinal);
        Assert.DoesNotContain("Pipeline forecast", forecast, StringComparison.Ordinal);
    }

    /// <summary>Every data-quality rule has its name in both languages in the tool's vocabulary (the English is the name
    /// the JSON and CSV write), so `validate --lang zh` never falls back to an English rule name.</summary>
    [Fact]
    public void Every_data_quality_rule_has_a_chinese_name()
    {
        foreach (var rule in Enum.GetValues<LeadAnalytics.Quality.DataQualityRule>())
        {
            Assert.True(LeadAnalytics.Cli.Rendering.CliText.Table.Contains("rule." + rule), $"no text for {rule}");
            Assert.Equal(rule.ToString(), LeadAnalytics.Cli.Rendering.CliText.Table.Get("rule." + rule, DisplayLanguage.English));
            Assert.NotEqual(rule.ToString(), LeadAnalytics.Cli.Rendering.CliText.Table.Get("rule." + rule, DisplayLanguage.Chinese));
        }

        var (code, table, stderr) = Run("validate", "--leads", Leads, "--as-of", "2024-01-15", "--lang", "zh");
        Assert.True(code == 0, stderr);
        Assert.Contains("停滞线索", table, StringComparison.Ordinal);
        Assert.DoesNotContain("StaleLead", table, StringComparison.Ordinal);
    }

    /// <summary>With --lang zh the description of every row fault is Chinese (the rule's sentence with the column as written,
    /// the value and the lead), in validate's table, in the warning on stderr and in --strict's failure; JSON keeps the
    /// library's English message.</summary>
    [Fact]
    public void Row_faults_are_described_in_chinese()
    {
        using var file = new TempFile(
            "lead_id,channel,acquired_at,won_at,deal_amount,currency\n" +
            "A,SEO,2023-10-01,,,\n" +
            "A,SEO,2023-10-02,,,\n" +
            "B,SEO,2203-10-01 10:00,,,\n" +
            "C,SEO,2023-10-03,2023-10-09,\"92,233,720,368,547,759\",\n" +
            "D,SEO,2023-10-04,,,XYZ\n" +
            ",SEO,2023-10-05,,,\n" +
            "E,SEO,2023-10-06,tomorrow,,\n");
        var name = Path.GetFileName(file.Path);

        var (code, table, stderr) = Run("validate", "--leads", file.Path, "--as-of", "2024-01-15", "--lang", "zh");
        Assert.True(code == 0, stderr);
        Assert.Contains("编号 'A' 被多条线索使用。", table, StringComparison.Ordinal);
        Assert.Contains("acquired_at：'2203-10-01 10:00' 不是可读取的日期", table, StringComparison.Ordinal);
        Assert.Contains("deal_amount：'92,233,720,368,547,759' 不是可读取的金额", table, StringComparison.Ordinal);
        Assert.Contains("currency：'XYZ' 不是 ISO 4217 币种代码。", table, StringComparison.Ordinal);
        Assert.Contains("必填字段 lead_id 为空。", table, StringComparison.Ordinal);
        Assert.Contains("won_at：'tomorrow' 不是可读取的日期", table, StringComparison.Ordinal);
        Assert.Contains($"{name}（线索表）：读取 7 行，接受 1 行，拒绝 6 行。", table, StringComparison.Ordinal);
        foreach (var english in new[] { "already used", "is not a date", "not an ISO 4217", "needs a non-empty id", "(leads)", "larger than" })
        {
            Assert.DoesNotContain(english, table, StringComparison.Ordinal);
        }

        var (funnelCode, _, warning) = Run("funnel", "--leads", file.Path, "--as-of", "2024-01-15", "--lang", "zh");
        Assert.Equal(0, funnelCode);
        Assert.Contains($"{name}：读取 7 行，拒绝 6 行，其余照常分析（第一个：{name}(3) lead_id：错误 重复编号 [A]：编号 'A' 被多条线索使用。）", warning, StringComparison.Ordinal);

        var (strictCode, _, failure) = Run("funnel", "--leads", file.Path, "--as-of", "2024-01-15", "--lang", "zh", "--strict");
        Assert.Equal(1, strictCode);
        Assert.Contains($"（{name} 中有 6 个错误；--strict）", failure, StringComparison.Ordinal);

        var (jsonCode, json, _) = Run("validate", "--leads", file.Path, "--as-of", "2024-01-15", "--lang", "zh", "--format", "json");
        Assert.Equal(0, jsonCode);
        Assert.Contains("was already used at line 2", json, StringComparison.Ordinal);
    }

    /// <summary>The attribution, loss-reason, actions and forecast tables in Chinese: model names, the stale leads' reason,
    /// test names and stage names come from the shared vocabulary, not the option names or codes.</summary>
    [Fact]
    public void Attribution_loss_reasons_actions_and_forecast_tables_are_chinese()
    {
        var (code, attribution, stderr) = Run("attribution", "--leads", Leads, "--touchpoints", SampleData("touchpoints.csv"), "--model", "all", "--lang", "zh");
        Assert.True(code == 0, stderr);
        foreach (var chinese in new[] { "归因转化数", "归因价值（CNY）", "首次触点", "末次非直接触点", "位置加权（40/20/40）", "马尔可夫链", "马尔可夫移除效应", "直接渠道（末次非直接触点模型跳过；--direct-channels）：直接访问、" })
        {
            Assert.Contains(chinese, attribution, StringComparison.Ordinal);
        }

        foreach (var english in new[] { "Credited", "Channel", "last-non-direct │", "time-decay", "journeys" })
        {
            Assert.DoesNotContain(english, attribution, StringComparison.Ordinal);
        }

        var (lossCode, loss, lossErr) = Run("loss-reasons", "--leads", Leads, "--lang", "zh");
        Assert.True(lossCode == 0, lossErr);
        Assert.Contains("（停滞）", loss, StringComparison.Ordinal);
        Assert.DoesNotContain("(stale)", loss, StringComparison.Ordinal);

        // 20 leads lost at Contacted, 15 of them for price: a dominant reason both by stage and by channel.
        var rows = string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"L{i},SEO,2023-10-01,2023-10-02,2023-10-05,{(i <= 15 ? "价格" : "时机")}\n"));
        using (var lost = new TempFile("lead_id,channel,acquired_at,contacted_at,lost_at,loss_reason\n" + rows))
        {
            var (dominantCode, dominant, dominantErr) = Run("loss-reasons", "--leads", lost.Path, "--by", "channel", "--as-of", "2023-11-01", "--lang", "zh");
            Assert.True(dominantCode == 0, dominantErr);
            Assert.Contains("主导原因：阶段 初次接触 的 20 条流失中，价格 占 15 条", dominant, StringComparison.Ordinal);
            Assert.Contains("主导原因：来源渠道 SEO 的 20 条流失中，价格 占 15 条", dominant, StringComparison.Ordinal);
        }

        var (actionsCode, actions, actionsErr) = Run("actions", "--leads", Leads, "--actions", SampleData("actions.csv"), "--lang", "zh");
        Assert.True(actionsCode == 0, actionsErr);
        Assert.Contains("双比例 z 检验", actions, StringComparison.Ordinal);
        Assert.DoesNotContain("two-proportion", actions, StringComparison.Ordinal);

        var (forecastCode, forecast, forecastErr) = Run("forecast", "--leads", Leads, "--lang", "zh");
        Assert.True(forecastCode == 0, forecastErr);
        Assert.Contains("│ 初次接触", forecast, StringComparison.Ordinal);
        Assert.DoesNotContain("Contacted", forecast, StringComparison.Ordinal);
    }
}
