using System.Globalization;
using Sylvan.Data.Csv;

namespace LeadAnalytics.Csv;

/// <summary>
/// Optimisation-action tables, the template's step 6: 分析结论 (finding), 优化行动 (action), 责任人 (owner), 完成时间 (due_date) and
/// 跟踪指标 (metric, a target expression such as <c>dropoff(NeedsConfirmed) &lt;= 25%</c>), with action_id, start_date, baseline and
/// notes, and optionally finding_id, status and status_date. Chinese (Simplified or Traditional) and English headers are accepted.
/// </summary>
/// <remarks>
/// <para>Required columns: action, start_date, due_date, metric. Without an action_id column (the template has none) rows are
/// numbered A1, A2...</para>
/// <para>Dates without a time are in <see cref="CsvReadOptions.TimeZone"/>. start_date is the start of its day. due_date is
/// <em>inclusive</em> ("by 2023-11-15"), so a date becomes midnight of the next day; a due time of day is the instant it names.
/// baseline is a value in the metric's unit (<c>40%</c>, <c>5000</c>) or a range of acquisition dates
/// <c>2023-07-01..2023-10-14</c> (also <c>~</c> or <c>至</c>), its end date inclusive. status is planned, in_progress, done or
/// cancelled (计划中, 进行中, 已完成, 已取消), recorded at status_date (else at the start).</para>
/// <para>Every faulty cell is a row issue (a target expression that does not parse keeps the parser's position), and every
/// broken <see cref="ActionRule"/> too; such rows are rejected, nothing is dropped silently.</para>
/// </remarks>
public static class ActionCsv
{
    /// <summary>Opens a file for streaming.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read (delimiter, encoding, time zone); <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The file is empty, lacks a required column (action, start_date, due_date, metric), or is not valid CSV.</exception>
    public static CsvRecordReader<OptimisationAction> Open(string path, CsvReadOptions? options = null) => CsvOpen.Path(path, options, new ActionRowParser());

    /// <summary>Opens a stream for streaming; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The content is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<OptimisationAction> Open(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Stream(stream, options, fileName, new ActionRowParser());

    /// <summary>Opens text for streaming; the reader is left open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The text is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<OptimisationAction> Open(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Text(reader, options, fileName, new ActionRowParser());

    /// <summary>Reads a whole file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read.</param>
    /// <returns>The accepted actions and every issue.</returns>
    /// <exception cref="CsvImportException">The file cannot be read as an actions table at all.</exception>
    public static CsvImportResult<OptimisationAction> Read(string path, CsvReadOptions? options = null) => CsvOpen.Collect(Open(path, options));

    /// <summary>Reads a whole stream; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted actions and every issue.</returns>
    /// <exception cref="CsvImportException">The content cannot be read as an actions table at all.</exception>
    public static CsvImportResult<OptimisationAction> Read(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(stream, options, fileName));

    /// <summary>Reads all of a text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted actions and every issue.</returns>
    /// <exception cref="CsvImportException">The text cannot be read as an actions table at all.</exception>
    public static CsvImportResult<OptimisationAction> Read(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(reader, options, fileName));

    /// <summary>Writes actions as a step-6 table.</summary>
    /// <param name="actions">The actions.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="options">Delimiter and header language; <see cref="CsvWriteOptions.Default"/> when null.</param>
    /// <param name="timeZone">The zone whose midnights are written as plain dates (the reader's <see cref="CsvReadOptions.TimeZone"/>);
    /// <see cref="CsvReadOptions.ChinaStandardTime"/> when null.</param>
    /// <remarks>Columns: action_id, finding, action, owner, start_date, due_date, metric, baseline, notes, then finding_id, status
    /// and status_date when any action has them. An instant at midnight in <paramref name="timeZone"/> is written as a date (a due
    /// instant as the inclusive date before it), any other as ISO 8601 with its offset, so reading the file with the same zone
    /// gives equal actions. Only the latest recorded state is written (status, status_date); the full history goes to JSON.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="actions"/> or <paramref name="writer"/> is null, or an action is null.</exception>
    public static void Write(IEnumerable<OptimisationAction> actions, TextWriter writer, CsvWriteOptions? options = null, TimeZoneInfo? timeZone = null)
    {
        Preconditions.CheckNotNull(actions);
        Preconditions.CheckNotNull(writer);

        options ??= CsvWriteOptions.Default;
        var zone = timeZone ?? CsvReadOptions.ChinaStandardTime;
        var list = actions.ToList();
        Preconditions.CheckNoNullItem(list, nameof(actions), "An action is null.");

        var columns = new List<ActionRowParser.Column>
        {
            ActionRowParser.Column.Id, ActionRowParser.Column.Finding, ActionRowParser.Column.Action, ActionRowParser.Column.Owner,
            ActionRowParser.Column.Start, ActionRowParser.Column.Due, ActionRowParser.Column.Metric, ActionRowParser.Column.Baseline,
            ActionRowParser.Column.Notes,
        };
        if (list.Any(a => a.FindingId is not null))
        {
            columns.Add(ActionRowParser.Column.FindingId);
        }

        if (list.Any(a => a.History.Count > 0))
        {
            columns.Add(ActionRowParser.Column.Status);
            columns.Add(ActionRowParser.Column.StatusDate);
        }

        var names = columns.Select(c => HeaderOf(c, options.HeaderLanguage)).ToArray();
        var rows = list.Select(a => columns.Select(c => Cell(a, c, zone)).ToArray());
        using var data = new StringRowDataReader(names, rows);
        using var csv = CsvDataWriter.Create(writer, new CsvDataWriterOptions { Delimiter = options.Delimiter, NewLine = "\n", WriteHeaders = true });
        csv.Write(data);
        writer.Flush();
    }

