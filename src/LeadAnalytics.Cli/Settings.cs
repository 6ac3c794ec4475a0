using System.CommandLine;
using System.Text.Json;
using LeadAnalytics.Csv;
using LeadAnalytics.Json;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Cli;

/// <summary>The common options of one invocation, checked and resolved.</summary>
internal sealed class Settings
{
    private Settings(ParseResult parse, CommonOptions common)
    {
        TimeZone = ValueParsers.TimeZone(parse.GetValue(common.TimeZone));
        var asOf = parse.GetValue(common.AsOf);
        ExplicitAsOf = asOf is null ? null : ValueParsers.Instant(asOf, TimeZone, "--as-of");
        StaleAfter = parse.GetValue(common.StaleAfter) is { } days ? ValueParsers.Days(days, "--stale-after", allowZero: true) : TimeSpan.FromDays(30);
        ExpectedCurrency = ValueParsers.CurrencyCode(parse.GetValue(common.Currency));
        Encoding = ValueParsers.TextEncoding(parse.GetValue(common.Encoding));
        Format = parse.GetValue(common.Format) switch
        {
            "json" => OutputFormat.Json,
            "csv" => OutputFormat.Csv,
            "html" => OutputFormat.Html,
            "xlsx" => OutputFormat.Xlsx,
            _ => OutputFormat.Table,
        };
        OutPath = parse.GetValue(common.Out);
        Sheet = parse.GetValue(common.Sheet);
        Strict = parse.GetValue(common.Strict);
        PipelinePath = parse.GetValue(common.Pipeline);
        var lang = parse.GetValue(common.Lang);
        if (lang is not null && !Metrics.MetricFormatter.TryParseLanguage(lang, out _))
        {
            throw CliException.Usage($"--lang: '{Metrics.OutputSafety.EscapeControls(lang)}' is not a language; use en or zh.");
        }

        Metrics.MetricFormatter.TryParseLanguage(lang ?? "en", out var language);
        Formatter = Metrics.MetricFormatter.For(language);
        NeutraliseCsvFormulas = parse.GetValue(common.CsvFormulas) != "keep";
    }

    /// <summary>The --lang formatter: numbers, names and texts for people.</summary>
    public Metrics.MetricFormatter Formatter { get; }

    /// <summary>Whether CSV text cells that look like formulas get a leading apostrophe (--csv-formulas).</summary>
    public bool NeutraliseCsvFormulas { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The --as-of value, or null: then the latest event in the leads (<see cref="LeadData.AsOf"/>).</summary>
    public DateTimeOffset? ExplicitAsOf { get; }

    public TimeSpan StaleAfter { get; }

    /// <summary>The shared analysis scope of every command: the same stale rule everywhere, so the same data and as-of give
    /// the same stale count in every output.</summary>
    /// <param name="breakdown">The dimensions, crossed; none for the total only.</param>
    /// <param name="period">The acquisition period (--from, --to); all time when null.</param>
    /// <param name="confidence">The confidence level (--confidence); 0.95 when null.</param>
    /// <param name="threads">The thread count (--threads); one per processor when null (the tool is a process of its own, and
    /// every result is the same for any thread count).</param>
    /// <returns>The scope.</returns>
    public LeadAnalytics.Data.AnalysisScope Scope(IReadOnlyList<Dimension>? breakdown = null, LeadAnalytics.Data.AcquisitionPeriod? period = null,
        double? confidence = null, int? threads = null) => new()
    {
        Breakdown = breakdown ?? Array.Empty<Dimension>(),
        Period = period ?? LeadAnalytics.Data.AcquisitionPeriod.AllTime,
        StaleAfter = StaleAfter,
        Confidence = confidence ?? LeadAnalytics.Data.AnalysisScope.Default.Confidence,
        MaxDegreeOfParallelism = threads ?? -1,
    };

    /// <summary>The --currency value: the default currency of amounts and the one the quality check expects.</summary>
    public Currency? ExpectedCurrency { get; }

    public System.Text.Encoding? Encoding { get; }

    public OutputFormat Format { get; }

    public string? OutPath { get; }

    /// <summary>The --sheet value: the sheet read from every .xlsx input; null for each workbook's first sheet.</summary>
    public string? Sheet { get; }

    /// <summary>The --lang code: "en" or "zh".</summary>
    public string Language => Formatter.LanguageCode;

    public bool Strict { get; }

    public string? PipelinePath { get; }

    public static Settings Resolve(ParseResult parse, CommonOptions common) => new(parse, common);

    public Pipeline LoadPipeline()
    {
        if (PipelinePath is null)
        {
            return Pipeline.Default;
        }

        var text = InputFiles.ReadAllText(PipelinePath, "--pipeline");
        try
        {
            return LeadAnalyticsJson.DeserializePipeline(text);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{Path.GetFileName(PipelinePath)}: not a pipeline document: {ex.Message}");
        }
    }

    public CsvReadOptions ReadOptions(Pipeline pipeline) => new()
    {
        TimeZone = TimeZone,
        Currency = ExpectedCurrency ?? Currency.CNY,
        Encoding = Encoding,
        Pipeline = pipeline,
        Quality = new DataQualityOptions { ExpectedCurrency = ExpectedCurrency },
    };

    /// <summary>The data-quality settings: the shared scope (the stale rule, and the period of --from/--to) and --currency.</summary>
    /// <param name="period">The acquisition period of the checked leads; all time when null.</param>
    /// <returns>The settings.</returns>
    public DataQualityOptions QualityOptions(LeadAnalytics.Data.AcquisitionPeriod? period = null) =>
        new() { Scope = Scope(period: period), ExpectedCurrency = ExpectedCurrency };
}

internal enum OutputFormat
{
    Table,
    Json,
    Csv,

    /// <summary>One self-contained HTML page (LeadAnalytics.Reporting); the report command only.</summary>
    Html,

    /// <summary>An .xlsx workbook (LeadAnalytics.Excel): the command's CSV table as a sheet to sort and filter; needs --out.</summary>
    Xlsx,
}
