using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Tests.Docs;

// The README's "A first analysis" snippet, kept compiling and true. Keep the two in step.
public class ReadmeExampleTests
{
    [Fact]
    public void The_first_analysis_runs_on_the_sample_data()
    {
        var root = RepositoryRoot();
        var output = new StringWriter();

        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
        var import = LeadCsv.Read(Path.Combine(root, "samples/data/leads.csv"));
        var costs = CostCsv.Read(Path.Combine(root, "samples/data/costs.csv"));
        var table = LeadTable.Build(import.Records);

        var funnel = FunnelAnalyzer.Analyze(table, asOf);
        output.WriteLine(funnel.Bottleneck!.Step.To.Name);
        var channels = EffectivenessAnalyzer.Analyze(table, asOf, new EffectivenessOptions { Costs = costs.Records });
        foreach (var c in channels.Segments)
        {
            output.WriteLine($"{c.Label}: {c.ConversionRate} CAC {c.CostPerAcquisition:0} ROAS {EffectivenessFormat.RoasRatio(c.Roas)}");
        }

        var text = output.ToString();
        Assert.StartsWith(Pipeline.NeedsConfirmed, text, StringComparison.Ordinal);
        Assert.Equal(3000, import.RowsAccepted);
        Assert.Equal(6, channels.Segments.Count);
        // The planted trade show costs about 5,000 per customer (samples/data/README.md): 342,000 / 75 won.
        Assert.Contains("行业展会: 21.4% [17.5%, 26.0%] (75/350) CAC 4560 ROAS 1:17.2", text.Replace(" %", "%", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadAnalytics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
