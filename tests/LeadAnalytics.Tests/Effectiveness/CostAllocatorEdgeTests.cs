using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using static LeadAnalytics.Tests.Effectiveness.HandComputedTableTests;

namespace LeadAnalytics.Tests.Effectiveness;

// Edges of CostAllocator that mutation testing (docs/mutation-testing.md) found unchecked: a converter answering in the
// wrong currency, entries that only touch the period, a lead acquired exactly at a cost window's start or end (on the
// binary-search path of disjoint windows and on the path that tries every window), and the remainder units of an entry
// handed out by lead id when ids share their first eight characters or are equal (the canonical comparison). All costs
// are in CNY (cents); every expected amount is worked out in the comments.
public class CostAllocatorEdgeTests
{
    private static Lead Lead(string id, DateTimeOffset acquired, string? strategy = null, params string[] tags)
    {
        var b = new LeadBuilder { Id = id, Channel = Seo, Strategy = strategy ?? id, AcquiredAt = acquired };
        foreach (var tag in tags)
        {
            b.Tags.Add(tag);
        }

        return b.Build();
    }

    private static CostEntry Cost(DateTimeOffset from, DateTimeOffset to, decimal amount, string key = Seo) =>
        new(CostScope.Channel, key, from, to, new Money(amount, Currency.CNY));

