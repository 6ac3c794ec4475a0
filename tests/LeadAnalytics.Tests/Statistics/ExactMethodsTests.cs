using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

// Laws and hand-checkable cases for Clopper-Pearson, Jeffreys, Fisher, Holm and the Bayesian comparison; the values
// against R and statsmodels are in GoldenStatisticsTests.
public class ExactMethodsTests
{
    private static readonly Arbitrary<(int k, int n)> Counts =
        Arb.From(from n in Gen.Choose(1, 5_000) from k in Gen.Choose(0, n) select (k, n));

    [Fact]
    public void Clopper_Pearson_has_closed_forms_at_the_edges()
    {
        // x = 0: upper = 1 - (α/2)^(1/n); x = n: lower = (α/2)^(1/n); one trial, one success: lower = α/2.
        var (l0, u0) = ProportionIntervals.ClopperPearson(0, 10);
        Assert.Equal(0.0, l0);
        Assert.Equal(1 - Math.Pow(0.025, 0.1), u0, 13);
        var (l1, u1) = ProportionIntervals.ClopperPearson(10, 10);
        Assert.Equal(Math.Pow(0.025, 0.1), l1, 13);
        Assert.Equal(1.0, u1);
        Assert.Equal(0.025, ProportionIntervals.ClopperPearson(1, 1).Lower, 14);
    }

    [Fact]
    public void Jeffreys_applies_no_boundary_fix()
    {
        var (lower, upper) = ProportionIntervals.Jeffreys(0, 10);
        Assert.True(lower > 0); // Brown-Cai-DasGupta would set 0 here; statsmodels and R's qbeta do not.
        Assert.True(upper < 1);
        Assert.True(ProportionIntervals.Jeffreys(10, 10).Upper < 1);
    }

    [Property]
    public Property Jeffreys_lies_inside_Clopper_Pearson_and_both_contain_the_estimate() =>
        Prop.ForAll(Counts, t =>
        {
            var cp = ProportionIntervals.ClopperPearson(t.k, t.n);
            var j = ProportionIntervals.Jeffreys(t.k, t.n);
            var p = (double)t.k / t.n;
            return cp.Lower <= j.Lower + 1e-12 && j.Upper <= cp.Upper + 1e-12
                && cp.Lower <= p && p <= cp.Upper && cp.Lower >= 0 && cp.Upper <= 1;
        });

    [Property]
    public Property Intervals_are_mirror_images_under_swapping_successes_and_failures() =>
        Prop.ForAll(Counts, t =>
        {
            var a = ProportionIntervals.ClopperPearson(t.k, t.n);
            var b = ProportionIntervals.ClopperPearson(t.n - t.k, t.n);
            var c = ProportionIntervals.Jeffreys(t.k, t.n);
            var d = ProportionIntervals.Jeffreys(t.n - t.k, t.n);
            return Math.Abs(a.Lower - (1 - b.Upper)) < 1e-12 && Math.Abs(c.Upper - (1 - d.Lower)) < 1e-12;
        });

    [Fact]
    public void Rate_uses_the_chosen_interval_method()
    {
        var rate = new Rate(40, 500, method: ProportionIntervalMethod.ClopperPearson);
        Assert.Equal(ProportionIntervals.ClopperPearson(40, 500).Lower, rate.Lower);
        Assert.Equal(ProportionIntervals.Jeffreys(40, 500).Upper, new Rate(40, 500, method: ProportionIntervalMethod.Jeffreys).Upper);
    }

    [Fact]
    public void Fisher_by_hand_for_a_small_table()
    {
        // [[3, 1], [1, 3]]: margins 4/4/4/4; P(a) = C(4,a)C(4,4-a)/C(8,4) = 1, 16, 36, 16, 1 over 70.
        // Tables no more likely than a = 3 (16/70): a = 0, 1, 3, 4 -> (1 + 16 + 16 + 1) / 70.
        var r = ProportionTests.FisherExact(3, 1, 1, 3);
        Assert.Equal(34.0 / 70, r.PValue!.Value, 14);
        Assert.Null(r.Statistic);
        Assert.Equal("Fisher exact", r.Test);
    }

