using LeadAnalytics.Attribution;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>Bootstrap intervals (issue 21): reproducible to the bit, conserving in every replicate, and the peers' failure cases.</summary>
public class IntervalTests
{
    private static readonly AttributionModel[] AllModels =
    {
        AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.LastNonDirect, AttributionModel.Linear,
        AttributionModel.PositionBased, AttributionModel.Markov, AttributionModel.Shapley,
    };

    private static AggregatedPath[] Paths() => new[]
    {
        AggregatedPath.Parse("seo > douyin", 40, 4000.50m, nulls: 200),
        AggregatedPath.Parse("douyin", 30, 2500.25m, nulls: 400),
        AggregatedPath.Parse("seo", 25, 1999.99m, nulls: 300),
        AggregatedPath.Parse("wechat > seo > Direct", 12, 1500.00m, nulls: 90),
        AggregatedPath.Parse("Direct", 8, 640.10m, nulls: 50),
        AggregatedPath.Parse("wechat > douyin > douyin", 5, 333.33m, nulls: 60),
    };

    private static AttributionComparison Run(int threads, long seed = 7, AggregatedPath[]? paths = null, int replicates = 50, int order = 1) =>
        AttributionAnalyzer.Compare(
            AttributionJourneys.FromPaths(paths ?? Paths(), Currency.CNY),
            AllModels,
            new AttributionOptions
            {
                MarkovOrder = order,
                Intervals = new AttributionIntervalOptions { Replicates = replicates, Seed = seed },
                Scope = new AnalysisScope { MaxDegreeOfParallelism = threads },
            });