    private static EffectivenessResult October(IEnumerable<Lead> leads, Dimension breakdown, params CostEntry[] costs) =>
        EffectivenessAnalyzer.Analyze(LeadTable.Build(leads), AsOf, new EffectivenessOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { breakdown }, Period = HandComputedTableTests.October },
            Costs = costs,
        });

    // The spend of one segment, 0 when none of its leads has a cost.
    private static decimal SpendOf(EffectivenessResult r, Dimension dimension, string value) =>
        r.Find(SegmentKey.Of(dimension, value)) is { } s ? s.Spend ?? 0m : throw new InvalidOperationException($"No segment {value}.");

    [Fact]
    public void A_converter_that_answers_in_another_currency_is_refused()
    {
        // The table reports in CNY (a deal amount); the USD entry's converter hands back USD unchanged.
        var lead = new LeadBuilder { Id = "a", Channel = Seo, AcquiredAt = At(10, 2), WonAt = At(10, 9), DealAmount = new Money(100m, Currency.CNY) }.Build();
        var usd = new CostEntry(CostScope.Channel, Seo, At(10, 1), At(11, 1), new Money(10m, Currency.USD));
        var e = Assert.Throws<CurrencyMismatchException>(() => EffectivenessAnalyzer.Analyze(LeadTable.Build(new[] { lead }), AsOf,
            new EffectivenessOptions { Costs = new[] { usd }, CurrencyConverter = (m, _) => m }));
        Assert.Equal((Currency.CNY, Currency.USD), (e.Expected, e.Actual));
    }

    [Fact]
    public void A_converter_that_makes_a_cost_negative_is_refused()
    {
        // CostEntry refuses negative amounts; a converter must not bring one in (its remainder cents could not be handed out).
        var lead = new LeadBuilder { Id = "a", Channel = Seo, AcquiredAt = At(10, 2), WonAt = At(10, 9), DealAmount = new Money(100m, Currency.CNY) }.Build();
        var usd = new CostEntry(CostScope.Channel, Seo, At(10, 1), At(11, 1), new Money(10m, Currency.USD));
        var e = Assert.Throws<ArgumentException>(() => EffectivenessAnalyzer.Analyze(LeadTable.Build(new[] { lead }), AsOf,
            new EffectivenessOptions { Costs = new[] { usd }, CurrencyConverter = (m, c) => new Money(-7.1m * m.Amount, c) }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("must not be negative", e.Message);
        Assert.Contains("SEO", e.Message);
    }

    [Fact]
    public void Entries_that_only_touch_the_period_are_outside_it_not_unmatched()
    {
        // October is [10-01, 11-01): September's entry ends where it starts and November's unknown key starts where it ends,
        // so both have an empty overlap (outside, not listed as unmatched with 0); October's 10 goes to the one lead.
        var r = October(new[] { Lead("a", At(10, 5)) }, Dimension.Channel,
            Cost(At(9, 1), At(10, 1), 100m), Cost(At(11, 1), At(12, 1), 50m, key: "unknown"), Cost(At(10, 1), At(11, 1), 10m));
        Assert.Equal(2, r.Costs.EntriesOutsidePeriod);
        Assert.Empty(r.Costs.UnmatchedCosts);
        Assert.Equal((10m, 10m, 10m), (r.Costs.InPeriodTotal, r.Costs.Allocated, r.Total.Spend!.Value));
    }

    [Fact]
    public void Disjoint_windows_match_a_lead_acquired_at_a_windows_start_and_not_one_acquired_at_its_end()
    {
        // Two SEO windows with a gap, [10-01, 10-11) 100 and [10-21, 11-01) 200: disjoint, so a lead's window is found by
        // binary search. "first" (10-01 00:00, E1's first instant) and "in" (10-05) share E1: 50 each; "gap" (10-11 00:00,
        // E1's end) has none; "start" (10-21 00:00, E2's first instant) has all of E2: 200.
        var r = October(new[] { Lead("first", At(10, 1)), Lead("in", At(10, 5)), Lead("gap", At(10, 11)), Lead("start", At(10, 21)) },
            Dimension.Strategy, Cost(At(10, 1), At(10, 11), 100m), Cost(At(10, 21), At(11, 1), 200m));
        Assert.Equal((50m, 50m, 0m, 200m),
            (SpendOf(r, Dimension.Strategy, "first"), SpendOf(r, Dimension.Strategy, "in"), SpendOf(r, Dimension.Strategy, "gap"), SpendOf(r, Dimension.Strategy, "start")));
        Assert.Equal(new[] { "gap" }, r.Costs.LeadsWithoutCostIds);
        Assert.Equal((300m, 300m), (r.Costs.Allocated, r.Total.Spend!.Value));
        Assert.Empty(r.Costs.UnmatchedCosts);
    }

    [Fact]
    public void Overlapping_windows_match_a_lead_acquired_at_a_windows_start_and_not_one_acquired_at_its_end()
    {
        // [10-01, 10-21) 100 and [10-11, 11-01) 300 overlap, so every window is tried. E1: "early" (10-05) and "mid" (10-11
        // 00:00, inside E1 and E2's first instant): 50 each. E2: "mid", "end" (10-21 00:00, E1's end, so E2 only) and
        // "late" (10-25): 100 each. So mid 150, end 100, early 50, late 100.
        var r = October(new[] { Lead("early", At(10, 5)), Lead("mid", At(10, 11)), Lead("end", At(10, 21)), Lead("late", At(10, 25)) },
            Dimension.Strategy, Cost(At(10, 1), At(10, 21), 100m), Cost(At(10, 11), At(11, 1), 300m));
        Assert.Equal((50m, 150m, 100m, 100m),
            (SpendOf(r, Dimension.Strategy, "early"), SpendOf(r, Dimension.Strategy, "mid"), SpendOf(r, Dimension.Strategy, "end"), SpendOf(r, Dimension.Strategy, "late")));
        Assert.Equal(400m, r.Total.Spend!.Value);
    }

    [Fact]
    public void Remainder_cents_go_to_the_first_ids_when_ids_share_their_first_eight_characters()
    {
        // 100.03 over five leads: 20.00 each and 3 cents left, one each to the first three ids in ordinal order: "a",
        // "campaign-1", "campaign-10" ("campaign" is eight characters, the packed prefix; "-10" < "-2" ordinally). The
        // acquisition order is the reverse of the id order among the "campaign" ids, and neither row order starts with
        // "a", so the answer cannot come from row order or acquisition time.
        var leads = new[]
        {
            Lead("campaign-3", At(10, 2)), Lead("campaign-2", At(10, 3)), Lead("campaign-10", At(10, 4)), Lead("campaign-1", At(10, 5)), Lead("a", At(10, 6)),
        };
        foreach (var order in new[] { new[] { 0, 1, 2, 3, 4 }, new[] { 1, 4, 3, 0, 2 } })
        {
            var r = October(order.Select(i => leads[i]), Dimension.Strategy, Cost(At(10, 1), At(11, 1), 100.03m));
            var spends = new[] { "a", "campaign-1", "campaign-10", "campaign-2", "campaign-3" }.Select(id => SpendOf(r, Dimension.Strategy, id));
            Assert.Equal(new[] { 20.01m, 20.01m, 20.01m, 20.00m, 20.00m }, spends);
            Assert.Equal(100.03m, r.Total.Spend!.Value);
        }
    }

    [Fact]
    public void Remainder_cents_go_to_exactly_the_first_ids_among_forty_sharing_a_prefix()
    {
        // 0.47 over forty leads "campaign-00".."campaign-39": 0.01 each and 7 cents left, to "campaign-00".."campaign-06".
        // Rows in the order i * 17 mod 40 (a permutation), acquired in the reverse of id order: selecting a few places too
        // many or too few would hand some of the seven cents to other leads.
        var leads = Enumerable.Range(0, 40).Select(k => k * 17 % 40).Select(i => Lead($"campaign-{i:D2}", At(10, 5).AddMinutes(39 - i)));
        var r = October(leads, Dimension.Strategy, Cost(At(10, 1), At(11, 1), 0.47m));
        var spends = Enumerable.Range(0, 40).Select(i => SpendOf(r, Dimension.Strategy, $"campaign-{i:D2}"));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i < 7 ? 0.02m : 0.01m), spends);
    }

    [Fact]
    public void A_remainder_cent_between_leads_of_the_same_id_goes_to_the_earlier_acquired()
    {
        // Two leads both "dup", 0.01 between them: quotient 0, one cent left. Ids equal, so the earlier acquisition (10-05,
        // strategy "z") takes it, not the first strategy ("a"), in either row order.
        var early = Lead("dup", At(10, 5), "z");
        var late = Lead("dup", At(10, 6), "a");
        foreach (var leads in new[] { new[] { early, late }, new[] { late, early } })
        {
            var r = October(leads, Dimension.Strategy, Cost(At(10, 1), At(11, 1), 0.01m));
            Assert.Equal((0.01m, 0m), (SpendOf(r, Dimension.Strategy, "z"), SpendOf(r, Dimension.Strategy, "a")));
        }
    }

    [Fact]
    public void A_remainder_cent_between_leads_of_the_same_id_and_time_goes_by_strategy_before_tags()
    {
        // Same id and acquisition: the dimensions decide before the tags, so strategy "a" (tag "z") takes the cent, not
        // strategy "z" (tag "a").
        var first = Lead("dup", At(10, 5), "a", "z");
        var second = Lead("dup", At(10, 5), "z", "a");
        foreach (var leads in new[] { new[] { first, second }, new[] { second, first } })
        {
            var r = October(leads, Dimension.Strategy, Cost(At(10, 1), At(11, 1), 0.01m));
            Assert.Equal((0.01m, 0m), (SpendOf(r, Dimension.Strategy, "a"), SpendOf(r, Dimension.Strategy, "z")));
        }
    }

    [Fact]
    public void A_remainder_cent_between_leads_equal_but_for_their_tags_goes_by_tags_then_by_fewer_tags()
    {
        // Tags ["b"] against ["a", "c"]: "a" < "b", so the second lead takes the cent; its tags' segments a and c read 0.01.
        var b = Lead("dup", At(10, 5), "s", "b");
        var ac = Lead("dup", At(10, 5), "s", "a", "c");
        foreach (var leads in new[] { new[] { b, ac }, new[] { ac, b } })
        {
            var r = October(leads, Dimension.Tag, Cost(At(10, 1), At(11, 1), 0.01m));
            Assert.Equal((0.01m, 0m, 0.01m), (SpendOf(r, Dimension.Tag, "a"), SpendOf(r, Dimension.Tag, "b"), SpendOf(r, Dimension.Tag, "c")));
        }

        // Tags ["a"] against ["a", "b"]: equal as far as the shorter goes, so the one with fewer tags takes it; b reads 0.
        // A trade-show lead tagged "z" (no SEO cost) follows ["a"] in the table, so reading past the shorter list's end
        // would compare "z" with "b".
        var a = Lead("dup", At(10, 5), "s", "a");
        var ab = Lead("dup", At(10, 5), "s", "a", "b");
        var z = new LeadBuilder { Id = "other", Channel = TradeShow, AcquiredAt = At(10, 5), Tags = { "z" } }.Build();
        foreach (var leads in new[] { new[] { a, z, ab }, new[] { ab, a, z } })
        {
            var r = October(leads, Dimension.Tag, Cost(At(10, 1), At(11, 1), 0.01m));
            Assert.Equal((0.01m, 0m, 0m), (SpendOf(r, Dimension.Tag, "a"), SpendOf(r, Dimension.Tag, "b"), SpendOf(r, Dimension.Tag, "z")));
        }
    }
}
