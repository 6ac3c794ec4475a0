using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;
using static LeadAnalytics.Tests.Effectiveness.HandComputedTableTests;

namespace LeadAnalytics.Tests.Effectiveness;

// The hand-computed October 2023 table (HandComputedTableTests) with the ad platform's impressions and clicks on its costs,
// and gross margins. Every expected number is derived in the comments.
public class AdvertisingAndProfitTests
{
    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static CostEntry[] AdCosts() => new[]
    {
        // 15 of 30 days in October: 1500 of spend, R(60000) - R(30000) = 30000 impressions, R(1200) - R(600) = 600 clicks.
        new CostEntry(CostScope.Channel, Douyin, At(9, 16), At(10, 16), Cny(3000m), impressions: 60_000, clicks: 1_200),
        // 16 of 30 days: 480 of spend, R(10001 x 16/30) = R(5333.87) = 5334 impressions; no clicks reported.
        new CostEntry(CostScope.Channel, Douyin, At(10, 16), At(11, 15), Cny(900m), impressions: 10_001),
        // All of October, and it counts for Douyin's ad figures although no lead arrived that day (its spend is unmatched).
        new CostEntry(CostScope.Channel, Douyin, At(10, 21), At(10, 22), Cny(100m), impressions: 100, clicks: 3),
        // Trade show: zero impressions and clicks, so its ratios are undefined.
        new CostEntry(CostScope.Channel, TradeShow, At(10, 1), At(11, 1), Cny(10_000.01m), impressions: 0, clicks: 0),
        // A channel without leads: no segment, so not in the totals row either.
        new CostEntry(CostScope.Channel, "小红书KOL", At(10, 1), At(11, 1), Cny(2000m), impressions: 5_000, clicks: 50),
        // August: outside the period.
        new CostEntry(CostScope.Channel, TradeShow, At(8, 1), At(9, 1), Cny(5000m), impressions: 9_999, clicks: 99),
    };

