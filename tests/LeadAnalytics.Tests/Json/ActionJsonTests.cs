using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Actions;
using LeadAnalytics.Data;
using LeadAnalytics.Json;
using LeadAnalytics.Tests.Actions;
using LeadAnalytics.Tests.Domain;
using static LeadAnalytics.Tests.Actions.ActionTestData;

namespace LeadAnalytics.Tests.Json;

/// <summary>The actions and actionReport documents, pinned by TestData/Json/actions.v1.json and action-report.v1.json (see
/// <see cref="JsonGoldenTests"/> for how to change a golden file on purpose).</summary>
public class ActionJsonTests
{
    private static string Golden(string name) => GoldenFiles.Read(name);

    private static void AssertMatchesGolden(string name, string actual) => GoldenFiles.AssertMatches(name, actual);

    /// <summary>The template's three actions, one with a given baseline in another currency, a history and a finding id.</summary>
    internal static IReadOnlyList<OptimisationAction> Actions()
    {
        var actions = TemplateScenario.Actions().ToList();
        var b = actions[0].ToBuilder();
        b.Baseline = ActionBaseline.Window(Day(2023, 7, 1), Day(2023, 10, 15));
        b.FindingId = "funnel.bottleneck:Contacted";
        b.History.Add(new ActionStatusEntry(Day(2023, 10, 20), ActionState.InProgress, "第一次培训"));
        b.History.Add(new ActionStatusEntry(Day(2023, 11, 3), ActionState.Done, "第二次培训"));
        actions[0] = b.Build();
        b = actions[2].ToBuilder();
        b.Baseline = ActionBaseline.Given(5000m, Currency.CNY);
        b.Notes = "展位费按月结算";
        actions[2] = b.Build();
        actions.Add(new OptimisationActionBuilder
        {
            Id = "A4", Description = "缩短首次响应", Start = Day(2023, 11, 1), Due = Day(2023, 12, 1),
            Target = MetricTarget.Parse("speed_to_lead(owner=张伟|李娜, tag=\"region+age\") <= 2h"), Baseline = ActionBaseline.Given(26m),
        }.Build());
        return actions;
    }

    [Fact]
    public void Actions_document_v1()
    {
        AssertMatchesGolden("actions.v1.json", LeadAnalyticsJson.SerializeActions(Actions()));
        Assert.Equal(Actions(), LeadAnalyticsJson.DeserializeActions(Golden("actions.v1.json")));
    }

    [Fact]
    public void Action_report_document_v1()
    {
        var report = EngineCalls.Evaluate(
            new[] { Action("dropoff(NeedsConfirmed) <= 25%"), Action("conversion(channel=SEO) >= 10%", id: "A2"), Action("roas >= 1:3", id: "A3") },
            LeadTable.Build(NeedsDiscovery()), Day(2024, 1, 20), null, new ActionOptions { IncludeWeeklySeries = false });
        AssertMatchesGolden("action-report.v1.json", LeadAnalyticsJson.SerializeActionReport(report));
    }

    [Fact]
    public void Weeks_are_written_with_both_measurements()
    {
        var report = EngineCalls.Evaluate(new[] { Action("dropoff(NeedsConfirmed) <= 25%") }, LeadTable.Build(NeedsDiscovery()), Day(2023, 11, 1));
        using var doc = JsonDocument.Parse(LeadAnalyticsJson.SerializeActionReport(report));
        var weeks = doc.RootElement.GetProperty("evaluations")[0].GetProperty("weeks");
        Assert.Equal(3, weeks.GetArrayLength()); // 15, 22 and 29 October
        Assert.Equal(0, weeks[0].GetProperty("week").GetProperty("leads").GetInt32());
        Assert.Equal(JsonValueKind.Null, weeks[0].GetProperty("week").GetProperty("value").ValueKind);
        Assert.Equal(11, weeks[0].GetProperty("sinceStart").GetProperty("acquiredLeads").GetInt32());
    }

    [Theory]
    [InlineData("\"expression\": \"dropoff(NeedsConfirmed) <= 25%\"", "\"expression\": \"dropoff(NeedsConfirmed) <= 250\"", "$.actions[0].target.expression: A proportion")]
    [InlineData("\"due\": \"2023-11-16T00:00:00+08:00\"", "\"due\": \"2023-10-01T00:00:00+08:00\"", "$.actions[0]: DueNotAfterStart")]
    [InlineData("\"state\": \"inProgress\"", "\"state\": \"started\"", "$.actions[0].history[0].state: 'started' is not a ActionState")]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 2", "schemaVersion 1")]
    public void Faulty_documents_name_the_path(string from, string to, string message)
    {
        var json = Golden("actions.v1.json");
        Assert.Contains(from, json, StringComparison.Ordinal);
        var e = Assert.Throws<JsonException>(() => LeadAnalyticsJson.DeserializeActions(json.Replace(from, to)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 100)]
    public Property Actions_round_trip() =>
        Prop.ForAll(Arb.From(Gen.ListOf(ActionGenerators.Action)), actions =>
            LeadAnalyticsJson.DeserializeActions(LeadAnalyticsJson.SerializeActions(actions)).SequenceEqual(actions));
}
