using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>The exact Markov model on chains small enough to solve by hand.</summary>
public class MarkovModelTests
{
    private static AttributionResult Markov(AttributionOptions options, params AggregatedPath[] paths) =>
        AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(paths, Currency.CNY), options);

    private static AttributionResult Markov(params AggregatedPath[] paths) => Markov(new AttributionOptions { Model = AttributionModel.Markov }, paths);

    [Fact]
    public void ChannelAttribution_vignette_example_gives_A_two_and_B_one_conversion()
    {
        // The three converting paths of ChannelAttribution's vignette (also in pychattr's README, where the simulation prints
        // A 1.991, B 1.009). Collapsed: A>B>A>B>A, A>B>A, A.  start->A 3;  A->B 3, A->conversion 3;  B->A 3.
        // P(conversion) = 1.  Without A nothing converts: RE_A = 1.  Without B, A converts with 3/6 and goes to B (now null)
        // with 3/6: P = 1/2, RE_B = 1/2.  Credit: A = 1 / 1.5 x 3 = 2, B = 0.5 / 1.5 x 3 = 1.
        var result = Markov(
            AggregatedPath.Parse("A > B > A > B > B > A", 1),
            AggregatedPath.Parse("A > B > B > A > A", 1),
            AggregatedPath.Parse("A > A", 1));

        Assert.Equal(1.0, result.Markov!.ConversionProbability!.Value, 1e-15);
        Assert.Equal(2.0, result.Find("A")!.Conversions, 1e-12);
        Assert.Equal(1.0, result.Find("B")!.Conversions, 1e-12);
        Assert.Equal(1.0, result.Find("A")!.RemovalEffect!.Value, 1e-15);
        Assert.Equal(0.5, result.Find("B")!.RemovalEffect!.Value, 1e-15);
    }

    [Fact]
    public void Vignette_example_without_collapsing_has_self_loops_and_the_same_removal_effects()
    {
        // A->A 2, A->B 3, A->conversion 3; B->B 2, B->A 3. Without B: from A, 2/8 stays, 3/8 converts, 3/8 goes to null:
        // P = (3/8) / (1 - 2/8) = 1/2 again.
        var result = Markov(
            new AttributionOptions { Model = AttributionModel.Markov, MarkovCollapseRepeats = false },
            AggregatedPath.Parse("A > B > A > B > B > A", 1),
            AggregatedPath.Parse("A > B > B > A > A", 1),
            AggregatedPath.Parse("A > A", 1));

        Assert.Equal(0.5, result.Find("B")!.RemovalEffect!.Value, 1e-15);
        Assert.Equal(2.0, result.Find("A")!.Conversions, 1e-12);
        var selfLoop = result.Markov!.Transitions.Single(t => t.From == "A" && t.To == "A");
        Assert.Equal(2, selfLoop.Count);
        Assert.Equal(0.25, selfLoop.Probability, 1e-15);
        Assert.False(result.Markov.CollapseRepeats);
    }

    /// <summary>
    /// <code>
    /// Q1  a        1 conversion  100.00  1 null
    /// Q2  b        1 conversion   20.00
    /// Q3  a > b    1 conversion   60.00  1 null
    /// </code>
    /// start->a 4 (Q1 2, Q3 2), start->b 1: 4/5, 1/5.  a->conversion 1, a->null 1, a->b 2: 1/4, 1/4, 1/2.
    /// b->conversion 2 (Q2, Q3), b->null 1: 2/3, 1/3.
    /// h_b = 2/3, h_a = 1/4 + 1/2 x 2/3 = 7/12, P = 4/5 x 7/12 + 1/5 x 2/3 = 3/5.
    /// Without a: P = 1/5 x 2/3 = 2/15, RE_a = 1 - (2/15)/(3/5) = 7/9.  Without b: h_a = 1/4, P = 1/5, RE_b = 2/3.
    /// Conversions (3): a = 7/9 / (13/9) x 3 = 21/13, b = 18/13.
    /// </summary>
    private static readonly AggregatedPath[] Small =
    {
        AggregatedPath.Parse("a", 1, 100.00m, 1),
        AggregatedPath.Parse("b", 1, 20.00m),
        AggregatedPath.Parse("a > b", 1, 60.00m, 1),
    };

    [Fact]
    public void Removal_effects_and_credit_by_the_simple_value_rule()
    {
        var result = Markov(Small);
        Assert.Equal(0.6, result.Markov!.ConversionProbability!.Value, 1e-15);
        Assert.Equal(7.0 / 9, result.Find("a")!.RemovalEffect!.Value, 1e-15);
        Assert.Equal(2.0 / 3, result.Find("b")!.RemovalEffect!.Value, 1e-15);

        // Value 180.00 in RE shares 7/13 and 6/13: 9692.31 and 8307.69 cents -> floors 9692 + 8307 = 17999; the leftover
        // cent goes to the larger remainder (b, .69): a 96.92, b 83.08.
        AttributionAssert.Credits(result, ("a", 21.0 / 13, 96.92m), ("b", 18.0 / 13, 83.08m));
        Assert.Equal(MarkovValueRule.RemovalEffectShare, result.Markov.ValueRule);
    }

    [Fact]
    public void Credit_by_ChannelAttributions_value_rule()
    {
        // Mean value per conversion of paths ending in each state: a 100 (Q1), b (20 + 60) / 2 = 40.
        // g_b = 2/3 x 40 = 80/3, g_a = 1/4 x 100 + 1/2 x 80/3 = 115/3, V = 4/5 x 115/3 + 1/5 x 80/3 = 36.
        // Without a: V = 1/5 x 80/3 = 16/3, RE = 1 - 16/108 = 23/27.  Without b: V = 4/5 x 25 = 20, RE = 1 - 20/36 = 12/27.
        // Value 180.00 in shares 23/35 and 12/35: 11828.57 and 6171.43 cents -> a 118.29, b 61.71.
        var result = Markov(new AttributionOptions { Model = AttributionModel.Markov, MarkovValueRule = MarkovValueRule.LastStateMeanValue }, Small);
        Assert.Equal(23.0 / 27, result.Find("a")!.ValueRemovalEffect!.Value, 1e-15);
        Assert.Equal(12.0 / 27, result.Find("b")!.ValueRemovalEffect!.Value, 1e-15);
        AttributionAssert.Credits(result, ("a", 21.0 / 13, 118.29m), ("b", 18.0 / 13, 61.71m));
    }

    [Fact]
    public void Transition_matrix_lists_counts_and_probabilities_in_canonical_order()
    {
        var transitions = Markov(Small).Markov!.Transitions.Select(t => (t.From, t.To, t.Count, t.Probability)).ToList();
        Assert.Equal(
            new[]
            {
                ("(start)", "a", 4.0, 0.8), ("(start)", "b", 1.0, 0.2),
                ("a", "b", 2.0, 0.5), ("a", "(conversion)", 1.0, 0.25), ("a", "(null)", 1.0, 0.25),
                ("b", "(conversion)", 2.0, 2.0 / 3), ("b", "(null)", 1.0, 1.0 / 3),
            },
            transitions);
    }

    [Fact]
    public void A_cycle_is_solved_exactly_rather_than_truncated()
    {
        // P1 a > b > a: 1 conversion; P2 b: 1 null; P3 a: 1 conversion, 1 null.
        // start->a 3/4, start->b 1/4; a->b 1/4, a->conversion 1/2, a->null 1/4; b->a 1/2, b->null 1/2.
        // h_a = 1/2 + 1/4 h_b, h_b = 1/2 h_a -> h_a = 4/7, h_b = 2/7; P = 3/4 x 4/7 + 1/4 x 2/7 = 1/2.
        // Without a: 0, RE_a = 1.  Without b: h_a = 1/2, P = 3/8, RE_b = 1/4.  Credit (2): a 1.6, b 0.4.
        var result = Markov(AggregatedPath.Parse("a > b > a", 1, 100m), AggregatedPath.Parse("b", 0, 0m, 1), AggregatedPath.Parse("a", 1, 60m, 1));
        Assert.Equal(0.5, result.Markov!.ConversionProbability!.Value, 1e-15);
        Assert.Equal(0.25, result.Find("b")!.RemovalEffect!.Value, 1e-15);
        AttributionAssert.Credits(result, ("a", 1.6, 128.00m), ("b", 0.4, 32.00m));
    }

    [Fact]
    public void Order_two_remembers_where_a_journey_came_from()
    {
        // a > c converts, b > c does not. Order 1: c converts half the time whatever came before, so b looks useful:
        // P = 1/2; without a or b, P = 1/4 (RE 1/2 each); without c, 0 (RE 1). Credit (1): a 1/4, b 1/4, c 1/2.
        var paths = new[] { AggregatedPath.Parse("a > c", 1), AggregatedPath.Parse("b > c", 0, 0m, 1) };
        AttributionAssert.Credits(Markov(paths), ("a", 0.25, 0m), ("b", 0.25, 0m), ("c", 0.5, 0m));

        // Order 2: states (a, c) -> conversion and (b, c) -> null. Without a or c: 0 (RE 1); without b: 1/2 (RE 0).
        var second = Markov(new AttributionOptions { Model = AttributionModel.Markov, MarkovOrder = 2 }, paths);
        AttributionAssert.Credits(second, ("a", 0.5, 0m), ("b", 0, 0m), ("c", 0.5, 0m));
        Assert.Equal(new[] { "(start)", "(start)", "a > c", "b > c" }, second.Markov!.Transitions.Select(t => t.From));
        Assert.Equal(2, second.Markov.Order);
    }

    [Fact]
    public void Non_converting_paths_can_be_left_out()
    {
        // Without nulls only a > c remains: start->a->c->conversion. RE a = RE c = 1, b does not occur in the chain (RE 0).
        var result = Markov(
            new AttributionOptions { Model = AttributionModel.Markov, MarkovUseNonConvertingPaths = false },
            AggregatedPath.Parse("a > c", 1), AggregatedPath.Parse("b > c", 0, 0m, 1));
        AttributionAssert.Credits(result, ("a", 0.5, 0m), ("b", 0, 0m), ("c", 0.5, 0m));
        Assert.Equal(0, result.Find("b")!.RemovalEffect);
        Assert.Equal(1.0, result.Markov!.ConversionProbability!.Value, 1e-15);
    }

    [Fact]
    public void Without_conversions_removal_effects_are_undefined_and_credit_is_zero()
    {
        var result = Markov(AggregatedPath.Parse("a > b", 0, 0m, 3));
        Assert.Equal(0.0, result.Markov!.ConversionProbability);
        Assert.All(result.Credits, c =>
        {
            Assert.Null(c.RemovalEffect);
            Assert.Equal(0, c.Conversions);
        });
    }

    [Fact]
    public void No_journeys_no_chain()
    {
        var result = AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(Array.Empty<AggregatedPath>(), Currency.CNY));
        Assert.Empty(result.Credits);
        Assert.Null(result.Markov!.ConversionProbability);
        Assert.Empty(result.Markov.Transitions);
        Assert.Equal(0, result.TotalConversions);
    }
}
