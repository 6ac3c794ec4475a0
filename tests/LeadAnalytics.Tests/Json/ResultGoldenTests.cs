using System.Text.Json;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Tests.Json;

/// <summary>The engines' result documents, pinned by TestData/Json/*.v1.json (regenerate as JsonGoldenTests says), on
/// twelve hand-made leads whose counts are worked out in the comments and asserted on the JSON itself.</summary>
public class ResultGoldenTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    internal static readonly DateTimeOffset AsOf = new(2023, 12, 1, 0, 0, 0, Cst);

    private static DateTimeOffset D(int month, int day, int hour = 9) => new(2023, month, day, hour, 0, 0, Cst);

    private static JsonElement AssertMatchesGolden(string name, string actual)
    {
        actual = GoldenFiles.AssertMatches(name, actual);
        using var doc = JsonDocument.Parse(actual);
        var root = doc.RootElement.Clone();
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        return root;
    }

    private static Lead Make(string id, string channel, DateTimeOffset acquired, DateTimeOffset?[] stages, DateTimeOffset? won = null,
        decimal? deal = null, DateTimeOffset? lost = null, string? reason = null)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, AcquiredAt = acquired, WonAt = won, LostAt = lost, LossReason = reason };
        string[] names = { Pipeline.Contacted, Pipeline.NeedsConfirmed, Pipeline.ProposalSent, Pipeline.Negotiation };
        for (var i = 0; i < stages.Length; i++)
        {
            b.SetStageTime(names[i], stages[i]);
        }

        if (deal is { } d)
        {
            b.DealAmount = new Money(d, Currency.CNY);
        }

        return b.Build();
    }

    /// <summary>Reach: acquired 12; contacted 10 (L04 and L12 lost first); needs confirmed 7; proposal 4; negotiation 4
    /// (L05 and L09 won without a recorded negotiation: implied); won 4. Contacted -> NeedsConfirmed: entered 10, advanced 7,
    /// lost 1 (L02), stale 1 (L10, silent since 10-11), open 1 (L06, contacted 11-21).</summary>
    internal static IReadOnlyList<Lead> Leads()
    {
        const string A = "抖音信息流", B = "行业展会";
        return new[]
        {
            Make("L01", A, D(10, 1), new DateTimeOffset?[] { D(10, 2), D(10, 5), D(10, 10), D(10, 15) }, won: D(10, 20), deal: 50_000m),
            Make("L02", A, D(10, 2), new DateTimeOffset?[] { D(10, 3) }, lost: D(10, 10), reason: "预算不足"),
            Make("L03", A, D(10, 3), new DateTimeOffset?[] { D(10, 4), D(10, 8) }, lost: D(10, 20), reason: "需求不匹配"),
            Make("L04", A, D(10, 5), Array.Empty<DateTimeOffset?>(), lost: D(10, 7), reason: "联系不上"),
            Make("L05", A, D(10, 8), new DateTimeOffset?[] { D(10, 9), D(10, 12), D(10, 18) }, won: D(11, 2), deal: 30_000m),
            Make("L06", A, D(11, 20), new DateTimeOffset?[] { D(11, 21) }),
            Make("L07", B, D(10, 1), new DateTimeOffset?[] { D(10, 2), D(10, 4), D(10, 6), D(10, 9) }, won: D(10, 12), deal: 120_000m),
            Make("L08", B, D(10, 4), new DateTimeOffset?[] { D(10, 5), D(10, 6) }, lost: D(10, 15), reason: "需求不匹配"),
            Make("L09", B, D(10, 6), new DateTimeOffset?[] { D(10, 6, 12), D(10, 9), D(10, 12) }, won: D(10, 25), deal: 80_000m),
            Make("L10", B, D(10, 10), new DateTimeOffset?[] { D(10, 11) }),
            Make("L11", B, D(10, 12), new DateTimeOffset?[] { D(10, 13), D(10, 16) }, lost: D(10, 30), reason: "需求不匹配"),
            Make("L12", "SEO", D(10, 15), Array.Empty<DateTimeOffset?>(), lost: D(10, 16), reason: "预算不足 "),
        };
    }

    internal static IReadOnlyList<Touchpoint> Touchpoints() => new[]
    {
        new Touchpoint("L01", D(9, 28), "SEO", milestones: CrmMilestones.FirstTouch),
        new Touchpoint("L01", D(10, 1), "抖音信息流", milestones: CrmMilestones.LeadCreated),
        new Touchpoint("L01", D(10, 10), "行业展会", milestones: CrmMilestones.DealCreated),
        new Touchpoint("L02", D(10, 2), "抖音信息流"),
        new Touchpoint("L05", D(10, 8), "抖音信息流"),
        new Touchpoint("L07", D(9, 30), "SEO"),
        new Touchpoint("L07", D(10, 1), "行业展会"),
        new Touchpoint("L08", D(10, 1), "SEO"),
        new Touchpoint("L08", D(10, 4), "行业展会"),
        new Touchpoint("L09", D(10, 6), "行业展会"),
    };

    private static LeadTable Table() => LeadTable.Build(Leads());

    [Fact]
    public void Funnel_document_v1()
    {
        var root = AssertMatchesGolden("funnel.v1.json", LeadAnalyticsJson.SerializeFunnel(FunnelAnalyzer.Analyze(Table(), AsOf)));
        Assert.Equal("funnel", root.GetProperty("kind").GetString());
        var reached = root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("reached").GetInt64()).ToArray();
        Assert.Equal(new long[] { 12, 10, 7, 4, 4, 4 }, reached);
        Assert.Equal(Pipeline.Acquired, root.GetProperty("stages")[0].GetProperty("stage").GetString());
        var step = root.GetProperty("steps")[1];
        Assert.Equal((10, 7, 1, 1, 1), (step.GetProperty("entered").GetInt64(), step.GetProperty("advanced").GetInt64(),
            step.GetProperty("lost").GetInt64(), step.GetProperty("stale").GetInt64(), step.GetProperty("open").GetInt64()));
        var conversion = root.GetProperty("overallConversion");
        Assert.Equal(4, conversion.GetProperty("numerator").GetInt64());
        Assert.Equal(12, conversion.GetProperty("denominator").GetInt64());
        Assert.Equal(4.0 / 12, conversion.GetProperty("value").GetDouble(), 15);
    }

    [Fact]
    public void Funnel_breakdown_document_v1()
    {
        var root = AssertMatchesGolden("funnel-breakdown.v1.json",
            LeadAnalyticsJson.SerializeFunnelBreakdown(FunnelAnalyzer.AnalyzeBy(Table(), AsOf, Dimension.Channel)));
        var keys = root.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("key").GetString()).ToArray();
        Assert.Equal(new[] { "SEO", "抖音信息流", "行业展会" }, keys);
        Assert.Equal(6, root.GetProperty("segments")[1].GetProperty("funnel").GetProperty("leads").GetInt64());
    }

    [Fact]
    public void Funnel_cohorts_document_v1()
    {
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(Table(), AsOf, CohortPeriod.Month, new FunnelOptions { Scope = new AnalysisScope { CohortUtcOffset = Cst } });
        var root = AssertMatchesGolden("funnel-cohorts.v1.json", LeadAnalyticsJson.SerializeFunnelCohorts(cohorts));
        Assert.Equal("+08:00", root.GetProperty("utcOffset").GetString());
        Assert.Equal(new[] { "2023-10", "2023-11" }, root.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToArray());
    }

    [Fact]
    public void Cycle_time_document_v1()
    {
        var result = CycleTimeAnalyzer.Analyze(Table(), AsOf, new CycleTimeOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
        var root = AssertMatchesGolden("cycle-time.v1.json", LeadAnalyticsJson.SerializeCycleTime(result));
        var overall = root.GetProperty("overall");
        // One of the three open leads is stale (no activity for 30 days): counted as lost, as in every engine, and shown.
        Assert.Equal((12, 4, 7, 1, 1), (overall.GetProperty("leads").GetInt32(), overall.GetProperty("won").GetInt32(),
            overall.GetProperty("lost").GetInt32(), overall.GetProperty("open").GetInt32(), overall.GetProperty("stale").GetInt32()));
        Assert.True(overall.GetProperty("median").TryGetProperty("lower", out _));
        var logRank = root.GetProperty("logRank");
        // Three segments, but SEO's one lead is lost (censored for time to won) on day 1, before the first win, so its
        // expected count is zero and R's survdiff leaves it out of the degrees of freedom: 2 groups, 1 df.
        Assert.Equal(1, logRank.GetProperty("degreesOfFreedom").GetInt32());
        Assert.Equal(JsonValueKind.Number, logRank.GetProperty("pValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("timeToWon").GetProperty("curve").ValueKind);

        var withCurves = JsonDocument.Parse(LeadAnalyticsJson.SerializeCycleTime(result, includeCurves: true)).RootElement;
        Assert.Equal(result.Overall.TimeToWon.Rows.Count, withCurves.GetProperty("overall").GetProperty("timeToWon").GetProperty("curve").GetArrayLength());
    }

    [Fact]
    public void Attribution_documents_v1()
    {
        var journeys = AttributionJourneys.FromLeads(Leads(), Touchpoints());
        var markov = AttributionAnalyzer.Analyze(journeys);
        var root = AssertMatchesGolden("attribution.v1.json", LeadAnalyticsJson.SerializeAttribution(markov));
        Assert.Equal("markov", root.GetProperty("model").GetString());
        var credits = root.GetProperty("credits").EnumerateArray().ToList();
        Assert.Equal(4.0, credits.Sum(c => c.GetProperty("conversions").GetDouble()), 12);
        Assert.Equal(280_000m, credits.Sum(c => c.GetProperty("value").GetProperty("amount").GetDecimal()));
        Assert.All(credits, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("removalEffect").ValueKind));

        var models = new[] { AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.Markov, AttributionModel.Shapley };
        var comparison = AssertMatchesGolden("attribution-comparison.v1.json",
            LeadAnalyticsJson.SerializeAttributionComparison(AttributionAnalyzer.Compare(journeys, models)));
        Assert.Equal(new[] { "firstTouch", "lastTouch", "linear", "markov", "shapley" },
            comparison.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()).ToArray());
        Assert.All(comparison.GetProperty("models").EnumerateArray(),
            m => Assert.Equal(4.0, m.GetProperty("credits").EnumerateArray().Sum(c => c.GetProperty("conversions").GetDouble()), 12));
    }

    [Fact]
    public void Loss_reasons_document_v1()
    {
        var report = LossReasonAnalyzer.Analyze(Table(), AsOf, new LossReasonOptions { MinimumLostLeads = 1 });
        var root = AssertMatchesGolden("loss-reasons.v1.json", LeadAnalyticsJson.SerializeLossReasons(report));
        Assert.Equal(7, root.GetProperty("lostLeads").GetInt64()); // 6 recorded losses and the stale lead
        Assert.Equal(1, root.GetProperty("stale").GetInt64());
        var top = root.GetProperty("overall").GetProperty("rows")[0];
        Assert.Equal(("需求不匹配", 3L), (top.GetProperty("reason").GetString(), top.GetProperty("count").GetInt64()));
    }

    /// <summary>October's spend: 30,000 on Douyin, 45,000 on the trade show.</summary>
    internal static IReadOnlyList<CostEntry> Costs() => new[]
    {
        new CostEntry(CostScope.Channel, "抖音信息流", D(10, 1, 0), D(11, 1, 0), new Money(30_000m, Currency.CNY)),
        new CostEntry(CostScope.Channel, "行业展会", D(10, 1, 0), D(11, 1, 0), new Money(45_000m, Currency.CNY)),
    };

    [Fact]
    public void Effectiveness_document_v1()
    {
        var result = EngineCalls.Summarize(Table(), Costs(), AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
        var root = AssertMatchesGolden("effectiveness.v1.json", LeadAnalyticsJson.SerializeEffectiveness(result));
        Assert.Equal("CNY", root.GetProperty("currency").GetString());
        var douyin = root.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "抖音信息流");
        // L01..L06: won L01 (50,000) and L05 (30,000), lost L02-L04, open L06.
        Assert.Equal((6, 2, 3, 1), (douyin.GetProperty("leads").GetInt32(), douyin.GetProperty("won").GetInt32(),
            douyin.GetProperty("lost").GetInt32(), douyin.GetProperty("open").GetInt32()));
        Assert.Equal(2, douyin.GetProperty("conversionRate").GetProperty("numerator").GetInt64());
        Assert.Equal(6, douyin.GetProperty("conversionRate").GetProperty("denominator").GetInt64());
        Assert.Equal(80_000m, douyin.GetProperty("revenue").GetDecimal());
        Assert.Equal(30_000m, douyin.GetProperty("spend").GetDecimal());
        Assert.Equal(5_000m, douyin.GetProperty("costPerLead").GetDecimal());
        Assert.Equal(15_000m, douyin.GetProperty("costPerAcquisition").GetDecimal());
        foreach (var name in new[] { "roas", "roi" })
        {
            Assert.Equal(JsonValueKind.Number, douyin.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public void Metric_catalog_document_v1()
    {
        var root = AssertMatchesGolden("metric-catalog.v1.json", LeadAnalyticsJson.SerializeMetricCatalog());
        Assert.Contains(root.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("id").GetString() == "cost_per_acquisition");
    }

    [Fact]
    public void Undefined_values_are_null_never_NaN()
    {
        // One open lead: every conversion's denominator that excludes it is zero, and no curve has an event.
        var one = LeadTable.Build(new[] { Make("X", "SEO", D(11, 30), Array.Empty<DateTimeOffset?>()) });
        var funnel = JsonDocument.Parse(LeadAnalyticsJson.SerializeFunnel(FunnelAnalyzer.Analyze(one, AsOf))).RootElement;
        var resolved = funnel.GetProperty("resolvedOverallConversion");
        Assert.Equal(JsonValueKind.Null, resolved.GetProperty("value").ValueKind);
        Assert.Equal(0, resolved.GetProperty("denominator").GetInt64());
        var cycle = LeadAnalyticsJson.SerializeCycleTime(CycleTimeAnalyzer.Analyze(one, AsOf));
        Assert.DoesNotContain("NaN", cycle, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(cycle).RootElement.GetProperty("overall").GetProperty("median").GetProperty("value").ValueKind);
    }
}
