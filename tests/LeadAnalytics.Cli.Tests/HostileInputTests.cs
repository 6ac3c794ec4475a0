using System.Text;
using System.Text.Json;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>Issue 18's classes of hostile and messy input, one test each: nothing lost silently, nothing stops every analysis,
/// every fault named by file, line and column, option values out of range are usage errors.</summary>
public class HostileInputTests
{
    private const string Header = "lead_id,channel,acquired_at,deal_amount,won_at\n";

    private static readonly string[] Analyses = { "funnel", "segments", "cycle-time", "loss-reasons", "report" };

    private static string[] Args(string command, string path) => command == "segments"
        ? new[] { command, "--leads", path, "--by", "channel" }
        : new[] { command, "--leads", path };

    /// <summary>The inputs[] entry of `validate --format json` for the leads file: read, accepted, rejected.</summary>
    private static (long Read, long Accepted, long Rejected, JsonElement Root) Counts(string path, params string[] extra)
    {
        var (code, stdout, stderr) = Run(new[] { "validate", "--leads", path, "--format", "json" }.Concat(extra).ToArray());
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var input = root.GetProperty("inputs")[0];
        return (input.GetProperty("rowsRead").GetInt64(), input.GetProperty("rowsAccepted").GetInt64(), input.GetProperty("rowsRejected").GetInt64(), root);
    }

    private static IEnumerable<JsonElement> Issues(JsonElement root) => root.GetProperty("issues").EnumerateArray();

