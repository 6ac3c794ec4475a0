using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

// Boundaries of the funnel rules that no other Funnel test reached: mutation testing (docs/mutation-testing.md) left these
// mutants alive. Step counts read "entered advanced lost stale open expired unrecorded".
public class FunnelEdgeTests
{
    [Fact]
    public void A_two_dimension_grouping_names_the_undefined_dimension_and_refuses_a_repeat()
    {
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => FunnelGrouping.By((Dimension)99, Dimension.Channel)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentOutOfRangeException>(() => FunnelGrouping.By(Dimension.Channel, (Dimension)99)).ParamName);
        var repeat = Assert.Throws<ArgumentException>(() => FunnelGrouping.By(Dimension.Industry, Dimension.Industry));
        Assert.Equal("second", repeat.ParamName);
        Assert.Contains("needs two different ones (both were Industry)", repeat.Message, StringComparison.Ordinal);
        var tag = Assert.Throws<ArgumentException>(() => FunnelGrouping.ByCohort(CohortPeriod.Month, Dimension.Tag));
        Assert.Equal("dimension", tag.ParamName);
        Assert.Contains("need a dimension other than Tag", tag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_groupings_have_different_hash_codes()
    {
        // Groupings key dictionaries of results; every grouping there is (total, one or two dimensions, cohorts, cohorts
        // within a dimension) hashes apart from every other.
        var dimensions = Enum.GetValues(typeof(Dimension)).Cast<Dimension>().ToArray();
        var periods = Enum.GetValues(typeof(CohortPeriod)).Cast<CohortPeriod>().ToArray();
        var all = new List<FunnelGrouping> { FunnelGrouping.Total };
        all.AddRange(dimensions.Select(FunnelGrouping.By));
        all.AddRange(from a in dimensions from b in dimensions where a != b select FunnelGrouping.By(a, b));
        all.AddRange(periods.Select(FunnelGrouping.ByCohort));
        all.AddRange(from p in periods from d in dimensions where d != Dimension.Tag select FunnelGrouping.ByCohort(p, d));
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(all.Count, all.Select(g => g.GetHashCode()).Distinct().Count());
    }

    [Fact]
    public void A_drop_off_target_and_a_conversion_target_of_the_same_step_and_value_hash_apart()
    {
        // The kind weighs 7 in the hash: the two differ by exactly 7 whatever the stage name hashes to.
        var dropOff = StepTarget.ForDropOff(Pipeline.Contacted, 0.4);
        var conversion = StepTarget.ForConversion(Pipeline.Contacted, 0.4);
        Assert.Equal(7, conversion.GetHashCode() - dropOff.GetHashCode());
    }

    [Fact]
    public void A_settled_funnel_counts_only_the_leads_acquired_in_the_period()
    {
        // As-of after every instant (the settled path) with a period starting on day 5: A (day 0, won) is out; B (day 6,
        // lost on day 7) and C (day 7, no event, 3 days quiet: open) are in.
        var table = LeadTable.Build(new[] { Lead("A", won: 2), Lead("B", acquired: 6, lost: 7), Lead("C", acquired: 7) });
        var options = new FunnelOptions { Scope = new AnalysisScope { Period = new AcquisitionPeriod(Day(5), null) } };
        var r = FunnelAnalyzer.Analyze(table, Day(10), options);
        Assert.Equal(2, r.Leads);
        Assert.Equal(0, r.Won);
        Assert.Equal("2 0 1 0 1 0 0", Counts(r.Steps[0]));
    }

    [Fact]
    public void A_window_that_ends_exactly_at_as_of_has_expired()
    {
        // Window 10 days, as-of day 10: A's window (day 0 to day 10) is over, inclusive, so A is expired; B's (day 1 to
        // day 11) is not, so B is open.
        var table = LeadTable.Build(new[] { Lead("A"), Lead("B", acquired: 1) });
        var r = FunnelAnalyzer.Analyze(table, Day(10), new FunnelOptions { ConversionWindow = TimeSpan.FromDays(10) });
        Assert.Equal("2 0 0 0 1 1 0", Counts(r.Steps[0]));
    }

    [Fact]
    public void A_step_of_zero_time_is_a_duration_and_a_backwards_step_past_the_first_is_excluded_as_negative()
    {
        // Contacted at the acquisition instant (0 s, usable), NeedsConfirmed at day 1, ProposalSent at day 0.5 (before
        // the needs: negative, excluded), Negotiation at day 2, won at day 3.
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(new[] { Lead("A", contacted: 0, needs: 1, proposal: 0.5, negotiation: 2, won: 3) }), Day(10));
        Assert.Equal(1, r.ChronologyFaults);
        Assert.Equal(new long[] { 1, 1, 0, 1, 1 }, r.Steps.Select(s => (long)s.Duration!.Count));
        Assert.Equal(new long[] { 0, 0, 1, 0, 0 }, r.Steps.Select(s => s.Duration!.NegativeExcluded));
        Assert.Equal(TimeSpan.Zero, r.Steps[0].Duration!.Median);
        Assert.Equal(TimeSpan.FromDays(1), r.Steps[1].Duration!.Median);
        Assert.Null(r.Steps[2].Duration!.Median);
        Assert.Equal(TimeSpan.FromDays(1.5), r.Steps[3].Duration!.Median);
    }

