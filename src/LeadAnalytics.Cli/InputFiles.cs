using LeadAnalytics.Cli.Rendering;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Excel;
using LeadAnalytics.Quality;
using Spectre.Console;

namespace LeadAnalytics.Cli;

/// <summary>A CSV file read whole: accepted records, every issue, counts.</summary>
internal sealed record Loaded<T>(string Path, IReadOnlyList<T> Records, IReadOnlyList<DataQualityIssue> Issues, long RowsRead, long RowsRejected)
    : ILoaded
{
    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);
}

/// <summary>The leads file streamed into a table: the accepted rows, every issue, counts.</summary>
internal sealed record LoadedTable(string Path, LeadTable Table, IReadOnlyList<DataQualityIssue> Issues, long RowsRead, long RowsRejected) : ILoaded;

/// <summary>What every read file reports: its issues and counts that reconcile (read = accepted + rejected).</summary>
internal interface ILoaded
{
    string Path { get; }

    IReadOnlyList<DataQualityIssue> Issues { get; }

    long RowsRead { get; }

    long RowsRejected { get; }
}

/// <summary>Reads the input files. Every way a file can fail becomes a <see cref="CliException"/> naming the file (and
/// the line and column when known), so the tool prints one line and exits 1, never a stack trace.</summary>
internal static class InputFiles
{
    // Files below this size read in well under a second; a progress bar would only flicker.
    private const long ProgressThresholdBytes = 8L << 20;

