using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Json;

namespace LeadAnalytics.Tests.Effectiveness;

// One dimension, all time, as of after every event, per-lead costs and no duration statistics take the single settled
// pass (SettledSegmentPass) instead of SegmentAggregator. A period starting a century earlier selects exactly the same
// leads but keeps the general path, so the two results must serialise alike (but for the period itself), at every
// thread count and chunk size.
public class SettledSegmentPassPropertyTests
{
    private static readonly Dimension[] SingleValued =
        { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType };

    private static readonly Arbitrary<(Lead[] Leads, Dimension Dimension, int Threads, int StaleDays)> Cases = Arb.From(
        from generated in Generators.Leads(Pipeline.Default, 0, 150)
        from uncosted in Gen.ArrayOf(Gen.Elements(false, false, true), generated.Length)
        let leads = generated.Select((l, i) => uncosted[i] ? WithoutCost(l) : l).ToArray()
        from dimension in Gen.Elements(SingleValued)
        from threads in Gen.Elements(1, 2, 3, -1)
        from staleDays in Gen.Elements(0, 7, 30)
        select (leads, dimension, threads, staleDays));

    [Property(MaxTest = 150)]
    public Property The_settled_single_pass_gives_the_general_result() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var asOf = Generators.Epoch.AddYears(5);
            var fast = new EffectivenessOptions
            {
                Scope = new AnalysisScope { Breakdown = new[] { c.Dimension }, StaleAfter = TimeSpan.FromDays(c.StaleDays), MaxDegreeOfParallelism = c.Threads, MinRowsPerChunk = 1 },
                IncludeDurations = false,
            };
            var general = new EffectivenessOptions
            {
                Scope = new AnalysisScope { Breakdown = new[] { c.Dimension }, StaleAfter = TimeSpan.FromDays(c.StaleDays), Period = new AcquisitionPeriod(Generators.Epoch.AddYears(-100), null) },
                IncludeDurations = false,
            };
            var expected = WithoutPeriod(LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, null, asOf, general)));
            var actual = WithoutPeriod(LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, null, asOf, fast)));
            return (expected == actual).Label($"{expected}\n---\n{actual}");
        });

    // Some leads without an acquisition cost, so the count and the listed ids of uncosted leads are compared too.
    private static Lead WithoutCost(Lead lead)
    {
        var b = lead.ToBuilder();
        b.AcquisitionCost = null;
        return b.Build(LeadValidation.AllowChronologyFaults);
    }

    private static string WithoutPeriod(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("period");
        return node.ToJsonString();
    }
}
