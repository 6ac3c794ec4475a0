using LeadAnalytics.Data;
using LeadAnalytics.Actions;
using static LeadAnalytics.Tests.Actions.ActionTestData;

namespace LeadAnalytics.Tests.Actions;

public class ActionEvaluatorTests
{
    private static readonly DateTimeOffset AllMature = Day(2024, 1, 20); // due 2023-11-16 + 60 days = 2024-01-15

    private static ActionEvaluation One(string target, DateTimeOffset asOf, ActionOptions? options = null, ActionBaseline? baseline = null, IEnumerable<Lead>? leads = null) =>
        Assert.Single(EngineCalls.Evaluate(new[] { Action(target, baseline) }, Table(leads ?? NeedsDiscovery()), asOf, null, options).Evaluations);

    [Fact]
    public void Drop_off_before_and_after_are_the_hand_counts()
    {
        var e = One("dropoff(NeedsConfirmed) <= 25%", AllMature);
        Assert.Equal(20, e.Baseline!.Rate!.Numerator);
        Assert.Equal(50, e.Baseline.Rate.Denominator);
        Assert.Equal(55, e.Baseline.AcquiredLeads);
        Assert.Equal(0.4, e.BaselineValue);
        Assert.Equal(8, e.Current!.Rate!.Numerator);
        Assert.Equal(40, e.Current.Rate.Denominator);
        Assert.Equal(40, e.Current.Leads);
        Assert.Equal(45, e.Current.AcquiredLeads);
        Assert.Equal(0.2, e.Current.Value);
        Assert.True(e.Current.IsComplete);
        Assert.Equal(Day(2023, 11, 16), e.Current.MeasuredUntil);

        // Wilson 95% for 8/40: R prop.test(8, 40, correct = FALSE)$conf.int
        Assert.Equal(0.10499989725437703, e.Current.Rate.Lower!.Value, 12);
        Assert.Equal(0.34757306346399497, e.Current.Rate.Upper!.Value, 12);
        Assert.Equal((0.2 - 0.4) / (0.25 - 0.4), e.Progress!.Value, 12);
        Assert.Equal(1.0, e.ScheduleElapsed);
        Assert.False(e.TargetMetAtBaseline);
        Assert.Equal(ActionStatus.Achieved, e.Status);
        Assert.Equal(ActionStatusReason.TargetMet, e.Reason);
        Assert.Null(e.Problem);
    }

    [Fact]
    public void Evidence_is_the_two_proportion_test_of_after_against_before()
    {
        // TestData/Actions/evidence.R: prop.test(c(8, 20), c(40, 50), correct = FALSE)
        var evidence = One("dropoff(NeedsConfirmed) <= 25%", AllMature).Evidence!;
        Assert.Equal(-2.0365326999063917, evidence.Test.Statistic!.Value, 12);
        Assert.Equal(0.041696892977442279, evidence.Test.PValue!.Value, 12);
        Assert.Equal(-0.2, evidence.Difference!.Value, 12);
        Assert.True(evidence.Favourable);
        Assert.True(evidence.Significant);
        Assert.True(evidence.EnoughData);
        Assert.True(evidence.ShowsImprovement);
    }

    [Fact]
    public void Status_follows_the_calendar_and_the_outcome_window()
    {
        const string target = "dropoff(NeedsConfirmed) <= 25%";

        var before = One(target, Day(2023, 10, 1));
        Assert.Equal(ActionStatus.NotStarted, before.Status);
        Assert.Equal(ActionStatusReason.BeforeStart, before.Reason);
        Assert.Null(before.Current);
        Assert.Empty(before.Weeks);
        Assert.Equal(0, before.Baseline!.Leads); // September leads are younger than the 60-day outcome window on 1 October

        var during = One(target, Day(2023, 11, 1));
        Assert.Equal(ActionStatus.OnTrack, during.Status);
        Assert.Equal(ActionStatusReason.TooFewLeads, during.Reason);
        Assert.Equal(0, during.Current!.Leads);
        Assert.True(during.Current.AcquiredLeads > 0);
        Assert.Equal(17 / 32.0, during.ScheduleElapsed, 12); // 17 of the 32 days from start to due
    }

    [Fact]
    public void After_the_due_date_the_verdict_waits_for_the_outcome_window()
    {
        const string target = "dropoff(NeedsConfirmed) <= 15%";
        var waiting = One(target, Day(2023, 12, 20));
        Assert.Equal(ActionStatus.Overdue, waiting.Status);
        Assert.Equal(ActionStatusReason.AwaitingOutcomes, waiting.Reason);
        Assert.False(waiting.Current!.IsComplete);

        var final = One(target, AllMature);
        Assert.Equal(ActionStatus.Missed, final.Status);
        Assert.Equal(ActionStatusReason.TargetNotMet, final.Reason);
    }

