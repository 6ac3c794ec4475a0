using System.CommandLine;
using LeadAnalytics.Attribution;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Json;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>attribution (--touchpoints FILE --leads FILE | --paths FILE) --model NAME[,NAME...]</c>.</summary>
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
        var touchpoints = CliApp.FileOption("--touchpoints", "Touchpoints CSV (lead_id, occurred_at, channel, ...); needs --leads.");
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
        var command = new Command("attribution", "Which touches deserve the credit: rule-based models, exact Markov removal effects and Shapley values, side by side.");
        foreach (var o in new Option[] { touchpoints, leads, paths, model, halfLife, order, lookback, by, direct })
        {
            command.Options.Add(o);
        }

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var models = Models(parse.GetValue(model)!);
            var tp = parse.GetValue(touchpoints);
            var ld = parse.GetValue(leads);
            var pt = parse.GetValue(paths);
            if (pt is not null && (tp is not null || ld is not null))
            {
                throw CliException.Usage("--paths replaces --touchpoints and --leads: give either --paths, or --touchpoints with --leads.");
            }

            if (pt is null && (tp is null || ld is null))
            {
                throw CliException.Usage("attribution needs --touchpoints FILE with --leads FILE, or --paths FILE.");
            }

            if (pt is not null && parse.GetValue(lookback) is not null)
            {
                throw CliException.Usage("--lookback needs touch times: use --touchpoints and --leads, not --paths.");
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
            };
            AttributionComparison comparison;
            DateTimeOffset? asOf = null;
            if (pt is not null)
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

            Write(run, comparison, asOf, models.Count == 1, models.Contains(AttributionModel.LastNonDirect) ? options.DirectChannels : null);
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
                Touchpoints = TouchpointTable.Build(data.Table, touchpoints),
            };
            return AttributionAnalyzer.Compare(data.Table, data.AsOf, models, withTouches);
        });

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
            throw new CliException("attribution: " + ex.Message);
        }
    }

    internal static IReadOnlyList<AttributionModel> Models(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 1 && names[0].Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return ModelNames.Select(m => m.Model).ToList();
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

    private static void Write(RunContext run, AttributionComparison comparison, DateTimeOffset? asOf, bool single, IReadOnlyCollection<string>? directChannels)
    {
        switch (run.Settings.Format)
        {
            case OutputFormat.Json:
                run.WriteJson(single ? LeadAnalyticsJson.SerializeAttribution(comparison.Results[0]) : LeadAnalyticsJson.SerializeAttributionComparison(comparison));
                break;
            case OutputFormat.Csv:
            case OutputFormat.Xlsx:
                var csv = new CsvTable("model", "channel", "conversions", "value", "currency", "removalEffect");
                foreach (var r in comparison.Results)
                {
                    foreach (var c in r.Credits)
                    {
                        csv.Add(NameOf(r.Model), c.Key, c.Conversions, c.Value.Amount, c.Value.Currency.Code, c.RemovalEffect);
                    }
                }

                run.WriteCsv(csv);
                break;
            default:
                run.WriteTable(console => Draw(console, comparison, asOf, directChannels));
                break;
        }
    }

    internal static void Draw(IAnsiConsole console, AttributionComparison comparison, DateTimeOffset? asOf, IReadOnlyCollection<string>? directChannels = null)
    {
        var first = comparison.Results[0];
        Show.Line(console, $"Attribution{(asOf is { } t ? " as of " + Show.Instant(t) : string.Empty)}: {Show.Count(first.JourneyCount)} journeys, " +
            $"{Show.Number(first.TotalConversions, "0.##")} conversions, {Show.Money(first.TotalValue.Amount)} {first.TotalValue.Currency.Code}" +
            (first.UnattributedConversions > 0 ? $" ({Show.Number(first.UnattributedConversions, "0.##")} conversions without a touch are unattributed)" : string.Empty) + ".");
        if (directChannels is not null)
        {
            Show.Line(console, "Direct channels (skipped by last-non-direct; --direct-channels): " + string.Join(", ", directChannels) + ".");
        }

        var markov = comparison.Results.FirstOrDefault(r => r.Model == AttributionModel.Markov);
        foreach (var (title, value) in new (string, Func<ChannelCredit?, string>)[]
        {
            ("Credited conversions", c => c is null ? Show.Undefined : Show.Number(c.Conversions, "0.0")),
            ($"Credited value ({first.TotalValue.Currency.Code})", c => c is null ? Show.Undefined : Show.Money(c.Value.Amount)),
        })
        {
            var table = Show.NewTable(title);
            var headers = new List<string> { "Channel" };
            headers.AddRange(comparison.Results.Select(r => NameOf(r.Model)));
            if (markov is not null && title.StartsWith("Credited conversions", StringComparison.Ordinal))
            {
                headers.Add("Markov removal effect");
            }

            Show.Columns(table, headers.ToArray());
            foreach (var key in comparison.Keys)
            {
                var cells = new List<string> { key };
                cells.AddRange(comparison.Results.Select(r => value(r.Find(key))));
                if (headers.Count > comparison.Results.Count + 1)
                {
                    cells.Add(Show.Percent(markov!.Find(key)?.RemovalEffect));
                }

                Show.Row(table, cells.ToArray());
            }

            console.Write(table);
        }
    }
}
