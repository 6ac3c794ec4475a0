using LeadAnalytics.Cli;

namespace LeadAnalytics.Cli.Tests;

/// <summary>Runs the tool in-process, as its Program does, with captured output.</summary>
internal static class CliRunner
{
    public static string SampleData(string file) => Path.Combine(AppContext.BaseDirectory, "SampleData", file);

    public static string Expected(string file) => Path.Combine(AppContext.BaseDirectory, "Expected", file);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A temporary file with the given text, deleted on dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        public TempFile(string text, string extension = ".csv")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leadanalytics-cli-" + Guid.NewGuid().ToString("N") + extension);
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
