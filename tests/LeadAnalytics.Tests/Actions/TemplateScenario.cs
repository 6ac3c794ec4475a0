namespace LeadAnalytics.Tests.Actions;

/// <summary>
/// The template's three optimisation actions (DIGEST step 6) with their effects planted in seeded data, 25 leads a day
/// acquired 2023-07-01 .. 2023-12-31 (+08:00), every outcome within 55 days of acquisition:
/// <list type="number">
/// <item>SPIN training from 2023-10-15: Contacted -> NeedsConfirmed advance 60% -> 80% (drop-off 40% -> 20%).</item>
/// <item>Customer-case videos on Douyin from 2023-11-01: conversion of Douyin leads after needs discovery 14.8% -> 20%,
/// so Douyin conversion is 0.9 x 0.6 x 0.148 = 8.0% before 2023-10-15, 10.7% between, 14.4% from 2023-11-01.</item>
/// <item>Trade-show pre-screening from 2023-11-15: trade-show leads convert 25% -> 40% after needs discovery, and booth spend
/// falls from 60,000 to 48,000 a month from December (costs): about 90 trade-show leads a month converting 13.5% (18% from
/// 2023-10-15) cost about 4,500 per customer before, converting 28.8% about 2,100 after.</item>
/// </list>
/// Channel mix: 抖音信息流 30%, 行业展会 12%, SEO 58%.
/// </summary>
internal static class TemplateScenario
{
    internal static readonly DateTimeOffset SpinStart = ActionTestData.Day(2023, 10, 15);
    internal static readonly DateTimeOffset VideoStart = ActionTestData.Day(2023, 11, 1);
    internal static readonly DateTimeOffset ScreeningStart = ActionTestData.Day(2023, 11, 15);

    internal static List<Lead> Leads()
    {
        var rng = new Random(20231001);
        var leads = new List<Lead>();
        for (var day = ActionTestData.Day(2023, 7, 1); day < ActionTestData.Day(2024, 1, 1); day = day.AddDays(1))
        {
            for (var i = 0; i < 25; i++)
            {
                var u = rng.NextDouble();
                var channel = u < 0.30 ? "抖音信息流" : u < 0.42 ? "行业展会" : "SEO";
                var acquired = day.AddHours(8 + rng.Next(12)).AddMinutes(rng.Next(60));
                var contact = acquired >= SpinStart ? 0.8 : 0.6;
                var close = channel switch
                {
                    "抖音信息流" => acquired >= VideoStart ? 0.20 : 0.148,
                    "行业展会" => acquired >= ScreeningStart ? 0.40 : 0.25,
                    _ => 0.30,
                };
                leads.Add(Simulate($"{acquired:yyyyMMdd}{i:D3}", channel, acquired, contact, close, rng));
            }
        }

        return leads;
    }

    internal static List<CostEntry> Costs()
    {
        var costs = new List<CostEntry>();
        for (var m = ActionTestData.Day(2023, 7, 1); m < ActionTestData.Day(2024, 1, 1); m = m.AddMonths(1))
        {
            costs.Add(new CostEntry(CostScope.Channel, "抖音信息流", m, m.AddMonths(1), new Money(30_000m, Currency.CNY)));
            costs.Add(new CostEntry(CostScope.Channel, "行业展会", m, m.AddMonths(1), new Money(m.Month == 12 ? 48_000m : 60_000m, Currency.CNY)));
            costs.Add(new CostEntry(CostScope.Channel, "SEO", m, m.AddMonths(1), new Money(9_000m, Currency.CNY)));
        }

        return costs;
    }

    internal static OptimisationAction[] Actions() => new[]
    {
        Build("A1", "需求确认阶段流失率偏高(40%)", "开展两次SPIN提问技巧培训", "销售总监", SpinStart, ActionTestData.Day(2023, 11, 16), "dropoff(NeedsConfirmed) <= 25%"),
        Build("A2", "抖音信息流转化率偏低(8%)", "增加客户案例类视频内容", "市场经理", VideoStart, ActionTestData.Day(2023, 12, 1), "conversion(channel=抖音信息流) >= 10%"),
        Build("A3", "行业展会获客成本偏高(5000元/客户)", "展前通过邮件和短信预筛选客户", "市场经理", ScreeningStart, ActionTestData.Day(2023, 12, 11), "cac(channel=行业展会) <= 4000"),
    };

    private static OptimisationAction Build(string id, string finding, string action, string owner, DateTimeOffset start, DateTimeOffset due, string target) =>
        new OptimisationActionBuilder { Id = id, Finding = finding, Description = action, Owner = owner, Start = start, Due = due, Target = MetricTarget.Parse(target) }.Build();

    // Acquired -> Contacted 90%, Contacted -> NeedsConfirmed `contact`, then won with probability `close`, else lost at
    // NeedsConfirmed, ProposalSent or Negotiation. Each step takes 0.5-10 days; a loss comes 1-12 days after the last stage.
    private static Lead Simulate(string id, string channel, DateTimeOffset acquired, double contact, double close, Random rng)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, AcquiredAt = acquired };
        var t = acquired;
        DateTimeOffset Step() => t = t.AddHours(12 + rng.Next(228));
        if (rng.NextDouble() < 0.9)
        {
            b.ContactedAt = Step();
            if (rng.NextDouble() < contact)
            {
                b.NeedsConfirmedAt = Step();
                if (rng.NextDouble() < close)
                {
                    b.ProposalSentAt = Step();
                    b.NegotiationAt = Step();
                    b.WonAt = Step();
                    b.DealAmount = new Money(50_000m, Currency.CNY);
                    return b.Build();
                }

                for (var s = 3; s <= 4 && rng.NextDouble() < 0.5; s++)
                {
                    b.SetStageTime(Pipeline.Default.Stages[s].Name, Step());
                }
            }
        }

        b.LostAt = t.AddHours(24 + rng.Next(264));
        return b.Build();
    }
}
