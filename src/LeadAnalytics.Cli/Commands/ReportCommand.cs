using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadAnalytics.Actions;
using LeadAnalytics.Attribution;
using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Quality;
using LeadAnalytics.Reporting;

namespace LeadAnalytics.Cli.Commands;

/// <summary><c>report --leads FILE [--costs FILE] [--touchpoints FILE] [--actions FILE] [--from DATE --to DATE]</c>: every
/// analysis at once, every section on the same leads (those acquired in the period, when one is given).</summary>
internal static class ReportCommand
{
    public const string Kind = "report";

    private static readonly AttributionModel[] ReportModels =
        { AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.Markov, AttributionModel.Shapley };

    public static Command Create(CommonOptions common, TextWriter stdout, TextWriter stderr)
    {
        var leads = CliApp.FileOption("--leads", "The tracking-table CSV file.", required: true);
        var costs = CliApp.FileOption("--costs", "Costs CSV, for the segment table's spend, cost per lead and ROI (without it, the leads' own acquisition_cost).");
        var touchpoints = CliApp.FileOption("--touchpoints", "Touchpoints CSV, for attribution (first, last, linear, Markov, Shapley).");
        var actions = CliApp.FileOption("--actions", "Optimisation actions CSV, for the action status.");
        var intervals = new Option<bool>("--intervals") { Description = "Bootstrap intervals on the attribution credit (whiskers on the chart; needs --touchpoints; slower on large data)." };
        var replicates = new Option<int?>("--replicates") { Description = "Bootstrap replicates behind --intervals (default 200; implies --intervals).", HelpName = "N" };
        var seed = new Option<long?>("--seed") { Description = "Seed of the bootstrap (default 1).", HelpName = "S" };
        var period = new PeriodOptions();
        var margin = SegmentsCommand.GrossMarginOption();
        var command = new Command("report", "Everything at once: data quality, funnel and bottleneck, funnel by channel, segments, cycle time, loss reasons, attribution and actions. " +
            "--format html --out report.html writes one self-contained page with charts (no script, no network) to open or e-mail.");
        foreach (var o in new Option[] { leads, costs, touchpoints, actions, margin, intervals, replicates, seed })
        {
            command.Options.Add(o);
        }

        period.AddTo(command);

        return CliApp.Define(command, common, stdout, stderr, (parse, run) =>
        {
            if (run.Settings.Format is OutputFormat.Csv or OutputFormat.Xlsx)
            {
                throw CliException.Usage("report holds several tables: use --format table, json or html (each command has its own --format csv and xlsx).");
            }

            var intervalOptions = AttributionCommand.IntervalOptions(parse.GetValue(intervals), parse.GetValue(replicates), parse.GetValue(seed), null, null, null);
            if (intervalOptions is not null && parse.GetValue(touchpoints) is null)
            {
                throw CliException.Usage("--intervals are on the attribution credit: add --touchpoints FILE.");
            }

            // One period for every section: the quality checks, funnels, segments, cycle time, loss reasons and attribution
            // all look at the leads acquired in it. Actions compare their own windows before and after each action's start.
            var acquired = period.Resolve(parse, run.Settings.TimeZone);
            var limited = !acquired.Equals(LeadAnalytics.Data.AcquisitionPeriod.AllTime);
            if (limited && parse.GetValue(actions) is not null)
            {
                throw CliException.Usage("--actions are judged on their own periods before and after each action's start, not on an acquisition period: leave out --actions, or --from and --to.");
            }

            var data = LeadData.Load(parse.GetValue(leads)!, run);
            IReadOnlyList<CostEntry>? costEntries = parse.GetValue(costs) is { } costPath ? InputFiles.Costs(costPath, run.Settings.ReadOptions(data.Pipeline), run).Records : null;

            IReadOnlyList<Touchpoint>? touches = parse.GetValue(touchpoints) is { } tpPath ? InputFiles.Touchpoints(tpPath, run.Settings.ReadOptions(data.Pipeline), run).Records : null;
            IReadOnlyList<OptimisationAction>? actionList = parse.GetValue(actions) is { } actionPath ? InputFiles.Actions(actionPath, run.Settings.ReadOptions(data.Pipeline), run).Records : null;

            var quality = DataQualityAnalyzer.Analyze(data.Table, data.AsOf, run.Settings.QualityOptions(acquired))
                .Include(new DataQualityInput(Path.GetFileName(data.Import.Path), "leads", data.Import.RowsRead, data.Import.RowsRejected), data.Import.Issues);
            var funnelOptions = FunnelCommand.Options(run, data, period: acquired);
            var funnel = FunnelAnalyzer.Analyze(data.Table, data.AsOf, funnelOptions);
            var byChannel = FunnelAnalyzer.AnalyzeBy(data.Table, data.AsOf, Dimension.Channel, funnelOptions);
            FunnelCommand.WarnUnrecorded(run, funnel);
            var segments = SegmentsCommand.Analyze(run, data, costEntries, new[] { Dimension.Channel }, acquired, margins: SegmentsCommand.GrossMargins(parse.GetValue(margin)));
            var cycleTime = CycleTimeCommand.Analyze(run, data, Dimension.Channel, period: acquired);
            var lossReasons = LossReasonsCommand.Analyze(run, data, Array.Empty<Dimension>(), acquired);
            ActionResult? actionReport = actionList is null ? null : ActionsCommand.Evaluate(run, data, actionList, costEntries);
            AttributionComparison? attribution = touches is null ? null
                : AttributionCommand.Compare(data, touches, ReportModels, new AttributionOptions { Intervals = intervalOptions, Scope = run.Settings.Scope(period: acquired) });

            if (run.Settings.Format == OutputFormat.Html)
            {
                var input = new HtmlReportInput(funnel)
                {
                    Scope = run.Settings.Scope(period: acquired),
                    Segments = byChannel,
                    Cohorts = Cohorts(run, data, funnelOptions),
                    Effectiveness = segments,
                    CycleTime = cycleTime,
                    LossReasons = lossReasons,
                    Attribution = attribution,
                    Actions = actionReport,
                };
                run.WriteDocument(HtmlReportWriter.ToHtml(input, new HtmlReportOptions
                {
                    Subtitle = Path.GetFileName(parse.GetValue(leads)),
                    Language = run.Settings.Language == "zh" ? "zh-CN" : "en",
                }));
                return ExitCodes.Success;
            }

            if (run.Settings.Format == OutputFormat.Json)
            {
                run.WriteJson(stream => Json(stream, data, acquired, quality, funnel, byChannel, segments, cycleTime, lossReasons, attribution, actionReport));
                return ExitCodes.Success;
            }

            run.WriteTable(console =>
            {
                if (limited)
                {
                    Show.Line(console, Show.T(
                        $"Every section: the leads acquired in {PeriodOptions.Describe(acquired)} (--from, --to).",
                        $"所有部分：获客时间在 {PeriodOptions.Describe(acquired)} 的线索（--from、--to）。"));
                }

                Show.Heading(console, Show.T("Data quality", "数据质量"));
                ValidateCommand.Draw(console, data.AsOfFromData, quality);
                Show.Heading(console, Show.T("Funnel", "转化漏斗"));
                FunnelCommand.DrawFunnel(console, funnel, Show.T($"Funnel as of {Show.Instant(data.AsOf)}", $"转化漏斗，截至 {Show.Instant(data.AsOf)}"));
                Show.Heading(console, Show.T("Funnel by channel", "按来源渠道的转化漏斗"));
                var (channels, folded, foldedLeads) = Show.Largest(byChannel.Segments, s => s.Funnel.Leads, s => s.Label, Show.ReportSegments);
                FunnelCommand.DrawSegments(console, Show.T("dimension.Channel"), byChannel.Total, channels.Select(s => (s.Label, s.Funnel)).ToList());
                Show.Folded(console, channels.Count, folded, foldedLeads, "funnel --by channel");
                Show.Heading(console, Show.T("Segments by channel", "按来源渠道细分"));
                SegmentsCommand.Draw(console, data, segments, maxSegments: Show.ReportSegments);
                Show.Heading(console, Show.T("Cycle time by channel", "按来源渠道的转化周期"));
                CycleTimeCommand.Draw(console, data, cycleTime, Show.ReportSegments);
                Show.Heading(console, Show.T("Loss reasons", "流失原因"));
                LossReasonsCommand.Draw(console, lossReasons);
                Show.Heading(console, Show.T("Attribution", "渠道归因"));
                if (attribution is null)
                {
                    Show.Line(console, Show.T("No --touchpoints file: attribution left out.", "未提供 --touchpoints 文件：不做渠道归因。"));
                }
                else
                {
                    AttributionCommand.Draw(console, attribution, data.AsOf);
                }

                Show.Heading(console, Show.T("Optimisation actions", "优化行动"));
                if (actionReport is null)
                {
                    Show.Line(console, Show.T("No --actions file: action status left out.", "未提供 --actions 文件：不评估优化行动。"));
                }
                else
                {
                    ActionsCommand.Draw(console, data, actionReport);
                }
            });
            return ExitCodes.Success;
        });
    }

