using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Tests.Effectiveness;

// Costs of one key whose windows do not overlap (monthly budgets) are looked up by binary search; overlapping ones are
// each tried. Both lookups must give every lead the same entries: adding an overlapping entry that matches no lead
// switches the lookup and changes no segment's spend.
public class CostWindowLookupTests
{
    private static readonly DateTimeOffset AsOf = Generators.Epoch.AddDays(200);

    [Property(MaxTest = 60)]
    public Property Disjoint_windows_found_by_binary_search_match_the_leads_that_trying_every_window_matches() =>
        Prop.ForAll(Arb.From(Generators.Leads(Pipeline.Default, 0, 150)), Arb.From(Gen.ArrayOf(Gen.Choose(1, 9_999_999), 8)), (leads, cents) =>
        {
            var table = LeadTable.Build(leads);
            var monthly = new List<CostEntry>();
            foreach (var channel in Generators.Channels)
            {
                for (var m = 0; m < 8; m++)
                {
                    // Windows of 30 days from 30 days before the first lead, touching end to start, uneven hours in between.
                    var start = Generators.Epoch.AddDays((30 * m) - 30);
                    monthly.Add(new CostEntry(CostScope.Channel, channel, start, start.AddDays(30), new Money(cents[m] / 100m, Currency.CNY)));
                }
            }

            // Overlaps the last window of each channel but starts after every lead's acquisition (at most 180 days in).
            var overlapping = monthly.Concat(Generators.Channels.Select(c =>
                new CostEntry(CostScope.Channel, c, Generators.Epoch.AddDays(205), Generators.Epoch.AddDays(300), new Money(1m, Currency.CNY)))).ToList();
            var options = new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } }, CostSource = CostSource.CostTable };
            var binary = EngineCalls.Summarize(table, monthly, AsOf, options);
            var linear = EngineCalls.Summarize(table, overlapping, AsOf, options);
            var same = binary.Segments.Count == linear.Segments.Count
                && binary.Segments.Zip(linear.Segments, (a, b) => a.Key.Equals(b.Key) && a.Spend == b.Spend && a.LeadsWithoutCost == b.LeadsWithoutCost).All(x => x)
                && binary.Total.Spend == linear.Total.Spend && binary.Costs.Allocated == linear.Costs.Allocated;
            return same.Label($"{binary.Total.Spend} vs {linear.Total.Spend}");
        });
}