    [Fact]
    public void The_first_and_last_stages_count_as_recorded_even_without_a_date()
    {
        // No lead is won: the won stage is recorded all the same (what is measured is that none was won).
        var lost = LeadTable.Build(new[] { Lead("A", lost: 2), Lead("B", contacted: 1, lost: 3) });
        Assert.Equal(new[] { true, true, false, false, false, true }, FunnelAnalyzer.Analyze(lost, Day(10)).Stages.Select(s => s.IsRecorded));
        // A partition of no rows has no date at all, not even an acquisition.
        var empty = FunnelAnalyzer.AnalyzePartition(lost, Day(10), 0, 0).ToResult();
        Assert.Equal(0, empty.Leads);
        Assert.Equal(new[] { true, false, false, false, false, true }, empty.Stages.Select(s => s.IsRecorded));
        Assert.Empty(empty.Segments);
    }

    [Fact]
    public void A_target_may_sit_on_the_first_step_and_misplaced_or_repeated_targets_say_which()
    {
        var table = LeadTable.Build(new[] { Lead("A", contacted: 1, won: 2), Lead("B", lost: 1) });
        var first = FunnelAnalyzer.Analyze(table, Day(10), new FunnelOptions { Targets = new[] { StepTarget.ForDropOff(Pipeline.Acquired, 0.5) } });
        var comparison = Assert.IsType<StepTargetComparison>(first.Steps[0].Target);
        Assert.Equal(StepTarget.ForDropOff(Pipeline.Acquired, 0.5), comparison.Target);
        Assert.Equal((1, 2), (comparison.Observed.Numerator, comparison.Observed.Denominator)); // B dropped of A and B
        var won = Assert.Throws<ArgumentException>(() => FunnelAnalyzer.Analyze(table, Day(10), new FunnelOptions { Targets = new[] { StepTarget.ForDropOff(Pipeline.Won, 0.5) } }));
        Assert.Equal("Targets", won.ParamName);
        Assert.Contains("no step leaves stage 'Won' in pipeline", won.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => FunnelAnalyzer.Analyze(table, Day(10), new FunnelOptions
        {
            Targets = new[] { StepTarget.ForDropOff(Pipeline.Contacted, 0.5), StepTarget.ForConversion(Pipeline.Contacted, 0.4) },
        }));
        Assert.Equal("Targets", twice.ParamName);
        Assert.Contains("Two targets for the step leaving 'Contacted'", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_funnel_without_drop_off_has_no_bottleneck()
    {
        var table = LeadTable.Build(new[]
        {
            Lead("A", contacted: 1, needs: 2, proposal: 3, negotiation: 4, won: 5),
            Lead("B", contacted: 1, needs: 2, proposal: 3, negotiation: 4, won: 6),
        });
        var r = FunnelAnalyzer.Analyze(table, Day(10));
        Assert.All(r.Steps, s => Assert.True(s.IsRecorded));
        Assert.Null(r.Bottleneck);
    }

    [Fact]
    public void Of_two_steps_with_the_same_drop_off_the_earlier_is_the_bottleneck()
    {
        // Acquired -> Contacted: A and B lost of 4, 2/4; Contacted -> NeedsConfirmed: C lost of C and D, 1/2. D goes on to win.
        var table = LeadTable.Build(new[]
        {
            Lead("A", lost: 1), Lead("B", lost: 1), Lead("C", contacted: 1, lost: 2),
            Lead("D", contacted: 1, needs: 2, proposal: 3, negotiation: 4, won: 5),
        });
        var r = FunnelAnalyzer.Analyze(table, Day(10));
        Assert.Equal("4 2 2 0 0 0 0", Counts(r.Steps[0]));
        Assert.Equal("2 1 1 0 0 0 0", Counts(r.Steps[1]));
        Assert.Equal(0, r.Bottleneck!.Step.Index);
    }

    [Fact]
    public void Partitions_with_different_stage_names_or_counts_do_not_merge()
    {
        static FunnelPartition Of(string pipeline, params string[] stages)
        {
            var p = new Pipeline(pipeline, stages.Select(s => new Stage(s)));
            var table = LeadTable.Build(new[] { new LeadBuilder { Id = "a", AcquiredAt = T0, Pipeline = p }.Build() });
            return FunnelAnalyzer.AnalyzePartition(table, Day(10), 0, table.Count);
        }

        var abc = Of("p", "A", "B", "C");
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => abc.Merge(Of("p", "A", "X", "C"))).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => abc.Merge(Of("p", "A", "C"))).ParamName);
        // The stage names decide, not the pipeline's name.
        Assert.Equal(2, abc.Merge(Of("q", "A", "B", "C")).ToResult().Leads);
    }

    [Fact]
    public void A_cohort_without_leads_still_carries_its_maturity()
    {
        // SEO leads in October and December, an Ads lead in November: the November cohort of SEO is empty, and so is
        // no cohort of all leads; without the Ads lead November is empty for all leads too.
        var seo = new[] { Lead("A", channel: "SEO", won: 5), Lead("B", acquired: 63, channel: "SEO") };
        var asOf = Day(100);
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(LeadTable.Build(seo), asOf, CohortPeriod.Month);
        Assert.Equal(new[] { "2023-10", "2023-11", "2023-12" }, cohorts.Cohorts.Select(c => c.Label));
        var november = cohorts.Cohorts[1].Funnel;
        Assert.Equal(0, november.Leads);
        Assert.Equal(0, Assert.IsType<FunnelMaturity>(november.Maturity).Leads);

        var withAds = LeadTable.Build(seo.Append(Lead("C", acquired: 35, channel: "Ads")));
        var cells = FunnelAnalyzer.AnalyzeCohorts(withAds, asOf, CohortPeriod.Month, Dimension.Channel);
        var seoCells = Assert.Single(cells.Segments, s => s.Value == "SEO");
        Assert.Equal(new[] { 1L, 0L, 1L }, seoCells.Cohorts.Select(c => c.Funnel.Leads));
        Assert.Equal(0, Assert.IsType<FunnelMaturity>(seoCells.Cohorts[1].Funnel.Maturity).Leads);
    }

    [Fact]
    public void By_channel_counts_chronology_faults_and_backwards_steps_per_segment()
    {
        // One segment per row takes its own loop. A (SEO): proposal at day 0.5 before the needs at day 1 (fault; step 2
        // negative); B (SEO) in order; C (Ads): contacted a day before acquisition (fault; step 0 negative).
        var table = LeadTable.Build(new[]
        {
            Lead("A", contacted: 0, needs: 1, proposal: 0.5, negotiation: 2, won: 3, channel: "SEO"),
            Lead("B", contacted: 1, channel: "SEO"),
            Lead("C", contacted: -1, channel: "Ads"),
        });
        var b = FunnelAnalyzer.AnalyzeBy(table, Day(10), Dimension.Channel);
        var seo = b.Find("SEO")!.Funnel;
        var ads = b.Find("Ads")!.Funnel;
        Assert.Equal((1, 1, 2), (seo.ChronologyFaults, ads.ChronologyFaults, b.Total.ChronologyFaults));
        Assert.Equal(new long[] { 0, 0, 1, 0, 0 }, seo.Steps.Select(s => s.Duration!.NegativeExcluded));
        Assert.Equal(new long[] { 1, 0, 0, 0, 0 }, ads.Steps.Select(s => s.Duration!.NegativeExcluded));
        Assert.Equal(new long[] { 1, 0, 1, 0, 0 }, b.Total.Steps.Select(s => s.Duration!.NegativeExcluded));
        Assert.Equal(new long[] { 2, 1, 0, 1, 1 }, seo.Steps.Select(s => (long)s.Duration!.Count)); // A and B contacted at 0 and 1 day
    }

    [Fact]
    public void A_partition_outside_the_table_names_the_rows_asked_for()
    {
        var table = LeadTable.Build(new[] { Lead("A"), Lead("B"), Lead("C") });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FunnelAnalyzer.AnalyzePartition(table, Day(10), 2, 4));
        Assert.Equal("rowCount", e.ParamName);
        Assert.StartsWith("Rows 2 to 5 are not all in a table of 3 rows.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rising_conversion_reads_rising_at_W_and_as_observed()
    {
        // Four mature monthly cohorts of 100 leads (W = 20 days, as-of months later): 20, 30, 40, 50 won at day 5, the rest lost
        // at day 8. Cochran-Armitage with scores 0..3 (mean 1.5): p = 140/400 = 0.35, sum x(s - 1.5) = -30 - 15 + 20 + 75 = 50,
        // variance 0.35 x 0.65 x 100 x 5 = 113.75, z = 50 / sqrt(113.75) = 4.688: rising, at W (won within W) and observed alike.
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var leads = new List<Lead>();
        for (var c = 0; c < 4; c++)
        {
            for (var i = 0; i < 100; i++)
            {
                var acquired = start.AddMonths(c);
                var won = i < 20 + (10 * c);
                leads.Add(new LeadBuilder { Id = $"{c}-{i}", AcquiredAt = acquired, WonAt = won ? acquired.AddDays(5) : null, LostAt = won ? null : acquired.AddDays(8) }.Build());
            }
        }

        var trend = FunnelAnalyzer.AnalyzeCohorts(LeadTable.Build(leads), start.AddMonths(6), CohortPeriod.Month, new FunnelOptions { MaturityWindow = TimeSpan.FromDays(20) }).ConversionTrend;
        Assert.Equal(50 / Math.Sqrt(113.75), trend.Projected.Statistic!.Value, 9);
        Assert.Equal(50 / Math.Sqrt(113.75), trend.Observed.Statistic!.Value, 9);
        Assert.Equal((TrendDirection.Rising, TrendDirection.Rising, false), (trend.Direction, trend.ObservedDirection, trend.FallsOnlyBecauseYounger));
        var text = trend.ToString();
        Assert.StartsWith("conversion at 20 d: Rising (", text, StringComparison.Ordinal);
        Assert.Contains("); observed Rising (", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Maturity_of_no_leads_borrows_nothing_and_of_leads_nobody_was_followed_past_cannot_be_projected()
    {
        // An empty cohort: nothing borrowed, nothing projected.
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(LeadTable.Build(new[] { Lead("A", won: 5), Lead("B", acquired: 63) }), Day(100), CohortPeriod.Month);
        var none = cohorts.Cohorts[1].Funnel.Maturity!;
        Assert.Equal((0L, false, (double?)null, TimeSpan.Zero), (none.Leads, none.IsBorrowed, none.ProjectedConversion, none.FollowUp));

        // Two leads 10 days old, one won on day 2, one open, W = 90 days: the funnel's own curve stops at day 10 with a lead
        // still open, and no lead of the reference (the same two) was followed past day 10, so the projection must borrow and
        // has nothing to borrow from.
        var young = FunnelAnalyzer.Analyze(LeadTable.Build(new[] { Lead("A", won: 2), Lead("B", contacted: 1) }), Day(10), new FunnelOptions { MaturityWindow = TimeSpan.FromDays(90) }).Maturity!;
        Assert.Equal((2L, 1L, true), (young.Leads, young.WonWithinWindow, young.IsBorrowed));
        Assert.Equal(TimeSpan.FromDays(10), young.FollowUp);
        Assert.Null(young.ProjectedConversion);
    }

    [Fact]
    public void The_maturity_tally_counting_its_own_leads_equals_the_one_sized_by_the_funnel()
    {
        // The effectiveness engine sizes the tally by counting each group's in-scope leads itself; the funnel passes its own
        // counts: SEO has A and B, Ads has C, the table's "(none)" channel no lead, the total all three.
        var table = LeadTable.Build(new[] { Lead("A", won: 5, channel: "SEO"), Lead("B", acquired: 3, lost: 4, channel: "SEO"), Lead("C", acquired: 1, contacted: 2, channel: "Ads") });
        var asOf = table.ToSeconds(Day(20));
        var plan = new SegmentGrouping(table, new[] { Dimension.Channel }, null, asOf, 0, table.Count, TimeSpan.Zero);
        var window = (long)TimeSpan.FromDays(10).TotalSeconds;
        var own = MaturityTally.Run(table, asOf, AnalysisScope.Default, window, plan, 0, table.Count);
        var leads = new long[plan.Count];
        for (var g = 0; g < plan.Total; g++)
        {
            leads[g] = plan.SegmentKeyOf(g).Values[0] switch { "SEO" => 2, "Ads" => 1, _ => 0 }; // and the table's "(none)" channel
        }

        leads[plan.Total] = 3;
        var given = MaturityTally.Run(table, asOf, AnalysisScope.Default, window, plan, leads, 0, table.Count);
        Assert.Equal(plan.Count, own.Length);
        for (var g = 0; g < plan.Count; g++)
        {
            Assert.Equal(leads[g], own[g].Keys.Length);
            Assert.Equal(given[g].Keys, own[g].Keys);
            Assert.Equal(given[g].Mature, own[g].Mature);
        }

        // W = 10 days: at day 20, A (20 days old), B (17) and C (19) are all mature.
        Assert.Equal(3, own[plan.Total].Mature);
    }
}