    /// <summary>The report document: an envelope (schemaVersion, kind "report", asOf, and the period when one was given) whose parts are the schema v1
    /// documents of each analysis, unchanged; a part that was not computed is null. Each part is streamed as it is
    /// serialized, indented one level (a funnel by 100,000 channels is a gigabyte and is never held as text).</summary>
    private static void Json(Stream stream, LeadData data, LeadAnalytics.Data.AcquisitionPeriod period, DataQualityResult quality, FunnelResult funnel, FunnelBreakdown byChannel, EffectivenessResult segments, CycleTimeResult cycleTime,
        LossReasonResult lossReasons, AttributionComparison? attribution, ActionResult? actionReport)
    {
        Ascii(stream, "{\n  \"schemaVersion\": " + LeadAnalyticsJson.SchemaVersion.ToString(CultureInfo.InvariantCulture)
            + ",\n  \"kind\": \"" + Kind + "\",\n  \"asOf\": " + JsonInstant(data.AsOf)
            + ",\n  \"asOfFromData\": " + (data.AsOfFromData ? "true" : "false"));
        if (!period.Equals(LeadAnalytics.Data.AcquisitionPeriod.AllTime))
        {
            // Additive: present only with --from/--to, as in the quality and attribution documents.
            Ascii(stream, ",\n  \"period\": { \"from\": " + (period.From is { } f ? JsonInstant(f) : "null") + ", \"to\": " + (period.To is { } t ? JsonInstant(t) : "null") + " }");
        }

        Part(stream, "quality", s => LeadAnalyticsJson.SerializeQualityReport(quality, s));
        Part(stream, "funnel", s => LeadAnalyticsJson.SerializeFunnel(funnel, s));
        Part(stream, "funnelByChannel", s => LeadAnalyticsJson.SerializeFunnelBreakdown(byChannel, s));
        Part(stream, "segments", s => LeadAnalyticsJson.SerializeEffectiveness(segments, s));
        Part(stream, "cycleTime", s => LeadAnalyticsJson.SerializeCycleTime(cycleTime, s));
        Part(stream, "lossReasons", s => LeadAnalyticsJson.SerializeLossReasons(lossReasons, s));
        Part(stream, "attribution", attribution is null ? null : s => LeadAnalyticsJson.SerializeAttributionComparison(attribution, s));
        Part(stream, "actions", actionReport is null ? null : s => LeadAnalyticsJson.SerializeActionReport(actionReport, s));
        Ascii(stream, "\n}");
    }

