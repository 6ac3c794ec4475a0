using System.Globalization;
using System.Text.Json;
using LeadAnalytics.Csv;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>One outcome rule (docs/metrics.md, "Outcomes as of an instant"): on the same data and as-of, every command that
/// counts outcomes shows the same number of stale leads.</summary>
public class StaleConsistencyTests
{
    private static readonly string Leads = SampleData("leads.csv");

    [Fact]
    public void The_stale_count_is_the_same_number_in_funnel_segments_cycle_time_loss_reasons_and_the_report()
    {
        var funnel = Json("funnel", "--leads", Leads);
        var segments = Json("segments", "--leads", Leads, "--costs", SampleData("costs.csv"), "--by", "channel");
        var cycleTime = Json("cycle-time", "--leads", Leads, "--by", "channel");
        var lossReasons = Json("loss-reasons", "--leads", Leads);
        var report = Json("report", "--leads", Leads, "--costs", SampleData("costs.csv"));

        // The reference, by the domain's own rule on Lead objects: acquired by as-of, open, latest activity 30 days or more
        // before as-of.
        var asOf = DateTimeOffset.Parse(funnel.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        var expected = LeadCsv.Read(Leads).Records.Count(l => l.IsStale(asOf, TimeSpan.FromDays(30)));
        Assert.Equal(341, expected);

        Assert.Equal(expected, funnel.GetProperty("stale").GetInt64());
        Assert.Equal(expected, funnel.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("stale").GetInt64()));
        Assert.Equal(expected, segments.GetProperty("total").GetProperty("stale").GetInt64());
        Assert.Equal(expected, cycleTime.GetProperty("overall").GetProperty("stale").GetInt64());
        Assert.Equal(expected, lossReasons.GetProperty("stale").GetInt64());
        Assert.Equal(expected, report.GetProperty("funnel").GetProperty("stale").GetInt64());
        Assert.Equal(expected, report.GetProperty("segments").GetProperty("total").GetProperty("stale").GetInt64());
        Assert.Equal(expected, report.GetProperty("cycleTime").GetProperty("overall").GetProperty("stale").GetInt64());
        Assert.Equal(expected, report.GetProperty("lossReasons").GetProperty("stale").GetInt64());

        // Counted as lost by default, the same way everywhere: the lost leads of the segment summary, of cycle time and of
        // loss reasons are the recorded losses plus the stale leads.
        var lost = funnel.GetProperty("lost").GetInt64() + expected;
        Assert.Equal(lost, segments.GetProperty("total").GetProperty("lost").GetInt64());
        Assert.Equal(lost, cycleTime.GetProperty("overall").GetProperty("lost").GetInt64());
        Assert.Equal(lost, lossReasons.GetProperty("lostLeads").GetInt64());
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = Run(args.Concat(new[] { "--as-of", "2024-01-15", "--format", "json" }).ToArray());
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
