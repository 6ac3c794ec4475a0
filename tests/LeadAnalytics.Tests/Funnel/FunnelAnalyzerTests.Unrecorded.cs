using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

// Stages the data never records (Olist: only acquired and won dates). Step counts read "entered advanced lost stale open expired unrecorded".
public partial class FunnelAnalyzerTests
{
    // Ten leads with only acquisition, won and lost dates: 3 won, 6 lost, 1 open.
    private static readonly Lead[] OnlyAcquiredAndWon =
    {
        Lead("W1", won: 5), Lead("W2", won: 6), Lead("W3", won: 7),
        Lead("L1", lost: 2), Lead("L2", lost: 2), Lead("L3", lost: 3), Lead("L4", lost: 3), Lead("L5", lost: 4), Lead("L6", lost: 4),
        Lead("O1", followUps: new[] { 9.0 }),
    };

    [Fact]
    public void A_stage_no_lead_has_a_date_for_is_not_recorded_and_never_the_bottleneck()
    {
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(OnlyAcquiredAndWon), Day(10));
        Assert.Equal(new[] { true, false, false, false, false, true }, r.Stages.Select(s => s.IsRecorded));
        Assert.All(r.Steps, s => Assert.False(s.IsRecorded));
        // Before, the funnel inferred that the 3 won leads passed every middle stage and named Acquired -> Contacted the
        // bottleneck: resolved drop-off 6 / (3 + 6) = 66.7%, "two thirds are never contacted". Nothing measures that.
        Assert.Equal("10 3 6 0 1 0 0", Counts(r.Steps[0]));
        Assert.Null(r.Bottleneck);
        // What is measured stays: 3 of 10 won; resolved 3 / (3 + 6).
        Assert.Equal((3, 10), (r.OverallConversion.Numerator, r.OverallConversion.Denominator));
        Assert.Equal((3, 9), (r.ResolvedOverallConversion.Numerator, r.ResolvedOverallConversion.Denominator));
    }

    [Fact]
    public void One_date_anywhere_makes_a_stage_recorded_and_the_bottleneck_is_chosen_among_recorded_steps()
    {
        // L1 has a contact date: Contacted is recorded. Acquired -> Contacted: entered 10, advanced 4 (L1 and the won),
        // lost 5 (L2..L6), open 1; resolved drop-off 5 / 9. Contacted -> NeedsConfirmed is not recorded (no needs date).
        var leads = OnlyAcquiredAndWon.Select(l => l.Id == "L1" ? Lead("L1", contacted: 1, lost: 2) : l).ToList();
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(leads), Day(10));
        Assert.Equal(new[] { true, true, false, false, false, true }, r.Stages.Select(s => s.IsRecorded));
        Assert.Equal(new[] { true, false, false, false, false }, r.Steps.Select(s => s.IsRecorded));
        Assert.Equal("10 4 5 0 1 0 0", Counts(r.Steps[0]));
        var b = Assert.IsType<FunnelBottleneck>(r.Bottleneck);
        Assert.Equal(0, b.Step.Index);
        Assert.Equal((5, 9), (b.Step.Resolved.DropOff.Numerator, b.Step.Resolved.DropOff.Denominator));
        // No other recorded step to compare with: the test is undefined, not a comparison with inferred steps.
        Assert.Null(b.VersusOtherSteps.PValue);
    }

    [Fact]
    public void Partitions_merge_what_is_recorded()
    {
        // The contact date is in the second half only; the merged funnel knows Contacted is recorded, as the single pass does.
        var leads = OnlyAcquiredAndWon.Select(l => l.Id == "O1" ? Lead("O1", contacted: 1, followUps: new[] { 9.0 }) : l).ToList();
        var table = LeadTable.Build(leads);
        var first = FunnelAnalyzer.AnalyzePartition(table, Day(10), 0, 5);
        var second = FunnelAnalyzer.AnalyzePartition(table, Day(10), 5, table.Count - 5);
        Assert.Equal(new[] { true, false, false, false, false, true }, first.ToResult().Stages.Select(s => s.IsRecorded));
        var merged = first.Merge(second).ToResult();
        Assert.Equal(FunnelAnalyzer.Analyze(table, Day(10)).Stages.Select(s => s.IsRecorded), merged.Stages.Select(s => s.IsRecorded));
        Assert.True(merged.Stages[1].IsRecorded);
    }
}
