using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using static LeadAnalytics.Tests.Effectiveness.HandComputedTableTests;

namespace LeadAnalytics.Tests.Effectiveness;

// Merging two effectiveness partitions, worked out by hand (mutation testing, docs/mutation-testing.md, found the merge of
// the listed ids without cost, the spend and count of per-lead costs, the overlap flag, the durations of a segment counted
// in both partitions, the previous period, and a merge without durations or maturity unchecked by any value).
public class PartitionMergeEdgeTests
{
    private static Lead Make(string id, string channel, DateTimeOffset acquired, decimal? cost = null, DateTimeOffset? won = null, DateTimeOffset? lost = null,
        params string[] tags)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, AcquiredAt = acquired, WonAt = won, LostAt = lost };
        if (cost is { } c)
        {
            b.AcquisitionCost = new Money(c, Currency.CNY);
        }

        foreach (var tag in tags)
        {
            b.Tags.Add(tag);
        }

        return b.Build();
    }

    // Rows 0-3 are the first partition, rows 4-6 the second.
    private static LeadTable Table() => LeadTable.Build(new[]
    {
        Make("P1", Seo, At(10, 2), cost: 100m, won: At(10, 12)), // 10 days to won
        Make("Q1", Seo, At(10, 3), lost: At(10, 8)), // 5 days to lost, no cost
        Make("P2", Douyin, At(10, 4), cost: 50m, won: At(10, 24)), // 20 days
        Make("Q2", Douyin, At(10, 5)), // open, no cost
        Make("P3", Seo, At(10, 6), cost: 30m, won: At(10, 9)), // 3 days
        Make("Q0", Douyin, At(10, 7), lost: At(10, 14)), // 7 days, no cost
        Make("R1", Seo, At(9, 10), won: At(9, 20)), // September: the previous period only
    });

    private static EffectivenessResult Merged(EffectivenessOptions options)
    {
        var table = Table();
        var first = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 4, options);
        var second = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 4, 3, options);
        return first.Merge(second).ToResult();
    }

    private static readonly EffectivenessOptions OctoberAgainstSeptember = new()
    {
        Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October },
        PreviousPeriod = new AcquisitionPeriod(At(9, 1), At(10, 1)),
        MaxListedLeadIds = 2,
    };

    [Fact]
    public void Merged_partitions_add_the_costs_list_the_first_ids_without_cost_and_pool_a_segments_durations()
    {
        var r = Merged(OctoberAgainstSeptember);
        Assert.Equal(6, r.Total.Leads);
        // Per-lead costs: 100 + 50 in the first partition, 30 in the second.
        Assert.Equal((180m, 180m), (r.Costs.InPeriodTotal, r.Costs.Allocated));
        // Without cost: Q1 and Q2 in the first partition, Q0 in the second; in ordinal order Q0, Q1, Q2, of which the
        // first two are listed.
        Assert.Equal(3, r.Costs.LeadsWithoutCost);
        Assert.Equal(new[] { "Q0", "Q1" }, r.Costs.LeadsWithoutCostIds);
        // SEO is in both partitions: outcomes after 10 and 5 days in the first, 3 in the second; the median of 3, 5, 10 is
        // 5 (the first partition's alone would give 7.5). Days to won: 10 and 3, median 6.5.
        var seo = r.Find(SegmentKey.Of(Dimension.Channel, Seo))!;
        Assert.Equal((3L, 2L, 1L), (seo.Leads, seo.Won, seo.Lost));
        Assert.Equal((5.0, 6.5), (seo.MedianCycleDays, seo.MedianDaysToWin));
        // Douyin: 20 and 7 days, median 13.5.
        Assert.Equal(13.5, r.Find(SegmentKey.Of(Dimension.Channel, Douyin))!.MedianCycleDays);
        // September: R1 alone, won.
        Assert.NotNull(r.Previous);
        Assert.Equal((1, 1L), (r.Previous!.Total.Leads, r.Previous.Total.Won));
        Assert.Equal(2, r.Changes.Count);
    }

    [Fact]
    public void Partitions_without_durations_or_maturity_merge()
    {
        var r = Merged(new EffectivenessOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = October },
            IncludeDurations = false,
            IncludeMaturity = false,
        });
        var seo = r.Find(SegmentKey.Of(Dimension.Channel, Seo))!;
        Assert.Equal((6, 3L, 2L), (r.Total.Leads, seo.Leads, seo.Won));
        Assert.Equal((null, null), (seo.MedianCycleDays, seo.Maturity));
    }

    [Fact]
    public void A_lead_in_two_segments_of_one_partition_makes_the_merge_overlap()
    {
        // By tag: P1 carries two tags (first partition), every other lead one. Segments overlap, so shares do not add up and
        // no test of independence is made; the second partition alone has no overlap.
        var options = new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Tag } } };
        var table = LeadTable.Build(new[]
        {
            Make("P1", Seo, At(10, 2), won: At(10, 12), tags: new[] { "a", "b" }),
            Make("Q1", Seo, At(10, 3), lost: At(10, 8), tags: "a"),
            Make("P2", Seo, At(10, 4), won: At(10, 24), tags: "b"),
            Make("Q2", Seo, At(10, 5), lost: At(10, 9), tags: "b"),
        });
        var first = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 2, options);
        var second = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 2, 2, options);
        Assert.False(second.ToResult().SegmentsOverlap);
        foreach (var merged in new[] { first.Merge(second).ToResult(), second.Merge(first).ToResult() })
        {
            Assert.True(merged.SegmentsOverlap);
            Assert.Null(merged.ConversionIndependence);
            Assert.Equal((4, 2L, 3L), (merged.Total.Leads, merged.Find(SegmentKey.Of(Dimension.Tag, "a"))!.Leads, merged.Find(SegmentKey.Of(Dimension.Tag, "b"))!.Leads));
        }
    }
}
