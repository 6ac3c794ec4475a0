using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>The performance shortcuts of the attribution engine give exactly (bit for bit) what the plain algorithms give.</summary>
public class SolverAndOrderTests
{
    [Theory]
    [InlineData(1, 12, 8)]
    [InlineData(2, 20, 6)]
    [InlineData(3, 1, 5)]
    [InlineData(4, 200, 9)] // 8 bits x 9 steps > 64: the comparison sort
    [InlineData(5, 3, 40)] // 2 bits x 40 steps > 64
    public void Packed_path_order_is_the_comparison_order(int seed, int keyCount, int maxLength)
    {
        var rng = new Random(seed);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var sequences = new List<int[]>();
        for (var i = 0; i < 3000; i++)
        {
            var sequence = new int[1 + rng.Next(maxLength)];
            for (var s = 0; s < sequence.Length; s++)
            {
                sequence[s] = rng.Next(keyCount);
            }

            if (distinct.Add(string.Join(",", sequence)))
            {
                sequences.Add(sequence);
            }
        }

        var array = sequences.ToArray();
        var expected = Enumerable.Range(0, array.Length).ToArray();
        Array.Sort(expected, (a, b) => JourneyTableBuilder.CompareSequences(array[a], array[b]));

        Assert.Equal(expected, SequenceOrder.Sort(array, keyCount));
    }

    [Theory]
    [InlineData(1, "AB")] // ASCII ids: 8 units packed
    [InlineData(2, "A\u0000é抖")] // non-ASCII and NUL: 4 units packed, NUL ties with the end of a shorter id
    public void Packed_id_order_is_the_ordinal_order(int seed, string alphabet)
    {
        var rng = new Random(seed);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < 5000)
        {
            var chars = new char[rng.Next(1, 12)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = i == 0 && rng.Next(2) == 0 ? 'L' : alphabet[rng.Next(alphabet.Length)];
            }

            ids.Add(new string(chars));
        }

        var array = ids.ToArray();
        var expected = (string[])array.Clone();
        Array.Sort(expected, StringComparer.Ordinal);

        Assert.Equal(expected, OrdinalOrder.Sort(array).Select(i => array[i]));
    }

    [Fact]
    public void Many_leads_without_touches_each_get_their_source_touch()
    {
        // 100 won leads without touchpoints (more than the touch columns' spare room) and one with a touch: first touch credits
        // each lead's own channel, and the touched lead its touch's channel.
        var leads = Enumerable.Range(0, 101).Select(i => LeadJourneyTests.WonLead("L" + i, 10m, channel: i % 2 == 0 ? "seo" : "email")).ToList();
        var touches = new[] { LeadJourneyTests.Touch("L100", 1, "direct") };

        var result = AttributionAnalyzer.Analyze(AttributionJourneys.FromLeads(leads, touches), new AttributionOptions { Model = AttributionModel.FirstTouch });

        Assert.Equal(new[] { "direct", "email", "seo" }, result.Credits.Select(c => c.Key));
        Assert.Equal(new[] { 1.0, 50, 50 }, result.Credits.Select(c => c.Conversions));
        Assert.Equal(101, result.JourneyCount);
    }

    [Theory]
    [InlineData(1, 13)]
    [InlineData(2, 145)]
    [InlineData(3, 400)]
    public void Banded_elimination_equals_full_elimination_bit_for_bit(int seed, int n)
    {
        // I - Q of a random sparse substochastic chain, as the Markov model builds it.
        var rng = new Random(seed);
        var a = new double[n * n];
        var b1 = new double[n];
        var b2 = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i * n + i] = 1;
            var left = 1.0;
            for (var e = 0; e < 4; e++)
            {
                var p = left * rng.NextDouble() * 0.6;
                left -= p;
                a[i * n + rng.Next(n)] -= p;
            }

            b1[i] = left * rng.NextDouble();
            b2[i] = b1[i] * 1000 * rng.NextDouble();
        }

        var (a0, x1, x2) = ((double[])a.Clone(), (double[])b1.Clone(), (double[])b2.Clone());
        FullElimination(a0, n, x1, x2);
        DenseLinearSolver.Solve(a, n, b1, b2);

        Assert.Equal(x1.Select(BitConverter.DoubleToInt64Bits), b1.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(x2.Select(BitConverter.DoubleToInt64Bits), b2.Select(BitConverter.DoubleToInt64Bits));
    }

    // The solver before row extents were tracked: every row update runs to the last column.
    private static void FullElimination(double[] a, int n, double[] b1, double[] b2)
    {
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            var best = Math.Abs(a[k * n + k]);
            for (var i = k + 1; i < n; i++)
            {
                if (Math.Abs(a[i * n + k]) > best)
                {
                    best = Math.Abs(a[i * n + k]);
                    pivot = i;
                }
            }

            if (pivot != k)
            {
                for (var j = k; j < n; j++)
                {
                    (a[k * n + j], a[pivot * n + j]) = (a[pivot * n + j], a[k * n + j]);
                }

                (b1[k], b1[pivot]) = (b1[pivot], b1[k]);
                (b2[k], b2[pivot]) = (b2[pivot], b2[k]);
            }

            for (var i = k + 1; i < n; i++)
            {
                var factor = a[i * n + k] / a[k * n + k];
                if (factor == 0)
                {
                    continue;
                }

                a[i * n + k] = 0;
                for (var j = k + 1; j < n; j++)
                {
                    a[i * n + j] -= factor * a[k * n + j];
                }

                b1[i] -= factor * b1[k];
                b2[i] -= factor * b2[k];
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            double s1 = b1[i], s2 = b2[i];
            for (var j = i + 1; j < n; j++)
            {
                s1 -= a[i * n + j] * b1[j];
                s2 -= a[i * n + j] * b2[j];
            }

            b1[i] = s1 / a[i * n + i];
            b2[i] = s2 / a[i * n + i];
        }
    }
}
