using System.Globalization;
using LeadAnalytics;
using LeadAnalytics.Actions;
using LeadAnalytics.Attribution;
using LeadAnalytics.Csv;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;
using LeadAnalytics.Metrics;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Quality;
using QuickStart;

// QuickStart: the library's main job. It reads the bundled tracking table (samples/data, 3,000 generated leads
// with effects planted as samples/data/README.md describes) and answers the template's five questions: is the data
// sound, which channels pay off, where the funnel leaks, how long conversion takes, which touches deserve the credit,
// and whether the optimisation actions reached their targets.
Console.OutputEncoding = System.Text.Encoding.UTF8;
var dataDir = Path.Combine(AppContext.BaseDirectory, "data");
var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8)); // nothing in the sample is later

// 1. Import: every row is accepted or reported with its file, line and column; counts reconcile.
var import = LeadCsv.Read(Path.Combine(dataDir, "leads.csv"));
var costs = CostCsv.Read(Path.Combine(dataDir, "costs.csv"));
var touchpoints = TouchpointCsv.Read(Path.Combine(dataDir, "touchpoints.csv"));
Report.Heading("1. Data");
Console.WriteLine($"leads.csv: {import.RowsRead} rows read = {import.RowsAccepted} accepted + {import.RowsRejected} rejected " +
                  $"({import.ErrorCount} errors, {import.WarningCount} warnings; delimiter '{import.Delimiter}', {import.EncodingName})");
Console.WriteLine($"costs.csv: {costs.RowsAccepted} cost entries; touchpoints.csv: {touchpoints.RowsAccepted} touchpoints");

var quality = DataQualityChecker.Check(import.Records, asOf, importIssues: import.Issues);
Console.WriteLine($"Data quality as of {asOf:yyyy-MM-dd}: {quality.ErrorCount} errors, {quality.WarningCount} warnings, " +
                  $"{quality.StaleLeadIds.Count} stale leads (no activity for 30 days), audit sample of {quality.AuditSample.Count} leads " +
                  $"(first: {string.Join(", ", quality.AuditSample.Take(3))})");
foreach (var count in quality.RuleCounts)
{
    Console.WriteLine($"  {count.Rule}: {count.Errors} errors, {count.Warnings} warnings");
}

var table = LeadTable.Build(import.Records);

// 2. Where the funnel leaks: open leads are not drop-offs; the resolved view counts only leads whose fate is known.
var funnel = FunnelAnalyzer.Analyze(table, asOf);
Report.Heading("2. Funnel (resolved leads; stale counts as lost)");
Report.Table(
    new[] { "step", "entered", "advanced", "lost", "stale", "open", "drop-off [95% CI]" },
    funnel.Steps.Select(s => (IReadOnlyList<string>)new[]
    {
        $"{s.From.Name} -> {s.To.Name}", s.Entered.ToString(CultureInfo.InvariantCulture), s.Advanced.ToString(CultureInfo.InvariantCulture),
        s.Lost.ToString(CultureInfo.InvariantCulture), s.Stale.ToString(CultureInfo.InvariantCulture), s.Open.ToString(CultureInfo.InvariantCulture),
        Report.Rate(s.Resolved.DropOff),
    }));
Console.WriteLine($"Overall conversion: {Report.Rate(funnel.OverallConversion)} of all leads, {Report.Rate(funnel.ResolvedOverallConversion)} of resolved leads");
if (funnel.Bottleneck is { } bottleneck)
{
    Console.WriteLine($"Bottleneck: {bottleneck.Step.From.Name} -> {bottleneck.Step.To.Name}, drop-off {Report.Rate(bottleneck.Step.Resolved.DropOff)}; " +
                      $"versus the other steps p {Report.P(bottleneck.VersusOtherSteps.PValue)}, across steps chi-square p {Report.P(bottleneck.AcrossSteps.PValue)}");
}

// 3. Which channels and strategies pay off: the template's Table 2 with one definition of every metric
// (docs/metrics.md): spend from the costs table, cost per lead and per customer, ROAS (the template's "1:x") and ROI.
Report.Heading("3. Channel effectiveness (ranked by ROAS; spend from costs.csv)");
var channels = EffectivenessAnalyzer.Summarize(table, costs.Records, asOf, new EffectivenessOptions { Dimensions = new[] { Dimension.Channel }, RankBy = MetricIds.Roas });
Report.Table(
    new[] { "channel", "leads", "won", "conversion [95% CI]", "spend", "cost/lead", "cost/customer", "revenue", "ROAS", "ROI" },
    channels.Segments.Append(channels.Total).Select(s => (IReadOnlyList<string>)new[]
    {
        s.Label, s.Leads.ToString(CultureInfo.InvariantCulture), s.Won.ToString(CultureInfo.InvariantCulture), Report.Rate(s.ConversionRate),
        Report.Money(s.Spend), Report.Money(s.CostPerLead), Report.Money(s.CostPerAcquisition), Report.Money(s.Revenue),
        EffectivenessFormat.RoasRatio(s.Roas), Report.Percent((double?)s.Roi),
    }));
Console.WriteLine($"Do channels differ in conversion? {channels.ConversionIndependence?.Test}: p {Report.P(channels.ConversionIndependence?.PValue)}");
foreach (var finding in channels.Findings)
{
    Console.WriteLine($"  [{finding.Severity}] {FindingTemplates.Format(finding, "en")}");
}

