using System.CommandLine;
using LeadAnalytics.Actions;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Csv;
using LeadAnalytics.Json;
using System.Globalization;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>actions --actions FILE --leads FILE [--costs FILE]</c>: the status of each optimisation action.</summary>
internal static class ActionsCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var actions = CliApp.FileOption("--actions", "Optimisation actions CSV (action_id, finding, action, owner, start_date, due_date, metric, ...).", required: true);
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.", required: true);
        var costs = CliApp.FileOption("--costs", "Costs CSV, for cost-based targets (cost per customer).");
        var command = new Command("actions", "Whether each optimisation action reached its target: baseline, current value, status and evidence.");
        command.Options.Add(actions);
        command.Options.Add(leads);
        command.Options.Add(costs);
        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var data = LeadData.Load(parse.GetValue(leads)!, run);
            var options = run.Settings.ReadOptions(data.Pipeline);
            var list = InputFiles.Actions(parse.GetValue(actions)!, options, run).Records;
            var costEntries = parse.GetValue(costs) is { } costPath ? InputFiles.Costs(costPath, options, run).Records : null;
            var report = Evaluate(run, data, list, costEntries);
            switch (run.Settings.Format)
            {
                case OutputFormat.Json:
                    run.WriteJson(s => LeadAnalyticsJson.SerializeActionReport(report, s));
                    break;
                case OutputFormat.Csv:
                case OutputFormat.Xlsx:
                    var csv = new CsvTable("actionId", "description", "owner", "start", "due", "target", "status", "reason", "baselineValue", "currentValue",
                        "progress", "evidenceTest", "evidencePValue", "showsImprovement", "targetMetAtBaseline");
                    foreach (var e in report.Evaluations)
                    {
                        csv.Add(e.Action.Id, e.Action.Description, e.Action.Owner, e.Action.Start, e.Action.Due, e.Action.Target.ToString(), e.Status.ToString(),
                            e.Reason.ToString(), e.BaselineValue, e.Current?.Value, e.Progress, e.Evidence?.Test.Test, e.Evidence?.Test.PValue, e.Evidence?.ShowsImprovement, e.TargetMetAtBaseline);
                    }

                    run.WriteCsv(csv);
                    break;
                default:
                    run.WriteTable(console => Draw(console, data, report));
                    break;
            }

            return ExitCodes.Success;
        });
    }

    internal static ActionResult Evaluate(RunContext run, LeadData data, IReadOnlyList<OptimisationAction> actions, IReadOnlyList<CostEntry>? costs)
    {
        try
        {
            return ActionAnalyzer.Analyze(data.Table, data.AsOf, new ActionOptions { Actions = actions, Costs = costs, Scope = run.Settings.Scope() });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new CliException("actions: " + InputFiles.OneLine(ex.Message));
        }
    }

    internal static void Draw(IAnsiConsole console, LeadData data, ActionResult report)
    {
        var counts = string.Join(Show.T(", ", "，"), Enum.GetValues<ActionStatus>().Select(s => $"{report.Count(s)} {Show.T("status." + s)}"));
        Show.Line(console, string.Format(CultureInfo.InvariantCulture, Show.T("actions.title"), Show.Instant(report.AsOf),
            data.AsOfFromData ? Show.T("asof.fromdata") : string.Empty, report.Evaluations.Count, counts));
        var table = Show.NewTable();
        Show.Columns(table, Show.T("actions.action"), Show.T("actions.owner"), Show.T("actions.due"), Show.T("actions.target"), Show.T("actions.baseline"),
            Show.T("actions.now"), Show.T("actions.status"), Show.T("actions.evidence"));
        foreach (var e in report.Evaluations)
        {
            var unit = ActionMetrics.UnitOf(e.Action.Target.Metric.Metric);
            Show.Row(table, $"{e.Action.Id} {e.Action.Description}", e.Action.Owner ?? string.Empty, Show.Formatter.InclusiveEnd(e.Action.Due),
                e.Action.Target.ToString(), Value(unit, e.BaselineValue), Now(unit, e.Current), Status(e), Evidence(e.Evidence));
        }

        console.Write(table);
        foreach (var e in report.Evaluations.Where(e => e.Problem is not null))
        {
            Show.Line(console, $"{e.Action.Id}: {e.Problem}");
        }
    }

    /// <summary>A value in the metric's own unit: percent for proportions, money for money, 1:x for ROAS.</summary>
    internal static string Value(ActionMetricUnit unit, double? value) => unit switch
    {
        ActionMetricUnit.Proportion => Show.Percent(value),
        ActionMetricUnit.Money => Show.Money(value is { } m && Math.Abs(m) < 7.9e27 ? (decimal)m : null),
        ActionMetricUnit.Ratio => Show.Formatter.RoasRatio(value is { } r && Math.Abs(r) < 7.9e27 ? (decimal)r : null),
        ActionMetricUnit.LeadsPerWeek => value is { } w ? Show.Number(w, "0.0") + Show.T("/week", "/周") : Show.Undefined,
        ActionMetricUnit.Hours => value is { } h ? Show.Number(h, "0.0") + Show.T(" h", " 小时") : Show.Undefined,
        _ => value is { } d ? Show.Number(d, "0.0") + Show.T(" d", " 天") : Show.Undefined,
    };

    private static string Now(ActionMetricUnit unit, MetricMeasurement? current) =>
        current is null ? Show.Undefined : $"{Value(unit, current.Value)} (n = {Show.Count(current.Leads)})";

    /// <summary>One status with one reason; "met at baseline" when the target already held before the action.</summary>
    internal static string Status(ActionEvaluation e)
    {
        var reason = e.TargetMetAtBaseline == true && e.Status == ActionStatus.Achieved ? Show.T("reason.MetAtBaseline") : Show.T("reason." + e.Reason);
        return $"{Show.T("status." + e.Status)}{Show.T(": ", "：")}{reason}";
    }

    /// <summary>The test's name, its statistic and degrees of freedom where it has them, and the p-value.</summary>
    internal static string Evidence(ActionEvidence? evidence)
    {
        if (evidence is null)
        {
            return Show.Undefined;
        }

        var t = evidence.Test;
        var parts = new List<string> { Show.Test(t.Test) };
        if (t.Statistic is { } stat)
        {
            parts[0] += " " + Show.Formatter.Statistic(stat);
        }

        if (t.DegreesOfFreedom is { } df)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, Show.T("{0} df", "自由度 {0}"), Show.Formatter.Statistic(df)));
        }

        parts.Add("p " + Show.PValue(t.PValue));
        var verdict = evidence.ShowsImprovement ? Show.T("improved", "有改善")
            : !evidence.EnoughData ? Show.T("too few leads", "线索太少")
            : !evidence.Favourable ? Show.T("unfavourable", "方向不利")
            : Show.T("not significant", "不显著");
        return string.Join(Show.T(", ", "，"), parts) + Show.T("; ", "；") + verdict;
    }
}
