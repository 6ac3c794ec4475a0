using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

// Reference values: TestData/Statistics/one_proportion_and_trend.R (R prop.test and prop.trend.test).
public class OneProportionAndTrendTests
{
    [Theory]
    [InlineData(360, 900, 0.25, 108.0, 2.6877817946493766e-25, 1)]
    [InlineData(12, 50, 0.3, 0.8571428571428571, 0.35453947977350136, -1)]
    [InlineData(0, 20, 0.1, 2.2222222222222223, 0.13603712811414478, -1)]
    public void Score_z_matches_R_prop_test(long x, long n, double p0, double chiSquare, double p, int sign)
    {
        var r = OneProportionTests.ScoreZ(x, n, p0);
        Assert.Equal(chiSquare, r.Statistic!.Value * r.Statistic.Value, 10);
        Assert.Equal(sign, Math.Sign(r.Statistic.Value));
        Assert.Equal(p, r.PValue!.Value, 1e-12 * Math.Max(p, 1e-300) + 1e-15);
    }

    [Fact]
    public void Score_z_rejects_exactly_when_the_target_is_outside_the_Wilson_interval()
    {
        // Wilson 95% of 12/50 is [0.14297, 0.37413] (R).
        var (lower, upper) = ProportionIntervals.Wilson(12, 50);
        Assert.Equal(0.14297391396991729, lower, 12);
        Assert.Equal(0.37412683757942922, upper, 12);
        Assert.False(OneProportionTests.ScoreZ(12, 50, lower + 1e-6).IsSignificant());
        Assert.True(OneProportionTests.ScoreZ(12, 50, lower - 1e-6).IsSignificant());
        Assert.False(OneProportionTests.ScoreZ(12, 50, upper - 1e-6).IsSignificant());
        Assert.True(OneProportionTests.ScoreZ(12, 50, upper + 1e-6).IsSignificant());
    }

    [Fact]
    public void Score_z_is_undefined_without_trials_or_variance()
    {
        Assert.Null(OneProportionTests.ScoreZ(0, 0, 0.5).PValue);
        Assert.Null(OneProportionTests.ScoreZ(3, 10, 0).Statistic);
        Assert.Null(OneProportionTests.ScoreZ(3, 10, 1).Statistic);
        Assert.Throws<ArgumentOutOfRangeException>(() => OneProportionTests.ScoreZ(11, 10, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => OneProportionTests.ScoreZ(1, 10, 1.5));
    }

    [Fact]
    public void Cochran_Armitage_matches_R_prop_trend_test()
    {
        var falling = TrendTests.CochranArmitage(new long[] { 15, 10, 8, 3 }, new long[] { 30, 30, 30, 30 });
        Assert.Equal(11.460317460317453, falling.Statistic!.Value * falling.Statistic.Value, 10);
        Assert.True(falling.Statistic < 0);
        Assert.Equal(0.00071098153195313027, falling.PValue!.Value, 14);

        var rising = TrendTests.CochranArmitage(new long[] { 5, 9, 14, 20 }, new long[] { 40, 41, 43, 45 }, new double[] { 0, 1, 3, 4 });
        Assert.Equal(11.598478302067692, rising.Statistic!.Value * rising.Statistic.Value, 10);
        Assert.True(rising.Statistic > 0);
        Assert.Equal(0.00066005805350249133, rising.PValue!.Value, 14);
    }

    [Fact]
    public void Cochran_Armitage_ignores_empty_groups_and_is_undefined_without_variation()
    {
        var withGap = TrendTests.CochranArmitage(new long[] { 15, 0, 10, 8, 3 }, new long[] { 30, 0, 30, 30, 30 }, new double[] { 0, 9, 1, 2, 3 });
        Assert.Equal(11.460317460317453, withGap.Statistic!.Value * withGap.Statistic.Value, 10);
        Assert.Null(TrendTests.CochranArmitage(new long[] { 3 }, new long[] { 10 }).PValue);
        Assert.Null(TrendTests.CochranArmitage(new long[] { 0, 0 }, new long[] { 10, 12 }).PValue);
        Assert.Throws<ArgumentException>(() => TrendTests.CochranArmitage(new long[] { 1 }, new long[] { 1, 2 }));
    }
}
