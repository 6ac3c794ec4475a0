namespace LeadAnalytics.Cli;

/// <summary>Ends a command with a one-line message on stderr and an exit code: <see cref="ExitCodes.InputError"/> when the
/// input cannot be analysed, <see cref="ExitCodes.UsageError"/> when the command line is wrong.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.InputError)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this("error")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InputError;
    }

    public int ExitCode { get; }

    public static CliException Usage(string message) => new(message, ExitCodes.UsageError);
}

/// <summary>The documented exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input could not be analysed: a missing or unreadable file, a broken file, row errors under --strict, a
    /// feature not in this build.</summary>
    public const int InputError = 1;

    /// <summary>The command line is wrong: unknown command or option, a missing or malformed value.</summary>
    public const int UsageError = 2;
}
