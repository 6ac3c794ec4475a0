using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Tests.LossReasons;

// MaxDegreeOfParallelism changes how rows are chunked and merged, never the report: the same JSON for every thread count.
public class LossReasonParallelPropertyTests
{
    private static readonly DateTimeOffset AsOf = Generators.Epoch.AddDays(200);

    private static readonly string?[] Reasons = { "budget", " Budget ", "预算不足", "竞品价格更低", "timing", null, "  " };

    public sealed record Case(Lead[] Leads, ExpectedDealSize DealSize, bool Window);

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from leads in Generators.Leads(Pipeline.Default, 0, 150)
        from reasons in Gen.ArrayOf(Gen.Elements(Reasons), 150)
        from dealSize in Gen.Elements(ExpectedDealSize.None, ExpectedDealSize.ChannelAverage, ExpectedDealSize.OverallAverage)
        from window in Gen.Elements(false, true)
        select new Case(WithReasons(leads, reasons), dealSize, window));

    [Property(MaxTest = 100)]
    public Property Every_thread_count_gives_the_single_threaded_report_exactly() =>
        Prop.ForAll(Cases, c =>
        {
            var table = LeadTable.Build(c.Leads);
            var expected = LeadAnalyticsJson.SerializeLossReasons(LossReasonAnalyzer.Analyze(table, AsOf, Options(c, 1)));
            foreach (var threads in new[] { 2, 3, 16, -1 })
            {
                var actual = LeadAnalyticsJson.SerializeLossReasons(LossReasonAnalyzer.Analyze(table, AsOf, Options(c, threads)));
                if (actual != expected)
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
            LossReasonAnalyzer.Analyze(LeadTable.Build(Array.Empty<Lead>()), AsOf, new LossReasonOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, MaxDegreeOfParallelism = threads } }));
        Assert.Equal(nameof(AnalysisScope.MaxDegreeOfParallelism), e.ParamName);
        Assert.Equal(1, LossReasonOptions.Default.Scope.MaxDegreeOfParallelism);
    }

    private static LossReasonOptions Options(Case c, int threads) => new()
    {
        ExpectedDealSize = c.DealSize,
        Scope = new AnalysisScope
        {
            Breakdown = new[] { Dimension.Channel },
            Period = c.Window ? new AcquisitionPeriod(Generators.Epoch.AddDays(20), Generators.Epoch.AddDays(120)) : AcquisitionPeriod.AllTime,
            MaxDegreeOfParallelism = threads,
            MinRowsPerChunk = 1,
        },
        MinimumLostLeads = 3,
    };

    private static Lead[] WithReasons(Lead[] leads, string?[] reasons)
    {
        var result = new Lead[leads.Length];
        for (var i = 0; i < leads.Length; i++)
        {
            var b = leads[i].ToBuilder();
            if (b.LostAt is not null)
            {
                b.LossReason = reasons[i % reasons.Length];
            }

            result[i] = b.Build();
        }

        return result;
    }
}
