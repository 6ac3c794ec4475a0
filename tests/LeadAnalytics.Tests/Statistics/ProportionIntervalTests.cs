using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

public class ProportionIntervalTests
{
    // Wilson by hand: z = 1.959963984540054, n = 500, p = 0.08.
    // centre = (p + z²/2n) / (1 + z²/n); half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
    [Fact]
    public void Wilson_matches_the_closed_form()
    {
        const double z = 1.959963984540054;
        double n = 500, p = 0.08, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        var (lower, upper) = ProportionIntervals.Wilson(40, 500);
        Assert.Equal(centre - half, lower, 12);
        Assert.Equal(centre + half, upper, 12);
        // statsmodels proportion_confint(40, 500, method="wilson") and R prop.test(40, 500, correct = FALSE)$conf.int
        // both print (0.05929812940985259, 0.10710631657785132).
        Assert.Equal(0.05929812940985259, lower, 14);
        Assert.Equal(0.10710631657785132, upper, 14);
    }

    [Fact]
    public void Wilson_is_exact_at_the_boundaries()
    {
        var (l0, u0) = ProportionIntervals.Wilson(0, 10);
        Assert.Equal(0.0, l0);
        Assert.Equal(3.8414588206941254 / (10 + 3.8414588206941254), u0, 12); // z²/(n+z²)
        var (l1, u1) = ProportionIntervals.Wilson(10, 10);
        Assert.Equal(1.0, u1);
        Assert.Equal(10 / (10 + 3.8414588206941254), l1, 12);
    }

    [Property]
    public Property Wilson_contains_the_estimate_and_stays_in_the_unit_interval() =>
        Prop.ForAll(Arb.From(from n in Gen.Choose(1, 100_000) from k in Gen.Choose(0, n) select (k, n)), t =>
        {
            var (lower, upper) = ProportionIntervals.Wilson(t.k, t.n);
            var p = (double)t.k / t.n;
            return lower >= 0 && upper <= 1 && lower <= p + 1e-15 && p <= upper + 1e-15;
        });

    [Fact]
    public void A_zero_denominator_gives_an_undefined_rate_not_NaN()
    {
        var rate = new Rate(0, 0);
        Assert.False(rate.IsDefined);
        Assert.Null(rate.Value);
        Assert.Null(rate.Lower);
        Assert.Equal("undefined (0/0)", rate.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Wilson(1, 2, 1.0));
    }

    [Fact]
    public void A_rate_formats_with_its_interval() =>
        Assert.Equal("8.0% [5.9%, 10.7%] (40/500)", new Rate(40, 500).ToString().Replace(" %", "%", StringComparison.Ordinal));
}
