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
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.", required: true);
        var costs = CliApp.FileOption("--costs", "Costs CSV (scope, key, period_start, period_end, amount, ...); without it, the leads' own acquisition_cost.");
        var by = new Option<string?>("--by") { Description = $"One or two dimensions, comma-separated ({ValueParsers.DimensionList}).", HelpName = "DIM[,DIM]", Required = true };
        var from = new Option<string?>("--from") { Description = "Only leads acquired at or after this date or instant (a date is midnight starting it, in --time-zone).", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Only leads acquired up to this date, inclusive (or before this instant, when a time is given).", HelpName = "DATE" };
        var rankBy = new Option<string?>("--rank-by") { Description = "The metric that ranks the segments, best first (default leads): " + string.Join(", ", SegmentSummary.MetricIdsOfSegments) + ".", HelpName = "METRIC" };
        var command = new Command("segments", "The effectiveness summary per channel, strategy, content or industry: leads, won, conversion, spend, cost per lead and per customer, revenue, ROAS and ROI, with findings.");
        foreach (var o in new Option[] { leads, costs, by, from, to, rankBy })
        {
            command.Options.Add(o);
        }

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            var dimensions = ValueParsers.Dimensions(parse.GetValue(by), "--by", 2);
            if (dimensions.Count == 0)
            {
                throw CliException.Usage("--by: name one or two dimensions.");
            }

            var tz = run.Settings.TimeZone;
            var start = parse.GetValue(from) is { } f ? ValueParsers.Instant(f, tz, "--from") : (DateTimeOffset?)null;
            var end = parse.GetValue(to) is { } t ? EndOf(t, tz) : (DateTimeOffset?)null;
            if (start is { } s0 && end is { } e0 && e0 <= s0)
            {
                throw CliException.Usage("--to is before --from.");
            }

            var rank = parse.GetValue(rankBy)?.Trim().ToLowerInvariant().Replace('-', '_');
            if (rank is not null && !SegmentSummary.MetricIdsOfSegments.Contains(rank))
            {
                throw CliException.Usage($"--rank-by: '{rank}' is not a segment metric ({string.Join(", ", SegmentSummary.MetricIdsOfSegments)}).");
            }

            var data = LeadData.Load(parse.GetValue(leads)!, run);
            var costEntries = parse.GetValue(costs) is { } costPath ? InputFiles.Costs(costPath, run.Settings.ReadOptions(data.Pipeline), run).Records : null;
            var result = Analyze(run, data, costEntries, dimensions, new AcquisitionPeriod(start, end), rank);
            switch (run.Settings.Format)
            {
                case OutputFormat.Json:
                    run.WriteJson(LeadAnalyticsJson.SerializeEffectiveness(result));
                    break;
                case OutputFormat.Csv:
                    var csv = new CsvTable("key", "rank", "leads", "won", "lost", "open", "stale", "conversionRate", "conversionLower", "conversionUpper",
                        "spend", "costPerLead", "costPerAcquisition", "revenue", "roas", "roi", "averageDealSize", "medianCycleDays", "adjustedPValueVersusRest", "currency");
                    foreach (var seg in result.Segments.Append(result.Total))
                    {
                        csv.Add(seg.Label, seg.Key.IsAll ? null : seg.Rank, seg.Leads, seg.Won, seg.Lost, seg.Open, seg.Stale, seg.ConversionRate.Value, seg.ConversionRate.Lower,
                            seg.ConversionRate.Upper, seg.Spend, seg.CostPerLead, seg.CostPerAcquisition, seg.Revenue, seg.Roas, seg.Roi, seg.AverageDealSize,
                            seg.MedianCycleDays, seg.VersusRest?.AdjustedPValue, result.Currency.Code);
                    }

                    run.WriteCsv(csv);
                    break;
                default:
                    run.WriteTable(console => Draw(console, data, result));
                    break;
            }

            return ExitCodes.Success;
        });
    }

    // An inclusive end date means the whole day: the period ends at the next midnight (costs' period_end reads the same way).
    private static DateTimeOffset EndOf(string text, TimeZoneInfo zone)
    {
        var instant = ValueParsers.Instant(text, zone, "--to", out var hasTime);
        if (hasTime)
        {
            return instant;
        }

        var next = instant.DateTime.AddDays(1);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }

    internal static EffectivenessResult Analyze(RunContext run, LeadData data, IReadOnlyList<CostEntry>? costs, IReadOnlyList<Dimension> dimensions,
        AcquisitionPeriod? period = null, string? rankBy = null)
    {
        try
        {
            return EffectivenessAnalyzer.Analyze(data.Table, data.AsOf, new EffectivenessOptions
            {
                Scope = run.Settings.Scope(dimensions, period),
                Costs = costs,
                RankBy = rankBy ?? EffectivenessOptions.Default.RankBy,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new CliException("segments: " + InputFiles.OneLine(ex.Message));
        }
    }

    internal static void Draw(IAnsiConsole console, LeadData data, EffectivenessResult result)
    {
        var c = result.Currency.Code;
        var period = result.Period.From is null && result.Period.To is null ? "all leads" : "leads acquired in " + result.Period;
        Show.Line(console, $"Segments by {string.Join(" / ", result.Dimensions.Select(ValueParsers.Name))} as of {Show.Instant(result.AsOf)}{(data.AsOfFromData ? " (the latest event in the data)" : string.Empty)}, {period}; " +
            $"ranked by {result.RankedBy}; amounts in {c}; costs from {result.Costs.Source}.");
        var table = Show.NewTable();
        Show.Columns(table, "Segment", "Leads", "Won", "Conversion [95% CI]", "vs rest (Holm p)", "Spend", "Cost per lead", "Cost per customer", "Revenue", "ROAS", "ROI");
        foreach (var s in result.Segments.Append(result.Total))
        {
            Show.Row(table, s.Key.IsAll ? "Total" : $"{s.Rank}. {s.Label}", Show.Count(s.Leads), Show.Count(s.Won), Show.RateWithInterval(s.ConversionRate),
                s.VersusRest?.AdjustedPValue is { } p ? Show.PValue(p) : string.Empty,
                Amount(s.Spend), Amount(s.CostPerLead), Amount(s.CostPerAcquisition), Amount(s.Revenue),
                s.Roas is { } r ? EffectivenessFormat.RoasRatio(r) : Show.Undefined, s.Roi is { } roi ? Show.Percent((double)roi) : Show.Undefined);
        }

        console.Write(table);
        if (result.ConversionIndependence is { } test)
        {
            Show.Line(console, $"Does conversion differ between segments? chi-square {Show.Number(test.Statistic)} on {Show.Number(test.DegreesOfFreedom, "0")} df, p {Show.PValue(test.PValue)}.");
        }

        if (result.Costs.Unallocated != 0 || result.Costs.LeadsWithoutCost > 0)
        {
            Show.Line(console, $"Costs: {Show.Money(result.Costs.InPeriodTotal)} {c} in the period, {Show.Money(result.Costs.Allocated)} allocated to segments, " +
                $"{Show.Money(result.Costs.Unallocated)} matched no lead; {Show.Count(result.Costs.LeadsWithoutCost)} leads carry no cost.");
        }

        foreach (var f in result.Findings)
        {
            Show.Line(console, $"{Severity(f.Severity)}: {FindingTemplates.Format(f, FindingTemplates.English)}");
        }
    }

    private static string Severity(FindingSeverity s) => s switch
    {
        FindingSeverity.Critical => "Critical",
        FindingSeverity.Warning => "Warning",
        _ => "Note",
    };

    private static string Amount(decimal? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : Show.Undefined;
}
