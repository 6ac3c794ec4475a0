using System.Globalization;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// The sizes the BenchmarkDotNet classes run at: 100k and 1M leads by default; set <c>LEADANALYTICS_BENCH_SIZES</c> to a comma
/// list (digits, or with a k/M suffix: <c>100k,1M,10M</c>) to choose others. 10M is opt-in because its setup alone takes minutes.
/// </summary>
public static class BenchmarkSizes
{
    public const string Variable = "LEADANALYTICS_BENCH_SIZES";

    public static IEnumerable<int> Leads()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new[] { 100_000, 1_000_000 };
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToArray();
    }

    public static int Parse(string size)
    {
        var s = size.Replace("_", "", StringComparison.Ordinal);
        var factor = 1;
        if (s.EndsWith('k') || s.EndsWith('K'))
        {
            factor = 1_000;
            s = s[..^1];
        }
        else if (s.EndsWith('M') || s.EndsWith('m'))
        {
            factor = 1_000_000;
            s = s[..^1];
        }

        return checked(int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) * factor);
    }
}
