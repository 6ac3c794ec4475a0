using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Json;

namespace LeadAnalytics.Tests.Effectiveness;

// MaxDegreeOfParallelism changes how rows are chunked and merged, never the answer: the whole result (segments, money,
// medians, cost allocation to the cent with its remainders, findings, previous period) serialises to the same JSON.
public class EffectivenessParallelPropertyTests
{
    private static readonly DateTimeOffset AsOf = Generators.Epoch.AddDays(200);

    private static readonly int[] ThreadCounts = { 2, 3, 16, -1 };

    public sealed record Case(Lead[] Leads, CostEntry[] Costs, Dimension[] Dimensions, AcquisitionPeriod Period, bool Previous, CostSource Source);

    private static readonly Gen<Dimension[]> Breakdowns = Gen.OneOf(
        EffectivenessGenerators.Breakdown,
        Gen.Elements(new[] { Dimension.Tag }, new[] { Dimension.Tag, Dimension.Channel }, new[] { Dimension.Industry, Dimension.Tag }));

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from leads in Generators.Leads(Pipeline.Default, 0, 150)
        from costs in EffectivenessGenerators.Costs
        from dimensions in Breakdowns
        from period in EffectivenessGenerators.Period
        from previous in Gen.Elements(false, true)
        from source in Gen.Elements(CostSource.Auto, CostSource.CostTable, CostSource.PerLeadCosts)
        select new Case(leads, costs, dimensions, period, previous, source));

    [Property(MaxTest = 100)]
    public Property Every_thread_count_gives_the_single_threaded_result_exactly() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var expected = LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, c.Costs, AsOf, Options(c, 1)));
            foreach (var threads in ThreadCounts)
            {
                var actual = LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, c.Costs, AsOf, Options(c, threads)));
                if (actual != expected)
                {
                    return false.Label($"{threads} threads:\n{expected}\n---\n{actual}");
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void Thousands_of_leads_in_chunks_of_default_size_give_the_single_threaded_result()
    {
        // Big enough for several chunks of the default minimum size, with a cost table that leaves remainders to hand out.
        var table = LeadTable.Build(Generators.Leads(Pipeline.Default, 30_000, 30_000).Sample(1)[0]);
        var costs = Gen.ArrayOf(EffectivenessGenerators.Cost, 40).Sample(1)[0];
        foreach (var dimensions in new[] { new[] { Dimension.Channel }, new[] { Dimension.Tag, Dimension.Industry } })
        {
            var single = new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = dimensions }, CostSource = CostSource.CostTable };
            var expected = LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, costs, AsOf, single));
            foreach (var threads in new[] { 2, -1, 8 })
            {
                var parallel = new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = dimensions, MaxDegreeOfParallelism = threads, MinRowsPerChunk = 4096 }, CostSource = CostSource.CostTable };
                Assert.Equal(expected, LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, costs, AsOf, parallel)));
            }
        }
    }

    [Fact]
    public void A_pair_of_dimensions_with_more_than_four_million_code_pairs_gives_the_single_threaded_result()
    {
        // 2,100 owners × 2,100 contents: too many pairs for the lookup array, so segments are numbered through a dictionary.
        var leads = Generators.Leads(Pipeline.Default, 2_100, 2_100).Sample(1)[0].Select((l, i) =>
        {
            var b = l.ToBuilder();
            b.Owner = "owner " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            b.Content = "content " + ((i * 7) % 2_100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return b.Build();
        }).ToArray();
        var table = LeadTable.Build(leads);
        var dimensions = new[] { Dimension.Owner, Dimension.Content };
        var expected = LeadAnalyticsJson.SerializeEffectiveness(EngineCalls.Summarize(table, null, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = dimensions } }));
        var parallel = new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = dimensions, MaxDegreeOfParallelism = 3, MinRowsPerChunk = 1 } };
        var actual = EngineCalls.Summarize(table, null, AsOf, parallel);
        Assert.Equal(expected, LeadAnalyticsJson.SerializeEffectiveness(actual));
        Assert.Equal(table.Count, actual.Segments.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void A_thread_count_of_zero_or_below_minus_one_is_rejected(int threads)
    {
        var table = LeadTable.Build(Array.Empty<Lead>());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            EngineCalls.Summarize(table, null, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, MaxDegreeOfParallelism = threads } }));
        Assert.Equal(nameof(AnalysisScope.MaxDegreeOfParallelism), e.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(64)]
    public void One_minus_one_and_any_positive_count_are_accepted(int threads)
    {
        var table = LeadTable.Build(Generators.Leads(Pipeline.Default, 20, 20).Sample(1)[0]);
        var single = EngineCalls.Summarize(table, null, AsOf);
        var r = EngineCalls.Summarize(table, null, AsOf, new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, MaxDegreeOfParallelism = threads } });
        Assert.Equal(LeadAnalyticsJson.SerializeEffectiveness(single), LeadAnalyticsJson.SerializeEffectiveness(r));
        Assert.Equal(1, EffectivenessOptions.Default.Scope.MaxDegreeOfParallelism);
    }

    // Leaving the duration statistics out changes nothing else: the same JSON once the four duration fields (and findings,
    // which may read them) are removed, and those fields are absent (null) in every segment.
    [Property(MaxTest = 100)]
    public Property Without_durations_only_the_duration_statistics_are_missing() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var full = EngineCalls.Summarize(table, c.Costs, AsOf, Options(c, 1));
            var lean = EngineCalls.Summarize(table, c.Costs, AsOf, Options(c, 2, includeDurations: false));
            foreach (var s in lean.Segments.Append(lean.Total))
            {
                if (s.MedianCycleDays is not null || s.MedianDaysToWin is not null || s.SpeedToLeadMedianHours is not null || s.SpeedToLeadP90Hours is not null)
                {
                    return false.Label("a duration statistic was computed");
                }
            }

            var expected = WithoutDurations(LeadAnalyticsJson.SerializeEffectiveness(full));
            var actual = WithoutDurations(LeadAnalyticsJson.SerializeEffectiveness(lean));
            return (expected == actual).Label($"{expected}\n---\n{actual}");
        });

    private static readonly string[] DurationFields = { "medianCycleDays", "medianDaysToWin", "speedToLeadMedianHours", "speedToLeadP90Hours", "findings" };

    private static readonly string[] DurationMetricIds = { "median_cycle_days", "median_days_to_win", "speed_to_lead_median_hours", "speed_to_lead_p90_hours" };

    private static string WithoutDurations(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var f in DurationFields)
                {
                    o.Remove(f);
                }

                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    Strip(child);
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                // Period-over-period changes list one entry per metric: those of the durations go too.
                foreach (var change in a.Where(m => m is System.Text.Json.Nodes.JsonObject o && o["metricId"] is { } id && DurationMetricIds.Contains(id.GetValue<string>())).ToList())
                {
                    a.Remove(change);
                }

                foreach (var child in a)
                {
                    Strip(child);
                }

                break;
        }
    }

    private static EffectivenessOptions Options(Case c, int threads, bool includeDurations = true) => new()
    {
        IncludeDurations = includeDurations,
        Scope = new AnalysisScope { Breakdown = c.Dimensions, Period = c.Period, MaxDegreeOfParallelism = threads, MinRowsPerChunk = 1 },
        PreviousPeriod = c.Previous ? new AcquisitionPeriod(c.Period.From?.AddDays(-30), c.Period.From) : null,
        CostSource = c.Source,
        Findings = new FindingRuleOptions { MinimumLeads = 5 },
    };
}
