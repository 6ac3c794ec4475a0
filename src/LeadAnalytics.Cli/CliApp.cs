using System.CommandLine;
using LeadAnalytics.Cli.Commands;

namespace LeadAnalytics.Cli;

/// <summary>The tool's entry point: parses the command line, runs one command, turns every failure into one line on
/// stderr and an exit code (0 success, 1 input not analysable, 2 usage). Never lets an exception or a stack trace out.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        RootCommand root;
        ParseResult parse;
        try
        {
            root = BuildRoot(stdout, stderr);
            parse = root.Parse(args);
        }
        catch (Exception ex)
        {
            return Fail(stderr, $"cannot parse the command line: {ex.Message}", ExitCodes.UsageError);
        }

        if (SqlSourceOptions.Refusal(parse) is { } refusal)
        {
            return Fail(stderr, refusal, ExitCodes.UsageError);
        }

        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            var where = command == root ? "leadanalytics" : "leadanalytics " + command.Name;
            // "Required command was not provided" also comes with an unknown command; the unknown token says more.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            return Fail(stderr, $"{error.Message} (see '{where} --help')", ExitCodes.UsageError);
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            return Fail(stderr, ex.Message, ex.ExitCode);
        }
        catch (Exception ex)
        {
            // A bug, not a property of the input: still one line, with enough to report it.
            return Fail(stderr, $"unexpected error ({ex.GetType().Name}): {ex.Message}", ExitCodes.InputError);
        }
    }

    private static int Fail(TextWriter stderr, string message, int exitCode)
    {
        stderr.WriteLine("leadanalytics: " + Metrics.OutputSafety.EscapeControls(InputFiles.OneLine(message)));
        stderr.Flush();
        return exitCode;
    }

    /// <summary>Where the documentation is for someone who installed the tool (a path inside the repository means nothing
    /// to them): the repository's docs folder on the web, as the package metadata names it.</summary>
    internal const string DocsUrl = "https://github.com/leadanalytics/leadanalytics/blob/main/docs/";

    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var root = new RootCommand(
            "leadanalytics: sales-lead analytics from tracking-table CSV files (the LeadAnalytics library). " +
            "Exit codes: 0 success, 1 the input could not be analysed, 2 usage error. Docs: " + DocsUrl + "cli.md");
        root.Subcommands.Add(ValidateCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(FunnelCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(SegmentsCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(CycleTimeCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(AttributionCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(LossReasonsCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(ActionsCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(ForecastCommand.Create(common, stdout, stderr));
        root.Subcommands.Add(ReportCommand.Create(common, stdout, stderr));
        return root;
    }

    /// <summary>Adds the common options and an action that resolves them, then runs <paramref name="body"/>.</summary>
    internal static Command Define(Command command, CommonOptions common, TextWriter stdout, TextWriter stderr, Func<ParseResult, RunContext, int> body)
    {
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var run = new RunContext(Settings.Resolve(parse, common), stdout, stderr) { CommandName = command.Name };
            RefuseOverwritingInput(parse, run.Settings.OutPath);
            Rendering.Show.Use(run.Settings.Formatter);
            if (run.Settings.Format == OutputFormat.Html && command.Name != ReportCommand.Kind)
            {
                throw CliException.Usage($"--format html is the report's page: use 'leadanalytics report --format html'; {command.Name} writes table, json, csv or xlsx.");
            }

            return body(parse, run);
        });
        return command;
    }

    /// <summary>--out naming one of the command's input files would destroy it before (or while) it is read: a usage error.</summary>
    private static void RefuseOverwritingInput(ParseResult parse, string? outPath)
    {
        if (outPath is null)
        {
            return;
        }

        var target = Full(outPath);
        foreach (var option in parse.CommandResult.Command.Options)
        {
            if (option is Option<string?> file && option.HelpName == "FILE" && option.Name != "--out" && parse.GetValue(file) is { } input
                && string.Equals(Full(input), target, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                throw CliException.Usage($"--out: '{outPath}' is the {option.Name} input file; choose another output file.");
            }
        }
    }

    private static string Full(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    internal static Option<string?> FileOption(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        HelpName = "FILE",
        Required = required,
    };
}
