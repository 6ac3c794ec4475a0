using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Json;

namespace LeadAnalytics.Tests.CycleTime;

// MaxDegreeOfParallelism changes how rows are chunked and which thread computes which group, never the result: the JSON
// with every curve (Kaplan-Meier, cumulative incidence), every duration summary and the log-rank test is the same.
public class CycleTimeParallelPropertyTests
{
    private static readonly DateTimeOffset AsOf = Generators.Epoch.AddDays(200);

    public sealed record Case(Lead[] Leads, Dimension? SegmentBy, bool MergeNearTies);

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from leads in Generators.Leads(Pipeline.Default, 0, 150)
        from segmentBy in Gen.Elements<Dimension?>(null, Dimension.Channel, Dimension.Strategy, Dimension.Owner, Dimension.Tag)
        from merge in Gen.Elements(true, false)
        select new Case(leads, segmentBy, merge));

    [Property(MaxTest = 100)]
    public Property Every_thread_count_gives_the_single_threaded_result_exactly() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var single = CycleTimeAnalyzer.Analyze(table, AsOf, Options(c, 1));
            var expected = LeadAnalyticsJson.SerializeCycleTime(single, includeCurves: true);
            foreach (var threads in new[] { 2, 3, 16, -1 })
            {
                var result = CycleTimeAnalyzer.Analyze(table, AsOf, Options(c, threads));
                var actual = LeadAnalyticsJson.SerializeCycleTime(result, includeCurves: true);
                if (actual != expected || !SameDurations(single, result))
                {
                    return false.Label($"{threads} threads:\n{expected}\n---\n{actual}");
                }
            }

            return true.ToProperty();
        });

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_thread_count_of_zero_or_below_minus_one_is_rejected(int threads)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CycleTimeAnalyzer.Analyze(LeadTable.Build(Array.Empty<Lead>()), AsOf, new CycleTimeOptions { Scope = new AnalysisScope { MaxDegreeOfParallelism = threads } }));
        Assert.Equal(nameof(AnalysisScope.MaxDegreeOfParallelism), e.ParamName);
        Assert.Equal(1, CycleTimeOptions.Default.Scope.MaxDegreeOfParallelism);
    }

    // The sorted samples behind each duration summary, compared bit for bit (the JSON carries only their statistics).
    private static bool SameDurations(CycleTimeResult a, CycleTimeResult b)
    {
        var left = a.Segments.Prepend(a.Overall).ToList();
        var right = b.Segments.Prepend(b.Overall).ToList();
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var g = 0; g < left.Count; g++)
        {
            var x = left[g].StageDurations.Append(left[g].AcquisitionToWon).Append(left[g].AcquisitionToLost).ToList();
            var y = right[g].StageDurations.Append(right[g].AcquisitionToWon).Append(right[g].AcquisitionToLost).ToList();
            if (x.Count != y.Count || x.Zip(y, (p, q) => p.Mean.Equals(q.Mean) && p.Count == q.Count && p.Median.Equals(q.Median)).Contains(false))
            {
                return false;
            }
        }

        return true;
    }

    private static CycleTimeOptions Options(Case c, int threads) => new()
    {
        Scope = new AnalysisScope
        {
            Breakdown = c.SegmentBy is { } d ? new[] { d } : Array.Empty<Dimension>(),
            MaxDegreeOfParallelism = threads,
            MinRowsPerChunk = 1,
        },
        Survival = new KaplanMeierOptions { MergeNearTies = c.MergeNearTies },
    };
}
