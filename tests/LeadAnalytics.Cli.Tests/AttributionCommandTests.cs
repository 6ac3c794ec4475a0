using System.Text.Json;
using LeadAnalytics.Attribution;
using LeadAnalytics.Cli.Commands;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

public class AttributionCommandTests
{
    private static readonly string[] Inputs = { "--leads", SampleData("leads.csv"), "--touchpoints", SampleData("touchpoints.csv"), "--as-of", "2024-01-15" };

    /// <summary>Issue 17: the tool names 直接访问 direct by default, so last-non-direct gives it nothing, and every model's credit
    /// equals what QuickStart computes with the library (the table, its touchpoint columns and the default options).</summary>
    [Fact]
    public void The_tool_and_QuickStart_agree_and_direct_gets_no_last_non_direct_credit()
    {
        var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "all", "--format", "json" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);

        var import = LeadCsv.Read(SampleData("leads.csv"));
        var touchpoints = TouchpointCsv.Read(SampleData("touchpoints.csv"));
        var table = LeadTable.Build(import.Records);
        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
        var library = AttributionAnalyzer.Compare(table, asOf, AttributionCommand.ModelNames.Select(m => m.Model), new AttributionOptions { Touchpoints = TouchpointTable.Build(table, touchpoints.Records) });

        using var doc = JsonDocument.Parse(stdout);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(library.Results.Count, models.Count);
        for (var m = 0; m < models.Count; m++)
        {
            foreach (var credit in models[m].GetProperty("credits").EnumerateArray())
            {
                var expected = library.Results[m].Find(credit.GetProperty("channel").GetString()!)!;
                Assert.Equal(expected.Conversions, credit.GetProperty("conversions").GetDouble(), 9);
                Assert.Equal(expected.Value.Amount, credit.GetProperty("value").GetProperty("amount").GetDecimal());
            }
        }

