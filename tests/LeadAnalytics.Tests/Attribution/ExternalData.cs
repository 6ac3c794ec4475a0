using System.Globalization;
using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>
/// ChannelAttribution's PathData and its reference output (shared/data/external/channelattribution, read-only, never copied into the
/// repository). Found by walking up from the test binaries to a folder that has shared/data/external/channelattribution, or from
/// the LEADANALYTICS_EXTERNAL_DATA environment variable; tests that need it are skipped when it is absent.
/// </summary>
internal static class ExternalData
{
    internal static readonly string? ChannelAttributionFolder = Find();

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LEADANALYTICS_EXTERNAL_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "channelattribution", "PathData.csv")))
        {
            return Path.Combine(fromEnvironment, "channelattribution");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "external", "channelattribution");
            if (File.Exists(Path.Combine(candidate, "PathData.csv")))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static List<AggregatedPath> ReadPathData()
    {
        var paths = new List<AggregatedPath>();
        foreach (var line in File.ReadLines(Path.Combine(ChannelAttributionFolder!, "PathData.csv")).Skip(1))
        {
            var f = line.Split(';');
            paths.Add(AggregatedPath.Parse(
                f[0],
                double.Parse(f[1], CultureInfo.InvariantCulture),
                decimal.Parse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return paths;
    }

    /// <summary>Rows of the first table after a heading line of the reference output, split on white space.</summary>
    internal static List<string[]> ReferenceTable(string headingStart)
    {
        var lines = File.ReadAllLines(Path.Combine(ChannelAttributionFolder!, "REFERENCE_OUTPUT_ChannelAttribution_2.2.4.txt"));
        var i = Array.FindIndex(lines, l => l.StartsWith(headingStart, StringComparison.Ordinal));
        Assert.True(i >= 0, "heading not found: " + headingStart);
        var rows = new List<string[]>();
        for (var j = i + 2; j < lines.Length && lines[j].Trim().Length > 0; j++)
        {
            rows.Add(lines[j].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        return rows;
    }
}

/// <summary>A fact that runs only when ChannelAttribution's external data is present.</summary>
public sealed class ChannelAttributionDataFactAttribute : FactAttribute
{
    public ChannelAttributionDataFactAttribute()
    {
        if (ExternalData.ChannelAttributionFolder is null)
        {
            Skip = "shared/data/external/channelattribution is not present.";
        }
    }
}
