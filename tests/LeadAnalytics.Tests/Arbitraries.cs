using FsCheck;
using FsCheck.Fluent;

namespace LeadAnalytics.Tests;

/// <summary>
/// Generators of realistic domain values, shared by every property test:
/// <c>[Property(Arbitrary = new[] { typeof(Arbitraries) })]</c>.
/// Leads always satisfy <see cref="LeadRule"/>; use <see cref="Generators"/> to compose your own.
/// </summary>
public static class Arbitraries
{
    public static Arbitrary<Currency> Currency() => Arb.From(Generators.Currency);

    public static Arbitrary<Money> Money() => Arb.From(Generators.Money);

    public static Arbitrary<Lead> Lead() => Arb.From(Generators.Lead(LeadAnalytics.Pipeline.Default));

    public static Arbitrary<Pipeline> Pipeline() => Arb.From(Generators.Pipeline);

    public static Arbitrary<Lead[]> Leads() => Arb.From(Generators.Leads(LeadAnalytics.Pipeline.Default, 0, 60));
}

/// <summary>The generators behind <see cref="Arbitraries"/>, for composing bespoke ones.</summary>
public static class Generators
{
    public static readonly DateTimeOffset Epoch = new(2023, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static readonly string[] Channels = { "抖音信息流", "行业展会", "SEO", "转介绍", "小红书KOL", "朋友圈广告" };
    public static readonly string[] Strategies = { "Douyin feed - education ads", "Trade show booth", "White paper download", "Demo video" };
    public static readonly string[] Contents = { "2023教育行业白皮书", "产品演示视频", "客户案例" };
    public static readonly string[] Industries = { "教育", "医疗", "制造" };
    public static readonly string[] Owners = { "张三", "李四", "王五" };
    public static readonly string[] Tags = { "region+age", "broad", "budget", "retargeting" };

    public static Gen<Currency> Currency { get; } =
        Gen.Elements(LeadAnalytics.Currency.CNY, LeadAnalytics.Currency.USD, LeadAnalytics.Currency.EUR, LeadAnalytics.Currency.FromCode("JPY"), LeadAnalytics.Currency.FromCode("KWD"));

    /// <summary>Amounts with up to 4 decimals between -10^9 and 10^9.</summary>
    public static Gen<decimal> Amount { get; } =
        from units in Gen.Choose(-1_000_000, 1_000_000)
        from thousands in Gen.Choose(0, 999)
        from fraction in Gen.Choose(0, 9999)
        select (units * 1000m) + (units < 0 ? -thousands : thousands) + (fraction / 10000m) * (units < 0 ? -1 : 1);

    public static Gen<Money> Money { get; } =
        from amount in Amount
        from currency in Currency
        select new Money(amount, currency);

    public static Gen<Pipeline> Pipeline { get; } =
        from extra in Gen.Choose(0, 5)
        select new Pipeline("P" + extra, Enumerable.Range(0, extra + 2).Select(i => new Stage(i == 0 ? "Start" : i == extra + 1 ? "Closed" : "S" + i)));

    /// <summary>Leads that satisfy every invariant of <paramref name="pipeline"/>: each recorded stage no earlier than the previous one.</summary>
    public static Gen<Lead> Lead(Pipeline pipeline) =>
        from id in Gen.Choose(1, 1_000_000)
        from channel in Gen.Elements(Channels)
        from strategy in Gen.Elements(Strategies)
        from content in Gen.Elements(Contents)
        from industry in Gen.Elements(Industries)
        from owner in Gen.Elements(Owners)
        from minutes in Gen.Choose(0, 60 * 24 * 180)
        from furthest in Gen.Choose(0, pipeline.Count - 1)
        from gaps in Gen.ArrayOf(Gen.Choose(0, 60 * 24 * 20), pipeline.Count)
        from recorded in Gen.ArrayOf(Gen.Elements(true, true, true, false), pipeline.Count)
        from lost in Gen.Elements(false, false, true)
        from lostGap in Gen.Choose(0, 60 * 24 * 40)
        from deal in Gen.Choose(0, 2_000_000)
        from cost in Gen.Choose(0, 10_000)
        from tag in Gen.Elements(Tags)
        select BuildLead(pipeline, id, channel, strategy, content, industry, owner, minutes, furthest, gaps, recorded, lost, lostGap, deal, cost, tag);

    public static Gen<Lead[]> Leads(Pipeline pipeline, int min, int max) =>
        from n in Gen.Choose(min, max)
        from leads in Gen.ArrayOf(Lead(pipeline), n)
        select Renumber(leads);

    private static Lead[] Renumber(Lead[] leads)
    {
        // Ids are unique within a data set.
        var result = new Lead[leads.Length];
        for (var i = 0; i < leads.Length; i++)
        {
            var b = leads[i].ToBuilder();
            b.Id = "L" + (i + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            result[i] = b.Build();
        }

        return result;
    }

    private static Lead BuildLead(Pipeline pipeline, int id, string channel, string strategy, string content, string industry, string owner,
        int minutes, int furthest, int[] gaps, bool[] recorded, bool lost, int lostGap, int deal, int cost, string tag)
    {
        var acquired = Epoch.AddMinutes(minutes);
        var b = new LeadBuilder
        {
            Pipeline = pipeline,
            Id = "L" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Channel = channel,
            Strategy = strategy,
            Content = content,
            Industry = industry,
            Owner = owner,
            CustomerType = "企业",
            AcquiredAt = acquired,
            AcquisitionCost = new Money(cost, LeadAnalytics.Currency.CNY),
        };
        b.Tags.Add(tag);
        var t = acquired;
        for (var i = 1; i <= furthest; i++)
        {
            t = t.AddMinutes(gaps[i]);
            // The furthest stage is always recorded; earlier ones may be skipped (real exports skip stages).
            if (recorded[i] || i == furthest)
            {
                b.SetStageTime(pipeline.Stages[i].Name, t);
            }
        }

        if (furthest == pipeline.WonIndex)
        {
            b.DealAmount = new Money(deal, LeadAnalytics.Currency.CNY);
        }
        else if (lost)
        {
            b.LostAt = t.AddMinutes(lostGap);
            b.LossReason = "budget";
        }

        return b.Build();
    }
}
