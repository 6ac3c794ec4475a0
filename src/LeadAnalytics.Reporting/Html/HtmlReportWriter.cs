using System.Reflection;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;
using LeadAnalytics.Funnel;
using LeadAnalytics.Reporting.Charts;
using LeadAnalytics.Reporting.Html;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting;

/// <summary>
/// Writes the report as one self-contained HTML file: inline CSS and inline SVG charts, no script, no web font, no
/// external resource, so it reads the same offline, in a browser and as an e-mail attachment. UTF-8 with a CJK-capable
/// font stack, so Chinese channel names and loss reasons render. Every text from the data is escaped.
/// </summary>
/// <example>
/// <code>
/// var input = HtmlReportInput.FromTable(table, asOf, journeys);
/// using var file = new StreamWriter("report.html", false, new UTF8Encoding(false));
/// HtmlReportWriter.Write(file, input);
/// </code>
/// </example>
/// <remarks>The output is deterministic (no generation time is written: the same input gives the same bytes) and is
/// well-formed XML as well as HTML5. Thread-safe.</remarks>
public static class HtmlReportWriter
{
    /// <summary>Writes the report.</summary>
    /// <param name="writer">Where to write; UTF-8 is what the page declares, so give a UTF-8 writer for files.</param>
    /// <param name="input">The engine results.</param>
    /// <param name="options">Title, language and chart options; <see cref="HtmlReportOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="input"/> is null.</exception>
    public static void Write(TextWriter writer, HtmlReportInput input, HtmlReportOptions? options = null)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.Write(ToHtml(input, options));
        writer.Flush();
    }

    /// <summary>The report as a string.</summary>
    /// <param name="input">The engine results.</param>
    /// <param name="options">Title, language and chart options; <see cref="HtmlReportOptions.Default"/> when null.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static string ToHtml(HtmlReportInput input, HtmlReportOptions? options = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        options ??= HtmlReportOptions.Default;
        var html = new HtmlText();
        html.Raw("<!DOCTYPE html>\n<html lang=\"").Text(options.Language).Raw("\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Raw("<meta name=\"generator\" content=\"LeadAnalytics.Reporting ").Text(Version()).Raw("\"/>\n")
            .Open("title").Text(options.Title).Close("title").Line()
            .Raw("<style>").Raw(Css).Raw("</style>\n</head>\n<body>\n<main>\n");

        Header(html, input, options);
        Summary(html, input);
        Channels(html, input, options);
        FunnelSection(html, input, options);
        TimeSection(html, input, options);
        AttributionSection(html, input, options);
        LossSection(html, input, options);
        ActionsSection(html, input, options);

        html.Open("footer").Open("p").Text($"LeadAnalytics {Version()}. Rates carry 95% Wilson intervals; open leads are not drop-offs; " +
            "stale leads (no activity for 30 days) count as lost. Definitions: docs/funnel.md, docs/cycle-time.md, docs/attribution.md.")
            .Close("p").Close("footer").Line();
        html.Raw("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(HtmlText html, HtmlReportInput input, HtmlReportOptions options)
    {
        var asOf = input.AsOf;
        var offset = asOf.Offset == TimeSpan.Zero ? "UTC" : "UTC" + (asOf.Offset < TimeSpan.Zero ? "-" : "+") + asOf.Offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
        var meta = $"As of {asOf.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ({offset}) · {Format.Count(input.Funnel.Leads)} leads";
        if (options.Subtitle is { } subtitle)
        {
            meta += " · " + subtitle;
        }

        html.Open("header").Element("h1", options.Title).Element("p", meta, "meta").Close("header").Line();
    }

    private static void Summary(HtmlText html, HtmlReportInput input)
    {
        var funnel = input.Funnel;
        html.Open("section", "summary", "summary").Open("div", "cards");
        Card(html, "Leads", Format.Count(funnel.Leads), null);
        Card(html, "Won", Format.Count(funnel.Won), null);
        Card(html, "Conversion (all leads)", Format.Percent(funnel.OverallConversion.Value), Interval(funnel.OverallConversion));
        Card(html, "Conversion (resolved leads)", Format.Percent(funnel.ResolvedOverallConversion.Value), Interval(funnel.ResolvedOverallConversion));
        if (funnel.Bottleneck is { } b)
        {
            Card(html, "Bottleneck", $"{b.Step.From.DisplayName} → {b.Step.To.DisplayName}", $"{Format.Percent(b.Step.Resolved.DropOff.Value)} drop-off", alert: true);
        }

        if (input.CycleTime?.Overall.TimeToWon.Median is { } median)
        {
            Card(html, "Median days to won (KM)", median.Time is { } t ? Format.Number(t, "0.0") : "not reached",
                median.Time is null ? null : $"[{Format.Number(median.Lower, "0.0")}, {(median.Upper is null ? "not reached" : Format.Number(median.Upper, "0.0"))}]");
        }

        html.Close("div").Close("section").Line();
    }

    private static void Card(HtmlText html, string label, string value, string? detail, bool alert = false)
    {
        html.Open("div", alert ? "card alert" : "card").Element("div", label, "label").Element("div", value, "value");
        if (detail is not null)
        {
            html.Element("div", detail, "detail");
        }

        html.Close("div");
    }

    private static string? Interval(Statistics.Rate rate) =>
        rate.Value is null ? null : $"[{Format.Percent(rate.Lower)}, {Format.Percent(rate.Upper)}] · {Format.Count(rate.Numerator)}/{Format.Count(rate.Denominator)}";

    private static void Channels(HtmlText html, HtmlReportInput input, HtmlReportOptions options)
    {
        html.Open("section", null, "channels").Element("h2", "Channels");
        var segments = input.Segments;
        var effectiveness = input.Effectiveness;
        if (segments is null && effectiveness is null)
        {
            Note(html, "No breakdown by channel was given (HtmlReportInput.Segments, HtmlReportInput.Effectiveness).");
            html.Close("section").Line();
            return;
        }

        var dimensions = effectiveness?.Dimensions ?? segments!.Dimensions;
        var dimension = dimensions.Count > 0 ? string.Join(" × ", dimensions) : "segment";
        var cycleBySegment = new Dictionary<string, CycleTimeSegment>(StringComparer.Ordinal);
        foreach (var s in input.CycleTime?.Segments ?? Array.Empty<CycleTimeSegment>())
        {
            cycleBySegment[s.Label] = s;
        }

        if (effectiveness is not null)
        {
            EffectivenessTable(html, effectiveness, dimension);
            Findings(html, effectiveness, options);
        }
        else
        {
            FunnelChannelTable(html, segments!, dimension, cycleBySegment, input.CycleTime?.Overall);
            Note(html, "Spend, cost per lead, cost per customer and ROAS per channel need the effectiveness summary with costs " +
                       "(HtmlReportInput.Effectiveness); this report was built without it.");
        }

        if (segments is not null)
        {
            html.Element("h3", $"Conversion by {dimension}");
            Chart(html, SvgCharts.ConversionBySegment(segments, options.Charts),
                "Dot: won / leads; whisker: 95% Wilson interval; dashed line: all leads. Intervals that do not overlap the line differ from the average by more than chance.");
        }

        html.Element("h3", "Conversion against cost per customer");
        if (effectiveness is not null && ValueChart.Plotted(effectiveness, options.Charts.MaxSegments).Count > 0)
        {
            var unplaced = ValueChart.Unplaced(effectiveness);
            Chart(html, SvgCharts.ConversionVersusCost(effectiveness, options.Charts),
                "x: cost per customer (spend / won); y: conversion (won / leads); bubble area: revenue; label: ROAS (revenue / spend). " +
                "Up and to the left is cheaper customers from better leads." +
                (unplaced.Count > 0 ? " Not placed (no spend or nobody won): " + string.Join(", ", unplaced.Select(u => u.Label)) + "." : string.Empty));
        }
        else
        {
            Note(html, effectiveness is null
                ? "This chart (conversion against cost per customer, revenue as bubble size) needs the effectiveness summary with costs and revenue; it is left out of this report."
                : "No segment has both spend and a won lead, so no cost per customer can be placed.");
        }

        html.Close("section").Line();
    }

    private static void EffectivenessTable(HtmlText html, EffectivenessResult result, string dimension)
    {
        var currency = result.Currency.Code;
        // Time to won is in the cycle-time section; here the money columns need the room.
        IReadOnlyList<string> Row(SegmentSummary s, string label) => new[]
        {
            label, Format.Count(s.Leads), Format.Count(s.Won), Format.Rate(s.ConversionRate), Format.Money(s.Spend), Format.Money(s.CostPerLead),
            Format.Money(s.CostPerAcquisition), Format.Money(s.Revenue), Format.Roas(s.Roas),
        };
        var rows = result.Segments.Select(s => Row(s, s.Label)).ToList();
        rows.Add(Row(result.Total, "All leads"));
        html.Table("channel-table",
            new[] { dimension, "leads", "won", "conversion [95% CI]", $"spend ({currency})", "cost per lead", "cost per customer", $"revenue ({currency})", "ROAS" },
            rows);
    }

    private static void Findings(HtmlText html, EffectivenessResult result, HtmlReportOptions options)
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        var language = options.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? FindingTemplates.Chinese : FindingTemplates.English;
        html.Open("ul", "findings");
        foreach (var finding in result.Findings.Take(6))
        {
            html.Element("li", FindingTemplates.Format(finding, language), "finding " + finding.Severity.ToString().ToLowerInvariant());
        }

        html.Close("ul").Line();
    }

    private static void FunnelChannelTable(HtmlText html, FunnelBreakdown segments, string dimension, Dictionary<string, CycleTimeSegment> cycleBySegment, CycleTimeSegment? overall)
    {
        var rows = segments.Segments
            .OrderByDescending(s => s.Funnel.Leads).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Select(s =>
            {
                var bottleneck = s.Funnel.Bottleneck;
                cycleBySegment.TryGetValue(s.Label, out var cycle);
                return (IReadOnlyList<string>)new[]
                {
                    s.Label,
                    Format.Count(s.Funnel.Leads),
                    Format.Count(s.Funnel.Won),
                    Format.Rate(s.Funnel.OverallConversion),
                    Format.Percent(s.Funnel.ResolvedOverallConversion.Value),
                    bottleneck is null ? Format.Undefined : StepName(bottleneck.Step) + $" ({Format.Percent(bottleneck.Step.Resolved.DropOff.Value)})",
                    MedianDays(cycle),
                };
            }).ToList();
        var total = segments.Total;
        rows.Add(new[]
        {
            "All leads", Format.Count(total.Leads), Format.Count(total.Won), Format.Rate(total.OverallConversion),
            Format.Percent(total.ResolvedOverallConversion.Value),
            total.Bottleneck is { } tb ? StepName(tb.Step) + $" ({Format.Percent(tb.Step.Resolved.DropOff.Value)})" : Format.Undefined,
            MedianDays(overall),
        });
        html.Table("channel-table", new[] { dimension, "leads", "won", "conversion [95% CI]", "resolved conversion", "biggest drop-off", "median days to won" }, rows);
    }

    private static string StepName(FunnelStep step) => $"{step.From.DisplayName} → {step.To.DisplayName}";

    private static string MedianDays(CycleTimeSegment? segment) =>
        segment is null ? Format.Undefined : segment.TimeToWon.Median.Time is { } m ? Format.Number(m, "0.0") : "not reached";

    private static void FunnelSection(HtmlText html, HtmlReportInput input, HtmlReportOptions options)
    {
        var funnel = input.Funnel;
        html.Open("section", null, "funnel").Element("h2", "Funnel");
        Chart(html, SvgCharts.Funnel(funnel, options.Charts), BottleneckCaption(funnel));
        html.Table("funnel-table",
            new[] { "step", "entered", "advanced", "lost", "stale", "open", "drop-off, resolved [95% CI]", "median time" },
            funnel.Steps.Select(s => (IReadOnlyList<string>)new[]
            {
                StepName(s), Format.Count(s.Entered), Format.Count(s.Advanced), Format.Count(s.Lost),
                Format.Count(s.Stale), Format.Count(s.Open), Format.Rate(s.Resolved.DropOff),
                s.Duration?.Median is { } d ? Format.Days(d.TotalDays) : Format.Undefined,
            }));
        html.Close("section").Line();
    }

    private static string BottleneckCaption(FunnelResult funnel)
    {
        if (funnel.Bottleneck is not { } b)
        {
            return "No step has a resolved drop-off: no bottleneck.";
        }

        return $"Bar length: leads that reached the stage. The bottleneck (red) is the step with the largest drop-off among resolved leads: " +
               $"{b.Step.From.DisplayName} → {b.Step.To.DisplayName}, {Format.Rate(b.Step.Resolved.DropOff)}; " +
               $"against the other steps p {Format.P(b.VersusOtherSteps.PValue)} ({(b.IsSignificant ? "significant" : "not significant")} at 5%). " +
               "Open leads are not drop-offs.";
    }

    private static void TimeSection(HtmlText html, HtmlReportInput input, HtmlReportOptions options)
    {
        html.Open("section", null, "cycle-time").Element("h2", "Time to convert");
        if (input.CycleTime is not { } cycle)
        {
            Note(html, "No cycle-time result was given (HtmlReportInput.CycleTime).");
            html.Close("section").Line();
            return;
        }

        html.Element("h3", "Time to won (Kaplan-Meier)");
        var logRank = cycle.SegmentComparison is { } lr
            ? $" Log-rank test across segments: chi-square {Format.Number(lr.ChiSquare, "0.00")} on {lr.DegreesOfFreedom} df, p {Format.P(lr.PValue)}."
            : string.Empty;
        Chart(html, SvgCharts.TimeToWon(cycle, options.Charts),
            "Share of leads not yet won by each day since acquisition, with 95% pointwise bands. Open leads are censored at the as-of date and lost leads at their loss, " +
            "so 1 − curve is the conversion a lead would reach if it could not be lost." + logRank);
        html.Element("h3", "Won and lost over time (all leads)");
        Chart(html, SvgCharts.WonVersusLost(cycle.Overall, options.Charts),
            "Cumulative incidence (Aalen-Johansen): the share of all leads won, and lost, by each day, with losses treated as a competing outcome. This is the honest \"converted within t days\".");
        var days = options.IncidenceDays;
        var header = new List<string> { (cycle.Options.Scope.Breakdown.Count > 0 ? string.Join(" × ", cycle.Options.Scope.Breakdown) : "segment"), "leads", "won", "lost", "open", "median days to won [95% CI]" };
        foreach (var d in days)
        {
            header.Add($"won ≤ {Format.Number(d, "0")} d");
            header.Add($"lost ≤ {Format.Number(d, "0")} d");
        }

        html.Table("time-table", header, cycle.Segments.Append(cycle.Overall).Select(s =>
        {
            var median = s.TimeToWon.Median;
            var row = new List<string>
            {
                ReferenceEquals(s, cycle.Overall) ? "All leads" : s.Label, Format.Count(s.Leads), Format.Count(s.Won), Format.Count(s.Lost), Format.Count(s.Open),
                median.Time is null ? "not reached" : $"{Format.Number(median.Time, "0.0")} [{Format.Number(median.Lower, "0.0")}, {(median.Upper is null ? "not reached" : Format.Number(median.Upper, "0.0"))}]",
            };
            foreach (var d in days)
            {
                row.Add(Format.Percent(s.CompetingRisks.IncidenceAt(CycleTimeResult.WonCause, d)));
                row.Add(Format.Percent(s.CompetingRisks.IncidenceAt(CycleTimeResult.LostCause, d)));
            }

            return (IReadOnlyList<string>)row;
        }));
        html.Close("section").Line();
    }

    private static void AttributionSection(HtmlText html, HtmlReportInput input, HtmlReportOptions options)
    {
        html.Open("section", null, "attribution").Element("h2", "Attribution of won deals");
        if (input.Attribution is not { } comparison || comparison.Results.Count == 0)
        {
            Note(html, "No attribution comparison was given (HtmlReportInput.Attribution needs touchpoint journeys).");
            html.Close("section").Line();
            return;
        }

        var first = comparison.Results[0];
        Chart(html, SvgCharts.AttributionComparison(comparison, options.Charts),
            $"Conversions credited to each channel by each model. Every model shares out the same {Format.Number(first.TotalConversions, "0")} conversions " +
            $"worth {Format.Money(first.TotalValue.Amount)} {first.TotalValue.Currency.Code}; where a channel's bars differ, its credit depends on the model.");
        var header = new List<string> { "channel" };
        header.AddRange(comparison.Results.Select(r => r.Model.ToString()));
        html.Table("attribution-table", header, AttributionChart.OrderedKeys(comparison).Select(key =>
        {
            var row = new List<string> { key };
            row.AddRange(comparison.Results.Select(r => Format.Number(r.Find(key)?.Conversions ?? 0, "0.0")));
            return (IReadOnlyList<string>)row;
        }));
        html.Close("section").Line();
    }

    private static void LossSection(HtmlText html, HtmlReportInput input, HtmlReportOptions options)
    {
        html.Open("section", null, "loss-reasons").Element("h2", "Why leads are lost");
        if (input.LossReasons is not { } losses)
        {
            Note(html, "No loss-reason report was given (HtmlReportInput.LossReasons).");
            html.Close("section").Line();
            return;
        }

        Chart(html, SvgCharts.LossReasonPareto(losses.Overall, options.Charts),
            $"{Format.Count(losses.LostLeads)} lost leads, {Format.Count(losses.WithoutReason)} without a recorded reason. Bars: leads lost per reason; line: cumulative share.");
        if (losses.Dominant.Count > 0)
        {
            html.Open("ul", "dominant");
            foreach (var d in losses.Dominant)
            {
                html.Element("li", $"At {d.Scope} {d.Segment}, \u201c{d.Reason}\u201d explains {Format.Rate(d.Share)} of {Format.Count(d.LostLeads)} losses.");
            }

            html.Close("ul").Line();
        }

        html.Close("section").Line();
    }

    private static void ActionsSection(HtmlText html, HtmlReportInput input, HtmlReportOptions options)
    {
        html.Open("section", null, "actions").Element("h2", "Optimisation actions");
        if (input.Actions is not { } report || report.Evaluations.Count == 0)
        {
            Note(html, "No optimisation actions were given (HtmlReportInput.Actions): the tracker shows each action's target, progress and status once they are.");
            html.Close("section").Line();
            return;
        }

        Chart(html, SvgCharts.ActionTracker(report, options.Charts),
            "Bar: progress from the baseline (0) to the target (1), measured on the leads acquired since the action started; black tick: share of the schedule elapsed; badge: status from the data.");
        html.Open("table", "action-table").Open("thead").Open("tr");
        foreach (var h in new[] { "action", "finding", "owner", "due", "target", "baseline", "now", "leads", "evidence", "status" })
        {
            html.Element("th", h);
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var e in report.Evaluations)
        {
            var a = e.Action;
            var metric = a.Metric;
            string Value(double? v) => v is { } d && !double.IsNaN(d) && !double.IsInfinity(d) ? metric.FormatValue(Rounded(metric.Unit, d), a.Target.Currency) : Format.Undefined;
            var evidence = e.Evidence is { } ev
                ? $"p {Format.P(ev.Test.PValue)}" + (ev.Significant ? (ev.ShowsImprovement ? ", improved" : ", worse") : ", not significant")
                : Format.Undefined;
            html.Open("tr");
            html.Element("td", $"{a.Id} {a.Description}");
            html.Element("td", a.Finding ?? string.Empty);
            html.Element("td", a.Owner ?? string.Empty);
            // The due instant is exclusive ("by 15 November" is stored as the 16th at midnight); people read the last day.
            html.Element("td", a.Due.AddTicks(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            html.Element("td", a.Target.ToString());
            html.Element("td", Value(e.BaselineValue));
            html.Element("td", Value(e.Current?.Value));
            html.Element("td", e.Current is { } c ? Format.Count(c.Leads) : Format.Undefined);
            html.Element("td", evidence);
            html.Open("td", "status status-" + e.Status.ToString().ToLowerInvariant()).Text(ActionChart.StatusText(e.Status)).Close("td");
            html.Close("tr").Line();
        }

        html.Close("tbody").Close("table").Line();
        foreach (var e in report.Evaluations.Where(e => e.Problem is not null))
        {
            Note(html, $"{e.Action.Id}: {e.Problem}");
        }

        html.Close("section").Line();
    }

    /// <summary>A value as people read it: a tenth of a percentage point, whole money, a tenth of a day or hour.</summary>
    private static decimal Rounded(ActionMetricUnit unit, double value) => unit switch
    {
        ActionMetricUnit.Proportion => Math.Round((decimal)value, 3, MidpointRounding.AwayFromZero),
        ActionMetricUnit.Money => Math.Round((decimal)value, 0, MidpointRounding.AwayFromZero),
        ActionMetricUnit.Ratio => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero),
        _ => Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero),
    };

    private static void Chart(HtmlText html, string svg, string caption)
    {
        html.Open("figure", "chart").Raw(svg).Open("figcaption", "caption").Text(caption).Close("figcaption").Close("figure").Line();
    }

    private static void Note(HtmlText html, string text) => html.Element("p", text, "note").Line();

    private static string Version()
    {
        var assembly = typeof(HtmlReportWriter).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // The build appends "+<commit>": not needed on a page, and it would make identical reports differ between builds.
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }

    private const string Css =
        "\n:root{color-scheme:light}" +
        "\nbody{margin:0;background:#f4f5f7;color:#222;font:14px/1.45 " + FontStack.Css + "}" +
        "\nmain{max-width:1000px;margin:0 auto;padding:20px 24px}" +
        "\nheader h1{font-size:24px;margin:8px 0 2px}" +
        "\n.meta{color:#666;margin:0}" +
        "\nsection{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:14px 20px;margin:16px 0}" +
        "\nh2{font-size:18px;margin:2px 0 10px}" +
        "\nh3{font-size:15px;margin:18px 0 6px}" +
        "\n.cards{display:flex;flex-wrap:wrap;gap:10px}" +
        "\n.card{flex:1 1 110px;min-width:0;border:1px solid #e1e4e8;border-radius:6px;padding:8px 12px}" +
        "\n.card .label{color:#666;font-size:12px}" +
        "\n.card .value{font-size:20px;font-weight:600}" +
        "\n.card .detail{color:#666;font-size:12px}" +
        "\n.card.alert{border-color:#c62828;background:#fdecea}" +
        "\n.card.alert .value{color:#c62828;font-size:16px}" +
        "\ntable{border-collapse:collapse;width:100%;margin:8px 0;font-variant-numeric:tabular-nums;font-size:13px}" +
        "\nth,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}" +
        "\nth:first-child,td:first-child{text-align:left}" +
        "\nth{font-weight:600;border-bottom:2px solid #ccc;background:#fafafa}" +
        "\n.channel-table tbody tr:last-child td,.time-table tbody tr:last-child td{font-weight:600}" +
        "\n.findings li.critical{color:#c62828}.findings li.warning{color:#8a5a00}" +
        "\n.action-table td,.action-table th{white-space:normal;text-align:left}.action-table td:nth-child(-n+2){min-width:10em}.action-table td:nth-child(4){white-space:nowrap}.action-table td.status{font-weight:600}" +
        "\n.status-achieved{color:#2e7d32}.status-missed{color:#c62828}.status-atrisk{color:#b26a00}.status-ontrack{color:#1565c0}.status-overdue{color:#6a1b9a}" +
        "\n.note{color:#555;font-size:13px;background:#fffbea;border-left:3px solid #edc948;padding:6px 10px;margin:8px 0}" +
        "\nfigure{margin:8px 0 4px}" +
        "\nfigure svg{max-width:100%;height:auto;display:block}" +
        "\n.caption{color:#666;font-size:12px;margin:4px 0 0}" +
        "\nfooter{color:#888;font-size:12px;text-align:center;margin:20px 0}" +
        "\n@media print{body{background:#fff}section{break-inside:avoid;border:none}}\n";
}
