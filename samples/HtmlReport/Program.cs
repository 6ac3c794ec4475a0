using System.Text;
using LeadAnalytics.Attribution;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Reporting;

// The HTML report of the bundled sample data: one self-contained file with inline SVG charts.
// Usage: dotnet run --project samples/HtmlReport -- [output.html] [en|zh-CN]   (default: report.html, English)
var output = args.Length > 0 ? args[0] : "report.html";
var language = args.Length > 1 ? args[1] : "en";
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
    // No title: the language's own ("Lead conversion report", 线索转化报告). Every heading, caption and label follows Language.
    Subtitle = "samples/data/leads.csv",
    Language = language,
};

using (var file = new StreamWriter(output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
{
    HtmlReportWriter.Write(file, input, options);
}

Console.WriteLine($"Wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length:#,0} bytes)");
