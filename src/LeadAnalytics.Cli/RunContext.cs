using System.Text;
using Spectre.Console;

namespace LeadAnalytics.Cli;

/// <summary>One invocation: its settings, where output and warnings go, and how tables are drawn.</summary>
internal sealed class RunContext
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly bool _stdoutIsTerminal;

    public RunContext(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        Settings = settings;
        _stdout = stdout;
        _stderr = stderr;
        _stdoutIsTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        ShowProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    }

    public Settings Settings { get; }

    /// <summary>Whether long imports show a progress bar (on stderr, only when it is a terminal).</summary>
    public bool ShowProgress { get; }

    /// <summary>Whether rejected rows earn a warning line and --strict stops the import at once. Validate turns this off:
    /// its report lists the rows, and under --strict it fails after writing the report.</summary>
    public bool CheckRowsOnImport { get; set; } = true;

    public IAnsiConsole ProgressConsole => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>A warning: one line on stderr; the command goes on and exits 0.</summary>
    public void Warn(string message) =>
        _stderr.WriteLine("leadanalytics: warning: " + Metrics.OutputSafety.EscapeControls(InputFiles.OneLine(message)));

    public void WriteJson(string json) => Write(json.EndsWith('\n') ? json : json + "\n", bom: false);

    /// <summary>A JSON document written by <paramref name="serialize"/> straight to --out or standard output (UTF-8, no byte
    /// order mark, a final newline), so a document of a gigabyte (a funnel of 100,000 segments) is never held as text.</summary>
    public void WriteJson(Action<Stream> serialize)
    {
        if (Settings.OutPath is { } path)
        {
            try
            {
                using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                serialize(file);
                file.WriteByte((byte)'\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"{path}: cannot write (--out): {InputFiles.OneLine(ex.Message)}");
            }

            return;
        }

        if (ReferenceEquals(_stdout, Console.Out))
        {
            _stdout.Flush();
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            serialize(stdout);
            stdout.WriteByte((byte)'\n');
            return;
        }

        // An in-process run (the tests) writes to its own writer.
        using var buffer = new MemoryStream();
        serialize(buffer);
        _stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n");
        _stdout.Flush();
    }

    /// <summary>A whole document (the HTML report): UTF-8 without a byte order mark, as the page declares.</summary>
    public void WriteDocument(string text) => Write(text, bom: false);

    /// <summary>The command's name (the sheet name of --format xlsx).</summary>
    public string CommandName { get; set; } = "results";

    public void WriteCsv(CsvTable table)
    {
        if (Settings.Format == OutputFormat.Xlsx)
        {
            WriteWorkbook(new[] { new LeadAnalytics.Excel.WorkbookSheet(CommandName, table.Header, table.Values) });
            return;
        }

        table.NeutraliseFormulas = Settings.NeutraliseCsvFormulas;
        var text = new StringWriter { NewLine = "\n" };
        table.WriteTo(text);
        // Excel reads a UTF-8 file as the ANSI code page unless it starts with a byte order mark; standard output gets none.
        Write(text.ToString(), bom: Settings.OutPath is not null);
    }

    /// <summary>Writes sheets as an .xlsx workbook to --out (a workbook is binary: standard output is refused).</summary>
    public void WriteWorkbook(IEnumerable<LeadAnalytics.Excel.WorkbookSheet> sheets)
    {
        if (Settings.OutPath is not { } path)
        {
            throw CliException.Usage("--format xlsx writes a workbook: give the file with --out results.xlsx.");
        }

        try
        {
            LeadAnalytics.Excel.WorkbookWriter.Write(path, sheets);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot write (--out): {InputFiles.OneLine(ex.Message)}");
        }
    }

    /// <summary>Draws with Spectre.Console: in colour on a terminal, as plain wide text into a pipe or a file.</summary>
    public void WriteTable(Action<IAnsiConsole> draw)
    {
        if (Settings.OutPath is null && _stdoutIsTerminal)
        {
            draw(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_stdout) }));
            return;
        }

        var buffer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        // Wide enough that a table with every --metrics column does not wrap its cells in a file or a pipe.
        console.Profile.Width = 1000;
        draw(console);
        Write(buffer.ToString(), bom: false);
    }

    private void Write(string text, bool bom)
    {
        if (Settings.OutPath is not { } path)
        {
            _stdout.Write(text);
            _stdout.Flush();
            return;
        }

        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(bom));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot write (--out): {InputFiles.OneLine(ex.Message)}");
        }
    }
}
