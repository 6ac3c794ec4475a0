using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>The Shapley model against the textbook definition, computed by brute force over every coalition.</summary>
public class ShapleyModelTests
{
    /// <summary>
    /// phi_j = sum over coalitions S without j of |S|! (n - |S| - 1)! / n! x (v(S + j) - v(S)), with v(S) the conversions of
    /// journeys whose channel set is a subset of S, obtained for all 2^n coalitions by a subset-sum (zeta) transform.
    /// </summary>
    private static double[] BruteForce(int n, IEnumerable<(int Set, double Conversions)> journeys)
    {
        var v = new double[1 << n];
        foreach (var (set, conversions) in journeys)
        {
            v[set] += conversions;
        }

        for (var bit = 0; bit < n; bit++)
        {
            for (var s = 0; s < v.Length; s++)
            {
                if ((s & (1 << bit)) != 0)
                {
                    v[s] += v[s ^ (1 << bit)];
                }
            }
        }

        var weight = new double[n];
        for (var size = 0; size < n; size++)
        {
            // |S|! (n - |S| - 1)! / n! = 1 / (n x C(n - 1, |S|))
            var binomial = 1.0;
            for (var i = 0; i < size; i++)
            {
                binomial = binomial * (n - 1 - i) / (i + 1);
            }

            weight[size] = 1 / (n * binomial);
        }

        var phi = new double[n];
        for (var s = 0; s < v.Length; s++)
        {
            var size = 0;
            for (var t = s; t != 0; t &= t - 1)
            {
                size++;
            }

            for (var j = 0; j < n; j++)
            {
                if ((s & (1 << j)) == 0)
                {
                    phi[j] += weight[size] * (v[s | (1 << j)] - v[s]);
                }
            }
        }

        return phi;
    }

    [Fact]
    public void Two_channels_by_hand()
    {
        // {a} 1 conversion, {a, b} 2 conversions. v({}) = 0, v({a}) = 1, v({b}) = 0, v({a, b}) = 3.
        // phi_a = 1/2 (v(a) - v()) + 1/2 (v(ab) - v(b)) = 1/2 + 3/2 = 2;  phi_b = 1/2 (0) + 1/2 (3 - 1) = 1.
        var journeys = AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse("a", 1, 10m), AggregatedPath.Parse("b > a > b", 2, 20m) }, Currency.CNY);
        AttributionAssert.Credits(AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Model = AttributionModel.Shapley }), ("a", 2, 20m), ("b", 1, 10m));
    }

    [Fact]
    public void Twenty_channels_match_the_coalition_formula()
    {
        const int n = 20;
        var random = new Random(20180101);
        var names = Enumerable.Range(0, n).Select(i => "ch" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var paths = new List<AggregatedPath>();
        var sets = new List<(int, double)>();
        for (var k = 0; k < 3000; k++)
        {
            var length = random.Next(1, 8);
            var steps = Enumerable.Range(0, length).Select(_ => random.Next(n)).ToArray();
            var conversions = random.Next(0, 4);
            paths.Add(new AggregatedPath(steps.Select(s => names[s]), conversions, conversions * 10m, random.Next(0, 3)));
            sets.Add((steps.Aggregate(0, (set, s) => set | (1 << s)), conversions));
        }

        var result = AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(paths, Currency.CNY), new AttributionOptions { Model = AttributionModel.Shapley });
        var expected = BruteForce(n, sets);
        for (var j = 0; j < n; j++)
        {
            Assert.Equal(expected[j], result.Find(names[j])!.Conversions, 1e-9);
        }

        AttributionAssert.Conserved(result);
    }

    /// <summary>64 keys (the last one bit 63 of a set's mask) and 70 keys (past the mask: sorted key sets) against the
    /// dividend form, checked against the coalition formula above at 20 keys: phi_j = sum over the journeys' key sets T
    /// containing j of R(T) / |T|, computed here with plain sets.</summary>
    [Theory]
    [InlineData(64)]
    [InlineData(70)]
    public void Many_channels_match_the_dividend_formula(int n)
    {
        var random = new Random(n);
        var names = Enumerable.Range(0, n).Select(i => "k" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var paths = new List<AggregatedPath>();
        var expected = new double[n];
        for (var k = 0; k < 2000; k++)
        {
            var steps = Enumerable.Range(0, random.Next(1, 9)).Select(_ => random.Next(n)).ToArray();
            if (k < n)
            {
                steps[0] = k; // every key occurs, the last ones included
            }

            var conversions = random.Next(0, 3);
            paths.Add(new AggregatedPath(steps.Select(s => names[s]), conversions, conversions * 7m, random.Next(0, 2)));
            var set = steps.Distinct().ToArray();
            foreach (var key in set)
            {
                expected[key] += conversions / (double)set.Length;
            }
        }

        var result = AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(paths, Currency.CNY), new AttributionOptions { Model = AttributionModel.Shapley });
        Assert.Equal(n, result.Credits.Count);
        for (var j = 0; j < n; j++)
        {
            Assert.Equal(expected[j], result.Find(names[j])!.Conversions, 1e-9);
        }

        AttributionAssert.Conserved(result);
    }
}