    /// <summary>Writes actions to a stream in <see cref="CsvWriteOptions.Encoding"/>; the stream is left open.</summary>
    /// <param name="actions">The actions.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write.</param>
    /// <param name="timeZone">The zone whose midnights are written as dates; China Standard Time when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actions"/> or <paramref name="stream"/> is null.</exception>
    public static void Write(IEnumerable<OptimisationAction> actions, Stream stream, CsvWriteOptions? options = null, TimeZoneInfo? timeZone = null)
    {
        Preconditions.CheckNotNull(stream);

        options ??= CsvWriteOptions.Default;
        using var writer = new StreamWriter(stream, options.Encoding, 64 * 1024, leaveOpen: true);
        Write(actions, writer, options, timeZone);
    }

    /// <summary>Writes actions to a file (created or overwritten) in <see cref="CsvWriteOptions.Encoding"/>.</summary>
    /// <param name="actions">The actions.</param>
    /// <param name="path">The file.</param>
    /// <param name="options">How to write.</param>
    /// <param name="timeZone">The zone whose midnights are written as dates; China Standard Time when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actions"/> or <paramref name="path"/> is null.</exception>
    public static void Write(IEnumerable<OptimisationAction> actions, string path, CsvWriteOptions? options = null, TimeZoneInfo? timeZone = null)
    {
        Preconditions.CheckNotNull(path);

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(actions, stream, options, timeZone);
    }

    private static string HeaderOf(ActionRowParser.Column column, CsvHeaderLanguage language)
    {
        var aliases = ActionRowParser.Aliases.First(a => a.Column == column).Aliases;
        return language switch
        {
            CsvHeaderLanguage.SimplifiedChinese => aliases[FirstChinese(aliases)],
            CsvHeaderLanguage.TraditionalChinese => aliases[FirstChinese(aliases) + 1],
            _ => aliases[0],
        };
    }

    // The alias lists hold English names first, then Simplified and Traditional pairs.
    private static int FirstChinese(string[] aliases)
    {
        for (var i = 0; i < aliases.Length; i++)
        {
            if (aliases[i][0] > 0x2E80)
            {
                return i;
            }
        }

        return 0;
    }

    private static string? Cell(OptimisationAction a, ActionRowParser.Column column, TimeZoneInfo zone) => column switch
    {
        ActionRowParser.Column.Id => a.Id,
        ActionRowParser.Column.Finding => a.Finding,
        ActionRowParser.Column.FindingId => a.FindingId,
        ActionRowParser.Column.Action => a.Description,
        ActionRowParser.Column.Owner => a.Owner,
        ActionRowParser.Column.Start => Date(a.Start, zone, inclusiveEnd: false),
        ActionRowParser.Column.Due => Date(a.Due, zone, inclusiveEnd: true),
        ActionRowParser.Column.Metric => a.Target.ToString(),
        ActionRowParser.Column.Baseline => a.Baseline switch
        {
            null => null,
            { Kind: ActionBaselineKind.Given } g => a.Metric.FormatValue(g.Value!.Value, g.Currency),
            var w => Date(w.WindowStart!.Value, zone, inclusiveEnd: false) + ".." + Date(w.WindowEnd!.Value, zone, inclusiveEnd: true),
        },
        ActionRowParser.Column.Status => a.History.Count > 0 ? ActionRowParser.StateName(a.History[a.History.Count - 1].State) : null,
        ActionRowParser.Column.StatusDate => a.History.Count > 0 ? Date(a.History[a.History.Count - 1].At, zone, inclusiveEnd: false) : null,
        _ => a.Notes,
    };

    // Midnight in the zone is written as a date (an exclusive end as the inclusive date before it); anything else in full.
    private static string Date(DateTimeOffset instant, TimeZoneInfo zone, bool inclusiveEnd)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (local.TimeOfDay != TimeSpan.Zero)
        {
            return CsvValues.FormatInstant(instant);
        }

        return (inclusiveEnd ? local.Date.AddDays(-1) : local.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
