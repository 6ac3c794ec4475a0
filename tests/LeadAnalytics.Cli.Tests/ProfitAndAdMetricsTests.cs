using System.Globalization;
using System.Text.Json;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>Issue 16: the metrics a segment summary computes reach the user where the data carries them: gross profit and
/// profit ROI with <c>--gross-margin</c> (in JSON, CSV, the table and the HTML report), and the ad metrics of costs with
/// impressions and clicks in the HTML report's channel table.</summary>
public class ProfitAndAdMetricsTests
{
    private static readonly string Leads = SampleData("leads.csv");
    private static readonly string Costs = SampleData("costs.csv");

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = Run(args.Concat(new[] { "--format", "json", "--as-of", "2024-01-15" }).ToArray());
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void Gross_margin_gives_gross_profit_and_profit_roi_by_their_formulas()
    {
        var json = Json("segments", "--leads", Leads, "--costs", Costs, "--gross-margin", "30%,行业展会=0.45");
        var checkedSegments = 0;
        foreach (var s in json.GetProperty("segments").EnumerateArray())
        {
            if (s.GetProperty("revenue").ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            // Gross profit = revenue × margin (the segment's own, else the default); profit ROI = (gross profit − spend) / spend.
            var margin = s.GetProperty("key").GetString() == "行业展会" ? 0.45m : 0.30m;
            var revenue = s.GetProperty("revenue").GetDecimal();
            var grossProfit = s.GetProperty("grossProfit").GetDecimal();
            Assert.Equal(revenue * margin, grossProfit);
            if (s.GetProperty("spend").ValueKind != JsonValueKind.Null && s.GetProperty("spend").GetDecimal() != 0m)
            {
                var spend = s.GetProperty("spend").GetDecimal();
                Assert.Equal((double)((grossProfit - spend) / spend), s.GetProperty("profitRoi").GetDouble(), 6);
            }

            checkedSegments++;
        }

        Assert.True(checkedSegments >= 3);

        // Without a margin they are undefined, as before.
        Assert.All(Json("segments", "--leads", Leads, "--costs", Costs).GetProperty("segments").EnumerateArray(),
            s => Assert.Equal(JsonValueKind.Null, s.GetProperty("grossProfit").ValueKind));

        // The CSV carries the same numbers; the table shows them with --metrics.
        var (_, csv, _) = Run("segments", "--leads", Leads, "--costs", Costs, "--gross-margin", "0.3", "--as-of", "2024-01-15", "--format", "csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var gp = Array.IndexOf(header, "grossProfit");
        var revenueColumn = Array.IndexOf(header, "revenue");
        Assert.Contains(lines.Skip(1), l => l.Split(',')[gp].Length > 0);
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')).Where(c => c[revenueColumn].Length > 0))
        {
            Assert.Equal(decimal.Parse(cells[revenueColumn], CultureInfo.InvariantCulture) * 0.3m, decimal.Parse(cells[gp], CultureInfo.InvariantCulture));
        }

        var (code, table, stderr) = Run("segments", "--leads", Leads, "--costs", Costs, "--gross-margin", "0.3", "--metrics", "gross_profit,profit_roi", "--as-of", "2024-01-15");
        Assert.True(code == 0, stderr);
        Assert.Contains("Gross profit", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("120%")]
    [InlineData("1.5")]
    [InlineData("0.3,0.4")]
    [InlineData("SEO=0.3,SEO=0.4")]
    [InlineData("=0.3")]
    public void A_malformed_gross_margin_is_a_usage_error(string margin)
    {
        var (code, _, stderr) = Run("segments", "--leads", Leads, "--gross-margin", margin);
        Assert.Equal(2, code);
        Assert.Contains("--gross-margin", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_shows_the_ad_metrics_the_costs_carry_and_profit_with_a_margin()
    {
        var page = Path.Combine(Path.GetTempPath(), $"ad-metrics-{Guid.NewGuid():N}.html");
        var plain = Path.Combine(Path.GetTempPath(), $"ad-metrics-plain-{Guid.NewGuid():N}.html");
        try
        {
            var (code, _, stderr) = Run("report", "--leads", Leads, "--costs", Costs, "--gross-margin", "30%", "--as-of", "2024-01-15", "--format", "html", "--out", page);
            Assert.True(code == 0, stderr);
            var html = File.ReadAllText(page);
            foreach (var heading in new[] { "<th>CTR</th>", "<th>CPC</th>", "<th>CPM</th>", "<th>Click-to-lead rate</th>", "<th>Gross profit</th>", "<th>Profit ROI</th>" })
            {
                Assert.Contains(heading, html, StringComparison.Ordinal);
            }

            // The SEO row: CTR = clicks / impressions and CPC = spend / clicks of its costs, printed by the one formatter.
            var seo = Json("segments", "--leads", Leads, "--costs", Costs).GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "SEO");
            var ctr = (double)seo.GetProperty("clicks").GetInt64() / seo.GetProperty("impressions").GetInt64();
            var cpc = seo.GetProperty("spend").GetDecimal() / seo.GetProperty("clicks").GetInt64();
            var row = html.Substring(html.IndexOf("<td>SEO</td>", StringComparison.Ordinal));
            row = row.Substring(0, row.IndexOf("</tr>", StringComparison.Ordinal));
            Assert.Contains("<td>" + Metrics.MetricFormatter.English.Percent(ctr) + "</td>", row, StringComparison.Ordinal);
            Assert.Contains("<td>" + Metrics.MetricFormatter.English.Money(cpc) + "</td>", row, StringComparison.Ordinal);

            // Without costs that carry them (the leads' own acquisition costs) and without a margin: no such columns.
            (code, _, stderr) = Run("report", "--leads", Leads, "--as-of", "2024-01-15", "--format", "html", "--out", plain);
            Assert.True(code == 0, stderr);
            var without = File.ReadAllText(plain);
            Assert.DoesNotContain("<th>CTR</th>", without, StringComparison.Ordinal);
            Assert.DoesNotContain("<th>Gross profit</th>", without, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(page);
            File.Delete(plain);
        }
    }
}
