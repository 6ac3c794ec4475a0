using LeadAnalytics.Actions;
using LeadAnalytics.Data;
using static LeadAnalytics.Tests.Actions.ActionTestData;

namespace LeadAnalytics.Tests.Actions;

public class CostAndDurationMetricTests
{
    private static readonly ActionOptions Small = new() { MinimumSample = 1, OutcomeWindow = null, IncludeWeeklySeries = false };
    private static readonly DateTimeOffset AsOf = Day(2023, 12, 1);

    /// <summary>October 2023: three 展会 leads in industry A (one won, 10,000), one in B (won, 5,000), one SEO lead in A; a
    /// 3,000 booth cost for October and a 900 SEO cost.</summary>
    private static (LeadTable Table, List<CostEntry> Costs) Booth(decimal? ownCost = null)
    {
        Lead L(string id, string channel, string industry, int day, decimal? deal)
        {
            var b = new LeadBuilder { Id = id, Channel = channel, Industry = industry, AcquiredAt = Day(2023, 10, day) };
            if (deal is { } amount)
            {
                b.WonAt = Day(2023, 10, day).AddDays(20);
                b.DealAmount = new Money(amount, Currency.CNY);
            }

            if (ownCost is { } c)
            {
                b.AcquisitionCost = new Money(c, Currency.CNY);
            }

            return b.Build();
        }

        var leads = new[] { L("1", "展会", "A", 2, 10_000m), L("2", "展会", "A", 5, null), L("3", "展会", "A", 9, null), L("4", "展会", "B", 12, 5_000m), L("5", "SEO", "A", 3, null) };
        var costs = new List<CostEntry>
        {
            new(CostScope.Channel, "展会", Day(2023, 10, 1), Day(2023, 11, 1), new Money(3_000m, Currency.CNY)),
            new(CostScope.Channel, "SEO", Day(2023, 10, 1), Day(2023, 11, 1), new Money(900m, Currency.CNY)),
        };
        return (LeadTable.Build(leads), costs);
    }

    private static OptimisationAction Act(string target) => new OptimisationActionBuilder
    {
        Id = "C", Description = "x", Start = Day(2023, 10, 1), Due = Day(2023, 11, 1), Target = MetricTarget.Parse(target),
        Baseline = ActionBaseline.Given(0m),
    }.Build();

    private static ActionEvaluation One(string target, LeadTable table, IEnumerable<CostEntry>? costs) =>
        Assert.Single(EngineCalls.Evaluate(new[] { Act(target) }, table, AsOf, costs, Small).Evaluations);

    [Fact]
    public void A_channel_cost_is_shared_by_every_lead_it_matches_not_only_the_segment()
    {
        // 3,000 over the four 展会 leads is 750 each: industry A's three get 2,250; one of them won.
        var (table, costs) = Booth();
        var cac = One("cac(channel=展会, industry=A) <= 2000", table, costs);
        Assert.Equal(2_250m, cac.Current!.Spend);
        Assert.Equal(1, cac.Current.Won);
        Assert.Equal(10_000m, cac.Current.Revenue);
        Assert.Equal(2_250.0, cac.Current.Value);
        Assert.Equal(ActionStatus.Missed, cac.Status);

        Assert.Equal(750.0, One("cpl(channel=展会, industry=A) <= 800", table, costs).Current!.Value);
        Assert.Equal(10_000 / 2_250.0, One("roas(channel=展会, industry=A) >= 1:3", table, costs).Current!.Value!.Value, 12);
        Assert.Equal(1_500.0, One("cac(channel=展会) <= 2000", table, costs).Current!.Value);             // 3,000 / 2 won
        Assert.Equal((2_250.0 + 900) / 1, One("cac(industry=A) <= 5000", table, costs).Current!.Value); // A's share of both costs
    }

    [Fact]
    public void Without_a_costs_table_the_leads_own_acquisition_costs_are_the_spend()
    {
        var (table, _) = Booth(ownCost: 100m);
        var cpl = One("cpl(channel=展会) <= 150", table, null);
        Assert.Equal(400m, cpl.Current!.Spend);
        Assert.Equal(100.0, cpl.Current.Value);
        Assert.Equal(ActionStatus.Achieved, cpl.Status);

        var (noCost, _) = Booth();
        var undefined = One("cpl(channel=展会) <= 150", noCost, null);
        Assert.Null(undefined.Current!.Spend);
        Assert.Null(undefined.Current.Value);
        Assert.Equal(ActionStatus.Overdue, undefined.Status);
        Assert.Equal(ActionStatusReason.UndefinedValue, undefined.Reason);
    }

    [Fact]
    public void Amounts_in_another_currency_are_a_problem_not_a_conversion()
    {
        var (table, costs) = Booth();
        var e = One("cac(channel=展会) <= 4000 USD", table, costs);
        Assert.Equal(ActionStatusReason.MetricUnavailable, e.Reason);
        Assert.Contains("USD", e.Problem, StringComparison.Ordinal);
        Assert.Null(One("cac(channel=展会) <= 4000 CNY", table, costs).Problem);

        costs.Add(new CostEntry(CostScope.Channel, "SEO", Day(2023, 10, 1), Day(2023, 11, 1), new Money(50m, Currency.USD)));
        Assert.Contains("USD", One("cac(channel=展会) <= 4000", table, costs).Problem, StringComparison.Ordinal);
        Assert.Null(One("conversion(channel=展会) >= 10%", table, costs).Problem); // other metrics do not need the costs
    }

    [Fact]
    public void Median_cycle_days_and_speed_to_lead_come_from_the_effectiveness_summary()
    {
        // After the start: 45 resolved leads, cycle days 2 (x5), 3 (x8), 5, 8, 12, 15 (x8 each): the 23rd of 45 is 8.
        // Before: 2 (x5), 3 (x20), 5 (x8), 8 (x8), 12 (x7), 15 (x7): the 28th of 55 is 5. Every contacted lead at 24 hours.
        var table = LeadTable.Build(NeedsDiscovery());
        var asOf = Day(2024, 1, 20);
        var cycle = Assert.Single(EngineCalls.Evaluate(new[] { Action("median_cycle_days <= 10") }, table, asOf).Evaluations);
        Assert.Equal(8.0, cycle.Current!.Value);
        Assert.Equal(45, cycle.Current.Leads);
        Assert.Equal(5.0, cycle.BaselineValue);
        Assert.True(cycle.TargetMetAtBaseline);
        Assert.Equal(ActionStatus.Achieved, cycle.Status);
        Assert.Equal("log-rank", cycle.Evidence!.Test.Test);
        Assert.Equal(0.23485437447936225, cycle.Evidence.Test.PValue!.Value, 9); // TestData/Actions/duration_logrank.R
        Assert.False(cycle.Evidence.Favourable);                                  // longer after the start

        var speed = Assert.Single(EngineCalls.Evaluate(new[] { Action("speed_to_lead <= 48h") }, table, asOf).Evaluations);
        Assert.Equal(24.0, speed.Current!.Value);
        Assert.Equal(0.73888268036352733, speed.Evidence!.Test.PValue!.Value, 9);
    }
}