    private static IEnumerable<object?> Fields(AttributionComparison comparison)
    {
        foreach (var result in comparison.Results)
        {
            foreach (var c in result.Credits)
            {
                var i = c.Interval!;
                yield return (result.Model, c.Key, BitConverter.DoubleToInt64Bits(i.Lower), BitConverter.DoubleToInt64Bits(i.Upper), i.ValueLower, i.ValueUpper,
                    BitConverter.DoubleToInt64Bits(i.StandardError), i.TopOneShare, i.TopThreeShare);
            }
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_bits_for_1_2_and_16_threads_and_input_order()
    {
        var one = Fields(Run(1)).ToList();
        Assert.Equal(one, Fields(Run(1)).ToList());
        Assert.Equal(one, Fields(Run(2)).ToList());
        Assert.Equal(one, Fields(Run(16)).ToList());
        Assert.Equal(one, Fields(Run(16, paths: Paths().Reverse().ToArray())).ToList());
        Assert.NotEqual(one, Fields(Run(1, seed: 8)).ToList());
    }

    [Fact]
    public void Every_replicate_conserves_to_the_cent_and_no_credit_is_negative()
    {
        foreach (var result in Run(2, replicates: 100).Results)
        {
            Assert.Equal(100, result.Intervals!.Replicates);
            for (var b = 0; b < 100; b++)
            {
                Assert.Equal(result.ReplicateTotals![b], result.ReplicateValues![b].Sum());
                Assert.Equal(120.0, result.ReplicateConversions![b].Sum(), 9); // stratified: every replicate has the 120 conversions
                Assert.All(result.ReplicateConversions[b], c => Assert.True(c >= 0));
                Assert.All(result.ReplicateValues[b], v => Assert.True(v >= 0m));
            }

            foreach (var c in result.Credits)
            {
                Assert.True(c.Interval!.Lower <= c.Conversions + 1e-9 || c.Interval.Upper >= c.Conversions - 1e-9);
                Assert.True(c.Interval.Lower <= c.Interval.Upper);
                Assert.InRange(c.Interval.TopOneShare, 0, 1);
                Assert.True(c.Interval.TopThreeShare >= c.Interval.TopOneShare);
            }
        }
    }

    [Fact]
    public void Quantile_is_R_type_7()
    {
        // R: quantile(c(1, 2, 3, 4), c(0.025, 0.25, 0.975)) = 1.075 1.750 3.925
        var sorted = new[] { 1.0, 2, 3, 4 };
        Assert.Equal(1.075, AttributionBootstrap.Quantile(sorted, 0.025), 12);
        Assert.Equal(1.75, AttributionBootstrap.Quantile(sorted, 0.25), 12);
        Assert.Equal(3.925, AttributionBootstrap.Quantile(sorted, 0.975), 12);
    }

    [Fact]
    public void Difference_of_two_channels_is_the_difference_of_their_credits_with_its_interval()
    {
        var markov = Run(1, replicates: 200).For(AttributionModel.Markov);
        var difference = markov.Difference("douyin", "seo");
        Assert.Equal(markov.Find("douyin")!.Conversions - markov.Find("seo")!.Conversions, difference.Estimate, 12);
        var replicates = markov.ReplicateConversions!;
        var sample = replicates.Select(r => r[Array.IndexOf(markov.Credits.Select(c => c.Key).ToArray(), "douyin")] - r[Array.IndexOf(markov.Credits.Select(c => c.Key).ToArray(), "seo")]).OrderBy(x => x).ToArray();
        Assert.Equal(AttributionBootstrap.Quantile(sample, 0.025), difference.Lower, 12);
        Assert.Equal(AttributionBootstrap.Quantile(sample, 0.975), difference.Upper, 12);
        Assert.Equal(sample.Count(x => x > 0) / 200.0, difference.ShareFirstAhead, 12);
        Assert.Throws<InvalidOperationException>(() => AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(Paths(), Currency.CNY)).Difference("seo", "douyin"));
    }

    [Fact]
    public void Adjacent_differences_follow_the_ranking_by_credited_conversions()
    {
        var markov = Run(1, replicates: 200).For(AttributionModel.Markov);
        var ranked = markov.Ranked();
        Assert.Equal(markov.Credits.Count, ranked.Count);
        for (var i = 0; i + 1 < ranked.Count; i++)
        {
            // most credited first; equal credit in ordinal key order
            Assert.True(ranked[i].Conversions > ranked[i + 1].Conversions
                || (ranked[i].Conversions == ranked[i + 1].Conversions && string.CompareOrdinal(ranked[i].Key, ranked[i + 1].Key) < 0));
        }

        var differences = markov.AdjacentDifferences();
        Assert.Equal(ranked.Count - 1, differences.Count);
        for (var i = 0; i < differences.Count; i++)
        {
            Assert.Equal(ranked[i].Key, differences[i].First);
            Assert.Equal(ranked[i + 1].Key, differences[i].Second);
            Assert.Equal(markov.Difference(ranked[i].Key, ranked[i + 1].Key).Lower, differences[i].Lower);
            Assert.True(differences[i].Estimate >= 0);
        }

        Assert.Throws<InvalidOperationException>(() => AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(Paths(), Currency.CNY)).AdjacentDifferences());
    }

