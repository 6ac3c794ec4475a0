using System.CommandLine;

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
        return CliApp.Define(command, common, stdout, stderr, (parse, run) => throw NotInThisBuild.Actions());
    }
}
