using System.CommandLine;

namespace LeadAnalytics.Cli;

/// <summary>The options every analysis command takes (docs/cli.md, "Common options").</summary>
internal sealed class CommonOptions
{
    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "The as-of instant: 2024-01-15 (midnight starting that day), 2024-01-15T18:00, or with an offset 2024-01-15T18:00+08:00. " +
            "Dates and times without an offset are in --time-zone. Default: the latest event in the leads file.",
        HelpName = "INSTANT",
    };

    public Option<double?> StaleAfter { get; } = new("--stale-after")
    {
        Description = "An open lead with no activity for this many days is stale, presumed lost. Default 30; 0 turns the rule off.",
        HelpName = "DAYS",
    };

    public Option<string?> Currency { get; } = new("--currency")
    {
        Description = "ISO 4217 code of amounts that name no currency (default CNY); also the currency the quality check expects.",
        HelpName = "CODE",
    };

    public Option<string?> TimeZone { get; } = new("--time-zone")
    {
        Description = "Zone of dates written without an offset: an IANA name (Asia/Shanghai, America/Sao_Paulo) or a fixed offset (+08:00). Default +08:00.",
        HelpName = "ZONE",
    };

    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = "Text encoding of the CSV files (utf-8, gb18030, ...). Default: detected (byte order mark, else UTF-8 if valid, else GB18030).",
        HelpName = "NAME",
    };

    public Option<string?> Pipeline { get; } = new("--pipeline")
    {
        Description = "A pipeline JSON document (schema v1, kind \"pipeline\") to use instead of the template's six stages.",
        HelpName = "FILE",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Output format: table (for people), json (the LeadAnalytics.Json schema v1 contract), csv (one table; not for report), " +
            "xlsx (the csv table as an Excel sheet to sort and filter; needs --out) or html (report only: one self-contained page with charts, best with --out report.html).",
        HelpName = "table|json|csv|xlsx|html",
        DefaultValueFactory = _ => "table",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write the output to this file instead of standard output.",
        HelpName = "FILE",
    };

    public Option<string?> Lang { get; } = new("--lang")
    {
        Description = "Language of tables, messages, findings and the HTML report: en (default) or zh (Chinese; metric names from the catalogue, stage names from the pipeline).",
        HelpName = "en|zh",
    };

    public Option<string?> CsvFormulas { get; } = new("--csv-formulas")
    {
        Description = "With --format csv: 'neutralise' (default) prefixes text cells starting with =, +, -, @, tab or CR with an apostrophe so spreadsheets show them as text; 'keep' writes them unchanged.",
        HelpName = "neutralise|keep",
    };

    public Option<string?> Sheet { get; } = new("--sheet")
    {
        Description = "The sheet to read from .xlsx inputs (--leads, --costs, --touchpoints, --actions given as workbooks). Default: each workbook's first sheet.",
        HelpName = "NAME",
    };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Fail (exit code 1) when any row of an input file has an error, instead of analysing the accepted rows.",
    };

    public CommonOptions()
    {
        Format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx", "html");
        CsvFormulas.AcceptOnlyFromAmong("neutralise", "neutralize", "keep");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(AsOf);
        command.Options.Add(StaleAfter);
        command.Options.Add(Currency);
        command.Options.Add(TimeZone);
        command.Options.Add(Encoding);
        command.Options.Add(Pipeline);
        command.Options.Add(Format);
        command.Options.Add(Out);
        command.Options.Add(Sheet);
        command.Options.Add(Strict);
        command.Options.Add(Lang);
        command.Options.Add(CsvFormulas);
    }
}
