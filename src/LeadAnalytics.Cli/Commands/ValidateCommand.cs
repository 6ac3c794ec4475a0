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
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.");
        var costs = CliApp.FileOption("--costs", "A costs CSV file to check.");
        var touchpoints = CliApp.FileOption("--touchpoints", "A touchpoints CSV file to check.");
        var actions = CliApp.FileOption("--actions", "An optimisation actions CSV file to check.");
        var paths = CliApp.FileOption("--paths", "An aggregated paths CSV file to check.");
        var period = new PeriodOptions();
        var command = new Command("validate", "The data-quality report of every input file given: each row issue with file, line and column, rows read, accepted and rejected per file, duplicate ids, stale leads and the 10% audit sample.");
        foreach (var o in new Option[] { leads, costs, touchpoints, actions, paths })
        {
            command.Options.Add(o);
        }

        period.AddTo(command);

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var files = new[] { parse.GetValue(leads), parse.GetValue(costs), parse.GetValue(touchpoints), parse.GetValue(actions), parse.GetValue(paths) };
            if (files.All(f => f is null))
            {
                throw CliException.Usage("validate needs at least one file: --leads, --costs, --touchpoints, --actions or --paths.");
            }

            if (files[0] is null && period.IsGiven(parse))
            {
                throw CliException.Usage("--from and --to limit the checked leads to those acquired in the period: add --leads FILE.");
            }

            // The set-level checks (stale leads, duplicates, labels, audit sample) on the leads acquired in the period; every row of
            // every file is still read and checked, since a broken row belongs to no period.
            var quality = run.Settings.QualityOptions(period.Resolve(parse, run.Settings.TimeZone));
            run.CheckRowsOnImport = false;
            DataQualityResult report;
            var loaded = new List<ILoaded>();
            Pipeline pipeline;
            if (files[0] is { } leadPath)
            {
                // The same import every analysis runs (LeadCsv.ReadTable): what validate rejects is exactly what they reject.
                var data = LeadData.Load(leadPath, run, allowEmpty: true);
                pipeline = data.Pipeline;
                report = DataQualityAnalyzer.Analyze(data.Table, data.AsOf, quality);
                report = Include(report, data.Import, "leads");
                loaded.Add(data.Import);
            }
            else
            {
                pipeline = run.Settings.LoadPipeline();
                report = new DataQualityResult(run.Settings.ExplicitAsOf ?? DateTimeOffset.UnixEpoch, 0, Array.Empty<DataQualityIssue>(), Array.Empty<string>(),
                    Array.Empty<string>(), quality);
            }

            var options = run.Settings.ReadOptions(pipeline);
            // The side files in a fixed order (costs, touchpoints, actions, paths), so the report lists them as given.
            var sides = new (int File, string Kind, Func<string, ILoaded> Read)[]
            {
                (1, "costs", path => InputFiles.Costs(path, options, run)),
                (2, "touchpoints", path => InputFiles.Touchpoints(path, options, run)),
                (3, "actions", path => InputFiles.Actions(path, options, run)),
                (4, "paths", path => InputFiles.Paths(path, options, run)),
            };
            foreach (var side in sides)
            {
                if (files[side.File] is { } path)
                {
                    var l = side.Read(path);
                    report = Include(report, l, side.Kind);
                    loaded.Add(l);
                }
            }

            Write(run, files[0] is not null && run.Settings.ExplicitAsOf is null, report);
            if (run.Settings.Strict)
            {
                foreach (var l in loaded)
                {
                    var errors = l.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        throw InputFiles.StrictFailure(l.Path, errors);
                    }
                }
            }

            return ExitCodes.Success;
        });
    }

    private static DataQualityResult Include(DataQualityResult report, ILoaded file, string kind) =>
        report.Include(new DataQualityInput(Path.GetFileName(file.Path), kind, file.RowsRead, file.RowsRejected), file.Issues);

    private static void Write(RunContext run, bool asOfFromData, DataQualityResult report)
    {
        switch (run.Settings.Format)
        {
            case OutputFormat.Json:
                run.WriteJson(s => LeadAnalyticsJson.SerializeQualityReport(report, s));
                break;
            case OutputFormat.Csv:
            case OutputFormat.Xlsx:
                var csv = new CsvTable("rule", "severity", "leadId", "field", "value", "file", "line", "column", "message");
                foreach (var i in report.Issues)
                {
                    csv.Add(Camel(i.Rule.ToString()), Camel(i.Severity.ToString()), i.LeadId, i.Field is { } f ? Camel(f.ToString()) : null, i.Value, i.File, i.Line, i.Column, i.Message);
                }

                run.WriteCsv(csv);
                break;
            default:
                run.WriteTable(console => Draw(console, asOfFromData, report));
                break;
        }
    }

    internal static void Draw(IAnsiConsole console, bool asOfFromData, DataQualityResult report)
    {
        var files = string.Join(", ", report.Inputs.Select(i => i.File));
        Show.Line(console, Show.T(
            $"Data quality of {files} as of {Show.Instant(report.AsOf)}{(asOfFromData ? " (the latest event in the data)" : string.Empty)}",
            $"{files} 的数据质量，截至 {Show.Instant(report.AsOf)}{(asOfFromData ? "（数据中最晚的事件）" : string.Empty)}"));
        if (!report.Options.Scope.Period.Equals(LeadAnalytics.Data.AcquisitionPeriod.AllTime))
        {
            Show.Line(console, Show.T(
                $"Stale leads, duplicate ids, labels and the audit sample: the {Show.Count(report.LeadCount)} leads acquired in {PeriodOptions.Describe(report.Options.Scope.Period)} (--from, --to); row issues: every row.",
                $"停滞线索、重复编号、标签和抽查样本：获客时间在 {PeriodOptions.Describe(report.Options.Scope.Period)} 的 {Show.Count(report.LeadCount)} 条线索（--from、--to）；行问题：所有行。"));
        }

        foreach (var input in report.Inputs)
        {
            Show.Line(console, Show.T(
                $"{input.File} ({input.Kind}): {Show.Count(input.RowsRead)} rows read, {Show.Count(input.RowsAccepted)} accepted, {Show.Count(input.RowsRejected)} rejected.",
                $"{input.File}（{Show.T("input." + input.Kind)}）：读取 {Show.Count(input.RowsRead)} 行，接受 {Show.Count(input.RowsAccepted)} 行，拒绝 {Show.Count(input.RowsRejected)} 行。"));
        }

        Show.Line(console, Show.T(
            $"{Show.Count(report.ErrorCount)} errors, {Show.Count(report.WarningCount)} warnings; {Show.Count(report.StaleLeadIds.Count)} stale leads; audit sample {Show.Count(report.AuditSample.Count)} leads.",
            $"错误 {Show.Count(report.ErrorCount)} 个，警告 {Show.Count(report.WarningCount)} 个；停滞线索 {Show.Count(report.StaleLeadIds.Count)} 条；抽查样本 {Show.Count(report.AuditSample.Count)} 条线索。"));
        if (report.RuleCounts.Count > 0)
        {
            var rules = Show.NewTable(Show.T("Issues by rule", "按规则统计的问题"));
            Show.Columns(rules, Show.T("Rule", "规则"), Show.T("Errors", "错误"), Show.T("Warnings", "警告"));
            foreach (var c in report.RuleCounts)
            {
                Show.Row(rules, Show.T("rule." + c.Rule), Show.Count(c.Errors), Show.Count(c.Warnings));
            }

            console.Write(rules);
        }

        // Stale leads are counted above; listing hundreds of them would hide the row faults, so the table shows the others.
        var listed = report.Issues.Where(i => i.Rule != DataQualityRule.StaleLead).ToList();
        if (listed.Count > 0)
        {
            var issues = Show.NewTable(listed.Count > IssuesShown
                ? Show.T($"First {IssuesShown} of {Show.Count(listed.Count)} issues other than stale leads (--format csv lists all)", $"停滞线索以外的问题，共 {Show.Count(listed.Count)} 个，列出前 {IssuesShown} 个（--format csv 列出全部）")
                : Show.T("Issues other than stale leads", "停滞线索以外的问题"));
            Show.Columns(issues, Show.T("Where", "位置"), Show.T("Severity", "级别"), Show.T("Rule", "规则"), Show.T("Lead", "线索"), Show.T("Message", "说明"));
            issues.Columns[1].LeftAligned();
            issues.Columns[2].LeftAligned();
            issues.Columns[3].LeftAligned();
            issues.Columns[4].LeftAligned();
            foreach (var i in listed.Take(IssuesShown))
            {
                var where = (i.File ?? string.Empty) + (i.Line is { } l ? $"({l})" : string.Empty) + (i.Column is { } c ? " " + c : i.Field is { } f ? " " + Show.T("field." + f) : string.Empty);
                Show.Row(issues, where.Trim(), i.Severity == IssueSeverity.Error ? Show.T("Error", "错误") : Show.T("Warning", "警告"), Show.T("rule." + i.Rule), i.LeadId ?? string.Empty, i.Describe(Show.Language));
            }

            console.Write(issues);
        }
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s.Substring(1);
}
