using LeadAnalytics.Data;
using System.CommandLine;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>funnel --leads FILE [--by DIM[,DIM]] [--window DAYS] [--cohort PERIOD]</c>: reach, steps, bottleneck.</summary>
internal static class FunnelCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.", required: true);
        var by = new Option<string?>("--by") { Description = $"One or two dimensions to break the funnel down by, comma-separated ({ValueParsers.DimensionList}).", HelpName = "DIM[,DIM]" };
        var window = new Option<double?>("--window") { Description = "Conversion window: a stage counts only if reached within this many days of acquisition.", HelpName = "DAYS" };
        var cohort = new Option<string?>("--cohort") { Description = "One funnel per acquisition cohort: day, week, month or quarter (in --time-zone).", HelpName = "PERIOD" };
        cohort.AcceptOnlyFromAmong("day", "week", "month", "quarter");
        var command = new Command("funnel", "The funnel as of an instant: leads reaching each stage, each step's conversion and drop-off (lost, stale, open), time per step and the bottleneck.");
        command.Options.Add(leads);
        command.Options.Add(by);
        command.Options.Add(window);
        command.Options.Add(cohort);
        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimensions = ValueParsers.Dimensions(parse.GetValue(by), "--by", 2);
            var period = parse.GetValue(cohort);
            if (dimensions.Count > 0 && period is not null)
            {
                throw CliException.Usage("--by and --cohort cannot be combined: choose one breakdown.");
            }

            var windowDays = parse.GetValue(window) is { } w ? ValueParsers.Days(w, "--window", allowZero: false) : (TimeSpan?)null;
            var data = LeadData.Load(parse.GetValue(leads)!, run);
            var options = Options(run, data, windowDays);
            if (period is not null)
            {
                var cohorts = FunnelAnalyzer.AnalyzeCohorts(data.Table, data.AsOf, Period(period), options);
                Write(run, data, cohorts.Total, cohorts.Cohorts.Select(c => (c.Label, c.Funnel)).ToList(), "cohort", () => LeadAnalyticsJson.SerializeFunnelCohorts(cohorts));
            }
            else if (dimensions.Count > 0)
            {
                var breakdown = dimensions.Count == 1
                    ? FunnelAnalyzer.AnalyzeBy(data.Table, data.AsOf, dimensions[0], options)
                    : FunnelAnalyzer.AnalyzeBy(data.Table, data.AsOf, dimensions[0], dimensions[1], options);
                Write(run, data, breakdown.Total, breakdown.Segments.Select(s => (s.Label, s.Funnel)).ToList(),
                    string.Join(" / ", dimensions.Select(ValueParsers.Name)), () => LeadAnalyticsJson.SerializeFunnelBreakdown(breakdown));
            }
            else
            {
                var funnel = FunnelAnalyzer.Analyze(data.Table, data.AsOf, options);
                Write(run, data, funnel, Array.Empty<(string, FunnelResult)>(), null, () => LeadAnalyticsJson.SerializeFunnel(funnel));
            }

            return ExitCodes.Success;
        });
    }

    internal static FunnelOptions Options(RunContext run, LeadData data, TimeSpan? window = null) => new()
    {
        Scope = new AnalysisScope
        {
            StaleAfter = run.Settings.StaleAfter,
            CohortUtcOffset = run.Settings.TimeZone.GetUtcOffset(data.AsOf),
        },
        ConversionWindow = window,
    };

    private static CohortPeriod Period(string name) => name switch
    {
        "day" => CohortPeriod.Day,
        "week" => CohortPeriod.IsoWeek,
        "quarter" => CohortPeriod.Quarter,
        _ => CohortPeriod.Month,
    };

    private static void Write(RunContext run, LeadData data, FunnelResult total, IReadOnlyList<(string Key, FunnelResult Funnel)> segments, string? groupName, Func<string> json)
    {
        switch (run.Settings.Format)
        {
            case OutputFormat.Json:
                run.WriteJson(json());
                break;
            case OutputFormat.Csv:
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
                    DrawFunnel(console, total, $"Funnel as of {Show.Instant(data.AsOf)}{(data.AsOfFromData ? " (the latest event in the data)" : string.Empty)}");
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
        Show.Line(console, $"{title}: {Show.Count(funnel.Leads)} leads, {Show.Count(funnel.Won)} won, conversion {Show.RateWithInterval(funnel.OverallConversion)}");
        var table = Show.NewTable();
        Show.Columns(table, "Stage", "Reached", "Share", "Next step: conversion", "Resolved drop-off [95% CI]", "Lost", "Stale", "Open", "Median days", "P90 days");
        foreach (var stage in funnel.Stages)
        {
            var step = stage.Index < funnel.Steps.Count ? funnel.Steps[stage.Index] : null;
            Show.Row(table, stage.Stage.Name, Show.Count(stage.Reach), Show.Rate(stage.ShareOfLeads),
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
            Show.Line(console, $"Bottleneck: {b.Step.From.Name} -> {b.Step.To.Name}, resolved drop-off {Show.RateWithInterval(b.Step.Resolved.DropOff)}; " +
                $"versus the other steps z = {Show.Number(b.VersusOtherSteps.Statistic)}, p {PLabel(b.VersusOtherSteps.PValue)}{(b.IsSignificant ? " (significant)" : string.Empty)}.");
        }
        else
        {
            Show.Line(console, "Bottleneck: none (no step has a resolved drop-off).");
        }
    }

    private static string PLabel(double? p) => Show.PValue(p) is var s && s.StartsWith('<') ? s : "= " + s;

    internal static void DrawSegments(IAnsiConsole console, string groupName, FunnelResult total, IReadOnlyList<(string Key, FunnelResult Funnel)> segments)
    {
        var table = Show.NewTable($"By {groupName}");
        var headers = new List<string> { groupName };
        headers.AddRange(total.Stages.Select(s => s.Stage.Name));
        headers.Add("Conversion [95% CI]");
        headers.Add("Bottleneck");
        Show.Columns(table, headers.ToArray());
        foreach (var (key, funnel) in segments)
        {
            var cells = new List<string> { key };
            cells.AddRange(funnel.Stages.Select(s => Show.Count(s.Reach)));
            cells.Add(Show.RateWithInterval(funnel.OverallConversion));
            cells.Add(funnel.Bottleneck is { } b ? $"{b.Step.From.Name} ({Show.Rate(b.Step.Resolved.DropOff)})" : Show.Undefined);
            Show.Row(table, cells.ToArray());
        }

        console.Write(table);
    }
}
