using System.Reflection;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;
using LeadAnalytics.Funnel;
using LeadAnalytics.Metrics;
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
        Preconditions.CheckNotNull(writer);

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
        Preconditions.CheckNotNull(input);

        options ??= HtmlReportOptions.Default;
        var page = new Page(options, ReportText.For(options.Language), options.Charts.WithLanguage(options.Language));
        var title = options.Title ?? page.Text.DefaultTitle;
        var html = new HtmlText();
        html.Raw("<!DOCTYPE html>\n<html lang=\"").Text(options.Language).Raw("\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Raw("<meta name=\"generator\" content=\"LeadAnalytics.Reporting ").Text(Version()).Raw("\"/>\n")
            .Open("title").Text(title).Close("title").Line()
            .Raw("<style>").Raw(Css).Raw("</style>\n</head>\n<body>\n<main>\n");

        Header(html, input, page, title);
        Summary(html, input, page);
        Channels(html, input, page);
        FunnelSection(html, input, page);
        CohortSection(html, input, page);
        TimeSection(html, input, page);
        AttributionSection(html, input, page);
        LossSection(html, input, page);
        ActionsSection(html, input, page);

        // No links to files or sites: the report is read as an attachment, far from the repository.
        html.Open("footer").Open("p").Text(page.Text.Footer(Version(), input.Scope)).Close("p").Close("footer").Line();
        html.Raw("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>What every section needs: the options, the words in the page's language, the charts' options in it.</summary>
    private sealed record Page(HtmlReportOptions Options, ReportText Text, ChartOptions Charts);

    private static void Header(HtmlText html, HtmlReportInput input, Page page, string title)
    {
        var meta = page.Text.Meta(input.AsOf, input.Funnel.Leads);
        if (page.Text.Acquired(input.Scope.Period) is { } period)
        {
            meta += " · " + period;
        }

        if (page.Options.Subtitle is { } subtitle)
        {
            meta += " · " + subtitle;
        }

        html.Open("header").Element("h1", title).Element("p", meta, "meta").Close("header").Line();
    }

    private static void Summary(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        var funnel = input.Funnel;
        html.Open("section", "summary", "summary").Open("div", "cards");
        Card(html, t.Leads, Format.Count(funnel.Leads), null);
        Card(html, t.Won, Format.Count(funnel.Won), null);
        Card(html, t.ConversionAll, Format.Percent(funnel.OverallConversion.Value), Interval(funnel.OverallConversion));
        Card(html, t.ConversionResolved, Format.Percent(funnel.ResolvedOverallConversion.Value), Interval(funnel.ResolvedOverallConversion));
        if (funnel.Bottleneck is { } b)
        {
            Card(html, t.Bottleneck, t.StepName(b.Step.From, b.Step.To), t.DropOffOf(Format.Percent(b.Step.Resolved.DropOff.Value)), alert: true);
        }

        if (input.CycleTime?.Overall.TimeToWon.Median is { } median && input.CycleTime.Overall.Won > 0)
        {
            Card(html, t.MedianDaysToWon, median.Time is { } m ? Format.Number(m, "0.0") : t.NotReached,
                median.Time is null ? null : $"[{Format.Number(median.Lower, "0.0")}, {(median.Upper is null ? t.NotReached : Format.Number(median.Upper, "0.0"))}]");
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

    private static void Channels(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        html.Open("section", null, "channels").Element("h2", t.Channels);
        var segments = input.Segments;
        var effectiveness = input.Effectiveness;
        if (segments is null && effectiveness is null)
        {
            Note(html, t.NoBreakdown);
            html.Close("section").Line();
            return;
        }

        var dimensions = effectiveness?.Dimensions ?? segments!.Dimensions;
        var dimension = dimensions.Count > 0 ? string.Join(" × ", dimensions.Select(t.DimensionName)) : t.Segment;
        // Funnel and cycle-time rows meet on their segment key (dimensions and values), never on a label text.
        var cycleBySegment = new Dictionary<SegmentKey, CycleTimeSegment>();
        foreach (var s in input.CycleTime?.Segments ?? Array.Empty<CycleTimeSegment>())
        {
            if (s.Key is { } key)
            {
                cycleBySegment[key] = s;
            }
        }

        if (effectiveness is not null)
        {
            EffectivenessTable(html, effectiveness, dimension, page);
            Findings(html, effectiveness, page.Options);
        }
        else
        {
            FunnelChannelTable(html, segments!, dimension, cycleBySegment, input.CycleTime?.Overall, page);
            Note(html, t.NoCosts);
        }

        if (segments is not null && segments.Segments.Count > 0)
        {
            html.Element("h3", t.ConversionBy(dimension));
            var shown = Math.Min(segments.Segments.Count, Math.Max(1, page.Charts.MaxSegments));
            Chart(html, SvgCharts.ConversionBySegment(segments, page.Charts),
                t.ConversionCaption + (shown < segments.Segments.Count ? " " + t.TopOf(shown, segments.Segments.Count, dimension) : string.Empty));
        }

        html.Element("h3", t.ValueHeading);
        var placeable = effectiveness is null ? 0 : ValueChart.Plotted(effectiveness, int.MaxValue).Count;
        if (placeable > 0)
        {
            var unplaced = ValueChart.Unplaced(effectiveness!);
            var shown = Math.Min(placeable, Math.Max(1, page.Charts.MaxSegments));
            Chart(html, SvgCharts.ConversionVersusCost(effectiveness!, page.Charts),
                t.ValueCaption(effectiveness!.Currency.Code) +
                (shown < placeable ? " " + t.TopOf(shown, placeable, dimension) : string.Empty) +
                (unplaced.Count > 0 ? " " + t.NotPlaced(string.Join(t.ListSeparator, unplaced.Select(u => u.Label))) : string.Empty));
        }
        else
        {
            Note(html, effectiveness is null ? t.ValueNeedsCosts : t.NoPlaceableSegments);
        }

        html.Close("section").Line();
    }

    private static void EffectivenessTable(HtmlText html, EffectivenessResult result, string dimension, Page page)
    {
        var t = page.Text;
        var currency = result.Currency.Code;
        var extra = CarriedColumns(result);
        // Time to won is in the cycle-time section; here the money columns need the room.
        IReadOnlyList<string> Row(SegmentSummary s, string label) => new[]
        {
            label, Format.Count(s.Leads), Format.Count(s.Won), Format.Rate(s.ConversionRate), Format.Money(s.Spend), Format.Money(s.CostPerLead),
            Format.Money(s.CostPerAcquisition), Format.Money(s.Revenue), Format.Roas(s.Roas),
        }.Concat(extra.Select(c => t.Formatter.Format(c.Metric, c.ValueOf(s), withInterval: false))).ToList();
        var (shown, folded) = SegmentFolding.Largest(result.Segments, s => s.Leads, s => s.Label, page.Options.MaxTableSegments);
        var rows = shown.Select(s => Row(s, s.Label)).ToList();
        if (folded.Count > 0)
        {
            long leads = folded.Sum(s => (long)s.Leads), won = folded.Sum(s => (long)s.Won);
            rows.Add(new[]
            {
                t.Other, Format.Count(leads), Format.Count(won), ShareWon(won, leads), Format.Money(Sum(folded, s => s.Spend)), Format.Undefined,
                Format.Undefined, Format.Money(Sum(folded, s => s.Revenue)), Format.Undefined,
            }.Concat(extra.Select(c => c.Metric.Id == MetricIds.GrossProfit ? Format.Money(Sum(folded, s => s.GrossProfit)) : Format.Undefined)).ToList());
        }

        rows.Add(Row(result.Total, t.AllLeads));
        html.Table("channel-table",
            new[] { dimension, t.Leads, t.Won, t.ConversionCi, t.SpendIn(currency), t.CostPerLead, t.CostPerCustomer, t.RevenueIn(currency), t.Roas }
                .Concat(extra.Select(c => t.Formatter.HeadingOf(c.Metric))).ToList(),
            rows);
        FoldNote(html, t, shown.Count, result.Segments.Count, dimension, folded.Sum(s => (long)s.Leads));
    }

    /// <summary>The segment metrics the data carries beyond the table's fixed columns, read through the summary's column
    /// declarations and printed by the one formatter (as the tool's <c>segments --metrics</c>): CTR, cost per click, CPM
    /// and click-to-lead when the costs give impressions or clicks; gross profit and profit ROI when a margin is given.</summary>
    private static IReadOnlyList<MetricColumn<SegmentSummary>> CarriedColumns(EffectivenessResult result)
    {
        var rows = result.Segments.Append(result.Total).ToList();
        var ids = new List<string>();
        if (rows.Exists(s => s.Impressions is not null || s.Clicks is not null))
        {
            ids.AddRange(new[] { MetricIds.ClickThroughRate, MetricIds.CostPerClick, MetricIds.CostPerThousandImpressions, MetricIds.ClickToLeadRate });
        }

        if (rows.Exists(s => s.GrossProfit is not null))
        {
            ids.AddRange(new[] { MetricIds.GrossProfit, MetricIds.ProfitRoi });
        }

        return ids.Select(id => SegmentSummaryColumns.All.Find(id)!).ToList();
    }

    /// <summary>A money column summed over segments; null when no segment has a value.</summary>
    private static decimal? Sum<T>(IEnumerable<T> segments, Func<T, decimal?> value)
    {
        decimal? sum = null;
        foreach (var s in segments)
        {
            if (value(s) is { } v)
            {
                sum = (sum ?? 0m) + v;
            }
        }

        return sum;
    }

    private static string ShareWon(long won, long leads) => leads == 0 ? Format.Undefined : Format.Percent((double)won / leads);

    private static void FoldNote(HtmlText html, ReportText t, int shown, int total, string dimension, long foldedLeads)
    {
        if (shown < total)
        {
            Note(html, t.FoldedSegments(shown, total, dimension, total - shown, foldedLeads));
        }
    }

    private static void Findings(HtmlText html, EffectivenessResult result, HtmlReportOptions options)
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        var language = ReportText.For(options.Language).Zh ? FindingTemplates.Chinese : FindingTemplates.English;
        html.Open("ul", "findings");
        foreach (var finding in result.Findings.Take(6))
        {
            html.Element("li", FindingTemplates.Format(finding, language), "finding " + finding.Severity.ToString().ToLowerInvariant());
        }

        html.Close("ul").Line();
    }

    private static void FunnelChannelTable(HtmlText html, FunnelBreakdown segments, string dimension, Dictionary<SegmentKey, CycleTimeSegment> cycleBySegment,
        CycleTimeSegment? overall, Page page)
    {
        var t = page.Text;
        var (shown, folded) = SegmentFolding.Largest(segments.Segments, s => s.Funnel.Leads, s => s.Label, page.Options.MaxTableSegments);
        string Bottleneck(FunnelResult funnel) =>
            funnel.Bottleneck is { } b ? t.StepName(b.Step.From, b.Step.To) + $" ({Format.Percent(b.Step.Resolved.DropOff.Value)})" : Format.Undefined;
        var rows = shown
            .OrderByDescending(s => s.Funnel.Leads).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Select(s =>
            {
                cycleBySegment.TryGetValue(new SegmentKey(segments.Dimensions, s.Values), out var cycle);
                return (IReadOnlyList<string>)new[]
                {
                    s.Label, Format.Count(s.Funnel.Leads), Format.Count(s.Funnel.Won), Format.Rate(s.Funnel.OverallConversion),
                    Format.Percent(s.Funnel.ResolvedOverallConversion.Value), Bottleneck(s.Funnel), MedianDays(cycle, t),
                };
            }).ToList();
        long foldedLeads = folded.Sum(s => (long)s.Funnel.Leads), foldedWon = folded.Sum(s => (long)s.Funnel.Won);
        if (folded.Count > 0)
        {
            rows.Add(new[] { t.Other, Format.Count(foldedLeads), Format.Count(foldedWon), ShareWon(foldedWon, foldedLeads), Format.Undefined, Format.Undefined, Format.Undefined });
        }

        var total = segments.Total;
        rows.Add(new[]
        {
            t.AllLeads, Format.Count(total.Leads), Format.Count(total.Won), Format.Rate(total.OverallConversion),
            Format.Percent(total.ResolvedOverallConversion.Value), Bottleneck(total), MedianDays(overall, t),
        });
        html.Table("channel-table", new[] { dimension, t.Leads, t.Won, t.ConversionCi, t.ResolvedConversion, t.BiggestDropOff, t.MedianDays }, rows);
        FoldNote(html, t, shown.Count, segments.Segments.Count, dimension, foldedLeads);
    }

    private static string MedianDays(CycleTimeSegment? segment, ReportText t) =>
        segment is null || segment.Won == 0 ? Format.Undefined : segment.TimeToWon.Median.Time is { } m ? Format.Number(m, "0.0") : t.NotReached;

    private static void FunnelSection(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        var funnel = input.Funnel;
        html.Open("section", null, "funnel").Element("h2", t.Funnel);
        if (funnel.Leads == 0)
        {
            Note(html, t.NoLeads);
            html.Close("section").Line();
            return;
        }

        Chart(html, SvgCharts.Funnel(funnel, page.Charts), BottleneckCaption(funnel, t));
        html.Table("funnel-table",
            new[] { t.Step, t.Entered, t.Advanced, t.Lost, t.Stale, t.Open, t.DropOffResolved, t.MedianTime },
            funnel.Steps.Select(s => (IReadOnlyList<string>)(!s.IsRecorded
                ? new[] { t.StepName(s.From, s.To), Format.Undefined, Format.Undefined, Format.Undefined, Format.Undefined, Format.Undefined, t.NotRecorded, Format.Undefined }
                : new[]
            {
                t.StepName(s.From, s.To), Format.Count(s.Entered), Format.Count(s.Advanced), Format.Count(s.Lost),
                Format.Count(s.Stale), Format.Count(s.Open), Format.Rate(s.Resolved.DropOff),
                s.Duration?.Median is { } d ? t.Days(d.TotalDays) : Format.Undefined,
            })));
        html.Close("section").Line();
    }

    /// <summary>The latest cohorts the section lists (rows of the table, columns of the segment × cohort table).</summary>
    private const int MaxCohorts = 12;

    // Cohorts at the same age: each cohort's conversion so far beside its maturity and projected conversion at W with its
    // interval; immature rows marked (◔ and the "immature" class); the trend at W beside the observed one; with segments,
    // the projected conversion of each segment × cohort cell. Every text is escaped (HtmlText), labels included.
    private static void CohortSection(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        html.Open("section", null, "cohorts").Element("h2", t.Cohorts);
        var result = input.Cohorts;
        if (result is null || result.Cohorts.Count == 0 || result.Total.Maturity is not { } totalMaturity)
        {
            Note(html, t.NoCohorts);
            html.Close("section").Line();
            return;
        }

        var w = totalMaturity.Window.TotalDays;
        var days = Format.Number(w, w == Math.Floor(w) ? "0" : "0.0");
        var first = Math.Max(0, result.Cohorts.Count - MaxCohorts);
        var shown = result.Cohorts.Skip(first).ToList();
        html.Open("div", "table-wrap").Open("table", "cohort-table").Open("thead").Open("tr");
        foreach (var h in new[] { t.Cohort, t.Leads, t.WonSoFar, t.ConversionSoFar, t.MatureShare(days), t.ProjectedAt(days), t.CohortStatus })
        {
            html.Element("th", h);
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var cohort in shown)
        {
            var funnel = cohort.Funnel;
            var m = funnel.Maturity;
            var immature = m is { IsMature: false, Leads: > 0 };
            html.Open("tr", immature ? "immature" : null);
            html.Element("td", cohort.Label);
            html.Element("td", Format.Count(funnel.Leads));
            html.Element("td", Format.Count(funnel.Won));
            html.Element("td", funnel.Leads == 0 ? Format.Undefined : Format.Rate(funnel.OverallConversion));
            html.Element("td", Format.Percent(m?.Maturity));
            html.Element("td", Projected(m));
            html.Element("td", m is null || m.Leads == 0 ? string.Empty
                : !immature ? t.MatureCohort
                : m.ProjectedConversion is null ? t.Unprojected
                : m.IsBorrowed ? t.ImmatureBorrowed(Format.Number(m.FollowUp.TotalDays, "0.0"))
                : t.ImmatureCohort);
            html.Close("tr").Line();
        }

        html.Close("tbody").Close("table").Close("div").Line();
        var trend = result.ConversionTrend;
        Note(html, t.CohortCaption(days, trend.ImmatureCohorts, trend.Cohorts));
        Note(html, t.CohortTrend(days, trend.Direction, Test(trend.Projected), trend.ObservedDirection, Test(trend.Observed)));
        if (trend.FallsOnlyBecauseYounger)
        {
            Note(html, t.OnlyYounger);
        }

        if (first > 0)
        {
            Note(html, t.CohortsShown(shown.Count, result.Cohorts.Count));
        }

        if (result.Segments.Count > 0 && result.SegmentBy is { } by)
        {
            CohortCells(html, result, first, days, t.DimensionName(by), page);
        }

        html.Close("section").Line();
    }

    // Rows: the segments (the largest by leads, as the channel table); columns: the cohorts shown; each cell the projected
    // conversion at W with its interval, ◔ and the "immature" class where the cell is immature.
    private static void CohortCells(HtmlText html, FunnelCohorts result, int first, string days, string dimension, Page page)
    {
        var t = page.Text;
        html.Element("h3", t.CellsHeading(dimension, days));
        var (segments, folded) = SegmentFolding.Largest(result.Segments, s => s.Total.Leads, s => s.Label, page.Options.MaxTableSegments);
        html.Open("div", "table-wrap").Open("table", "cohort-cells").Open("thead").Open("tr").Element("th", dimension);
        for (var c = first; c < result.Cohorts.Count; c++)
        {
            html.Element("th", result.Cohorts[c].Label);
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var segment in segments)
        {
            html.Open("tr").Element("td", segment.Label);
            for (var c = first; c < segment.Cohorts.Count; c++)
            {
                var m = segment.Cohorts[c].Funnel.Maturity;
                var immature = m is { IsMature: false, Leads: > 0 };
                html.Element("td", m?.ProjectedConversion is null ? Format.Undefined : (immature ? "◔ " : string.Empty) + Projected(m), immature ? "immature" : null);
            }

            html.Close("tr").Line();
        }

        html.Close("tbody").Close("table").Close("div").Line();
        Note(html, t.CellsCaption(dimension));
        FoldNote(html, t, segments.Count, result.Segments.Count, dimension, folded.Sum(s => s.Total.Leads));
    }

    private static string Projected(FunnelMaturity? m) =>
        m?.ProjectedConversion is not { } p ? Format.Undefined : $"{Format.Percent(p)} [{Format.Percent(m.ProjectedLower)}, {Format.Percent(m.ProjectedUpper)}]";

    private static string Test(Statistics.HypothesisTestResult test) =>
        test.Statistic is { } z ? $"z = {Format.Number(z, "0.00")}, p {(Format.P(test.PValue) is var p && p.StartsWith("<", StringComparison.Ordinal) ? p : "= " + p)}" : Format.Undefined;

    private static string BottleneckCaption(FunnelResult funnel, ReportText t)
    {
        var unrecorded = funnel.Stages.Where(s => !s.IsRecorded).Select(s => t.StageName(s.Stage)).ToList();
        var note = unrecorded.Count > 0 ? " " + t.UnrecordedStages(unrecorded) : string.Empty;
        return funnel.Bottleneck is { } b
            ? t.BottleneckCaption(t.StepName(b.Step.From, b.Step.To), Format.Rate(b.Step.Resolved.DropOff), Format.P(b.VersusOtherSteps.PValue), b.IsSignificant) + note
            : (funnel.Steps.All(s => !s.IsRecorded) ? t.NoRecordedStep : t.NoBottleneck) + note;
    }

    private static void TimeSection(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        html.Open("section", null, "cycle-time").Element("h2", t.TimeToConvert);
        if (input.CycleTime is not { } cycle)
        {
            Note(html, t.NoCycleTime);
            html.Close("section").Line();
            return;
        }

        if (cycle.Overall.Won == 0)
        {
            Note(html, t.NoWon);
        }
        else if (page.Options.WonCurve == WonCurve.KaplanMeier)
        {
            html.Element("h3", t.KaplanMeierHeading);
            Chart(html, SvgCharts.TimeToWon(cycle, page.Charts), t.KaplanMeierCaption + LogRank(cycle, t));
        }
        else
        {
            html.Element("h3", t.WonOverTime);
            Chart(html, SvgCharts.WonIncidenceBySegment(cycle, page.Charts), t.WonOverTimeCaption + LogRank(cycle, t));
        }

        if (cycle.Overall.Won + cycle.Overall.Lost > 0)
        {
            html.Element("h3", t.WonAndLost);
            Chart(html, SvgCharts.WonVersusLost(cycle.Overall, page.Charts), t.WonAndLostCaption);
        }

        var days = page.Options.IncidenceDays;
        var dimension = cycle.Options.Scope.Breakdown.Count > 0 ? string.Join(" × ", cycle.Options.Scope.Breakdown.Select(t.DimensionName)) : t.Segment;
        var header = new List<string> { dimension, t.Leads, t.Won, t.Lost, t.Open, t.MedianDaysCi };
        foreach (var d in days)
        {
            header.Add(t.WonWithin(Format.Number(d, "0")));
            header.Add(t.LostWithin(Format.Number(d, "0")));
        }

        var (shown, folded) = SegmentFolding.Largest(cycle.Segments, s => s.Leads, s => s.Label, page.Options.MaxTableSegments);
        var rows = shown.Select(s => TimeRow(s, s.Label, days, t)).ToList();
        var foldedLeads = folded.Sum(s => (long)s.Leads);
        if (folded.Count > 0)
        {
            var other = new List<string>
            {
                t.Other, Format.Count(foldedLeads), Format.Count(folded.Sum(s => (long)s.Won)), Format.Count(folded.Sum(s => (long)s.Lost)),
                Format.Count(folded.Sum(s => (long)s.Open)), Format.Undefined,
            };
            other.AddRange(days.SelectMany(_ => new[] { Format.Undefined, Format.Undefined }));
            rows.Add(other);
        }

        rows.Add(TimeRow(cycle.Overall, t.AllLeads, days, t));
        html.Table("time-table", header, rows);
        FoldNote(html, t, shown.Count, cycle.Segments.Count, dimension, foldedLeads);
        html.Close("section").Line();
    }

    private static IReadOnlyList<string> TimeRow(CycleTimeSegment s, string label, IReadOnlyList<double> days, ReportText t)
    {
        var median = s.TimeToWon.Median;
        var row = new List<string>
        {
            label, Format.Count(s.Leads), Format.Count(s.Won), Format.Count(s.Lost), Format.Count(s.Open),
            s.Won == 0 ? Format.Undefined
                : median.Time is null ? t.NotReached
                : $"{Format.Number(median.Time, "0.0")} [{Format.Number(median.Lower, "0.0")}, {(median.Upper is null ? t.NotReached : Format.Number(median.Upper, "0.0"))}]",
        };
        foreach (var d in days)
        {
            row.Add(Format.Percent(s.CompetingRisks.IncidenceAt(CycleTimeResult.WonCause, d)));
            row.Add(Format.Percent(s.CompetingRisks.IncidenceAt(CycleTimeResult.LostCause, d)));
        }

        return row;
    }

    private static string LogRank(CycleTimeResult cycle, ReportText t) =>
        cycle.SegmentComparison is { } lr ? t.LogRank(Format.Number(lr.ChiSquare, "0.00"), lr.DegreesOfFreedom, Format.P(lr.PValue))
        : cycle.SegmentComparisonSkipped ? t.LogRankSkipped(cycle.Segments.Count, cycle.Options.MaxLogRankSegments)
        : string.Empty;

    private static void AttributionSection(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        html.Open("section", null, "attribution").Element("h2", t.Attribution);
        if (input.Attribution is not { } comparison || comparison.Results.Count == 0)
        {
            Note(html, t.NoAttribution);
            html.Close("section").Line();
            return;
        }

        var first = comparison.Results[0];
        if (first.TotalConversions <= 0)
        {
            Note(html, t.NoConversions);
            html.Close("section").Line();
            return;
        }

        var caption = t.AttributionCaption(Format.Number(first.TotalConversions, "0"), $"{Format.Money(first.TotalValue.Amount)} {first.TotalValue.Currency.Code}");
        if (first.Intervals is { } intervals && first.IntervalConfidence is { } level)
        {
            caption += " " + t.AttributionIntervals(MetricFormatter.ConfidenceLevel(level), intervals.Replicates, intervals.Seed);
        }

        Chart(html, SvgCharts.AttributionComparison(comparison, page.Charts), caption);
        var header = new List<string> { t.DimensionName(Dimension.Channel) };
        header.AddRange(comparison.Results.Select(r => t.ModelName(r.Model)));
        html.Table("attribution-table", header, AttributionChart.OrderedKeys(comparison).Select(key =>
        {
            var row = new List<string> { key };
            row.AddRange(comparison.Results.Select(r => r.Find(key) is { Interval: { } i } c
                ? $"{Format.Number(c.Conversions, "0.0")} [{Format.Number(i.Lower, "0.0")}, {Format.Number(i.Upper, "0.0")}]"
                : Format.Number(r.Find(key)?.Conversions ?? 0, "0.0")));
            return (IReadOnlyList<string>)row;
        }));
        html.Close("section").Line();
    }

    private static void LossSection(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        html.Open("section", null, "loss-reasons").Element("h2", t.LossReasons);
        if (input.LossReasons is not { } losses)
        {
            Note(html, t.NoLossReasons);
            html.Close("section").Line();
            return;
        }

        if (losses.Overall.Rows.Count == 0)
        {
            // An empty Pareto chart (a 0-1 axis and no bar) says nothing; the reason does.
            Note(html, t.NoRecordedReasons(losses.LostLeads));
            html.Close("section").Line();
            return;
        }

        Chart(html, SvgCharts.LossReasonPareto(losses.Overall, page.Charts), t.LossCaption(losses.LostLeads, losses.WithoutReason));
        if (losses.Dominant.Count > 0)
        {
            html.Open("ul", "dominant");
            foreach (var d in losses.Dominant)
            {
                html.Element("li", t.Dominant(t.LossScope(d.Scope), t.LossSegment(d.Scope, d.Segment), d.Reason, Format.Rate(d.Share), d.LostLeads));
            }

            html.Close("ul").Line();
        }

        html.Close("section").Line();
    }

    private static void ActionsSection(HtmlText html, HtmlReportInput input, Page page)
    {
        var t = page.Text;
        html.Open("section", null, "actions").Element("h2", t.Actions);
        if (input.Actions is not { } report || report.Evaluations.Count == 0)
        {
            Note(html, t.NoActions);
            html.Close("section").Line();
            return;
        }

        Chart(html, SvgCharts.ActionTracker(report, page.Charts), t.ActionsCaption);
        html.Open("div", "table-wrap").Open("table", "action-table").Open("thead").Open("tr");
        foreach (var h in t.ActionHeaders)
        {
            html.Element("th", h);
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var e in report.Evaluations)
        {
            var a = e.Action;
            var metric = a.Metric;
            string Value(double? v) => v is { } d && !double.IsNaN(d) && !double.IsInfinity(d) ? metric.FormatValue(Rounded(metric.Unit, d), a.Target.Currency) : Format.Undefined;
            var evidence = e.Evidence is { } ev ? t.Evidence(Format.P(ev.Test.PValue), ev.Significant, ev.ShowsImprovement) : Format.Undefined;
            html.Open("tr");
            html.Element("td", $"{a.Id} {a.Description}");
            html.Element("td", a.Finding ?? string.Empty);
            html.Element("td", a.Owner ?? string.Empty);
            // The due instant is exclusive ("by 15 November" is stored as the 16th at midnight); people read the last day.
            html.Element("td", t.Date(a.Due.AddTicks(-1)));
            html.Element("td", a.Target.ToString());
            html.Element("td", Value(e.BaselineValue) + (e.TargetMetAtBaseline == true ? " (" + t.MetAtBaseline + ")" : string.Empty));
            html.Element("td", Value(e.Current?.Value));
            html.Element("td", e.Current is { } c ? Format.Count(c.Leads) : Format.Undefined);
            html.Element("td", evidence);
            html.Open("td", "status status-" + e.Status.ToString().ToLowerInvariant()).Text(t.Status(e.Status)).Close("td");
            html.Close("tr").Line();
        }

        html.Close("tbody").Close("table").Close("div").Line();
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
        "\n.table-wrap{overflow-x:auto;max-width:100%}" +
        "\nth:first-child,td:first-child{text-align:left}" +
        "\nth{font-weight:600;border-bottom:2px solid #ccc;background:#fafafa}" +
        "\n.channel-table tbody tr:last-child td,.time-table tbody tr:last-child td{font-weight:600}" +
        "\n.cohort-table tr.immature td,.cohort-cells td.immature{color:#8a5a00;background:#fffbea;font-style:italic}" +
        "\n.findings li.critical{color:#c62828}.findings li.warning{color:#8a5a00}" +
        "\n.action-table td,.action-table th{white-space:normal;overflow-wrap:break-word;text-align:left}.action-table td:nth-child(-n+2){min-width:9em}.action-table td:nth-child(5){min-width:8em;overflow-wrap:anywhere}.action-table td:nth-child(4){white-space:nowrap}.action-table td.status{font-weight:600}" +
        "\n.status-achieved{color:#2e7d32}.status-missed{color:#c62828}.status-atrisk{color:#b26a00}.status-ontrack{color:#1565c0}.status-overdue{color:#6a1b9a}" +
        "\n.note{color:#555;font-size:13px;background:#fffbea;border-left:3px solid #edc948;padding:6px 10px;margin:8px 0}" +
        "\nfigure{margin:8px 0 4px}" +
        "\nfigure svg{max-width:100%;height:auto;display:block}" +
        "\n.caption{color:#666;font-size:12px;margin:4px 0 0}" +
        "\nfooter{color:#888;font-size:12px;text-align:center;margin:20px 0}" +
        "\n@media print{body{background:#fff}section{break-inside:avoid;border:none}}\n";
}
