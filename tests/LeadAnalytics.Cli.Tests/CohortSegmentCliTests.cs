using System.Text.Json;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary><c>funnel --cohort PERIOD --by DIMENSION</c>: cohorts within each segment, with maturity and projected conversion
/// per cell (issue 20 item 1).</summary>
public class CohortSegmentCliTests
{
    private static readonly string[] Args = { "funnel", "--leads", SampleData("leads.csv"), "--cohort", "month", "--by", "channel", "--as-of", "2024-01-15" };

    [Fact]
    public void Json_has_the_cells_of_every_channel()
    {
        var (code, stdout, stderr) = Run(Args.Concat(new[] { "--format", "json" }).ToArray());
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("channel", root.GetProperty("segmentBy").GetString());
        var cohorts = root.GetProperty("cohorts").GetArrayLength();
        foreach (var segment in root.GetProperty("segments").EnumerateArray())
        {
            Assert.Equal(cohorts, segment.GetProperty("cohorts").GetArrayLength());
            Assert.True(segment.GetProperty("conversionTrend").TryGetProperty("direction", out _));
        }

        Assert.Equal(6, root.GetProperty("segments").GetArrayLength());
    }

    [Fact]
    public void Table_and_csv_show_each_channel_s_cohorts()
    {
        var (code, stdout, stderr) = Run(Args);
        Assert.True(code == 0, stderr);
        Assert.Contains("channel SEO: cohort", stdout, StringComparison.Ordinal);
        Assert.Contains("Projected at 90.0 d", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run(Args.Concat(new[] { "--lang", "zh" }).ToArray());
        Assert.True(code == 0, stderr);
        Assert.Contains("来源渠道 SEO: 批次", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Projected", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Trend across", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run(Args.Concat(new[] { "--format", "csv" }).ToArray());
        Assert.True(code == 0, stderr);
        Assert.Contains("\nSEO / 2023-12,", stdout, StringComparison.Ordinal);
    }
}
