using System.Text.Json;
using LeadAnalytics.Csv;
using LeadAnalytics.Json;
using LeadAnalytics.Quality;
using LeadAnalytics.Tests.Csv;

namespace LeadAnalytics.Tests.Json;

/// <summary>The committed TestData/Json/*.v1.json files pin schema v1: any change to the written JSON fails here. To change
/// the contract on purpose, set LEADANALYTICS_WRITE_GOLDEN to a folder, run the tests, review the files written there,
/// copy them over the golden ones and describe the change in docs/json-schema.md.</summary>
public class JsonGoldenTests
{
    private static string Golden(string name) => GoldenFiles.Read(name);

    private static void AssertMatchesGolden(string name, string actual) => GoldenFiles.AssertMatches(name, actual);

    internal static IReadOnlyList<Lead> Leads()
    {
        var leads = TrackingTableFiles.ExpectedLeads().ToList();
        var b = new LeadBuilder
        {
            Id = "20231005001", Channel = "小红书KOL", AcquiredAt = TrackingTableFiles.Cst(10, 5, 9), ContactedAt = TrackingTableFiles.Cst(10, 4, 9),
            LastActivityAt = TrackingTableFiles.Cst(10, 9, 17, 45), AcquisitionCost = new Money(1999.99m, Currency.USD),
        };
        b.Tags.Add("region+age");
        b.Tags.Add("retargeting");
        b.FollowUps.Add(new FollowUp(TrackingTableFiles.Cst(10, 6, 10), FollowUpKind.Call, "asked for a demo"));
        b.FollowUps.Add(new FollowUp(TrackingTableFiles.Cst(10, 9, 17, 45), FollowUpKind.Message));
        b.Attributes["utm_source"] = "xhs";
        b.Attributes["landing_page"] = "/edu";
        leads.Add(b.Build(LeadValidation.AllowChronologyFaults));
        var custom = new Pipeline("Inbound", new[] { new Stage("Signup"), new Stage("Demo", "Product demo", "A demo was held."), new Stage("Paid") });
        leads.Add(new LeadBuilder { Pipeline = custom, Id = "I-1", Channel = "SEO", AcquiredAt = TrackingTableFiles.Cst(10, 1) }
            .SetStageTime("Demo", TrackingTableFiles.Cst(10, 3)).Build());
        return leads;
    }

    internal static IReadOnlyList<CostEntry> Costs() => CostCsv.Read(TrackingTableFiles.PathOf("costs.csv")).Records;

    internal static IReadOnlyList<Touchpoint> Touchpoints() => TouchpointCsv.Read(TrackingTableFiles.PathOf("touchpoints.csv")).Records;

    internal static DataQualityResult Report()
    {
        var import = LeadCsv.Read(TrackingTableFiles.PathOf("planted_faults.csv"));
        var asOf = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));
        return DataQualityChecker.Check(import.Records, asOf, new DataQualityOptions { ExpectedCurrency = Currency.CNY }, import.Issues);
    }

    [Fact]
    public void Leads_document_v1()
    {
        var json = LeadAnalyticsJson.SerializeLeads(Leads());
        AssertMatchesGolden("leads.v1.json", json);
        Assert.Equal(Leads(), LeadAnalyticsJson.DeserializeLeads(Golden("leads.v1.json")));
    }

    [Fact]
    public void Leads_document_through_a_stream()
    {
        using var stream = new MemoryStream();
        LeadAnalyticsJson.SerializeLeads(Leads(), stream);
        stream.Position = 0;
        Assert.Equal(Leads(), LeadAnalyticsJson.DeserializeLeads(stream));
    }

    [Fact]
    public void Pipeline_document_v1()
    {
        AssertMatchesGolden("pipeline.v1.json", LeadAnalyticsJson.SerializePipeline(Pipeline.Default));
        Assert.Same(Pipeline.Default, LeadAnalyticsJson.DeserializePipeline(Golden("pipeline.v1.json")));
    }

    [Fact]
    public void Costs_document_v1()
    {
        AssertMatchesGolden("costs.v1.json", LeadAnalyticsJson.SerializeCosts(Costs()));
        Assert.Equal(Costs(), LeadAnalyticsJson.DeserializeCosts(Golden("costs.v1.json")));
    }

    [Fact]
    public void Touchpoints_document_v1()
    {
        AssertMatchesGolden("touchpoints.v1.json", LeadAnalyticsJson.SerializeTouchpoints(Touchpoints()));
        Assert.Equal(Touchpoints(), LeadAnalyticsJson.DeserializeTouchpoints(Golden("touchpoints.v1.json")));
    }

    [Fact]
    public void Data_quality_report_document_v1()
    {
        var report = Report();
        AssertMatchesGolden("quality-report.v1.json", LeadAnalyticsJson.SerializeQualityReport(report));
        var back = LeadAnalyticsJson.DeserializeQualityReport(Golden("quality-report.v1.json"));
        Assert.Equal(report.Issues, back.Issues);
        Assert.Equal(report.AuditSample, back.AuditSample);
        Assert.Equal(report.StaleLeadIds, back.StaleLeadIds);
        Assert.Equal(report.AsOf, back.AsOf);
        Assert.Equal(report.Options.RequiredFields, back.Options.RequiredFields);
        Assert.Equal(report.Options.ExpectedCurrency, back.Options.ExpectedCurrency);
        Assert.Equal(LeadAnalyticsJson.SerializeQualityReport(report), LeadAnalyticsJson.SerializeQualityReport(back));
    }

    [Theory]
    [InlineData("{\"schemaVersion\":2,\"kind\":\"leads\",\"pipelines\":[],\"leads\":[]}", "schemaVersion 1")]
    [InlineData("{\"schemaVersion\":1,\"kind\":\"costs\",\"costs\":[]}", "Expected a 'leads' document")]
    [InlineData("{\"schemaVersion\":1,\"kind\":\"leads\",\"pipelines\":[],\"leads\":null}", "$.leads")]
    [InlineData("{\"schemaVersion\":1,\"kind\":\"leads\",\"pipelines\":[],\"leads\":[{\"id\":\"A\",\"acquiredAt\":\"2023-10-01T00:00:00+08:00\",\"wonAt\":\"2023-10-02T00:00:00+08:00\",\"lostAt\":\"2023-10-03T00:00:00+08:00\"}]}", "$.leads[0]: WonAndLost")]
    [InlineData("{\"schemaVersion\":1,\"kind\":\"leads\",\"pipelines\":[],\"leads\":[{\"id\":\"A\",\"acquiredAt\":\"2023-10-01T00:00:00+08:00\",\"dealAmount\":{\"amount\":1,\"currency\":\"ABC\"}}]}", "$.leads[0].dealAmount.currency")]
    [InlineData("not json", "")]
    public void Invalid_documents_throw_JsonException_naming_the_fault(string json, string expected)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => LeadAnalyticsJson.DeserializeLeads(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
