using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

// Edges the golden tables did not reach (found by mutation testing, docs/mutation-testing.md): tiny probabilities that must
// keep their relative precision, a large Fisher table, a 3 x 3 chi-square, boundaries of the significance level and of the
// automatic test choice. Reference numbers: TestData/Statistics/numerical_edges.R (R 4.x) and numerical_edges.py (exact
// rational arithmetic and mpmath); the rest is hand calculation, written beside each assertion.
public class NumericalEdgeTests
{
    private static void Relative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Tiny_lower_limits_keep_their_relative_precision()
    {
        // Solving in the lower tail keeps the digits of a limit near 0; through 1 - Solve(0.975, ...) only 1e-16 absolute
        // would be left, 1e-9 relative here. mpmath 4.90911694794441072e-7, R qbeta(0.025, 0.5, 1000.5) 4.909116947944413e-7.
        Relative(4.909116947944411e-7, ProportionIntervals.Jeffreys(0, 1000).Lower, 1e-12);
        // One success in a million: I_x(1, n) = 1 - (1 - x)^n, so x = -expm1(log1p(-0.025) / n) = 2.5317807663794177544e-8.
        // MathNet's incomplete beta at b = 1e6 holds about 4e-11 relative, so that is the tolerance here (a limit through the
        // upper tail would be off by 4e-9).
        Relative(2.5317807663794177544e-8, ProportionIntervals.ClopperPearson(1, 1_000_000).Lower, 1e-10);
    }

    [Fact]
    public void Wilson_upper_limit_is_exactly_one_when_every_trial_succeeds()
    {
        for (var n = 1; n <= 200; n++)
        {
            Assert.Equal(1.0, ProportionIntervals.Wilson(n, n).Upper);
            Assert.Equal(0.0, ProportionIntervals.Wilson(0, n).Lower);
        }
    }

    [Fact]
    public void Bayesian_probability_keeps_its_relative_precision_when_tiny()
    {
        // Exact rational sums of Evan Miller's closed form (numerical_edges.py). The first has more successes in the first
        // group yet a tiny probability, so the complement shortcut must not be taken below 1,000 successes; the second has more
        // than 1,000 successes in the first group and fewer than the second, so the direct series must be summed.
        Relative(2.6373214601388978147e-15, BayesianProportions.ProbabilityGreater(10, 10000, 5, 10), 1e-12);
        Relative(6.2177041683884315805e-23, BayesianProportions.ProbabilityGreater(1001, 1100, 1200, 1210), 1e-9);
        Relative(2.931886970374149834503e-18, BayesianProportions.ProbabilityGreater(1, 100, 50, 100), 1e-12);
    }

    [Fact]
    public void Fisher_on_a_large_table_matches_R()
    {
        // Starting the density recursion anywhere but near the mode overflows on 20,000 leads.
        // R: fisher.test(matrix(c(5000, 4900, 5000, 5100), 2))$p.value = 0.16146929150845807.
        var r = ProportionTests.FisherExact(5000, 5000, 4900, 5100);
        Relative(0.16146929150845807, r.PValue!.Value, 1e-9);
    }

    [Fact]
    public void Chi_square_on_a_three_by_three_table_by_hand()
    {
        // Diagonal 10s: every expected count is 10 x 10 / 30 = 10/3. Diagonal cells (20/3)² / (10/3) = 40/3, three of them: 40;
        // the six zeros (10/3)² / (10/3) = 10/3 each: 20. Chi-square 60 on (3 - 1)(3 - 1) = 4 degrees of freedom, and for 4
        // degrees of freedom P(X >= x) = e^(-x/2) (1 + x/2) = 31 e^-30 (R: chisq.test(diag(10, 3))$p.value = 2.9008631203404654e-12).
        long[][] table = { new long[] { 10, 0, 0 }, new long[] { 0, 10, 0 }, new long[] { 0, 0, 10 } };
        var r = ProportionTests.ChiSquareIndependence(table);
        Assert.Equal("chi-square independence", r.Test);
        Assert.Equal(60.0, r.Statistic!.Value, 12);
        Assert.Equal(4.0, r.DegreesOfFreedom);
        Relative(31 * Math.Exp(-30), r.PValue!.Value, 1e-12);
        Assert.Equal("chi-square independence", ProportionTests.ChiSquareIndependence(table, yates: true).Test); // 2 x 2 only
    }

    [Fact]
    public void A_chi_square_of_zero_has_p_value_one()
    {
        // Identical rows: every observed count equals its expected count.
        var r = ProportionTests.ChiSquareIndependence(new[] { new long[] { 5, 5 }, new long[] { 5, 5 } });
        Assert.Equal(0.0, r.Statistic);
        Assert.Equal(1.0, r.PValue);
    }

