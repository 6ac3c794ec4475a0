using System.CommandLine;
using System.Globalization;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Data;
using LeadAnalytics.Forecast;
using LeadAnalytics.Json;
using LeadAnalytics.Metrics;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>forecast --leads FILE [--by DIM] [--horizons 30,60,90] [--bootstrap N] [--seed N] [--level P] [--threads N]
/// [--list-leads] [--backtest [--origins N] [--step DAYS]]</c>.</summary>
internal static class ForecastCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.", required: true);
        var by = new Option<string?>("--by") { Description = $"A dimension whose segments get their own stage curves (shrunk towards the pooled curve) and a group ({ValueParsers.DimensionList}, not tag).", HelpName = "DIM" };
        var horizons = new Option<string>("--horizons") { Description = "Forecast horizons in whole days, ascending.", HelpName = "DAYS,...", DefaultValueFactory = _ => "30,60,90" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates behind the prediction intervals (0: none).", HelpName = "N", DefaultValueFactory = _ => ForecastOptions.Default.BootstrapReplicates };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap.", HelpName = "N", DefaultValueFactory = _ => ForecastOptions.Default.Seed };
        var level = new Option<double>("--level") { Description = "Coverage of the prediction intervals.", HelpName = "P", DefaultValueFactory = _ => ForecastOptions.Default.PredictionLevel };
        var threads = new Option<int>("--threads") { Description = "Threads for the bootstrap (-1, the default: one per processor); the result is the same for every value.", HelpName = "N", DefaultValueFactory = _ => -1 };
        var listLeads = new Option<bool>("--list-leads") { Description = "List every open lead with its probabilities (JSON and CSV)." };
        var backtest = new Option<bool>("--backtest") { Description = "Replay the forecast at past as-of dates and compare it, and the stage-weighted baseline, with what happened." };
        var origins = new Option<int>("--origins") { Description = "With --backtest: how many past as-of dates.", HelpName = "N", DefaultValueFactory = _ => ForecastOptions.Default.BacktestOrigins };
        var step = new Option<int>("--step") { Description = "With --backtest: days between the past as-of dates.", HelpName = "DAYS", DefaultValueFactory = _ => ForecastOptions.Default.BacktestStepDays };
        var command = new Command("forecast", "What the open pipeline will bring in within 30, 60 and 90 days: censoring-aware win probabilities by stage and time in stage, with prediction intervals, beside the stage-weighted baseline; --backtest replays past dates.");
        foreach (var option in new Option[] { leads, by, horizons, bootstrap, seed, level, threads, listLeads, backtest, origins, step })
        {
            command.Options.Add(option);
        }

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimension = ValueParsers.Dimensions(parse.GetValue(by), "--by", 1) is { Count: 1 } d ? d[0] : (Dimension?)null;
            if (dimension == Dimension.Tag)
            {
                throw CliException.Usage("--by: a forecast segments by a single-valued dimension, not tag.");
            }

            var options = new ForecastOptions
            {
                HorizonsDays = Horizons(parse.GetValue(horizons)!),
                Scope = new AnalysisScope
                {
                    Breakdown = dimension is { } d1 ? new[] { d1 } : Array.Empty<Dimension>(),
                    StaleAfter = run.Settings.StaleAfter,
                    MaxDegreeOfParallelism = parse.GetValue(threads) is var t && (t > 0 || t == -1) ? t : throw CliException.Usage("--threads: use a positive thread count, or -1 for one per processor."),
                },
                BootstrapReplicates = Check(parse.GetValue(bootstrap), 0, 100_000, "--bootstrap"),
                Seed = parse.GetValue(seed),
                PredictionLevel = parse.GetValue(level) is var p && p > 0 && p < 1 ? p : throw CliException.Usage("--level: use a probability strictly between 0 and 1, such as 0.9."),
                IncludeLeads = parse.GetValue(listLeads),
                BacktestOrigins = Check(parse.GetValue(origins), 1, 1000, "--origins"),
                BacktestStepDays = Check(parse.GetValue(step), 1, 3650, "--step"),
            };
            var data = LeadData.Load(parse.GetValue(leads)!, run);
            if (parse.GetValue(backtest))
            {
                var result = ForecastAnalyzer.Backtest(data.Table, data.AsOf, options);
                switch (run.Settings.Format)
                {
                    case OutputFormat.Json:
                        run.WriteJson(s => LeadAnalyticsJson.SerializeForecastBacktest(result, s));
                        break;
                    case OutputFormat.Csv:
                    case OutputFormat.Xlsx:
                        run.WriteCsv(BacktestCsv(result));
                        break;
                    default:
                        run.WriteTable(console => DrawBacktest(console, data, result));
                        break;
                }
            }
            else
            {
                var result = ForecastAnalyzer.Analyze(data.Table, data.AsOf, options);
                switch (run.Settings.Format)
                {
                    case OutputFormat.Json:
                        run.WriteJson(s => LeadAnalyticsJson.SerializeForecast(result, s));
                        break;
                    case OutputFormat.Csv:
                    case OutputFormat.Xlsx:
                        run.WriteCsv(options.IncludeLeads ? LeadsCsv(result) : GroupsCsv(result));
                        break;
                    default:
                        run.WriteTable(console => Draw(console, data, result));
                        break;
                }
            }

            return ExitCodes.Success;
        });
    }

    private static int Check(int value, int min, int max, string option) =>
        value >= min && value <= max ? value : throw CliException.Usage($"{option}: {value} is outside {min} to {max}.");

    private static int[] Horizons(string text)
    {
        var parts = text.Split(',');
        var days = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days[i]) || days[i] < 1 || days[i] > 3650 || (i > 0 && days[i] <= days[i - 1]))
            {
                throw CliException.Usage($"--horizons: '{text}' is not a list of whole days between 1 and 3650, ascending (such as 30,60,90).");
            }
        }

        return days;
    }

    private static IEnumerable<ForecastGroup> Groups(ForecastResult r) => new[] { r.Total }.Concat(r.ByStage).Concat(r.BySegment).Concat(r.ByOwner);

    private static string KindName(ForecastGroupKind kind) => kind.ToString().ToLowerInvariant();

    private static CsvTable GroupsCsv(ForecastResult result)
    {
        var csv = new CsvTable("group", "label", "openLeads", "staleLeads", "beyondObservedLeads", "days", "expectedWins", "winsLower", "winsUpper",
            "expectedRevenue", "revenueLower", "revenueUpper", "baselineWins", "baselineRevenue", "winsDifference", "revenueDifference");
        foreach (var g in Groups(result))
        {
            foreach (var h in g.Horizons)
            {
                csv.Add(KindName(g.Kind), g.Label, g.OpenLeads, g.StaleLeads, g.BeyondObservedLeads, h.Days, h.ExpectedWins, h.WinsLower, h.WinsUpper,
                    h.ExpectedRevenue, h.RevenueLower, h.RevenueUpper, h.BaselineWins, h.BaselineRevenue, h.WinsDifference, h.RevenueDifference);
            }
        }

        return csv;
    }

    private static CsvTable LeadsCsv(ForecastResult result)
    {
        var headers = new List<string> { "id", "stage", "daysInStage", "daysSinceAcquisition", "segment", "owner", "value", "valueRecorded", "stale", "beyondObserved" };
        headers.AddRange(result.HorizonsDays.Select(d => $"winWithin{d}"));
        headers.Add("baselineProbability");
        var csv = new CsvTable(headers.ToArray());
        foreach (var l in result.Leads)
        {
            var cells = new List<object?> { l.Id, l.StageName, l.DaysInStage, l.DaysSinceAcquisition, l.Segment, l.Owner, l.Value, l.ValueRecorded, l.IsStale, l.IsBeyondObserved };
            cells.AddRange(l.WinProbabilities.Select(p => (object?)p));
            cells.Add(l.BaselineProbability);
            csv.Add(cells.ToArray());
        }

        return csv;
    }

    private static CsvTable BacktestCsv(ForecastBacktest result)
    {
        var csv = new CsvTable("days", "origins", "winsMae", "baselineWinsMae", "winsErrorReduction", "winsBias", "baselineWinsBias", "winsCoverage", "baselineWinsCoverage",
            "revenueMae", "baselineRevenueMae", "revenueBias", "baselineRevenueBias", "revenueCoverage", "baselineRevenueCoverage");
        foreach (var s in result.Summaries)
        {
            csv.Add(s.Days, s.Origins, s.WinsMeanAbsoluteError, s.BaselineWinsMeanAbsoluteError, s.WinsErrorReduction, s.WinsBias, s.BaselineWinsBias, s.WinsCoverage,
                s.BaselineWinsCoverage, s.RevenueMeanAbsoluteError, s.BaselineRevenueMeanAbsoluteError, s.RevenueBias, s.BaselineRevenueBias, s.RevenueCoverage, s.BaselineRevenueCoverage);
        }

        return csv;
    }

    private static string Interval(double expected, double? lower, double? upper) =>
        lower is null ? Show.Number(expected, "0.0") : $"{Show.Number(expected, "0.0")} [{Show.Number(lower, "0.0")}, {Show.Number(upper, "0.0")}]";

    private static string MoneyInterval(decimal expected, decimal? lower, decimal? upper) =>
        lower is null ? Show.Money(expected) : $"{Show.Money(expected)} [{Show.Money(lower.Value)}, {Show.Money(upper!.Value)}]";

    internal static void Draw(IAnsiConsole console, LeadData data, ForecastResult result)
    {
        var level = MetricFormatter.ConfidenceLevel(result.Options.PredictionLevel);
        Show.Line(console, Show.T(
            $"Pipeline forecast as of {Show.Instant(data.AsOf)}{(data.AsOfFromData ? " (the latest event in the data)" : string.Empty)}: " +
            $"P(won within h | open in its stage for a days) from stage curves (Aalen-Johansen, won vs lost, landmarked at stage entry), {level}% prediction intervals " +
            $"from {result.Options.BootstrapReplicates} bootstrap replicates; the baseline is each stage's historical win rate (stale counted as lost).",
            $"在途线索预测，截至 {Show.Instant(data.AsOf)}{(data.AsOfFromData ? "（数据中最晚的事件）" : string.Empty)}：" +
            $"按阶段曲线（Aalen-Johansen，成交与流失为竞争结局，自进入阶段起算）估计“已在当前阶段停留 a 天的在途线索在 h 天内成交”的概率；{level}% 预测区间" +
            $"来自 {result.Options.BootstrapReplicates} 次自助重抽样；基线为各阶段的历史成交率（停滞计为流失）。"));
        foreach (var (title, groups) in new[]
        {
            (Show.T("Total", "合计"), new[] { result.Total }), (Show.T("By stage", "按阶段"), result.ByStage.ToArray()),
            (Show.T("By segment", "按细分"), result.BySegment.ToArray()), (Show.T("By owner", "按负责人"), result.ByOwner.ToArray()),
        })
        {
            if (groups.Length == 0)
            {
                continue;
            }

            var table = Show.NewTable(title);
            var headers = new List<string> { Show.T("Group", "分组"), Show.T("Open", "在途"), Show.T("Beyond observed", "超出观测范围") };
            foreach (var d in result.HorizonsDays)
            {
                headers.Add(Show.T($"Wins {d}d [{level}% PI]", $"{d} 天成交数 [{level}% 预测区间]"));
                headers.Add(Show.T($"Revenue {d}d", $"{d} 天收入"));
            }

            headers.Add(Show.T("Baseline wins", "基线成交数"));
            headers.Add(Show.T("Baseline revenue", "基线收入"));
            Show.Columns(table, headers.ToArray());
            foreach (var g in groups)
            {
                var cells = new List<string> { g.Kind == ForecastGroupKind.Stage ? Show.Stage(g.Label) : g.Label, Show.Count(g.OpenLeads), Show.Count(g.BeyondObservedLeads) };
                foreach (var h in g.Horizons)
                {
                    cells.Add(Interval(h.ExpectedWins, h.WinsLower, h.WinsUpper));
                    cells.Add(MoneyInterval(h.ExpectedRevenue, h.RevenueLower, h.RevenueUpper));
                }

                var last = g.Horizons[g.Horizons.Count - 1];
                cells.Add(Show.Number(last.BaselineWins, "0.0"));
                cells.Add(Show.Money(last.BaselineRevenue));
                Show.Row(table, cells.ToArray());
            }

            console.Write(table);
        }

        if (result.Total.BeyondObservedLeads > 0)
        {
            Show.Line(console, Show.T(
                $"{Show.Count(result.Total.BeyondObservedLeads)} open leads have been in their stage longer than any outcome observed there: no probability is extrapolated for them (they add nothing to the expected wins).",
                $"{Show.Count(result.Total.BeyondObservedLeads)} 条在途线索在当前阶段停留的时间超过该阶段观测到的任何结局：不对其外推概率（不计入预期成交）。"));
        }
    }

    internal static void DrawBacktest(IAnsiConsole console, LeadData data, ForecastBacktest result)
    {
        var first = result.Points.Count > 0 ? result.Points[0].AsOf : data.AsOf;
        var last = result.Points.Count > 0 ? result.Points[result.Points.Count - 1].AsOf : data.AsOf;
        var origins = result.Summaries.FirstOrDefault()?.Origins ?? 0;
        Show.Line(console, Show.T(
            $"Backtest: the forecast replayed at {origins} past as-of dates from {Show.Instant(first)} to {Show.Instant(last)}, " +
            $"every {result.Options.BacktestStepDays} days, compared with what happened (error = forecast - actual).",
            $"回测：在 {Show.Instant(first)} 至 {Show.Instant(last)} 之间每 {result.Options.BacktestStepDays} 天取一个过去的时点，共 {origins} 个，重做预测并与实际结果比较（误差 = 预测 - 实际）。"));
        var table = Show.NewTable();
        Show.Columns(table, Show.T("Horizon", "预测期"), Show.T("Dates", "时点数"), Show.T("Wins MAE", "成交数平均绝对误差"), Show.T("Baseline MAE", "基线平均绝对误差"),
            Show.T("MAE reduction", "误差降低"), Show.T("Bias", "偏差"), Show.T("Baseline bias", "基线偏差"), Show.T("PI coverage", "预测区间覆盖率"),
            Show.T("Baseline PI coverage", "基线预测区间覆盖率"), Show.T("Revenue MAE", "收入平均绝对误差"), Show.T("Baseline revenue MAE", "基线收入平均绝对误差"));
        foreach (var s in result.Summaries)
        {
            Show.Row(table, Show.T($"{s.Days}d", $"{s.Days} 天"), Show.Count(s.Origins), Show.Number(s.WinsMeanAbsoluteError, "0.0"), Show.Number(s.BaselineWinsMeanAbsoluteError, "0.0"),
                Show.Percent(s.WinsErrorReduction), Show.Number(s.WinsBias, "0.0"), Show.Number(s.BaselineWinsBias, "0.0"), Show.Percent(s.WinsCoverage),
                Show.Percent(s.BaselineWinsCoverage), Show.Money(s.RevenueMeanAbsoluteError), Show.Money(s.BaselineRevenueMeanAbsoluteError));
        }

        console.Write(table);
    }
}
