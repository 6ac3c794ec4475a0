using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Statistics;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

// Hand-computed cases, one per rule. Step counts read "entered advanced lost stale open expired unrecorded".
public partial class FunnelAnalyzerTests
{
    private static readonly Lead[] Skippers =
    {
        Lead("A", contacted: 1, proposal: 5),   // skipped NeedsConfirmed, open at ProposalSent
        Lead("B", won: 10),                      // won with nothing else recorded
        Lead("C", lost: 2),                      // lost at Acquired
        Lead("D", contacted: 1, lost: 3),        // lost at Contacted
    };

    [Fact]
    public void A_later_stage_implies_the_earlier_ones()
    {
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(Skippers), Day(12));
        Assert.Equal(new long[] { 4, 3, 2, 2, 1, 1 }, Reach(r));
        Assert.Equal(
            new[] { "4 3 1 0 0 0 0", "3 2 1 0 0 0 0", "2 2 0 0 0 0 0", "2 1 0 0 1 0 0", "1 1 0 0 0 0 0" },
            r.Steps.Select(Counts));
        var proposal = r.GetStep(Pipeline.ProposalSent);
        Assert.Equal((1, 2), (proposal.AllLeads.DropOff.Numerator, proposal.AllLeads.DropOff.Denominator));
        // A is open, so the resolved view of ProposalSent -> Negotiation has only B, who advanced.
        Assert.Equal((0, 1), (proposal.Resolved.DropOff.Numerator, proposal.Resolved.DropOff.Denominator));
        Assert.Equal((1, 4), (r.OverallConversion.Numerator, r.OverallConversion.Denominator));
        Assert.Equal((1, 3), (r.ResolvedOverallConversion.Numerator, r.ResolvedOverallConversion.Denominator));
        Assert.Equal(0.25, r.Stages[4].ShareOfLeads.Value);
    }

    [Fact]
    public void RequireRecordedStages_stops_a_lead_before_its_first_gap_as_unrecorded()
    {
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(Skippers), Day(12), new FunnelOptions { RequireRecordedStages = true });
        Assert.Equal(new long[] { 4, 2, 0, 0, 0, 0 }, Reach(r));
        // B jumped from Acquired to Won, A from Contacted to ProposalSent: neither advanced nor dropped off in the record.
        Assert.Equal(
            new[] { "4 2 1 0 0 0 1", "2 0 1 0 0 0 1", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0" },
            r.Steps.Select(Counts));
        Assert.Equal((2, 3), (r.Steps[0].Resolved.Conversion.Numerator, r.Steps[0].Resolved.Conversion.Denominator));
        Assert.Equal((1, 1), (r.Steps[1].Resolved.DropOff.Numerator, r.Steps[1].Resolved.DropOff.Denominator));
        Assert.False(r.Steps[2].AllLeads.Conversion.IsDefined);
        Assert.Null(r.Steps[2].AllLeads.Conversion.Value);
        Assert.Equal(0, r.Won);
    }

    /// <summary>At each stage s of 0..4: one lead lost there, one stale (no activity since day 10s), one open (followed up
    /// on day 90); plus one won lead. As of day 100.</summary>
    private static Lead[] LostStaleOpenAtEachStage()
    {
        var leads = new List<Lead> { Lead("won", contacted: 1, needs: 2, proposal: 3, negotiation: 4, won: 5) };
        foreach (var kind in new[] { "lost", "stale", "open" })
        {
            for (var s = 0; s <= 4; s++)
            {
                double? At(int stage) => s >= stage ? 10 * stage : null;
                leads.Add(Lead(
                    $"{kind}{s}", contacted: At(1), needs: At(2), proposal: At(3), negotiation: At(4),
                    lost: kind == "lost" ? (10 * s) + 5 : null, followUps: kind == "open" ? new double[] { 90 } : null));
            }
        }

        return leads.ToArray();
    }

    [Fact]
    public void Lost_stale_and_open_leads_are_split_at_every_stage()
    {
        var table = LeadTable.Build(LostStaleOpenAtEachStage());
        var r = FunnelAnalyzer.Analyze(table, Day(100));
        Assert.Equal(new long[] { 16, 13, 10, 7, 4, 1 }, Reach(r));
        for (var k = 0; k < 5; k++)
        {
            var step = r.Steps[k];
            var advanced = (3 * (4 - k)) + 1;
            Assert.Equal($"{(3 * (5 - k)) + 1} {advanced} 1 1 1 0 0", Counts(step));
            // Default: stale counts as lost in the resolved view; open leads are not drop-offs.
            Assert.Equal((2, advanced + 2), (step.Resolved.DropOff.Numerator, step.Resolved.DropOff.Denominator));
            Assert.Equal((3, advanced + 3), (step.AllLeads.DropOff.Numerator, step.AllLeads.DropOff.Denominator));
        }

        Assert.Equal((1, 11), (r.ResolvedOverallConversion.Numerator, r.ResolvedOverallConversion.Denominator));

        var asOpen = FunnelAnalyzer.Analyze(table, Day(100), new FunnelOptions { Scope = new AnalysisScope { StaleTreatment = StaleTreatment.AsOpen } });
        Assert.Equal("16 13 1 1 1 0 0", Counts(asOpen.Steps[0]));
        Assert.Equal((1, 14), (asOpen.Steps[0].Resolved.DropOff.Numerator, asOpen.Steps[0].Resolved.DropOff.Denominator));
        Assert.Equal((1, 6), (asOpen.ResolvedOverallConversion.Numerator, asOpen.ResolvedOverallConversion.Denominator));

        var noStale = FunnelAnalyzer.Analyze(table, Day(100), new FunnelOptions { Scope = new AnalysisScope { StaleAfter = TimeSpan.Zero } });
        Assert.All(noStale.Steps, s => Assert.Equal((0L, 2L), (s.Stale, s.Open)));
    }

    [Fact]
    public void Stale_threshold_is_inclusive_and_counts_from_the_latest_activity()
    {
        // Contacted on day 10; as of day 40 that is exactly 30 days of silence.
        var table = LeadTable.Build(new[] { Lead("a", contacted: 10), Lead("b", contacted: 10, followUps: new double[] { 15 }) });
        Assert.Equal("2 0 0 1 1 0 0", Counts(FunnelAnalyzer.Analyze(table, Day(40)).Steps[1]));
        Assert.Equal("2 0 0 2 0 0 0", Counts(FunnelAnalyzer.Analyze(table, Day(45)).Steps[1]));
        Assert.Equal("2 0 0 0 2 0 0", Counts(FunnelAnalyzer.Analyze(table, Day(39.99)).Steps[1]));
    }

    [Fact]
    public void Events_after_as_of_are_ignored()
    {
        var table = LeadTable.Build(new[]
        {
            Lead("X", contacted: 5, needs: 8, won: 20),
            Lead("Y", acquired: 15),
            Lead("Z", contacted: 2, lost: 12),
        });
        var early = FunnelAnalyzer.Analyze(table, Day(10));
        Assert.Equal(2, early.Leads); // Y is not acquired yet
        Assert.Equal(new long[] { 2, 2, 1, 0, 0, 0 }, Reach(early));
        Assert.Equal(new[] { "2 2 0 0 0 0 0", "2 1 0 0 1 0 0", "1 0 0 0 1 0 0" }, early.Steps.Take(3).Select(Counts));

        var late = FunnelAnalyzer.Analyze(table, Day(25));
        Assert.Equal(new long[] { 3, 2, 1, 1, 1, 1 }, Reach(late));
        Assert.Equal(new[] { "3 2 0 0 1 0 0", "2 1 1 0 0 0 0" }, late.Steps.Take(2).Select(Counts));

        // An event exactly at as-of counts.
        Assert.Equal(1, FunnelAnalyzer.Analyze(table, Day(20)).Won);
        Assert.Equal(0, FunnelAnalyzer.Analyze(table, Day(20).AddSeconds(-1)).Won);
    }

    [Fact]
    public void A_conversion_window_counts_stages_reached_within_it_and_expires_the_rest()
    {
        var table = LeadTable.Build(new[]
        {
            Lead("P", contacted: 3, needs: 10, won: 20),  // window closed on day 7 at Contacted
            Lead("Q", acquired: 25, contacted: 26),       // window still open on day 30
            Lead("R", contacted: 2, lost: 5),             // lost inside the window
            Lead("S", contacted: 2, lost: 9),             // lost after the window closed
            Lead("U", contacted: 7),                      // contacted exactly at the window's end
            Lead("V", won: 7),                            // won exactly at the window's end
        });
        var windowed = FunnelAnalyzer.Analyze(table, Day(30), new FunnelOptions { ConversionWindow = TimeSpan.FromDays(7) });
        Assert.Equal(new long[] { 6, 6, 1, 1, 1, 1 }, Reach(windowed));
        Assert.Equal("6 1 1 0 1 3 0", Counts(windowed.Steps[1]));
        // Expired leads are drop-offs: resolved = advanced 1 + lost 1 + expired 3.
        Assert.Equal((4, 5), (windowed.Steps[1].Resolved.DropOff.Numerator, windowed.Steps[1].Resolved.DropOff.Denominator));

        var open = FunnelAnalyzer.Analyze(table, Day(30));
        Assert.Equal("6 2 2 0 2 0 0", Counts(open.Steps[1]));
    }

    [Fact]
    public void Step_durations_use_recorded_pairs_and_exclude_negative_times()
    {
        var table = LeadTable.Build(new[]
        {
            Lead("a", contacted: 1),
            Lead("b", contacted: 2, needs: 5),
            Lead("c", contacted: 3),
            Lead("d", contacted: 4),
            Lead("e", contacted: 10),
            Lead("skip", needs: 6),          // no contact recorded: no time for either step
            Lead("fault", contacted: -1),    // contacted before acquisition (a chronology fault)
        });
        var r = FunnelAnalyzer.Analyze(table, Day(20));
        var contact = r.Steps[0].Duration!;
        Assert.Equal((5L, 1L), (contact.Count, contact.NegativeExcluded));
        // R7 on [1, 2, 3, 4, 10] days: median 3; p90 at h = 4.6 -> 4 + 0.6 * (10 - 4) = 7.6.
        Assert.Equal(TimeSpan.FromDays(3), contact.Median);
        Assert.Equal(TimeSpan.FromSeconds(656_640), contact.NinetiethPercentile); // 7.6 days
        Assert.Equal(QuantileMethod.R7, contact.Method);
        Assert.Equal(TimeSpan.FromDays(3), r.Steps[1].Duration!.Median);
        Assert.Equal(1, r.Steps[1].Duration!.Count);
        Assert.Null(r.Steps[2].Duration!.Median);
        Assert.Equal(1, r.ChronologyFaults);

        // R8: median h = 3 -> 3 days; p90 h = 5.13 >= n -> the maximum, 10 days.
        var r8 = FunnelAnalyzer.Analyze(table, Day(20), new FunnelOptions { QuantileMethod = QuantileMethod.R8 }).Steps[0].Duration!;
        Assert.Equal(TimeSpan.FromDays(3), r8.Median);
        Assert.Equal(TimeSpan.FromDays(10), r8.NinetiethPercentile);

        Assert.Null(FunnelAnalyzer.Analyze(table, Day(20), new FunnelOptions { IncludeStepDurations = false }).Steps[0].Duration);
    }

    [Fact]
    public void Empty_tables_and_early_as_of_give_undefined_rates_not_NaN()
    {
        var empty = FunnelAnalyzer.Analyze(LeadTable.Build(Array.Empty<Lead>()), Day(0));
        Assert.Equal(0, empty.Leads);
        Assert.Null(empty.OverallConversion.Value);
        Assert.Null(empty.Bottleneck);
        Assert.All(empty.Steps, s => Assert.Null(s.Resolved.DropOff.Value));

        var before = FunnelAnalyzer.Analyze(LeadTable.Build(Skippers), Day(-1));
        Assert.Equal(0, before.Leads);
    }

    [Fact]
    public void Options_and_targets_are_checked()
    {
        var table = LeadTable.Build(Skippers);
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelAnalyzer.Analyze(table, Day(1), new FunnelOptions { Scope = new AnalysisScope { StaleAfter = TimeSpan.FromDays(-1) } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelAnalyzer.Analyze(table, Day(1), new FunnelOptions { ConversionWindow = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelAnalyzer.Analyze(table, Day(1), new FunnelOptions { Scope = new AnalysisScope { MaxDegreeOfParallelism = 0 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelAnalyzer.Analyze(table, Day(1), new FunnelOptions { Scope = new AnalysisScope { CohortUtcOffset = TimeSpan.FromHours(15) } }));
        Assert.Throws<ArgumentException>(() => FunnelAnalyzer.Analyze(table, Day(1), new FunnelOptions { Targets = new[] { StepTarget.ForDropOff("Nowhere", 0.2) } }));
        Assert.Throws<ArgumentException>(() => FunnelAnalyzer.Analyze(table, Day(1), new FunnelOptions { Targets = new[] { StepTarget.ForDropOff(Pipeline.Won, 0.2) } }));
        Assert.Throws<ArgumentException>(() => FunnelAnalyzer.Analyze(table, Day(1), new FunnelOptions
        {
            Targets = new[] { StepTarget.ForDropOff(Pipeline.Contacted, 0.2), StepTarget.ForConversion(Pipeline.Contacted, 0.7) },
        }));
        Assert.Throws<ArgumentOutOfRangeException>(() => StepTarget.ForConversion(Pipeline.Contacted, 1.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelAnalyzer.AnalyzePartition(table, Day(1), 2, 3));
        Assert.Throws<ArgumentException>(() => FunnelGrouping.By(Dimension.Tag, Dimension.Tag));
        Assert.Throws<ArgumentNullException>(() => FunnelAnalyzer.Analyze(null!, Day(1)));
    }
}
