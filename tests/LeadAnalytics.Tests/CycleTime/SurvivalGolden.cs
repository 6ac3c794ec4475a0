using System.Text.Json;

namespace LeadAnalytics.Tests.CycleTime;

/// <summary>Reads TestData/CycleTime/survival_golden.json, written by make_golden.R beside it (R survival 3.5).</summary>
internal static class SurvivalGolden
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Sets = new(Load);

    public static IEnumerable<object[]> Names => new[] { "aml", "leads", "midpoint", "flat_end", "no_censoring", "near_ties", "random" }.Select(n => new object[] { n });

    public static JsonElement Set(string name) => Sets.Value[name];

    public static double[] Doubles(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double?[] NullableDoubles(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? (double?)null : x.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement e, string property) => e.Doubles(property).Select(x => checked((int)x)).ToArray();

    public static double? NullableDouble(this JsonElement e, string property) =>
        e.GetProperty(property) is { ValueKind: JsonValueKind.Null } ? null : e.GetProperty(property).GetDouble();

    /// <summary>Asserts |expected - actual| ≤ 1e-9·max(1, |expected|), and null exactly where R has NA.</summary>
    public static void Close(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected.Value));
        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance, $"{what}: expected {expected.Value:R}, got {actual.Value:R}");
    }

    private static string Show(double? x) => x is null ? "null" : x.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "CycleTime", "survival_golden.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.Clone());
    }
}
