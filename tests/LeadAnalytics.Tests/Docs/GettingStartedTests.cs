using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;

namespace LeadAnalytics.Tests.Docs;

/// <summary>docs/getting-started.md shows the code between the <c>first-analysis</c> markers below, word for word: this test
/// compiles and runs it on the bundled sample data and checks that the page still quotes it exactly.</summary>
public class GettingStartedTests
{
    private static string RepositoryFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadAnalytics.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(new[] { dir!.FullName }.Concat(parts).ToArray());
    }

    private static string FirstAnalysis(string path)
    {
        var console = new StringWriter();
        // <first-analysis>
        var import = LeadCsv.Read(path);                  // every accepted lead, and every row issue with file, line and column
        console.WriteLine($"{import.RowsAccepted} leads, {import.ErrorCount} errors, {import.WarningCount} warnings");

        var table = LeadTable.Build(import.Records);      // columnar, built once, read by every engine
        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));   // engines never read the clock
        var funnel = FunnelAnalyzer.Analyze(table, asOf);
        console.WriteLine(funnel);                        // leads, won and conversion with its Wilson interval
        foreach (var step in funnel.Steps)
        {
            console.WriteLine($"{step.From.Name} -> {step.To.Name}: drop-off {step.Resolved.DropOff}");
        }

        if (funnel.Bottleneck is { } bottleneck)
        {
            console.WriteLine($"Bottleneck: {bottleneck.Step.From.Name} (p = {bottleneck.VersusOtherSteps.PValue:G3})");
        }

        var byChannel = FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Channel);
        foreach (var segment in byChannel.Segments)
        {
            console.WriteLine($"{segment.Label}: {segment.Funnel.OverallConversion}");
        }

        string json = LeadAnalyticsJson.SerializeFunnel(funnel);   // schema v1, the same document `leadanalytics funnel --format json` writes
        // </first-analysis>
        console.WriteLine(json.Length);
        return console.ToString();
    }

    [Fact]
    public void The_first_analysis_runs_on_the_sample_data()
    {
        var output = FirstAnalysis(RepositoryFile("samples", "data", "leads.csv"));
        Assert.StartsWith("3000 leads, 0 errors,", output, StringComparison.Ordinal);
        Assert.Contains("Bottleneck: Contacted", output, StringComparison.Ordinal);
        Assert.Contains("行业展会:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_quotes_the_code_that_runs()
    {
        var source = File.ReadAllText(RepositoryFile("tests", "LeadAnalytics.Tests", "Docs", "GettingStartedTests.cs")).Replace("\r\n", "\n");
        var start = source.IndexOf("// <first-analysis>\n", StringComparison.Ordinal) + "// <first-analysis>\n".Length;
        var end = source.IndexOf("        // </first-analysis>", StringComparison.Ordinal);
        var lines = source.Substring(start, end - start).Split('\n').Select(l => l.Length >= 8 ? l.Substring(8) : l.TrimStart());
        var snippet = string.Join("\n", lines).Replace("console.WriteLine", "Console.WriteLine").TrimEnd();
        var page = File.ReadAllText(RepositoryFile("docs", "getting-started.md")).Replace("\r\n", "\n");
        Assert.Contains(snippet, page, StringComparison.Ordinal);
    }
}
