using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Tests.Effectiveness;

/// <summary>Each segment's maturity and projected conversion at W (docs/effectiveness.md): the funnel's projection applied
/// to the summary's segments, worked out by hand.</summary>
public class EffectivenessMaturityTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    // W = 30 days. Channel A, acquired 100 days before as-of: lost on day 5, won on days 12 and 20, one still open (censored
    // at day 100). Channel B, acquired 10 days before as-of: won on day 2, three open (censored at day 10).
    internal static Lead[] Leads()
    {
        var old = AsOf.AddDays(-100);
        var young = AsOf.AddDays(-10);
        return new[]
        {
            new LeadBuilder { Id = "a1", Channel = "A", AcquiredAt = old, LostAt = old.AddDays(5) }.Build(),
            new LeadBuilder { Id = "a2", Channel = "A", AcquiredAt = old, WonAt = old.AddDays(12) }.Build(),
            new LeadBuilder { Id = "a3", Channel = "A", AcquiredAt = old, WonAt = old.AddDays(20) }.Build(),
            new LeadBuilder { Id = "a4", Channel = "A", AcquiredAt = old }.Build(),
            new LeadBuilder { Id = "b1", Channel = "B", AcquiredAt = young, WonAt = young.AddDays(2) }.Build(),
            new LeadBuilder { Id = "b2", Channel = "B", AcquiredAt = young }.Build(),
            new LeadBuilder { Id = "b3", Channel = "B", AcquiredAt = young }.Build(),
            new LeadBuilder { Id = "b4", Channel = "B", AcquiredAt = young }.Build(),
        };
    }

    private static EffectivenessOptions Options(bool includeMaturity = true) => new()
    {
        Scope = AnalysisScope.Default.WithBreakdown(Dimension.Channel),
        MaturityWindow = TimeSpan.FromDays(30),
        IncludeMaturity = includeMaturity,
    };

    [Fact]
    public void Past_the_cap_only_the_largest_segments_are_projected_and_each_as_without_the_cap()
    {
        // A and B (4 leads each) and MaxProjectedSegments + 1 channels: C0 with 3 leads, C1 with 2, the others with 1 each.
        // Ties are broken by key (ordinal: C1000 sorts before C999), so the three one-lead channels with the largest keys
        // are the ones left without a projection.
        var cap = EffectivenessAnalyzer.MaxProjectedSegments;
        var young = AsOf.AddDays(-10);
        var leads = new List<Lead>(Leads());
        for (var c = 0; c <= cap; c++)
        {
            var copies = c == 0 ? 3 : c == 1 ? 2 : 1;
            for (var k = 0; k < copies; k++)
            {
                leads.Add(new LeadBuilder { Id = $"c{c}-{k}", Channel = $"C{c}", AcquiredAt = young.AddHours(c % 24), WonAt = k == 0 ? young.AddDays(1) : null }.Build());
            }
        }

        var table = LeadTable.Build(leads);
        var result = EffectivenessAnalyzer.Analyze(table, AsOf, Options());
        Assert.Equal(cap + 3, result.Segments.Count);
        var without = result.Segments.Where(s => s.Maturity is null).Select(s => s.Key).ToList();
        var expectedLeftOut = Enumerable.Range(0, cap + 1).Select(c => $"C{c}").Where(c => c is not "C0" and not "C1").OrderBy(c => c, StringComparer.Ordinal).ToList();
        // 1,003 segments, 1,000 projected: the three smallest one-lead channels in key order are left out.
        Assert.Equal(expectedLeftOut.Skip(expectedLeftOut.Count - 3), without.Select(k => k.GetValue(Dimension.Channel)).OrderBy(c => c, StringComparer.Ordinal));
        Assert.NotNull(result.Find(SegmentKey.Of(Dimension.Channel, "A"))!.Maturity);
        Assert.NotNull(result.Find(SegmentKey.Of(Dimension.Channel, "C0"))!.Maturity);

        // A projected segment's figures are those of a run where it is one of few segments.
        var small = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, Options());
        var capped = result.Find(SegmentKey.Of(Dimension.Channel, "A"))!.Maturity!;
        var alone = small.Find(SegmentKey.Of(Dimension.Channel, "A"))!.Maturity!;
        Assert.Equal(alone.ProjectedConversion, capped.ProjectedConversion);
    }

    [Fact]
    public void A_young_segment_is_projected_with_the_pooled_profile_past_its_own_follow_up()
    {
        var result = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, Options());
        var a = result.Find(SegmentKey.Of(Dimension.Channel, "A"))!.Maturity!;
        var b = result.Find(SegmentKey.Of(Dimension.Channel, "B"))!.Maturity!;
        var total = result.Total.Maturity!;

        // A's own curve reaches W (a4 was followed 100 days): lost at 5 (4 at risk) S = 3/4; won at 12 (3 at risk)
        // F = 3/4 × 1/3 = 1/4, S = 1/2; won at 20 (2 at risk) F = 1/4 + 1/2 × 1/2 = 1/2. Nothing borrowed.
        Assert.Equal((4L, 4L, 1.0, true, false), (a.Leads, a.MatureLeads, a.Maturity!.Value, a.IsMature, a.IsBorrowed));
        Assert.Equal(0.5, a.ProjectedConversion!.Value, 12);
        Assert.Equal(2, a.WonWithinWindow);
        Assert.Equal(0.0, a.BorrowedShare);

        // B's own curve ends at t = 10 days: won at 2 (4 at risk) F(t) = 1/4, S(t) = 3/4. The pooled leads still open after
        // day 10 are a2 (won 2 days later), a3 (won 10 days later) and a4 (open 90 days later): within W - t = 20 days
        // q = 1/3 + 2/3 × 1/2 = 2/3. Projected F(W) = 1/4 + 3/4 × 2/3 = 3/4; borrowed share 1/2.
        Assert.Equal((4L, 0L, 0.0, false, true), (b.Leads, b.MatureLeads, b.Maturity!.Value, b.IsMature, b.IsBorrowed));
        Assert.Equal(TimeSpan.FromDays(10), b.FollowUp);
        Assert.Equal(0.75, b.ProjectedConversion!.Value, 12);
        Assert.Equal(0.5, b.BorrowedShare!.Value, 12);
        Assert.Equal(1, b.WonWithinWindow);
        Assert.True(b.ProjectedLower < 0.75 && b.ProjectedUpper > 0.75);
        // Observed, B converts worse (1/4 against 2/4); projected at W, it does not.
        Assert.Equal(0.25, result.Find(SegmentKey.Of(Dimension.Channel, "B"))!.ConversionRate.Value);

        // The total's own curve: b1 won at 2 (8 at risk) F = 1/8, S = 7/8; a1 lost at 5 (7) S = 3/4; b2..b4 censored at 10;
        // a2 won at 12 (3 at risk) F = 1/8 + 3/4 × 1/3 = 3/8, S = 1/2; a3 won at 20 (2) F = 3/8 + 1/4 = 5/8.
        Assert.Equal((8L, 4L, 0.5), (total.Leads, total.MatureLeads, total.Maturity!.Value));
        Assert.Equal(0.625, total.ProjectedConversion!.Value, 12);
        Assert.Equal(TimeSpan.FromDays(30), total.Window);
    }

    [Fact]
    public void Maturity_off_leaves_it_undefined_and_every_other_figure_unchanged()
    {
        var table = LeadTable.Build(Leads());
        var with = EffectivenessAnalyzer.Analyze(table, AsOf, Options());
        var without = EffectivenessAnalyzer.Analyze(table, AsOf, Options(includeMaturity: false));
        Assert.All(without.Segments.Append(without.Total), s => Assert.Null(s.Maturity));
        Assert.Equal(with.Segments.Select(s => (s.Label, s.Leads, s.Won, s.ConversionRate.Value)), without.Segments.Select(s => (s.Label, s.Leads, s.Won, s.ConversionRate.Value)));
    }

    [Fact]
    public void Partitions_merge_to_the_single_pass_maturity()
    {
        var table = LeadTable.Build(Leads());
        var options = Options();
        var one = EffectivenessAnalyzer.Analyze(table, AsOf, options);
        var merged = EffectivenessPartition.Merge(new[]
        {
            EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 3, 5, options), EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 3, options),
        }).ToResult();
        foreach (var s in one.Segments.Append(one.Total))
        {
            var m = (s.Key.IsAll ? merged.Total : merged.Find(s.Key))!.Maturity!;
            Assert.Equal((s.Maturity!.Leads, s.Maturity.MatureLeads, s.Maturity.ProjectedConversion, s.Maturity.ProjectedStandardError),
                (m.Leads, m.MatureLeads, m.ProjectedConversion, m.ProjectedStandardError));
        }

        // A partition without maturity does not merge with one that has it.
        Assert.Throws<ArgumentException>(() => EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 3, options)
            .Merge(EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 3, 5, Options(includeMaturity: false))));
    }

    [Fact]
    public void A_period_projects_from_its_own_leads_only()
    {
        // Only B's acquisition day: nobody in the period was followed past day 10, so there is nothing to borrow from.
        var young = AsOf.AddDays(-10);
        var options = new EffectivenessOptions
        {
            Scope = AnalysisScope.Default.WithBreakdown(Dimension.Channel).WithPeriod(new AcquisitionPeriod(young, young.AddDays(1))),
            MaturityWindow = TimeSpan.FromDays(30),
        };
        var result = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, options);
        var b = Assert.Single(result.Segments).Maturity!;
        Assert.Equal(4, b.Leads);
        Assert.True(b.IsBorrowed);
        Assert.Null(b.ProjectedConversion);
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, new EffectivenessOptions { MaturityWindow = TimeSpan.FromMilliseconds(10) }));
    }
}
