namespace LeadAnalytics.Tests.Actions;

/// <summary>The bundled sample data set (samples/data), found from the test binaries by walking up to the solution.</summary>
internal static class SampleDataFiles
{
    public static string PathOf(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadAnalytics.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("No LeadAnalytics.sln above the test binaries."), "samples", "data", name);
    }
}