        var lastNonDirect = library.For(AttributionModel.LastNonDirect);
        Assert.Equal(0.0, lastNonDirect.Find("直接访问")!.Conversions);
        Assert.Equal(0m, lastNonDirect.Find("直接访问")!.Value.Amount);
        Assert.Equal(212.0, library.For(AttributionModel.LastTouch).Find("直接访问")!.Conversions);
    }

    [Fact]
    public void The_table_prints_the_direct_channels_used_and_the_option_replaces_them()
    {
        var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "last-non-direct" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        Assert.Contains("直接访问, Direct, direct, (direct), (none)", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run(new[] { "attribution", "--model", "last-non-direct", "--direct-channels", "SEO", "--format", "json" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var credits = doc.RootElement.GetProperty("credits").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("conversions").GetDouble());
        Assert.Equal(0.0, credits["SEO"]);
        Assert.True(credits["直接访问"] > 0);
    }

    /// <summary>Issue 21: --intervals puts the library's bootstrap intervals into the document (per model and channel, with the
    /// replicate count, seed, level and method), the adjacent-rank differences and the range across models.</summary>
    [Fact]
    public void Intervals_reach_the_json_document_equal_to_the_library()
    {
        var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "first,markov,shapley", "--format", "json", "--replicates", "40", "--seed", "11", "--confidence", "90" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);

        var import = LeadCsv.Read(SampleData("leads.csv"));
        var table = LeadTable.Build(import.Records);
        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
        var settings = new AttributionIntervalOptions { Replicates = 40, Seed = 11 };
        var library = AttributionAnalyzer.Compare(table, asOf, new[] { AttributionModel.FirstTouch, AttributionModel.Markov, AttributionModel.Shapley },
            new AttributionOptions
            {
                Touchpoints = TouchpointTable.Build(table, TouchpointCsv.Read(SampleData("touchpoints.csv")).Records),
                Intervals = settings,
                Scope = new AnalysisScope { Confidence = 0.90 },
            });

        using var doc = JsonDocument.Parse(stdout);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToList();
        for (var m = 0; m < models.Count; m++)
        {
            var intervals = models[m].GetProperty("intervals");
            Assert.Equal(40, intervals.GetProperty("replicates").GetInt32());
            Assert.Equal(11, intervals.GetProperty("seed").GetInt64());
            Assert.Equal(0.90, intervals.GetProperty("confidence").GetDouble(), 12);
            Assert.Equal("percentile", intervals.GetProperty("method").GetString());
            foreach (var credit in models[m].GetProperty("credits").EnumerateArray())
            {
                var expected = library.Results[m].Find(credit.GetProperty("channel").GetString()!)!.Interval!;
                Assert.Equal(expected.Lower, credit.GetProperty("lower").GetDouble());
                Assert.Equal(expected.Upper, credit.GetProperty("upper").GetDouble());
                Assert.Equal(expected.ValueLower.Amount, credit.GetProperty("valueLower").GetProperty("amount").GetDecimal());
                Assert.Equal(expected.ValueUpper.Amount, credit.GetProperty("valueUpper").GetProperty("amount").GetDecimal());
                Assert.Equal(expected.StandardError, credit.GetProperty("standardError").GetDouble());
                Assert.Equal(expected.TopOneShare, credit.GetProperty("topOneShare").GetDouble());
                Assert.Equal(expected.TopThreeShare, credit.GetProperty("topThreeShare").GetDouble());
            }

            // Each channel against the next one down the ranking: 7 channels, 6 pairs, the leader first.
            var differences = models[m].GetProperty("differences").EnumerateArray().ToList();
            Assert.Equal(library.Keys.Count - 1, differences.Count);
            var leader = library.Results[m].Credits.OrderByDescending(c => c.Conversions).First().Key;
            Assert.Equal(leader, differences[0].GetProperty("first").GetString());
            var d = library.Results[m].Difference(differences[0].GetProperty("first").GetString()!, differences[0].GetProperty("second").GetString()!);
            Assert.Equal(d.Lower, differences[0].GetProperty("lower").GetDouble());
            Assert.Equal(d.Upper, differences[0].GetProperty("upper").GetDouble());
            Assert.Equal(d.ShareFirstAhead, differences[0].GetProperty("shareFirstAhead").GetDouble());
        }

        var ranges = doc.RootElement.GetProperty("ranges").EnumerateArray().ToList();
        var direct = ranges.Single(r => r.GetProperty("channel").GetString() == "直接访问");
        var expectedRange = library.Ranges().Single(r => r.Key == "直接访问");
        Assert.Equal(expectedRange.Lowest, direct.GetProperty("lowest").GetDouble());
        Assert.Equal(expectedRange.Highest, direct.GetProperty("highest").GetDouble());
        Assert.Equal("firstTouch", direct.GetProperty("lowestModel").GetString());
    }

    /// <summary>Issue 21: the same command twice, and with 1, 2 and 16 threads, writes byte-identical JSON.</summary>
    [Fact]
    public void Intervals_are_byte_identical_across_runs_and_thread_counts()
    {
        var outputs = new List<string>();
        foreach (var threads in new[] { "1", "2", "16", "1" })
        {
            var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "markov,linear", "--format", "json", "--replicates", "30", "--threads", threads }.Concat(Inputs).ToArray());
            Assert.True(code == 0, stderr);
            outputs.Add(stdout);
        }

        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
        Assert.Contains("\"topOneShare\"", outputs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_intervals_the_interval_fields_are_null_and_the_csv_keeps_its_columns()
    {
        var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "markov", "--format", "json" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("intervals").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("credits")[0].GetProperty("lower").ValueKind);

        (code, stdout, stderr) = Run(new[] { "attribution", "--model", "markov", "--format", "csv" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        // Derived from ChannelCreditColumns: the metrics (conversions, value, removal effects), then the currency.
        Assert.StartsWith("model,channel,conversions,value,removalEffect,valueRemovalEffect,currency\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

        (code, stdout, stderr) = Run(new[] { "attribution", "--model", "markov", "--format", "csv", "--intervals", "--replicates", "20" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("model,channel,conversions,lower,upper,value,valueLower,valueUpper,removalEffect,valueRemovalEffect,currency,standardError,topOneShare,topThreeShare", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal(14, l.Split(',').Length));
    }

    [Theory]
    [InlineData("--seed", "3")]
    [InlineData("--confidence", "0.9")]
    [InlineData("--interval-method", "bca")]
    [InlineData("--threads", "2")]
    public void An_interval_setting_without_intervals_is_a_usage_error(string option, string value)
    {
        var (code, _, stderr) = Run(new[] { "attribution", "--model", "markov", option, value }.Concat(Inputs).ToArray());
        Assert.Equal(2, code);
        Assert.Contains("--intervals", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--replicates", "1")]
    [InlineData("--confidence", "100")]
    [InlineData("--interval-method", "normal")]
    [InlineData("--threads", "0")]
    public void Out_of_range_interval_settings_are_usage_errors(string option, string value)
    {
        var (code, _, stderr) = Run(new[] { "attribution", "--model", "markov", "--intervals", option, value }.Concat(Inputs).ToArray());
        Assert.Equal(2, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_shows_intervals_ranges_and_how_sure_the_ranking_is()
    {
        var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "last,markov", "--intervals", "--replicates", "20" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        Assert.Contains("95% percentile, 20 bootstrap replicates over journeys, seed 1", stdout, StringComparison.Ordinal);
        Assert.Contains("Range across models", stdout, StringComparison.Ordinal);
        Assert.Contains("Is the ranking sure? (markov)", stdout, StringComparison.Ordinal);
        Assert.Contains("212.0 [", stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 21: the report draws interval whiskers on the attribution chart when asked, and says what they mean.</summary>
    [Fact]
    public void The_html_report_draws_whiskers_with_intervals()
    {
        var (code, stdout, stderr) = Run(new[] { "report", "--format", "html", "--intervals", "--replicates", "20", "--leads", SampleData("leads.csv"), "--touchpoints", SampleData("touchpoints.csv"), "--as-of", "2024-01-15" });
        Assert.True(code == 0, stderr);
        Assert.Contains("class=\"whisker\"", stdout, StringComparison.Ordinal);
        Assert.Contains("95% bootstrap intervals (20 replicates over journeys, seed 1)", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run(new[] { "report", "--format", "html", "--leads", SampleData("leads.csv"), "--touchpoints", SampleData("touchpoints.csv"), "--as-of", "2024-01-15" });
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("class=\"whisker\"", stdout, StringComparison.Ordinal);

        (code, _, stderr) = Run(new[] { "report", "--intervals", "--leads", SampleData("leads.csv") });
        Assert.Equal(2, code);
        Assert.Contains("--touchpoints", stderr, StringComparison.Ordinal);
    }
}
