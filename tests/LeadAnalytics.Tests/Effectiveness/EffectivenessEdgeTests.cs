using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using static LeadAnalytics.Tests.Effectiveness.HandComputedTableTests;

namespace LeadAnalytics.Tests.Effectiveness;

// Edges of EffectivenessAnalyzer that mutation testing (docs/mutation-testing.md) found unchecked: the partition's argument
// checks, the fastest kernel policies on a partition, segments present only in the previous period, the period's end and the
// as-of instant as boundaries, the order of unmatched costs and the report currency of a table without amounts.
public class EffectivenessEdgeTests
{
    // All time, one dimension, per-lead costs, as of after every event and no durations: the fastest kernel policies.
    private static readonly EffectivenessOptions Settled = new() { IncludeDurations = false };

    private static long LeadsOf(EffectivenessResult r, string channel) => r.Find(SegmentKey.Of(Dimension.Channel, channel))?.Leads ?? 0;

    [Fact]
    public void A_partition_refuses_a_null_fromTableand_rows_outside_the_table()
    {
        var table = LeadTable.Build(Leads());
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => EffectivenessAnalyzer.AnalyzePartition(null!, AsOf, 0, 0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectivenessAnalyzer.AnalyzePartition(table, AsOf, -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, table.Count + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 5, table.Count - 4));
    }

