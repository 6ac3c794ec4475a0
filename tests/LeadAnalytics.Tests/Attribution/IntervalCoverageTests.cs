using LeadAnalytics.Attribution;
using Xunit.Abstractions;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>Issue 21: do the 95% bootstrap intervals of Markov credit mean what they say? A population of 300,000 journeys is
/// drawn once from a known process (five channels with known conversion effects); its Markov credit shares are the truth.
/// Each of 200 simulations draws a sample of 3,000 journeys from the population (stratified like the bootstrap: the
/// population's share of converted journeys), computes 95% percentile intervals from 200 replicates (seed = simulation),
/// and checks whether each channel's interval, as a share of the sample's conversions, covers the population's share.</summary>
public class IntervalCoverageTests
{
    private const int Channels = 5;
    private static readonly string[] Names = { "douyin", "seo", "wechat", "expo", "referral" };
    private static readonly double[] Effect = { 0.10, 0.06, 0.04, 0.02, 0.01 };
    private static readonly double[] Mix = { 0.30, 0.25, 0.20, 0.15, 0.10 };

    private readonly ITestOutputHelper _output;

    public IntervalCoverageTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Markov_credit_intervals_cover_the_population_value_in_93_to_97_percent_of_200_simulations()
    {
        var (journeys, converted) = Population(300_000, new Random(20261207));
        var truth = Shares(Markov(Aggregate(journeys, converted, Enumerable.Range(0, journeys.Length))));

        var convertedIndex = Enumerable.Range(0, journeys.Length).Where(i => converted[i]).ToArray();
        var otherIndex = Enumerable.Range(0, journeys.Length).Where(i => !converted[i]).ToArray();
        const int SampleSize = 3_000;
        var sampleConverted = (int)Math.Round(SampleSize * (double)convertedIndex.Length / journeys.Length);

        var covered = new int[Channels];
        const int Simulations = 200;
        for (var sim = 0; sim < Simulations; sim++)
        {
            var random = new Random(1_000 + sim);
            var sample = Draw(convertedIndex, sampleConverted, random).Concat(Draw(otherIndex, SampleSize - sampleConverted, random));
            var result = AttributionAnalyzer.Analyze(
                AttributionJourneys.FromPaths(Aggregate(journeys, converted, sample), Currency.CNY),
                new AttributionOptions { Model = AttributionModel.Markov, Intervals = new AttributionIntervalOptions { Replicates = 200, Seed = sim + 1 } });
            for (var c = 0; c < Channels; c++)
            {
                var credit = result.Find(Names[c])!;
                var interval = credit.Interval!;
                if (interval.Lower / result.TotalConversions <= truth[c] && truth[c] <= interval.Upper / result.TotalConversions)
                {
                    covered[c]++;
                }
            }
        }

        var pooled = covered.Sum() / (double)(Simulations * Channels);
        for (var c = 0; c < Channels; c++)
        {
            _output.WriteLine($"{Names[c]}: population share {truth[c]:F4}, covered in {covered[c]} of {Simulations} simulations ({covered[c] / (double)Simulations:P1})");
        }

        _output.WriteLine($"pooled coverage {pooled:P2}");
        Assert.InRange(pooled, 0.93, 0.97);
        Assert.All(covered, k => Assert.InRange(k / (double)Simulations, 0.90, 0.99));
    }

    /// <summary>Journeys of 1 to 4 touches; each touch repeats the previous channel with probability 0.3, else draws from the
    /// mix; the journey converts with probability 1 - prod(1 - effect) over the distinct channels it touched.</summary>
    private static (int[][] Journeys, bool[] Converted) Population(int size, Random random)
    {
        var journeys = new int[size][];
        var converted = new bool[size];
        for (var j = 0; j < size; j++)
        {
            var u = random.NextDouble();
            var length = u < 0.4 ? 1 : u < 0.7 ? 2 : u < 0.9 ? 3 : 4;
            var path = new int[length];
            var miss = 1.0;
            var seen = 0;
            for (var t = 0; t < length; t++)
            {
                path[t] = t > 0 && random.NextDouble() < 0.3 ? path[t - 1] : Pick(random.NextDouble());
                if ((seen & (1 << path[t])) == 0)
                {
                    seen |= 1 << path[t];
                    miss *= 1 - Effect[path[t]];
                }
            }

            journeys[j] = path;
            converted[j] = random.NextDouble() < 1 - miss;
        }

        return (journeys, converted);
    }

    private static int Pick(double u)
    {
        for (var c = 0; c < Channels - 1; c++)
        {
            if ((u -= Mix[c]) < 0)
            {
                return c;
            }
        }

        return Channels - 1;
    }

    /// <summary>A simple random sample of <paramref name="count"/> of the indexes, without replacement (partial Fisher-Yates).</summary>
    private static IEnumerable<int> Draw(int[] indexes, int count, Random random)
    {
        var copy = (int[])indexes.Clone();
        for (var i = 0; i < count; i++)
        {
            var k = i + random.Next(copy.Length - i);
            (copy[i], copy[k]) = (copy[k], copy[i]);
        }

        return copy.Take(count);
    }

    private static List<AggregatedPath> Aggregate(int[][] journeys, bool[] converted, IEnumerable<int> rows)
    {
        var counts = new SortedDictionary<string, (double Conversions, double Nulls)>(StringComparer.Ordinal);
        foreach (var j in rows)
        {
            var key = string.Join(">", journeys[j].Select(c => Names[c]));
            counts.TryGetValue(key, out var n);
            counts[key] = converted[j] ? (n.Conversions + 1, n.Nulls) : (n.Conversions, n.Nulls + 1);
        }

        return counts.Select(kv => AggregatedPath.Parse(kv.Key, kv.Value.Conversions, 100m * (decimal)kv.Value.Conversions, kv.Value.Nulls)).ToList();
    }

    private static AttributionResult Markov(List<AggregatedPath> paths) =>
        AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(paths, Currency.CNY), new AttributionOptions { Model = AttributionModel.Markov });

    private static double[] Shares(AttributionResult result) =>
        Names.Select(n => result.Find(n)!.Conversions / result.TotalConversions).ToArray();
}
