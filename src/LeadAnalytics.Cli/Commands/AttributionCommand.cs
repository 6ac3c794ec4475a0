using System.CommandLine;
using LeadAnalytics.Attribution;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Json;
using LeadAnalytics.Metrics;
using LeadAnalytics.Sql;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>attribution (--touchpoints FILE --leads FILE | --paths FILE | --source URI [--touchpoints-table NAME | --touchpoints FILE]) --model NAME[,NAME...]</c>.</summary>
internal static class AttributionCommand
{
    internal static readonly (string Name, AttributionModel Model)[] ModelNames =
    {
        ("first", AttributionModel.FirstTouch), ("last", AttributionModel.LastTouch), ("last-non-direct", AttributionModel.LastNonDirect),
        ("linear", AttributionModel.Linear), ("position", AttributionModel.PositionBased), ("time-decay", AttributionModel.TimeDecay),
        ("u-shaped", AttributionModel.UShaped), ("w-shaped", AttributionModel.WShaped), ("full-path", AttributionModel.FullPath),
        ("markov", AttributionModel.Markov), ("shapley", AttributionModel.Shapley),
    };

    internal static string ModelList => string.Join(", ", ModelNames.Select(m => m.Name));

    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var touchpoints = CliApp.FileOption("--touchpoints", "Touchpoints CSV (lead_id, occurred_at, channel, ...); needs --leads, or a CSV or Parquet --source.");
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file: which journeys converted, and their deal amounts.");
        var paths = CliApp.FileOption("--paths", "Aggregated paths CSV (path, total_conversions, total_conversion_value, total_null), instead of --touchpoints and --leads.");
        var model = new Option<string?>("--model") { Description = $"One or more models, comma-separated: {ModelList}; or all.", HelpName = "NAME[,NAME...]", Required = true };
        var halfLife = new Option<double?>("--half-life") { Description = "Half-life in days of the time-decay model (default 7).", HelpName = "DAYS" };
        var order = new Option<int?>("--order") { Description = "Order of the Markov chain (default 1).", HelpName = "K" };
        var lookback = new Option<double?>("--lookback") { Description = "Only touches within this many days before the conversion (or as-of) count.", HelpName = "DAYS" };
        var by = new Option<string?>("--by") { Description = "What touchpoints credit: channel (default), strategy or content.", HelpName = "DIM" };
        var direct = new Option<string?>("--direct-channels")
        {
            Description = $"Channels the last-non-direct model skips, comma-separated (default: {string.Join(", ", AttributionOptions.DefaultDirectChannels)}); the list used is printed.",
            HelpName = "NAME[,NAME...]",
        };
        var intervals = new Option<bool>("--intervals") { Description = "Bootstrap intervals on every channel's credit under every model (journeys resampled with their paths; " + CliApp.DocsUrl + "attribution.md)." };
        var replicates = new Option<int?>("--replicates") { Description = $"Bootstrap replicates behind --intervals (default {AttributionIntervalOptions.Default.Replicates}; implies --intervals).", HelpName = "N" };
        var seed = new Option<long?>("--seed") { Description = $"Seed of the bootstrap (default {AttributionIntervalOptions.Default.Seed}): the same seed gives the same intervals, bit for bit.", HelpName = "S" };
        var confidence = new Option<double?>("--confidence") { Description = "Confidence level of the intervals, as 0.95 or 95 (default 0.95).", HelpName = "LEVEL" };
        var method = new Option<string?>("--interval-method") { Description = "percentile (default) or bca (bias-corrected and accelerated).", HelpName = "NAME" };
        var sql = new SqlSourceOptions();
        var touchTable = new Option<string?>("--touchpoints-table")
        {
            Description = "With a database --source: the touchpoints table or view in it (schema.table); default touchpoints. The paths are counted in the database.",
            HelpName = "NAME",
        };
        var threads = new Option<int?>("--threads") { Description = "Threads computing replicates (-1: one per processor, the default). The result is the same for every value.", HelpName = "N" };
        var period = new PeriodOptions();
        var command = new Command("attribution", "Which touches deserve the credit: rule-based models, exact Markov removal effects and Shapley values, side by side, with bootstrap intervals on request.");
        foreach (var o in new Option[] { touchpoints, leads, paths, model, halfLife, order, lookback, by, direct, intervals, replicates, seed, confidence, method, threads, touchTable })
        {
            command.Options.Add(o);
        }

