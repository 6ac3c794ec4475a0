using LeadAnalytics.Data;
using System.CommandLine;
using System.Globalization;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;
using LeadAnalytics.Json;
using Spectre.Console;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>segments --leads FILE [--costs FILE] --by DIM[,DIM] [--from DATE --to DATE]</c>: the effectiveness summary
/// (the template's Table 2) with intervals, the segment against the rest, costs and findings.</summary>
internal static class SegmentsCommand
{
    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file (or --source).");
        var sql = new SqlSourceOptions();
        var costs = CliApp.FileOption("--costs", "Costs CSV (scope, key, period_start, period_end, amount, ...); without it, the leads' own acquisition_cost.");
        var by = new Option<string?>("--by") { Description = $"One or two dimensions, comma-separated ({ValueParsers.DimensionList}). [default: channel]", HelpName = "DIM[,DIM]" };
        var period = new PeriodOptions();
        var rankBy = new Option<string?>("--rank-by") { Description = "The metric that ranks the segments, best first (default leads), by id or alias; the table shows it: " + string.Join(", ", SegmentSummary.MetricIdsOfSegments) + ".", HelpName = "METRIC" };
        var metrics = new Option<string?>("--metrics") { Description = "More metric columns for the table, by id or alias (ctr,cpc,cpm,click_to_lead,gross_profit,...): " + string.Join(", ", SegmentSummaryColumns.All.Select(c => c.Metric.Id)) + ".", HelpName = "ID[,ID]" };
        var margin = GrossMarginOption();
        var maturityWindow = new Option<double?>("--maturity-window")
        {
            Description = "The window W for each segment's maturity and projected conversion (the share of its leads older than W, and the Aalen-Johansen conversion at W); default 90 days.",
            HelpName = "DAYS",
        };
        var command = new Command("segments", "The effectiveness summary per channel, strategy, content or industry: leads, won, conversion, spend, cost per lead and per customer, revenue, ROAS and ROI, with findings.");
        foreach (var o in new Option[] { leads, costs, by })
        {
            command.Options.Add(o);
        }

        period.AddTo(command);
        foreach (var o in new Option[] { rankBy, metrics, margin, maturityWindow })
        {
            command.Options.Add(o);
        }

        sql.AddTo(command);

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimensions = ValueParsers.Dimensions(parse.GetValue(by) ?? "channel", "--by", 2);
            if (dimensions.Count == 0)
            {
                throw CliException.Usage("--by: name one or two dimensions.");
            }

            var acquired = period.Resolve(parse, run.Settings.TimeZone);

            var rankText = parse.GetValue(rankBy);
            var rank = rankText is null ? null : Metrics.MetricCatalog.Find(rankText)?.Id;
            if (rankText is not null && (rank is null || !SegmentSummary.MetricIdsOfSegments.Contains(rank)))
            {
                throw CliException.Usage($"--rank-by: '{Show.Safe(rankText.Trim())}' is not a segment metric ({string.Join(", ", SegmentSummary.MetricIdsOfSegments)}).");
            }