    [Fact]
    public void BCa_is_an_option_and_stays_reproducible()
    {
        var options = new AttributionOptions
        {
            Model = AttributionModel.Markov,
            Intervals = new AttributionIntervalOptions { Replicates = 100, Method = AttributionIntervalMethod.BCa },
            Scope = new AnalysisScope { MaxDegreeOfParallelism = 2 },
        };
        var a = AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(Paths(), Currency.CNY), options);
        var b = AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(Paths(), Currency.CNY), options);
        Assert.Equal(a.Credits.Select(c => (c.Interval!.Lower, c.Interval.Upper)), b.Credits.Select(c => (c.Interval!.Lower, c.Interval.Upper)));
        Assert.All(a.Credits, c => Assert.True(c.Interval!.Lower <= c.Interval.Upper));
    }

    [Fact]
    public void Model_ranges_span_the_models()
    {
        var comparison = Run(1);
        var seo = comparison.Ranges().Single(r => r.Key == "seo");
        var credits = comparison.Results.Select(r => r.Find("seo")!.Conversions).ToArray();
        Assert.Equal(credits.Min(), seo.Lowest);
        Assert.Equal(credits.Max(), seo.Highest);
        Assert.Equal(credits.Min(), comparison.For(seo.LowestModel).Find("seo")!.Conversions);
    }

    /// <summary>ChannelAttribution issues 3 and 7: simulated removal effects of small channels come out as 0 and come and go
    /// between runs. Exact solves give the tiny effect, positive, every time; a channel that never helps gets exactly 0.</summary>
    [Fact]
    public void A_tiny_removal_effect_is_never_reported_as_zero_and_a_useless_channel_gets_exactly_zero()
    {
        var result = AttributionAnalyzer.Analyze(
            AttributionJourneys.FromPaths(new[]
            {
                AggregatedPath.Parse("a", 1_000_000, nulls: 1_000_000),
                AggregatedPath.Parse("a > tiny", 1, nulls: 0),
                AggregatedPath.Parse("useless", 0, nulls: 50),
            }, Currency.CNY),
            new AttributionOptions { Model = AttributionModel.Markov, Intervals = new AttributionIntervalOptions { Replicates = 20 } });

        // Without tiny, a -> tiny (1 of 2,000,001 exits of a) goes to null: P = 1,000,000 / 2,000,001 against 1,000,001 / 2,000,001.
        Assert.Equal(1 - (1_000_000.0 / 1_000_001.0), result.Find("tiny")!.RemovalEffect!.Value, 1e-15);
        Assert.True(result.Find("tiny")!.Conversions > 0);
        Assert.Equal(0.0, result.Find("useless")!.RemovalEffect);
        Assert.Equal(0.0, result.Find("useless")!.Conversions);
        Assert.Equal(0.0, result.Find("useless")!.Interval!.Upper);
    }

    /// <summary>DP6's Markov gave negative credit from a singular matrix (issue 41). A channel that nearly only loops on itself
    /// (self-transition 1 - 1e-6 without collapsing repeats) still gives finite, non-negative, conserving credit.</summary>
    [Fact]
    public void A_near_singular_chain_gives_a_clear_non_negative_result()
    {
        var loop = Enumerable.Repeat("loop", 1_000_001).Prepend("a").ToArray();
        var result = AttributionAnalyzer.Analyze(
            AttributionJourneys.FromPaths(new[] { new AggregatedPath(loop, 1, 100m), AggregatedPath.Parse("a", 1, 50m, nulls: 1) }, Currency.CNY),
            new AttributionOptions { Model = AttributionModel.Markov, MarkovCollapseRepeats = false, Intervals = new AttributionIntervalOptions { Replicates = 20 } });

        // From a: 1/3 converts, 1/3 null, 1/3 to loop, which always converts in the end: P = 2/3 exactly, whatever the loop.
        Assert.Equal(2.0 / 3.0, result.Markov!.ConversionProbability!.Value, 1e-9);
        Assert.Equal(0.5, result.Find("loop")!.RemovalEffect!.Value, 1e-9);
        Assert.Equal(1.0, result.Find("a")!.RemovalEffect!.Value, 1e-12);
        Assert.All(result.Credits, c => Assert.True(c.Conversions >= 0 && double.IsFinite(c.Conversions) && c.Value.Amount >= 0));
        Assert.Equal(150m, result.Credits.Sum(c => c.Value.Amount));
        Assert.All(result.Credits, c => Assert.True(double.IsFinite(c.Interval!.Lower) && c.Interval.Lower >= 0));
    }

    [Fact]
    public void Options_are_validated()
    {
        var journeys = AttributionJourneys.FromPaths(Paths(), Currency.CNY);
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Intervals = new AttributionIntervalOptions { Replicates = 1 } }));
        // The level and the thread count are the shared scope's, validated as every engine validates them.
        var level = Assert.Throws<ArgumentOutOfRangeException>(() => AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Intervals = AttributionIntervalOptions.Default, Scope = new AnalysisScope { Confidence = 1 } }));
        Assert.Equal(nameof(AnalysisScope.Confidence), level.ParamName);
        var threads = Assert.Throws<ArgumentOutOfRangeException>(() => AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Intervals = AttributionIntervalOptions.Default, Scope = new AnalysisScope { MaxDegreeOfParallelism = 0 } }));
        Assert.Equal(nameof(AnalysisScope.MaxDegreeOfParallelism), threads.ParamName);
    }
}
