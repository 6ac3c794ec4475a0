namespace LeadAnalytics.Tests.Json;

/// <summary>Compares written JSON with the committed TestData/Json golden files. Setting LEADANALYTICS_WRITE_GOLDEN to a
/// folder also writes each actual document there, to review and copy over the golden ones when the contract changes on purpose.</summary>
internal static class GoldenFiles
{
    internal static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Json", name)).Replace("\r\n", "\n");

    internal static string AssertMatches(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("LEADANALYTICS_WRITE_GOLDEN") is { Length: > 0 } folder)
        {
            File.WriteAllText(Path.Combine(folder, name), actual + "\n");
        }

        Assert.Equal(Read(name).TrimEnd('\n'), actual);
        return actual;
    }
}
