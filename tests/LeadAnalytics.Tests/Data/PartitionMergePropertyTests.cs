using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Quality;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Data;

// The merge law of every engine's partial (as Math.NET's RunningStatistics.Combine): partials of a split of the leads,
// merged in any order, give exactly the single pass's result (the whole JSON document, medians, quantiles, Kaplan-Meier,
// cumulative incidence, log-rank, lost revenue included); merging is commutative and associative; the partial of no rows
// is the identity. Splits are row ranges of one table and separately built tables (codes differ, segments merge by value).
public class PartitionMergePropertyTests
{
    public sealed record Case(Lead[] Leads, DateTimeOffset AsOf, int[] Cuts, int Variant);

    private static readonly string?[] Reasons = { "budget", "Budget ", " timing", "competitor", "竞品价格低", null };

    private static readonly Gen<Case> Cases =
        from leads in Generators.Leads(Pipeline.Default, 0, 60)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from asOfDays in Gen.Choose(20, 260)
        from cutCount in Gen.Choose(0, 4)
        from cuts in Gen.ArrayOf(Gen.Choose(0, 60), cutCount)
        from variant in Gen.Choose(0, 5)
        select new Case(Vary(leads, seed), Generators.Epoch.AddDays(asOfDays), cuts, variant);

    public static Arbitrary<Case> CaseArbitrary() => Arb.From(Cases);

    [Property(Arbitrary = new[] { typeof(PartitionMergePropertyTests) }, MaxTest = 60)]
    public void Effectiveness_partials_merge_to_the_single_pass(Case c)
    {
        var options = new EffectivenessOptions
        {
            Scope = new AnalysisScope
            {
                Breakdown = c.Variant switch { 0 => new[] { Dimension.Channel }, 1 => new[] { Dimension.Channel, Dimension.Industry }, 3 => Array.Empty<Dimension>(), _ => new[] { Dimension.Tag } },
                Period = c.Variant == 4 ? new AcquisitionPeriod(Generators.Epoch.AddDays(30), Generators.Epoch.AddDays(120)) : AcquisitionPeriod.AllTime,
            },
            PreviousPeriod = c.Variant == 4 ? new AcquisitionPeriod(Generators.Epoch, Generators.Epoch.AddDays(30)) : null,
            IncludeDurations = c.Variant != 5,
            QuantileMethod = c.Variant == 2 ? QuantileMethod.R8 : QuantileMethod.R7,
            MaxListedLeadIds = 3,
        };
        CheckLaws(c, (t, start, count) => EffectivenessAnalyzer.AnalyzePartition(t, c.AsOf, start, count, options), (a, b) => a.Merge(b),
            p => LeadAnalyticsJson.SerializeEffectiveness(p.ToResult()), t => LeadAnalyticsJson.SerializeEffectiveness(EffectivenessAnalyzer.Analyze(t, c.AsOf, options)));
    }

    [Property(Arbitrary = new[] { typeof(PartitionMergePropertyTests) }, MaxTest = 60)]
    public void Cycle_time_partials_merge_to_the_single_pass(Case c)
    {
        var options = new CycleTimeOptions
        {
            Scope = new AnalysisScope
            {
                Breakdown = c.Variant switch { 0 => Array.Empty<Dimension>(), 1 => new[] { Dimension.Channel }, 2 => new[] { Dimension.Tag }, 3 => new[] { Dimension.Channel, Dimension.Industry }, 4 => new[] { Dimension.Tag, Dimension.Owner }, _ => new[] { Dimension.Channel } },
                StaleTreatment = c.Variant == 4 ? StaleTreatment.AsOpen : StaleTreatment.AsLost,
            },
            QuantileMethod = c.Variant == 5 ? QuantileMethod.R8 : QuantileMethod.R7,
        };
        CheckLaws(c, (t, start, count) => CycleTimeAnalyzer.AnalyzePartition(t, c.AsOf, start, count, options), (a, b) => a.Merge(b),
            p => LeadAnalyticsJson.SerializeCycleTime(p.ToResult(), includeCurves: true),
            t => LeadAnalyticsJson.SerializeCycleTime(CycleTimeAnalyzer.Analyze(t, c.AsOf, options), includeCurves: true));
    }

    [Property(Arbitrary = new[] { typeof(PartitionMergePropertyTests) }, MaxTest = 60)]
    public void Loss_reason_partials_merge_to_the_single_pass(Case c)
    {
        var options = new LossReasonOptions
        {
            Scope = new AnalysisScope
            {
                Breakdown = c.Variant switch { 0 => Array.Empty<Dimension>(), 1 => new[] { Dimension.Channel }, 2 => new[] { Dimension.Channel, Dimension.Owner }, 3 => new[] { Dimension.Tag }, 4 => new[] { Dimension.Tag, Dimension.Channel }, _ => new[] { Dimension.Channel } },
                StaleTreatment = c.Variant == 4 ? StaleTreatment.AsOpen : StaleTreatment.AsLost,
            },
            ExpectedDealSize = (ExpectedDealSize)(c.Variant % 3),
            MinimumLostLeads = 2,
            Synonyms = c.Variant == 5 ? new Dictionary<string, string> { ["timing"] = "budget" } : null,
        };
        CheckLaws(c, (t, start, count) => LossReasonAnalyzer.AnalyzePartition(t, c.AsOf, start, count, options), (a, b) => a.Merge(b),
            p => LeadAnalyticsJson.SerializeLossReasons(p.ToResult()), t => LeadAnalyticsJson.SerializeLossReasons(LossReasonAnalyzer.Analyze(t, c.AsOf, options)));
    }