    /// <summary>An instant as the result documents write it (Utf8JsonWriter's round-trip form, "+" unescaped).</summary>
    private static string JsonInstant(DateTimeOffset instant)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStringValue(instant);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Ascii(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    }

    private static void Part(Stream stream, string name, Action<Stream>? write)
    {
        Ascii(stream, ",\n  \"" + name + "\": ");
        if (write is null)
        {
            Ascii(stream, "null");
            return;
        }

        using var nested = new NestedJsonStream(stream);
        write(nested);
    }

    // The monthly cohorts within each channel; when the cohorts × channels cells exceed what the funnel holds densely (tens of
    // thousands of channels) the engine refuses the breakdown, and the report shows the cohorts of all leads, saying so.
    private static FunnelCohorts Cohorts(RunContext run, LeadData data, FunnelOptions options)
    {
        try
        {
            return FunnelAnalyzer.AnalyzeCohorts(data.Table, data.AsOf, LeadAnalytics.Data.CohortPeriod.Month, Dimension.Channel, options);
        }
        catch (ArgumentException ex)
        {
            run.Warn($"cohorts are shown for all leads, not within each channel: {ex.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0]}");
            return FunnelAnalyzer.AnalyzeCohorts(data.Table, data.AsOf, LeadAnalytics.Data.CohortPeriod.Month, options);
        }
    }

    /// <summary>Passes an indented JSON document through with two more spaces after every line break, so it sits one
    /// level deep in the envelope as an indenting writer would have put it (a line break inside a JSON string is
    /// always escaped, so every raw line break is between tokens).</summary>
    private sealed class NestedJsonStream : Stream
    {
        private static readonly byte[] Break = { (byte)'\n', (byte)' ', (byte)' ' };
        private readonly Stream _inner;

        public NestedJsonStream(Stream inner) => _inner = inner;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            var end = offset + count;
            var from = offset;
            for (var i = offset; i < end; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    _inner.Write(buffer, from, i - from);
                    _inner.Write(Break, 0, Break.Length);
                    from = i + 1;
                }
            }

            _inner.Write(buffer, from, end - from);
        }

        public override void Flush() => _inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
