using System.CommandLine;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>segments --leads FILE [--costs FILE] --by DIM[,DIM] [--from DATE --to DATE]</c>: the effectiveness summary.</summary>
internal static class SegmentsCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.", required: true);
        var costs = CliApp.FileOption("--costs", "Costs CSV (scope, key, period_start, period_end, amount, ...) for spend, cost per lead and ROI.");
        var by = new Option<string?>("--by") { Description = $"One or two dimensions, comma-separated ({ValueParsers.DimensionList}).", HelpName = "DIM[,DIM]", Required = true };
        var from = new Option<string?>("--from") { Description = "Only leads acquired on or after this date (in --time-zone).", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Only leads acquired before the end of this date (in --time-zone).", HelpName = "DATE" };
        var command = new Command("segments", "The effectiveness summary per channel, strategy, content or industry: leads, won, conversion, spend, cost per lead and per customer, revenue, ROAS and ROI.");
        foreach (var o in new System.CommandLine.Option[] { leads, costs, by, from, to })
        {
            command.Options.Add(o);
        }

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            ValueParsers.Dimensions(parse.GetValue(by), "--by", 2);
            throw NotInThisBuild.Segments();
        });
    }
}