    // Duplicate ids within and across partials (some leads take another's id), labels differing only by case (a channel
    // respelled), stale leads, a period: the issues, stale ids and audit sample of the merge are the single pass's.
    [Property(Arbitrary = new[] { typeof(PartitionMergePropertyTests) }, MaxTest = 60)]
    public void Data_quality_partials_merge_to_the_single_pass(Case c)
    {
        var random = new Random(c.Variant * 7919 + c.Leads.Length);
        var leads = c.Leads.Select(lead =>
        {
            var b = lead.ToBuilder();
            if (c.Leads.Length > 1 && random.Next(6) == 0)
            {
                b.Id = c.Leads[random.Next(c.Leads.Length)].Id;
            }

            if (b.Channel is { } channel && random.Next(5) == 0)
            {
                b.Channel = channel.ToLowerInvariant() == channel ? channel.ToUpperInvariant() : channel.ToLowerInvariant();
            }

            return b.Build();
        }).ToArray();
        var options = new DataQualityOptions
        {
            Scope = new AnalysisScope
            {
                Period = c.Variant == 4 ? new AcquisitionPeriod(Generators.Epoch.AddDays(30), Generators.Epoch.AddDays(120)) : AcquisitionPeriod.AllTime,
                StaleAfter = TimeSpan.FromDays(c.Variant == 2 ? 7 : 30),
            },
            AuditFraction = c.Variant == 3 ? 0.5 : 0.1,
        };
        CheckLaws(c with { Leads = leads }, (t, start, count) => DataQualityAnalyzer.AnalyzePartition(t, c.AsOf, start, count, options), (a, b) => a.Merge(b),
            p => LeadAnalyticsJson.SerializeQualityReport(p.ToResult()), t => LeadAnalyticsJson.SerializeQualityReport(DataQualityAnalyzer.Analyze(t, c.AsOf, options)));
    }

    // By hand: L1 in one partial, L1 and L2 in another: L1 is used by 2 leads, a duplicate neither partial sees alone.
    [Fact]
    public void A_duplicate_id_across_partials_is_found_by_the_merge()
    {
        Lead Make(string id) => new LeadBuilder { Id = id, Channel = "SEO", AcquiredAt = Generators.Epoch }.Build();
        var asOf = Generators.Epoch.AddDays(1);
        var first = DataQualityAnalyzer.AnalyzePartition(LeadTable.Build(new[] { Make("L1") }), asOf, 0, 1);
        var second = DataQualityAnalyzer.AnalyzePartition(LeadTable.Build(new[] { Make("L1"), Make("L2") }), asOf, 0, 2);
        Assert.DoesNotContain(first.ToResult().Issues, i => i.Rule == DataQualityRule.DuplicateId);
        Assert.DoesNotContain(second.ToResult().Issues, i => i.Rule == DataQualityRule.DuplicateId);
        var merged = first.Merge(second);
        Assert.Equal(2, merged.DistinctIdCount);
        Assert.Equal(3, merged.ToResult().LeadCount);
        var duplicate = Assert.Single(merged.ToResult().Issues, i => i.Rule == DataQualityRule.DuplicateId);
        Assert.Equal("L1", duplicate.LeadId);
        Assert.Equal("The id 'L1' is used by 2 leads.", duplicate.Message);
        Assert.Throws<ArgumentException>(() => first.Merge(DataQualityAnalyzer.AnalyzePartition(LeadTable.Build(new[] { Make("L3") }), asOf, 0, 1,
            new DataQualityOptions { AuditSeed = 7 })));
    }

