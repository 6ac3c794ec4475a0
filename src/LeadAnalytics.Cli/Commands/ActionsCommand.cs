using System.CommandLine;
using LeadAnalytics.Actions;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Csv;
using LeadAnalytics.Json;
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
                    run.WriteJson(LeadAnalyticsJson.SerializeActionReport(report));
                    break;
                case OutputFormat.Csv:
                    var csv = new CsvTable("actionId", "description", "owner", "start", "due", "target", "status", "reason", "baselineValue", "currentValue",
                        "progress", "evidenceTest", "evidencePValue", "showsImprovement");
                    foreach (var e in report.Evaluations)
                    {
                        csv.Add(e.Action.Id, e.Action.Description, e.Action.Owner, e.Action.Start, e.Action.Due, e.Action.Target.ToString(), e.Status.ToString(),
                            e.Reason.ToString(), e.BaselineValue, e.Current?.Value, e.Progress, e.Evidence?.Test.Test, e.Evidence?.Test.PValue, e.Evidence?.ShowsImprovement);
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
        var counts = string.Join(", ", Enum.GetValues<ActionStatus>().Select(s => $"{report.Count(s)} {s}"));
        Show.Line(console, $"Optimisation actions as of {Show.Instant(report.AsOf)}{(data.AsOfFromData ? " (the latest event in the data)" : string.Empty)}: {report.Evaluations.Count} actions ({counts}).");
        var table = Show.NewTable();
        Show.Columns(table, "Action", "Owner", "Due", "Target", "Baseline", "Now", "Status", "Evidence");
        foreach (var e in report.Evaluations)
        {
            Show.Row(table, $"{e.Action.Id} {e.Action.Description}", e.Action.Owner ?? string.Empty, e.Action.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                e.Action.Target.ToString(), Show.Number(e.BaselineValue, "0.####"), e.Current?.ToString() ?? Show.Undefined, $"{e.Status} ({e.Reason})",
                e.Evidence?.ToString() ?? Show.Undefined);
        }

        console.Write(table);
        foreach (var e in report.Evaluations.Where(e => e.Problem is not null))
        {
            Show.Line(console, $"{e.Action.Id}: {e.Problem}");
        }
    }
}