    [Fact]
    public void Undefined_two_proportion_z_keeps_its_name()
    {
        var r = ProportionTests.TwoProportionZ(0, 10, 0, 20);
        Assert.Equal("two-proportion z", r.Test);
    }

    [Fact]
    public void Auto_uses_z_when_the_smallest_expected_count_is_exactly_five()
    {
        // 10 and 10 trials, 10 won and 10 lost in all: smallest expected count 10 x 10 / 20 = 5, not below 5.
        Assert.Equal("two-proportion z", ProportionTests.Compare(3, 10, 7, 10, ProportionTestMethod.Auto).Test);
        // One more trial in the second group, one fewer win: 10 x 9 / 21 = 4.29 < 5.
        Assert.Equal("Fisher exact", ProportionTests.Compare(3, 10, 6, 11, ProportionTestMethod.Auto).Test);
    }

    [Fact]
    public void Significance_is_strictly_below_the_level()
    {
        Assert.False(new HypothesisTestResult("t", 1.0, null, 0.05).IsSignificant(0.05));
        Assert.True(new HypothesisTestResult("t", 1.0, null, 0.0499).IsSignificant(0.05));
        Assert.False(new HypothesisTestResult("t", null, null, null).IsSignificant());
        var versus = new SegmentVersusRest(1, 2, 3, 4, null, 0.05, null);
        Assert.False(versus.IsSignificant(0.05));
        Assert.True(versus.IsSignificant(0.06));
    }

    [Fact]
    public void A_test_result_describes_itself()
    {
        Assert.Equal("chi-square independence: statistic 1.5, df 2, p 0.25", new HypothesisTestResult("chi-square independence", 1.5, 2, 0.25).ToString());
    }

    [Fact]
    public void Segment_versus_rest_rates_are_undefined_without_trials()
    {
        var r = new SegmentVersusRest(3, 4, 1, 8, null, null, null);
        Assert.Equal(0.75, r.Rate);
        Assert.Equal(0.125, r.RestRate);
        var empty = new SegmentVersusRest(0, 0, 0, 0, null, null, null);
        Assert.Null(empty.Rate);
        Assert.Null(empty.RestRate);
    }

    [Fact]
    public void An_untested_segment_has_no_probability_above_the_rest()
    {
        // The empty segment is not tested, so it has no Bayesian probability either; the other is the whole population.
        var r = ProportionTests.EachVersusRest(new long[] { 0, 4 }, new long[] { 0, 10 }, 4, 10);
        Assert.All(r, s => Assert.Null(s.Test));
        Assert.All(r, s => Assert.Null(s.ProbabilityAboveRest));
    }

    [Fact]
    public void Each_versus_rest_reports_the_rest_of_the_population()
    {
        // 40 leads of 100: the rest is 60 leads, 15 - 6 = 9 won.
        var r = ProportionTests.EachVersusRest(new long[] { 6 }, new long[] { 40 }, 15, 100)[0];
        Assert.Equal(9, r.RestSuccesses);
        Assert.Equal(60, r.RestTrials);
        Assert.Equal(BayesianProportions.ProbabilityGreater(6, 40, 9, 60), r.ProbabilityAboveRest);
    }

    [Fact]
    public void Every_trial_a_success_is_a_valid_group()
    {
        // 5 of 5 against 1 of 5: pooled 6/10, se = sqrt(0.6 x 0.4 x 2/5) = sqrt(0.096), z = 0.8 / sqrt(0.096).
        Assert.Equal(0.8 / Math.Sqrt(0.096), ProportionTests.TwoProportionZ(5, 5, 1, 5).Statistic!.Value, 12);
    }

    [Fact]
    public void Trend_over_two_groups_by_hand()
    {
        // 2/10 then 8/10 with scores 0 and 1: p = 1/2, mean score 1/2, spread 10 (1/4) + 10 (1/4) = 5,
        // covariance 2 (-1/2) + 8 (1/2) = 3, z = 3 / sqrt(1/4 x 5) = 2.6832815729997476; R prop.trend.test X-squared 7.2 = z².
        var r = TrendTests.CochranArmitage(new long[] { 2, 8 }, new long[] { 10, 10 });
        Assert.Equal(2.6832815729997476, r.Statistic!.Value, 13);
    }

    [Fact]
    public void Quantile_at_an_exact_position_does_not_interpolate_towards_infinity()
    {
        // R7 at p = 1/2 of three values is position 2 exactly: the middle value, whatever comes after it.
        Assert.Equal(2.0, Quantiles.OfSorted(new[] { 1.0, 2.0, double.PositiveInfinity }, 0.5));
        Assert.Equal(2.0, Quantiles.Of(new[] { double.PositiveInfinity, 2.0, 1.0 }, 0.5));
    }
}
