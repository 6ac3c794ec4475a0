using System.CommandLine;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Metrics;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>loss-reasons --leads FILE | --source URI [--by DIM[,DIM...]]</c>: Pareto tables of why leads are lost.</summary>
internal static class LossReasonsCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file (or --source).");
        var sql = new SqlSourceOptions();
        var by = new Option<string?>("--by")
        {
            Description = "The breakdown: one dimension or two crossed, comma-separated (default channel; with tag a lead counts in each of its tags).",
            HelpName = "DIM[,DIM...]",
        };
        var command = new Command("loss-reasons", "Why leads are lost: Pareto tables overall, by the stage they were lost at and by dimension; the reasons that dominate a segment.");
        command.Options.Add(leads);
        command.Options.Add(by);
        sql.AddTo(command);
        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimensions = ValueParsers.Dimensions(parse.GetValue(by), "--by", 2);
            LossReasonResult report;
            if (parse.GetValue(sql.Source) is { } uri)
            {
                if (parse.GetValue(leads) is not null)
                {
                    throw CliException.Usage("--leads and --source cannot be combined: the leads come from one of them.");
                }

                // Counted inside the database (lost leads by segment, stage, reason and channel; won deals per channel).
                using var source = SqlSourceData.Open(uri, parse.GetValue(sql.Table), parse.GetValue(sql.Columns), run);
                report = SqlSourceData.Guard(() => source.Source.AnalyzeLossReasons(source.AsOf, Options(run, dimensions)).ToResult());
            }
            else
            {
                var data = LeadData.Load(parse.GetValue(leads) ?? throw CliException.Usage("Give the leads: --leads FILE or --source URI."), run);
                report = Analyze(run, data, dimensions);
            }

            switch (run.Settings.Format)
            {
                case OutputFormat.Json:
                    run.WriteJson(s => LeadAnalyticsJson.SerializeLossReasons(report, s));
                    break;
                case OutputFormat.Csv:
                case OutputFormat.Xlsx:
                    var header = new List<string> { "scope", "key", "reason" };
                    CsvTable.AddHeaders(header, LossReasonColumns.Rows);
                    var csv = new CsvTable(header.ToArray());
                    Rows(csv, "overall", report.Overall);
                    foreach (var t in report.ByStage)
                    {
                        Rows(csv, "stage", t);
                    }

                    foreach (var b in report.Breakdowns)
                    {
                        foreach (var t in b.Segments)
                        {
                            Rows(csv, string.Join(",", b.Dimensions.Select(ValueParsers.Name)), t);
                        }
                    }

                    run.WriteCsv(csv);
                    break;
                default:
                    run.WriteTable(console => Draw(console, report));
                    break;
            }

            return ExitCodes.Success;
        });
    }

    internal static LossReasonResult Analyze(RunContext run, LeadData data, IReadOnlyList<Dimension> dimensions, LeadAnalytics.Data.AcquisitionPeriod? period = null) =>
        LossReasonAnalyzer.Analyze(data.Table, data.AsOf, Options(run, dimensions, period));

    private static LossReasonOptions Options(RunContext run, IReadOnlyList<Dimension> dimensions, LeadAnalytics.Data.AcquisitionPeriod? period = null) => new()
    {
        Scope = run.Settings.Scope(dimensions.Count == 0 ? LossReasonOptions.Default.Scope.Breakdown : dimensions, period),
    };

    private static void Rows(CsvTable csv, string scope, LossReasonTable table)
    {
        foreach (var r in table.Rows)
        {
            var cells = new List<object?> { scope, table.Segment, r.Reason };
            CsvTable.AddMetrics(cells, LossReasonColumns.Rows, r);
            csv.Add(cells.ToArray());
        }
    }

    // The scope LossReasonAnalyzer gives the by-stage tables; other scopes are dimension names joined by " × ".
    private const string StageScope = "stage";

    /// <summary>A dominance's scope in Chinese: 阶段, or the dimensions' names.</summary>
    private static string ScopeName(string scope) => scope == StageScope ? "阶段"
        : string.Join(" × ", scope.Split(new[] { " × " }, StringSplitOptions.None)
            .Select(d => DisplayText.Common.Contains("dimension." + d) ? Show.T("dimension." + d) : d));

    internal static void Draw(IAnsiConsole console, LossReasonResult report)
    {
        Show.Line(console, Show.T(
            $"Loss reasons as of {Show.Instant(report.AsOf)}: {Show.Count(report.LostLeads)} lost leads, {Show.Count(report.WithoutReason)} without a reason.",
            $"流失原因，截至 {Show.Instant(report.AsOf)}：流失线索 {Show.Count(report.LostLeads)} 条，其中 {Show.Count(report.WithoutReason)} 条未填原因。"));
        if (report.LostLeads == 0)
        {
            // Many CRM exports (Olist's among them) record no losses: say so rather than print empty tables.
            Show.Line(console, Show.T("No lead is recorded as lost by this instant: there are no reasons to break down.", "截至此时没有记录为流失的线索：没有可分析的流失原因。"));
            return;
        }

        var overall = Show.NewTable(Show.T("Overall (Pareto)", "总体（帕累托）"));
        var columns = LossReasonColumns.Rows.View();
        Show.Columns(overall, new[] { Show.T("Reason", "原因") }.Concat(columns.Select(c => Show.Formatter.HeadingOf(c.Metric))).ToArray());
        foreach (var r in report.Overall.Rows)
        {
            Show.Row(overall, new[] { Show.Reason(r.Reason) }.Concat(columns.Select(c => Show.Formatter.Format(c, r))).ToArray());
        }

        console.Write(overall);
        var stages = Show.NewTable(Show.T("By the stage a lead was lost at", "按流失时所在阶段"));
        Show.Columns(stages, Show.T("Stage", "阶段"), Show.T("Lost leads", "流失线索"), Show.T("Top reason", "首要原因"), Show.T("Its share", "其占比"));
        foreach (var t in report.ByStage)
        {
            var top = t.Rows.Count > 0 ? t.Rows[0] : null;
            Show.Row(stages, Show.Stage(t.Segment), Show.Count(t.LostLeads), top is null ? Show.Undefined : Show.Reason(top.Reason), Show.Percent(top?.Share));
        }

        console.Write(stages);
        foreach (var b in report.Breakdowns)
        {
            if (b.MixTest is null)
            {
                continue; // tag segments overlap: no test
            }

            Show.Line(console, Show.T(
                $"Reason mix by {string.Join(" × ", b.Dimensions.Select(ValueParsers.Name))}: chi-square {Show.Number(b.MixTest.Statistic)} on {Show.Number(b.MixTest.DegreesOfFreedom, "0")} df, p {Show.PValue(b.MixTest.PValue)}.",
                $"按{string.Join(" × ", b.Dimensions.Select(d => Show.T("dimension." + d)))}的流失原因构成：卡方 {Show.Number(b.MixTest.Statistic)}，自由度 {Show.Number(b.MixTest.DegreesOfFreedom, "0")}，p {Show.PValue(b.MixTest.PValue)}。"));
        }

        foreach (var d in report.Dominant)
        {
            Show.Line(console, Show.T(
                $"Dominant: at {d.Scope} {d.Segment}, {Show.Reason(d.Reason)} gives {Show.Count(d.Count)} of {Show.Count(d.LostLeads)} losses ({Show.RateWithInterval(d.Share)}).",
                $"主导原因：{ScopeName(d.Scope)} {(d.Scope == StageScope ? Show.Stage(d.Segment) : d.Segment)} 的 {Show.Count(d.LostLeads)} 条流失中，{Show.Reason(d.Reason)} 占 {Show.Count(d.Count)} 条（{Show.RateWithInterval(d.Share)}）。"));
        }
    }
}