        period.AddTo(command);
        sql.AddTo(command);

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var tp = parse.GetValue(touchpoints);
            var ld = parse.GetValue(leads);
            var pt = parse.GetValue(paths);
            var uri = parse.GetValue(sql.Source);
            var models = Models(parse.GetValue(model)!, aggregatedPaths: pt is not null || uri is not null);
            if (uri is not null && (ld is not null || pt is not null))
            {
                throw CliException.Usage("--source replaces --leads and --paths: the leads and their touchpoints come from the database.");
            }

            if (uri is null && (parse.GetValue(touchTable) is not null || parse.GetValue(sql.Table) is not null || parse.GetValue(sql.Columns) is not null))
            {
                throw CliException.Usage("--touchpoints-table, --table and --columns go with --source.");
            }

            if (uri is not null && tp is not null && parse.GetValue(touchTable) is not null)
            {
                throw CliException.Usage("--touchpoints FILE and --touchpoints-table NAME both name the touchpoints: give one.");
            }

            if (pt is not null && (tp is not null || ld is not null))
            {
                throw CliException.Usage("--paths replaces --touchpoints and --leads: give either --paths, or --touchpoints with --leads.");
            }

            if (uri is null && pt is null && (tp is null || ld is null))
            {
                throw CliException.Usage("attribution needs --touchpoints FILE with --leads FILE, or --paths FILE.");
            }

            if (pt is not null && parse.GetValue(lookback) is not null)
            {
                throw CliException.Usage("--lookback needs touch times: use --touchpoints and --leads, not --paths.");
            }

            if (pt is not null && period.IsGiven(parse))
            {
                throw CliException.Usage("--from and --to limit the journeys to leads acquired in the period: use --touchpoints and --leads, or --source (aggregated paths from --paths have no acquisition instants).");
            }

            var dimension = parse.GetValue(by) is { } b ? ValueParsers.ParseDimension(b, "--by") : Dimension.Channel;
            if (dimension is not (Dimension.Channel or Dimension.Strategy or Dimension.Content))
            {
                throw CliException.Usage("--by: attribution credits channel, strategy or content.");
            }

