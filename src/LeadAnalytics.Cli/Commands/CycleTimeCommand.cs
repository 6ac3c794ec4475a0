using System.CommandLine;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Json;
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
        var curves = new Option<bool>("--curves") { Description = "With --format json: include every row of the survival and incidence curves and the duration histograms." };
        var command = new Command("cycle-time", "How long conversion takes: Kaplan-Meier time to won (open leads censored), won-vs-lost competing risks, stage durations, log-rank across segments.");
        command.Options.Add(leads);
        command.Options.Add(by);
        command.Options.Add(ci);
        command.Options.Add(horizon);
        command.Options.Add(curves);
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
                result = SqlSourceData.Guard(() => source.Source.AnalyzeCycleTime(source.AsOf, Options(run, dimensions, transform, h)).ToResult());
                (asOf, asOfFromData) = (source.AsOf, source.AsOfFromData);
            }
            else
            {
                var data = LeadData.Load(parse.GetValue(leads) ?? throw CliException.Usage("Give the leads: --leads FILE or --source URI."), run);
                result = Analyze(run, data, dimensions, transform, h);
                (asOf, asOfFromData) = (data.AsOf, data.AsOfFromData);
            }

            switch (run.Settings.Format)
            {
                case OutputFormat.Json:
                    run.WriteJson(LeadAnalyticsJson.SerializeCycleTime(result, parse.GetValue(curves)));
                    break;
                case OutputFormat.Csv:
                case OutputFormat.Xlsx:
                    var csv = new CsvTable("key", "leads", "won", "lost", "open", "median", "medianLower", "medianUpper", "p25", "p75",
                        "restrictedMean", "horizon", "wonByHorizon", "lostByHorizon", "meanDaysToWon", "meanDaysToLost");
                    foreach (var s in new[] { result.Overall }.Concat(result.Segments))
                    {
                        var km = s.TimeToWon;
                        var hz = km.RestrictedMean?.Horizon;
                        csv.Add(s.Label, s.Leads, s.Won, s.Lost, s.Open, km.Median.Time, km.Median.Lower, km.Median.Upper, km.Quantile(0.25).Time, km.Quantile(0.75).Time,
                            km.RestrictedMean?.Value, hz, hz is { } x1 && s.CompetingRisks.Count > 0 ? s.CompetingRisks.IncidenceAt(CycleTimeResult.WonCause, x1) : null,
                            hz is { } x2 && s.CompetingRisks.Count > 0 ? s.CompetingRisks.IncidenceAt(CycleTimeResult.LostCause, x2) : null,
                            s.AcquisitionToWon.Mean, s.AcquisitionToLost.Mean);
                    }

                    run.WriteCsv(csv);
                    break;
                default:
                    run.WriteTable(console => Draw(console, asOf, asOfFromData, result));
                    break;
            }

            return ExitCodes.Success;
        });
    }

    internal static CycleTimeResult Analyze(
        RunContext run, LeadData data, Dimension? by, SurvivalConfidenceTransform transform = SurvivalConfidenceTransform.Log, double? horizon = null) =>
        Analyze(run, data, by is { } d ? new[] { d } : Array.Empty<Dimension>(), transform, horizon);

    internal static CycleTimeResult Analyze(
        RunContext run, LeadData data, IReadOnlyList<Dimension> by, SurvivalConfidenceTransform transform = SurvivalConfidenceTransform.Log, double? horizon = null) =>
        CycleTimeAnalyzer.Analyze(data.Table, data.AsOf, Options(run, by, transform, horizon));

    private static CycleTimeOptions Options(RunContext run, IReadOnlyList<Dimension> by, SurvivalConfidenceTransform transform, double? horizon) => new()
    {
        Scope = run.Settings.Scope(by),
        Survival = new KaplanMeierOptions { ConfidenceTransform = transform, RestrictedMeanHorizon = horizon },
    };

    internal static void Draw(IAnsiConsole console, LeadData data, CycleTimeResult result) => Draw(console, data.AsOf, data.AsOfFromData, result);

    private static void Draw(IAnsiConsole console, DateTimeOffset asOf, bool asOfFromData, CycleTimeResult result)
    {
        var horizon = result.Overall.TimeToWon.RestrictedMean?.Horizon;
        Show.Line(console, $"Cycle time as of {Show.Instant(asOf)}{(asOfFromData ? " (the latest event in the data)" : string.Empty)}, in days; " +
            $"time to won by Kaplan-Meier with open leads censored at as-of and lost leads at their loss; horizon {Show.Days(horizon)} days.");
        var table = Show.NewTable();
        Show.Columns(table, "Segment", "Leads", "Won", "Lost", "Open", "Median to won [95% CI]", "P25", "P75", "Won by horizon", "Lost by horizon", "Mean acquired->won");
        foreach (var s in new[] { result.Overall }.Concat(result.Segments))
        {
            var km = s.TimeToWon;
            var m = km.Median;
            var cif = s.CompetingRisks;
            Show.Row(table, s.Label, Show.Count(s.Leads), Show.Count(s.Won), Show.Count(s.Lost), Show.Count(s.Open),
                $"{Show.Days(m.Time)} [{Show.Days(m.Lower)}, {Show.Days(m.Upper)}]",
                Show.Days(km.Quantile(0.25).Time), Show.Days(km.Quantile(0.75).Time),
                horizon is { } h && cif.Count > 0 ? Show.Percent(cif.IncidenceAt(CycleTimeResult.WonCause, h)) : Show.Undefined,
                horizon is { } h2 && cif.Count > 0 ? Show.Percent(cif.IncidenceAt(CycleTimeResult.LostCause, h2)) : Show.Undefined,
                Show.Days(s.AcquisitionToWon.Mean));
        }

        console.Write(table);
        if (result.SegmentComparison is { } lr)
        {
            Show.Line(console, $"Log-rank test that the segments share one time-to-won curve: chi-square {Show.Number(lr.ChiSquare)} on {lr.DegreesOfFreedom} df, p {(Show.PValue(lr.PValue) is var p && p.StartsWith('<') ? p : "= " + p)}.");
        }

        var stages = Show.NewTable("Time between consecutive recorded stages (all leads)");
        Show.Columns(stages, "From -> to", "Leads", "Mean", "Median", "P75", "P90", "Negative (excluded)");
        foreach (var d in result.Overall.StageDurations)
        {
            Show.Row(stages, $"{d.From} -> {d.To}", Show.Count(d.Count), Show.Days(d.Mean), Show.Days(d.Median), Show.Days(d.P75), Show.Days(d.P90), Show.Count(d.NegativeExcluded));
        }

        console.Write(stages);
    }
}