    [Fact]
    public void The_minimum_sample_guards_both_verdicts()
    {
        var options = new ActionOptions { MinimumSample = 41 };
        var met = One("dropoff(NeedsConfirmed) <= 25%", AllMature, options);
        Assert.Equal(ActionStatus.Overdue, met.Status);
        Assert.Equal(ActionStatusReason.TooFewLeads, met.Reason);
        Assert.False(met.Evidence!.EnoughData);
        Assert.False(met.Evidence.ShowsImprovement);

        var early = One("dropoff(NeedsConfirmed) <= 25%", Day(2023, 11, 10), new ActionOptions { OutcomeWindow = null, MinimumSample = 41 });
        Assert.Equal(ActionStatus.OnTrack, early.Status);
        Assert.Equal(ActionStatusReason.TooFewLeads, early.Reason);
    }

    [Fact]
    public void Before_the_due_date_progress_is_compared_with_the_time_elapsed()
    {
        // Without an outcome window everything recorded by as-of counts. On 2023-11-15 all 45 after-start leads are in, 40
        // contacted, but the last two confirmed leads (acquired on 13 and 14 November) confirm needs 3 days after acquisition:
        // 10 of 40 have not (25%), the all-leads view reading recent leads as drop-offs. Elapsed: 31 of 32 days.
        var noWindow = new ActionOptions { OutcomeWindow = null };
        var asOf = Day(2023, 11, 15);
        var e = One("dropoff(NeedsConfirmed) <= 10%", asOf, noWindow);
        const double elapsed = 31 / 32.0;
        Assert.Equal(elapsed, e.ScheduleElapsed, 12);
        Assert.Equal(10, e.Current!.Rate!.Numerator);
        Assert.Equal(40, e.Current.Rate.Denominator);
        Assert.Equal((0.25 - 0.4) / (0.1 - 0.4), e.Progress!.Value, 12);
        Assert.True(e.Progress < elapsed);
        Assert.Equal(ActionStatus.AtRisk, e.Status);
        Assert.Equal(ActionStatusReason.BehindSchedule, e.Reason);

        // 24.6%: not met by 25%, progress 0.15 / 0.154 = 0.974 keeps pace with 0.969 of the schedule.
        var easy = One("dropoff(NeedsConfirmed) <= 24.6%", asOf, noWindow);
        Assert.Equal(0.15 / 0.154, easy.Progress!.Value, 12);
        Assert.True(easy.Progress >= easy.ScheduleElapsed);
        Assert.Equal(ActionStatus.OnTrack, easy.Status);
        Assert.Equal(ActionStatusReason.OnSchedule, easy.Reason);
    }

    [Fact]
    public void A_target_already_met_at_baseline_is_reported_as_such()
    {
        var e = One("dropoff(NeedsConfirmed) <= 45%", AllMature);
        Assert.True(e.TargetMetAtBaseline);
        Assert.Null(e.Progress);
        Assert.Equal(ActionStatus.Achieved, e.Status);

        var given = One("dropoff(NeedsConfirmed) <= 25%", AllMature, baseline: ActionBaseline.Given(0.2m));
        Assert.True(given.TargetMetAtBaseline);
        Assert.Null(given.Baseline);
        Assert.Null(given.Evidence);
        Assert.Equal(0.2, given.BaselineValue);
    }

    [Fact]
    public void A_baseline_met_target_that_is_no_longer_met_is_at_risk()
    {
        // On 2023-11-15 without an outcome window 30 of 40 contacted leads have confirmed needs (75%); the given baseline
        // 80% met the 78% floor, the current value does not.
        var e = One("step_conversion(NeedsConfirmed) >= 78%", Day(2023, 11, 15), new ActionOptions { OutcomeWindow = null }, ActionBaseline.Given(0.8m));
        Assert.Equal(0.75, e.Current!.Value!.Value, 12);
        Assert.True(e.TargetMetAtBaseline);
        Assert.Null(e.Progress);
        Assert.Equal(ActionStatus.AtRisk, e.Status);
        Assert.Equal(ActionStatusReason.WorseThanBaseline, e.Reason);
    }