    [Fact]
    public void Effectiveness_partials_refuse_a_costs_table_and_mismatched_options()
    {
        var table = LeadTable.Build(Generators.Leads(Pipeline.Default, 5, 5).Sample(1, 1).Single());
        var cost = new CostEntry(CostScope.Channel, Generators.Channels[0], Generators.Epoch, Generators.Epoch.AddDays(30), new Money(100m, Currency.CNY));
        Assert.Throws<ArgumentException>(() => EffectivenessAnalyzer.AnalyzePartition(table, Generators.Epoch.AddDays(60), 0, table.Count,
            new EffectivenessOptions { Costs = new[] { cost } }));
        var a = EffectivenessAnalyzer.AnalyzePartition(table, Generators.Epoch.AddDays(60), 0, 2);
        var b = EffectivenessAnalyzer.AnalyzePartition(table, Generators.Epoch.AddDays(61), 2, 3);
        Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Throws<ArgumentException>(() => EffectivenessPartition.Merge(Array.Empty<EffectivenessPartition>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => CycleTimeAnalyzer.AnalyzePartition(table, Generators.Epoch, 3, 3));
        Assert.Throws<ArgumentException>(() => LossReasonAnalyzer.AnalyzePartition(table, Generators.Epoch, 0, 1).Merge(
            LossReasonAnalyzer.AnalyzePartition(table, Generators.Epoch, 1, 1, new LossReasonOptions { CaseFold = false })));
    }

    // Hand-checked: the median of 1, 2 | 3, 10 days split over two partials is 2.5 days, as over the four leads at once.
    [Fact]
    public void A_median_split_across_partials_is_the_median_of_all_the_durations()
    {
        var leads = new[] { 1, 2, 3, 10 }.Select((days, i) =>
        {
            var b = new LeadBuilder { Id = "L" + i, Channel = "SEO", AcquiredAt = Generators.Epoch, DealAmount = new Money(100m, Currency.CNY) };
            b.SetStageTime(Pipeline.Won, Generators.Epoch.AddDays(days));
            return b.Build();
        }).ToArray();
        var asOf = Generators.Epoch.AddDays(20);
        var first = EffectivenessAnalyzer.AnalyzePartition(LeadTable.Build(leads.Take(2)), asOf, 0, 2);
        var second = EffectivenessAnalyzer.AnalyzePartition(LeadTable.Build(leads.Skip(2)), asOf, 0, 2);
        Assert.Equal(1.5, first.ToResult().Total.MedianCycleDays);
        Assert.Equal(6.5, second.ToResult().Total.MedianCycleDays);
        Assert.Equal(2.5, second.Merge(first).ToResult().Total.MedianCycleDays);
        Assert.Equal(4, second.Merge(first).RowCount);
        var cycle = CycleTimeAnalyzer.AnalyzePartition(LeadTable.Build(leads.Take(1)), asOf, 0, 1)
            .Merge(CycleTimeAnalyzer.AnalyzePartition(LeadTable.Build(leads.Skip(1)), asOf, 0, 3)).ToResult();
        Assert.Equal(4, cycle.Overall.Won);
        Assert.Equal(2.5, cycle.Overall.AcquisitionToWon.Median);
        Assert.Equal(4.0, cycle.Overall.AcquisitionToWon.Mean);
    }

    private static void CheckLaws<T>(Case c, Func<LeadTable, int, int, T> partial, Func<T, T, T> merge, Func<T, string> render, Func<LeadTable, string> single)
    {
        var table = LeadTable.Build(c.Leads);
        var expected = single(table);
        Assert.Equal(expected, render(partial(table, 0, table.Count)));

        var cuts = c.Cuts.Select(x => Math.Min(x, table.Count)).Append(0).Append(table.Count).Distinct().OrderBy(x => x).ToList();
        var ranges = new List<(int Start, int Count)>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            ranges.Add((cuts[i], cuts[i + 1] - cuts[i]));
        }

        if (ranges.Count == 0)
        {
            ranges.Add((0, 0));
        }

        // Row ranges of one table, merged left to right and right to left (commutativity, and a different association).
        var parts = ranges.Select(r => partial(table, r.Start, r.Count)).ToList();
        Assert.Equal(expected, render(parts.Aggregate(merge)));
        Assert.Equal(expected, render(Enumerable.Reverse(parts).Aggregate(merge)));
        if (parts.Count >= 3)
        {
            Assert.Equal(expected, render(merge(parts[0], parts.Skip(1).Aggregate(merge))));
        }

        // Separately built tables: codes differ, segments and reasons merge by value.
        var remote = ranges.Select(r => LeadTable.Build(c.Leads.Skip(r.Start).Take(r.Count))).Select(t => partial(t, 0, t.Count)).ToList();
        Assert.Equal(expected, render(remote.Aggregate(merge)));

        // The empty partial is the identity on both sides.
        var empty = partial(table, 0, 0);
        Assert.Equal(expected, render(merge(empty, parts.Aggregate(merge))));
        Assert.Equal(expected, render(merge(parts.Aggregate(merge), empty)));
    }

    // More of what real exports hold than the shared generator makes: several spellings of a reason, none at all, leads
    // with no tag or two, leads without a cost, a missing channel.
    private static Lead[] Vary(Lead[] leads, int seed)
    {
        var random = new Random(seed);
        return leads.Select(lead =>
        {
            var b = lead.ToBuilder();
            if (b.LostAt is not null)
            {
                b.LossReason = Reasons[random.Next(Reasons.Length)];
            }

            b.Tags.Clear();
            for (var i = random.Next(3); i > 0; i--)
            {
                var tag = Generators.Tags[random.Next(Generators.Tags.Length)];
                if (!b.Tags.Contains(tag))
                {
                    b.Tags.Add(tag);
                }
            }

            if (random.Next(5) == 0)
            {
                b.AcquisitionCost = null;
            }

            if (random.Next(8) == 0)
            {
                b.Channel = null;
            }

            return b.Build();
        }).ToArray();
    }
}
