using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>The documented exit codes (docs/cli.md): 0 success, 1 the input could not be analysed, 2 usage; every failure is
/// one line on stderr that names the file (and line and column when known), never a stack trace.</summary>
public class ExitCodeTests
{
    private static void AssertOneLine(string stderr, params string[] expected)
    {
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("leadanalytics: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        foreach (var e in expected)
        {
            Assert.Contains(e, lines[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_file_is_exit_1_naming_it()
    {
        var (code, stdout, stderr) = Run("funnel", "--leads", "no/such/leads.csv");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        AssertOneLine(stderr, "no/such/leads.csv", "file not found", "--leads");
    }

    [Fact]
    public void A_folder_instead_of_a_file_is_exit_1()
    {
        var (code, _, stderr) = Run("validate", "--leads", Path.GetTempPath());
        Assert.Equal(1, code);
        AssertOneLine(stderr, "is a folder");
    }

    [Fact]
    public void A_broken_file_is_exit_1_naming_file_and_line()
    {
        using var file = new TempFile("lead_id,channel,acquired_at\nA,SEO,2023-10-01\nB,\"SEO,2023-10-02\n");
        var (code, stdout, stderr) = Run("funnel", "--leads", file.Path, "--as-of", "2024-01-15");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        AssertOneLine(stderr, Path.GetFileName(file.Path) + "(3)");
    }

    [Fact]
    public void A_file_that_is_not_a_tracking_table_is_exit_1()
    {
        using var file = new TempFile("name,amount\nx,1\n");
        var (code, _, stderr) = Run("cycle-time", "--leads", file.Path);
        Assert.Equal(1, code);
        AssertOneLine(stderr, Path.GetFileName(file.Path));
    }

    [Fact]
    public void Row_errors_are_analysed_around_with_a_warning_and_refused_under_strict()
    {
        using var file = new TempFile("lead_id,channel,acquired_at,won_at\nA,SEO,2023-10-01,\nB,SEO,not a date,\nC,SEO,2023-10-03,2023-10-09\n");
        var (code, stdout, stderr) = Run("funnel", "--leads", file.Path, "--as-of", "2024-01-15", "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("\"leads\": 2,", stdout, StringComparison.Ordinal);
        // Two warnings: the rejected row, and the stages the file has no dates for (only acquired and won).
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        AssertOneLine(lines[0] + "\n", "warning", "1 of 3 rows rejected", "(3)");
        Assert.Equal("leadanalytics: warning: the data records no date for Contacted, Needs confirmed, Proposal sent, Negotiation: those stages are shown as not recorded and left out of the steps and the bottleneck.", lines[1]);

        (code, stdout, stderr) = Run("funnel", "--leads", file.Path, "--as-of", "2024-01-15", "--strict");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        AssertOneLine(stderr, Path.GetFileName(file.Path) + "(3) acquired_at", "InvalidDate", "--strict");
    }

    [Fact]
    public void Validate_under_strict_writes_the_report_then_fails()
    {
        using var file = new TempFile("lead_id,channel,acquired_at\nA,SEO,2023-10-01\nA,SEO,2023-10-02\n");
        var (code, stdout, stderr) = Run("validate", "--leads", file.Path, "--as-of", "2024-01-15", "--format", "json", "--strict");
        Assert.Equal(1, code);
        Assert.Contains("\"duplicateId\"", stdout, StringComparison.Ordinal);
        AssertOneLine(stderr, "(3)", "DuplicateId");
    }

    [Theory]
    [InlineData("funnel", "--leads", "x.csv", "--bogus")]
    [InlineData("funnel")]
    [InlineData("funnel", "--leads", "x.csv", "--format", "xml")]
    [InlineData("funnel", "--leads", "x.csv", "--as-of", "15/01/2024")]
    [InlineData("funnel", "--leads", "x.csv", "--stale-after", "-3")]
    [InlineData("funnel", "--leads", "x.csv", "--time-zone", "Mars/Olympus")]
    [InlineData("funnel", "--leads", "x.csv", "--currency", "XYZ")]
    [InlineData("funnel", "--leads", "x.csv", "--by", "colour")]
    [InlineData("funnel", "--leads", "x.csv", "--by", "channel,industry", "--cohort", "month")]
    [InlineData("attribution", "--leads", "x.csv", "--model", "markov")]
    [InlineData("attribution", "--paths", "p.csv", "--model", "magic")]
    [InlineData("report", "--leads", "x.csv", "--format", "csv")]
    [InlineData("segments", "--leads", "x.csv", "--by", "channel,industry,owner")]
    [InlineData("actions", "--leads", "x.csv")]
    [InlineData("segments", "--leads", "x.csv", "--by", "channel", "--rank-by", "beauty")]
    [InlineData("segments", "--leads", "x.csv", "--by", "channel", "--from", "2023-12-01", "--to", "2023-11-01")]
    [InlineData("frobnicate")]
    [InlineData()]
    public void Usage_errors_are_exit_2_with_one_line(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        AssertOneLine(stderr);
    }

    [Fact]
    public void Help_is_exit_0()
    {
        var (code, stdout, _) = Run("funnel", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--leads", stdout, StringComparison.Ordinal);
        Assert.Contains("--stale-after", stdout, StringComparison.Ordinal);
    }

    /// <summary>Help points at documentation someone who installed the tool can open: a web address, never a path inside
    /// the repository (issue 17).</summary>
    [Theory]
    [InlineData("--help")]
    [InlineData("attribution", "--help")]
    [InlineData("funnel", "--help")]
    public void Help_names_the_docs_by_their_web_address(params string[] args)
    {
        var (code, stdout, _) = Run(args);
        Assert.Equal(0, code);
        Assert.DoesNotMatch(@"(?<![/\w])docs/[\w-]+\.md", stdout);
        if (args.Length == 1)
        {
            Assert.Contains("https://github.com/leadanalytics/leadanalytics/blob/main/docs/cli.md", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_of_the_wrong_table_is_exit_1_naming_it()
    {
        var (code, _, stderr) = Run("actions", "--actions", CliRunner.SampleData("costs.csv"), "--leads", CliRunner.SampleData("leads.csv"));
        Assert.Equal(1, code);
        AssertOneLine(stderr, "costs.csv");
    }
}
