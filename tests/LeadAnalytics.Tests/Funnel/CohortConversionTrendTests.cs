using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Funnel;

/// <summary>The trend of conversion across cohorts reads "falling" only when conversion falls, not when the recent cohorts
/// are younger (issue 20: "worse" or only "younger"?).</summary>
public class CohortConversionTrendTests
{
    private static readonly DateTimeOffset Start = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public CohortConversionTrendTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    // Twelve monthly cohorts of 300 leads acquired uniformly in the month; each lead is won after an exponential time with
    // rate wonRate(cohort) per day or lost after one with rate 0.02 per day, whichever comes first; as-of is the end of the
    // twelfth month, so the last three cohorts are younger than W = 90 days. Events after as-of are ignored by the engine.
    internal static LeadTable Simulate(int seed, Func<int, double> wonRate)
    {
        var random = new Random(seed);
        var leads = new List<Lead>();
        for (var c = 0; c < 12; c++)
        {
            var monthStart = Start.AddMonths(c);
            var days = (monthStart.AddMonths(1) - monthStart).TotalDays;
            for (var i = 0; i < 300; i++)
            {
                var acquired = monthStart.AddDays(random.NextDouble() * days);
                var toWin = -Math.Log(1 - random.NextDouble()) / wonRate(c);
                var toLose = -Math.Log(1 - random.NextDouble()) / 0.02;
                var b = new LeadBuilder { Id = $"{seed}-{c}-{i}", Channel = "x", AcquiredAt = acquired };
                if (toWin < toLose)
                {
                    b.WonAt = acquired.AddDays(toWin);
                }
                else
                {
                    b.LostAt = acquired.AddDays(toLose);
                }

                leads.Add(b.Build());
            }
        }

        return LeadTable.Build(leads);
    }

    private static CohortConversionTrend Trend(LeadTable table) =>
        FunnelAnalyzer.AnalyzeCohorts(table, Start.AddMonths(12), CohortPeriod.Month, new FunnelOptions { MaturityWindow = TimeSpan.FromDays(90) }).ConversionTrend;

    // Four monthly cohorts of 100 leads, each acquired at 00:00 on the 1st (January to April 2023); W = 20 days; as-of
    // 2023-04-11, so April's leads are 10 days old and the other cohorts mature. Every cohort converts alike: 20 won at
    // day 5, 40 lost at day 8, 20 won at day 15, 20 lost at day 25 (conversion at W = 40/100). April has only seen day 5
    // and day 8: 20 won, 40 lost, 40 open at day 10.
    internal static LeadTable Younger()
    {
        var leads = new List<Lead>();
        for (var c = 0; c < 4; c++)
        {
            var acquired = Start.AddMonths(c);
            for (var i = 0; i < 100; i++)
            {
                var b = new LeadBuilder { Id = $"y-{c}-{i}", Channel = "x", AcquiredAt = acquired };
                if (i < 20 || (i >= 60 && i < 80))
                {
                    b.WonAt = acquired.AddDays(i < 20 ? 5 : 15);
                }
                else
                {
                    b.LostAt = acquired.AddDays(i < 60 ? 8 : 25);
                }

                leads.Add(b.Build());
            }
        }

        return LeadTable.Build(leads);
    }

    [Fact]
    public void Hand_calculated_the_observed_fall_is_only_age_and_the_projected_trend_is_flat()
    {
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(Younger(), new DateTimeOffset(2023, 4, 11, 0, 0, 0, TimeSpan.Zero), CohortPeriod.Month,
            new FunnelOptions { MaturityWindow = TimeSpan.FromDays(20) });
        Assert.Equal(new long[] { 40, 40, 40, 20 }, cohorts.Cohorts.Select(c => c.Funnel.Won));

        // April: own curve to t = 10 days, F(10) = 20/100 = 0.2 (no censoring before day 10), S(10) = 40/100 = 0.4. The pooled
        // leads still open after day 10 are the 3 × 40 of January-March (April's are censored at 10): 60 won at day 15, 60
        // lost at day 25, so P(won in (10, 20] | open at 10) = 60/120 = 0.5 and the projection is 0.2 + 0.4 × 0.5 = 0.4.
        var april = cohorts.Cohorts[3].Funnel.Maturity!;
        Assert.Equal((100L, 0L, 20L, true), (april.Leads, april.MatureLeads, april.WonWithinWindow, april.IsBorrowed));
        Assert.Equal(0.4, april.ProjectedConversion!.Value, 12);
        Assert.Equal(0.2, april.BorrowedShare!.Value, 12);
        Assert.All(cohorts.Cohorts.Take(3), c => Assert.Equal((true, 40L, 0.4), (c.Funnel.Maturity!.IsMature, c.Funnel.Maturity.WonWithinWindow, c.Funnel.Maturity.ProjectedConversion!.Value)));

        // Observed by as-of, x = 40, 40, 40, 20 of n = 100, scores 0..3 (mean 1.5): p = 140/400 = 0.35,
        // sum x(s - 1.5) = -60 - 20 + 20 + 30 = -30, variance 0.35 × 0.65 × 100 × (2.25 + 0.25 + 0.25 + 2.25) = 113.75,
        // z = -30 / sqrt(113.75) = -2.812843, p = 0.00491: "falling".
        var trend = cohorts.ConversionTrend;
        Assert.Equal(-30 / Math.Sqrt(113.75), trend.Observed.Statistic!.Value, 9);
        Assert.Equal(0.004911, trend.Observed.PValue!.Value, 6);
        Assert.Equal(TrendDirection.Falling, trend.ObservedDirection);

        // At W every cohort is 0.4 (April projected): sum x(s - mean) = 0.4 × sum n(s - mean) = 0 whatever April's effective
        // n, so z = 0 and p = 1; the mature cohorts alone (0.4 three times) the same.
        Assert.Equal(0.0, trend.Projected.Statistic!.Value, 9);
        Assert.Equal(1.0, trend.Projected.PValue!.Value, 9);
        Assert.Equal(0.0, trend.Mature.Statistic!.Value, 9);
        Assert.Equal((4, 3, 1, 0), (trend.Cohorts, trend.MatureCohorts, trend.ImmatureCohorts, trend.UnprojectedCohorts));
        Assert.Equal(TrendDirection.None, trend.Direction);
        Assert.True(trend.FallsOnlyBecauseYounger);
    }