    [Property]
    public Property Fisher_is_symmetric_in_rows_and_columns() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 40), 4)), c =>
        {
            var p = ProportionTests.FisherExact(c[0], c[1], c[2], c[3]).PValue!.Value;
            var rows = ProportionTests.FisherExact(c[2], c[3], c[0], c[1]).PValue!.Value;
            var transposed = ProportionTests.FisherExact(c[0], c[2], c[1], c[3]).PValue!.Value;
            return Math.Abs(p - rows) < 1e-12 && Math.Abs(p - transposed) < 1e-12 && p > 0 && p <= 1;
        });

    [Fact]
    public void Holm_by_hand()
    {
        // sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06.
        var adjusted = MultipleComparisons.Holm(new double?[] { 0.01, 0.04, 0.03, 0.005 });
        Assert.Equal(new double?[] { 0.03, 0.06, 0.06, 0.02 }, adjusted.Select(p => p is { } v ? Math.Round(v, 12) : (double?)null));
        Assert.Equal(new double?[] { 0.04, null, 0.5, 0.003 }, MultipleComparisons.Holm(new double?[] { 0.02, null, 0.5, 0.001 }).Select(p => p is { } v ? Math.Round(v, 12) : (double?)null));
        Assert.Empty(MultipleComparisons.Holm(Array.Empty<double?>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm(new double?[] { 1.5 }));
    }

    [Property]
    public Property Holm_never_lowers_a_p_value_and_keeps_their_order() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 1000).Select(i => (double?)(i / 1000.0)))), ps =>
        {
            var adjusted = MultipleComparisons.Holm(ps);
            for (var i = 0; i < ps.Length; i++)
            {
                if (adjusted[i] < ps[i] || adjusted[i] > 1)
                {
                    return false;
                }

                for (var j = 0; j < ps.Length; j++)
                {
                    if (ps[i] < ps[j] && adjusted[i] > adjusted[j])
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Fact]
    public void Bayesian_probability_by_hand()
    {
        // No data: both posteriors uniform, P = 1/2. One success in one trial vs none: Beta(2,1) vs Beta(1,1),
        // P(p1 > p2) = ∫ 2p · p dp = 2/3. One failure vs none: Beta(1,2) vs Beta(1,1): ∫ 2(1-p) p dp = 1/3.
        Assert.Equal(0.5, BayesianProportions.ProbabilityGreater(0, 0, 0, 0), 15);
        Assert.Equal(2.0 / 3, BayesianProportions.ProbabilityGreater(1, 1, 0, 0), 14);
        Assert.Equal(1.0 / 3, BayesianProportions.ProbabilityGreater(0, 1, 0, 0), 14);
        Assert.Throws<ArgumentOutOfRangeException>(() => BayesianProportions.ProbabilityGreater(3, 2, 0, 0));
    }

    [Property]
    public Property Bayesian_probabilities_of_the_two_orders_sum_to_one() =>
        Prop.ForAll(Arb.From(from n1 in Gen.Choose(0, 400) from s1 in Gen.Choose(0, n1) from n2 in Gen.Choose(0, 400) from s2 in Gen.Choose(0, n2) select (s1, n1, s2, n2)), t =>
        {
            var forward = BayesianProportions.ProbabilityGreater(t.s1, t.n1, t.s2, t.n2);
            var backward = BayesianProportions.ProbabilityGreater(t.s2, t.n2, t.s1, t.n1);
            return Math.Abs(forward + backward - 1) < 1e-11 && forward >= 0 && forward <= 1;
        });

    [Fact]
    public void Each_versus_rest_skips_untestable_segments_and_counts_only_tested_ones_in_Holm()
    {
        // Segment 2 is empty and segment 3 is the whole population of its own (rest empty) in a second call.
        var r = ProportionTests.EachVersusRest(new long[] { 40, 30, 0 }, new long[] { 500, 200, 0 }, 70, 700, ProportionTestMethod.TwoProportionZ);
        Assert.Null(r[2].Test);
        Assert.Null(r[2].AdjustedPValue);
        // Two tests: Holm multiplies the smaller p by 2, and segment 0 vs rest is segment 1 vs rest mirrored.
        Assert.Equal(r[0].Test!.PValue!.Value, r[1].Test!.PValue!.Value, 14);
        Assert.Equal(Math.Min(1, 2 * r[0].Test!.PValue!.Value), r[0].AdjustedPValue!.Value, 14);
        Assert.Equal(ProportionTests.TwoProportionZ(40, 500, 30, 200).PValue!.Value, r[0].Test!.PValue!.Value, 14);
        Assert.True(r[1].ProbabilityAboveRest > 0.99);
        var whole = ProportionTests.EachVersusRest(new long[] { 5 }, new long[] { 10 }, 5, 10);
        Assert.Null(whole[0].Test);
        Assert.Throws<ArgumentException>(() => ProportionTests.EachVersusRest(new long[] { 5 }, new long[] { 10 }, 4, 10));
    }

    [Fact]
    public void Auto_picks_Fisher_only_for_small_expected_counts()
    {
        Assert.Equal("Fisher exact", ProportionTests.Compare(2, 10, 95, 1000, ProportionTestMethod.Auto).Test);
        Assert.Equal("two-proportion z", ProportionTests.Compare(40, 500, 30, 200, ProportionTestMethod.Auto).Test);
        Assert.Equal("chi-square independence (Yates)", ProportionTests.Compare(40, 500, 30, 200, ProportionTestMethod.ChiSquareYates).Test);
    }
}