    [Fact]
    public void The_fastest_kernel_policies_count_only_a_partitions_rows()
    {
        // Rows 0-4 are A1..A4 (Douyin) and B1 (trade show); rows 5-10 are B2, B3, X2 (trade show), C1, C2 (SEO) and X1 (Douyin).
        // A partition counts only its own rows, also through the range-of-rows and settled policies.
        var table = LeadTable.Build(Leads());
        var first = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 5, Settled).ToResult();
        Assert.Equal(5, first.Total.Leads);
        Assert.Equal((4L, 1L, 0L), (LeadsOf(first, Douyin), LeadsOf(first, TradeShow), LeadsOf(first, Seo)));
        var rest = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 5, table.Count - 5, Settled).ToResult();
        Assert.Equal(6, rest.Total.Leads);
        Assert.Equal((1L, 3L, 2L), (LeadsOf(rest, Douyin), LeadsOf(rest, TradeShow), LeadsOf(rest, Seo)));
        var whole = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, table.Count, Settled).ToResult();
        Assert.Equal((11, 5L, 4L, 2L), (whole.Total.Leads, LeadsOf(whole, Douyin), LeadsOf(whole, TradeShow), LeadsOf(whole, Seo)));
    }

    [Fact]
    public void The_settled_pass_lists_the_first_leads_without_cost_by_ordinal_id()
    {
        // No lead has a per-lead cost: all eleven lack one; the first three ids in ordinal order are A1, A2, A3.
        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads().Reverse()), AsOf, new EffectivenessOptions { IncludeDurations = false, MaxListedLeadIds = 3 });
        Assert.Equal(11, r.Costs.LeadsWithoutCost);
        Assert.Equal(new[] { "A1", "A2", "A3" }, r.Costs.LeadsWithoutCostIds);
    }

    [Fact]
    public void Segments_only_in_the_previous_period_follow_the_current_ones_in_key_order()
    {
        // November has X2 (trade show) only; October has Douyin 4, trade show 3, SEO 2 (ranked by leads in that order).
        // Changes: the current period's segments first (trade show), then those only in October by key: "SEO" before
        // "抖音信息流" in ordinal order, the reverse of their rank.
        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, new EffectivenessOptions
        {
            Scope = EffectivenessOptions.Default.Scope.WithPeriod(new AcquisitionPeriod(At(11, 1), At(12, 1))),
            PreviousPeriod = October,
        });
        Assert.Equal(1, r.Total.Leads);
        Assert.Equal(new[] { Douyin, TradeShow, Seo }, r.Previous!.Segments.Select(s => s.Label));
        Assert.Collection(r.Changes,
            c => Assert.Equal((TradeShow, 1L, 3L), (c.Key.Values[0], c.Current!.Leads, c.Previous!.Leads)),
            c => Assert.Equal((Seo, true, 2L), (c.Key.Values[0], c.Current is null, c.Previous!.Leads)),
            c => Assert.Equal((Douyin, true, 4L), (c.Key.Values[0], c.Current is null, c.Previous!.Leads)));
        var seoLeads = r.Changes[1].GetChange("leads");
        Assert.Equal((null, 2.0, null), (seoLeads.Current, seoLeads.Previous, seoLeads.AbsoluteChange)); // no current value
    }

    [Fact]
    public void A_lead_acquired_at_the_periods_end_is_outside_and_one_acquired_at_as_of_is_inside()
    {
        static Lead Lead(string id, DateTimeOffset acquired) => new LeadBuilder { Id = id, Channel = Seo, AcquiredAt = acquired }.Build();

        // October is [10-01 00:00, 11-01 00:00): the first and last second are in, 11-01 00:00 is not.
        var table = LeadTable.Build(new[]
        {
            Lead("start", At(10, 1)), Lead("last", At(11, 1).AddSeconds(-1)), Lead("end", At(11, 1)), Lead("before", At(10, 1).AddSeconds(-1)),
        });
        var october = EffectivenessAnalyzer.Analyze(table, AsOf, new EffectivenessOptions { Scope = EffectivenessOptions.Default.Scope.WithPeriod(October) });
        Assert.Equal(2, october.Total.Leads);

        // As of 10-20 00:00: a lead acquired at that instant is seen, one acquired a second later is not.
        var early = LeadTable.Build(new[] { Lead("at", At(10, 20)), Lead("after", At(10, 20).AddSeconds(1)), Lead("start", At(10, 1)) });
        var asOf = EffectivenessAnalyzer.Analyze(early, At(10, 20), new EffectivenessOptions { Scope = EffectivenessOptions.Default.Scope.WithPeriod(October) });
        Assert.Equal(2, asOf.Total.Leads);
    }

    [Fact]
    public void Unmatched_costs_are_ordered_by_scope_key_start_end_and_amount()
    {
        static CostEntry Cost(CostScope scope, string key, DateTimeOffset from, DateTimeOffset to, decimal amount) =>
            new(scope, key, from, to, new Money(amount, Currency.CNY));

        // No lead has any of these keys, so every entry is unmatched (UnknownKey) with its whole amount inside October.
        var expected = new[]
        {
            Cost(CostScope.Channel, "k1", At(10, 1), At(10, 5), 50m),
            Cost(CostScope.Channel, "k1", At(10, 1), At(10, 5), 100m),
            Cost(CostScope.Channel, "k1", At(10, 1), At(10, 10), 40m),
            Cost(CostScope.Channel, "k1", At(10, 5), At(10, 10), 30m),
            Cost(CostScope.Channel, "k2", At(10, 1), At(10, 2), 20m),
            Cost(CostScope.Strategy, "k0", At(10, 1), At(10, 2), 10m),
        };
        var given = new[] { expected[5], expected[4], expected[3], expected[2], expected[1], expected[0] };
        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, new EffectivenessOptions
        {
            Scope = EffectivenessOptions.Default.Scope.WithPeriod(October), Costs = given,
        });
        Assert.Equal(expected, r.Costs.UnmatchedCosts.Select(u => u.Entry));
        Assert.Equal(new[] { 50m, 100m, 40m, 30m, 20m, 10m }, r.Costs.UnmatchedCosts.Select(u => u.InPeriodAmount));
        Assert.All(r.Costs.UnmatchedCosts, u => Assert.Equal(UnmatchedCostReason.UnknownKey, u.Reason));
    }

    [Fact]
    public void A_fromTablewithout_amounts_takes_the_costs_single_currency_and_refuses_two_even_with_a_converter()
    {
        var table = LeadTable.Build(new[] { new LeadBuilder { Id = "a", Channel = Seo, AcquiredAt = At(10, 2) }.Build() });
        Assert.Equal(Currency.None, table.Currency);
        var usd = new CostEntry(CostScope.Channel, Seo, At(10, 1), At(11, 1), new Money(10m, Currency.USD));
        var cny = new CostEntry(CostScope.Channel, Seo, At(10, 1), At(11, 1), new Money(70m, Currency.CNY));
        var single = EffectivenessAnalyzer.Analyze(table, AsOf, new EffectivenessOptions { Costs = new[] { usd } });
        Assert.Equal(Currency.USD, single.Currency);
        Assert.Equal(10m, single.Total.Spend);

        // Two currencies: which one to report in is not the converter's to say.
        Money Convert(Money m, Currency to) => new(m.Amount * 7m, to);
        var e = Assert.Throws<CurrencyMismatchException>(() => EffectivenessAnalyzer.Analyze(table, AsOf, new EffectivenessOptions { Costs = new[] { usd, cny }, CurrencyConverter = Convert }));
        Assert.Equal((Currency.CNY, Currency.USD), (e.Expected, e.Actual)); // sorted: CNY before USD
    }

    [Fact]
    public void Per_lead_costs_forced_beside_a_costs_table_take_nothing_from_the_table()
    {
        // SEO's entry carries 1000 impressions and 40 clicks; with spend from per-lead costs the table is not read at all: no
        // impressions or clicks (docs/effectiveness.md), and a table without amounts stays without a currency.
        var table = LeadTable.Build(new[] { new LeadBuilder { Id = "a", Channel = Seo, AcquiredAt = At(10, 2) }.Build() });
        var entry = new CostEntry(CostScope.Channel, Seo, At(10, 1), At(11, 1), new Money(10m, Currency.USD), impressions: 1000, clicks: 40);
        var fromTable = EffectivenessAnalyzer.Analyze(table, AsOf, new EffectivenessOptions { Costs = new[] { entry } });
        Assert.Equal((1000L, 40L, Currency.USD), (fromTable.Segments[0].Impressions!.Value, fromTable.Segments[0].Clicks!.Value, fromTable.Currency));
        var perLead = EffectivenessAnalyzer.Analyze(table, AsOf, new EffectivenessOptions { Costs = new[] { entry }, CostSource = CostSource.PerLeadCosts });
        Assert.Equal(CostSource.PerLeadCosts, perLead.Costs.Source);
        Assert.Equal((null, null, null, Currency.None), (perLead.Segments[0].Impressions, perLead.Segments[0].Clicks, perLead.Total.Spend, perLead.Currency));
    }

    [Fact]
    public void A_change_refuses_an_id_that_is_not_a_segment_metric_by_name()
    {
        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, new EffectivenessOptions { PreviousPeriod = October });
        var e = Assert.Throws<ArgumentException>(() => r.TotalChange!.GetChange("not_a_metric"));
        Assert.Equal("metricId", e.ParamName);
        Assert.StartsWith("'not_a_metric' is not a metric of a segment summary.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_maturity_keep_every_other_rule()
    {
        // The SQL push-down's call (LeadAnalytics.Sql; internal, so reached here by reflection): a copy without the maturity,
        // with the costs and rules kept; options already without it are returned as they are.
        static EffectivenessOptions WithoutMaturity(EffectivenessOptions o) =>
            (EffectivenessOptions)typeof(EffectivenessOptions).GetMethod("WithoutMaturity", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
                .Invoke(o, null)!;

        var entry = new CostEntry(CostScope.Channel, Seo, At(10, 1), At(11, 1), new Money(10m, Currency.USD));
        var options = new EffectivenessOptions { Costs = new[] { entry }, MaxListedLeadIds = 3, IncludeDurations = false };
        var without = WithoutMaturity(options);
        Assert.True(options.IncludeMaturity);
        Assert.Equal((false, 3, false), (without.IncludeMaturity, without.MaxListedLeadIds, without.IncludeDurations));
        Assert.Same(options.Costs, without.Costs);
        var already = new EffectivenessOptions { IncludeMaturity = false };
        Assert.Same(already, WithoutMaturity(already));
    }
}
