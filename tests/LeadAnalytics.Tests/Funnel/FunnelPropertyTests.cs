using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

[Properties(Arbitrary = new[] { typeof(FunnelArbitraries) }, MaxTest = 60)]
public class FunnelPropertyTests
{
    private static readonly Dimension[] SingleValued =
        { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType };

    [Property]
    public void Reach_never_increases_along_the_pipeline_and_every_step_splits_exactly(FunnelScenario s)
    {
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(s.Leads), s.AsOf, s.Options);
        for (var k = 0; k + 1 < r.Stages.Count; k++)
        {
            Assert.True(r.Stages[k].Reach >= r.Stages[k + 1].Reach);
        }

        foreach (var step in r.Steps)
        {
            Assert.Equal(step.Entered, step.Advanced + step.Lost + step.Stale + step.Open + step.Expired + step.Unrecorded);
            Assert.True(step.Resolved.Leads <= step.AllLeads.Leads);
        }

        Assert.Equal(r.Leads, s.Leads.Count(l => l.AcquiredAt <= s.AsOf));
    }

    // After every event in the table the engine reads the precomputed furthest stage and latest activity instead of the
    // stage columns (the settled path). A conversion window longer than any lead's life turns that path off without
    // changing a single count, so the two must agree, by channel, by tag and overall.
    [Property]
    public void An_as_of_after_every_event_gives_the_same_answers_through_the_precomputed_columns(FunnelScenario s)
    {
        var table = LeadTable.Build(s.Leads);
        var asOf = Generators.Epoch.AddYears(5);
        var settled = new FunnelOptions { Scope = new AnalysisScope { StaleAfter = s.Options.Scope.StaleAfter, StaleTreatment = s.Options.Scope.StaleTreatment } };
        var general = new FunnelOptions { Scope = new AnalysisScope { StaleAfter = s.Options.Scope.StaleAfter, StaleTreatment = s.Options.Scope.StaleTreatment }, ConversionWindow = TimeSpan.FromDays(365 * 50) };
        Assert.Equal(Describe(FunnelAnalyzer.Analyze(table, asOf, general)), Describe(FunnelAnalyzer.Analyze(table, asOf, settled)));
        Assert.Equal(Describe(FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Channel, general)), Describe(FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Channel, settled)));
        Assert.Equal(Describe(FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Tag, general)), Describe(FunnelAnalyzer.AnalyzeBy(table, asOf, Dimension.Tag, settled)));
    }

    [Property]
    public void With_default_rules_the_counts_agree_with_each_leads_own_state(FunnelScenario s)
    {
        // An independent oracle: the domain model's per-lead answers, counted with LINQ.
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(s.Leads), s.AsOf);
        var acquired = s.Leads.Where(l => l.AcquiredAt <= s.AsOf).ToArray();
        for (var k = 0; k < r.Stages.Count; k++)
        {
            Assert.Equal(acquired.Count(l => l.FurthestStageIndex(s.AsOf) >= k), r.Stages[k].Reach);
        }

        Assert.Equal(acquired.Count(l => l.OutcomeAsOf(s.AsOf) == Outcome.Won), r.Won);
        Assert.Equal(acquired.Count(l => l.OutcomeAsOf(s.AsOf) == Outcome.Lost), r.Steps.Sum(x => x.Lost));
        Assert.Equal(acquired.Count(l => l.IsStale(s.AsOf, TimeSpan.FromDays(30))), r.Steps.Sum(x => x.Stale));
    }

    [Property]
    public void Under_any_rules_every_step_count_agrees_with_a_per_lead_oracle(FunnelScenario s)
    {
        // The rules of docs/funnel.md restated on Lead objects, independently of the table and the scan.
        var o = s.Options;
        var last = Pipeline.Default.WonIndex;
        var expected = new long[last, 7];
        foreach (var lead in s.Leads.Where(l => l.AcquiredAt <= s.AsOf))
        {
            var closed = o.ConversionWindow is { } w && lead.AcquiredAt + w <= s.AsOf;
            var cut = closed ? lead.AcquiredAt + o.ConversionWindow!.Value : s.AsOf;
            bool Reached(int stage) => lead.GetStageTime(stage) is { } t && t <= cut;
            var stage = 0;
            var gap = false;
            if (o.RequireRecordedStages)
            {
                while (stage < last && Reached(stage + 1))
                {
                    stage++;
                }

                gap = Enumerable.Range(stage + 2, Math.Max(0, last - stage - 1)).Any(Reached);
            }
            else
            {
                stage = Enumerable.Range(0, last + 1).Where(k => k == 0 || Reached(k)).Max();
            }

            for (var k = 0; k < stage; k++)
            {
                expected[k, 0]++; // entered
                expected[k, 1]++; // advanced
            }

            if (stage == last)
            {
                continue;
            }

            expected[stage, 0]++;
            var reason =
                gap ? 6
                : lead.LostAt is { } lost && lost <= cut ? 2
                : closed ? 5
                : o.Scope.StaleAfter > TimeSpan.Zero && lead.IsStale(s.AsOf, o.Scope.StaleAfter) ? 3
                : 4;
            expected[stage, reason]++;
        }

        var r = FunnelAnalyzer.Analyze(LeadTable.Build(s.Leads), s.AsOf, o);
        for (var k = 0; k < last; k++)
        {
            Assert.Equal(string.Join(" ", Enumerable.Range(0, 7).Select(c => expected[k, c])), Counts(r.Steps[k]));
        }
    }

    [Property]
    public void Single_valued_segments_sum_to_the_total(FunnelScenario s)
    {
        var table = LeadTable.Build(s.Leads);
        foreach (var dimension in SingleValued)
        {
            var b = FunnelAnalyzer.AnalyzeBy(table, s.AsOf, dimension, s.Options);
            Assert.True(b.SegmentsSumToTotal);
            for (var k = 0; k < b.Total.Stages.Count; k++)
            {
                Assert.Equal(b.Total.Stages[k].Reach, b.Segments.Sum(x => x.Funnel.Stages[k].Reach));
            }

            for (var k = 0; k < b.Total.Steps.Count; k++)
            {
                Assert.Equal(Counts(b.Total.Steps[k]), SumCounts(b.Segments.Select(x => x.Funnel.Steps[k])));
            }
        }

        var pairs = FunnelAnalyzer.AnalyzeBy(table, s.AsOf, Dimension.Owner, Dimension.Channel, s.Options);
        Assert.Equal(Reach(pairs.Total), Enumerable.Range(0, 6).Select(k => pairs.Segments.Sum(x => x.Funnel.Stages[k].Reach)));
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(table, s.AsOf, CohortPeriod.IsoWeek, s.Options);
        Assert.Equal(Reach(cohorts.Total), Enumerable.Range(0, 6).Select(k => cohorts.Cohorts.Sum(x => x.Funnel.Stages[k].Reach)));
    }

    [Property]
    public void Each_segment_is_the_funnel_of_exactly_its_leads(FunnelScenario s)
    {
        var table = LeadTable.Build(s.Leads);
        var byChannel = FunnelAnalyzer.AnalyzeBy(table, s.AsOf, Dimension.Channel, s.Options);
        foreach (var segment in byChannel.Segments)
        {
            var subset = LeadTable.Build(s.Leads.Where(l => l.Channel == segment.Values[0]));
            var (expected, actual) = SegmentVersusSubset(FunnelAnalyzer.Analyze(subset, s.AsOf, s.Options), segment.Funnel);
            Assert.Equal(expected, actual);
        }

        var byTag = FunnelAnalyzer.AnalyzeBy(table, s.AsOf, Dimension.Tag, s.Options);
        foreach (var segment in byTag.Segments)
        {
            var subset = LeadTable.Build(s.Leads.Where(l => l.Tags.Contains(segment.Values[0]!)));
            var (expected, actual) = SegmentVersusSubset(FunnelAnalyzer.Analyze(subset, s.AsOf, s.Options), segment.Funnel);
            Assert.Equal(expected, actual);
        }
    }

    [Property]
    public void Input_order_does_not_change_any_output(FunnelScenario s)
    {
        var shuffled = (Lead[])s.Leads.Clone();
        var random = new Random(s.Seed);
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        var a = LeadTable.Build(s.Leads);
        var b = LeadTable.Build(shuffled);
        Assert.Equal(Describe(FunnelAnalyzer.Analyze(a, s.AsOf, s.Options)), Describe(FunnelAnalyzer.Analyze(b, s.AsOf, s.Options)));
        Assert.Equal(Describe(FunnelAnalyzer.AnalyzeBy(a, s.AsOf, Dimension.Channel, s.Options)), Describe(FunnelAnalyzer.AnalyzeBy(b, s.AsOf, Dimension.Channel, s.Options)));
        Assert.Equal(Describe(FunnelAnalyzer.AnalyzeBy(a, s.AsOf, Dimension.Tag, Dimension.Industry, s.Options)), Describe(FunnelAnalyzer.AnalyzeBy(b, s.AsOf, Dimension.Tag, Dimension.Industry, s.Options)));
        Assert.Equal(Describe(FunnelAnalyzer.AnalyzeCohorts(a, s.AsOf, CohortPeriod.Month, s.Options)), Describe(FunnelAnalyzer.AnalyzeCohorts(b, s.AsOf, CohortPeriod.Month, s.Options)));
    }

    [Property]
    public void Partitions_merged_in_any_order_and_any_thread_count_equal_the_single_pass(FunnelScenario s)
    {
        var table = LeadTable.Build(s.Leads);
        var random = new Random(s.Seed);
        var cuts = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(table.Count + 1)).Append(0).Append(table.Count).Distinct().OrderBy(c => c).ToArray();
        if (cuts.Length == 1)
        {
            cuts = new[] { 0, 0 }; // an empty table is one empty partition
        }
        foreach (var grouping in new[] { s.Options.Scope, s.Options.Scope.WithBreakdown(Dimension.Channel), s.Options.Scope.WithBreakdown(Dimension.Tag, Dimension.Owner), s.Options.Scope.WithCohorts(CohortPeriod.IsoWeek) })
        {
            var options = s.Options.WithScope(grouping);
            var single = FunnelAnalyzer.AnalyzePartition(table, s.AsOf, 0, table.Count, options);
            var expected = Render(single);

            // Row ranges of one table, merged in a shuffled order.
            var parts = Enumerable.Range(0, cuts.Length - 1)
                .Select(i => FunnelAnalyzer.AnalyzePartition(table, s.AsOf, cuts[i], cuts[i + 1] - cuts[i], options))
                .OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(expected, Render(FunnelPartition.Merge(parts)));
            Assert.Equal(table.Count, FunnelPartition.Merge(parts).RowCount);

            // Separately built tables (as on other machines): codes differ, segments merge by value.
            var remote = Enumerable.Range(0, cuts.Length - 1)
                .Select(i => LeadTable.Build(s.Leads.Skip(cuts[i]).Take(cuts[i + 1] - cuts[i])))
                .Select(t => FunnelAnalyzer.AnalyzePartition(t, s.AsOf, 0, t.Count, options));
            Assert.Equal(expected, Render(FunnelPartition.Merge(remote)));

            // Threads: the same answer for every degree of parallelism, with chunks as small as one row.
            foreach (var threads in new[] { 2, 3, 7 })
            {
                var parallel = new FunnelOptions
                {
                    Scope = new AnalysisScope
                    {
                        Breakdown = grouping.Breakdown, Cohort = grouping.Cohort, StaleAfter = s.Options.Scope.StaleAfter,
                        StaleTreatment = s.Options.Scope.StaleTreatment, MaxDegreeOfParallelism = threads, MinRowsPerChunk = 1,
                    },
                    RequireRecordedStages = s.Options.RequireRecordedStages,
                    ConversionWindow = s.Options.ConversionWindow,
                    Targets = s.Options.Targets,
                };
                Assert.Equal(expected, Render(FunnelAnalyzer.AnalyzePartition(table, s.AsOf, 0, table.Count, parallel)));
            }
        }
    }

    [Property]
    public void A_later_as_of_never_lowers_the_reach_of_a_fixed_cohort(FunnelScenario s, int laterHours)
    {
        var cohort = LeadTable.Build(s.Leads.Where(l => l.AcquiredAt <= s.AsOf));
        var later = s.AsOf.AddHours(Math.Abs(laterHours % (24 * 200)));
        var before = FunnelAnalyzer.Analyze(cohort, s.AsOf, s.Options);
        var after = FunnelAnalyzer.Analyze(cohort, later, s.Options);
        for (var k = 0; k < before.Stages.Count; k++)
        {
            Assert.True(after.Stages[k].Reach >= before.Stages[k].Reach, $"stage {k}: {before.Stages[k].Reach} -> {after.Stages[k].Reach}");
        }
    }

    private static string SumCounts(IEnumerable<FunnelStep> steps)
    {
        var list = steps.ToList();
        return $"{list.Sum(x => x.Entered)} {list.Sum(x => x.Advanced)} {list.Sum(x => x.Lost)} {list.Sum(x => x.Stale)} {list.Sum(x => x.Open)} {list.Sum(x => x.Expired)} {list.Sum(x => x.Unrecorded)}";
    }

    private static string Render(FunnelPartition p) =>
        p.Grouping.Cohort is not null ? Describe(p.ToCohorts())
        : p.Grouping.Dimensions.Count > 0 ? Describe(p.ToBreakdown())
        : Describe(p.ToResult());
}
