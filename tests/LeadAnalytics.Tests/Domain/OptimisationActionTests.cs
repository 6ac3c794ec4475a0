using FsCheck.Xunit;

namespace LeadAnalytics.Tests.Domain;

[Properties(Arbitrary = new[] { typeof(ActionArbitraries) })]
public class OptimisationActionTests
{
    private static readonly DateTimeOffset Start = new(2023, 10, 15, 0, 0, 0, TimeSpan.FromHours(8));

    private static OptimisationActionBuilder Valid() => new()
    {
        Id = "A1",
        Finding = "需求确认阶段流失率偏高(40%)",
        Description = "开展两次SPIN提问技巧培训",
        Owner = "销售总监",
        Start = Start,
        Due = new DateTimeOffset(2023, 11, 16, 0, 0, 0, TimeSpan.FromHours(8)),
        Target = MetricTarget.Parse("dropoff(NeedsConfirmed) <= 25%"),
        Baseline = ActionBaseline.Window(new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), Start),
    };

    [Fact]
    public void A_valid_action_keeps_its_values_trimmed()
    {
        var b = Valid();
        b.Id = " A1 ";
        b.Owner = "  ";
        b.Notes = " ";
        var a = b.Build();
        Assert.Equal("A1", a.Id);
        Assert.Null(a.Owner);
        Assert.Null(a.Notes);
        Assert.Equal(ActionMetric.DropOff, a.Metric.Metric);
        Assert.Equal("A1: 开展两次SPIN提问技巧培训 [dropoff(NeedsConfirmed) <= 25%]", a.ToString());
    }

    [Fact]
    public void An_empty_builder_lists_every_missing_field_in_rule_order()
    {
        var rules = new OptimisationActionBuilder().Validate().Select(v => v.Rule).ToArray();
        Assert.Equal(new[] { ActionRule.MissingId, ActionRule.MissingDescription, ActionRule.MissingTarget, ActionRule.MissingStart, ActionRule.MissingDue }, rules);
    }

    [Fact]
    public void A_due_date_not_after_the_start_names_the_field_and_both_instants()
    {
        var b = Valid();
        b.Due = Start;
        var e = Assert.Throws<ArgumentException>(() => b.Build());
        Assert.Equal("Due", e.ParamName);
        Assert.Contains("DueNotAfterStart", e.Message, StringComparison.Ordinal);
        Assert.Contains("2023-10-15T00:00:00+08:00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_window_must_end_by_the_start()
    {
        var b = Valid();
        b.Baseline = ActionBaseline.Window(Start.AddDays(-30), Start.AddDays(1));
        Assert.Equal(ActionRule.BaselineWindowAfterStart, Assert.Single(b.Validate()).Rule);
        Assert.Throws<ArgumentException>(() => ActionBaseline.Window(Start, Start));
    }

    [Fact]
    public void A_given_baseline_must_fit_the_metric_unit()
    {
        var b = Valid();
        b.Baseline = ActionBaseline.Given(40m); // meant 40%: a proportion is a fraction
        var v = Assert.Single(b.Validate());
        Assert.Equal(ActionRule.BaselineOutOfRange, v.Rule);
        Assert.Contains("at most 100%", v.Message, StringComparison.Ordinal);
        b.Baseline = ActionBaseline.Given(0.40m, Currency.CNY);
        Assert.Equal(ActionRule.BaselineOutOfRange, Assert.Single(b.Validate()).Rule);
        b.Baseline = ActionBaseline.Given(0.40m);
        Assert.Empty(b.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => ActionBaseline.Given(-1m));
    }

    [Fact]
    public void History_is_sorted_and_read_as_of_an_instant()
    {
        var b = Valid();
        b.History.Add(new ActionStatusEntry(Start.AddDays(20), ActionState.Done, "第二次培训完成"));
        b.History.Add(new ActionStatusEntry(Start.AddDays(-3), ActionState.Planned));
        b.History.Add(new ActionStatusEntry(Start.AddDays(2), ActionState.InProgress, "第一次培训"));
        var a = b.Build();
        Assert.Equal(new[] { ActionState.Planned, ActionState.InProgress, ActionState.Done }, a.History.Select(h => h.State));
        Assert.Null(a.StateAsOf(Start.AddDays(-4)));
        Assert.Equal(ActionState.Planned, a.StateAsOf(Start));
        Assert.Equal(ActionState.InProgress, a.StateAsOf(Start.AddDays(2)));
        Assert.Equal(ActionState.Done, a.StateAsOf(Start.AddDays(100)));
        Assert.Throws<ArgumentException>(() => new ActionStatusEntry(Start, (ActionState)7));
    }

    [Property]
    public bool Round_trip_through_the_builder_is_equal(OptimisationAction action)
    {
        var copy = action.ToBuilder().Build();
        return copy.Equals(action) && copy.GetHashCode() == action.GetHashCode();
    }

    [Property]
    public void Equality_laws_hold(OptimisationAction a, OptimisationAction b)
    {
        Laws.CheckEquality(a, b);
        Laws.CheckEquality(a, a.ToBuilder().Build());
        if (a.Baseline is { } x && b.Baseline is { } y)
        {
            Laws.CheckEquality(x, y);
        }
    }

    [Fact]
    public void A_changed_field_breaks_equality()
    {
        var a = Valid().Build();
        var b = a.ToBuilder();
        b.Owner = "市场经理";
        Assert.NotEqual(a, b.Build());
        b = a.ToBuilder();
        b.Target = MetricTarget.Parse("dropoff(NeedsConfirmed) <= 20%");
        Assert.NotEqual(a, b.Build());
    }
}
