using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Json;

namespace LeadAnalytics.Tests.Effectiveness;

// The segment summary's one counting kernel (SegmentAggregator) is specialised by policies: rows as a range or a list,
// the outcome rule as recorded (as of after every event) or as of an instant, per-lead or allocated spend, one segment per
// row or a list of memberships. Every combination must give the same integers as the general policies (a list of rows,
// the as-of rule, memberships with the total counted row by row), for every breakdown, as-of, stale threshold, thread
// count and chunk size, with and without duration samples.
public class SegmentKernelPropertyTests
{
    private static readonly Dimension[][] Breakdowns =
    {
        new[] { Dimension.Channel }, new[] { Dimension.Strategy }, new[] { Dimension.Owner }, new[] { Dimension.Tag },
        new[] { Dimension.Channel, Dimension.Industry }, new[] { Dimension.Tag, Dimension.Channel }, Array.Empty<Dimension>(),
    };

    private static readonly Arbitrary<(Lead[] Leads, Dimension[] Breakdown, int Threads, int StaleDays, int AsOfDays, bool Durations, bool Allocated)> Cases =
        Arb.From(
            from generated in Generators.Leads(Pipeline.Default, 0, 150)
            from uncosted in Gen.ArrayOf(Gen.Elements(false, false, true), generated.Length)
            let leads = generated.Select((l, i) => uncosted[i] ? WithoutCost(l) : l).ToArray()
            from breakdown in Gen.Elements(Breakdowns)
            from threads in Gen.Elements(1, 2, 3, -1)
            from staleDays in Gen.Elements(0, 7, 30)
            from asOfDays in Gen.Elements(30, 90, 200, 5 * 366)
            from durations in Gen.Elements(false, true)
            from allocated in Gen.Elements(false, false, true)
            select (leads, breakdown, threads, staleDays, asOfDays, durations, allocated));

    [Property(MaxTest = 200)]
    public Property Every_policy_gives_the_general_kernels_figures() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var asOf = table.ToSeconds(Generators.Epoch.AddDays(c.AsOfDays));
            var options = new EffectivenessOptions
            {
                Scope = new AnalysisScope { Breakdown = c.Breakdown, StaleAfter = TimeSpan.FromDays(c.StaleDays), MaxDegreeOfParallelism = c.Threads, MinRowsPerChunk = 1 },
                IncludeDurations = c.Durations,
            };
            var grouping = new SegmentGrouping(table, c.Breakdown, null, asOf, 0, table.Count, TimeSpan.Zero);

            // Rows acquired by as-of; the range form only when that is every row, as the analyzer uses it.
            var rows = Enumerable.Range(0, table.Count).Where(r => table.StageSeconds[0][r] <= asOf).ToArray();
            var spend = c.Allocated ? rows.Select(r => (long)(r % 7) * 100).ToArray() : null;
            var hasCost = c.Allocated ? rows.Select(r => r % 3 != 0).ToArray() : null;
            var general = SegmentAggregator.Run(table, rows, 0, table.Count, grouping, spend, hasCost, asOf, options, fastPaths: false);
            var listed = SegmentAggregator.Run(table, rows, 0, table.Count, grouping, spend, hasCost, asOf, options);
            var expected = Describe(general);
            var same = (expected == Describe(listed)).Label("listed rows");
            if (rows.Length == table.Count)
            {
                var range = SegmentAggregator.Run(table, null, 0, table.Count, grouping, spend, hasCost, asOf, options);
                same = same.And((expected == Describe(range)).Label($"range of rows\n{expected}\n---\n{Describe(range)}"));
            }

            return same;
        });

    // One dimension, all time, as of after every event, per-lead costs and no durations take the fastest policies end to
    // end (a range of rows, the settled rule, one segment per row). A period starting a century earlier selects exactly the
    // same leads through a list of rows, so the two results must serialise alike (but for the period itself).
    [Property(MaxTest = 100)]
    public Property The_fastest_policies_give_the_general_result_end_to_end() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var asOf = Generators.Epoch.AddYears(5);
            var fast = new EffectivenessOptions
            {
                Scope = new AnalysisScope { Breakdown = c.Breakdown, StaleAfter = TimeSpan.FromDays(c.StaleDays), MaxDegreeOfParallelism = c.Threads, MinRowsPerChunk = 1 },
                IncludeDurations = c.Durations,
            };
            var general = new EffectivenessOptions
            {
                Scope = new AnalysisScope { Breakdown = c.Breakdown, StaleAfter = TimeSpan.FromDays(c.StaleDays), Period = new AcquisitionPeriod(Generators.Epoch.AddYears(-100), null) },
                IncludeDurations = c.Durations,
            };
            var expected = WithoutPeriod(LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, null, asOf, general)));
            var actual = WithoutPeriod(LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, null, asOf, fast)));
            return (expected == actual).Label($"{expected}\n---\n{actual}");
        });

    private static string Describe(SegmentAggregator.Aggregate a)
    {
        var lines = new List<string> { $"overlap {a.Overlap}" };
        for (var s = 0; s <= a.Keys.Length; s++)
        {
            var f = s < a.Keys.Length ? a.Figures[s] : a.Total;
            var name = s < a.Keys.Length ? a.Keys[s].ToString() : "total";
            var line = $"{name}: {f.Leads} {f.Won} {f.Lost} {f.Open} {f.Stale} {f.RevenueMinor} {f.WonWithAmount} {f.SpendMinor} {f.LeadsWithCost} {f.NegativeDurations}";
            if (a.Durations is { } d)
            {
                line += $" | {Counts(d[s].Cycle)} | {Counts(d[s].Win)} | {Counts(d[s].Speed)}";
            }

            lines.Add(line);
        }

        return string.Join("\n", lines);
    }

    private static string Counts(DurationCounts counts) =>
        string.Join(",", Enumerable.Range(0, counts.Distinct).Select(i => $"{counts.ValueAt(i)}x{counts.CountAt(i)}"));

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
