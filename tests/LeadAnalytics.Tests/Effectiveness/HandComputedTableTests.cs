using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Tests.Effectiveness;

// A small table worked out by hand: three channels in October 2023, costs that straddle the month, an unknown cost key, a
// cost with no lead in its window, leads without cost, a won lead without an amount, stale leads, and leads outside the
// period. Every expected number is derived in the comments.
public class HandComputedTableTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    internal static readonly DateTimeOffset AsOf = At(12, 31);
    internal static readonly AcquisitionPeriod October = new(At(10, 1), At(11, 1));
    internal const string Douyin = "抖音信息流";
    internal const string TradeShow = "行业展会";
    internal const string Seo = "SEO";

    internal static DateTimeOffset At(int month, int day, int hour = 0, int minute = 0, int year = 2023) => new(year, month, day, hour, minute, 0, Cst);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    internal static Lead[] Leads() => new[]
    {
        // Douyin: A1 won after 10 days (contact after 1 h), A2 lost after 20 days (2 h), A3 open and stale (24 h, nothing
        // since 10-11), A4 open, never contacted, followed up on 12-20 so not stale.
        Make("A1", Douyin, "教育", At(10, 2, 9), contacted: At(10, 2, 10), won: At(10, 12, 9), deal: 50_000m),
        Make("A2", Douyin, "医疗", At(10, 5, 12), contacted: At(10, 5, 14), lost: At(10, 25, 12)),
        Make("A3", Douyin, "教育", At(10, 10, 8), contacted: At(10, 11, 8)),
        Make("A4", Douyin, "教育", At(10, 20), followUp: At(12, 20)),
        // Trade show: B1 won after 20 days (30 min), B2 won after 3 days (6 h), B3 lost after 5 days (24 h).
        Make("B1", TradeShow, "教育", At(10, 3, 10), contacted: At(10, 3, 10, 30), won: At(10, 23, 10), deal: 80_000m),
        Make("B2", TradeShow, "教育", At(10, 15, 10), contacted: At(10, 15, 16), won: At(10, 18, 10), deal: 20_000m),
        Make("B3", TradeShow, "医疗", At(10, 28), contacted: At(10, 29), lost: At(11, 2)),
        // SEO: C1 won after 30 days without a deal amount and without contact time; C2 open and stale (3 h, nothing since).
        Make("C1", Seo, "教育", At(10, 8), won: At(11, 7)),
        Make("C2", Seo, null, At(10, 9), contacted: At(10, 9, 3)),
        // Outside October: X1 in September (won), X2 in November (open).
        Make("X1", Douyin, "教育", At(9, 28), contacted: At(9, 28, 2), won: At(10, 5), deal: 10_000m),
        Make("X2", TradeShow, "教育", At(11, 3)),
    };

    internal static CostEntry[] Costs() => new[]
    {
        // 3000 over [09-16, 10-16): 15 of 30 days in October = 1500, to A1, A2, A3 (acquired 10-01..10-16): 500 each.
        new CostEntry(CostScope.Channel, Douyin, At(9, 16), At(10, 16), Cny(3000m)),
        // 900 over [10-16, 11-15): 16 of 30 days in October = 480, to A4 alone.
        new CostEntry(CostScope.Channel, Douyin, At(10, 16), At(11, 15), Cny(900m)),
        // 10000.01 over October to B1, B2, B3: 3333.33 each and 0.02 left, one cent each to B1 and B2 (first by id).
        new CostEntry(CostScope.Channel, TradeShow, At(10, 1), At(11, 1), Cny(10_000.01m)),
        // A channel no lead has: unmatched, unknown key.
        new CostEntry(CostScope.Channel, "小红书KOL", At(10, 1), At(11, 1), Cny(2000m)),
        // Douyin on 10-21 only: no Douyin lead acquired that day: unmatched.
        new CostEntry(CostScope.Channel, Douyin, At(10, 21), At(10, 22), Cny(100m)),
        // August: outside the period.
        new CostEntry(CostScope.Channel, TradeShow, At(8, 1), At(9, 1), Cny(5000m)),
    };

    private static Lead Make(string id, string channel, string? industry, DateTimeOffset acquired, DateTimeOffset? contacted = null, DateTimeOffset? won = null,
        DateTimeOffset? lost = null, decimal? deal = null, DateTimeOffset? followUp = null)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, Industry = industry, AcquiredAt = acquired, ContactedAt = contacted, WonAt = won, LostAt = lost };
        if (deal is { } d)
        {
            b.DealAmount = Cny(d);
        }

        if (followUp is { } f)
        {
            b.FollowUps.Add(new FollowUp(f, FollowUpKind.Call));
        }

        return b.Build();
    }

    private static EffectivenessResult October2023(EffectivenessOptions? options = null) =>
        EngineCalls.Summarize(LeadTable.Build(Leads()), Costs(), AsOf, options ?? new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen } });

    [Fact]
    public void Counts_rates_and_money_per_channel()
    {
        var r = October2023();
        Assert.Equal(new[] { Douyin, TradeShow, Seo }, r.Segments.Select(s => s.Label)); // ranked by leads: 4, 3, 2
        Assert.Equal(new[] { 1, 2, 3 }, r.Segments.Select(s => s.Rank));

        var a = r.Segments[0];
        Assert.Equal((4, 1, 1, 2, 1), (a.Leads, a.Won, a.Lost, a.Open, a.Stale));
        Assert.Equal(0.25, a.ConversionRate.Value);
        Assert.Equal(0.5, a.WinRate.Value); // 1 won of 2 resolved
        Assert.Equal(1980.00m, a.Spend); // 500 x 3 + 480
        Assert.Equal(495m, a.CostPerLead);
        Assert.Equal(1980m, a.CostPerAcquisition);
        Assert.Equal(50_000m, a.Revenue);
        Assert.Equal(50_000m / 1980m, a.Roas);
        Assert.Equal((50_000m - 1980m) / 1980m, a.Roi);
        Assert.Equal("1:25.3", EffectivenessFormat.RoasRatio(a.Roas));
        Assert.Equal(50_000m, a.AverageDealSize);
        Assert.Equal(15.0, a.MedianCycleDays); // 10 and 20 days
        Assert.Equal(10.0, a.MedianDaysToWin);
        Assert.Equal(2.0, a.SpeedToLeadMedianHours); // 1, 2, 24 h
        Assert.Equal(19.6, a.SpeedToLeadP90Hours!.Value, 12); // R7: h = 2.8 -> 2 + 0.8 x 22
        Assert.Equal(4.0 / 9, a.ShareOfLeads);
        Assert.Equal(0.25, a.ShareOfWon);
        Assert.Equal((double)(1980m / 11_980.01m), a.ShareOfSpend!.Value, 15);
        Assert.Equal(1.0 / 3, a.ShareOfRevenue!.Value, 15);
        Assert.Equal(0, a.LeadsWithoutCost);

        var b = r.Segments[1];
        Assert.Equal((3, 2, 1, 0, 0), (b.Leads, b.Won, b.Lost, b.Open, b.Stale));
        Assert.Equal(10_000.01m, b.Spend);
        Assert.Equal(10_000.01m / 3, b.CostPerLead);
        Assert.Equal(5000.005m, b.CostPerAcquisition);
        Assert.Equal(100_000m, b.Revenue);
        Assert.Equal("1:10.0", EffectivenessFormat.RoasRatio(b.Roas)); // 9.99999...
        Assert.Equal(5.0, b.MedianCycleDays); // 20, 3, 5
        Assert.Equal(11.5, b.MedianDaysToWin); // 20, 3
        Assert.Equal(6.0, b.SpeedToLeadMedianHours); // 0.5, 6, 24
        Assert.Equal(20.4, b.SpeedToLeadP90Hours!.Value, 12); // 6 + 0.8 x 18

        var c = r.Segments[2];
        Assert.Equal((2, 1, 0, 1, 1), (c.Leads, c.Won, c.Lost, c.Open, c.Stale));
        Assert.Null(c.Spend); // no cost entry matches SEO
        Assert.Null(c.CostPerLead);
        Assert.Null(c.Roas);
        Assert.Null(c.Revenue); // its only won lead has no amount
        Assert.Null(c.ShareOfRevenue); // an unknown revenue has no share (not 0 of 150,000)
        Assert.StartsWith("SEO: 2 leads, 1 won, 50.0", c.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("(1/2)", c.ToString(), StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => c.GetValue("not_a_metric"));
        Assert.Equal("metricId", unknown.ParamName);
        Assert.StartsWith("'not_a_metric' is not a metric of a segment summary.", unknown.Message, StringComparison.Ordinal);
        Assert.Null(c.AverageDealSize);
        Assert.Equal(1, c.WonWithoutDealAmount);
        Assert.Equal(2, c.LeadsWithoutCost);
        Assert.Null(c.ShareOfSpend);
        Assert.Equal(30.0, c.MedianCycleDays);
        Assert.Equal(3.0, c.SpeedToLeadMedianHours);
    }

    [Fact]
    public void The_totals_row_counts_every_lead_once()
    {
        var t = October2023().Total;
        Assert.True(t.Key.IsAll);
        Assert.Equal(0, t.Rank);
        Assert.Equal((9, 4, 2, 3, 2), (t.Leads, t.Won, t.Lost, t.Open, t.Stale));
        Assert.Equal(11_980.01m, t.Spend);
        Assert.Equal(150_000m, t.Revenue); // C1 adds nothing
        Assert.Equal(11_980.01m / 4, t.CostPerAcquisition);
        Assert.Equal(50_000m, t.AverageDealSize); // 150000 over the 3 won leads with an amount
        Assert.Equal(15.0, t.MedianCycleDays); // 3, 5, 10, 20, 20, 30
        Assert.Equal(15.0, t.MedianDaysToWin); // 3, 10, 20, 30
        Assert.Equal(3.0, t.SpeedToLeadMedianHours); // 0.5, 1, 2, 3, 6, 24, 24
        Assert.Equal(24.0, t.SpeedToLeadP90Hours);
        Assert.Equal(1.0, t.ShareOfLeads);
        Assert.Null(t.VersusRest);
    }

    [Fact]
    public void Costs_are_conserved_and_the_unmatched_ones_reported()
    {
        var costs = October2023().Costs;
        Assert.Equal(CostSource.CostTable, costs.Source);
        Assert.Equal(14_080.01m, costs.InPeriodTotal); // 1500 + 480 + 10000.01 + 2000 + 100
        Assert.Equal(11_980.01m, costs.Allocated);
        Assert.Equal(2100m, costs.Unallocated);
        Assert.Equal(1, costs.EntriesOutsidePeriod);
        Assert.Collection(costs.UnmatchedCosts,
            u => Assert.Equal(("小红书KOL", 2000m, UnmatchedCostReason.UnknownKey), (u.Entry.Key, u.InPeriodAmount, u.Reason)),
            u => Assert.Equal((Douyin, 100m, UnmatchedCostReason.NoLeadInPeriod), (u.Entry.Key, u.InPeriodAmount, u.Reason)));
        Assert.Equal(2, costs.LeadsWithoutCost);
        Assert.Equal(new[] { "C1", "C2" }, costs.LeadsWithoutCostIds);
        var capped = October2023(new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen }, MaxListedLeadIds = 1 }).Costs;
        Assert.Equal(2, capped.LeadsWithoutCost);
        Assert.Equal(new[] { "C1" }, capped.LeadsWithoutCostIds);
    }

    [Fact]
    public void A_channel_cost_splits_across_industries_by_lead_count()
    {
        var r = October2023(new EffectivenessOptions { Scope = new AnalysisScope { Period = October, Breakdown = new[] { Dimension.Channel, Dimension.Industry } }, RankBy = MetricIds.Spend });
        decimal? Spend(string channel, string? industry) => r.Find(new SegmentKey(new[] { Dimension.Channel, Dimension.Industry }, new[] { channel, industry }))?.Spend;
        Assert.Equal(6666.68m, Spend(TradeShow, "教育")); // B1 3333.34 + B2 3333.34
        Assert.Equal(3333.33m, Spend(TradeShow, "医疗")); // B3
        Assert.Equal(1480m, Spend(Douyin, "教育")); // A1 500 + A3 500 + A4 480
        Assert.Equal(500m, Spend(Douyin, "医疗"));
        Assert.Null(Spend(Seo, "教育"));
        Assert.Equal(r.Costs.Allocated, r.Segments.Sum(s => s.Spend ?? 0m));
        Assert.Equal("行业展会 × 教育", r.Segments[0].Label); // ranked by spend, highest first
    }

    [Fact]
    public void Costs_without_leads_become_findings_and_small_segments_raise_none()
    {
        var findings = October2023().Findings;
        Assert.All(findings, f => Assert.Equal(FindingKinds.SpendWithoutLeads, f.Kind)); // every segment is below 30 leads
        Assert.Equal(2, findings.Count);
        Assert.Equal("Channel 小红书KOL: 2,000 was spent in the period but no lead matches it (unknown_key).", findings[0].ToString());
        Assert.Equal("Channel 小红书KOL：本期花费 2,000，但没有匹配的线索（unknown_key）。", FindingTemplates.Format(findings[0], FindingTemplates.Chinese));
    }

    [Fact]
    public void Per_lead_costs_are_used_when_no_costs_table_is_given()
    {
        var leads = Leads().Select(l =>
        {
            var b = l.ToBuilder();
            b.AcquisitionCost = l.Channel == Seo ? null : Cny(l.Channel == Douyin ? 300m : 1000m);
            return b.Build();
        });
        var r = EngineCalls.Summarize(LeadTable.Build(leads), null, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen } });
        Assert.Equal(CostSource.PerLeadCosts, r.Costs.Source);
        Assert.Equal(1200m, r.Segments[0].Spend); // 4 Douyin leads x 300
        Assert.Equal(3000m, r.Segments[1].Spend);
        Assert.Null(r.Segments[2].Spend);
        Assert.Equal(4200m, r.Total.Spend);
        Assert.Equal(4200m, r.Costs.InPeriodTotal);
        Assert.Equal(0m, r.Costs.Unallocated);
        // Forcing per-lead costs ignores the costs table: these leads carry no acquisition cost, so spend is undefined.
        var forced = EngineCalls.Summarize(LeadTable.Build(Leads()), Costs(), AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen }, CostSource = CostSource.PerLeadCosts });
        Assert.Null(forced.Total.Spend);
    }

    [Fact]
    public void Period_over_period_sets_the_two_months_side_by_side()
    {
        var r = October2023(new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen }, PreviousPeriod = new AcquisitionPeriod(At(9, 1), At(10, 1)) });
        var previous = r.Previous!;
        // September: X1 (Douyin, won) with 1500 of the 3000 Douyin cost (15 of 30 days).
        Assert.Equal(1, previous.Total.Leads);
        Assert.Equal(1500m, previous.Segments[0].Spend);
        var douyin = r.Changes.Single(c => c.Key.Equals(SegmentKey.Of(Dimension.Channel, Douyin)));
        var leads = douyin.GetChange(MetricIds.Leads);
        Assert.Equal((4.0, 1.0, 3.0, 3.0), (leads.Current!.Value, leads.Previous!.Value, leads.AbsoluteChange!.Value, leads.RelativeChange!.Value));
        var conversion = douyin.GetChange(MetricIds.ConversionRate);
        Assert.Equal(-0.75, conversion.AbsoluteChange); // 25% vs 100%
        var tradeShow = r.Changes.Single(c => c.Key.Equals(SegmentKey.Of(Dimension.Channel, TradeShow)));
        Assert.Null(tradeShow.Previous);
        Assert.Null(tradeShow.GetChange(MetricIds.Leads).AbsoluteChange);
        Assert.Equal(8.0, r.TotalChange!.GetChange(MetricIds.Leads).AbsoluteChange);
        Assert.Equal(3, r.Changes.Count);
    }

    [Fact]
    public void Stale_leads_can_count_as_lost()
    {
        var t = October2023(new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsLost } }).Total;
        Assert.Equal((4, 4, 1, 2), (t.Won, t.Lost, t.Open, t.Stale));
        Assert.Equal(4.0 / 9, t.ConversionRate.Value); // conversion does not change
        Assert.Equal(0.5, t.WinRate.Value); // 4 won of 8 resolved
    }

    [Fact]
    public void As_of_hides_later_outcomes_and_later_leads()
    {
        // As of 10-13: A1 won (10-12), B2 not yet won (10-18), leads acquired after 10-13 do not exist yet.
        var r = EngineCalls.Summarize(LeadTable.Build(Leads()), Costs(), At(10, 13), new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen } });
        Assert.Equal(6, r.Total.Leads); // A1, A2, A3, B1, C1, C2
        Assert.Equal(1, r.Total.Won);
        // The 1500 of the first Douyin cost still goes to A1, A2, A3; the second (10-16 on) finds no lead yet.
        Assert.Equal(1500m, r.Find(SegmentKey.Of(Dimension.Channel, Douyin))!.Spend);
    }

    [Fact]
    public void Ranking_follows_the_metric_direction_with_undefined_values_last()
    {
        var byCac = October2023(new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen }, RankBy = MetricIds.CostPerAcquisition });
        Assert.Equal(new[] { Douyin, TradeShow, Seo }, byCac.Segments.Select(s => s.Label)); // 1980 < 5000.005 < undefined
        var byCacDescending = October2023(new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen }, RankBy = MetricIds.CostPerAcquisition, RankDescending = true });
        Assert.Equal(new[] { TradeShow, Douyin, Seo }, byCacDescending.Segments.Select(s => s.Label));
        Assert.Throws<ArgumentException>(() => October2023(new EffectivenessOptions { RankBy = "cpl" }));
    }

    [Fact]
    public void A_cost_in_another_currency_needs_a_converter()
    {
        var costs = Costs().Append(new CostEntry(CostScope.Channel, Douyin, At(10, 1), At(11, 1), new Money(100m, Currency.USD))).ToArray();
        var table = LeadTable.Build(Leads());
        Assert.Throws<CurrencyMismatchException>(() => EngineCalls.Summarize(table, costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen } }));
        var converted = EngineCalls.Summarize(table, costs, AsOf, new EffectivenessOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October, StaleTreatment = StaleTreatment.AsOpen },
            CurrencyConverter = (m, target) => m.ConvertTo(target, 7.2m),
        });
        Assert.Equal(1980m + 720m, converted.Segments[0].Spend); // 100 USD = 720 CNY over A1..A4: 180 each
    }

    [Fact]
    public void A_tag_breakdown_counts_a_lead_in_each_of_its_tags()
    {
        var leads = Leads().Select(l =>
        {
            var b = l.ToBuilder();
            b.Tags.Add(l.Industry == "教育" ? "region+age" : "broad");
            if (l.Id is "A1" or "B1")
            {
                b.Tags.Add("retargeting");
            }

            return b.Build();
        });
        var r = EngineCalls.Summarize(LeadTable.Build(leads), Costs(), AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Period = October, Breakdown = new[] { Dimension.Tag } } });
        Assert.True(r.SegmentsOverlap);
        Assert.Null(r.ConversionIndependence);
        Assert.Equal(11, r.Segments.Sum(s => s.Leads)); // 9 leads, two of them twice
        Assert.Equal(9, r.Total.Leads);
        var retargeting = r.Find(SegmentKey.Of(Dimension.Tag, "retargeting"))!;
        Assert.Equal((2, 2), (retargeting.Leads, retargeting.Won));
        Assert.Equal(500m + 3333.34m, retargeting.Spend); // A1's and B1's shares
    }

    [Fact]
    public void Chi_square_across_channels_uses_the_won_and_not_won_counts()
    {
        var r = October2023();
        long[][] expected = { new long[] { 1, 3 }, new long[] { 2, 1 }, new long[] { 1, 1 } };
        var reference = LeadAnalytics.Statistics.ProportionTests.ChiSquareIndependence(expected);
        Assert.Equal(reference.Statistic, r.ConversionIndependence!.Statistic);
        Assert.Equal(2.0, r.ConversionIndependence.DegreesOfFreedom);
    }
}
