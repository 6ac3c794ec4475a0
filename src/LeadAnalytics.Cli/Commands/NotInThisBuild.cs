namespace LeadAnalytics.Cli.Commands;

/// <summary>The engines the tool fronts that this build of the library does not have yet.</summary>
internal static class NotInThisBuild
{
    public static CliException Actions() =>
        new("actions is not available in this build: the optimisation-action evaluator has not been merged yet");
}
