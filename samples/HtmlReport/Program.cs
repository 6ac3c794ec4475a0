using System.Text;
using LeadAnalytics.Attribution;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Reporting;

// The HTML report of the bundled sample data: one self-contained file with inline SVG charts.
// Usage: dotnet run --project samples/HtmlReport -- [output.html]   (default: report.html in the current folder)
var output = args.Length > 0 ? args[0] : "report.html";
var dataDir = Path.Combine(AppContext.BaseDirectory, "data");
var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8)); // nothing in the sample is later

var leads = LeadCsv.Read(Path.Combine(dataDir, "leads.csv"));
var touchpoints = TouchpointCsv.Read(Path.Combine(dataDir, "touchpoints.csv"));
var costs = CostCsv.Read(Path.Combine(dataDir, "costs.csv"));
var actions = ActionCsv.Read(Path.Combine(dataDir, "actions.csv"));
var table = LeadTable.Build(leads.Records);
var journeys = AttributionJourneys.FromLeads(leads.Records, touchpoints.Records);

var input = HtmlReportInput.FromTable(table, asOf, journeys, costs.Records, actions.Records,
    attributionOptions: new AttributionOptions { DirectChannels = new[] { "直接访问" }, AsOf = asOf });
var options = new HtmlReportOptions
{
    Title = "Sample lead conversion report (销售线索转化跟踪)",
    Subtitle = "samples/data/leads.csv (synthetic)",
    Language = "zh-CN",
};

using (var file = new StreamWriter(output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
{
    HtmlReportWriter.Write(file, input, options);
}

Console.WriteLine($"Wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length:#,0} bytes)");
