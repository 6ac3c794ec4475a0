using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LeadAnalytics.Cli.Rendering;

/// <summary>How tables look: every number through the library's one <see cref="MetricFormatter"/> (docs/formatting.md), in
/// the run's language (--lang); every text cell and line with its control characters escaped
/// (<see cref="OutputSafety.EscapeControls"/>), so nothing from a data file acts on the terminal.</summary>
internal static class Show
{
    // The run's formatter: set once per invocation (CliApp.Define); flows with the call, so in-process runs in parallel
    // (the tests) each keep their own.
    private static readonly AsyncLocal<MetricFormatter?> Current = new();

    public static MetricFormatter Formatter => Current.Value ?? MetricFormatter.English;

    public static DisplayLanguage Language => Formatter.Language;

    public static bool Chinese => Formatter.Language == DisplayLanguage.Chinese;

    public static string Undefined => MetricFormatter.UndefinedText;

    public static void Use(MetricFormatter formatter) => Current.Value = formatter;

    /// <summary>A text of the tool in the run's language (<see cref="CliText"/>).</summary>
    public static string T(string key) => CliText.Table.Get(key, Language);

    /// <summary>English or Chinese, inline, for sentences built around numbers.</summary>
    public static string T(string english, string chinese) => Chinese ? chinese : english;

    /// <summary>One data-quality issue on one line in the run's language: in English the library's diagnostic
    /// (<c>leads.csv(7) won_at: Error InvalidDate [L7]: ...</c>); in Chinese where it is, the rule's name, the lead and the
    /// rule's sentence (<see cref="Quality.DataQualityIssue.Describe"/>).</summary>
    public static string Issue(Quality.DataQualityIssue issue)
    {
        if (!Chinese)
        {
            return issue.ToString();
        }

        var where = (issue.File ?? string.Empty) + (issue.Line is { } l ? "(" + l.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty)
            + (issue.Column is { } c ? " " + c : issue.Field is { } f ? " " + T("field." + f) : string.Empty);
        var severity = issue.Severity == Quality.IssueSeverity.Error ? "错误" : "警告";
        return (where.Length == 0 ? string.Empty : where.Trim() + "：") + severity + " " + T("rule." + issue.Rule)
            + (issue.LeadId is null ? string.Empty : " [" + issue.LeadId + "]") + "：" + issue.Describe(Language);
    }

    /// <summary>A statistical test by the name the library gives it (<c>two-proportion z</c>) in the run's language.</summary>
    public static string Test(string name) => DisplayText.Common.Contains("test." + name) ? T("test." + name) : name;

    /// <summary>A loss reason as recorded, except the library's own label for stale leads, which is shown in the run's language.</summary>
    public static string Reason(string reason) => reason == LossReasons.LossReasonAnalyzer.StaleReason ? T("reason.stale") : reason;

    public static string Name(MetricDefinition metric) => Formatter.NameOf(metric);

    /// <summary>A stage as people read it: the pipeline's display name; in Chinese, the template's name of a default stage.</summary>
    public static string Stage(LeadAnalytics.Stage stage) => Formatter.StageName(stage);

    /// <summary>A stage given by its code (<c>NeedsConfirmed</c>, as durations and loss tables carry it) in the run's language;
    /// a code the vocabulary does not know is shown as it is.</summary>
    public static string Stage(string code) => DisplayText.Common.Contains("stage." + code) ? T("stage." + code) : code;

    public static string Count(long n) => Formatter.Count(n);

    public static string Percent(double? p) => Formatter.Percent(p);

    public static string Rate(Rate r) => Formatter.Percent(r.Value);

    public static string RateWithInterval(Rate r) => Formatter.RateWithInterval(r);

    public static string Days(double? d) => Formatter.Number(d, 1);

    public static string Days(TimeSpan? t) => t is { } v ? Days(v.TotalDays) : Undefined;

    public static string Number(double? d, string format = "0.00") => Formatter.Number(d, format.Contains('.') ? format.Length - format.IndexOf('.') - 1 : 0);

    public static string Money(decimal? amount) => Formatter.Money(amount);

    public static string PValue(double? p) => Formatter.PValue(p);

    public static string Instant(DateTimeOffset t) => Formatter.Instant(t);

    public static string Date(DateTimeOffset t) => Formatter.Date(t);

    /// <summary>Text from the data or a message, safe for a terminal.</summary>
    public static string Safe(string? text) => OutputSafety.EscapeControls(text);

    public static Table NewTable(string? title = null)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(Markup.Escape(Safe(title)));
        }

        return table;
    }

    public static void Columns(Table table, params string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(new Text(Safe(headers[i])));
            if (i > 0)
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }
    }

    public static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(Safe(c))).ToArray());

    public static void Heading(IAnsiConsole console, string text)
    {
        // A rule of fixed length, not the console's width (1000 columns into a file).
        console.WriteLine();
        var title = Safe(text);
        console.WriteLine("── " + title + " " + new string('─', Math.Max(3, 100 - title.Length)));
    }

    public static void Line(IAnsiConsole console, string text) => console.WriteLine(Safe(text));

    /// <summary>How many segments each of the report's tables lists (the largest by leads), as the HTML report
    /// (<c>HtmlReportOptions.MaxTableSegments</c>): a report over 100,000 campaign ids is read, not scrolled.</summary>
    public const int ReportSegments = 20;

    /// <summary>The segments a table lists, in their own order: all of them, or (given <paramref name="max"/>) the largest
    /// by leads as the HTML report chooses them (<see cref="Reporting.SegmentFolding"/>); and how many were left out with how
    /// many leads.</summary>
    public static (List<T> Shown, int Folded, long FoldedLeads) Largest<T>(IReadOnlyList<T> segments, Func<T, long> leads, Func<T, string> label, int? max)
    {
        if (max is not { } m)
        {
            return (segments.ToList(), 0, 0);
        }

        var (shown, folded) = Reporting.SegmentFolding.Largest(segments, leads, label, m);
        return (shown, folded.Count, folded.Sum(leads));
    }

    /// <summary>Under a table that left segments out: how many, and where every one is listed.</summary>
    public static void Folded(IAnsiConsole console, int shown, int folded, long foldedLeads, string command)
    {
        if (folded == 0)
        {
            return;
        }

        var total = Count(shown + folded);
        Line(console, T(
            $"The {Count(shown)} largest of {total} segments by leads are listed; the other {Count(folded)} ({Count(foldedLeads)} leads) are left out of this table. `leadanalytics {command}` or --format json lists every one.",
            $"表中列出线索数最多的 {Count(shown)} 个细分（共 {total} 个）；其余 {Count(folded)} 个（{Count(foldedLeads)} 条线索）未列出。`leadanalytics {command}` 或 --format json 列出全部。"));
    }
}
