using System.Globalization;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

// Reference values from R (TestData/Statistics/golden_r.R) and statsmodels / scipy / mpmath
// (TestData/Statistics/golden_python.py); each generating script is committed beside its CSV. Asserted to 1e-9.
public class GoldenStatisticsTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var file in new[] { "golden_r.csv", "golden_python.csv" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Statistics", file)))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var parts = line.Split(',');
                data.Add(file, parts[0], parts[1], parts[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_reference(string source, string kind, string inputs, string expected)
    {
        var x = inputs.Split(' ');
        var e = expected.Split(' ').Select(Parse).ToArray();
        double?[] actual = kind switch
        {
            "clopper_pearson" => Pair(ProportionIntervals.ClopperPearson(Long(x[0]), Long(x[1]), Parse(x[2])!.Value)),
            "jeffreys" => Pair(ProportionIntervals.Jeffreys(Long(x[0]), Long(x[1]), Parse(x[2])!.Value)),
            "wilson" => Pair(ProportionIntervals.Wilson(Long(x[0]), Long(x[1]), Parse(x[2])!.Value)),
            "fisher" => new[] { ProportionTests.FisherExact(Long(x[0]), Long(x[1]), Long(x[2]), Long(x[3])).PValue },
            "two_proportion_z" => ZTest(ProportionTests.TwoProportionZ(Long(x[0]), Long(x[1]), Long(x[2]), Long(x[3]))),
            "holm" => MultipleComparisons.Holm(x.Select(Parse).ToArray()).ToArray(),
            "bayes_greater" => new double?[] { BayesianProportions.ProbabilityGreater(Long(x[0]), Long(x[1]), Long(x[2]), Long(x[3])) },
            "versus_rest_p" => VersusRest(x).Select(r => r.Test?.PValue).ToArray(),
            "versus_rest_holm" => VersusRest(x).Select(r => r.AdjustedPValue).ToArray(),
            _ => throw new InvalidOperationException($"Unknown kind {kind} in {source}"),
        };
        Assert.Equal(e.Length, actual.Length);
        for (var i = 0; i < e.Length; i++)
        {
            if (e[i] is not { } want)
            {
                Assert.Null(actual[i]);
                continue;
            }

            var got = actual[i]!.Value;
            Assert.True(Math.Abs(got - want) <= Tolerance * Math.Max(Math.Abs(want), 1e-6),
                $"{source} {kind}({inputs}) value {i}: expected {want:R}, got {got:R} (difference {got - want:E2})");
        }
    }

    private static double?[] Pair((double Lower, double Upper) p) => new double?[] { p.Lower, p.Upper };

    private static double?[] ZTest(HypothesisTestResult r) => new[] { r.Statistic, r.PValue };

    private static IReadOnlyList<SegmentVersusRest> VersusRest(string[] x)
    {
        var successes = new List<long>();
        var trials = new List<long>();
        for (var i = 0; i < x.Length; i += 2)
        {
            successes.Add(Long(x[i]));
            trials.Add(Long(x[i + 1]));
        }

        return ProportionTests.EachVersusRest(successes, trials, successes.Sum(), trials.Sum());
    }

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);

    private static double? Parse(string s) => s == "NA" ? null : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
