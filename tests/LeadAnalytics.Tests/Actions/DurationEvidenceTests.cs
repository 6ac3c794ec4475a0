using LeadAnalytics.Actions;
using LeadAnalytics.Data;
using static LeadAnalytics.Tests.Actions.ActionTestData;

namespace LeadAnalytics.Tests.Actions;

public class DurationEvidenceTests
{
    private static (LeadTable Table, SegmentRows Rows, (int, int) Before, (int, int) After) Cohorts()
    {
        var table = LeadTable.Build(NeedsDiscovery());
        var rows = new SegmentRows(table, SegmentFilter.All);
        return (table, rows, rows.Range(table.ToSeconds(Day(2023, 9, 1)), table.ToSeconds(Day(2023, 10, 15))),
            rows.Range(table.ToSeconds(Day(2023, 10, 15)), table.ToSeconds(Day(2023, 11, 16))));
    }

    [Fact]
    public void Cycle_times_are_compared_with_the_log_rank_test_of_r_survival()
    {
        // TestData/Actions/duration_logrank.R: survdiff(Surv(t, e) ~ g) on the same durations.
        var (table, rows, before, after) = Cohorts();
        var test = DurationEvidence.Compare(table, rows, before, after, table.ToSeconds(Day(2024, 1, 20)), ActionMetric.MedianCycleDays);
        Assert.Equal("log-rank", test.Test);
        Assert.Equal(1.4112175721537661, test.Statistic!.Value, 9);
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.Equal(0.23485437447936225, test.PValue!.Value, 9);
    }

    [Fact]
    public void Speed_to_lead_censors_leads_lost_before_contact()
    {
        var (table, rows, before, after) = Cohorts();
        var test = DurationEvidence.Compare(table, rows, before, after, table.ToSeconds(Day(2024, 1, 20)), ActionMetric.SpeedToLead);
        Assert.Equal(0.1111111111111111, test.Statistic!.Value, 9);
        Assert.Equal(0.73888268036352733, test.PValue!.Value, 9);
    }
}