            var extra = new List<string>();
            foreach (var name in (parse.GetValue(metrics) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                extra.Add(SegmentSummaryColumns.All.Find(name)?.Metric.Id
                    ?? throw CliException.Usage($"--metrics: '{Show.Safe(name)}' is not a segment metric ({string.Join(", ", SegmentSummaryColumns.All.Select(c => c.Metric.Id))})."));
            }

            if (rank is not null)
            {
                extra.Add(rank);
            }

            var window = parse.GetValue(maturityWindow) is { } mw ? ValueParsers.Days(mw, "--maturity-window", allowZero: false) : (TimeSpan?)null;
            var margins = GrossMargins(parse.GetValue(margin));
            EffectivenessResult result;
            bool asOfFromData;
            if (parse.GetValue(sql.Source) is { } uri)
            {
                // --source: the per-lead costs summed inside the database (a costs file is divided among all leads at once).
                if (parse.GetValue(leads) is not null || parse.GetValue(costs) is not null)
                {
                    throw CliException.Usage("--source reads the leads and their own acquisition costs from the database: not with --leads or --costs.");
                }

                using var source = SqlSourceData.Open(uri, parse.GetValue(sql.Table), parse.GetValue(sql.Columns), run);
                var options = new EffectivenessOptions
                {
                    Scope = run.Settings.Scope(dimensions, acquired),
                    RankBy = rank ?? EffectivenessOptions.Default.RankBy,
                    MaturityWindow = window,
                    DefaultGrossMargin = margins.Default,
                    GrossMarginBySegment = margins.BySegment,
                };
                result = SqlSourceData.Guard(() => source.Source.AnalyzeEffectiveness(source.AsOf, options).ToResult());
                asOfFromData = source.AsOfFromData;
            }
            else
            {
                var data = LeadData.Load(parse.GetValue(leads) ?? throw CliException.Usage("Give the leads: --leads FILE or --source URI."), run);
                var costEntries = parse.GetValue(costs) is { } costPath ? InputFiles.Costs(costPath, run.Settings.ReadOptions(data.Pipeline), run).Records : null;
                result = Analyze(run, data, costEntries, dimensions, acquired, rank, window, margins);
                asOfFromData = data.AsOfFromData;
            }

            switch (run.Settings.Format)
            {
                case OutputFormat.Json:
                    run.WriteJson(s => LeadAnalyticsJson.SerializeEffectiveness(result, s));
                    break;
                case OutputFormat.Csv:
                case OutputFormat.Xlsx:
                    run.WriteCsv(Csv(result));
                    break;
                default:
                    run.WriteTable(console => Draw(console, asOfFromData, result, extra));
                    break;
            }

            return ExitCodes.Success;
        });
    }

    internal static EffectivenessResult Analyze(RunContext run, LeadData data, IReadOnlyList<CostEntry>? costs, IReadOnlyList<Dimension> dimensions,
        AcquisitionPeriod? period = null, string? rankBy = null, TimeSpan? maturityWindow = null, GrossMargin margins = default)
    {
        try
        {
            return EffectivenessAnalyzer.Analyze(data.Table, data.AsOf, new EffectivenessOptions
            {
                Scope = run.Settings.Scope(dimensions, period),
                Costs = costs,
                RankBy = rankBy ?? EffectivenessOptions.Default.RankBy,
                MaturityWindow = maturityWindow,
                DefaultGrossMargin = margins.Default,
                GrossMarginBySegment = margins.BySegment,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new CliException("segments: " + InputFiles.OneLine(ex.Message));
        }
    }

    /// <summary><c>--gross-margin RATE[,SEGMENT=RATE...]</c>: the gross margin behind gross profit, profit ROI and profit per
    /// customer (<see cref="EffectivenessOptions.DefaultGrossMargin"/> and <see cref="EffectivenessOptions.GrossMarginBySegment"/>).</summary>
    internal static Option<string?> GrossMarginOption() => new("--gross-margin")
    {
        Description = "Gross margin of revenue, for gross profit, profit ROI and profit per customer: a fraction or a percentage (0.3 or 30%) for every segment, " +
            "and SEGMENT=RATE for a segment's own (30%,行业展会=45%). Without it those metrics are undefined.",
        HelpName = "RATE[,SEGMENT=RATE]",
    };

    /// <summary>The margins of <c>--gross-margin</c>: a default and per-segment ones, each a fraction at most 1 (a negative margin,
    /// selling below cost, is allowed).</summary>
    /// <exception cref="CliException">A rate is malformed or above 100%, or a segment or the default is given twice.</exception>
    internal static GrossMargin GrossMargins(string? text)
    {
        decimal? fallback = null;
        Dictionary<string, decimal>? bySegment = null;
        foreach (var item in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.LastIndexOf('=');
            var rate = Margin(equals < 0 ? item : item.Substring(equals + 1).Trim());
            if (equals < 0)
            {
                fallback = fallback is null ? rate : throw CliException.Usage("--gross-margin: give one margin for every segment (the others as SEGMENT=RATE).");
                continue;
            }

            var segment = item.Substring(0, equals).Trim();
            bySegment ??= new Dictionary<string, decimal>(StringComparer.Ordinal);
            if (segment.Length == 0 || !bySegment.TryAdd(segment, rate))
            {
                throw CliException.Usage($"--gross-margin: '{Show.Safe(item)}' names no segment, or a segment already given.");
            }
        }

        return new GrossMargin(fallback, bySegment);
    }

    private static decimal Margin(string text)
    {
        var percent = text.EndsWith('%');
        if (!decimal.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw CliException.Usage($"--gross-margin: '{Show.Safe(text)}' is not a rate (0.3 or 30%).");
        }

        value = percent ? value / 100m : value;
        return value <= 1m ? value : throw CliException.Usage($"--gross-margin: {Show.Safe(text)} is above 100% of revenue (a fraction: 0.3 or 30%).");
    }

    /// <summary>The CSV: the key, the rank, every declared metric column (a rate with its interval) and the currency.</summary>
    internal static CsvTable Csv(EffectivenessResult result)
    {
        var columns = SegmentSummaryColumns.All;
        var header = new List<string> { "key", "rank" };
        CsvTable.AddHeaders(header, columns);
        header.Add("currency");
        header.AddRange(new[] { "maturity", "projectedConversion", "projectedLower", "projectedUpper" });
        var csv = new CsvTable(header.ToArray());
        foreach (var seg in result.Segments.Append(result.Total))
        {
            var cells = new List<object?> { seg.Label, seg.Key.IsAll ? null : seg.Rank };
            CsvTable.AddMetrics(cells, columns, seg, result.Currency);

            cells.Add(result.Currency.Code);
            var m = seg.Maturity;
            cells.AddRange(new object?[] { m?.Maturity, m?.ProjectedConversion, m?.ProjectedLower, m?.ProjectedUpper });
            csv.Add(cells.ToArray());
        }

        return csv;
    }

    internal static void Draw(IAnsiConsole console, LeadData data, EffectivenessResult result, IEnumerable<string>? extraMetrics = null, int? maxSegments = null) =>
        Draw(console, data.AsOfFromData, result, extraMetrics, maxSegments);

    internal static void Draw(IAnsiConsole console, bool asOfFromData, EffectivenessResult result, IEnumerable<string>? extraMetrics = null, int? maxSegments = null)
    {
        var c = result.Currency.Code;
        var period = result.Period.From is null && result.Period.To is null ? Show.T("period.all") : string.Format(CultureInfo.InvariantCulture, Show.T("period.some"), result.Period);
        var costs = result.Costs.Source switch
        {
            CostSource.CostTable => Show.T("costs.table"),
            CostSource.PerLeadCosts => Show.T("costs.perlead"),
            _ => Show.T("costs.none"),
        };
        Show.Line(console, string.Format(CultureInfo.InvariantCulture, Show.T("segments.title"),
            string.Join(" / ", result.Dimensions.Select(d => Show.T("dimension." + d))), Show.Instant(result.AsOf),
            asOfFromData ? Show.T("asof.fromdata") : string.Empty, period,
            Metrics.MetricCatalog.Find(result.RankedBy) is { } ranked ? Show.Name(ranked) : result.RankedBy, c, costs));
        var columns = SegmentSummaryColumns.All.View(extraMetrics);
        var table = Show.NewTable();
        // Two maturity columns (not four): the share of leads older than W, and the projected conversion at W with its interval.
        var window = result.Total.Maturity?.Window;
        var headers = new[] { Show.T("segment") }.Concat(columns.Select(col => Show.Formatter.HeadingOf(col.Metric))).ToList();
        if (window is { } w)
        {
            headers.Add(Show.T("Mature", "已成熟"));
            headers.Add(Show.T($"Projected at {Show.Days(w)} d [95% CI]", $"{Show.Days(w)} 天预计转化率 [95% 置信区间]"));
        }

        Show.Columns(table, headers.ToArray());
        var immature = window is null ? 0 : result.Segments.Count(s => s.Maturity is { IsMature: false, Leads: > 0 });
        var (shown, folded, foldedLeads) = Show.Largest(result.Segments, s => s.Leads, s => s.Label, maxSegments);
        foreach (var s in shown.Append(result.Total))
        {
            var cells = new List<string> { s.Key.IsAll ? Show.T("total") : $"{s.Rank}. {s.Label}" };
            cells.AddRange(columns.Select(col => col.ValueOf(s) is null && col.Metric.Kind == Metrics.MetricKind.PValue && s.Key.IsAll
                ? string.Empty
                : Show.Formatter.Format(col.Metric, col.ValueOf(s))));
            if (window is not null)
            {
                cells.Add(Show.Percent(s.Maturity?.Maturity));
                cells.Add(FunnelCommand.Projected(s.Maturity));
            }

            Show.Row(table, cells.ToArray());
        }

        console.Write(table);
        Show.Folded(console, shown.Count, folded, foldedLeads, "segments --by channel");
        if (window is { } days && immature > 0)
        {
            Show.Line(console, Show.T(
                $"{immature} of {result.Segments.Count} segments have leads younger than {Show.Days(days)} days: their conversion so far understates where they are heading. Compare the projected conversion at {Show.Days(days)} days (Aalen-Johansen; * = profile past the segment's own follow-up borrowed from all the period's leads).",
                $"{result.Segments.Count} 个分组中有 {immature} 个的线索未满 {Show.Days(days)} 天：目前的转化率低估了最终水平。请比较 {Show.Days(days)} 天预计转化率（Aalen-Johansen；* 表示超出本组观察期的部分借用本期全部线索的曲线）。"));
        }

        if (result.ConversionIndependence is { } test)
        {
            Show.Line(console, string.Format(CultureInfo.InvariantCulture, Show.T("segments.independence"), Show.Number(test.Statistic), Show.Number(test.DegreesOfFreedom, "0"), Show.PValue(test.PValue)));
        }

        if (result.Costs.Unallocated != 0 || result.Costs.LeadsWithoutCost > 0)
        {
            Show.Line(console, string.Format(CultureInfo.InvariantCulture, Show.T("segments.costs"), Show.Money(result.Costs.InPeriodTotal), c,
                Show.Money(result.Costs.Allocated), Show.Money(result.Costs.Unallocated), Show.Count(result.Costs.LeadsWithoutCost)));
        }

        foreach (var f in result.Findings)
        {
            Show.Line(console, $"{Show.T("severity." + f.Severity)}{Show.T(": ", "：")}{FindingTemplates.Format(f, Show.Formatter.LanguageCode)}");
        }
    }
}

/// <summary>The margins of <c>--gross-margin</c>; none when both are null.</summary>
internal readonly record struct GrossMargin(decimal? Default, IReadOnlyDictionary<string, decimal>? BySegment);
