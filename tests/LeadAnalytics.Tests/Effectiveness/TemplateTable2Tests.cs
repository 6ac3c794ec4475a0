using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;

namespace LeadAnalytics.Tests.Effectiveness;

// One dataset of 1,000 leads that reproduces the lead counts, won counts, cost per customer (so spend = CAC x won) and deal
// amounts of every row of the template's Table 2 (DIGEST section 4) at once: channel rows (抖音 Douyin, 行业展会 trade show,
// SEO), content rows (白皮书 white paper, 演示视频 demo video) and industry rows (教育 education, 医疗 healthcare).
//
// Construction (cells are channel x content x industry; "other" content is 产品页, "other" industry 制造):
//   won:     20 (抖音, 产品页, 制造) at 30,000; at 50,000: 20 (抖音, 白皮书, 教育), 30 (行业展会, 白皮书, 教育),
//            10 (SEO, 演示视频, 教育), 10 (SEO, 演示视频, 医疗), 5 (SEO, 产品页, 医疗)
//   not won: 350 (抖音, 白皮书, 教育), 110 (抖音, 演示视频, 教育), 80 (行业展会, 演示视频, 教育), 90 (行业展会, 演示视频, 医疗),
//            50 (SEO, 演示视频, 医疗), 95 (SEO, 产品页, 医疗), 130 (SEO, 产品页, 制造)
//   spend per cell (thousands, spread over the cell's leads as per-lead acquisition costs, to the cent):
//            抖音/产品页/制造 66, 抖音/白皮书/教育 54, 行业展会/白皮书/教育 86, 行业展会/演示视频/教育 52,
//            行业展会/演示视频/医疗 12, SEO/产品页/医疗 48, SEO/产品页/制造 14.5, others 0
//   which solves the nine margins: 抖音 120, 行业展会 150, SEO 62.5; 白皮书 140, 演示视频 64, 产品页 128.5;
//   教育 192, 医疗 60, 制造 80.5 (each row's CAC x won).
public class TemplateTable2Tests
{
    private static readonly DateTimeOffset October = new(2023, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AsOf = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static readonly (string Channel, string Content, string Industry, int Won, int NotWon, decimal Deal, decimal Spend)[] Cells =
    {
        ("抖音", "产品页", "制造", 20, 0, 30_000m, 66_000m),
        ("抖音", "白皮书", "教育", 20, 350, 50_000m, 54_000m),
        ("行业展会", "白皮书", "教育", 30, 0, 50_000m, 86_000m),
        ("SEO", "演示视频", "教育", 10, 0, 50_000m, 0m),
        ("SEO", "演示视频", "医疗", 10, 50, 50_000m, 0m),
        ("SEO", "产品页", "医疗", 5, 95, 50_000m, 48_000m),
        ("抖音", "演示视频", "教育", 0, 110, 0m, 0m),
        ("行业展会", "演示视频", "教育", 0, 80, 0m, 52_000m),
        ("行业展会", "演示视频", "医疗", 0, 90, 0m, 12_000m),
        ("SEO", "产品页", "制造", 0, 130, 0m, 14_500m),
    };

    // The template's rows: dimension, value, leads, won, conversion %, cost per customer, deal amount, its "ROI" 1:x.
    public static TheoryData<Dimension, string, int, int, double, decimal, decimal, string> TemplateRows() => new()
    {
        { Dimension.Channel, "抖音", 500, 40, 8.0, 3000m, 1_600_000m, "1:2.1" },
        { Dimension.Channel, "行业展会", 200, 30, 15.0, 5000m, 1_500_000m, "1:3.0" },
        { Dimension.Channel, "SEO", 300, 25, 8.3, 2500m, 1_250_000m, "1:1.7" },
        { Dimension.Content, "白皮书", 400, 50, 12.5, 2800m, 2_500_000m, "1:4.5" },
        { Dimension.Content, "演示视频", 350, 20, 5.7, 3200m, 1_000_000m, "1:1.6" },
        { Dimension.Industry, "教育", 600, 60, 10.0, 3200m, 3_000_000m, "1:3.1" },
        { Dimension.Industry, "医疗", 250, 15, 6.0, 4000m, 750_000m, "1:1.9" },
    };

    internal static Lead[] Dataset()
    {
        var leads = new List<Lead>();
        var n = 0;
        foreach (var cell in Cells)
        {
            var size = cell.Won + cell.NotWon;
            // Spread the cell's spend to the cent: the quotient to everyone, one more cent to the first leads.
            var cents = (long)(cell.Spend * 100);
            for (var i = 0; i < size; i++)
            {
                n++;
                var acquired = October.AddMinutes(n * 40); // all within October
                var cost = (cents / size) + (i < cents % size ? 1 : 0);
                var b = new LeadBuilder
                {
                    Id = "T2-" + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                    Channel = cell.Channel,
                    Content = cell.Content,
                    Industry = cell.Industry,
                    AcquiredAt = acquired,
                    ContactedAt = acquired.AddHours(2),
                    AcquisitionCost = new Money(cost / 100m, Currency.CNY),
                };
                if (i < cell.Won)
                {
                    b.WonAt = acquired.AddDays(30);
                    b.DealAmount = new Money(cell.Deal, Currency.CNY);
                }
                else
                {
                    b.LostAt = acquired.AddDays(10);
                }

                leads.Add(b.Build());
            }
        }

        return leads.ToArray();
    }

    private static readonly LeadTable Table = LeadTable.Build(Dataset());

    [Theory]
    [MemberData(nameof(TemplateRows))]
    public void Reproduces_each_row_of_Table_2(Dimension dimension, string value, int leads, int won, double conversionPercent, decimal costPerCustomer,
        decimal revenue, string templateRoi)
    {
        var result = EngineCalls.Summarize(Table, null, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { dimension } } });
        var row = result.Find(SegmentKey.Of(dimension, value))!;
        Assert.Equal(leads, row.Leads);
        Assert.Equal(won, row.Won);
        Assert.Equal(conversionPercent, Math.Round(row.ConversionRate.Value!.Value * 100, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(costPerCustomer, row.CostPerAcquisition);
        Assert.Equal(costPerCustomer * won, row.Spend);
        Assert.Equal(revenue, row.Revenue);
        // Our ROAS is revenue / spend; the template's "ROI" column is not (see docs/metrics.md).
        Assert.Equal(revenue / (costPerCustomer * won), row.Roas);
        Assert.NotEqual(templateRoi, EffectivenessFormat.RoasRatio(row.Roas));
        Assert.Equal(CostSource.PerLeadCosts, result.Costs.Source);
        Assert.Equal(332_500m, result.Total.Spend); // every breakdown has the same total
        Assert.Equal(4_350_000m, result.Total.Revenue);
    }

    [Fact]
    public void Our_ROAS_column_for_Table_2()
    {
        string Roas(Dimension d, string v) =>
            EffectivenessFormat.RoasRatio(EngineCalls.Summarize(Table, null, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { d } } }).Find(SegmentKey.Of(d, v))!.Roas);
        Assert.Equal("1:13.3", Roas(Dimension.Channel, "抖音"));
        Assert.Equal("1:10.0", Roas(Dimension.Channel, "行业展会"));
        Assert.Equal("1:20.0", Roas(Dimension.Channel, "SEO"));
        Assert.Equal("1:17.9", Roas(Dimension.Content, "白皮书"));
        Assert.Equal("1:15.6", Roas(Dimension.Content, "演示视频"));
        Assert.Equal("1:15.6", Roas(Dimension.Industry, "教育"));
        Assert.Equal("1:12.5", Roas(Dimension.Industry, "医疗"));
    }

    [Fact]
    public void The_channel_rows_come_out_the_same_from_a_costs_table()
    {
        var month = new AcquisitionPeriod(October, October.AddMonths(1));
        var costs = new[]
        {
            new CostEntry(CostScope.Channel, "抖音", October, October.AddMonths(1), new Money(120_000m, Currency.CNY)),
            new CostEntry(CostScope.Channel, "行业展会", October, October.AddMonths(1), new Money(150_000m, Currency.CNY)),
            new CostEntry(CostScope.Channel, "SEO", October, October.AddMonths(1), new Money(62_500m, Currency.CNY)),
        };
        var r = EngineCalls.Summarize(Table, costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = month } });
        Assert.Equal(CostSource.CostTable, r.Costs.Source);
        Assert.Equal(new[] { 3000m, 5000m, 2500m }, new[] { "抖音", "行业展会", "SEO" }.Select(c => r.Find(SegmentKey.Of(Dimension.Channel, c))!.CostPerAcquisition!.Value));
        Assert.Equal(240m, r.Find(SegmentKey.Of(Dimension.Channel, "抖音"))!.CostPerLead); // 120,000 / 500
        Assert.Equal(0m, r.Costs.Unallocated);
        Assert.Equal(0, r.Costs.LeadsWithoutCost);
    }

    [Fact]
    public void Findings_for_the_channel_table()
    {
        var r = EngineCalls.Summarize(Table, null, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
        // 行业展会 converts at 15% vs 65/800 = 8.1% for the rest: z test, Holm over three channels.
        var above = Assert.Single(r.Findings, f => f.Kind == FindingKinds.ConversionAboveRest);
        Assert.Equal("行业展会", above.Segment.Values[0]);
        Assert.Equal(0.15, above.Value);
        Assert.Equal(65.0 / 800, above.ComparisonValue!.Value, 15);
        var z = LeadAnalytics.Statistics.ProportionTests.TwoProportionZ(30, 200, 65, 800);
        Assert.Equal(z.PValue, above.Evidence!.PValue);
        Assert.True(above.Evidence.AdjustedPValue >= above.Evidence.PValue);
        // 行业展会 also costs 5,000 per customer vs (120,000 + 62,500) / 65 = 2,807.69 for the rest: high conversion, high CAC.
        var cac = Assert.Single(r.Findings, f => f.Kind == FindingKinds.HighConversionHighCostPerAcquisition);
        Assert.Equal(5000.0, cac.Value);
        Assert.Equal((double)(182_500m / 65), cac.ComparisonValue!.Value, 9);
        // 抖音 holds half the leads at 8% vs 55/500 = 11% for the rest: the gap is 27% (>= 20%): high volume, low conversion.
        var volume = Assert.Single(r.Findings, f => f.Kind == FindingKinds.HighVolumeLowConversion);
        Assert.Equal("抖音", volume.Segment.Values[0]);
        Assert.Equal("50.0%", volume.Arguments["share"]);
        Assert.DoesNotContain(r.Findings, f => f.Kind == FindingKinds.RoasBelowThreshold); // every ROAS is above 10
        Assert.Equal("抖音: many leads (50.0% of all) but conversion 8.0% is well below the rest (11.0%); review its content or targeting.", volume.ToString());
    }

    // The template's ROI column, reconstructed from its own numbers: neither revenue / (CAC x won) nor revenue / (CAC x leads)
    // reproduces it. docs/metrics.md quotes these values.
    [Theory]
    [InlineData(500, 40, 3000, 1_600_000, 2.1, 13.33, 1.07, 2.13)]
    [InlineData(200, 30, 5000, 1_500_000, 3.0, 10.00, 1.50, 3.00)]
    [InlineData(300, 25, 2500, 1_250_000, 1.7, 20.00, 1.67, 3.33)]
    [InlineData(400, 50, 2800, 2_500_000, 4.5, 17.86, 2.23, 4.46)]
    [InlineData(350, 20, 3200, 1_000_000, 1.6, 15.63, 0.89, 1.79)]
    [InlineData(600, 60, 3200, 3_000_000, 3.1, 15.63, 1.56, 3.13)]
    [InlineData(250, 15, 4000, 750_000, 1.9, 12.50, 0.75, 1.50)]
    public void The_template_ROI_column_does_not_reconcile(int leads, int won, int cac, int revenue, double templateX, double perCustomer, double perLead, double twicePerLead)
    {
        Assert.Equal(perCustomer, Math.Round((double)revenue / (cac * won), 2, MidpointRounding.AwayFromZero));
        Assert.Equal(perLead, Math.Round((double)revenue / ((double)cac * leads), 2, MidpointRounding.AwayFromZero));
        Assert.Equal(twicePerLead, Math.Round(2.0 * revenue / ((double)cac * leads), 2, MidpointRounding.AwayFromZero));
        Assert.NotEqual(templateX, Math.Round(perCustomer, 1));
    }
}
