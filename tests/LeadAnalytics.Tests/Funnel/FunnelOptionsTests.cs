using System.Globalization;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Statistics;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

// The funnel options' checks (parameter, message, boundary), the rule that partitions merge only under the same
// options, and the descriptions of the result types no other test reads. Written where the mutation run of the Funnel
// folder's other files reported mutants no Funnel test covers (docs/mutation-testing.md).
public class FunnelOptionsTests
{
    private static readonly LeadTable Table = LeadTable.Build(new[]
    {
        Lead("A", contacted: 1, won: 3, channel: "SEO"), Lead("B", lost: 2, channel: "SEO"), Lead("C", acquired: 35, contacted: 36, channel: "Ads"),
    });

    private static ArgumentOutOfRangeException OutOfRange(FunnelOptions options) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelAnalyzer.Analyze(Table, Day(60), options));

    [Fact]
    public void Each_invalid_option_is_refused_by_name_with_what_is_allowed()
    {
        var window = OutOfRange(new FunnelOptions { ConversionWindow = TimeSpan.Zero });
        Assert.Equal("ConversionWindow", window.ParamName);
        Assert.Contains("The conversion window must be positive (null means none).", window.Message, StringComparison.Ordinal);
        var maturity = OutOfRange(new FunnelOptions { MaturityWindow = TimeSpan.FromMilliseconds(999) });
        Assert.Equal("MaturityWindow", maturity.ParamName);
        Assert.Contains("The maturity window must be at least one second (null means the default).", maturity.Message, StringComparison.Ordinal);
        foreach (var level in new[] { 0.0, 1.0, double.NaN })
        {
            var significance = OutOfRange(new FunnelOptions { SignificanceLevel = level });
            Assert.Equal("SignificanceLevel", significance.ParamName);
            Assert.Contains("The significance level lies strictly between 0 and 1.", significance.Message, StringComparison.Ordinal);
        }

        var nullTarget = Assert.Throws<ArgumentException>(() => FunnelAnalyzer.Analyze(Table, Day(60), new FunnelOptions { Targets = new StepTarget[] { null! } }));
        Assert.Equal("Targets", nullTarget.ParamName);
        Assert.Contains("Targets must not contain null.", nullTarget.Message, StringComparison.Ordinal);

        // The boundaries: one tick of window, one second of maturity window, levels just inside (0, 1).
        Assert.Equal(3, FunnelAnalyzer.Analyze(Table, Day(60), new FunnelOptions { ConversionWindow = TimeSpan.FromTicks(1) }).Leads);
        Assert.Equal(TimeSpan.FromSeconds(1), FunnelAnalyzer.Analyze(Table, Day(60), new FunnelOptions { MaturityWindow = TimeSpan.FromSeconds(1) }).Maturity!.Window);
        Assert.Equal(3, FunnelAnalyzer.Analyze(Table, Day(60), new FunnelOptions { SignificanceLevel = 1e-9 }).Leads);
        Assert.Equal(3, FunnelAnalyzer.Analyze(Table, Day(60), new FunnelOptions { SignificanceLevel = 1 - 1e-9 }).Leads);
    }

    public static TheoryData<string, FunnelOptions> OneRuleDifferent() => new()
    {
        { "scope", new FunnelOptions { Scope = new AnalysisScope { Confidence = 0.9 } } },
        { "recorded stages", new FunnelOptions { RequireRecordedStages = true } },
        { "conversion window", new FunnelOptions { ConversionWindow = TimeSpan.FromDays(30) } },
        { "maturity window", new FunnelOptions { MaturityWindow = TimeSpan.FromDays(30) } },
        { "significance", new FunnelOptions { SignificanceLevel = 0.01 } },
        { "durations", new FunnelOptions { IncludeStepDurations = false } },
        { "quantiles", new FunnelOptions { QuantileMethod = QuantileMethod.R8 } },
        { "targets", new FunnelOptions { Targets = new[] { StepTarget.ForDropOff(Pipeline.Acquired, 0.5) } } },
    };

    [Theory]
    [MemberData(nameof(OneRuleDifferent))]
    public void Partitions_under_options_that_differ_in_one_rule_do_not_merge(string rule, FunnelOptions other)
    {
        var mine = FunnelAnalyzer.AnalyzePartition(Table, Day(60), 0, 1, new FunnelOptions());
        var theirs = FunnelAnalyzer.AnalyzePartition(Table, Day(60), 1, 2, other);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => mine.Merge(theirs)).ParamName);
        Assert.Throws<ArgumentException>(() => theirs.Merge(mine));
        Assert.NotNull(rule);
    }

    [Fact]
    public void Partitions_under_equal_options_in_separate_instances_merge()
    {
        static FunnelOptions Options() => new()
        {
            ConversionWindow = TimeSpan.FromDays(30), MaturityWindow = TimeSpan.FromDays(20), SignificanceLevel = 0.01, IncludeStepDurations = false,
            QuantileMethod = QuantileMethod.R8, RequireRecordedStages = true, Targets = new[] { StepTarget.ForDropOff(Pipeline.Acquired, 0.5) },
        };

        var merged = FunnelAnalyzer.AnalyzePartition(Table, Day(60), 0, 1, Options()).Merge(FunnelAnalyzer.AnalyzePartition(Table, Day(60), 1, 2, Options()));
        Assert.Equal(Describe(FunnelAnalyzer.Analyze(Table, Day(60), Options())), Describe(merged.ToResult()));
    }

    [Fact]
    public void Breakdowns_cohorts_trends_targets_and_maturity_describe_themselves()
    {
        var options = new FunnelOptions { MaturityWindow = TimeSpan.FromDays(30), Targets = new[] { StepTarget.ForDropOff(Pipeline.Acquired, 0.5) } };
        var breakdown = FunnelAnalyzer.AnalyzeBy(Table, Day(60), Dimension.Channel, options);
        Assert.Equal("Channel: 2 segments; total " + breakdown.Total, breakdown.ToString());
        Assert.Equal("Ads: " + breakdown.Segments[0].Funnel, breakdown.Segments[0].ToString());

        // Target: drop-off of the first step 1 of 3 resolved (B lost; A and C advanced) = 33.3% <= 50%.
        var comparison = breakdown.Total.Steps[0].Target!;
        Assert.Equal(StepTarget.ForDropOff(Pipeline.Acquired, 0.5) + ": observed " + comparison.Observed + ", meets target True", comparison.ToString());

        // Maturity at 30 days: A (won day 3) and B (lost day 2) are resolved, C (acquired day 35, open) is followed 25 days
        // of 30 at as-of day 60: 2 of 3 mature.
        var maturity = breakdown.Total.Maturity!;
        Assert.Equal(3, maturity.Leads);
        Assert.Equal(2, maturity.MatureLeads);
        Assert.StartsWith(string.Format(CultureInfo.InvariantCulture, "maturity {0:0.###} at 30 d, projected conversion ", maturity.Maturity), maturity.ToString(), StringComparison.Ordinal);
        Assert.Equal(maturity.IsBorrowed, maturity.ToString().EndsWith(" (borrowed profile)", StringComparison.Ordinal));

        var cohorts = FunnelAnalyzer.AnalyzeCohorts(Table, Day(60), CohortPeriod.Month, Dimension.Channel);
        Assert.Equal("2 cohorts by Month; total " + cohorts.Total, cohorts.ToString());
        Assert.Equal("2023-10: " + cohorts.Cohorts[0].Funnel, cohorts.Cohorts[0].ToString());
        var seo = cohorts.Segments.Single(s => s.Value == "SEO");
        Assert.Equal("SEO: 2 cohorts; total " + seo.Total, seo.ToString());
        var trend = cohorts.StepTrends[0];
        Assert.Equal("Acquired -> Contacted: all leads " + trend.AllLeads + "; resolved " + trend.Resolved, trend.ToString());
        Assert.Equal(trend.AllLeads.Trend.ToString(), trend.AllLeads.ToString());
    }
}