    public static string ReadAllText(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a folder, not a file ({option})");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Describe(path, option, ex);
        }
    }

    /// <summary>After a large import, one full collection with the large-object heap compacted, in the aggressive mode that
    /// also returns the freed memory to the system: the import's parts and batches (about the table's size again) are
    /// garbage in large arrays the analysis cannot reuse piecemeal (its own arrays have other sizes), and the runtime
    /// otherwise gives freed regions back only a few megabytes at a time, so the process's peak memory was the import's plus
    /// the analysis's. A few tens of milliseconds for a table of millions of rows (its arrays hold no references to trace);
    /// skipped below 16 MB (about 270,000 leads), where the runtime's own baseline (about 56 MB) dominates. At 1M rows (a
    /// 60 MB table) it lowers the peak of <c>segments</c> from 233 to 184 MB and of <c>cycle-time</c> from 264 to 206 MB.</summary>
    private static void ReleaseImportMemory(LeadTable table)
    {
        if (table.EstimatedBytes < 16L << 20)
        {
            return;
        }

        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>Streams the leads file into a table (<see cref="LeadCsv.ReadTable(Stream, CsvReadOptions?, string?, LeadTableOptions?)"/>):
    /// no <see cref="Lead"/> objects, so memory is the table's plus one batch of rows.</summary>
    public static LoadedTable LeadTable(string path, CsvReadOptions options, LeadTableOptions tableOptions, RunContext run)
    {
        if (IsWorkbook(path))
        {
            return WorkbookLeadTable(path, options, tableOptions, run);
        }

        using var stream = OpenFile(path, "--leads");
        try
        {
            var result = LeadCsv.ReadTable(stream, options, Path.GetFileName(path), tableOptions);
            ReleaseImportMemory(result.Table);
            var loaded = new LoadedTable(path, result.Table, result.Issues, result.RowsRead, result.RowsRejected);
            CheckRows(loaded, run);
            return loaded;
        }
        catch (CsvImportException ex)
        {
            throw FromImport(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Describe(path, "--leads", ex);
        }
    }

    /// <summary>A workbook's tracking table: the sheet read with the CSV rules (<see cref="Workbook.ReadLeads(Stream, CsvReadOptions?, string?, string?)"/>),
    /// then built into a table. A workbook holds at most about a million rows, so the leads fit in memory.</summary>
    private static LoadedTable WorkbookLeadTable(string path, CsvReadOptions options, LeadTableOptions tableOptions, RunContext run)
    {
        var leads = ReadWorkbook(path, "--leads", run, s => Workbook.ReadLeads(s, options, run.Settings.Sheet, Path.GetFileName(path)));
        var builder = new LeadTableBuilder(tableOptions);
        foreach (var lead in leads.Records)
        {
            try
            {
                builder.Add(lead);
            }
            catch (CurrencyMismatchException ex)
            {
                throw new CliException($"{Path.GetFileName(path)}: lead {lead.Id}: {InputFiles.OneLine(ex.Message)}");
            }
        }

        return new LoadedTable(path, builder.ToTable(), leads.Issues, leads.RowsRead, leads.RowsRejected);
    }

    public static Loaded<CostEntry> Costs(string path, CsvReadOptions options, RunContext run) => IsWorkbook(path)
        ? ReadWorkbook(path, "--costs", run, s => Workbook.ReadCosts(s, options, run.Settings.Sheet, Path.GetFileName(path)))
        : Read(path, "--costs", run, s => CostCsv.Open(s, options, Path.GetFileName(path)));

    public static Loaded<Touchpoint> Touchpoints(string path, CsvReadOptions options, RunContext run) => IsWorkbook(path)
        ? ReadWorkbook(path, "--touchpoints", run, s => Workbook.ReadTouchpoints(s, options, run.Settings.Sheet, Path.GetFileName(path)))
        : Read(path, "--touchpoints", run, s => TouchpointCsv.Open(s, options, Path.GetFileName(path)));

    public static Loaded<OptimisationAction> Actions(string path, CsvReadOptions options, RunContext run) => IsWorkbook(path)
        ? ReadWorkbook(path, "--actions", run, s => Workbook.ReadActions(s, options, run.Settings.Sheet, Path.GetFileName(path)))
        : Read(path, "--actions", run, s => ActionCsv.Open(s, options, Path.GetFileName(path)));

    /// <summary>An .xlsx input: read through LeadAnalytics.Excel, with the CSV format's rules and issues.</summary>
    private static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static Loaded<T> ReadWorkbook<T>(string path, string option, RunContext run, Func<Stream, CsvImportResult<T>> read)
        where T : class
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a folder, not a file ({option})");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var result = read(stream);
            var loaded = new Loaded<T>(path, result.Records, result.Issues, result.RowsRead, result.RowsRejected);
            CheckRows(loaded, run);
            return loaded;
        }
        catch (CsvImportException ex)
        {
            throw FromImport(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Describe(path, option, ex);
        }
    }

    public static Loaded<PathRow> Paths(string path, CsvReadOptions options, RunContext run) =>
        Read(path, "--paths", run, s => PathCsv.Open(s, options, Path.GetFileName(path)));

    private static FileStream OpenFile(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a folder, not a file ({option})");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Describe(path, option, ex);
        }
    }

    // The library's advice names its option; the tool's user has the command-line one.
    private static CliException FromImport(CsvImportException ex) =>
        new(ex.Message.Replace("CsvReadOptions.Encoding", "--encoding").Replace("CsvReadOptions.Delimiter", "the delimiter"));

    private static Loaded<T> Read<T>(string path, string option, RunContext run, Func<Stream, CsvRecordReader<T>> open)
        where T : class
    {
        var stream = OpenFile(path, option);
        try
        {
            using (stream)
            using (var reader = open(stream))
            {
                var records = new List<T>();
                var issues = new List<DataQualityIssue>(reader.HeaderIssues);
                void Take(CsvRow<T> row)
                {
                    if (row.Record is { } record)
                    {
                        records.Add(record);
                    }

                    issues.AddRange(row.Issues);
                }

                if (run.ShowProgress && stream.Length >= ProgressThresholdBytes)
                {
                    run.ProgressConsole.Progress().AutoClear(true).Start(ctx =>
                    {
                        var task = ctx.AddTask(Markup.Escape("Reading " + Path.GetFileName(path)), maxValue: stream.Length);
                        var n = 0;
                        foreach (var row in reader.ReadRows())
                        {
                            Take(row);
                            if ((++n & 0x3FFF) == 0)
                            {
                                task.Value = stream.Position;
                            }
                        }

                        task.Value = stream.Length;
                    });
                }
                else
                {
                    foreach (var row in reader.ReadRows())
                    {
                        Take(row);
                    }
                }

                var loaded = new Loaded<T>(path, records, issues, reader.RowsRead, reader.RowsRejected);
                CheckRows(loaded, run);
                return loaded;
            }
        }
        catch (CsvImportException ex)
        {
            throw FromImport(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Describe(path, option, ex);
        }
    }

    private static void CheckRows(ILoaded loaded, RunContext run)
    {
        var errors = loaded.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (errors.Count == 0 || !run.CheckRowsOnImport)
        {
            return;
        }

        var first = OneLine(Show.Issue(errors[0]));
        if (run.Settings.Strict)
        {
            throw StrictFailure(loaded.Path, errors);
        }

        if (loaded.RowsRejected > 0)
        {
            run.Warn(Show.T(
                $"{Path.GetFileName(loaded.Path)}: {loaded.RowsRejected} of {loaded.RowsRead} rows rejected, analysing the rest (first: {first}); `leadanalytics validate` lists them, --strict refuses them",
                $"{Path.GetFileName(loaded.Path)}：读取 {loaded.RowsRead} 行，拒绝 {loaded.RowsRejected} 行，其余照常分析（第一个：{first}）；`leadanalytics validate` 列出全部，--strict 则拒绝分析"));
        }
    }

    internal static CliException StrictFailure(string path, IReadOnlyList<DataQualityIssue> errors) =>
        new(Show.T(
            $"{OneLine(errors[0].ToString())} ({errors.Count} error{(errors.Count == 1 ? string.Empty : "s")} in {Path.GetFileName(path)}; --strict)",
            $"{OneLine(Show.Issue(errors[0]))}（{Path.GetFileName(path)} 中有 {errors.Count} 个错误；--strict）"));

    internal static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));

    private static CliException Describe(string path, string option, Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => new CliException($"{path}: file not found ({option})"),
        UnauthorizedAccessException => new CliException($"{path}: permission denied ({option})"),
        _ => new CliException($"{path}: cannot read ({option}): {OneLine(ex.Message)}"),
    };
}