var contents = EffectivenessAnalyzer.Summarize(table, null, asOf, new EffectivenessOptions { Dimensions = new[] { Dimension.Content }, RankBy = MetricIds.ConversionRate });
Report.Heading("4. Content assets (ranked by conversion)");
Report.Table(
    new[] { "content", "leads", "won", "conversion [95% CI]", "vs the rest (Holm p)", "P(better than rest)" },
    contents.Segments.Select(s => (IReadOnlyList<string>)new[]
    {
        s.Label, s.Leads.ToString(CultureInfo.InvariantCulture), s.Won.ToString(CultureInfo.InvariantCulture), Report.Rate(s.ConversionRate),
        Report.P(s.VersusRest?.AdjustedPValue), Report.Percent(s.VersusRest?.ProbabilityAboveRest),
    }));

// 5. How long conversion takes: open leads are censored at the as-of date, lost leads compete with won.
var cycle = CycleTimeAnalyzer.Analyze(table, asOf, new CycleTimeOptions { SegmentBy = Dimension.Channel });
Report.Heading("5. Time to convert (Kaplan-Meier, competing risks)");
Report.Table(
    new[] { "channel", "leads", "won", "median days to won [95% CI]", "won by day 45", "lost by day 45" },
    cycle.Segments.Prepend(cycle.Overall).Select(s => (IReadOnlyList<string>)new[]
    {
        s.Label, s.Leads.ToString(CultureInfo.InvariantCulture), s.Won.ToString(CultureInfo.InvariantCulture),
        s.TimeToWon.Median.Time is null ? "not reached" : $"{Report.Number(s.TimeToWon.Median.Time)} [{Report.Number(s.TimeToWon.Median.Lower)}, {(s.TimeToWon.Median.Upper is null ? "not reached" : Report.Number(s.TimeToWon.Median.Upper))}]",
        Report.Percent(s.CompetingRisks.IncidenceAt(1, 45)), Report.Percent(s.CompetingRisks.IncidenceAt(2, 45)),
    }));
var wonDurations = cycle.Overall.AcquisitionToWon;
Console.WriteLine($"Won leads took {Report.Number(wonDurations.Median)} days (median; p90 {Report.Number(wonDurations.P90)}) from acquisition to won.");
if (cycle.SegmentComparison is { } logRank)
{
    Console.WriteLine($"Log-rank test across channels: chi-square {Report.Number(logRank.ChiSquare, "0.00")} on {logRank.DegreesOfFreedom} df, p {Report.P(logRank.PValue)}");
}

// 6. Which touches deserve the credit for won deals: several models side by side, credit conserved to the cent.
// Journeys come from the table and its touchpoint columns; 直接访问 is one of the default direct channels.
var models = new[] { AttributionModel.FirstTouch, AttributionModel.LastNonDirect, AttributionModel.Linear, AttributionModel.WShaped, AttributionModel.Markov, AttributionModel.Shapley };
var comparison = AttributionAnalyzer.Compare(table, asOf, models, new AttributionOptions { Touchpoints = TouchpointTable.Build(table, touchpoints.Records) });
Report.Heading("6. Attribution of won deals (conversions credited per channel)");
Report.Table(
    new[] { "channel" }.Concat(comparison.Results.Select(r => r.Model.ToString())).ToArray(),
    comparison.Keys.Select(key => (IReadOnlyList<string>)new[] { key }
        .Concat(comparison.Results.Select(r => Report.Number(r.Credits.FirstOrDefault(c => c.Key == key)?.Conversions ?? 0, "0.0"))).ToArray()));
var markov = comparison.Results.First(r => r.Model == AttributionModel.Markov);
Console.WriteLine($"{markov.TotalConversions:0} conversions worth {Report.Money(markov.TotalValue.Amount)} {markov.TotalValue.Currency} in every model; " +
                  "Markov removal effects: " + string.Join(", ", markov.Credits.OrderByDescending(c => c.RemovalEffect).Take(3).Select(c => $"{c.Key} {Report.Percent(c.RemovalEffect)}")));

// 7. Why leads are lost.
var losses = LossReasonAnalyzer.Analyze(table, asOf);
Report.Heading("7. Loss reasons");
Report.Table(
    new[] { "reason", "lost", "share", "cumulative", "lost revenue (est.)" },
    losses.Overall.Rows.Select(r => (IReadOnlyList<string>)new[]
    {
        r.Reason, r.Count.ToString(CultureInfo.InvariantCulture), Report.Percent(r.Share), Report.Percent(r.CumulativeShare), Report.Money(r.LostRevenue),
    }));
foreach (var d in losses.Dominant)
{
    Console.WriteLine($"Dominant: at {d.Scope} {d.Segment}, '{d.Reason}' explains {Report.Rate(d.Share)} of {d.LostLeads} losses.");
}

// 8. Did the optimisation actions (the template's step 6) reach their targets? Each is evaluated after its start
// against its baseline, with before/after evidence and a minimum-sample guard.
var actions = ActionCsv.Read(Path.Combine(dataDir, "actions.csv"));
var tracker = ActionEvaluator.Evaluate(actions.Records, table, asOf, costs.Records);
Report.Heading("8. Optimisation actions");
Report.Table(
    new[] { "action", "target", "baseline", "current", "status", "evidence p" },
    tracker.Evaluations.Select(e => (IReadOnlyList<string>)new[]
    {
        $"{e.Action.Id} {e.Action.Description}", e.Action.Target.ToString(), Report.Number(e.BaselineValue, "0.###"),
        Report.Number(e.Current?.Value, "0.###"), e.Status.ToString(), Report.P(e.Evidence?.Test.PValue),
    }));