            var options = new AttributionOptions
            {
                By = dimension,
                TimeDecayHalfLife = parse.GetValue(halfLife) is { } hl ? ValueParsers.Days(hl, "--half-life", allowZero: false) : TimeSpan.FromDays(7),
                MarkovOrder = parse.GetValue(order) is { } k ? (k is >= 1 and <= 6 ? k : throw CliException.Usage($"--order: {k} is not a Markov order from 1 to 6.")) : 1,
                LookbackWindow = parse.GetValue(lookback) is { } lb ? ValueParsers.Days(lb, "--lookback", allowZero: false) : null,
                DirectChannels = DirectChannels(parse.GetValue(direct)),
                Intervals = IntervalOptions(parse.GetValue(intervals), parse.GetValue(replicates), parse.GetValue(seed), parse.GetValue(confidence), parse.GetValue(method), parse.GetValue(threads)),
                Scope = run.Settings.Scope(period: period.Resolve(parse, run.Settings.TimeZone), confidence: Level(parse.GetValue(confidence)), threads: Threads(parse.GetValue(threads))),
            };
            AttributionComparison comparison;
            DateTimeOffset? asOf = null;
            if (uri is not null)
            {
                if (options.By != Dimension.Channel)
                {
                    throw CliException.Usage("--by: attribution in a database (--source) credits channels only.");
                }

                using var source = SqlSourceData.Open(uri, parse.GetValue(sql.Table), parse.GetValue(sql.Columns), run, tp);
                SqlTableName touchName;
                try
                {
                    touchName = SqlTableName.Parse(parse.GetValue(touchTable) ?? "touchpoints");
                }
                catch (ArgumentException e)
                {
                    throw CliException.Usage("--touchpoints-table: " + InputFiles.OneLine(e.Message));
                }

                var journeys = SqlSourceData.Guard(() => source.Source.QueryJourneys(source.AsOf, touchName, options));
                asOf = source.AsOf;
                comparison = Guard(() => AttributionAnalyzer.Compare(journeys, models, options));
            }
            else if (pt is not null)
            {
                var rows = InputFiles.Paths(pt, run.Settings.ReadOptions(Pipeline.Default), run);
                var journeys = AttributionJourneys.FromPaths(rows.Records.Select(r => new AggregatedPath(r.Steps, r.Conversions, r.Value, r.Nulls)), run.Settings.ExpectedCurrency ?? Currency.CNY);
                comparison = Guard(() => AttributionAnalyzer.Compare(journeys, models, options));
            }
            else
            {
                var data = LeadData.Load(ld!, run);
                var touches = InputFiles.Touchpoints(tp!, run.Settings.ReadOptions(data.Pipeline), run);
                asOf = data.AsOf;
                comparison = Compare(data, touches.Records, models, options);
            }

