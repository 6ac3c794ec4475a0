using System.Text;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Tests.Metrics;

public class MetricCatalogTests
{
    private const string Start = "<!-- catalogue:start -->";
    private const string End = "<!-- catalogue:end -->";

    [Fact]
    public void Ids_are_unique_lower_snake_case_and_found_by_id()
    {
        var ids = MetricCatalog.All.Select(m => m.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z][a-z0-9_]*$", id));
        Assert.All(MetricCatalog.All, m => Assert.Same(m, MetricCatalog.Find(m.Id)));
        // Aliases are the action grammar's and --metrics' short names.
        Assert.Same(MetricCatalog.CostPerLead, MetricCatalog.Find("cpl"));
        Assert.Same(MetricCatalog.CostPerAcquisition, MetricCatalog.Find("CAC"));
        Assert.Same(MetricCatalog.ClickThroughRate, MetricCatalog.Find(" ctr "));
        Assert.Same(MetricCatalog.CostPerLead, MetricCatalog.Find("cost-per-lead"));
        Assert.Null(MetricCatalog.Find("nope"));
        Assert.Null(MetricCatalog.Find(null));
        // Every action metric's grammar name is a catalogue name of its definition.
        foreach (var metric in ActionMetrics.All)
        {
            Assert.Same(ActionMetrics.DefinitionOf(metric), MetricCatalog.Find(ActionMetrics.NameOf(metric)));
            Assert.True(ActionMetrics.TryFind(ActionMetrics.DefinitionOf(metric).Id, out var found));
            Assert.Equal(metric, found);
        }

        // The constants name exactly the catalogue.
        var constants = typeof(MetricIds).GetFields().Select(f => (string)f.GetValue(null)!).OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), constants);
    }

    [Fact]
    public void Every_segment_metric_is_in_the_catalogue_as_an_effectiveness_metric()
    {
        foreach (var id in SegmentSummary.MetricIdsOfSegments)
        {
            Assert.Equal("Effectiveness", MetricCatalog.Find(id)!.ComputedBy);
        }

        Assert.Equal(MetricCatalog.All.Where(m => m.ComputedBy == "Effectiveness" && m.Kind != MetricKind.PValue).Select(m => m.Id), SegmentSummary.MetricIdsOfSegments);
        Assert.All(MetricCatalog.All, m => Assert.False(string.IsNullOrWhiteSpace(m.ChineseFormula)));
        Assert.All(MetricCatalog.All, m => Assert.False(string.IsNullOrWhiteSpace(m.ChineseName)));
        Assert.All(MetricCatalog.All.Where(m => m.Unit is MetricUnit.Proportion or MetricUnit.MoneyRatio && m.ComputedBy != "CycleTime"), m => Assert.NotNull(m.Denominator));
    }

    // docs/metrics.md is written from the catalogue: its table between the markers must be exactly the rendering below.
    // Set LEADANALYTICS_UPDATE_DOCS=1 to rewrite that block after changing the catalogue.
    [Fact]
    public void Docs_metrics_md_lists_every_catalogue_metric_exactly()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "metrics.md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/metrics.md lacks the catalogue markers");
        var rendered = Render();
        var current = text.Substring(start + Start.Length, end - start - Start.Length);
        if (current != rendered && Environment.GetEnvironmentVariable("LEADANALYTICS_UPDATE_DOCS") == "1")
        {
            text = text.Substring(0, start + Start.Length) + rendered + text.Substring(end);
            File.WriteAllText(path, text);
            current = rendered;
        }

        Assert.Equal(rendered, current);
        foreach (var m in MetricCatalog.All)
        {
            Assert.Contains("| `" + m.Id + "` |", text, StringComparison.Ordinal);
        }
    }

    internal static string Render()
    {
        var sb = new StringBuilder("\n");
        sb.Append("| id | aliases | name | 中文 | formula | 定义 | kind | unit | better | numerator | denominator | engine |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var m in MetricCatalog.All)
        {
            var better = m.HigherIsBetter switch { true => "higher", false => "lower", null => "—" };
            sb.Append("| `").Append(m.Id).Append("` | ").Append(m.Aliases.Count == 0 ? "—" : string.Join(", ", m.Aliases.Select(a => "`" + a + "`")))
                .Append(" | ").Append(Cell(m.EnglishName)).Append(" | ").Append(Cell(m.ChineseName)).Append(" | ")
                .Append(Cell(m.Formula)).Append(" | ").Append(Cell(m.ChineseFormula)).Append(" | ").Append(m.Kind).Append(" | ").Append(m.Unit).Append(" | ").Append(better).Append(" | ").Append(Cell(m.Numerator ?? "—"))
                .Append(" | ").Append(Cell(m.Denominator ?? "—")).Append(" | ").Append(m.ComputedBy).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadAnalytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeadAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}