    [Fact]
    public void Segments_select_their_leads()
    {
        // Channel SEO has only baseline leads, 抖音信息流 only after-start leads.
        var seo = One("conversion(channel=SEO) >= 10%", AllMature);
        Assert.Equal(55, seo.Baseline!.Leads);
        Assert.Equal(0, seo.Current!.Leads);
        Assert.Equal(ActionStatus.Overdue, seo.Status);
        Assert.Equal(ActionStatusReason.TooFewLeads, seo.Reason);

        var douyin = One("conversion(channel=抖音信息流) >= 10%", AllMature);
        Assert.Equal(0, douyin.Baseline!.Leads);
        Assert.Null(douyin.BaselineValue);
        Assert.Null(douyin.TargetMetAtBaseline);
        Assert.Equal(45, douyin.Current!.Leads);
        Assert.Equal(8, douyin.Current.Rate!.Numerator); // 32 confirmed, every fourth won
        Assert.Equal(8 / 45.0, douyin.Current.Value!.Value, 12);
        Assert.Equal(ActionStatus.Achieved, douyin.Status);

        var nobody = One("conversion(channel=SEO, industry=教育) >= 10%", AllMature);
        Assert.Equal(0, nobody.Current!.AcquiredLeads);
        Assert.Null(nobody.Current.Value);
    }

    [Fact]
    public void Lead_volume_is_leads_per_week_over_the_elapsed_window()
    {
        // 45 leads one per 16 hours from 2023-10-15: by 2023-10-22 (7 days = 168 hours) 11 leads (hours 0..160).
        var e = One("leads >= 9/week", Day(2023, 10, 22));
        Assert.Equal(11, e.Current!.Leads);
        Assert.Equal(11.0, e.Current.Value!.Value, 12);
        Assert.Null(e.Current.Rate);
        Assert.Null(e.Evidence);
        Assert.Equal(ActionStatus.OnTrack, e.Status); // 11 leads are fewer than 30

        var done = One("leads >= 9/week", AllMature);
        Assert.Equal(45, done.Current!.Leads);
        Assert.Equal(45 * 7 / 32.0, done.Current.Value!.Value, 12);
        Assert.Equal(ActionStatus.Achieved, done.Status);
        Assert.Equal(55 * 7 / 44.0, done.BaselineValue!.Value, 12); // 55 leads over the 44-day baseline window
    }

    [Fact]
    public void Unknown_stages_are_problems_not_exceptions()
    {
        var unknown = One("dropoff(Qualified) <= 25%", AllMature);
        Assert.Equal(ActionStatusReason.MetricUnavailable, unknown.Reason);
        Assert.Equal(ActionStatus.Overdue, unknown.Status);
        Assert.Contains("no stage 'Qualified'", unknown.Problem, StringComparison.Ordinal);

        var first = One("dropoff(Acquired) <= 25%", Day(2023, 11, 1));
        Assert.Equal(ActionStatus.OnTrack, first.Status);
        Assert.Contains("no step leads into it", first.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weekly_series_runs_from_the_start_to_as_of()
    {
        var e = One("dropoff(NeedsConfirmed) <= 25%", AllMature);
        // 2023-10-15 + 7k <= 2024-01-20: k = 0..13
        Assert.Equal(14, e.Weeks.Count);
        Assert.Equal(Day(2023, 10, 15), e.Weeks[0].Start);
        Assert.Equal(Day(2023, 10, 22), e.Weeks[0].End);
        var total = 0;
        foreach (var w in e.Weeks)
        {
            total += w.Week.AcquiredLeads;
            Assert.Equal(total, w.SinceStart.AcquiredLeads);
        }

        Assert.Equal(45, total);
        Assert.Equal(e.Current!.Value, e.Weeks[4].SinceStart.Value); // the fifth week ends after the last lead (day 29.3)
    }

    [Fact]
    public void Options_are_validated()
    {
        var table = Table(NeedsDiscovery());
        var actions = new[] { Action("dropoff(NeedsConfirmed) <= 25%") };
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineCalls.Evaluate(actions, table, AllMature, null, new ActionOptions { MinimumSample = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineCalls.Evaluate(actions, table, AllMature, null, new ActionOptions { OutcomeWindow = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineCalls.Evaluate(actions, table, AllMature, null, new ActionOptions { Scope = new AnalysisScope { Confidence = 1 } }));
        Assert.Throws<ArgumentNullException>(() => EngineCalls.Evaluate(null!, table, AllMature));
        Assert.Throws<ArgumentNullException>(() => EngineCalls.Evaluate(actions, null!, AllMature));
        Assert.Throws<ArgumentNullException>(() => EngineCalls.Evaluate(new OptimisationAction[] { null! }, table, AllMature));
    }
}
