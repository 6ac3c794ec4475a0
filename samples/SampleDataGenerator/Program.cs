using System.Globalization;
using System.Text;

// Generates the sample data set that resembles the template (DIGEST sections 2-4), with effects planted so a
// reader can check that the engines recover them. Usage: dotnet run --project samples/SampleDataGenerator [-- OUTDIR]
// The planted truth is documented in samples/data/README.md.
var outDir = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "samples", "data");
Directory.CreateDirectory(outDir);
var data = SampleData.Generate(seed: 20231001);
File.WriteAllText(Path.Combine(outDir, "leads.csv"), data.Leads, new UTF8Encoding(false));
File.WriteAllText(Path.Combine(outDir, "costs.csv"), data.Costs, new UTF8Encoding(false));
File.WriteAllText(Path.Combine(outDir, "touchpoints.csv"), data.Touchpoints, new UTF8Encoding(false));
File.WriteAllText(Path.Combine(outDir, "actions.csv"), data.Actions, new UTF8Encoding(false));
// The same leads, costs and actions as workbooks a team fills in Excel or WPS, written by MiniExcel (LeadAnalytics.Excel):
// Chinese headers, dates as date cells, amounts as numbers (about half the deal amounts as text in 万, such as "5.86万").
SampleWorkbooks.Write(outDir, data);
Console.WriteLine($"wrote {data.LeadCount} leads, {data.TouchpointCount} touchpoints to {outDir}");

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadAnalytics.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

internal sealed record GeneratedData(string Leads, string Costs, string Touchpoints, string Actions, int LeadCount, int TouchpointCount);

