using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Tests.LossReasons;

[Properties(Arbitrary = new[] { typeof(Arbitraries) })]
public class LossReasonAnalyzerTests
{
    private static readonly DateTimeOffset T0 = new(2023, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AsOf = T0.AddDays(100);

    // The hand counts below are of recorded losses: stale leads stay open here (their rule has its own tests).
    private static readonly LossReasonOptions RecordedOnly = new() { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, StaleTreatment = StaleTreatment.AsOpen } };

    private static Lead Lost(string id, string channel, string? reason, int stage, int lostDay = 20)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, AcquiredAt = T0, LossReason = reason, LostAt = T0.AddDays(lostDay) };
        for (var s = 1; s <= stage; s++)
        {
            b.SetStageTime(Pipeline.Default.Stages[s].Name, T0.AddDays(s));
        }

        return b.Build();
    }

    private static Lead Won(string id, string channel, decimal amount) =>
        new LeadBuilder { Id = id, Channel = channel, AcquiredAt = T0, WonAt = T0.AddDays(30), DealAmount = new Money(amount, Currency.CNY) }.Build();

    // Ten lost leads: "budget" 3 + " Budget " 1 (case-folded together), 预算不足 2, 竞品价格更低 2, no reason 2.
    private static LeadTable Sample() => LeadTable.Build(new[]
    {
        Lost("1", "A", "budget", 1), Lost("2", "A", "budget", 1), Lost("3", "A", " Budget ", 1), Lost("4", "B", "budget", 2),
        Lost("5", "A", "预算不足", 1), Lost("6", "B", "预算不足", 2), Lost("7", "B", "竞品价格更低", 3), Lost("8", "B", "竞品价格更低", 3),
        Lost("9", "A", null, 0), Lost("10", "B", "  ", 1),
        Won("w1", "A", 40_000m), Won("w2", "A", 60_000m), Won("w3", "B", 30_000m),
        Lost("late", "A", "budget", 1, lostDay: 200), // lost after the as-of date: still open then
    });

    [Fact]
    public void Pareto_orders_by_count_with_running_shares_and_the_reasonless_row_last()
    {
        var report = LossReasonAnalyzer.Analyze(Sample(), AsOf, RecordedOnly);
        Assert.Equal(10, report.LostLeads);
        Assert.Equal(2, report.WithoutReason);
        var rows = report.Overall.Rows;
        Assert.Equal(new[] { "budget", "竞品价格更低", "预算不足", "(none)" }, rows.Select(r => r.Reason));
        Assert.Equal(new long[] { 4, 2, 2, 2 }, rows.Select(r => r.Count));
        Assert.Equal(new[] { 0.4, 0.2, 0.2, 0.2 }, rows.Select(r => r.Share));
        Assert.Equal(new[] { 0.4, 0.6, 0.8, 1.0 }, rows.Select(r => r.CumulativeShare), new ToleranceComparer(1e-12));
        // Expected deal: channel A averages 50,000 and B 30,000. budget: 3 A + 1 B = 180,000.
        Assert.Equal(180_000m, rows[0].LostRevenue);
        Assert.Equal(60_000m, rows[1].LostRevenue);
    }

    [Fact]
    public void Synonyms_merge_spellings_into_one_reason()
    {
        var options = new LossReasonOptions { Scope = RecordedOnly.Scope, Synonyms = new Dictionary<string, string> { ["预算不足"] = "budget", ["BUDGET"] = "budget" } };
        var rows = LossReasonAnalyzer.Analyze(Sample(), AsOf, options).Overall.Rows;
        Assert.Equal(new[] { "budget", "竞品价格更低", "(none)" }, rows.Select(r => r.Reason));
        Assert.Equal(new long[] { 6, 2, 2 }, rows.Select(r => r.Count));
    }

    [Fact]
    public void By_stage_uses_the_stage_the_lead_was_lost_at()
    {
        var byStage = LossReasonAnalyzer.Analyze(Sample(), AsOf, RecordedOnly).ByStage;
        Assert.Equal(new[] { "Acquired", "Contacted", "NeedsConfirmed", "ProposalSent" }, byStage.Select(t => t.Segment));
        Assert.Equal(new long[] { 1, 5, 2, 2 }, byStage.Select(t => t.LostLeads));
        Assert.Equal("竞品价格更低", Assert.Single(byStage[3].Rows).Reason);
    }

    // Issue 18, item 11: the reasons' first appearance decided the contingency columns' order, so shuffled rows summed the
    // chi-square in another order and changed its last digits. Every rotation of the rows must give the identical double.
    [Fact]
    public void Reason_mix_chi_square_is_identical_for_any_row_order()
    {
        var leads = new List<Lead>();
        var reasons = new[] { "budget", "预算不足", "竞品价格更低", "timing", "no need", "联系不上", "price" };
        for (var i = 0; i < 700; i++)
        {
            leads.Add(Lost("r" + i, "ch" + (i % 7), reasons[(i * i + 3 * i) % reasons.Length], 1 + (i % 3)));
        }

        var expected = LossReasonAnalyzer.Analyze(LeadTable.Build(leads), AsOf, RecordedOnly)
            .Breakdowns[0].MixTest!.Statistic!.Value;
        for (var shift = 1; shift < leads.Count; shift += 97)
        {
            var rotated = leads.Skip(shift).Concat(leads.Take(shift));
            var actual = LossReasonAnalyzer.Analyze(LeadTable.Build(rotated), AsOf, RecordedOnly)
                .Breakdowns[0].MixTest!.Statistic!.Value;
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }
    }

    // Channel A: budget 3, 预算不足 1, 竞品价格更低 0; B: 1, 1, 2 (reasonless leads excluded).
    // R: chisq.test(matrix(c(3,1,0, 1,1,2), 2, byrow=TRUE), correct=FALSE) -> X-squared 3, df 2, p 0.22313016014842982.
    [Fact]
    public void Reason_mix_by_channel_is_tested_with_chi_square()
    {
        var breakdown = LossReasonAnalyzer.Analyze(Sample(), AsOf, RecordedOnly).Breakdowns[0];
        Assert.Equal(new[] { Dimension.Channel }, breakdown.Dimensions);
        Assert.Equal(new[] { "A", "B" }, breakdown.Segments.Select(s => s.Segment));
        // By hand: row totals 4 and 4, column totals 4, 2, 2, N = 8, so E = [2, 1, 1; 2, 1, 1] and
        // chi-square = 1/2 + 0 + 1 + 1/2 + 0 + 1 = 3.
        Assert.Equal(3.0, breakdown.MixTest!.Statistic!.Value, 12);
        Assert.Equal(2.0, breakdown.MixTest!.DegreesOfFreedom);
        Assert.Equal(0.22313016014842982, breakdown.MixTest!.PValue!.Value, 12);
    }

    [Fact]
    public void A_dominant_reason_is_reported_only_with_enough_lost_leads()
    {
        var none = LossReasonAnalyzer.Analyze(Sample(), AsOf, RecordedOnly);
        Assert.Empty(none.Dominant);
        var some = LossReasonAnalyzer.Analyze(Sample(), AsOf, new LossReasonOptions { Scope = RecordedOnly.Scope, MinimumLostLeads = 4, DominanceShare = 0.5 });
        var stage = Assert.Single(some.Dominant, d => d.Scope == "stage");
        Assert.Equal(("Contacted", "budget", 3L, 5L), (stage.Segment, stage.Reason, stage.Count, stage.LostLeads));
        Assert.Contains(some.Dominant, d => d.Scope == "Channel" && d.Segment == "A" && d.Reason == "budget");
    }

    [Property]
    public bool Shares_sum_to_one_and_counts_reconcile_with_lost_leads(Lead[] leads)
    {
        var table = LeadTable.Build(leads);
        var asOf = Generators.Epoch.AddDays(400);
        var report = LossReasonAnalyzer.Analyze(table, asOf, RecordedOnly);
        var lost = leads.Count(l => l.OutcomeAsOf(asOf) == Outcome.Lost);
        var shares = report.Overall.Rows.Sum(r => r.Share);
        return report.LostLeads == lost
            && report.ByStage.Sum(t => t.LostLeads) == lost
            && report.Breakdowns.All(b => b.Segments.Sum(s => s.LostLeads) == lost)
            && (lost == 0 ? report.Overall.Rows.Count == 0 : Math.Abs(shares - 1) < 1e-9 && report.Overall.Rows[^1].CumulativeShare == 1.0);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        private readonly double _tolerance;

        public ToleranceComparer(double tolerance) => _tolerance = tolerance;

        public bool Equals(double x, double y) => Math.Abs(x - y) <= _tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
