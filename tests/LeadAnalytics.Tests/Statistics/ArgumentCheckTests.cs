using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

// Every public entry of the Statistics folder refuses out-of-range input with the parameter's name and a message that says
// what is allowed (mutation testing, docs/mutation-testing.md, found these checks unasserted). Each case is chosen so
// that only the check under test can reject it: a count below zero that is still below the trials, a table whose
// bad row would otherwise be dropped, and so on.
public class ArgumentCheckTests
{
    [Fact]
    public void Rate_refuses_counts_out_of_range()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(0, -1));
        Assert.Equal("denominator", negative.ParamName);
        Assert.Contains("must not be negative", negative.Message, StringComparison.Ordinal);
        Assert.Equal("numerator", Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(-1, 5)).ParamName);
        var above = Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(6, 5));
        Assert.Equal("numerator", above.ParamName);
        Assert.Contains("between 0 and the denominator (5)", above.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_is_defined_exactly_when_it_has_a_denominator()
    {
        Assert.False(new Rate(0, 0).IsDefined);
        Assert.True(new Rate(0, 1).IsDefined);
    }

    [Fact]
    public void Rates_are_equal_only_when_every_part_is()
    {
        var rate = new Rate(1, 2);
        Assert.Equal(new Rate(1, 2), rate);
        Assert.NotEqual(new Rate(2, 2), rate);
        Assert.NotEqual(new Rate(1, 3), rate);
        Assert.NotEqual(new Rate(1, 2, 0.9), rate);
        Assert.NotEqual(new Rate(1, 2, method: ProportionIntervalMethod.Jeffreys), rate);
        Assert.False(rate.Equals((Rate?)null));
    }

    [Fact]
    public void Intervals_refuse_counts_and_levels_out_of_range()
    {
        foreach (var interval in new Func<long, long, double, (double, double)>[]
                 { ProportionIntervals.Wilson, ProportionIntervals.ClopperPearson, ProportionIntervals.Jeffreys })
        {
            var none = Assert.Throws<ArgumentOutOfRangeException>(() => interval(0, 0, 0.95));
            Assert.Equal("trials", none.ParamName);
            Assert.Contains("at least one trial", none.Message, StringComparison.Ordinal);
            var below = Assert.Throws<ArgumentOutOfRangeException>(() => interval(-1, 5, 0.95));
            Assert.Equal("successes", below.ParamName);
            Assert.Contains("between 0 and the number of trials", below.Message, StringComparison.Ordinal);
            Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => interval(6, 5, 0.95)).ParamName);
            var level = Assert.Throws<ArgumentOutOfRangeException>(() => interval(1, 5, 0));
            Assert.Equal("confidence", level.ParamName);
            Assert.Contains("strictly between 0 and 1", level.Message, StringComparison.Ordinal);
            Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => interval(1, 5, 1)).ParamName);
        }

        var method = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Compute(1, 5, 0.95, (ProportionIntervalMethod)99));
        Assert.Equal("method", method.ParamName);
        Assert.Contains("Unknown interval method", method.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_proportion_tests_refuse_counts_out_of_range_naming_the_group()
    {
        // Chi-square with Yates would drop an empty row and answer "undefined": only the count check can refuse it.
        var first = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.Compare(0, 0, 1, 5, ProportionTestMethod.ChiSquareYates));
        Assert.Equal("successes1", first.ParamName);
        Assert.Contains("must lie between 0 and trials (0), and trials must be above zero", first.Message, StringComparison.Ordinal);
        Assert.Equal("successes2", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.Compare(1, 5, 0, 0, ProportionTestMethod.ChiSquareYates)).ParamName);

        // Without the check a zero trial count would give an infinite standard error, not an exception.
        Assert.Equal("successes1", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.TwoProportionZ(0, 0, 1, 5)).ParamName);
        Assert.Equal("successes2", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.TwoProportionZ(1, 5, 0, 0)).ParamName);
        Assert.Equal("successes1", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.TwoProportionZ(-1, 5, 1, 5)).ParamName);
        Assert.Equal("successes1", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.TwoProportionZ(6, 5, 1, 5)).ParamName);

        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.Compare(1, 5, 1, 5, (ProportionTestMethod)99));
        Assert.Equal("method", unknown.ParamName);
        Assert.Contains("Unknown test", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fisher_refuses_each_negative_count()
    {
        foreach (var counts in new[] { new long[] { -1, 1, 1, 1 }, new long[] { 1, -1, 1, 1 }, new long[] { 1, 1, -1, 1 }, new long[] { 1, 1, 1, -1 } })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTests.FisherExact(counts[0], counts[1], counts[2], counts[3]));
            Assert.Contains("must not be negative", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chi_square_refuses_a_missing_ragged_or_negative_table()
    {
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => ProportionTests.ChiSquareIndependence(null!)).ParamName);
        var ragged = Assert.Throws<ArgumentException>(() => ProportionTests.ChiSquareIndependence(new[] { new long[] { 1, 2 }, new long[] { 3 } }));
        Assert.Equal("table", ragged.ParamName);
        Assert.Contains("same number of columns", ragged.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => ProportionTests.ChiSquareIndependence(new[] { new long[] { 1, 2 }, new long[] { 3, -1 } }));
        Assert.Contains("row 1, column 1 is negative", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_versus_rest_refuses_missing_mismatched_or_impossible_segments()
    {
        long[] five = { 1 };
        Assert.Equal("successes", Assert.Throws<ArgumentNullException>(() => ProportionTests.EachVersusRest(null!, five, 1, 10)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentNullException>(() => ProportionTests.EachVersusRest(five, null!, 1, 10)).ParamName);
        var lengths = Assert.Throws<ArgumentException>(() => ProportionTests.EachVersusRest(new long[] { 1, 2 }, new long[] { 5 }, 3, 10));
        Assert.Equal("trials", lengths.ParamName);
        Assert.Contains("One trial count per segment", lengths.Message, StringComparison.Ordinal);
        // 6 won of 5 leads, while the rest (4 of 15) is possible: only the segment's own bound refuses it.
        var above = Assert.Throws<ArgumentException>(() => ProportionTests.EachVersusRest(new long[] { 6 }, new long[] { 5 }, 10, 20));
        Assert.Equal("successes", above.ParamName);
        Assert.Contains("Segment 0 (6/5) does not fit in the population (10/20)", above.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ProportionTests.EachVersusRest(new long[] { -1 }, new long[] { 5 }, 3, 20));
    }

    [Fact]
    public void Bayesian_comparison_refuses_counts_out_of_range_naming_the_group()
    {
        var below = Assert.Throws<ArgumentOutOfRangeException>(() => BayesianProportions.ProbabilityGreater(-1, 5, 0, 5));
        Assert.Equal("successes1", below.ParamName);
        Assert.Contains("Successes (-1) must lie between 0 and trials (5).", below.Message, StringComparison.Ordinal);
        Assert.Equal("successes2", Assert.Throws<ArgumentOutOfRangeException>(() => BayesianProportions.ProbabilityGreater(1, 5, 3, 2)).ParamName);
        Assert.Equal("successes2", Assert.Throws<ArgumentOutOfRangeException>(() => BayesianProportions.ProbabilityGreater(1, 5, -1, 2)).ParamName);
    }

    [Fact]
    public void One_proportion_test_refuses_counts_and_hypotheses_out_of_range()
    {
        var below = Assert.Throws<ArgumentOutOfRangeException>(() => OneProportionTests.ScoreZ(-1, 5, 0.5));
        Assert.Equal("successes", below.ParamName);
        Assert.Contains("Successes (-1) must lie between 0 and trials (5).", below.Message, StringComparison.Ordinal);
        var p0 = Assert.Throws<ArgumentOutOfRangeException>(() => OneProportionTests.ScoreZ(1, 5, 1.5));
        Assert.Equal("hypothesized", p0.ParamName);
        Assert.Contains("lies in [0, 1]", p0.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_test_refuses_missing_mismatched_or_impossible_groups()
    {
        long[] two = { 1, 2 };
        Assert.Equal("successes", Assert.Throws<ArgumentNullException>(() => TrendTests.CochranArmitage(null!, two)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentNullException>(() => TrendTests.CochranArmitage(two, null!)).ParamName);
        var lengths = Assert.Throws<ArgumentException>(() => TrendTests.CochranArmitage(two, new long[] { 5 }));
        Assert.Contains("one entry per group", lengths.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => TrendTests.CochranArmitage(new long[] { 1, -1 }, new long[] { 5, 5 }));
        Assert.Equal("successes", negative.ParamName);
        Assert.Contains("Group 1: successes (-1) must lie between 0 and trials (5).", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TrendTests.CochranArmitage(new long[] { 1, 6 }, new long[] { 5, 5 }));
    }

    [Fact]
    public void Holm_refuses_a_missing_list_and_p_values_outside_zero_to_one()
    {
        Assert.Equal("pValues", Assert.Throws<ArgumentNullException>(() => MultipleComparisons.Holm(null!)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm(new double?[] { 0.5, 1.5 }));
        Assert.Contains("p-value 1 must lie in [0, 1].", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantiles_refuse_missing_data_probabilities_outside_zero_to_one_and_unknown_methods()
    {
        Assert.Equal("sorted", Assert.Throws<ArgumentNullException>(() => Quantiles.OfSorted(null!, 0.5)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Quantiles.Of(null!, 0.5)).ParamName);
        var p = Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfSorted(new[] { 1.0 }, 1.5));
        Assert.Equal("p", p.ParamName);
        Assert.Contains("must lie in [0, 1]", p.Message, StringComparison.Ordinal);
        var method = Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfSorted(new[] { 1.0, 2.0 }, 0.5, (QuantileMethod)99));
        Assert.Equal("method", method.ParamName);
        Assert.Contains("Unknown quantile method", method.Message, StringComparison.Ordinal);
    }
}
