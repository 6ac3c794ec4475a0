using LeadAnalytics.Quality;

namespace LeadAnalytics.Tests.Csv;

/// <summary>The five leads every golden tracking-table file (TestData/Csv/leads_*.csv) holds, written out by hand.</summary>
internal static class TrackingTableFiles
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Csv", name);

    public static DateTimeOffset Cst(int month, int day, int hour = 0, int minute = 0) => new(2023, month, day, hour, minute, 0, ChinaOffset);

    public static Money Yuan(decimal amount) => new(amount, Currency.CNY);

    public static IReadOnlyList<Lead> ExpectedLeads()
    {
        var l1 = new LeadBuilder
        {
            Id = "20231001001", Name = "某教育科技公司", Channel = "抖音信息流", Strategy = "Douyin feed - education ads", Content = "2023教育行业白皮书",
            AcquiredAt = Cst(10, 1, 14, 30), Owner = "张三", CustomerType = "企业", Industry = "教育",
            ContactedAt = Cst(10, 2, 9), NeedsConfirmedAt = Cst(10, 5, 10), ProposalSentAt = Cst(10, 10, 15), NegotiationAt = Cst(10, 15, 11),
            WonAt = Cst(10, 20, 16), DealAmount = Yuan(50_000m), AcquisitionCost = Yuan(3_000m), Notes = "签约, 首付30%",
        };
        l1.Attributes[DataQualityOptions.CycleDaysAttribute] = "19";
        var l2 = new LeadBuilder
        {
            Id = "20231001002", Name = "李女士", Channel = "行业展会", Strategy = "Trade show booth", Content = "产品演示视频",
            AcquiredAt = Cst(10, 1, 16, 5), Owner = "李四", CustomerType = "个人", Industry = "医疗",
            ContactedAt = Cst(10, 3, 10), LostAt = Cst(10, 20, 18), LossReason = "预算不足", AcquisitionCost = Yuan(5_000m), Notes = "第一行\n第二行",
        };
        l2.Attributes[DataQualityOptions.CycleDaysAttribute] = "19";
        var l3 = new LeadBuilder
        {
            Id = "20231002001", Name = "某制造企业", Channel = "SEO", Strategy = "White paper download", Content = "2023教育行业白皮书",
            AcquiredAt = Cst(10, 2, 9, 15), Owner = "王五", CustomerType = "企业", Industry = "制造",
            ContactedAt = Cst(10, 2, 11), NeedsConfirmedAt = Cst(10, 8, 14), AcquisitionCost = Yuan(2_500m),
        };
        var l4 = new LeadBuilder
        {
            Id = "20231003001", Name = "某医院", Channel = "抖音信息流", Strategy = "Demo video", Content = "产品演示视频",
            AcquiredAt = Cst(10, 3, 8), Owner = "张三", CustomerType = "企业", Industry = "医疗",
            WonAt = Cst(11, 1, 10), DealAmount = Yuan(120_000m), AcquisitionCost = Yuan(3_200m),
        };
        l4.Attributes[DataQualityOptions.CycleDaysAttribute] = "29";
        var l5 = new LeadBuilder
        {
            Id = "20231004001", Name = "某培训机构", Channel = "转介绍", AcquiredAt = Cst(10, 4), Owner = "李四", CustomerType = "企业", Industry = "教育",
        };
        return new[] { l1.Build(), l2.Build(), l3.Build(), l4.Build(), l5.Build() };
    }
}