            Write(run, comparison, asOf, models.Count == 1, models.Contains(AttributionModel.LastNonDirect) ? options.DirectChannels : null, pt is not null || uri is not null, options.Scope.Period);
            return ExitCodes.Success;
        });
    }

    /// <summary>The models on the leads' table with the touchpoint columns built beside it, as of the data's as-of instant.</summary>
    internal static AttributionComparison Compare(LeadData data, IReadOnlyList<Touchpoint> touchpoints, IReadOnlyList<AttributionModel> models, AttributionOptions options) =>
        Guard(() =>
        {
            var withTouches = new AttributionOptions
            {
                By = options.By,
                TimeDecayHalfLife = options.TimeDecayHalfLife,
                MarkovOrder = options.MarkovOrder,
                LookbackWindow = options.LookbackWindow,
                DirectChannels = options.DirectChannels,
                Intervals = options.Intervals,
                Scope = options.Scope,
                Touchpoints = TouchpointTable.Build(data.Table, touchpoints),
            };
            return AttributionAnalyzer.Compare(data.Table, data.AsOf, models, withTouches);
        });

    /// <summary>The bootstrap settings from the interval options; null (no intervals) unless --intervals or --replicates is given.
    /// The other interval options without either are a usage error, not silently ignored. The level (--confidence) and the
    /// threads (--threads) are checked here and go to the shared scope (<see cref="Level"/>, <see cref="Threads"/>).</summary>
    internal static AttributionIntervalOptions? IntervalOptions(bool intervals, int? replicates, long? seed, double? confidence, string? method, int? threads)
    {
        if (!intervals && replicates is null)
        {
            var stray = seed is not null ? "--seed" : confidence is not null ? "--confidence" : method is not null ? "--interval-method" : threads is not null ? "--threads" : null;
            return stray is null ? null : throw CliException.Usage($"{stray} sets the bootstrap intervals: add --intervals (or --replicates N).");
        }

        var defaults = AttributionIntervalOptions.Default;
        if (replicates is { } r && r is < 2 or > 100_000)
        {
            throw CliException.Usage($"--replicates: {r} is not a number of replicates from 2 to 100000.");
        }

        Level(confidence);
        var how = method?.Trim().ToLowerInvariant() switch
        {
            null or "percentile" => AttributionIntervalMethod.Percentile,
            "bca" => AttributionIntervalMethod.BCa,
            _ => throw CliException.Usage($"--interval-method: '{method}' is not percentile or bca."),
        };
        Threads(threads);
        return new AttributionIntervalOptions
        {
            Replicates = replicates ?? defaults.Replicates,
            Seed = seed ?? defaults.Seed,
            Method = how,
        };
    }

    /// <summary>The --confidence level as a fraction (0.95 or 95 both mean 95%); null when not given.</summary>
    internal static double? Level(double? confidence)
    {
        if (confidence is not { } level)
        {
            return null;
        }

        if (level is > 1 and < 100)
        {
            level /= 100;
        }

        return level > 0 && level < 1 ? level : throw CliException.Usage($"--confidence: {confidence} is not a level between 0 and 1 (or 0 and 100 as a percentage).");
    }

    /// <summary>The --threads count, checked; null when not given.</summary>
    internal static int? Threads(int? threads) =>
        threads is { } t && (t is 0 or < -1 || t > 1024) ? throw CliException.Usage($"--threads: {t} is not -1 or a number of threads from 1 to 1024.") : threads;

    internal static IReadOnlyCollection<string> DirectChannels(string? text)
    {
        if (text is null)
        {
            return AttributionOptions.DefaultDirectChannels;
        }

        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length > 0 ? names : throw CliException.Usage("--direct-channels: name at least one channel.");
    }

    internal static T Guard<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The library's parameter name is for programmers; the tool's user gets the sentence.
            var message = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
            throw new CliException("attribution: " + message);
        }
    }

    /// <summary>The models named by --model; <c>all</c> on aggregated paths (--paths, --source) is every model defined on
    /// paths: not time-decay (touch times) nor the U-, W-shaped and full-path models (CRM milestones).</summary>
    internal static IReadOnlyList<AttributionModel> Models(string text, bool aggregatedPaths = false)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 1 && names[0].Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return ModelNames.Select(m => m.Model)
                .Where(m => !aggregatedPaths || m is not (AttributionModel.TimeDecay or AttributionModel.UShaped or AttributionModel.WShaped or AttributionModel.FullPath))
                .ToList();
        }

        var models = new List<AttributionModel>();
        foreach (var name in names)
        {
            var found = ModelNames.Where(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(m => (AttributionModel?)m.Model).FirstOrDefault()
                ?? throw CliException.Usage($"--model: '{name}' is not a model ({ModelList}, or all).");
            if (!models.Contains(found))
            {
                models.Add(found);
            }
        }

        return models.Count > 0 ? models : throw CliException.Usage($"--model: name at least one model ({ModelList}).");
    }

    private static string NameOf(AttributionModel model) => ModelNames.First(m => m.Model == model).Name;

    /// <summary>A model as a column header: the option's name (<c>last-non-direct</c>) in English, the model's name in Chinese.</summary>
    private static string HeaderOf(AttributionModel model) => Show.Chinese ? Show.T("model." + model) : NameOf(model);

    private static void Write(RunContext run, AttributionComparison comparison, DateTimeOffset? asOf, bool single, IReadOnlyCollection<string>? directChannels, bool aggregatedPaths,
        LeadAnalytics.Data.AcquisitionPeriod period)
    {
        switch (run.Settings.Format)
        {
            case OutputFormat.Json:
                run.WriteJson(s =>
                {
                    if (single)
                    {
                        LeadAnalyticsJson.SerializeAttribution(comparison.Results[0], s);
                    }
                    else
                    {
                        LeadAnalyticsJson.SerializeAttributionComparison(comparison, s);
                    }
                });
                break;
            case OutputFormat.Csv:
            case OutputFormat.Xlsx:
                var withIntervals = comparison.Results[0].Intervals is not null;
                var header = new List<string> { "model", "channel" };
                CsvTable.AddHeaders(header, ChannelCreditColumns.All, withIntervals);
                header.Add("currency");
                if (withIntervals)
                {
                    header.AddRange(new[] { "standardError", "topOneShare", "topThreeShare" });
                }

                var csv = new CsvTable(header.ToArray());
                foreach (var r in comparison.Results)
                {
                    foreach (var c in r.Credits)
                    {
                        var cells = new List<object?> { NameOf(r.Model), c.Key };
                        CsvTable.AddMetrics(cells, ChannelCreditColumns.All, c, c.Value.Currency, withIntervals);
                        cells.Add(c.Value.Currency.Code);
                        if (withIntervals)
                        {
                            cells.AddRange(new object?[] { c.Interval?.StandardError, c.Interval?.TopOneShare, c.Interval?.TopThreeShare });
                        }

                        csv.Add(cells.ToArray());
                    }
                }

                run.WriteCsv(csv);
                break;
            default:
                run.WriteTable(console => Draw(console, comparison, asOf, directChannels, aggregatedPaths, period));
                break;
        }
    }

    internal static void Draw(IAnsiConsole console, AttributionComparison comparison, DateTimeOffset? asOf, IReadOnlyCollection<string>? directChannels = null, bool aggregatedPaths = false,
        LeadAnalytics.Data.AcquisitionPeriod? period = null)
    {
        var first = comparison.Results[0];
        Show.Line(console, Show.T(
            $"Attribution{(asOf is { } t ? " as of " + Show.Instant(t) : string.Empty)}: {Show.Count(first.JourneyCount)} {(aggregatedPaths ? "distinct paths" : "journeys")}, " +
            $"{Show.Number(first.TotalConversions, "0.##")} conversions, {Show.Money(first.TotalValue.Amount)} {first.TotalValue.Currency.Code}" +
            (first.UnattributedConversions > 0 ? $" ({Show.Number(first.UnattributedConversions, "0.##")} conversions without a touch are unattributed)" : string.Empty) + ".",
            $"归因{(asOf is { } z ? "，截至 " + Show.Instant(z) : string.Empty)}：{Show.Count(first.JourneyCount)} {(aggregatedPaths ? "条不同路径" : "条旅程")}，" +
            $"转化 {Show.Number(first.TotalConversions, "0.##")} 次，{Show.Money(first.TotalValue.Amount)} {first.TotalValue.Currency.Code}" +
            (first.UnattributedConversions > 0 ? $"（{Show.Number(first.UnattributedConversions, "0.##")} 次转化没有触点，未归因）" : string.Empty) + "。"));
        if (period is not null && !period.Equals(LeadAnalytics.Data.AcquisitionPeriod.AllTime))
        {
            Show.Line(console, Show.T(
                $"Only the journeys of leads acquired in {PeriodOptions.Describe(period)} (--from, --to); the touches of the other leads count as unmatched.",
                $"仅获客时间在 {PeriodOptions.Describe(period)} 的线索的旅程（--from、--to）；其他线索的触点计为未匹配。"));
        }

        if (directChannels is not null)
        {
            Show.Line(console, Show.T(
                "Direct channels (skipped by last-non-direct; --direct-channels): " + string.Join(", ", directChannels) + ".",
                "直接渠道（末次非直接触点模型跳过；--direct-channels）：" + string.Join("、", directChannels) + "。"));
        }

        var markov = comparison.Results.FirstOrDefault(r => r.Model == AttributionModel.Markov);
        var settings = first.Intervals;
        if (settings is not null && first.IntervalConfidence is { } level)
        {
            Show.Line(console, Show.T(
                $"Intervals: {MetricFormatter.ConfidenceLevel(level)}% {MethodName(settings.Method)}, {Show.Count(settings.Replicates)} bootstrap replicates over journeys, seed {settings.Seed}; they show the sampling uncertainty of the journeys, not the choice of model.",
                $"区间：{MetricFormatter.ConfidenceLevel(level)}% {MethodName(settings.Method)}，对线索旅程做 {Show.Count(settings.Replicates)} 次自助重抽样，种子 {settings.Seed}；区间反映旅程的抽样不确定性，不反映模型选择。"));
        }

        var ranges = settings is not null && comparison.Results.Count > 1 ? comparison.Ranges() : null;
        foreach (var (title, value, interval) in new (string, Func<ChannelCredit?, string>, Func<CreditInterval, string>)[]
        {
            (Show.T("Credited conversions", "归因转化数"), c => c is null ? Show.Undefined : Show.Number(c.Conversions, "0.0"), i => $"[{Show.Number(i.Lower, "0.0")}, {Show.Number(i.Upper, "0.0")}]"),
            (Show.T($"Credited value ({first.TotalValue.Currency.Code})", $"归因价值（{first.TotalValue.Currency.Code}）"), c => c is null ? Show.Undefined : Show.Money(c.Value.Amount), i => $"[{Show.Money(i.ValueLower.Amount)}, {Show.Money(i.ValueUpper.Amount)}]"),
        })
        {
            var conversions = title == Show.T("Credited conversions", "归因转化数");
            var table = Show.NewTable(title + (first.IntervalConfidence is { } shown ? Show.T($" [{MetricFormatter.ConfidenceLevel(shown)}% interval]", $"［{MetricFormatter.ConfidenceLevel(shown)}% 区间］") : string.Empty));
            var headers = new List<string> { Show.T("Channel", "渠道") };
            headers.AddRange(comparison.Results.Select(r => HeaderOf(r.Model)));
            var withRemoval = markov is not null && conversions;
            if (withRemoval)
            {
                headers.Add(Show.T("Markov removal effect", "马尔可夫移除效应"));
            }

            if (ranges is not null && conversions)
            {
                headers.Add(Show.T("Range across models", "各模型间的范围"));
            }

            Show.Columns(table, headers.ToArray());
            for (var k = 0; k < comparison.Keys.Count; k++)
            {
                var key = comparison.Keys[k];
                var cells = new List<string> { key };
                cells.AddRange(comparison.Results.Select(r => r.Find(key) is { } c && c.Interval is { } iv ? value(c) + " " + interval(iv) : value(r.Find(key))));
                if (withRemoval)
                {
                    cells.Add(Show.Percent(markov!.Find(key)?.RemovalEffect));
                }

                if (ranges is not null && conversions)
                {
                    cells.Add($"{Show.Number(ranges[k].Lowest, "0.0")} – {Show.Number(ranges[k].Highest, "0.0")}");
                }

                Show.Row(table, cells.ToArray());
            }

            console.Write(table);
        }

        if (settings is not null)
        {
            DrawRanking(console, markov ?? first);
        }
    }

    /// <summary>How sure the ranking is under one model (Markov when computed): each of the leading keys against the next one
    /// down, with the difference's interval and the share of replicates in which it stays ahead.</summary>
    private static void DrawRanking(IAnsiConsole console, AttributionResult result)
    {
        var differences = result.AdjacentDifferences();
        if (differences.Count == 0)
        {
            return;
        }

        var table = Show.NewTable(Show.T($"Is the ranking sure? ({NameOf(result.Model)})", $"排名可靠吗？（{HeaderOf(result.Model)}）"));
        Show.Columns(table, Show.T("Channel", "渠道"), Show.T("Ahead of", "领先于"), Show.T("By (conversions)", "领先（转化数）"),
            Show.T("Interval", "区间"), Show.T("Ahead in replicates", "领先的重抽样占比"), Show.T("Ranked first", "排名第一的占比"), Show.T("In top 3", "进入前三的占比"));
        foreach (var d in differences.Take(5))
        {
            var iv = result.Find(d.First)!.Interval!;
            Show.Row(table, d.First, d.Second, Show.Number(d.Estimate, "0.0"), $"[{Show.Number(d.Lower, "0.0")}, {Show.Number(d.Upper, "0.0")}]",
                Show.Percent(d.ShareFirstAhead), Show.Percent(iv.TopOneShare), Show.Percent(iv.TopThreeShare));
        }

        console.Write(table);
    }

    private static string MethodName(AttributionIntervalMethod method) => method == AttributionIntervalMethod.BCa ? "BCa" : Show.T("percentile", "百分位");
}