    [Theory]
    [InlineData("2203-10-01 10:00")]
    [InlineData("1900-01-01")]
    [InlineData("9999-12-31 23:59")]
    public void A_far_off_date_is_one_rejected_row_named_by_line_and_column_and_every_analysis_runs(string date)
    {
        using var file = new TempFile(Header + "A,SEO,2023-10-01 10:00,,\nB,SEO," + date + ",,\nC,SEO,2023-10-03,5000,2023-10-09\n");
        foreach (var command in Analyses)
        {
            var (code, _, stderr) = Run(Args(command, file.Path));
            Assert.True(code == 0, command + ": " + stderr);
            Assert.Contains(Path.GetFileName(file.Path) + "(3) acquired_at", stderr, StringComparison.Ordinal);
        }

        var (read, accepted, rejected, root) = Counts(file.Path);
        Assert.Equal((3L, 2L, 1L), (read, accepted, rejected));
        var issue = Assert.Single(Issues(root), i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal("invalidDate", issue.GetProperty("rule").GetString());
        Assert.Equal(3, issue.GetProperty("line").GetInt64());
        Assert.Equal("acquired_at", issue.GetProperty("column").GetString());
    }

    [Fact]
    public void A_far_off_first_row_does_not_reject_the_rows_after_it()
    {
        using var file = new TempFile(Header + "A,SEO,2203-10-01,,\nB,SEO,2023-10-02,,\nC,SEO,2023-10-03,,\n");
        var (read, accepted, rejected, _) = Counts(file.Path);
        Assert.Equal((3L, 2L, 1L), (read, accepted, rejected));
    }

    [Theory]
    [InlineData("deal_amount", "\"92,233,720,368,547,759\"")]
    [InlineData("deal_amount", "79228162514264337593543950335")]
    public void An_amount_too_large_for_the_table_is_a_row_error(string column, string amount)
    {
        _ = column;
        using var file = new TempFile(Header + "A,SEO,2023-10-01,1000,2023-10-05\nB,SEO,2023-10-02," + amount + ",2023-10-06\n");
        var (code, _, stderr) = Run("segments", "--leads", file.Path, "--by", "channel");
        Assert.Equal(0, code);
        Assert.DoesNotContain("unexpected error", stderr, StringComparison.Ordinal);
        var (read, accepted, rejected, root) = Counts(file.Path);
        Assert.Equal((2L, 1L, 1L), (read, accepted, rejected));
        Assert.Equal("invalidAmount", Assert.Single(Issues(root), i => i.GetProperty("severity").GetString() == "error").GetProperty("rule").GetString());
    }

    [Fact]
    public void A_cost_amount_too_large_is_a_row_error_naming_the_line()
    {
        using var costs = new TempFile("scope,key,period_start,period_end,amount\nchannel,SEO,2023-10-01,2023-10-31,1000\nchannel,SEO,2023-11-01,2023-11-30,\"92,233,720,368,547,759\"\n");
        var (code, stdout, stderr) = Run("validate", "--costs", costs.Path, "--format", "json");
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var input = root.GetProperty("inputs")[0];
        Assert.Equal("costs", input.GetProperty("kind").GetString());
        Assert.Equal(1, input.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(3, Assert.Single(Issues(root)).GetProperty("line").GetInt64());
    }

    [Fact]
    public void A_bare_carriage_return_outside_quotes_is_a_line_break_never_a_merge()
    {
        // Python's csv, pandas and R read three records here; inside quotes the CR stays text.
        using var file = new TempFile("lead_id,channel,acquired_at,notes\nA,SEO,2023-10-01,\rB,SEO,2023-10-02,\nC,SEO,2023-10-03,\"x\ry\"\nD,SEO,2023-10-04,\n");
        var (read, accepted, rejected, _) = Counts(file.Path);
        Assert.Equal((4L, 4L, 0L), (read, accepted, rejected));
    }

    [Fact]
    public void Lines_after_a_bare_carriage_return_keep_their_numbers()
    {
        using var file = new TempFile("lead_id,channel,acquired_at\rA,SEO,2023-10-01\rB,SEO,not a date\r");
        var (_, _, _, root) = Counts(file.Path);
        Assert.Equal(3, Assert.Single(Issues(root), i => i.GetProperty("severity").GetString() == "error").GetProperty("line").GetInt64());
    }

    [Theory]
    [InlineData("ascii")]
    [InlineData("us-ascii")]
    public void Bytes_the_chosen_encoding_cannot_decode_are_an_error_naming_the_line(string encoding)
    {
        using var file = new TempFile(Header + "A,SEO,2023-10-01,,\nB,抖音信息流,2023-10-02,,\nC,朋友圈广告,2023-10-03,,\n");
        var (code, stdout, stderr) = Run("segments", "--leads", file.Path, "--by", "channel", "--encoding", encoding);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(Path.GetFileName(file.Path) + "(3)", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3 (byte offset 68)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encoding_error_far_into_the_file_names_its_true_line_and_byte_offset()
    {
        var text = new StringBuilder("lead_id,channel,acquired_at\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append("L").Append(i).Append(",SEO,2023-10-01\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        var offset = Encoding.UTF8.GetByteCount(text.ToString().Substring(0, text.ToString().IndexOf("L4000,", StringComparison.Ordinal))) + 1;
        bytes[offset] = 0xFF; // line 4002 (the header is line 1), well past the 64 KiB the encoding is guessed from
        var path = Path.Combine(Path.GetTempPath(), "leadanalytics-cli-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, bytes.ToArray());
        try
        {
            var (code, _, stderr) = Run("funnel", "--leads", path);
            Assert.Equal(1, code);
            Assert.Contains($"line 4002 (byte offset {offset})", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_utf32_byte_order_mark_is_read_as_utf32()
    {
        var path = Path.Combine(Path.GetTempPath(), "leadanalytics-cli-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, new UTF32Encoding(false, true).GetPreamble().Concat(new UTF32Encoding(false, false).GetBytes(Header + "A,SEO,2023-10-01,,\n")).ToArray());
        try
        {
            var (read, accepted, _, root) = Counts(path);
            Assert.Equal((1L, 1L), (read, accepted));
            Assert.DoesNotContain(Issues(root), i => i.GetProperty("rule").GetString() == "unknownColumn");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_lists_the_errors_when_every_row_is_rejected()
    {
        using var file = new TempFile(Header + "A,SEO,not a date,,\nB,SEO,2203-01-01,,\n");
        var (read, accepted, rejected, root) = Counts(file.Path);
        Assert.Equal((2L, 0L, 2L), (read, accepted, rejected));
        Assert.Equal(2, Issues(root).Count(i => i.GetProperty("severity").GetString() == "error"));
    }

    [Theory]
    [InlineData("funnel", "--as-of", "0001-01-01")]
    [InlineData("funnel", "--as-of", "9999-12-31")]
    [InlineData("segments", "--to", "9999-12-31")]
    [InlineData("segments", "--from", "0001-01-01")]
    [InlineData("funnel", "--window", "1e-300")]
    [InlineData("funnel", "--stale-after", "99999999")]
    [InlineData("funnel", "--stale-after", "-1")]
    public void Option_values_out_of_range_are_usage_errors_in_plain_words(string command, string option, string value)
    {
        var args = new List<string> { command, "--leads", SampleData("leads.csv"), option, value };
        if (command == "segments")
        {
            args.AddRange(new[] { "--by", "channel" });
        }

        var (code, stdout, stderr) = Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("leadanalytics: " + option + ":", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("at least 0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_half_life_out_of_range_is_a_usage_error()
    {
        var (code, _, stderr) = Run("attribution", "--leads", SampleData("leads.csv"), "--touchpoints", SampleData("touchpoints.csv"), "--model", "linear", "--half-life", "1e-300");
        Assert.Equal(2, code);
        Assert.StartsWith("leadanalytics: --half-life:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024/1/15")]
    [InlineData("2024年1月15日")]
    [InlineData("2024-01-15")]
    public void As_of_accepts_every_date_form_the_reader_accepts(string asOf)
    {
        var (code, stdout, stderr) = Run("funnel", "--leads", SampleData("leads.csv"), "--as-of", asOf, "--format", "json");
        Assert.True(code == 0, stderr);
        Assert.Contains("\"asOf\": \"2024-01-15T00:00:00+08:00\"", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--costs", "costs.csv", "costs")]
    [InlineData("--touchpoints", "touchpoints.csv", "touchpoints")]
    [InlineData("--actions", "actions.csv", "actions")]
    public void Validate_checks_every_input_kind(string option, string file, string kind)
    {
        var (code, stdout, stderr) = Run("validate", option, SampleData(file), "--format", "json");
        Assert.True(code == 0, stderr);
        var input = JsonDocument.Parse(stdout).RootElement.GetProperty("inputs")[0];
        Assert.Equal(kind, input.GetProperty("kind").GetString());
        Assert.Equal(input.GetProperty("rowsRead").GetInt64(), input.GetProperty("rowsAccepted").GetInt64() + input.GetProperty("rowsRejected").GetInt64());
        Assert.True(input.GetProperty("rowsRead").GetInt64() > 0);
    }

    [Fact]
    public void Validate_checks_a_paths_file()
    {
        using var paths = new TempFile("path,conversions,value,nulls\nSEO > 抖音信息流,3,300,5\n > ,1,0,0\n");
        var (code, stdout, stderr) = Run("validate", "--paths", paths.Path, "--format", "json");
        Assert.True(code == 0, stderr);
        var input = JsonDocument.Parse(stdout).RootElement.GetProperty("inputs")[0];
        Assert.Equal(2, input.GetProperty("rowsRead").GetInt64());
        Assert.Equal(1, input.GetProperty("rowsRejected").GetInt64());
    }

    [Fact]
    public void Validate_json_rows_reconcile_with_the_table_output()
    {
        using var file = new TempFile(Header + "A,SEO,2023-10-01,,\nB,SEO,nope,,\nC,SEO,2023-10-03,,\n");
        var (read, accepted, rejected, _) = Counts(file.Path);
        Assert.Equal(read, accepted + rejected);
        var (_, table, _) = Run("validate", "--leads", file.Path);
        Assert.Contains($"{read} rows read, {accepted} accepted, {rejected} rejected", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_are_normalised_and_labels_differing_by_case_are_warned_about()
    {
        using var file = new TempFile("lead_id,channel,acquired_at\nA,SEO,2023-10-01\nB,SEO\0,2023-10-01\nC,SEO\u200B,2023-10-01\nD,ＳＥＯ,2023-10-01\nE, SEO ,2023-10-01\nF,seo,2023-10-01\n");
        var (code, stdout, stderr) = Run("segments", "--leads", file.Path, "--by", "channel", "--format", "csv");
        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("5", rows.Single(r => r[0] == "SEO")[2]);
        Assert.Equal("1", rows.Single(r => r[0] == "seo")[2]);
        var (_, _, _, root) = Counts(file.Path);
        var warning = Assert.Single(Issues(root), i => i.GetProperty("rule").GetString() == "similarLabels");
        Assert.Equal("SEO | seo", warning.GetProperty("value").GetString());
    }

    [Fact]
    public void A_folder_as_pipeline_says_so()
    {
        var (code, _, stderr) = Run("funnel", "--leads", SampleData("leads.csv"), "--pipeline", Path.GetTempPath());
        Assert.Equal(1, code);
        Assert.Contains("is a folder, not a file (--pipeline)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_currency_costs_name_the_file_and_line()
    {
        using var costs = new TempFile("scope,key,period_start,period_end,amount,currency\nchannel,SEO,2023-10-01,2023-10-31,1000,CNY\nchannel,SEO,2023-11-01,2023-11-30,200,USD\n");
        var (code, stdout, stderr) = Run("validate", "--costs", costs.Path, "--format", "json");
        Assert.True(code == 0, stderr);
        var issue = Assert.Single(Issues(JsonDocument.Parse(stdout).RootElement));
        Assert.Equal("currencyMismatch", issue.GetProperty("rule").GetString());
        Assert.Equal(Path.GetFileName(costs.Path), issue.GetProperty("file").GetString());
        Assert.Equal(3, issue.GetProperty("line").GetInt64());
    }

    [Fact]
    public void Duplicate_action_ids_are_rejected()
    {
        using var actions = new TempFile("action_id,action,start_date,due_date,metric\nA1,x,2023-10-15,2023-11-15,conversion >= 10%\nA1,y,2023-10-15,2023-11-15,conversion >= 12%\n");
        var (code, stdout, stderr) = Run("validate", "--actions", actions.Path, "--format", "json");
        Assert.True(code == 0, stderr);
        var issue = Assert.Single(Issues(JsonDocument.Parse(stdout).RootElement));
        Assert.Equal("duplicateId", issue.GetProperty("rule").GetString());
        Assert.Equal(3, issue.GetProperty("line").GetInt64());
    }

    [Fact]
    public void Out_naming_an_input_file_is_refused_and_the_file_kept()
    {
        using var file = new TempFile(Header + "A,SEO,2023-10-01,,\n");
        var before = File.ReadAllText(file.Path);
        var (code, _, stderr) = Run("validate", "--leads", file.Path, "--out", file.Path);
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(file.Path));
    }

    // Issue 18 item 6: 6,000 channels over 12 months are 78,000 cohort × channel cells, more than the funnel holds densely; the
    // report still renders (the cohorts of all leads, with a warning saying so) instead of failing.
    [Fact]
    public void The_report_on_more_channels_than_cohort_cells_shows_the_cohorts_of_all_leads_and_says_so()
    {
        var text = new System.Text.StringBuilder(Header);
        for (var i = 0; i < 6000; i++)
        {
            text.Append('L').Append(i).Append(",C").Append(i).Append(",2023-").Append(((i % 12) + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                .Append("-05 10:00,,\n");
        }

        using var file = new TempFile(text.ToString());
        var (code, stdout, stderr) = Run("report", "--leads", file.Path, "--format", "html", "--as-of", "2024-01-01");
        Assert.True(code == 0, stderr);
        Assert.Contains("cohorts are shown for all leads, not within each channel: 12 cohorts × 6001 values of Channel", stderr);
        Assert.Contains("<html", stdout);
    }
}