    private static EffectivenessResult Summarize(EffectivenessOptions? options = null) =>
        EngineCalls.Summarize(LeadTable.Build(Leads()), AdCosts(), AsOf, options ?? new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October } });

    [Fact]
    public void Impressions_clicks_and_their_ratios_per_channel()
    {
        var r = Summarize();
        var a = r.Segments.Single(s => s.Label == Douyin);
        Assert.Equal(30_000 + 5_334 + 100, a.Impressions); // 35434
        Assert.Equal(600 + 3, a.Clicks); // 603
        // CTR over the entries carrying both: 603 / (30000 + 100).
        Assert.Equal(603, a.ClickThroughRate!.Numerator);
        Assert.Equal(30_100, a.ClickThroughRate.Denominator);
        Assert.Equal(603.0 / 30_100, a.ClickThroughRate.Value);
        Assert.Equal(ProportionIntervals.Wilson(603, 30_100, 0.95), (a.ClickThroughRate.Lower!.Value, a.ClickThroughRate.Upper!.Value));
        // CPC: amount of the entries with clicks (1500 + 100) / 603.
        Assert.Equal(1600m / 603, a.CostPerClick);
        // CPM: amount of the entries with impressions (1500 + 480 + 100) x 1000 / 35434.
        Assert.Equal(2080m * 1000m / 35_434, a.CostPerThousandImpressions);
        // Click-to-lead: 4 leads / 603 clicks.
        Assert.Equal(4.0 / 603, a.ClickToLeadRate);

        var b = r.Segments.Single(s => s.Label == TradeShow);
        Assert.Equal(0L, b.Impressions);
        Assert.Equal(0L, b.Clicks);
        Assert.False(b.ClickThroughRate!.IsDefined); // 0 / 0
        Assert.Null(b.ClickThroughRate.Value);
        Assert.Null(b.CostPerClick);
        Assert.Null(b.CostPerThousandImpressions);
        Assert.Null(b.ClickToLeadRate);

        var c = r.Segments.Single(s => s.Label == Seo); // no cost entry at all
        Assert.Null(c.Impressions);
        Assert.Null(c.Clicks);
        Assert.Null(c.ClickThroughRate);
        Assert.Null(c.CostPerClick);
        Assert.Null(c.CostPerThousandImpressions);
        Assert.Null(c.ClickToLeadRate);
        Assert.Null(c.GetValue(MetricIds.ClickThroughRate));

        // Totals: the sum of the segments (小红书KOL has no lead, so no segment). Click-to-lead divides the leads of the
        // segments that report clicks (Douyin 4 + trade show 3) by all clicks.
        var t = r.Total;
        Assert.Equal(35_434L, t.Impressions);
        Assert.Equal(603L, t.Clicks);
        Assert.Equal(603.0 / 30_100, t.ClickThroughRate!.Value);
        Assert.Equal((1600m + 10_000.01m) / 603, t.CostPerClick);
        Assert.Equal((2080m + 10_000.01m) * 1000m / 35_434, t.CostPerThousandImpressions);
        Assert.Equal(7.0 / 603, t.ClickToLeadRate);
        Assert.Equal(35_434.0, t.GetValue(MetricIds.Impressions));
    }

    [Fact]
    public void Impressions_and_clicks_read_from_a_costs_csv_reach_the_summary()
    {
        // Whole-month entries and the whole time range: every entry counts in full. Douyin: 4000 / 80000 impressions /
        // 1600 clicks; its leads by as-of are A1..A4 and X1 (September) = 5.
        const string csv = "scope,key,period_start,period_end,amount,currency,impressions,clicks\n"
            + "channel,抖音信息流,2023-10-01,2023-10-31,4000,CNY,80000,1600\n"
            + "channel,行业展会,2023-10-01,2023-10-31,9000,CNY,,\n";
        var costs = LeadAnalytics.Csv.CostCsv.Read(new StringReader(csv));
        Assert.Empty(costs.Issues);
        var r = EngineCalls.Summarize(LeadTable.Build(Leads()), costs.Records, AsOf);
        var a = r.Segments.Single(s => s.Label == Douyin);
        Assert.Equal((80_000L, 1_600L), (a.Impressions!.Value, a.Clicks!.Value));
        Assert.Equal(0.02, a.ClickThroughRate!.Value); // 1600 / 80000
        Assert.Equal(2.5m, a.CostPerClick); // 4000 / 1600
        Assert.Equal(50m, a.CostPerThousandImpressions); // 4000 x 1000 / 80000
        Assert.Equal(5.0 / 1600, a.ClickToLeadRate);
        Assert.Null(r.Segments.Single(s => s.Label == TradeShow).Impressions); // empty cells: not reported
    }

    [Fact]
    public void Leads_can_exceed_clicks_then_click_to_lead_is_a_plain_ratio_above_one()
    {
        // Douyin's 4 October leads against 2 clicks over [10-01, 11-01): 4 / 2 = 2, no interval (a double, not a Rate).
        var costs = new[] { new CostEntry(CostScope.Channel, Douyin, At(10, 1), At(11, 1), Cny(100m), impressions: 50, clicks: 2) };
        var r = EngineCalls.Summarize(LeadTable.Build(Leads()), costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October } });
        Assert.Equal(2.0, r.Segments.Single(s => s.Label == Douyin).ClickToLeadRate);
        Assert.Equal(MetricUnit.Ratio, MetricCatalog.ClickToLeadRate.Unit);
    }

    [Fact]
    public void Clicks_above_impressions_leave_the_click_through_rate_undefined()
    {
        var costs = new[] { new CostEntry(CostScope.Channel, Douyin, At(10, 1), At(11, 1), Cny(100m), impressions: 5, clicks: 9) };
        var a = EngineCalls.Summarize(LeadTable.Build(Leads()), costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October } })
            .Segments.Single(s => s.Label == Douyin);
        Assert.Null(a.ClickThroughRate);
        Assert.Equal(9L, a.Clicks);
        Assert.Equal(100m / 9, a.CostPerClick);
        Assert.Equal(100m * 1000m / 5, a.CostPerThousandImpressions);
    }

    [Theory]
    [InlineData(Dimension.Strategy)] // channel entries do not apply to a strategy breakdown
    [InlineData(Dimension.Industry)] // not a cost scope
    public void Ad_figures_need_the_breakdown_to_be_the_cost_scope(Dimension dimension)
    {
        var r = Summarize(new EffectivenessOptions { Scope = new AnalysisScope { Period = October, Breakdown = new[] { dimension } } });
        Assert.All(r.Segments.Append(r.Total), s => Assert.Null(s.Impressions));
        Assert.All(r.Segments.Append(r.Total), s => Assert.Null(s.ClickToLeadRate));
        var pair = Summarize(new EffectivenessOptions { Scope = new AnalysisScope { Period = October, Breakdown = new[] { Dimension.Channel, Dimension.Industry } } });
        Assert.All(pair.Segments.Append(pair.Total), s => Assert.Null(s.Clicks));
    }

    [Fact]
    public void Adjacent_periods_split_impressions_and_clicks_exactly()
    {
        // Douyin [09-16, 10-16): September has its first 15 days, October its last 15: 30000 + 30000, 600 + 600.
        var september = new AcquisitionPeriod(At(9, 1), At(10, 1));
        var costs = new[] { AdCosts()[0] };
        var leads = Leads();
        var table = LeadTable.Build(leads);
        var sep = EngineCalls.Summarize(table, costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = september } }).Segments.Single(s => s.Label == Douyin);
        var oct = EngineCalls.Summarize(table, costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October } }).Segments.Single(s => s.Label == Douyin);
        Assert.Equal((30_000L, 600L), (sep.Impressions!.Value, sep.Clicks!.Value)); // X1 is September's Douyin lead
        Assert.Equal((30_000L, 600L), (oct.Impressions!.Value, oct.Clicks!.Value));
    }

    [Fact]
    public void Gross_profit_profit_roi_and_profit_per_customer()
    {
        // Douyin sells at 5% margin (its own entry), everything else at the default 30%.
        var r = EngineCalls.Summarize(LeadTable.Build(Leads()), Costs(), AsOf, new EffectivenessOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October },
            DefaultGrossMargin = 0.30m,
            GrossMarginBySegment = new Dictionary<string,
            decimal> { [Douyin] = 0.05m },
            RankBy = MetricIds.ProfitRoi,
        });

        // Ranked by profit ROI the trade show comes first, although Douyin's ROAS (25.3) is far above its (10.0).
        Assert.Equal(new[] { TradeShow, Douyin, Seo }, r.Segments.Select(s => s.Label));
        var b = r.Segments[0];
        Assert.Equal(100_000m * 0.30m, b.GrossProfit); // 30000
        Assert.Equal((30_000m - 10_000.01m) / 10_000.01m, b.ProfitRoi); // 1.99999...
        Assert.Equal(30_000m / 2, b.ProfitPerCustomer); // B1 and B2 won with amounts

        var a = r.Segments[1];
        Assert.Equal(50_000m * 0.05m, a.GrossProfit); // 2500
        Assert.Equal((2500m - 1980m) / 1980m, a.ProfitRoi); // 0.2626...
        Assert.Equal(2500m, a.ProfitPerCustomer);
        Assert.True(a.Roas > b.Roas);

        var c = r.Segments[2]; // its won lead has no amount: revenue, and so gross profit, undefined
        Assert.Null(c.GrossProfit);
        Assert.Null(c.ProfitRoi);
        Assert.Null(c.ProfitPerCustomer);

        // Totals: 2500 + 30000 (segments do not overlap); spend 11980.01; 3 won leads with an amount.
        var t = r.Total;
        Assert.Equal(32_500m, t.GrossProfit);
        Assert.Equal((32_500m - 11_980.01m) / 11_980.01m, t.ProfitRoi);
        Assert.Equal(32_500m / 3, t.ProfitPerCustomer);
        Assert.Equal((double)(32_500m / 3), t.GetValue(MetricIds.ProfitPerCustomer));
    }

    [Fact]
    public void Without_a_margin_profit_is_undefined_and_a_segment_without_its_margin_leaves_the_total_undefined()
    {
        var none = Summarize();
        Assert.All(none.Segments.Append(none.Total), s => Assert.Null(s.GrossProfit));

        // Only the trade show has a margin: Douyin (revenue 50000) has none, so the totals row cannot be summed.
        var partial = Summarize(new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October }, GrossMarginBySegment = new Dictionary<string, decimal> { [TradeShow] = 0.4m } });
        Assert.Equal(40_000m, partial.Segments.Single(s => s.Label == TradeShow).GrossProfit);
        Assert.Null(partial.Segments.Single(s => s.Label == Douyin).GrossProfit);
        Assert.Null(partial.Total.GrossProfit);
    }

    [Fact]
    public void With_overlapping_tag_segments_the_totals_row_uses_the_default_margin()
    {
        // L1 tagged a and b, won 100; L2 tagged a, won 50. Segment a: revenue 150, b: 100; the totals row counts each lead
        // once: 150. Margins: b 50%, default 20%. a: 150 x 0.2 = 30; b: 100 x 0.5 = 50; totals: 150 x 0.2 = 30 (not 30 + 50).
        Lead Won(string id, decimal deal, params string[] tags)
        {
            var builder = new LeadBuilder { Id = id, Channel = Douyin, AcquiredAt = At(10, 2), WonAt = At(10, 9), DealAmount = Cny(deal) };
            foreach (var tag in tags)
            {
                builder.Tags.Add(tag);
            }

            return builder.Build();
        }

        var table = LeadTable.Build(new[] { Won("L1", 100m, "a", "b"), Won("L2", 50m, "a") });
        EffectivenessResult Run(decimal? fallback) => EngineCalls.Summarize(table, null, AsOf, new EffectivenessOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { Dimension.Tag } },
            DefaultGrossMargin = fallback,
            GrossMarginBySegment = new Dictionary<string,
            decimal> { ["b"] = 0.5m },
        });

        var r = Run(0.2m);
        Assert.True(r.SegmentsOverlap);
        Assert.Equal(30m, r.Segments.Single(s => s.Label == "a").GrossProfit);
        Assert.Equal(50m, r.Segments.Single(s => s.Label == "b").GrossProfit);
        Assert.Equal(30m, r.Total.GrossProfit);
        Assert.Equal(15m, r.Total.ProfitPerCustomer); // 30 / 2 won with an amount
        Assert.Null(r.Total.ProfitRoi); // no spend
        Assert.Null(Run(null).Total.GrossProfit);
    }

    [Fact]
    public void A_margin_above_one_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Summarize(new EffectivenessOptions { DefaultGrossMargin = 1.2m }));
        Assert.Throws<ArgumentException>(() => Summarize(new EffectivenessOptions { GrossMarginBySegment = new Dictionary<string, decimal> { [Douyin] = 2m } }));
    }

    private static readonly Gen<CostEntry[]> AdCostsGen =
        from costs in EffectivenessGenerators.Costs
        from impressions in Gen.ArrayOf(Gen.Choose(-1, 100_000), 12)
        from clicks in Gen.ArrayOf(Gen.Choose(-1, 2_000), 12)
        select costs.Select((e, i) => new CostEntry(e.Scope, e.Key, e.PeriodStart, e.PeriodEnd, e.Amount,
            impressions[i] < 0 ? null : impressions[i], clicks[i] < 0 ? null : Math.Min(clicks[i], impressions[i] < 0 ? clicks[i] : impressions[i]))).ToArray();

    [Property(MaxTest = 100)]
    public Property Segments_sum_to_the_totals_and_profit_reconciles() =>
        Prop.ForAll(Arb.From(
            from leads in Generators.Leads(Pipeline.Default, 0, 120)
            from costs in AdCostsGen
            from period in EffectivenessGenerators.Period
            from dimension in Gen.Elements(Dimension.Channel, Dimension.Strategy, Dimension.Content)
            select (leads, costs, period, dimension)), c =>
            {
                var (leads, costs, period, dimension) = c;
                var r = EngineCalls.Summarize(LeadTable.Build(leads), costs, Generators.Epoch.AddDays(200),
                    new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { dimension }, Period = period }, DefaultGrossMargin = 0.25m });
                var s = r.Segments;
                var t = r.Total;
                var withClicks = s.Where(x => x.Clicks is not null).Sum(x => x.Leads);
                return (s.Sum(x => x.Impressions ?? 0) == (t.Impressions ?? 0)).Label("impressions")
                    .And((s.Sum(x => x.Clicks ?? 0) == (t.Clicks ?? 0)).Label("clicks"))
                    .And((t.Clicks is not > 0 || t.ClickToLeadRate == (double)withClicks / t.Clicks).Label("click-to-lead of the totals"))
                    .And(s.Append(t).All(x => x.ClickThroughRate?.Value is not { } v || v is >= 0 and <= 1).Label("CTR in [0, 1]"))
                    .And((t.Revenue is not { } revenue || t.GrossProfit == revenue * 0.25m).Label("total gross profit = revenue x margin"))
                    .And((s.Sum(x => x.GrossProfit ?? 0m) == (t.GrossProfit ?? 0m)).Label("segments' gross profit sums to the total"));
            });
}