    [Fact]
    public void Constant_conversion_with_young_recent_cohorts_is_not_read_as_falling()
    {
        // Won rate 0.01 against lost 0.02: 1/3 are won eventually, by day 90 (1 - e^-2.7) / 3 = 31.2%, in every cohort.
        int observedFalling = 0, projectedFalling = 0, matureFalling = 0;
        for (var seed = 1; seed <= 20; seed++)
        {
            var trend = Trend(Simulate(seed, _ => 0.01));
            Assert.Equal((12, 9, 3, 0), (trend.Cohorts, trend.MatureCohorts, trend.ImmatureCohorts, trend.UnprojectedCohorts));
            observedFalling += trend.ObservedDirection == TrendDirection.Falling ? 1 : 0;
            projectedFalling += trend.Direction == TrendDirection.Falling ? 1 : 0;
            matureFalling += trend.Mature.IsSignificant() && trend.Mature.Statistic < 0 ? 1 : 0;
            Assert.Equal(trend.FallsOnlyBecauseYounger, trend.ObservedDirection == TrendDirection.Falling && trend.Direction != TrendDirection.Falling);
        }

        _output.WriteLine($"falling of 20: observed {observedFalling}, projected {projectedFalling}, mature only {matureFalling}");
        // The last cohort has had two weeks on average: observed conversion falls in every data set. At W it falls in about
        // 2.5% of them (one side of a 5% two-sided test): 0 or 1 of 20 here, as for the mature cohorts alone.
        Assert.Equal(20, observedFalling);
        Assert.InRange(projectedFalling, 0, 2);
        Assert.InRange(matureFalling, 0, 2);
    }

    [Fact]
    public void A_real_decline_is_still_found()
    {
        // The won rate falls from 0.015 to 0.0095 per day over the year: conversion at 90 days from about 39% to 29%.
        var found = 0;
        for (var seed = 1; seed <= 20; seed++)
        {
            var trend = Trend(Simulate(100 + seed, c => 0.015 - (0.0005 * c)));
            found += trend.Direction == TrendDirection.Falling ? 1 : 0;
            Assert.False(trend.FallsOnlyBecauseYounger);
        }

        _output.WriteLine($"decline found in {found} of 20");
        Assert.True(found >= 19, $"found in {found} of 20");
    }

    [Fact]
    public void Mature_cohorts_count_as_their_exact_won_within_window_and_immature_ones_as_effective_counts()
    {
        // By hand: P = 0.3, SE = 0.05 gives n = 0.21 / 0.0025 = 84 and x = 25.2; capped at the leads (50); 0 and 1 keep the leads.
        var (x, n) = CohortConversionTrend.EffectiveCounts(0.3, 0.05, 200);
        Assert.Equal(84.0, n, 9);
        Assert.Equal(25.2, x, 9);
        Assert.Equal((15.0, 50.0), CohortConversionTrend.EffectiveCounts(0.3, 0.05, 50));
        Assert.Equal((0.0, 40.0), CohortConversionTrend.EffectiveCounts(0.0, 0.0, 40));

        // When every cohort is mature the projected trend is Cochran-Armitage on won within W / leads exactly.
        var table = Simulate(7, _ => 0.01);
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(table, Start.AddMonths(30), CohortPeriod.Month, new FunnelOptions { MaturityWindow = TimeSpan.FromDays(90) });
        Assert.All(cohorts.Cohorts, c => Assert.True(c.Funnel.Maturity!.IsMature));
        var expected = TrendTests.CochranArmitage(
            cohorts.Cohorts.Select(c => c.Funnel.Maturity!.WonWithinWindow).ToList(), cohorts.Cohorts.Select(c => c.Funnel.Leads).ToList());
        Assert.Equal(expected.Statistic!.Value, cohorts.ConversionTrend.Projected.Statistic!.Value, 12);
        Assert.Equal(expected.Statistic.Value, cohorts.ConversionTrend.Mature.Statistic!.Value, 12);
        Assert.Equal(0, cohorts.ConversionTrend.ImmatureCohorts);
    }
}
