using System.CommandLine;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Json;
using LeadAnalytics.Quality;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>validate --leads FILE</c>: the data-quality report (import issues, set-level checks, stale leads, audit sample).</summary>
internal static class ValidateCommand
{
    private const int IssuesShown = 25;

    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.", required: true);
        var command = new Command("validate", "The data-quality report: every row issue with file, line and column, duplicate ids, stale leads and the 10% audit sample.");
        command.Options.Add(leads);
        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            run.CheckRowsOnImport = false;
            var data = LeadData.Load(parse.GetValue(leads)!, run);
            var report = DataQualityChecker.Check(data.Leads, data.AsOf, run.Settings.QualityOptions(), data.Import.Issues);
            Write(run, data, report);
            var errors = data.Import.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
            if (run.Settings.Strict && errors.Count > 0)
            {
                throw InputFiles.StrictFailure(data.Import.Path, errors);
            }

            return ExitCodes.Success;
        });
    }

    private static void Write(RunContext run, LeadData data, DataQualityReport report)
    {
        switch (run.Settings.Format)
        {
            case OutputFormat.Json:
                run.WriteJson(LeadAnalyticsJson.SerializeQualityReport(report));
                break;
            case OutputFormat.Csv:
                var csv = new CsvTable("rule", "severity", "leadId", "field", "value", "file", "line", "column", "message");
                foreach (var i in report.Issues)
                {
                    csv.Add(Camel(i.Rule.ToString()), Camel(i.Severity.ToString()), i.LeadId, i.Field is { } f ? Camel(f.ToString()) : null, i.Value, i.File, i.Line, i.Column, i.Message);
                }

                run.WriteCsv(csv);
                break;
            default:
                run.WriteTable(console => Draw(console, data, report));
                break;
        }
    }

    internal static void Draw(IAnsiConsole console, LeadData data, DataQualityReport report)
    {
        var import = data.Import;
        Show.Line(console, $"Data quality of {Path.GetFileName(import.Path)} as of {Show.Instant(report.AsOf)}{(data.AsOfFromData ? " (the latest event in the data)" : string.Empty)}");
        Show.Line(console, $"{Show.Count(import.RowsRead)} rows read, {Show.Count(import.RowsRead - import.RowsRejected)} accepted, {Show.Count(import.RowsRejected)} rejected; " +
            $"{Show.Count(report.ErrorCount)} errors, {Show.Count(report.WarningCount)} warnings; {Show.Count(report.StaleLeadIds.Count)} stale leads; audit sample {Show.Count(report.AuditSample.Count)} leads.");
        if (report.RuleCounts.Count > 0)
        {
            var rules = Show.NewTable("Issues by rule");
            Show.Columns(rules, "Rule", "Errors", "Warnings");
            foreach (var c in report.RuleCounts)
            {
                Show.Row(rules, c.Rule.ToString(), Show.Count(c.Errors), Show.Count(c.Warnings));
            }

            console.Write(rules);
        }

        // Stale leads are counted above; listing hundreds of them would hide the row faults, so the table shows the others.
        var listed = report.Issues.Where(i => i.Rule != DataQualityRule.StaleLead).ToList();
        if (listed.Count > 0)
        {
            var issues = Show.NewTable(listed.Count > IssuesShown ? $"First {IssuesShown} of {Show.Count(listed.Count)} issues other than stale leads (--format csv lists all)" : "Issues other than stale leads");
            Show.Columns(issues, "Where", "Severity", "Rule", "Lead", "Message");
            issues.Columns[1].LeftAligned();
            issues.Columns[2].LeftAligned();
            issues.Columns[3].LeftAligned();
            issues.Columns[4].LeftAligned();
            foreach (var i in listed.Take(IssuesShown))
            {
                var where = (i.File ?? string.Empty) + (i.Line is { } l ? $"({l})" : string.Empty) + (i.Column is { } c ? " " + c : i.Field is { } f ? " " + f : string.Empty);
                Show.Row(issues, where.Trim(), i.Severity.ToString(), i.Rule.ToString(), i.LeadId ?? string.Empty, i.Message);
            }

            console.Write(issues);
        }
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s.Substring(1);
}
