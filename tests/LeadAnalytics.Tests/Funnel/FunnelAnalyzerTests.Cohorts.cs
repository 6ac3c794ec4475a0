using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

public partial class FunnelAnalyzerTests
{
    private static Lead At(string id, DateTimeOffset acquired, bool contacted) =>
        new LeadBuilder { Id = id, AcquiredAt = acquired, ContactedAt = contacted ? acquired.AddHours(1) : null, LostAt = contacted ? null : acquired.AddHours(2) }
            .Build();

    [Fact]
    public void The_cohort_offset_decides_which_day_a_lead_belongs_to()
    {
        // 2023-09-30 20:00 UTC is 2023-10-01 04:00 in China Standard Time.
        var table = LeadTable.Build(new[] { At("a", new DateTimeOffset(2023, 9, 30, 20, 0, 0, TimeSpan.Zero), true) });
        var asOf = new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var utc = FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Quarter);
        Assert.Equal("2023-Q3", Assert.Single(utc.Cohorts).Label);
        Assert.Equal(new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.Zero), utc.Cohorts[0].Start);
        Assert.Equal(new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero), utc.Cohorts[0].End);

        var china = FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Day, new FunnelOptions { Scope = new AnalysisScope { CohortUtcOffset = TimeSpan.FromHours(8) } });
        var day = Assert.Single(china.Cohorts);
        Assert.Equal("2023-10-01", day.Label);
        Assert.Equal(new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), day.Start);
        Assert.Equal(TimeSpan.FromHours(8), china.UtcOffset);
    }

    [Theory]
    [InlineData(2023, 10, 2, CohortPeriod.IsoWeek, "2023-W40", 2023, 10, 2)]
    [InlineData(2023, 10, 8, CohortPeriod.IsoWeek, "2023-W40", 2023, 10, 2)]   // Sunday ends the ISO week
    [InlineData(2021, 1, 1, CohortPeriod.IsoWeek, "2020-W53", 2020, 12, 28)]  // a Friday in the last week of 2020
    [InlineData(2024, 12, 30, CohortPeriod.IsoWeek, "2025-W01", 2024, 12, 30)] // a Monday in the first week of 2025
    [InlineData(2024, 2, 29, CohortPeriod.Month, "2024-02", 2024, 2, 1)]
    [InlineData(2024, 5, 15, CohortPeriod.Quarter, "2024-Q2", 2024, 4, 1)]
    [InlineData(2024, 5, 15, CohortPeriod.Day, "2024-05-15", 2024, 5, 15)]
    public void Cohort_periods_are_labelled_by_the_calendar(int y, int m, int d, CohortPeriod period, string label, int sy, int sm, int sd)
    {
        var acquired = new DateTimeOffset(y, m, d, 12, 0, 0, TimeSpan.Zero);
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(LeadTable.Build(new[] { At("a", acquired, false) }), acquired.AddDays(1), period);
        Assert.Equal(label, Assert.Single(cohorts.Cohorts).Label);
        Assert.Equal(new DateTimeOffset(sy, sm, sd, 0, 0, 0, TimeSpan.Zero), cohorts.Cohorts[0].Start);
    }

    [Fact]
    public void Cohorts_run_from_the_first_to_the_last_period_with_leads_and_carry_each_steps_trend()
    {
        // Four monthly cohorts of 30 leads whose first step converts 15, 10, 8 and 3 times; no leads in December.
        var months = new[] { (2023, 10), (2023, 11), (2024, 1), (2024, 2) };
        var advancedPerMonth = new[] { 15, 10, 8, 3 };
        var leads = new List<Lead>();
        for (var c = 0; c < months.Length; c++)
        {
            for (var i = 0; i < 30; i++)
            {
                var acquired = new DateTimeOffset(months[c].Item1, months[c].Item2, 1 + (i % 28), 10, 0, 0, TimeSpan.Zero);
                leads.Add(At($"{c}-{i}", acquired, i < advancedPerMonth[c]));
            }
        }

        var result = FunnelAnalyzer.AnalyzeCohorts(LeadTable.Build(leads), new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), CohortPeriod.Month);
        Assert.Equal(new[] { "2023-10", "2023-11", "2023-12", "2024-01", "2024-02" }, result.Cohorts.Select(c => c.Label));
        Assert.Equal(new long[] { 30, 30, 0, 30, 30 }, result.Cohorts.Select(c => c.Funnel.Leads));
        Assert.Equal(120, result.Total.Leads);
        var trend = result.StepTrends[0].Resolved;
        Assert.Equal(new double?[] { 0.5, 1 / 3.0, null, 8 / 30.0, 0.1 }, trend.Conversion.Select(r => r.Value));
        // Reference: TestData/Funnel/cohort_trend.R (R chisq.test and prop.trend.test). December keeps its place without
        // leads, so the trend scores are the positions 0, 1, 3, 4.
        Assert.Equal(11.746031746031745, trend.AcrossCohorts.Statistic!.Value, 9);
        Assert.Equal(3, trend.AcrossCohorts.DegreesOfFreedom);
        Assert.Equal(0.0083057700075462541, trend.AcrossCohorts.PValue!.Value, 12);
        Assert.Equal(10.730158730158728, trend.Trend.Statistic!.Value * trend.Trend.Statistic.Value, 9);
        Assert.True(trend.Trend.Statistic < 0);
        Assert.Equal(0.0010540340457847867, trend.Trend.PValue!.Value, 12);
        // Every lead is resolved here, so the all-leads series is the same.
        Assert.Equal(trend.Trend.Statistic, result.StepTrends[0].AllLeads.Trend.Statistic);
        Assert.Equal(5, result.StepTrends.Count);
    }
}