internal static class SampleData
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Channel profile: share of leads, multiplier on every step's advance probability, monthly spend (yuan),
    // mean deal size multiplier. Douyin: many leads, weak conversion; trade show: few, strong, expensive;
    // referral: strong and cheap; the rest in between.
    private sealed record ChannelProfile(string Name, double Share, double Quality, decimal MonthlySpend, double DealFactor, string[] Strategies);

    private static readonly ChannelProfile[] Channels =
    {
        new("抖音信息流", 0.30, 0.72, 60_000m, 0.9, new[] { "抖音信息流-教育行业广告", "抖音信息流-医疗行业广告" }),
        new("行业展会", 0.12, 0.875, 60_000m, 1.4, new[] { "2023教育装备展", "医疗器械博览会" }),
        new("SEO", 0.18, 0.74, 12_000m, 1.0, new[] { "SEO-行业关键词", "SEO-品牌词" }),
        new("转介绍", 0.08, 1.05, 3_000m, 1.2, new[] { "老客户转介绍奖励" }),
        new("小红书KOL", 0.17, 0.66, 40_000m, 0.8, new[] { "小红书KOL测评", "小红书KOL直播" }),
        new("朋友圈广告", 0.15, 0.60, 30_000m, 0.85, new[] { "朋友圈广告-地域+年龄定向", "朋友圈广告-宽泛定向" }),
    };

    // Content: the white paper converts about twice as well as the product page (DIGEST step 5.3).
    private static readonly (string Name, double Quality)[] Contents =
    {
        ("2023教育行业白皮书", 1.25), ("产品演示视频", 0.85), ("客户案例集", 1.05), ("产品介绍页", 0.75),
    };

    private static readonly (string Name, double Share, double DealYuan)[] Industries =
    {
        ("教育", 0.45, 52_000), ("医疗", 0.25, 68_000), ("制造", 0.30, 45_000),
    };

    private static readonly string[] Owners = { "张伟", "李娜", "王磊", "刘洋", "陈静" };
    private static readonly string[] LossReasons = { "预算不足", "决策链过长", "竞品价格更低", "需求不匹配", "联系不上" };
    private static readonly string[] TouchChannels = { "抖音信息流", "行业展会", "SEO", "转介绍", "小红书KOL", "朋友圈广告", "直接访问" };

    // Base probability of advancing from stage k to k+1 (Acquired->Contacted ... Negotiation->Won), before channel
    // and content multipliers: the template's 10% / 40% / 20% drop-offs for the first three steps, so
    // Contacted -> NeedsConfirmed is the planted bottleneck.
    private static readonly double[] Advance = { 0.90, 0.60, 0.80, 0.78, 0.72 };

    // Mean days spent before advancing from each stage (exponential), and before being lost.
    private static readonly double[] StageDays = { 1.5, 6, 5, 8, 10 };

    public static readonly DateTime Start = new(2023, 7, 1);
    public static readonly DateTime End = new(2024, 1, 1);       // acquisitions in [Start, End)
    public static readonly DateTime AsOf = new(2024, 1, 15);     // nothing is recorded after this

    public static GeneratedData Generate(int seed)
    {
        var rng = new Random(seed);
        var leads = new StringBuilder();
        leads.AppendLine("lead_id,lead_name,channel,strategy,content,acquired_at,owner,customer_type,industry,contacted_at,needs_confirmed_at,proposal_at,negotiation_at,won_at,lost_at,loss_reason,deal_amount,acquisition_cost,cycle_days,tags,last_activity_at,currency,notes");
        var touches = new StringBuilder();
        touches.AppendLine("lead_id,occurred_at,channel,strategy,content,milestone");
        var leadCount = 0;
        var touchCount = 0;
        var perDay = new Dictionary<DateTime, int>();
        const int total = 3000;
        var days = (End - Start).Days;
        for (var i = 0; i < total; i++)
        {
            var channel = Pick(rng, Channels, c => c.Share);
            var strategy = channel.Strategies[rng.Next(channel.Strategies.Length)];
            var content = Contents[rng.Next(Contents.Length)];
            var industry = Pick(rng, Industries, x => x.Share);
            var owner = Owners[rng.Next(Owners.Length)];
            var acquired = Start.AddDays(rng.Next(days)).AddHours(8 + rng.Next(11)).AddMinutes(rng.Next(60));
            var day = acquired.Date;
            perDay[day] = perDay.TryGetValue(day, out var n) ? n + 1 : 1;
            var id = acquired.ToString("yyyyMMdd", Inv) + perDay[day].ToString("D3", Inv);

            // Planted action effects (samples/data/README.md):
            // 1. SPIN training from 2023-10-15: Contacted -> NeedsConfirmed advance 0.60 -> 0.75 (drop-off 40% -> 25%).
            // 2. Customer-case videos on Douyin from 2023-11-01: Douyin quality 0.72 -> 0.80 (conversion about 8% -> 11%).
            // 3. Trade-show pre-screening from 2023-11-15: fewer, better trade-show leads (see costs) -> lower CAC.
            var quality = channel.Quality * content.Quality;
            if (channel.Name == "抖音信息流" && acquired >= new DateTime(2023, 11, 1))
            {
                quality = 0.80 * content.Quality;
            }

            if (channel.Name == "行业展会" && acquired >= new DateTime(2023, 11, 15))
            {
                quality *= 1.15;
            }

            var times = new DateTime?[6];
            times[0] = acquired;
            var t = acquired;
            DateTime? lost = null;
            string? lossReason = null;
            var stage = 0;
            while (stage < 5)
            {
                // Channel and content quality act mostly at needs discovery (fit), a little at the later steps.
                var baseline = stage == 1 && acquired >= new DateTime(2023, 10, 15) ? 0.75 : Advance[stage];
                var p = baseline * (stage == 0 ? 1.0 : Math.Pow(quality, stage == 1 ? 1.5 : 0.3));

                p = Math.Min(p, 0.97);
                var wait = -Math.Log(1 - rng.NextDouble()) * StageDays[stage];
                var next = t.AddHours(Math.Round(wait * 24 + 1));
                if (rng.NextDouble() < p)
                {
                    if (next > AsOf)
                    {
                        break; // still open at this stage on the as-of date
                    }

                    t = next;
                    stage++;
                    times[stage] = t;
                }
                else
                {
                    // Not advancing: lost after a while, or left open (some of these go stale).
                    var lostAt = t.AddHours(Math.Round((-Math.Log(1 - rng.NextDouble()) * 12 + 1) * 24));
                    if (rng.NextDouble() < 0.85 && lostAt <= AsOf)
                    {
                        lost = lostAt;
                        lossReason = LossReasons[Math.Min(LossReasons.Length - 1, (int)(rng.NextDouble() * rng.NextDouble() * LossReasons.Length * 1.6))];
                        if (stage == 1 && rng.NextDouble() < 0.5)
                        {
                            lossReason = "需求不匹配"; // the needs-discovery bottleneck has a dominant reason
                        }
                    }

                    break;
                }
            }

            // Skipped records: 4% of leads that advanced past Contacted have no recorded contact time.
            if (stage >= 2 && rng.NextDouble() < 0.04)
            {
                times[1] = null;
            }

            decimal? deal = null;
            if (times[5] is not null)
            {
                var mean = industry.DealYuan * channel.DealFactor;
                deal = Math.Round((decimal)(mean * Math.Exp((rng.NextDouble() - 0.5) * 0.8)) / 100m, 0) * 100m;
            }

            var lastActivity = times.Where(x => x is not null).Max()!.Value;
            if (lost is null && times[5] is null && rng.NextDouble() < 0.6)
            {
                // A follow-up call a few days after the last stage keeps some open leads fresh.
                var follow = lastActivity.AddDays(rng.Next(1, 25));
                if (follow <= AsOf)
                {
                    lastActivity = follow;
                }
            }

            var end = times[5] ?? lost;
            var cycle = end is { } e ? ((e - acquired).TotalDays).ToString("0.##", Inv) : string.Empty;
            var customerType = rng.NextDouble() < 0.8 ? "企业" : "个人";
            var tag = channel.Name == "朋友圈广告" ? (strategy.Contains("地域", StringComparison.Ordinal) ? "地域+年龄定向" : "宽泛定向") : string.Empty;
            leads.Append(id).Append(',')
                .Append(Csv(customerType == "企业" ? $"{industry.Name}客户{i + 1:D4}有限公司" : $"个人客户{i + 1:D4}")).Append(',')
                .Append(channel.Name).Append(',').Append(Csv(strategy)).Append(',').Append(content.Name).Append(',')
                .Append(Fmt(acquired)).Append(',').Append(owner).Append(',').Append(customerType).Append(',').Append(industry.Name).Append(',');
            for (var s = 1; s <= 5; s++)
            {
                leads.Append(Fmt(times[s])).Append(',');
            }

            leads.Append(Fmt(lost)).Append(',').Append(lossReason ?? string.Empty).Append(',')
                .Append(deal?.ToString("0.00", Inv) ?? string.Empty).Append(',')
                .Append(string.Empty).Append(',') // acquisition_cost: spend comes from costs.csv
                .Append(cycle).Append(',').Append(tag).Append(',').Append(Fmt(lastActivity)).Append(",CNY,");
            leads.Append(lost is null && times[5] is null && (AsOf - lastActivity).TotalDays >= 30 ? "长期未跟进" : string.Empty);
            leads.AppendLine();
            leadCount++;

            // Journey: 0-3 earlier touches, the acquisition touch (first touch / lead created), a touch when the deal is
            // created (proposal) and one when it is won. The lead's own channel gets the lead-created milestone.
            var journey = new List<(DateTime At, string Channel, string Milestone)>();
            var prior = rng.Next(0, 4);
            for (var k = prior; k >= 1; k--)
            {
                var ch = rng.NextDouble() < 0.4 ? channel.Name : TouchChannels[rng.Next(TouchChannels.Length)];
                journey.Add((acquired.AddDays(-k * (1 + rng.Next(6))).AddHours(-rng.Next(5)), ch, string.Empty));
            }

            journey.Add((acquired, channel.Name, journey.Count == 0 ? "first_touch|lead_created" : "lead_created"));
            if (journey.Count > 1)
            {
                journey[0] = (journey[0].At, journey[0].Channel, "first_touch");
            }

            if (times[3] is { } proposal)
            {
                var ch = rng.NextDouble() < 0.5 ? "直接访问" : TouchChannels[rng.Next(TouchChannels.Length)];
                journey.Add((proposal, ch, "deal_created"));
            }

            if (times[5] is { } won)
            {
                journey.Add((won.AddMinutes(-30), rng.NextDouble() < 0.6 ? "直接访问" : channel.Name, "closed_won"));
            }

            foreach (var (at, ch, milestone) in journey)
            {
                touches.Append(id).Append(',').Append(Fmt(at)).Append(',').Append(ch).Append(',')
                    .Append(ch == channel.Name ? Csv(strategy) : string.Empty).Append(',')
                    .Append(ch == channel.Name ? content.Name : string.Empty).Append(',').Append(milestone).AppendLine();
                touchCount++;
            }
        }

        var costs = new StringBuilder();
        costs.AppendLine("scope,key,period_start,period_end,amount,currency,impressions,clicks");
        for (var m = Start; m < End; m = m.AddMonths(1))
        {
            foreach (var c in Channels)
            {
                var amount = c.MonthlySpend;
                if (c.Name == "行业展会" && m >= new DateTime(2023, 12, 1))
                {
                    amount *= 0.70m; // pre-screening: fewer booth leads paid for
                }

                var impressions = (long)(amount * 40m);
                var clicks = impressions / (c.Name == "抖音信息流" ? 90 : 60);
                costs.Append("channel,").Append(c.Name).Append(',').Append(m.ToString("yyyy-MM-dd", Inv)).Append(',')
                    .Append(m.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", Inv)).Append(',').Append(amount.ToString("0.00", Inv))
                    .Append(",CNY,").Append(c.Name is "转介绍" or "行业展会" ? "," : impressions.ToString(Inv) + "," + clicks.ToString(Inv)).AppendLine();
            }
        }

        var actions = new StringBuilder();
        // The template's step-6 table (docs/actions.md): due_date is inclusive, baseline is a value or an inclusive date range
        // (empty: the evaluator's default window before the start), metric is a target expression.
        actions.AppendLine("action_id,finding,action,owner,start_date,due_date,metric,baseline,notes");
        actions.AppendLine("A1,需求确认阶段流失率偏高(40%),开展两次SPIN提问技巧培训,销售总监,2023-10-15,2023-11-15,dropoff(NeedsConfirmed) <= 25%,2023-07-01..2023-10-14,");
        actions.AppendLine("A2,抖音信息流转化率偏低(8%),增加客户案例类视频内容,市场经理,2023-11-01,2023-11-30,conversion(channel=抖音信息流) >= 10%,,");
        actions.AppendLine("A3,行业展会获客成本偏高(5000元/客户),展前通过邮件和短信预筛选客户,市场经理,2023-11-15,2023-12-10,cac(channel=行业展会) <= 4000,,");
        return new GeneratedData(leads.ToString(), costs.ToString(), touches.ToString(), actions.ToString(), leadCount, touchCount);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = rng.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0)
            {
                return item;
            }
        }

        return items[items.Count - 1];
    }

    private static string Fmt(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm", Inv) ?? string.Empty;

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
