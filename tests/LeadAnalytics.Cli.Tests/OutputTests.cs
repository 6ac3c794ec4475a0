using System.Text;
using System.Text.Json;
using LeadAnalytics.Csv;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

public class OutputTests
{
    private static readonly string Leads = SampleData("leads.csv");

    /// <summary>The same commands as .ci/smoke, compared with the committed tests/cli-expected files: a changed number
    /// fails here and shows as a diff there.</summary>
    [Theory]
    [InlineData("validate.json", "validate", "--leads", "leads.csv")]
    [InlineData("funnel.json", "funnel", "--leads", "leads.csv")]
    [InlineData("funnel-by-channel.json", "funnel", "--leads", "leads.csv", "--by", "channel")]
    [InlineData("funnel-cohorts.json", "funnel", "--leads", "leads.csv", "--cohort", "month")]
    [InlineData("segments.json", "segments", "--leads", "leads.csv", "--costs", "costs.csv", "--by", "channel")]
    [InlineData("segments-by-channel-industry.json", "segments", "--leads", "leads.csv", "--costs", "costs.csv", "--by", "channel,industry", "--from", "2023-10-01", "--to", "2023-12-31")]
    [InlineData("cycle-time.json", "cycle-time", "--leads", "leads.csv", "--by", "channel")]
    [InlineData("attribution.json", "attribution", "--leads", "leads.csv", "--touchpoints", "touchpoints.csv", "--model", "all")]
    [InlineData("loss-reasons.json", "loss-reasons", "--leads", "leads.csv")]
    [InlineData("actions.json", "actions", "--actions", "actions.csv", "--leads", "leads.csv", "--costs", "costs.csv")]
    [InlineData("report.json", "report", "--leads", "leads.csv", "--costs", "costs.csv", "--touchpoints", "touchpoints.csv", "--actions", "actions.csv")]
    public void Json_output_on_the_sample_data_matches_the_expected_file(string expected, params string[] args)
    {
        var full = args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? SampleData(a) : a)
            .Concat(new[] { "--as-of", "2024-01-15", "--format", "json" }).ToArray();
        var (code, stdout, stderr) = Run(full);
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllText(Expected(expected)).Replace("\r\n", "\n"), stdout);
    }

    [Fact]
    public void Segments_carry_the_contract_names()
    {
        var (code, stdout, stderr) = Run("segments", "--leads", Leads, "--costs", SampleData("costs.csv"), "--by", "channel", "--as-of", "2024-01-15", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("effectiveness", doc.RootElement.GetProperty("kind").GetString());
        foreach (var segment in doc.RootElement.GetProperty("segments").EnumerateArray())
        {
            foreach (var name in new[] { "key", "leads", "won", "lost", "open", "conversionRate", "spend", "costPerLead", "costPerAcquisition", "revenue", "roas", "roi" })
            {
                Assert.True(segment.TryGetProperty(name, out _), name);
            }
        }

        var fair = doc.RootElement.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "行业展会");
        Assert.Equal(350, fair.GetProperty("leads").GetInt32());
        Assert.Equal(75, fair.GetProperty("won").GetInt32());
    }

    [Fact]
    public void Json_documents_start_with_schema_version_and_kind()
    {
        var (_, stdout, _) = Run("funnel", "--leads", Leads, "--as-of", "2024-01-15", "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        var first = doc.RootElement.EnumerateObject().Take(2).Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "schemaVersion", "kind" }, first);
        Assert.Equal("funnel", doc.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void The_default_as_of_is_the_latest_event_in_the_data()
    {
        var latest = LeadCsv.Read(Leads).Records.Max(l => l.LatestActivityAt());
        var (code, stdout, _) = Run("funnel", "--leads", Leads, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(latest, doc.RootElement.GetProperty("asOf").GetDateTimeOffset());
        Assert.True(latest <= new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void As_of_dates_are_midnight_in_the_time_zone()
    {
        var (_, stdout, _) = Run("funnel", "--leads", Leads, "--as-of", "2024-01-15", "--time-zone", "UTC", "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero), doc.RootElement.GetProperty("asOf").GetDateTimeOffset());
        var (_, stdout2, _) = Run("funnel", "--leads", Leads, "--as-of", "2024-01-15T06:30-03:00", "--format", "json");
        using var doc2 = JsonDocument.Parse(stdout2);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 6, 30, 0, TimeSpan.FromHours(-3)), doc2.RootElement.GetProperty("asOf").GetDateTimeOffset());
    }

    [Fact]
    public void Stale_after_zero_turns_the_rule_off()
    {
        var (_, stdout, _) = Run("funnel", "--leads", Leads, "--as-of", "2024-01-15", "--stale-after", "0", "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        Assert.All(doc.RootElement.GetProperty("steps").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("stale").GetInt64()));
    }

    [Fact]
    public void Csv_output_is_one_header_and_a_row_per_stage()
    {
        var (code, stdout, _) = Run("funnel", "--leads", Leads, "--as-of", "2024-01-15", "--format", "csv");
        Assert.Equal(0, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("key,stage,reached,", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("(all),Acquired,3000,1,Contacted,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_file_and_nothing_to_stdout()
    {
        var path = Path.Combine(Path.GetTempPath(), "leadanalytics-cli-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (code, stdout, _) = Run("loss-reasons", "--leads", Leads, "--as-of", "2024-01-15", "--format", "json", "--out", path);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Equal("lossReasons", JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("kind").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Which channels pay off is the template's first question: <c>segments</c> without --by is by channel.</summary>
    [Fact]
    public void Segments_are_by_channel_unless_told()
    {
        var plain = Run("segments", "--leads", Leads, "--as-of", "2024-01-15", "--format", "json");
        var byChannel = Run("segments", "--leads", Leads, "--as-of", "2024-01-15", "--format", "json", "--by", "channel");
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.Equal(byChannel.Stdout, plain.Stdout);
        using var doc = JsonDocument.Parse(plain.Stdout);
        Assert.Equal("channel", doc.RootElement.GetProperty("dimensions")[0].GetString());
    }

    /// <summary>The table report lists the 20 largest channels by leads in each per-channel table and says how many were
    /// left out; its JSON keeps all. 25 channels: C01 has 26 leads, C02 25, ..., C25 2, so C21..C25 (6+5+4+3+2 = 20
    /// leads) are folded.</summary>
    [Fact]
    public void Report_tables_fold_beyond_twenty_channels()
    {
        var csv = new StringBuilder("lead_id,channel,acquired_at,won_at\n");
        var n = 0;
        for (var c = 1; c <= 25; c++)
        {
            for (var i = 0; i < 27 - c; i++)
            {
                csv.Append($"L{++n},C{c:00},2023-10-01 09:00,{(i == 0 ? "2023-10-05 09:00" : string.Empty)}\n");
            }
        }

        using var file = new TempFile(csv.ToString());
        var (code, stdout, stderr) = Run("report", "--leads", file.Path, "--as-of", "2023-12-01");
        Assert.True(code == 0, stderr);
        var notes = stdout.Split('\n').Where(l => l.StartsWith("The 20 largest of 25 segments", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, notes.Count); // funnel by channel, segments, cycle time
        Assert.All(notes, l => Assert.Contains("the other 5 (20 leads) are left out", l, StringComparison.Ordinal));
        Assert.Contains("C20", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("C21", stdout, StringComparison.Ordinal);

        var json = Run("report", "--leads", file.Path, "--as-of", "2023-12-01", "--format", "json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(25, doc.RootElement.GetProperty("funnelByChannel").GetProperty("segments").GetArrayLength());
        Assert.Equal(25, doc.RootElement.GetProperty("segments").GetProperty("segments").GetArrayLength());

        var zh = Run("report", "--leads", file.Path, "--as-of", "2023-12-01", "--lang", "zh").Stdout;
        Assert.Equal(3, zh.Split('\n').Count(l => l.StartsWith("表中列出线索数最多的 20 个细分（共 25 个）；其余 5 个（20 条线索）未列出", StringComparison.Ordinal)));
    }

    /// <summary>JSON is streamed to the file or to standard output as it is serialized (so 100,000 segments are never one
    /// string); both ways give the same bytes: UTF-8 without a byte order mark, one final line break.</summary>
    [Theory]
    [InlineData("validate")]
    [InlineData("funnel", "--by", "channel")]
    [InlineData("funnel", "--cohort", "month")]
    [InlineData("segments", "--by", "channel", "--costs", "costs.csv")]
    [InlineData("cycle-time", "--by", "channel", "--curves")]
    [InlineData("loss-reasons")]
    [InlineData("attribution", "--touchpoints", "touchpoints.csv", "--model", "all")]
    [InlineData("forecast", "--bootstrap", "50")]
    [InlineData("actions", "--actions", "actions.csv")]
    [InlineData("report", "--costs", "costs.csv", "--actions", "actions.csv")]
    public void Json_to_a_file_equals_json_to_stdout(string command, params string[] extra)
    {
        var args = new List<string> { command, "--leads", Leads, "--as-of", "2024-01-15", "--format", "json" };
        args.AddRange(extra.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? SampleData(a) : a));
        var (code, stdout, stderr) = Run(args.ToArray());
        Assert.True(code == 0, stderr);
        Assert.EndsWith("}\n", stdout, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), "leadanalytics-cli-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (fileCode, fileStdout, _) = Run(args.Concat(new[] { "--out", path }).ToArray());
            Assert.Equal(0, fileCode);
            Assert.Equal(string.Empty, fileStdout);
            var bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal(Encoding.UTF8.GetBytes(stdout), bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("funnel")]
    [InlineData("cycle-time")]
    [InlineData("loss-reasons")]
    public void Tables_render_without_terminal_codes(string command)
    {
        var (code, stdout, stderr) = Run(command, "--leads", Leads, "--as-of", "2024-01-15");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
        Assert.Contains("2024-01-15 00:00 +08:00", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_from_aggregated_paths()
    {
        using var paths = new TempFile("path,total_conversions,total_conversion_value,total_null\nA > B,3,300,1\nB,1,100,4\nA,0,0,2\n");
        var (code, stdout, stderr) = Run("attribution", "--paths", paths.Path, "--model", "first,markov", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("attributionComparison", doc.RootElement.GetProperty("kind").GetString());
        var first = doc.RootElement.GetProperty("models")[0];
        Assert.Equal(4.0, first.GetProperty("credits").EnumerateArray().Sum(c => c.GetProperty("conversions").GetDouble()), 12);
    }
}
