#!/usr/bin/env python3
"""Writes LeadAnalytics.ipynb from the cells below (keeps the notebook's JSON reviewable as code).
Run: python3 samples/Notebook/make_notebook.py"""
import json, os

cells = []
def md(text): cells.append({"cell_type": "markdown", "metadata": {}, "source": text.strip("\n").splitlines(keepends=True)})
def cs(text): cells.append({"cell_type": "code", "execution_count": None, "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [], "source": text.strip("\n").splitlines(keepends=True)})

md("""
# Lead conversion analysis with LeadAnalytics

A data analyst's first pass over the tracking table (销售线索转化跟踪表) in `samples/data`: load it, compare the
channels, find where the funnel leaks, see how long conversion takes, and check which touches get the credit under
different attribution models.

The notebook uses the packages built from this repository. Build them once into a local feed, from the repository root:

```bash
dotnet pack LeadAnalytics.sln -c Release -o artifacts/packages
```

Then open this notebook in VS Code (Polyglot Notebooks) or run it headless:
`dotnet tool restore && cd samples/Notebook && dotnet dotnet-repl --run LeadAnalytics.ipynb --exit-after-run`.
The feed folder can be changed with the `LEADANALYTICS_PACKAGES` environment variable.
""")

cs("""
// The local feed: #i needs an absolute path, so it is computed here and submitted to the kernel.
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

var feed = Environment.GetEnvironmentVariable("LEADANALYTICS_PACKAGES")
           ?? System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "..", "artifacts", "packages"));
if (!System.IO.Directory.Exists(feed)) throw new Exception($"No package folder at {feed}: run `dotnet pack LeadAnalytics.sln -c Release -o artifacts/packages` first.");
await Kernel.Root.SendAsync(new SubmitCode($"#i \\"nuget: {feed}\\"", "csharp"));
feed
""")

cs("""
#r "nuget: LeadAnalytics, 0.1.0"
#r "nuget: LeadAnalytics.Csv, 0.1.0"
#r "nuget: LeadAnalytics.Reporting, 0.1.0"
""")

cs("""
using LeadAnalytics;
using LeadAnalytics.Attribution;
using LeadAnalytics.Csv;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.Quality;
using LeadAnalytics.Reporting;
using Microsoft.DotNet.Interactive.Formatting.TabularData;

// The engines never read the clock: every answer is "as of" an instant. Nothing in the sample is later than this.
var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
var dataDir = System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "data"));
""")

md("""
## 1. Load the tracking table

Every row is either accepted or reported with its line and column; nothing is dropped silently.
""")

cs("""
var import = LeadCsv.Read(System.IO.Path.Combine(dataDir, "leads.csv"));
var touchpoints = TouchpointCsv.Read(System.IO.Path.Combine(dataDir, "touchpoints.csv"));
var costs = CostCsv.Read(System.IO.Path.Combine(dataDir, "costs.csv"));
var quality = DataQualityChecker.Check(import.Records, asOf, importIssues: import.Issues);
var table = LeadTable.Build(import.Records);

display($"{import.RowsRead} rows read, {import.RowsAccepted} accepted, {import.RowsRejected} rejected; " +
        $"{quality.ErrorCount} errors, {quality.WarningCount} warnings, {quality.StaleLeadIds.Count} stale leads; " +
        $"{touchpoints.RowsAccepted} touchpoints, {costs.RowsAccepted} cost entries");
import.Records.Take(5).Select(l => new { l.Id, l.Channel, l.Strategy, AcquiredAt = l.AcquiredAt.ToString("yyyy-MM-dd HH:mm"), Outcome = l.Outcome.ToString(), Deal = l.DealAmount?.Amount }).ToTabularDataResource()
""")

md("""
## 2. Channels

The template's Table 2: per channel, leads, won, conversion with its 95% interval, spend (from the costs table), cost per
lead, cost per customer, revenue and ROAS, best ROAS first. The bubble chart places each channel by what a customer
costs and how well its leads convert; the bubble's area is its revenue.
""")

cs("""
var effectiveness = EffectivenessAnalyzer.Analyze(table, asOf, new EffectivenessOptions
{
    Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } },
    Costs = costs.Records,
    RankBy = LeadAnalytics.Metrics.MetricIds.Roas,
});
display(HTML(SvgCharts.ConversionVersusCost(effectiveness)));
effectiveness.Segments.Select(s => new
{
    Channel = s.Label, s.Leads, s.Won,
    Conversion = Math.Round(s.ConversionRate.Value ?? 0, 4),
    Spend = s.Spend, CostPerLead = Math.Round(s.CostPerLead ?? 0, 0), CostPerCustomer = Math.Round(s.CostPerAcquisition ?? 0, 0),
    Revenue = s.Revenue, Roas = EffectivenessFormat.RoasRatio(s.Roas),
}).ToTabularDataResource()
""")

cs("""
// Is a channel's conversion really different, or is it chance? Intervals against the conversion of all leads (dashed).
var byChannel = FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Channel);
display(HTML(SvgCharts.ConversionBySegment(byChannel)));
effectiveness.Findings.Select(f => f.ToString())
""")

md("""
## 3. Where the funnel leaks

Open leads are not drop-offs: the drop-off of each step is computed among the leads whose fate at that step is
known. The bottleneck is the step with the largest such drop-off (red in the chart).
""")

cs("""
var funnel = FunnelAnalyzer.Analyze(table, asOf);
display(HTML(SvgCharts.Funnel(funnel)));
display($"Bottleneck: {funnel.Bottleneck}");
funnel.Steps.Select(s => new
{
    Step = $"{s.From.Name} -> {s.To.Name}", s.Entered, s.Advanced, s.Lost, s.Stale, s.Open,
    DropOff = Math.Round(s.Resolved.DropOff.Value ?? 0, 4),
}).ToTabularDataResource()
""")

md("""
## 4. How long conversion takes

Kaplan-Meier curves of time to won by channel: the share of leads not yet won after each day, open leads censored at
the as-of date. The log-rank test says whether the channels' curves differ by more than chance.
""")

cs("""
var cycle = CycleTimeAnalyzer.Analyze(table, asOf, new CycleTimeOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
display(HTML(SvgCharts.TimeToWon(cycle)));
display($"Log-rank: chi-square {cycle.SegmentComparison?.ChiSquare:0.00} on {cycle.SegmentComparison?.DegreesOfFreedom} df, p = {cycle.SegmentComparison?.PValue:G3}");
cycle.Segments.Select(s => new
{
    Channel = s.Label, s.Leads, s.Won,
    MedianDaysToWon = s.TimeToWon.Median.Time,
    WonWithin60Days = Math.Round(s.CompetingRisks.IncidenceAt(CycleTimeResult.WonCause, 60), 4),
    LostWithin60Days = Math.Round(s.CompetingRisks.IncidenceAt(CycleTimeResult.LostCause, 60), 4),
}).ToTabularDataResource()
""")

md("""
## 5. Which touches get the credit

The same won deals credited by several attribution models. Every model shares out the same conversions and the same
revenue; where a channel's bars differ, its credit depends on the model.
""")

cs("""
var journeys = AttributionJourneys.FromLeads(import.Records, touchpoints.Records);
var models = new[] { AttributionModel.FirstTouch, AttributionModel.LastNonDirect, AttributionModel.Linear, AttributionModel.Markov, AttributionModel.Shapley };
var comparison = AttributionAnalyzer.Compare(journeys, models, new AttributionOptions { DirectChannels = new[] { "直接访问" }, AsOf = asOf });
display(HTML(SvgCharts.AttributionComparison(comparison)));
comparison.Keys.Select(key => new
{
    Channel = key,
    FirstTouch = Math.Round(comparison.For(AttributionModel.FirstTouch).Find(key)?.Conversions ?? 0, 1),
    LastNonDirect = Math.Round(comparison.For(AttributionModel.LastNonDirect).Find(key)?.Conversions ?? 0, 1),
    Linear = Math.Round(comparison.For(AttributionModel.Linear).Find(key)?.Conversions ?? 0, 1),
    Markov = Math.Round(comparison.For(AttributionModel.Markov).Find(key)?.Conversions ?? 0, 1),
    Shapley = Math.Round(comparison.For(AttributionModel.Shapley).Find(key)?.Conversions ?? 0, 1),
}).ToTabularDataResource()
""")

md("""
## 6. What the data says (checked)

The sample data has effects planted on purpose (`samples/data/README.md`); the cell below checks that the analysis
recovers them, so this notebook fails loudly if the library's answers change meaning.
""")

cs("""
void Expect(bool condition, string what) { if (!condition) throw new Exception("Expectation failed: " + what); }

Expect(import.RowsRejected == 0 && table.Count == 3000, "3,000 leads load without rejected rows");
Expect(funnel.Bottleneck?.Step.From.Name == Pipeline.Contacted, "the bottleneck is needs discovery (Contacted -> NeedsConfirmed)");
var ranked = byChannel.Segments.OrderByDescending(s => s.Funnel.OverallConversion.Value).Select(s => s.Label).ToList();
Expect(ranked.Take(2).OrderBy(x => x).SequenceEqual(new[] { "行业展会", "转介绍" }.OrderBy(x => x)), "trade show and referral convert best");
Expect(effectiveness.Segments[0].Label == "转介绍", "referral, nearly free, has the best ROAS");
Expect(cycle.SegmentComparison?.PValue < 0.05, "channels differ in time to won (log-rank p < 0.05)");
Expect(comparison.Results.All(r => Math.Abs(r.Credits.Sum(c => c.Conversions) - r.TotalConversions) < 1e-6), "every model conserves the conversions");
"All expectations hold."
""")

nb = {
    "cells": cells,
    "metadata": {
        "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
        "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#", "pygments_lexer": "csharp", "version": "13.0"},
        "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "LeadAnalytics.ipynb")
with open(path, "w", encoding="utf-8", newline="\n") as f:
    json.dump(nb, f, ensure_ascii=False, indent=1)
    f.write("\n")
print("wrote", path)
