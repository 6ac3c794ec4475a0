using System.CommandLine;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Json;
using LeadAnalytics.Metrics;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>cycle-time --leads FILE [--by DIM[,DIM]] [--ci log|loglog|plain] [--horizon DAYS]</c>.</summary>
internal static class CycleTimeCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file (or --source).");
        var sql = new SqlSourceOptions();
        var by = new Option<string?>("--by") { Description = $"One dimension or two crossed, comma-separated, to compare segments by, with a log-rank test unless tags ({ValueParsers.DimensionList}).", HelpName = "DIM[,DIM]" };
        var ci = new Option<string>("--ci")
        {
            Description = "Confidence-interval transform of the Kaplan-Meier curve and its median: log (R survival's default), loglog (lifelines') or plain.",
            HelpName = "log|loglog|plain",
            DefaultValueFactory = _ => "log",
        };
        ci.AcceptOnlyFromAmong("log", "loglog", "log-log", "plain");
        var horizon = new Option<double?>("--horizon")
        {
            Description = "Horizon in days of the restricted mean time to won and of the won/lost-by-horizon probabilities. Default: the longest observed duration.",
            HelpName = "DAYS",
        };
        var maxLogRank = new Option<int>("--max-log-rank-segments")
        {
            Description = "With --by: the most segments the log-rank test is computed for (its cost grows with the cube of the segment count); above it the test is skipped and said so.",
            HelpName = "N",
            DefaultValueFactory = _ => CycleTimeOptions.DefaultMaxLogRankSegments,
        };
        var metricOptions = new MetricOptions<CycleTimeSegment>(CycleTimeColumns.Segments, "segments");
        var curves = new Option<bool>("--curves") { Description = "With --format json: include every row of the survival and incidence curves and the duration histograms." };
        var command = new Command("cycle-time", "How long conversion takes: Kaplan-Meier time to won (open leads censored), won-vs-lost competing risks, stage durations, log-rank across segments.");
        command.Options.Add(leads);
        command.Options.Add(by);
        command.Options.Add(ci);
        command.Options.Add(horizon);
        command.Options.Add(maxLogRank);
        command.Options.Add(curves);
        metricOptions.AddTo(command);
        sql.AddTo(command);
        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimensions = ValueParsers.Dimensions(parse.GetValue(by), "--by", 2);
            var h = parse.GetValue(horizon) is { } hd ? ValueParsers.Days(hd, "--horizon", allowZero: true).TotalDays : (double?)null;
            var transform = parse.GetValue(ci) switch
            {
                "loglog" or "log-log" => SurvivalConfidenceTransform.LogLog,
                "plain" => SurvivalConfidenceTransform.Plain,
                _ => SurvivalConfidenceTransform.Log,
            };
            var view = metricOptions.View(parse);
            var rankBy = metricOptions.Rank(parse);
            var cap = parse.GetValue(maxLogRank);
            if (cap < 2)
            {
                throw CliException.Usage($"--max-log-rank-segments must be at least 2 (a test compares two segments or more), not {cap}.");
            }
            CycleTimeResult result;
            DateTimeOffset asOf;
            bool asOfFromData;
            if (parse.GetValue(sql.Source) is { } uri)
            {
                if (parse.GetValue(leads) is not null)
                {
                    throw CliException.Usage("--leads and --source cannot be combined: the leads come from one of them.");
                }

                using var source = SqlSourceData.Open(uri, parse.GetValue(sql.Table), parse.GetValue(sql.Columns), run);
                result = SqlSourceData.Guard(() => source.Source.AnalyzeCycleTime(source.AsOf, Options(run, dimensions, transform, h, cap)).ToResult());
                (asOf, asOfFromData) = (source.AsOf, source.AsOfFromData);
            }
            else
            {
                var data = LeadData.Load(parse.GetValue(leads) ?? throw CliException.Usage("Give the leads: --leads FILE or --source URI."), run);
                result = CycleTimeAnalyzer.Analyze(data.Table, data.AsOf, Options(run, dimensions, transform, h, cap));
                (asOf, asOfFromData) = (data.AsOf, data.AsOfFromData);
            }

            switch (run.Settings.Format)
            {
                case OutputFormat.Json:
                    run.WriteJson(s => LeadAnalyticsJson.SerializeCycleTime(result, s, parse.GetValue(curves)));
                    break;
                case OutputFormat.Csv:
                case OutputFormat.Xlsx:
                    run.WriteCsv(Csv(result));
                    break;
                default:
                    run.WriteTable(console => Draw(console, asOf, asOfFromData, result, null, view, rankBy));
                    break;
            }

            return ExitCodes.Success;
        });
    }

    internal static CycleTimeResult Analyze(
        RunContext run, LeadData data, Dimension? by, SurvivalConfidenceTransform transform = SurvivalConfidenceTransform.Log, double? horizon = null,
        LeadAnalytics.Data.AcquisitionPeriod? period = null) =>
        Analyze(run, data, by is { } d ? new[] { d } : Array.Empty<Dimension>(), transform, horizon, period);

    internal static CycleTimeResult Analyze(
        RunContext run, LeadData data, IReadOnlyList<Dimension> by, SurvivalConfidenceTransform transform = SurvivalConfidenceTransform.Log, double? horizon = null,
        LeadAnalytics.Data.AcquisitionPeriod? period = null) =>
        CycleTimeAnalyzer.Analyze(data.Table, data.AsOf, Options(run, by, transform, horizon, period: period));

    private static CycleTimeOptions Options(
        RunContext run, IReadOnlyList<Dimension> by, SurvivalConfidenceTransform transform, double? horizon, int maxLogRankSegments = CycleTimeOptions.DefaultMaxLogRankSegments,
        LeadAnalytics.Data.AcquisitionPeriod? period = null) => new()
    {
        Scope = run.Settings.Scope(by, period),
        Survival = new KaplanMeierOptions { ConfidenceTransform = transform, RestrictedMeanHorizon = horizon },
        MaxLogRankSegments = maxLogRankSegments,
    };

    /// <summary>The CSV: the key, every declared column (the median with its interval) and the horizon of the horizon columns.</summary>
    internal static CsvTable Csv(CycleTimeResult result)
    {
        var header = new List<string> { "key" };
        CsvTable.AddHeaders(header, CycleTimeColumns.Segments);
        header.Add("horizon");
        var csv = new CsvTable(header.ToArray());
        foreach (var s in new[] { result.Overall }.Concat(result.Segments))
        {
            var cells = new List<object?> { s.Label };
            CsvTable.AddMetrics(cells, CycleTimeColumns.Segments, s);
            cells.Add(s.TimeToWon.RestrictedMean?.Horizon);
            csv.Add(cells.ToArray());
        }

        return csv;
    }

    internal static void Draw(IAnsiConsole console, LeadData data, CycleTimeResult result, int? maxSegments = null) => Draw(console, data.AsOf, data.AsOfFromData, result, maxSegments);

    private static void Draw(IAnsiConsole console, DateTimeOffset asOf, bool asOfFromData, CycleTimeResult result, int? maxSegments,
        IReadOnlyList<MetricColumn<CycleTimeSegment>>? columns = null, MetricColumn<CycleTimeSegment>? rankBy = null)
    {
        columns ??= CycleTimeColumns.Segments.View();
        var horizon = result.Overall.TimeToWon.RestrictedMean?.Horizon;
        Show.Line(console, Show.T(
            $"Cycle time as of {Show.Instant(asOf)}{(asOfFromData ? " (the latest event in the data)" : string.Empty)}, in days; " +
            $"time to won by Kaplan-Meier with open leads censored at as-of and lost leads at their loss; horizon {Show.Days(horizon)} days.",
            $"转化周期，截至 {Show.Instant(asOf)}{(asOfFromData ? "（数据中最晚的事件）" : string.Empty)}，单位为天；" +
            $"成交时间按 Kaplan-Meier 估计，跟进中的线索在截至时点删失，流失线索在流失时删失；观察期 {Show.Days(horizon)} 天。"));
        var table = Show.NewTable();
        Show.Columns(table, new[] { Show.T("Segment", "细分") }.Concat(columns.Select(c => Show.Formatter.HeadingOf(c.Metric))).ToArray());
        var (shown, folded, foldedLeads) = Show.Largest(result.Segments, s => s.Leads, s => s.Label, maxSegments);
        foreach (var s in new[] { result.Overall }.Concat(MetricOptions<CycleTimeSegment>.Ordered(shown, x => x, rankBy)))
        {
            var cells = new List<string> { ReferenceEquals(s, result.Overall) ? Show.T("total") : s.Label };
            cells.AddRange(columns.Select(c => Show.Formatter.Format(c, s)));
            Show.Row(table, cells.ToArray());
        }

        console.Write(table);
        Show.Folded(console, shown.Count, folded, foldedLeads, "cycle-time --by channel");
        if (result.SegmentComparison is { } lr)
        {
            var p = Show.PValue(lr.PValue) is var text && text.StartsWith('<') ? text : "= " + text;
            Show.Line(console, Show.T(
                $"Log-rank test that the segments share one time-to-won curve: chi-square {Show.Number(lr.ChiSquare)} on {lr.DegreesOfFreedom} df, p {p}.",
                $"对数秩检验（各细分的成交时间曲线是否相同）：卡方 {Show.Number(lr.ChiSquare)}，自由度 {lr.DegreesOfFreedom}，p {p}。"));
        }
        else if (result.SegmentComparisonSkipped)
        {
            Show.Line(console, Show.T(
                $"Log-rank test skipped: {Show.Count(result.Segments.Count)} segments, more than the cap of {Show.Count(result.Options.MaxLogRankSegments)} " +
                "(its cost grows with the cube of the segment count; --max-log-rank-segments raises it).",
                $"未做对数秩检验：细分数 {Show.Count(result.Segments.Count)} 超过上限 {Show.Count(result.Options.MaxLogRankSegments)}" +
                "（其计算量随细分数的三次方增长；--max-log-rank-segments 可提高上限）。"));
        }

        var stages = Show.NewTable(Show.T("Time between consecutive recorded stages (all leads)", "相邻已记录阶段之间的时间（全部线索）"));
        Show.Columns(stages, Show.T("From -> to", "从 -> 到"), Show.T("Leads", "线索量"), Show.T("Mean", "平均"), Show.T("Median", "中位数"), "P75", "P90",
            Show.T("Negative (excluded)", "负值（已排除）"));
        foreach (var d in result.Overall.StageDurations)
        {
            Show.Row(stages, $"{Show.Stage(d.From)} -> {Show.Stage(d.To)}", Show.Count(d.Count), Show.Days(d.Mean), Show.Days(d.Median), Show.Days(d.P75), Show.Days(d.P90), Show.Count(d.NegativeExcluded));
        }

        console.Write(stages);
    }
}
