using CrmEmbedding;
using LeadAnalytics;
using LeadAnalytics.Attribution;

// A CRM embedding LeadAnalytics. The CRM keeps its data in SQLite (tables leads, stage_events, follow_ups,
// touchpoints, costs); as sales work goes on it inserts and updates rows, and after each change it asks the library
// for the funnel and the channel table (effectiveness: spend, cost per lead and per customer, ROAS) straight from a query: rows -> LeadBuilder -> Lead -> LeadTable, no CSV.
// The same funnel and channel counts are also computed inside SQLite (LeadAnalytics.Sql, SqlDialect.Sqlite, over the view
// lead_rows: only a few rows per channel and stage leave the database) and checked equal to the in-memory ones.
// Every number the scenario implies is checked; the exit code is non-zero if one is off (CI runs this as a smoke test).
// Usage: dotnet run --project samples/CrmEmbedding [-- path/to/crm.db]   (default: a file in the temp folder)
Console.OutputEncoding = System.Text.Encoding.UTF8;
var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "leadanalytics-crm-sample.db");
if (File.Exists(path))
{
    File.Delete(path);
}

var cst = TimeSpan.FromHours(8); // the CRM's users are in China Standard Time
DateTimeOffset Day(int month, int day, int hour = 10) => new(2024, month, day, hour, 0, 0, cst);
const string Douyin = "抖音信息流", TradeShow = "行业展会", Seo = "SEO";

