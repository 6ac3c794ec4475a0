using LeadAnalytics.Data;
using System.CommandLine;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary>The step columns of the funnel table (the default view and <c>--metrics</c>) and the metric <c>--rank-by</c> orders
/// the segments or cohorts by.</summary>
internal sealed record TableView(IReadOnlyList<MetricColumn<FunnelStep>> Steps, MetricColumn<FunnelResult>? RankBy);

/// <summary><c>funnel --leads FILE [--by DIM[,DIM]] [--window DAYS] [--cohort PERIOD] [--maturity-window DAYS]</c>: reach, steps, bottleneck.</summary>
internal static class FunnelCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file (or --source).");
        var sql = new SqlSourceOptions();
        var by = new Option<string?>("--by") { Description = $"One or two dimensions to break the funnel down by, comma-separated ({ValueParsers.DimensionList}).", HelpName = "DIM[,DIM]" };
        var window = new Option<double?>("--window") { Description = "Conversion window: a stage counts only if reached within this many days of acquisition.", HelpName = "DAYS" };
        var cohort = new Option<string?>("--cohort") { Description = "One funnel per acquisition cohort: day, week, month or quarter (in --time-zone); with one --by dimension, the cohorts within each of its values too.", HelpName = "PERIOD" };
        cohort.AcceptOnlyFromAmong("day", "week", "month", "quarter");
        var maturity = new Option<double?>("--maturity-window")
        {
            Description = "The window W for each cohort's (or, with --by, segment's) maturity and projected conversion; default --window, else 90 days.",
            HelpName = "DAYS",
        };
        var stepMetrics = new MetricOptions<FunnelStep>(FunnelColumns.Steps, "stages and steps", rankBy: false);
        var segmentRank = new MetricOptions<FunnelResult>(FunnelColumns.Funnels, "segments (--by) or cohorts (--cohort)", metrics: false);
        var command = new Command("funnel", "The funnel as of an instant: leads reaching each stage, each step's conversion and drop-off (lost, stale, open), time per step and the bottleneck.");
        command.Options.Add(leads);
        command.Options.Add(by);
        command.Options.Add(window);
        command.Options.Add(cohort);
        command.Options.Add(maturity);
        stepMetrics.AddTo(command);
        segmentRank.AddTo(command);
        sql.AddTo(command);
        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimensions = ValueParsers.Dimensions(parse.GetValue(by), "--by", 2);
            var period = parse.GetValue(cohort);
            if (dimensions.Count > 1 && period is not null)
            {
                throw CliException.Usage("--cohort takes one --by dimension (cohorts within each of its values): give one, or leave --cohort out.");
            }

            var view = new TableView(stepMetrics.View(parse), segmentRank.Rank(parse));
            var windowDays = parse.GetValue(window) is { } w ? ValueParsers.Days(w, "--window", allowZero: false) : (TimeSpan?)null;
            if (parse.GetValue(sql.Source) is { } uri)
            {
                return PushDown(run, parse, sql, uri, parse.GetValue(leads), dimensions, period is not null || windowDays is not null || parse.GetValue(maturity) is not null, view);
            }

            var data = LeadData.Load(parse.GetValue(leads) ?? throw CliException.Usage("Give the leads: --leads FILE or --source URI."), run);
            var options = Options(run, data.AsOf, windowDays);
            if (parse.GetValue(maturity) is { } mw)
            {
                options = new FunnelOptions { Scope = options.Scope, ConversionWindow = options.ConversionWindow, MaturityWindow = ValueParsers.Days(mw, "--maturity-window", allowZero: false) };
            }
            if (period is not null)
            {
                var cohorts = dimensions.Count == 1
                    ? FunnelAnalyzer.AnalyzeCohorts(data.Table, data.AsOf, Period(period), dimensions[0], options)
                    : FunnelAnalyzer.AnalyzeCohorts(data.Table, data.AsOf, Period(period), options);
                Write(run, data.AsOf, data.AsOfFromData, cohorts.Total, cohorts.Cohorts.Select(c => (c.Label, c.Funnel)).ToList(), "cohort", s => LeadAnalyticsJson.SerializeFunnelCohorts(cohorts, s), view, cohorts);
            }
            else if (dimensions.Count > 0)
            {
                var breakdown = dimensions.Count == 1
                    ? FunnelAnalyzer.AnalyzeBy(data.Table, data.AsOf, dimensions[0], options)
                    : FunnelAnalyzer.AnalyzeBy(data.Table, data.AsOf, dimensions[0], dimensions[1], options);
                Write(run, data.AsOf, data.AsOfFromData, breakdown.Total, breakdown.Segments.Select(s => (s.Label, s.Funnel)).ToList(),
                    string.Join(" / ", dimensions.Select(ValueParsers.Name)), s => LeadAnalyticsJson.SerializeFunnelBreakdown(breakdown, s), view);
            }
            else
            {
                var funnel = FunnelAnalyzer.Analyze(data.Table, data.AsOf, options);
                Write(run, data.AsOf, data.AsOfFromData, funnel, Array.Empty<(string, FunnelResult)>(), null, s => LeadAnalyticsJson.SerializeFunnel(funnel, s), view);
            }

            return ExitCodes.Success;
        });
    }

    internal static FunnelOptions Options(RunContext run, LeadData data, TimeSpan? window = null, AcquisitionPeriod? period = null) => Options(run, data.AsOf, window, period);

    internal static FunnelOptions Options(RunContext run, DateTimeOffset asOf, TimeSpan? window = null, AcquisitionPeriod? period = null) => new()
    {
        Scope = new AnalysisScope
        {
            StaleAfter = run.Settings.StaleAfter,
            CohortUtcOffset = run.Settings.TimeZone.GetUtcOffset(asOf),
            Period = period ?? AcquisitionPeriod.AllTime,
        },
        ConversionWindow = window,
    };

    // --source: the same funnel computed inside the database (LeadAnalytics.Sql); the same document as from --leads.
    private static int PushDown(RunContext run, ParseResult parse, SqlSourceOptions sql, string uri, string? leads, IReadOnlyList<Dimension> dimensions, bool cohortOrWindow, TableView view)
    {
        if (leads is not null)
        {
            throw CliException.Usage("--leads and --source cannot be combined: the leads come from one of them.");
        }

        if (cohortOrWindow)
        {
            throw CliException.Usage("--cohort, --window and --maturity-window are not pushed down to --source yet; export the table and use --leads.");
        }

        using var data = SqlSourceData.Open(uri, parse.GetValue(sql.Table), parse.GetValue(sql.Columns), run);
        var options = Options(run, data.AsOf);
        options = new FunnelOptions { Scope = options.Scope.WithBreakdown(dimensions.ToArray()), ConversionWindow = options.ConversionWindow };
        var partition = SqlSourceData.Guard(() => data.Source.AnalyzeFunnel(data.AsOf, options));
        if (dimensions.Count == 0)
        {
            var funnel = partition.ToResult();
            Write(run, data.AsOf, data.AsOfFromData, funnel, Array.Empty<(string, FunnelResult)>(), null, s => LeadAnalyticsJson.SerializeFunnel(funnel, s), view);
        }
        else
        {
            var breakdown = partition.ToBreakdown();
            Write(run, data.AsOf, data.AsOfFromData, breakdown.Total, breakdown.Segments.Select(s => (s.Label, s.Funnel)).ToList(),
                string.Join(" / ", dimensions.Select(ValueParsers.Name)), s => LeadAnalyticsJson.SerializeFunnelBreakdown(breakdown, s), view);
        }

        return ExitCodes.Success;
    }

    private static CohortPeriod Period(string name) => name switch
    {
        "day" => CohortPeriod.Day,
        "week" => CohortPeriod.IsoWeek,
        "quarter" => CohortPeriod.Quarter,
        _ => CohortPeriod.Month,
    };

    private static void Write(RunContext run, DateTimeOffset asOf, bool asOfFromData, FunnelResult total, IReadOnlyList<(string Key, FunnelResult Funnel)> segments, string? groupName, Action<Stream> json,
        TableView view, FunnelCohorts? cohorts = null)
    {
        // Cohorts within segments (--cohort with --by): each segment's cohort rows follow, keyed "value / cohort".
        var cells = cohorts?.Segments ?? Array.Empty<FunnelCohortSegment>();
        var dimension = cohorts?.SegmentBy is { } by ? Show.T("dimension." + by) : string.Empty;
        WarnUnrecorded(run, total);
        switch (run.Settings.Format)
        {
            case OutputFormat.Json:
                run.WriteJson(json);
                break;
            case OutputFormat.Csv:
            case OutputFormat.Xlsx:
                var csv = Csv();
                Rows(csv, "(all)", total);
                foreach (var (key, funnel) in segments)
                {
                    Rows(csv, key, funnel);
                }

                foreach (var segment in cells)
                {
                    foreach (var cohort in segment.Cohorts)
                    {
                        Rows(csv, $"{segment.Label} / {cohort.Label}", cohort.Funnel);
                    }
                }

                run.WriteCsv(csv);
                break;
            default:
                run.WriteTable(console =>
                {
                    DrawFunnel(console, total, $"{Show.T("Funnel as of", "漏斗，截至")} {Show.Instant(asOf)}{(asOfFromData ? Show.T("asof.fromdata") : string.Empty)}", view.Steps);
                    if (groupName is not null)
                    {
                        DrawSegments(console, groupName, total, segments, view.RankBy);
                    }

                    if (cohorts is not null)
                    {
                        DrawTrend(console, cohorts.ConversionTrend);
                    }

                    foreach (var segment in cells)
                    {
                        DrawSegments(console, $"{dimension} {segment.Label}: {Show.T("cohort", "批次")}", segment.Total, segment.Cohorts.Select(c => (c.Label, c.Funnel)).ToList(), view.RankBy);
                        DrawTrend(console, segment.ConversionTrend);
                    }
                });
                break;
        }
    }

    /// <summary>The CSV: one row per stage and segment, the stage's declared columns, then its step's (to the next stage),
    /// whether the stage is recorded and the funnel's maturity.</summary>
    private static CsvTable Csv()
    {
        var header = new List<string> { "key", "stage" };
        CsvTable.AddHeaders(header, FunnelColumns.Stages);
        header.Add("nextStage");
        CsvTable.AddHeaders(header, FunnelColumns.Steps);
        header.AddRange(new[] { "recorded", "maturity", "projectedConversion", "projectedLower", "projectedUpper" });
        return new CsvTable(header.ToArray());
    }

    private static void Rows(CsvTable csv, string key, FunnelResult funnel)
    {
        foreach (var stage in funnel.Stages)
        {
            var step = stage.Index < funnel.Steps.Count ? funnel.Steps[stage.Index] : null;
            var cells = new List<object?> { key, stage.Stage.Name };
            CsvTable.AddMetrics(cells, FunnelColumns.Stages, stage);
            cells.Add(step?.To.Name);
            if (step is null)
            {
                cells.AddRange(new object?[csv.Header.Length - cells.Count - 5]);
            }
            else
            {
                CsvTable.AddMetrics(cells, FunnelColumns.Steps, step);
            }

            cells.AddRange(new object?[] { stage.IsRecorded, funnel.Maturity?.Maturity, funnel.Maturity?.ProjectedConversion, funnel.Maturity?.ProjectedLower, funnel.Maturity?.ProjectedUpper });
            csv.Add(cells.ToArray());
        }
    }

    internal static void DrawFunnel(IAnsiConsole console, FunnelResult funnel, string title, IReadOnlyList<MetricColumn<FunnelStep>>? steps = null)
    {
        Show.Line(console, Show.Chinese
            ? $"{title}：线索 {Show.Count(funnel.Leads)} 条，成交 {Show.Count(funnel.Won)} 条，转化率 {Show.RateWithInterval(funnel.OverallConversion)}"
            : $"{title}: {Show.Count(funnel.Leads)} leads, {Show.Count(funnel.Won)} won, conversion {Show.RateWithInterval(funnel.OverallConversion)}");
        // One row per stage: the stage's declared columns, then those of its step to the next stage (FunnelColumns).
        var stages = FunnelColumns.Stages.View();
        steps ??= FunnelColumns.Steps.View();
        var table = Show.NewTable();
        Show.Columns(table, new[] { Show.T("Stage", "阶段") }.Concat(stages.Concat<object>(steps).Select(c => Heading(c))).ToArray());
        var notRecorded = Show.T("not recorded", "未记录");
        foreach (var stage in funnel.Stages)
        {
            var step = stage.Index < funnel.Steps.Count ? funnel.Steps[stage.Index] : null;
            var cells = new List<string> { Show.Stage(stage.Stage) };
            if (!stage.IsRecorded)
            {
                // No lead has a date for the stage: its reach would only repeat the next recorded stage's.
                cells.Add(notRecorded);
                cells.AddRange(Enumerable.Repeat(string.Empty, stages.Count - 1 + steps.Count));
                Show.Row(table, cells.ToArray());
                continue;
            }

            cells.AddRange(stages.Select(c => Show.Formatter.Format(c, stage)));
            if (step is { IsRecorded: false })
            {
                cells.Add(notRecorded);
                cells.AddRange(Enumerable.Repeat(string.Empty, steps.Count - 1));
            }
            else
            {
                cells.AddRange(steps.Select(c => step is null ? string.Empty : Show.Formatter.Format(c, step)));
            }

            Show.Row(table, cells.ToArray());
        }

        console.Write(table);
        if (funnel.Bottleneck is { } b)
        {
            Show.Line(console, Show.Chinese
                ? $"瓶颈：{Show.Stage(b.Step.From)} → {Show.Stage(b.Step.To)}，已结案流失率 {Show.RateWithInterval(b.Step.Resolved.DropOff)}；与其他环节相比 z = {Show.Number(b.VersusOtherSteps.Statistic)}，p {PLabel(b.VersusOtherSteps.PValue)}{(b.IsSignificant ? "（显著）" : string.Empty)}。"
                : $"Bottleneck: {Show.Stage(b.Step.From)} -> {Show.Stage(b.Step.To)}, resolved drop-off {Show.RateWithInterval(b.Step.Resolved.DropOff)}; " +
                $"versus the other steps z = {Show.Number(b.VersusOtherSteps.Statistic)}, p {PLabel(b.VersusOtherSteps.PValue)}{(b.IsSignificant ? " (significant)" : string.Empty)}.");
        }
        else if (funnel.Steps.All(s => !s.IsRecorded))
        {
            Show.Line(console, Show.T(
                "Bottleneck: none named: no step runs between two stages the data records (only acquired and won have dates), so where leads drop out is unknown.",
                "瓶颈：无法判断：数据只记录了获取和成交时间，没有相邻两个阶段都有记录的环节，无法知道线索在哪一步流失。"));
        }
        else
        {
            Show.Line(console, Show.T("Bottleneck: none (no step has a resolved drop-off).", "瓶颈：无（没有环节有已结案的流失）。"));
        }
    }

    /// <summary>One warning naming the stages no lead in the data has a date for: they are left out of the funnel's steps
    /// and of the bottleneck instead of being shown as passed by every lead that got further.</summary>
    internal static void WarnUnrecorded(RunContext run, FunnelResult funnel)
    {
        var unrecorded = funnel.Stages.Where(s => !s.IsRecorded).Select(s => Show.Stage(s.Stage)).ToList();
        if (unrecorded.Count > 0)
        {
            run.Warn(Show.T(
                $"the data records no date for {string.Join(", ", unrecorded)}: {(unrecorded.Count == 1 ? "that stage is" : "those stages are")} shown as not recorded and left out of the steps and the bottleneck.",
                $"数据中没有{string.Join("、", unrecorded)}的时间：这些阶段显示为未记录，不计入环节和瓶颈。"));
        }
    }

    private static string Heading(object column) => Show.Formatter.HeadingOf(column switch
    {
        MetricColumn<FunnelStageReach> c => c.Metric,
        MetricColumn<FunnelStep> c => c.Metric,
        _ => throw new ArgumentException("Not a funnel column.", nameof(column)),
    });

    private static string PLabel(double? p) => Show.PValue(p) is var s && s.StartsWith('<') ? s : "= " + s;

    internal static void DrawSegments(IAnsiConsole console, string groupName, FunnelResult total, IReadOnlyList<(string Key, FunnelResult Funnel)> segments,
        MetricColumn<FunnelResult>? rankBy = null)
    {
        var columns = FunnelColumns.Funnels.View(rankBy is null ? null : new[] { rankBy.Metric.Id });
        segments = MetricOptions<FunnelResult>.Ordered(segments, s => s.Funnel, rankBy);
        var table = Show.NewTable(Show.T($"By {groupName}", $"按{groupName}"));
        var headers = new List<string> { groupName };
        headers.AddRange(total.Stages.Select(s => Show.Stage(s.Stage)));
        headers.AddRange(columns.Select(c => Show.Formatter.HeadingOf(c.Metric)));
        // Cohorts (and funnels given a maturity window) carry their maturity: a young cohort's conversion is low because its
        // leads have had less time, so the projected conversion at W is the one to compare (docs/funnel.md).
        var window = total.Maturity?.Window;
        if (window is { } w)
        {
            headers.Add(Show.T("Mature", "已成熟"));
            headers.Add(Show.T($"Projected at {Show.Days(w)} d [95% CI]", $"{Show.Days(w)} 天预计转化率 [95% 置信区间]"));
        }

        headers.Add(Show.T("Bottleneck", "瓶颈"));
        Show.Columns(table, headers.ToArray());
        var immature = 0;
        foreach (var (key, funnel) in segments)
        {
            var cells = new List<string> { key };
            cells.AddRange(funnel.Stages.Select(s => s.IsRecorded ? Show.Count(s.Reach) : Show.T("not recorded", "未记录")));
            cells.AddRange(columns.Select(c => Show.Formatter.Format(c, funnel)));
            if (window is not null)
            {
                var m = funnel.Maturity;
                immature += m is { IsMature: false, Leads: > 0 } ? 1 : 0;
                cells.Add(Show.Percent(m?.Maturity));
                cells.Add(Projected(m));
            }

            cells.Add(funnel.Bottleneck is { } b ? $"{Show.Stage(b.Step.From)} ({Show.Rate(b.Step.Resolved.DropOff)})" : Show.Undefined);
            Show.Row(table, cells.ToArray());
        }

        console.Write(table);
        if (window is { } days && immature > 0)
        {
            Show.Line(console, Show.T(
                $"{immature} of {segments.Count} have leads younger than {Show.Days(days)} days: their conversion so far is low because they are younger, not necessarily worse. Compare the projected conversion at {Show.Days(days)} days (Aalen-Johansen; * = profile past the cohort's own follow-up borrowed from the older cohorts).",
                $"{segments.Count} 组中有 {immature} 组的线索未满 {Show.Days(days)} 天：目前转化率偏低是因为更年轻，不一定更差。请比较 {Show.Days(days)} 天预计转化率（Aalen-Johansen；* 表示超出本组观察期的部分借用较早批次的曲线）。"));
        }
    }

    // One line: the trend of conversion at W across cohorts (projected for the young ones) beside the observed one, so a
    // falling observed conversion is not read as "worse" when the recent cohorts are only younger.
    internal static void DrawTrend(IAnsiConsole console, CohortConversionTrend trend)
    {
        var days = Show.Days(trend.Window);
        string Direction(TrendDirection d) => d switch
        {
            TrendDirection.Falling => Show.T("falling", "下降"),
            TrendDirection.Rising => Show.T("rising", "上升"),
            _ => Show.T("no significant trend", "无显著趋势"),
        };
        string Test(HypothesisTestResult t) => t.Statistic is { } z ? $"z = {Show.Number(z)}, p {PLabel(t.PValue)}" : Show.Undefined;
        Show.Line(console, Show.T(
            $"Trend across cohorts of conversion at {days} days (immature cohorts projected): {Direction(trend.Direction)} ({Test(trend.Projected)}); conversion so far: {Direction(trend.ObservedDirection)} ({Test(trend.Observed)}).",
            $"各批次 {days} 天转化率的趋势（未成熟批次取预计值）：{Direction(trend.Direction)}（{Test(trend.Projected)}）；目前已观察到的转化率：{Direction(trend.ObservedDirection)}（{Test(trend.Observed)}）。"));
        if (trend.FallsOnlyBecauseYounger)
        {
            Show.Line(console, Show.T(
                "The recent cohorts convert less so far only because they are younger: at the same age they are not worse.",
                "近期批次目前转化率较低只是因为更年轻：在相同时长下并不更差。"));
        }
    }

    internal static string Projected(FunnelMaturity? m)
    {
        if (m?.ProjectedConversion is not { } p)
        {
            return Show.Undefined;
        }

        var text = m.ProjectedLower is { } lo && m.ProjectedUpper is { } up ? $"{Show.Percent(p)} [{Show.Percent(lo)}, {Show.Percent(up)}]" : Show.Percent(p);
        return m.IsBorrowed ? text + "*" : text;
    }
}
