using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Json;
using LeadAnalytics.Tests.Csv;

namespace LeadAnalytics.Tests.Json;

[Properties(Arbitrary = new[] { typeof(Arbitraries) })]
public class JsonPropertyTests
{
    [Property(MaxTest = 60)]
    public Property Leads_round_trip_through_JSON() =>
        Prop.ForAll(Arb.From(CsvGenerators.Leads), leads => LeadAnalyticsJson.DeserializeLeads(LeadAnalyticsJson.SerializeLeads(leads)).SequenceEqual(leads));

    [Property(MaxTest = 30)]
    public Property Leads_of_custom_pipelines_round_trip_through_JSON() =>
        Prop.ForAll(Arb.From(Generators.Pipeline.SelectMany(p => Generators.Leads(p, 0, 10))), leads =>
            LeadAnalyticsJson.DeserializeLeads(LeadAnalyticsJson.SerializeLeads(leads)).SequenceEqual(leads));

    [Property]
    public bool Pipelines_round_trip_through_JSON(Pipeline pipeline)
    {
        var back = LeadAnalyticsJson.DeserializePipeline(LeadAnalyticsJson.SerializePipeline(pipeline));
        return back.Name == pipeline.Name && back.Stages.SequenceEqual(pipeline.Stages);
    }

    [Property(MaxTest = 50)]
    public Property Costs_and_touchpoints_round_trip_through_JSON() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 2000)), Arb.From(Gen.Elements(CrmMilestones.None, CrmMilestones.FirstTouch | CrmMilestones.ClosedWon, CrmMilestones.DealCreated)), (minutes, milestones) =>
        {
            var start = Generators.Epoch.AddMinutes(minutes);
            var costs = new[] { new CostEntry(CostScope.Content, "白皮书", start, start.AddDays(7), new Money(minutes * 1.5m, Currency.CNY), minutes, null) };
            var touches = new[] { new Touchpoint("L" + minutes, start, "SEO", null, "白皮书", milestones) };
            return LeadAnalyticsJson.DeserializeCosts(LeadAnalyticsJson.SerializeCosts(costs)).SequenceEqual(costs)
                && LeadAnalyticsJson.DeserializeTouchpoints(LeadAnalyticsJson.SerializeTouchpoints(touches)).SequenceEqual(touches);
        });
}
