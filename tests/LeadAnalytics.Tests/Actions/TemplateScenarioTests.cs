using LeadAnalytics.Actions;
using LeadAnalytics.Data;
using static LeadAnalytics.Tests.Actions.ActionTestData;

namespace LeadAnalytics.Tests.Actions;

/// <summary>The template's three actions on data with their effects planted (<see cref="TemplateScenario"/>), as of dates
/// before the start, during the action, after the due date and once every outcome is in.</summary>
public class TemplateScenarioTests
{
    private static readonly List<Lead> Leads = TemplateScenario.Leads();
    private static readonly LeadTable Table = LeadTable.Build(Leads);

    private static ActionEvaluation At(string id, DateTimeOffset asOf, ActionOptions? options = null) =>
        EngineCalls.Evaluate(TemplateScenario.Actions(), Table, asOf, TemplateScenario.Costs(), options).Find(id)!;

    private static void AssertStatus(ActionStatus status, ActionStatusReason reason, ActionEvaluation e)
    {
        Assert.Equal(status, e.Status);
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Spin_training_needs_discovery_drop_off_over_time()
    {
        AssertStatus(ActionStatus.NotStarted, ActionStatusReason.BeforeStart, At("A1", Day(2023, 10, 1)));
        AssertStatus(ActionStatus.OnTrack, ActionStatusReason.TooFewLeads, At("A1", Day(2023, 11, 1)));      // no lead 60 days old yet
        AssertStatus(ActionStatus.Overdue, ActionStatusReason.AwaitingOutcomes, At("A1", Day(2023, 11, 20))); // due 16 Nov, outcomes pending
        AssertStatus(ActionStatus.Overdue, ActionStatusReason.AwaitingOutcomes, At("A1", Day(2023, 12, 15))); // 24 mature leads: below 30

        var final = At("A1", Day(2024, 1, 15)); // 16 Nov + 60 days: every lead of the window is measured
        AssertStatus(ActionStatus.Achieved, ActionStatusReason.TargetMet, final);
        Assert.True(final.Current!.IsComplete);

        // The counts are those of the lead objects (an independent count), and near the planted 20% and 40%.
        var after = Leads.Where(l => l.AcquiredAt >= TemplateScenario.SpinStart && l.AcquiredAt < Day(2023, 11, 16)).ToList();
        var contacted = after.Count(l => l.FurthestStageIndex() >= 1);
        var confirmed = after.Count(l => l.FurthestStageIndex() >= 2);
        Assert.Equal(contacted - confirmed, final.Current.Rate!.Numerator);
        Assert.Equal(contacted, final.Current.Rate.Denominator);
        Assert.InRange(final.Current.Value!.Value, 0.17, 0.24);
        Assert.InRange(final.BaselineValue!.Value, 0.37, 0.43);
        Assert.False(final.TargetMetAtBaseline);
        Assert.True(final.Progress > 1);
        Assert.True(final.Evidence!.ShowsImprovement);
        Assert.True(final.Evidence.Test.PValue < 1e-10);
        Assert.Equal(final.Current.Value, At("A1", Day(2024, 2, 15)).Current!.Value); // complete: later as-of changes nothing
    }

    [Fact]
    public void A_short_outcome_window_judges_the_fast_step_earlier()
    {
        // Needs discovery happens within 20 days of acquisition here, so a 21-day window sees the effect by 20 November.
        var early = At("A1", Day(2023, 11, 20), new ActionOptions { OutcomeWindow = TimeSpan.FromDays(21) });
        AssertStatus(ActionStatus.Achieved, ActionStatusReason.TargetMet, early);
        Assert.False(early.Current!.IsComplete);
        Assert.True(early.Current.Leads >= 300);
        Assert.True(early.Evidence!.ShowsImprovement);
    }

    [Fact]
    public void Douyin_videos_conversion_over_time()
    {
        AssertStatus(ActionStatus.NotStarted, ActionStatusReason.BeforeStart, At("A2", Day(2023, 10, 20)));
        AssertStatus(ActionStatus.OnTrack, ActionStatusReason.TooFewLeads, At("A2", Day(2023, 11, 20)));
        AssertStatus(ActionStatus.Overdue, ActionStatusReason.AwaitingOutcomes, At("A2", Day(2023, 12, 15)));

        // By 15 January the leads of 1-15 November are 60 days old: achieved on them, though not yet significant.
        var partial = At("A2", Day(2024, 1, 15));
        AssertStatus(ActionStatus.Achieved, ActionStatusReason.TargetMet, partial);
        Assert.False(partial.Current!.IsComplete);
        Assert.False(partial.Evidence!.Significant);

        var final = At("A2", Day(2024, 2, 15));
        AssertStatus(ActionStatus.Achieved, ActionStatusReason.TargetMet, final);
        Assert.True(final.Current!.IsComplete);
        Assert.InRange(final.Current.Value!.Value, 0.10, 0.19); // planted 14.4%
        Assert.InRange(final.BaselineValue!.Value, 0.06, 0.11); // planted 8.0% .. 10.7% over the 90 days before
        Assert.False(final.TargetMetAtBaseline);
        Assert.True(final.Evidence!.ShowsImprovement);
    }

    [Fact]
    public void A_window_shorter_than_the_sales_cycle_misreads_conversion()
    {
        // Deals close up to 50 days after acquisition: counting only the first 21 days reads Douyin conversion near 3%.
        var misread = At("A2", Day(2024, 2, 15), new ActionOptions { OutcomeWindow = TimeSpan.FromDays(21) });
        AssertStatus(ActionStatus.Missed, ActionStatusReason.TargetNotMet, misread);
        Assert.True(misread.Current!.Value < 0.05);
    }

    [Fact]
    public void Trade_show_pre_screening_cost_per_customer_over_time()
    {
        AssertStatus(ActionStatus.NotStarted, ActionStatusReason.BeforeStart, At("A3", Day(2023, 11, 1)));
        AssertStatus(ActionStatus.OnTrack, ActionStatusReason.TooFewLeads, At("A3", Day(2023, 12, 1)));
        AssertStatus(ActionStatus.Overdue, ActionStatusReason.AwaitingOutcomes, At("A3", Day(2024, 1, 15)));

        var final = At("A3", Day(2024, 2, 15)); // due 11 December + 60 days
        AssertStatus(ActionStatus.Achieved, ActionStatusReason.TargetMet, final);
        Assert.True(final.Current!.IsComplete);

        // Spend by hand: 60,000 x 16/30 for 15-30 November + 48,000 x 10/31 for 1-10 December; the 90 days before the start:
        // 60,000 x 15/31 (17-31 August) + 60,000 + 60,000 + 60,000 x 14/30 (1-14 November).
        Assert.Equal(47_483.87m, final.Current.Spend);
        Assert.Equal(177_032.26m, final.Baseline!.Spend);
        Assert.Equal((double)(47_483.87m / final.Current.Won!.Value), final.Current.Value!.Value, 9);
        Assert.InRange(final.Current.Value!.Value, 1_500, 3_000);   // planted about 2,100
        Assert.InRange(final.BaselineValue!.Value, 4_000, 5_500);   // planted about 4,500
        Assert.False(final.TargetMetAtBaseline);
        Assert.True(final.Progress > 1);
        Assert.Null(final.Evidence); // no test for a ratio of money
    }

    [Fact]
    public void The_report_counts_statuses_and_orders_by_id()
    {
        var report = EngineCalls.Evaluate(TemplateScenario.Actions().Reverse(), Table, Day(2024, 2, 15), TemplateScenario.Costs());
        Assert.Equal(new[] { "A1", "A2", "A3" }, report.Evaluations.Select(e => e.Action.Id));
        Assert.Equal(3, report.Count(ActionStatus.Achieved));
        Assert.Equal(0, report.Count(ActionStatus.Overdue));
        Assert.Null(report.Find("A9"));
    }
}
