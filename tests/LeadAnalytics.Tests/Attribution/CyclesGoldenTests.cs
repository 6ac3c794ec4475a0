using System.Globalization;
using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>
/// Every path-based model on a small path set with cycles (seo > email > seo), repeats (email > email), one- and two-touch paths
/// and a never-converting channel (display), against TestData/Attribution/cycles_golden.csv, written by make_cycles_golden.py
/// beside it (independent Python code; the exact Markov chain solved with numpy.linalg.solve).
/// </summary>
public class CyclesGoldenTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "Attribution");

    internal static AttributionJourneys Journeys()
    {
        var paths = File.ReadLines(Path.Combine(Folder, "cycles_paths.csv")).Skip(1).Select(line =>
        {
            var f = line.Split(';');
            return AggregatedPath.Parse(f[0], double.Parse(f[1], CultureInfo.InvariantCulture), decimal.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture));
        });
        return AttributionJourneys.FromPaths(paths, Currency.CNY);
    }

    public static TheoryData<string> Models() => new()
    {
        "FirstTouch", "LastTouch", "LastNonDirect", "Linear", "PositionBased", "Shapley", "Markov", "Markov_LastStateMeanValue",
        "Markov_NoCollapse", "Markov_NoNulls", "Markov_Order2", "Markov_Order2_NoCollapse",
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Matches_the_independent_reference(string name)
    {
        var parts = name.Split('_');
        var options = new AttributionOptions
        {
            Model = Enum.Parse<AttributionModel>(parts[0]),
            MarkovValueRule = parts.Contains("LastStateMeanValue") ? MarkovValueRule.LastStateMeanValue : MarkovValueRule.RemovalEffectShare,
            MarkovCollapseRepeats = !parts.Contains("NoCollapse"),
            MarkovUseNonConvertingPaths = !parts.Contains("NoNulls"),
            MarkovOrder = parts.Contains("Order2") ? 2 : 1,
        };
        var result = AttributionAnalyzer.Analyze(Journeys(), options);

        var expected = File.ReadLines(Path.Combine(Folder, "cycles_golden.csv")).Skip(1)
            .Select(l => l.Split(';')).Where(f => f[0] == name).ToList();
        Assert.Equal(expected.Select(f => f[1]), result.Credits.Select(c => c.Key));
        Assert.Equal(10, result.TotalConversions);
        Assert.Equal(7934.56m, result.TotalValue.Amount);
        foreach (var f in expected)
        {
            var credit = result.Find(f[1])!;
            Assert.Equal(double.Parse(f[2], CultureInfo.InvariantCulture), credit.Conversions, 1e-9);
            Assert.Equal(decimal.Parse(f[3], CultureInfo.InvariantCulture), credit.Value.Amount);
            if (f[4].Length > 0)
            {
                Assert.Equal(double.Parse(f[4], CultureInfo.InvariantCulture), credit.RemovalEffect!.Value, 1e-12);
                Assert.Equal(double.Parse(f[5], CultureInfo.InvariantCulture), credit.ValueRemovalEffect!.Value, 1e-12);
            }
            else
            {
                Assert.Null(credit.RemovalEffect);
            }
        }
    }
}
