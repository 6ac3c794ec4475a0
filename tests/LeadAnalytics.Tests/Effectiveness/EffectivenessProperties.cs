using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Tests.Effectiveness;

public class EffectivenessProperties
{
    private static readonly DateTimeOffset AsOf = Generators.Epoch.AddDays(200);

    private sealed record Case(Lead[] Leads, CostEntry[] Costs, Dimension[] Dimensions, AcquisitionPeriod Period, int Seed)
    {
        public EffectivenessOptions Options => new() { Scope = new AnalysisScope { Breakdown = Dimensions, Period = Period }, Findings = new FindingRuleOptions { MinimumLeads = 5 } };
    }

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from leads in Generators.Leads(Pipeline.Default, 0, 150)
        from costs in EffectivenessGenerators.Costs
        from dimensions in EffectivenessGenerators.Breakdown
        from period in EffectivenessGenerators.Period
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new Case(leads, costs, dimensions, period, seed));

    [Property(MaxTest = 150)]
    public Property Segment_counts_and_money_sum_to_the_totals() =>
        Prop.ForAll(Cases, c =>
        {
            foreach (var costs in new[] { c.Costs, null })
            {
                var r = EngineCalls.Summarize(LeadTable.Build(c.Leads), costs, AsOf, c.Options);
                var t = r.Total;
                var s = r.Segments;
                if (s.Sum(x => x.Leads) != t.Leads || s.Sum(x => x.Won) != t.Won || s.Sum(x => x.Lost) != t.Lost
                    || s.Sum(x => x.Open) != t.Open || s.Sum(x => x.Stale) != t.Stale || s.Sum(x => x.LeadsWithoutCost) != t.LeadsWithoutCost
                    || s.Sum(x => x.Spend ?? 0m) != (t.Spend ?? 0m) || s.Sum(x => x.Revenue ?? 0m) != (t.Revenue ?? 0m)
                    || t.Leads != t.Won + t.Lost + t.Open)
                {
                    return false;
                }

                if (t.Leads > 0 && Math.Abs(s.Sum(x => x.ShareOfLeads!.Value) - 1) > 1e-12)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 150)]
    public Property Input_order_does_not_matter() =>
        Prop.ForAll(Cases, c =>
        {
            var random = new Random(c.Seed);
            var leads = c.Leads.OrderBy(_ => random.Next()).ToArray();
            var costs = c.Costs.OrderBy(_ => random.Next()).ToArray();
            var expected = Fingerprint(EngineCalls.Summarize(LeadTable.Build(c.Leads), c.Costs, AsOf, c.Options));
            var actual = Fingerprint(EngineCalls.Summarize(LeadTable.Build(leads), costs, AsOf, c.Options));
            return (expected == actual).Label(expected + "\n---\n" + actual);
        });

    [Property(MaxTest = 150)]
    public Property Allocated_spend_is_conserved() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var r = EngineCalls.Summarize(table, c.Costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = c.Dimensions, Period = c.Period }, CostSource = CostSource.CostTable });
            // The in-period total recomputed independently: cumulative rounding of each entry pro rata by time.
            decimal expectedInPeriod = 0;
            foreach (var e in c.Costs)
            {
                long start = e.PeriodStart.UtcTicks, end = e.PeriodEnd.UtcTicks;
                var from = Math.Max(start, c.Period.From?.UtcTicks ?? long.MinValue);
                var to = Math.Min(end, c.Period.To?.UtcTicks ?? long.MaxValue);
                if (to > from)
                {
                    expectedInPeriod += Accrued(e.Amount.Amount, start, end, to) - Accrued(e.Amount.Amount, start, end, from);
                }
            }

            var costs = r.Costs;
            return (costs.InPeriodTotal == expectedInPeriod).Label($"in period {costs.InPeriodTotal} vs {expectedInPeriod}")
                .And((costs.Allocated + costs.Unallocated == costs.InPeriodTotal).Label("allocated + unallocated"))
                .And((costs.Unallocated == costs.UnmatchedCosts.Sum(u => u.InPeriodAmount)).Label("unallocated = unmatched"))
                .And(((r.Total.Spend ?? 0m) == costs.Allocated).Label($"total spend {r.Total.Spend} vs allocated {costs.Allocated}"))
                .And((r.Segments.Sum(s => s.Spend ?? 0m) == costs.Allocated).Label("segments sum to allocated"));
        });

    [Property(MaxTest = 100)]
    public Property Adjacent_periods_split_every_cost_exactly() =>
        Prop.ForAll(Cases, Arb.From(Gen.Choose(1, 179)), (c, splitDay) =>
        {
            var table = LeadTable.Build(c.Leads);
            var split = Generators.Epoch.AddDays(splitDay).AddMinutes(splitDay * 7);
            decimal InPeriod(AcquisitionPeriod p) =>
                EngineCalls.Summarize(table, c.Costs, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = p }, CostSource = CostSource.CostTable }).Costs.InPeriodTotal;
            var whole = InPeriod(AcquisitionPeriod.AllTime);
            return whole == InPeriod(new AcquisitionPeriod(null, split)) + InPeriod(new AcquisitionPeriod(split, null))
                && whole == c.Costs.Sum(e => Math.Round(e.Amount.Amount, 2, MidpointRounding.AwayFromZero));
        });

    private static decimal Accrued(decimal amount, long start, long end, long at) =>
        at <= start ? 0m : Math.Round(amount * (at >= end ? 1m : (decimal)(at - start) / (end - start)), 2, MidpointRounding.AwayFromZero);

    private static string Fingerprint(EffectivenessResult r)
    {
        var sb = new StringBuilder();
        void Row(SegmentSummary s)
        {
            sb.Append(s.Rank).Append(' ').Append(s.Key).Append(':');
            foreach (var id in SegmentSummary.MetricIdsOfSegments)
            {
                sb.Append(' ').Append(s.GetValue(id)?.ToString("R", CultureInfo.InvariantCulture) ?? "null");
            }

            sb.Append(' ').Append(s.Spend).Append(' ').Append(s.Revenue).Append(' ').Append(s.Roas).Append(' ').Append(s.ConversionRate.Lower)
                .Append(' ').Append(s.VersusRest?.AdjustedPValue).Append(' ').Append(s.VersusRest?.ProbabilityAboveRest).AppendLine();
        }

        foreach (var s in r.Segments)
        {
            Row(s);
        }

        Row(r.Total);
        var c = r.Costs;
        sb.Append(c.Source).Append(' ').Append(c.InPeriodTotal).Append(' ').Append(c.Allocated).Append(' ').Append(c.EntriesOutsidePeriod).Append(' ')
            .Append(c.LeadsWithoutCost).Append(' ').Append(string.Join(",", c.LeadsWithoutCostIds)).AppendLine();
        foreach (var u in c.UnmatchedCosts)
        {
            sb.Append(u).AppendLine();
        }

        foreach (var f in r.Findings)
        {
            sb.Append(f.Kind).Append(' ').Append(f.Segment).Append(' ').Append(f.Value).Append(' ').Append(f.ComparisonValue).AppendLine();
        }

        sb.Append(r.ConversionIndependence?.PValue);
        return sb.ToString();
    }
}
