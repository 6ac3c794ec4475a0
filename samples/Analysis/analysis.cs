// A file-based C# app (.NET 10): no project file, the packages named below. Run it with
//     dotnet run analysis.cs -- path/to/leads.csv path/to/costs.csv
// (samples/data by default). It prints the funnel and the channels, and writes report.html (the HTML report, in Chinese
// with --lang zh as third argument) and results.xlsx (the channel table as a sheet) into the current folder.
// .NET Interactive notebooks were retired in 2026 (dotnet/interactive#4163); this is the route Microsoft recommends.
#:package LeadAnalytics.Csv@0.1.0
#:package LeadAnalytics.Reporting@0.1.0
#:package LeadAnalytics.Excel@0.1.0

using LeadAnalytics;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Excel;
using LeadAnalytics.Funnel;
using LeadAnalytics.Reporting;

var leadsPath = args.Length > 0 ? args[0] : "samples/data/leads.csv";
var costsPath = args.Length > 1 ? args[1] : "samples/data/costs.csv";
var language = args.Length > 2 ? args[2] : "en";

var import = LeadCsv.Read(leadsPath);
foreach (var issue in import.Issues.Take(5))
{
    Console.Error.WriteLine(issue);
}

var costs = CostCsv.Read(costsPath);
var table = LeadTable.Build(import.Records);
var asOf = table.LatestEvent ?? DateTimeOffset.UtcNow;

var funnel = FunnelAnalyzer.Analyze(table, asOf);
Console.WriteLine($"{funnel.Leads} leads, {funnel.Won} won, conversion {funnel.OverallConversion}");
Console.WriteLine(funnel.Bottleneck is { } b ? $"bottleneck: {b.Step.From.Name} -> {b.Step.To.Name}, {b.Step.Resolved.DropOff}" : "no bottleneck");

var channels = EffectivenessAnalyzer.Analyze(table, asOf, new EffectivenessOptions { Costs = costs.Records });
foreach (var c in channels.Segments)
{
    Console.WriteLine($"{c.Label}: {c.ConversionRate} CAC {c.CostPerAcquisition:0} ROAS {EffectivenessFormat.RoasRatio(c.Roas)}");
}

File.WriteAllText("report.html", HtmlReportWriter.ToHtml(
    HtmlReportInput.FromTable(table, asOf, costs: costs.Records),
    new HtmlReportOptions { Language = language }));
WorkbookWriter.Write("results.xlsx", new[]
{
    new WorkbookSheet("channels", new[] { "channel", "leads", "won", "conversion", "spend", "cost per customer", "ROAS" },
        channels.Segments.Select(c => new object?[] { c.Label, c.Leads, c.Won, c.ConversionRate.Value, c.Spend, c.CostPerAcquisition, c.Roas })),
});
Console.WriteLine("wrote report.html and results.xlsx");