using (var db = new CrmDatabase(path))
{
    Console.WriteLine($"CRM database: {path}");

    // Marketing records March's spend per channel (end exclusive).
    db.AddCost(Douyin, Day(3, 1, 0), Day(4, 1, 0), new Money(6_000m, Currency.CNY));
    db.AddCost(TradeShow, Day(3, 1, 0), Day(4, 1, 0), new Money(20_000m, Currency.CNY));
    db.AddCost(Seo, Day(3, 1, 0), Day(4, 1, 0), new Money(1_500m, Currency.CNY));

    // 1. Ten leads come in during the first days of March and sales starts working them.
    db.AddLead("L01", "星辰教育科技有限公司", Douyin, "抖音信息流-教育行业广告", "王芳", "教育", Day(3, 1));
    db.AddLead("L02", "个人客户 张先生", Douyin, "抖音信息流-教育行业广告", "王芳", "教育", Day(3, 1));
    db.AddLead("L03", "华康医疗器械", Douyin, "抖音信息流-医疗行业广告", "李娜", "医疗", Day(3, 2));
    db.AddLead("L04", "启明制造", Douyin, "抖音信息流-制造行业广告", "李娜", "制造", Day(3, 2));
    db.AddLead("L05", "远航物流集团", TradeShow, "展会-华东站", "张伟", "物流", Day(3, 3));
    db.AddTouchpoint("L05", Day(2, 20), Seo); // the contact had read an SEO article before the show
    db.AddLead("L06", "蓝海教育集团", TradeShow, "展会-华东站", "张伟", "教育", Day(3, 3));
    db.AddLead("L07", "北辰医院", TradeShow, "展会-华东站", "陈静", "医疗", Day(3, 4));
    db.AddLead("L08", "青禾软件", Seo, "SEO-行业关键词", "陈静", "软件", Day(3, 4));
    db.AddLead("L09", "个人客户 刘女士", Seo, "SEO-行业关键词", "王芳", "教育", Day(3, 5));
    db.AddLead("L10", "万象零售", Seo, "SEO-品牌词", "李娜", "零售", Day(3, 5));
    db.MoveStage("L01", Pipeline.Contacted, Day(3, 2)); db.MoveStage("L01", Pipeline.NeedsConfirmed, Day(3, 4));
    db.MoveStage("L02", Pipeline.Contacted, Day(3, 3));
    db.MoveStage("L04", Pipeline.Contacted, Day(3, 3)); db.Lose("L04", Day(3, 5), "预算不足");
    db.MoveStage("L05", Pipeline.Contacted, Day(3, 3, 16)); db.MoveStage("L05", Pipeline.NeedsConfirmed, Day(3, 5)); db.MoveStage("L05", Pipeline.ProposalSent, Day(3, 7));
    db.MoveStage("L06", Pipeline.Contacted, Day(3, 4)); db.MoveStage("L06", Pipeline.NeedsConfirmed, Day(3, 6));
    db.MoveStage("L06", Pipeline.ProposalSent, Day(3, 8)); db.MoveStage("L06", Pipeline.Negotiation, Day(3, 9));
    db.MoveStage("L07", Pipeline.Contacted, Day(3, 5));
    db.MoveStage("L08", Pipeline.Contacted, Day(3, 5)); db.MoveStage("L08", Pipeline.NeedsConfirmed, Day(3, 7));
    db.MoveStage("L10", Pipeline.Contacted, Day(3, 6)); db.Lose("L10", Day(3, 8), "需求不匹配");

    var now = Day(3, 10, 18);
    var a = CrmAnalytics.Run(db, now);
    a.Print($"1. Ten leads in, as of {now:yyyy-MM-dd HH:mm}");
    InDatabase.Check("1", a, path, now);
    Checks.Sequence("reach after the first leads", new long[] { 10, 8, 4, 2, 1, 0 }, a.Funnel.Stages.Select(s => s.Reach));
    Checks.Equal("won", 0L, a.Funnel.Won);
    Checks.Equal("lost at Contacted", 2L, a.Funnel.Steps[1].Lost);
    Checks.Equal("open at Acquired (L03, L09)", 2L, a.Funnel.Steps[0].Open);
    Checks.Equal("nothing stale yet", 0, a.StaleLeadIds.Count);
    // Two of 8 resolved at Contacted -> NeedsConfirmed are lost, 4 advanced: drop-off 2 / 6.
    Checks.Near("resolved drop-off Contacted -> NeedsConfirmed", 2.0 / 6, a.Funnel.Steps[1].Resolved.DropOff.Value);

    // 2. Leads move stage.
    db.MoveStage("L01", Pipeline.ProposalSent, Day(3, 11));
    db.MoveStage("L02", Pipeline.NeedsConfirmed, Day(3, 12));
    now = Day(3, 12, 18);
    a = CrmAnalytics.Run(db, now);
    a.Print($"2. L01 sent a proposal, L02 confirmed needs, as of {now:yyyy-MM-dd HH:mm}");
    InDatabase.Check("2", a, path, now);
    Checks.Sequence("reach after the moves", new long[] { 10, 8, 5, 3, 1, 0 }, a.Funnel.Stages.Select(s => s.Reach));

    // 3. Two deals close at the trade show.
    db.Win("L06", Day(3, 15), new Money(120_000m, Currency.CNY));
    db.MoveStage("L05", Pipeline.Negotiation, Day(3, 14));
    db.Win("L05", Day(3, 18), new Money(80_000m, Currency.CNY));
    now = Day(3, 18, 18);
    a = CrmAnalytics.Run(db, now);
    a.Print($"3. Deals closed with L06 and L05, as of {now:yyyy-MM-dd HH:mm}");
    InDatabase.Check("3", a, path, now);
    Checks.Sequence("reach after the deals", new long[] { 10, 8, 5, 3, 2, 2 }, a.Funnel.Stages.Select(s => s.Reach));
    Checks.Equal("won", 2L, a.Funnel.Won);
    Checks.Near("overall conversion 2 / 10", 0.2, a.Funnel.OverallConversion.Value);
    Checks.Near("trade-show conversion 2 / 3", 2.0 / 3, a.Channel(TradeShow).ConversionRate.Value);
    Checks.Near("Douyin conversion 0 / 4", 0, a.Channel(Douyin).ConversionRate.Value);
    // March's costs fall on the leads acquired in March, so each channel's whole spend is allocated.
    Checks.Equal("trade-show spend", 20_000m, a.Channel(TradeShow).Spend);
    Checks.Equal("trade-show cost per customer 20,000 / 2", 10_000m, a.Channel(TradeShow).CostPerAcquisition);
    Checks.Equal("trade-show revenue", 200_000m, a.Channel(TradeShow).Revenue);
    Checks.Equal("trade-show ROAS 200,000 / 20,000", 10m, a.Channel(TradeShow).Roas);
    Checks.Equal("Douyin cost per lead 6,000 / 4", 1_500m, a.Channel(Douyin).CostPerLead);
    Checks.Equal("Douyin cost per customer undefined (nobody won)", null, a.Channel(Douyin).CostPerAcquisition);
    Checks.Equal("total spend", 27_500m, a.Channels.Total.Spend);
    Checks.Equal("best ROAS first", TradeShow, a.Channels.Segments[0].Label);

    // 4. A month passes. Sales follows up on L01, L02 and L08; nobody touches L03, L07 or L09, which go stale.
    db.AddFollowUp("L08", Day(4, 5), FollowUpKind.Call, "客户在比较方案");
    db.AddFollowUp("L01", Day(4, 10), FollowUpKind.Meeting, "方案演示");
    db.AddFollowUp("L02", Day(4, 15), FollowUpKind.Message, "发送案例");
    now = Day(4, 20, 18);
    a = CrmAnalytics.Run(db, now);
    a.Print($"4. A month later, as of {now:yyyy-MM-dd HH:mm}");
    InDatabase.Check("4", a, path, now);
    Checks.Sequence("stale leads (no activity for 30 days)", new[] { "L03", "L07", "L09" }, a.StaleLeadIds);
    Checks.Sequence("stale per step", new long[] { 2, 1, 0, 0, 0 }, a.Funnel.Steps.Select(s => s.Stale));
    Checks.Sequence("open per step", new long[] { 0, 0, 2, 1, 0 }, a.Funnel.Steps.Select(s => s.Open));
    // Stale counts as lost by default: 2 won of 2 won + 2 lost + 3 stale resolved leads.
    Checks.Near("resolved conversion 2 / 7", 2.0 / 7, a.Funnel.ResolvedOverallConversion.Value);
    Checks.Equal("bottleneck leaves", Pipeline.Contacted, a.Funnel.Bottleneck?.Step.From.Name);
    Checks.Near("bottleneck drop-off 3 / 8 (2 lost, 1 stale)", 3.0 / 8, a.Funnel.Bottleneck?.Step.Resolved.DropOff.Value);
    Checks.Equal("leads flagged stale in the CRM", 3, db.FlagStale(a.StaleLeadIds));
    Checks.Sequence("flags read back", new[] { "L03", "L07", "L09" }, db.FlaggedStale());

    // 5. Which touches brought the two deals: L05 read an SEO post before the show, L06 came from the show alone.
    var attribution = CrmAnalytics.Attribution(db, now);
    Print.Heading("5. Attribution of the won deals (conversions credited)");
    Print.Table(
        new[] { "channel" }.Concat(attribution.Results.Select(r => r.Model.ToString())).ToArray(),
        attribution.Keys.Select(k => (IReadOnlyList<string>)new[] { k }.Concat(attribution.Results.Select(r => (r.Find(k)?.Conversions ?? 0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))).ToArray()));
    Checks.Near("first touch: SEO gets L05", 1, attribution.For(AttributionModel.FirstTouch).Find(Seo)?.Conversions);
    Checks.Near("last non-direct: the show gets both", 2, attribution.For(AttributionModel.LastNonDirect).Find(TradeShow)?.Conversions);
    Checks.Near("linear: SEO a third of L05 (SEO, show, closed-won touch)", 1.0 / 3, attribution.For(AttributionModel.Linear).Find(Seo)?.Conversions);
    Checks.Equal("revenue credited in every model", 200_000m, attribution.For(AttributionModel.Linear).TotalValue.Amount);
}

Console.WriteLine();
Console.WriteLine($"{Checks.Passed} checks passed, {Checks.Failed} failed");
return Checks.Failed == 0 ? 0 : 1;
