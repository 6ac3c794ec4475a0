using LeadAnalytics.Data;
using System.CommandLine;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.Metrics;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>funnel --leads FILE [--by DIM[,DIM]] [--window DAYS] [--cohort PERIOD]</c>: reach, steps, bottleneck.</summary>
internal static class FunnelCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file (or --source).");
        var sql = new SqlSourceOptions();
        var by = new Option<string?>("--by") { Description = $"One or two dimensions to break the funnel down by, comma-separated ({ValueParsers.DimensionList}).", HelpName = "DIM[,DIM]" };
        var window = new Option<double?>("--window") { Description = "Conversion window: a stage counts only if reached within this many days of acquisition.", HelpName = "DAYS" };
        var cohort = new Option<string?>("--cohort") { Description = "One funnel per acquisition cohort: day, week, month or quarter (in --time-zone).", HelpName = "PERIOD" };
        cohort.AcceptOnlyFromAmong("day", "week", "month", "quarter");
        var command = new Command("funnel", "The funnel as of an instant: leads reaching each stage, each step's conversion and drop-off (lost, stale, open), time per step and the bottleneck.");
        command.Options.Add(leads);
        command.Options.Add(by);
        command.Options.Add(window);
        command.Options.Add(cohort);
        sql.AddTo(command);
        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimensions = ValueParsers.Dimensions(parse.GetValue(by), "--by", 2);
            var period = parse.GetValue(cohort);
            if (dimensions.Count > 0 && period is not null)
            {
                throw CliException.Usage("--by and --cohort cannot be combined: choose one breakdown.");
            }

            var windowDays = parse.GetValue(window) is { } w ? ValueParsers.Days(w, "--window", allowZero: false) : (TimeSpan?)null;
            if (parse.GetValue(sql.Source) is { } uri)
            {
                return PushDown(run, parse, sql, uri, parse.GetValue(leads), dimensions, period is not null || windowDays is not null);
            }

            var data = LeadData.Load(parse.GetValue(leads) ?? throw CliException.Usage("Give the leads: --leads FILE or --source URI."), run);
            var options = Options(run, data.AsOf, windowDays);
            if (period is not null)
            {
                var cohorts = FunnelAnalyzer.AnalyzeCohorts(data.Table, data.AsOf, Period(period), options);
                Write(run, data.AsOf, data.AsOfFromData, cohorts.Total, cohorts.Cohorts.Select(c => (c.Label, c.Funnel)).ToList(), "cohort", () => LeadAnalyticsJson.SerializeFunnelCohorts(cohorts));
            }
            else if (dimensions.Count > 0)
            {
                var breakdown = dimensions.Count == 1
                    ? FunnelAnalyzer.AnalyzeBy(data.Table, data.AsOf, dimensions[0], options)
                    : FunnelAnalyzer.AnalyzeBy(data.Table, data.AsOf, dimensions[0], dimensions[1], options);
                Write(run, data.AsOf, data.AsOfFromData, breakdown.Total, breakdown.Segments.Select(s => (s.Label, s.Funnel)).ToList(),
                    string.Join(" / ", dimensions.Select(ValueParsers.Name)), () => LeadAnalyticsJson.SerializeFunnelBreakdown(breakdown));
            }
            else
            {
                var funnel = FunnelAnalyzer.Analyze(data.Table, data.AsOf, options);
                Write(run, data.AsOf, data.AsOfFromData, funnel, Array.Empty<(string, FunnelResult)>(), null, () => LeadAnalyticsJson.SerializeFunnel(funnel));
            }

            return ExitCodes.Success;
        });
    }

    internal static FunnelOptions Options(RunContext run, LeadData data, TimeSpan? window = null) => Options(run, data.AsOf, window);

    internal static FunnelOptions Options(RunContext run, DateTimeOffset asOf, TimeSpan? window = null) => new()
    {
        Scope = new AnalysisScope
        {
            StaleAfter = run.Settings.StaleAfter,
            CohortUtcOffset = run.Settings.TimeZone.GetUtcOffset(asOf),
        },
        ConversionWindow = window,
    };

    // --source: the same funnel computed inside the database (LeadAnalytics.Sql); the same document as from --leads.
    private static int PushDown(RunContext run, ParseResult parse, SqlSourceOptions sql, string uri, string? leads, IReadOnlyList<Dimension> dimensions, bool cohortOrWindow)
    {
        if (leads is not null)
        {
            throw CliException.Usage("--leads and --source cannot be combined: the leads come from one of them.");
        }

        if (cohortOrWindow)
        {
            throw CliException.Usage("--cohort and --window are not pushed down to --source yet; export the table and use --leads.");
        }

        using var data = SqlSourceData.Open(uri, parse.GetValue(sql.Table), parse.GetValue(sql.Columns), run);
        var options = Options(run, data.AsOf);
        options = new FunnelOptions { Scope = options.Scope.WithBreakdown(dimensions.ToArray()), ConversionWindow = options.ConversionWindow };
        var partition = SqlSourceData.Guard(() => data.Source.AnalyzeFunnel(data.AsOf, options));
        if (dimensions.Count == 0)
        {
            var funnel = partition.ToResult();
            Write(run, data.AsOf, data.AsOfFromData, funnel, Array.Empty<(string, FunnelResult)>(), null, () => LeadAnalyticsJson.SerializeFunnel(funnel));
        }
        else
        {
            var breakdown = partition.ToBreakdown();
            Write(run, data.AsOf, data.AsOfFromData, breakdown.Total, breakdown.Segments.Select(s => (s.Label, s.Funnel)).ToList(),
                string.Join(" / ", dimensions.Select(ValueParsers.Name)), () => LeadAnalyticsJson.SerializeFunnelBreakdown(breakdown));
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

    private static void Write(RunContext run, DateTimeOffset asOf, bool asOfFromData, FunnelResult total, IReadOnlyList<(string Key, FunnelResult Funnel)> segments, string? groupName, Func<string> json)
    {
        switch (run.Settings.Format)
        {
            case OutputFormat.Json:
                run.WriteJson(json());
                break;
            case OutputFormat.Csv:
            case OutputFormat.Xlsx:
                var csv = new CsvTable("key", "stage", "reached", "shareOfLeads", "nextStage", "advanced", "lost", "stale", "open", "expired",
                    "conversion", "conversionLower", "conversionUpper", "resolvedDropOff", "resolvedDropOffLower", "resolvedDropOffUpper", "medianDays", "p90Days");
                Rows(csv, "(all)", total);
                foreach (var (key, funnel) in segments)
                {
                    Rows(csv, key, funnel);
                }

                run.WriteCsv(csv);
                break;
            default:
                run.WriteTable(console =>
                {
                    DrawFunnel(console, total, $"{Show.T("Funnel as of", "漏斗，截至")} {Show.Instant(asOf)}{(asOfFromData ? Show.T("asof.fromdata") : string.Empty)}");
                    if (groupName is not null)
                    {
                        DrawSegments(console, groupName, total, segments);
                    }
                });
                break;
        }
    }

    private static void Rows(CsvTable csv, string key, FunnelResult funnel)
    {
        foreach (var stage in funnel.Stages)
        {
            var step = stage.Index < funnel.Steps.Count ? funnel.Steps[stage.Index] : null;
            csv.Add(key, stage.Stage.Name, stage.Reach, stage.ShareOfLeads.Value, step?.To.Name, step?.Advanced, step?.Lost, step?.Stale, step?.Open, step?.Expired,
                step?.AllLeads.Conversion.Value, step?.AllLeads.Conversion.Lower, step?.AllLeads.Conversion.Upper,
                step?.Resolved.DropOff.Value, step?.Resolved.DropOff.Lower, step?.Resolved.DropOff.Upper,
                step?.Duration?.Median?.TotalDays, step?.Duration?.NinetiethPercentile?.TotalDays);
        }
    }

    internal static void DrawFunnel(IAnsiConsole console, FunnelResult funnel, string title)
    {
        Show.Line(console, Show.Chinese
            ? $"{title}：线索 {Show.Count(funnel.Leads)} 条，成交 {Show.Count(funnel.Won)} 条，转化率 {Show.RateWithInterval(funnel.OverallConversion)}"
            : $"{title}: {Show.Count(funnel.Leads)} leads, {Show.Count(funnel.Won)} won, conversion {Show.RateWithInterval(funnel.OverallConversion)}");
        var table = Show.NewTable();
        Show.Columns(table, Show.T("Stage", "阶段"), Show.Name(MetricCatalog.Reach), Show.Name(MetricCatalog.ShareOfLeads), Show.T("Next step: conversion", "下一步转化率"),
            Show.T("Resolved drop-off [95% CI]", "已结案流失率 [95% 置信区间]"), Show.T("outcome.lost"), Show.T("outcome.stale"), Show.T("outcome.open"),
            Show.T("Median days", "中位天数"), Show.T("P90 days", "P90 天数"));
        foreach (var stage in funnel.Stages)
        {
            var step = stage.Index < funnel.Steps.Count ? funnel.Steps[stage.Index] : null;
            Show.Row(table, Show.Stage(stage.Stage), Show.Count(stage.Reach), Show.Rate(stage.ShareOfLeads),
                step is null ? string.Empty : Show.Rate(step.AllLeads.Conversion),
                step is null ? string.Empty : Show.RateWithInterval(step.Resolved.DropOff),
                step is null ? string.Empty : Show.Count(step.Lost),
                step is null ? string.Empty : Show.Count(step.Stale),
                step is null ? string.Empty : Show.Count(step.Open),
                step?.Duration is { } d ? Show.Days(d.Median) : string.Empty,
                step?.Duration is { } d2 ? Show.Days(d2.NinetiethPercentile) : string.Empty);
        }

        console.Write(table);
        if (funnel.Bottleneck is { } b)
        {
            Show.Line(console, Show.Chinese
                ? $"瓶颈：{Show.Stage(b.Step.From)} → {Show.Stage(b.Step.To)}，已结案流失率 {Show.RateWithInterval(b.Step.Resolved.DropOff)}；与其他环节相比 z = {Show.Number(b.VersusOtherSteps.Statistic)}，p {PLabel(b.VersusOtherSteps.PValue)}{(b.IsSignificant ? "（显著）" : string.Empty)}。"
                : $"Bottleneck: {Show.Stage(b.Step.From)} -> {Show.Stage(b.Step.To)}, resolved drop-off {Show.RateWithInterval(b.Step.Resolved.DropOff)}; " +
                $"versus the other steps z = {Show.Number(b.VersusOtherSteps.Statistic)}, p {PLabel(b.VersusOtherSteps.PValue)}{(b.IsSignificant ? " (significant)" : string.Empty)}.");
        }
        else
        {
            Show.Line(console, Show.T("Bottleneck: none (no step has a resolved drop-off).", "瓶颈：无（没有环节有已结案的流失）。"));
        }
    }

    private static string PLabel(double? p) => Show.PValue(p) is var s && s.StartsWith('<') ? s : "= " + s;

    internal static void DrawSegments(IAnsiConsole console, string groupName, FunnelResult total, IReadOnlyList<(string Key, FunnelResult Funnel)> segments)
    {
        var table = Show.NewTable(Show.T($"By {groupName}", $"按{groupName}"));
        var headers = new List<string> { groupName };
        headers.AddRange(total.Stages.Select(s => Show.Stage(s.Stage)));
        headers.Add(Show.T("Conversion [95% CI]", "转化率 [95% 置信区间]"));
        headers.Add(Show.T("Bottleneck", "瓶颈"));
        Show.Columns(table, headers.ToArray());
        foreach (var (key, funnel) in segments)
        {
            var cells = new List<string> { key };
            cells.AddRange(funnel.Stages.Select(s => Show.Count(s.Reach)));
            cells.Add(Show.RateWithInterval(funnel.OverallConversion));
            cells.Add(funnel.Bottleneck is { } b ? $"{Show.Stage(b.Step.From)} ({Show.Rate(b.Step.Resolved.DropOff)})" : Show.Undefined);
            Show.Row(table, cells.ToArray());
        }

        console.Write(table);
    }
}
