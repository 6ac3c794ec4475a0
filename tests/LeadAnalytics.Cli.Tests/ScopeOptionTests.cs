using System.Text.Json;
using LeadAnalytics.Attribution;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Quality;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>Issue 16: the same option means the same thing in every command. --from/--to are the scope's acquisition period
/// (attribution, validate, segments, report), --stale-after its stale rule (validate as every other command), --confidence and
/// --threads its level and thread count (attribution's bootstrap).</summary>
public class ScopeOptionTests
{
    private static readonly string Leads = SampleData("leads.csv");
    private static readonly string Touchpoints = SampleData("touchpoints.csv");
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset AsOf = new(2024, 1, 15, 0, 0, 0, Cst);

    // --from 2023-11-01 --to 2023-11-30: November, the inclusive end date read as the next midnight in --time-zone (+08:00).
    private static readonly AcquisitionPeriod November = new(new DateTimeOffset(2023, 11, 1, 0, 0, 0, Cst), new DateTimeOffset(2023, 12, 1, 0, 0, 0, Cst));

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = Run(args.Concat(new[] { "--format", "json", "--as-of", "2024-01-15" }).ToArray());
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void Attribution_from_to_is_the_scopes_period()
    {
        var json = Json("attribution", "--leads", Leads, "--touchpoints", Touchpoints, "--model", "linear", "--from", "2023-11-01", "--to", "2023-11-30");

        var table = LeadTable.Build(LeadCsv.Read(Leads).Records);
        var touches = TouchpointTable.Build(table, TouchpointCsv.Read(Touchpoints).Records);
        var library = AttributionAnalyzer.Analyze(table, AsOf, new AttributionOptions { Model = AttributionModel.Linear, Touchpoints = touches, Scope = AnalysisScope.Default.WithPeriod(November) });
        var all = AttributionAnalyzer.Analyze(table, AsOf, new AttributionOptions { Model = AttributionModel.Linear, Touchpoints = touches });

        // The November journeys are the leads acquired in November, by the same rule as the segments of that period.
        var novemberLeads = LeadCsv.Read(Leads).Records.Count(l => l.AcquiredAt >= November.From && l.AcquiredAt < November.To);
        Assert.Equal(novemberLeads, json.GetProperty("journeyCount").GetInt32());
        Assert.Equal(library.JourneyCount, novemberLeads);
        Assert.True(library.JourneyCount < all.JourneyCount);
        Assert.Equal(library.TotalConversions, json.GetProperty("totalConversions").GetDouble());
        Assert.Equal(library.UnmatchedTouchpoints, json.GetProperty("unmatchedTouchpoints").GetInt32());
        foreach (var credit in json.GetProperty("credits").EnumerateArray())
        {
            var expected = library.Find(credit.GetProperty("channel").GetString()!)!;
            Assert.Equal(expected.Conversions, credit.GetProperty("conversions").GetDouble(), 12);
            Assert.Equal(expected.Value.Amount, credit.GetProperty("value").GetProperty("amount").GetDecimal());
        }

        var segments = Json("segments", "--leads", Leads, "--from", "2023-11-01", "--to", "2023-11-30");
        Assert.Equal(novemberLeads, segments.GetProperty("total").GetProperty("leads").GetInt32());

        // The document says which leads its journeys are (additive; all time writes nothing, as before).
        Assert.Equal(November.From, json.GetProperty("period").GetProperty("from").GetDateTimeOffset());
        Assert.Equal(November.To, json.GetProperty("period").GetProperty("to").GetDateTimeOffset());
        Assert.Equal(November, library.Period);
        Assert.Equal(AcquisitionPeriod.AllTime, all.Period);
        Assert.False(Json("attribution", "--leads", Leads, "--touchpoints", Touchpoints, "--model", "linear").TryGetProperty("period", out _));
        var comparison = Json("attribution", "--leads", Leads, "--touchpoints", Touchpoints, "--model", "linear,markov", "--from", "2023-11-01", "--to", "2023-11-30");
        Assert.Equal(November.To, comparison.GetProperty("period").GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public void Report_from_to_scopes_every_section_to_the_same_leads()
    {
        var json = Json("report", "--leads", Leads, "--costs", SampleData("costs.csv"), "--touchpoints", Touchpoints, "--from", "2023-11-01", "--to", "2023-11-30");

        // Every section counts the November leads (481 of 3,000 in samples/data), with the same stale count as the
        // November segments command: one period, one outcome rule.
        var records = LeadCsv.Read(Leads).Records;
        var novemberLeads = records.Count(l => l.AcquiredAt >= November.From && l.AcquiredAt < November.To);
        var novemberStale = records.Count(l => l.AcquiredAt >= November.From && l.AcquiredAt < November.To && l.IsStale(AsOf, TimeSpan.FromDays(30)));
        Assert.Equal(481, novemberLeads);
        Assert.Equal(November.From, json.GetProperty("period").GetProperty("from").GetDateTimeOffset());
        Assert.Equal(November.To, json.GetProperty("period").GetProperty("to").GetDateTimeOffset());
        Assert.Equal(novemberLeads, json.GetProperty("quality").GetProperty("leadCount").GetInt32());
        Assert.Equal(novemberLeads, json.GetProperty("funnel").GetProperty("leads").GetInt32());
        Assert.Equal(novemberLeads, json.GetProperty("funnelByChannel").GetProperty("total").GetProperty("leads").GetInt32());
        Assert.Equal(novemberLeads, json.GetProperty("segments").GetProperty("total").GetProperty("leads").GetInt32());
        Assert.Equal(novemberLeads, json.GetProperty("cycleTime").GetProperty("overall").GetProperty("leads").GetInt32());
        Assert.All(json.GetProperty("attribution").GetProperty("models").EnumerateArray(), m => Assert.Equal(novemberLeads, m.GetProperty("journeyCount").GetInt32()));
        Assert.Equal(November.To, json.GetProperty("attribution").GetProperty("period").GetProperty("to").GetDateTimeOffset());

        Assert.Equal(novemberStale, json.GetProperty("funnel").GetProperty("stale").GetInt32());
        Assert.Equal(novemberStale, json.GetProperty("segments").GetProperty("total").GetProperty("stale").GetInt32());
        Assert.Equal(novemberStale, json.GetProperty("cycleTime").GetProperty("overall").GetProperty("stale").GetInt32());
        Assert.Equal(novemberStale, json.GetProperty("lossReasons").GetProperty("stale").GetInt32());
        Assert.Equal(novemberStale, json.GetProperty("quality").GetProperty("staleLeadIds").GetArrayLength());

        // The same numbers as the segments command of that period.
        var segments = Json("segments", "--leads", Leads, "--costs", SampleData("costs.csv"), "--from", "2023-11-01", "--to", "2023-11-30");
        Assert.Equal(JsonSerializer.Serialize(segments.GetProperty("total")), JsonSerializer.Serialize(json.GetProperty("segments").GetProperty("total")));

        // All time writes no period in the envelope (the document is as before).
        Assert.False(Json("report", "--leads", Leads).TryGetProperty("period", out _));
    }

    [Fact]
    public void Report_from_to_names_the_period_in_the_html_header_and_the_stale_rule_in_the_footer()
    {
        var page = Path.Combine(Path.GetTempPath(), $"scope-report-{Guid.NewGuid():N}.html");
        try
        {
            var (code, _, stderr) = Run("report", "--leads", Leads, "--from", "2023-11-01", "--to", "2023-11-30", "--stale-after", "14", "--as-of", "2024-01-15", "--format", "html", "--out", page);
            Assert.True(code == 0, stderr);
            var html = File.ReadAllText(page);
            Assert.Contains("481 leads · acquired 2023-11-01 to 2023-11-30", html, StringComparison.Ordinal);
            Assert.Contains("stale leads (no activity for 14 days) count as lost", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public void Report_refuses_actions_with_a_period()
    {
        var (code, _, stderr) = Run("report", "--leads", Leads, "--actions", SampleData("actions.csv"), "--from", "2023-11-01");
        Assert.Equal(2, code);
        Assert.Contains("--actions", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregated_paths_refuse_a_period()
    {
        var paths = Path.Combine(Path.GetTempPath(), $"scope-paths-{Guid.NewGuid():N}.csv");
        File.WriteAllText(paths, "path,total_conversions,total_conversion_value,total_null\nseo > email,1,10,2\n");
        try
        {
            var (code, _, stderr) = Run("attribution", "--paths", paths, "--model", "markov", "--from", "2023-11-01");
            Assert.Equal(2, code);
            Assert.Contains("--from and --to", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(paths);
        }
    }

    [Fact]
    public void Validate_checks_the_leads_of_the_period_with_the_stale_rule_of_every_command()
    {
        var json = Json("validate", "--leads", Leads, "--from", "2023-11-01", "--to", "2023-11-30", "--stale-after", "10");

        var records = LeadCsv.Read(Leads).Records;
        var november = records.Where(l => l.AcquiredAt >= November.From && l.AcquiredAt < November.To).ToList();
        var stale = november.Where(l => l.IsStale(AsOf, TimeSpan.FromDays(10))).Select(l => l.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(november.Count, json.GetProperty("leadCount").GetInt32());
        Assert.Equal(stale, json.GetProperty("staleLeadIds").EnumerateArray().Select(e => e.GetString()!));
        Assert.NotEmpty(stale);

        var options = json.GetProperty("options");
        Assert.Equal(10, options.GetProperty("staleAfterDays").GetDouble());
        Assert.Equal(November.From, options.GetProperty("period").GetProperty("from").GetDateTimeOffset());
        Assert.Equal(November.To, options.GetProperty("period").GetProperty("to").GetDateTimeOffset());

        // The document reads back with its scope.
        var back = LeadAnalytics.Json.LeadAnalyticsJson.DeserializeQualityReport(JsonSerializer.Serialize(json));
        Assert.Equal(November, back.Options.Scope.Period);
        Assert.Equal(TimeSpan.FromDays(10), back.Options.Scope.StaleAfter);

        // All time writes no period (the document is as before).
        Assert.False(Json("validate", "--leads", Leads).GetProperty("options").TryGetProperty("period", out _));
    }

    [Fact]
    public void Validate_needs_leads_for_a_period()
    {
        var (code, _, stderr) = Run("validate", "--costs", SampleData("costs.csv"), "--from", "2023-11-01");
        Assert.Equal(2, code);
        Assert.Contains("--leads", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Confidence_and_threads_reach_the_scope_of_the_bootstrap()
    {
        var one = Json("attribution", "--leads", Leads, "--touchpoints", Touchpoints, "--model", "linear", "--replicates", "20", "--confidence", "80");
        var three = Json("attribution", "--leads", Leads, "--touchpoints", Touchpoints, "--model", "linear", "--replicates", "20", "--confidence", "0.8", "--threads", "3");
        Assert.Equal(0.8, one.GetProperty("intervals").GetProperty("confidence").GetDouble(), 12);
        Assert.Equal(one.GetRawText(), three.GetRawText());
    }
}
