using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;
using static LeadAnalytics.Tests.Effectiveness.HandComputedTableTests;

namespace LeadAnalytics.Tests.Effectiveness;

// The options' checks (each refusal with its parameter and a message that says what is allowed, each boundary accepted)
// and the rule that partitions merge only under the same options. Mutation testing (docs/mutation-testing.md) found the
// messages, the boundaries and most of the equivalence terms unchecked.
public class EffectivenessOptionsTests
{
    private static LeadTable Table() => LeadTable.Build(Leads());

    private static ArgumentException Refused(EffectivenessOptions options) =>
        Assert.ThrowsAny<ArgumentException>(() => EffectivenessAnalyzer.Analyze(Table(), AsOf, options));

    private static void Accepted(EffectivenessOptions options) => Assert.NotNull(EffectivenessAnalyzer.Analyze(Table(), AsOf, options));

    [Fact]
    public void Each_invalid_option_is_refused_by_name_with_what_is_allowed()
    {
        var cohort = Refused(new EffectivenessOptions { Scope = new AnalysisScope { Cohort = CohortPeriod.Month } });
        Assert.Equal("options", cohort.ParamName);
        Assert.Contains("breaks down by dimensions (none for the total only), not by cohort", cohort.Message, StringComparison.Ordinal);

        var metric = Refused(new EffectivenessOptions { RankBy = "cpl" });
        Assert.Equal("options", metric.ParamName);
        Assert.StartsWith("'cpl' is not a segment metric; use one of leads, ", metric.Message, StringComparison.Ordinal);
        Assert.Equal("options", Refused(new EffectivenessOptions { RankBy = null! }).ParamName);

        var margin = Refused(new EffectivenessOptions { DefaultGrossMargin = 1.01m });
        Assert.Equal("options", margin.ParamName);
        Assert.Contains("A gross margin is a fraction of revenue and cannot exceed 1.", margin.Message, StringComparison.Ordinal);
        Assert.Contains("cannot exceed 1", Refused(new EffectivenessOptions { GrossMarginBySegment = new Dictionary<string, decimal> { ["SEO"] = 0.5m, ["x"] = 1.01m } }).Message, StringComparison.Ordinal);

        var window = Assert.IsType<ArgumentOutOfRangeException>(Refused(new EffectivenessOptions { MaturityWindow = TimeSpan.FromMilliseconds(999) }));
        Assert.Equal("options", window.ParamName);
        Assert.Contains("The maturity window must be at least one second", window.Message, StringComparison.Ordinal);

        var findings = Refused(new EffectivenessOptions { Findings = null! });
        Assert.Equal("options", findings.ParamName);
        Assert.Contains("Findings options are required and MaxListedLeadIds must not be negative.", findings.Message, StringComparison.Ordinal);
        Assert.Contains("MaxListedLeadIds must not be negative", Refused(new EffectivenessOptions { MaxListedLeadIds = -1 }).Message, StringComparison.Ordinal);

        var nullCost = Assert.IsType<ArgumentNullException>(Refused(new EffectivenessOptions { Costs = new CostEntry[] { Costs()[0], null! } }));
        Assert.Equal("options", nullCost.ParamName);
        Assert.Contains("The costs table contains a null entry.", nullCost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_boundaries_of_the_checks_are_allowed()
    {
        Accepted(new EffectivenessOptions { DefaultGrossMargin = 1m, GrossMarginBySegment = new Dictionary<string, decimal> { ["SEO"] = 1m } });
        Accepted(new EffectivenessOptions { MaturityWindow = TimeSpan.FromSeconds(1) });
        var none = EffectivenessAnalyzer.Analyze(Table(), AsOf, new EffectivenessOptions { MaxListedLeadIds = 0 });
        Assert.Equal(11, none.Costs.LeadsWithoutCost); // no per-lead cost anywhere
        Assert.Empty(none.Costs.LeadsWithoutCostIds);
    }

    [Fact]
    public void Listed_leads_without_cost_are_the_first_by_ordinal_id_for_a_range_and_a_list_of_rows()
    {
        // Eleven leads without a cost: ids A1..A4, B1..B3, C1, C2, X1, X2 in ordinal order; the first three are A1, A2, A3.
        // All time, by channel, counts a range of rows; October a list of rows (its nine leads: A*, B*, C*).
        var all = EffectivenessAnalyzer.Analyze(Table(), AsOf, new EffectivenessOptions { MaxListedLeadIds = 3 });
        Assert.Equal(new[] { "A1", "A2", "A3" }, all.Costs.LeadsWithoutCostIds);
        var october = EffectivenessAnalyzer.Analyze(Table(), AsOf, new EffectivenessOptions
        {
            MaxListedLeadIds = 3, Scope = EffectivenessOptions.Default.Scope.WithPeriod(new AcquisitionPeriod(At(10, 1), At(11, 1))),
        });
        Assert.Equal(9, october.Costs.LeadsWithoutCost);
        Assert.Equal(new[] { "A1", "A2", "A3" }, october.Costs.LeadsWithoutCostIds);
        var reversed = LeadTable.Build(Leads().Reverse());
        Assert.Equal(new[] { "A1", "A2", "A3" }, EffectivenessAnalyzer.Analyze(reversed, AsOf, new EffectivenessOptions { MaxListedLeadIds = 3 }).Costs.LeadsWithoutCostIds);
    }

    [Fact]
    public void A_partition_takes_per_lead_costs_only()
    {
        var table = Table();
        var e = Assert.Throws<ArgumentException>(() => EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, table.Count, new EffectivenessOptions { Costs = Costs() }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("partitions take per-lead costs (CostSource.PerLeadCosts); use Analyze for a costs table", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, table.Count, new EffectivenessOptions { CostSource = CostSource.CostTable }));
        // An empty costs table under Auto means per-lead costs.
        Assert.Equal(CostSource.PerLeadCosts, EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, table.Count, new EffectivenessOptions { Costs = Array.Empty<CostEntry>() }).ToResult().Costs.Source);
    }

    public static TheoryData<string, EffectivenessOptions> OneRuleDifferent()
    {
        var data = new TheoryData<string, EffectivenessOptions>
        {
            { "scope", new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Confidence = 0.9 } } },
            { "previous period", new EffectivenessOptions { PreviousPeriod = new AcquisitionPeriod(At(9, 1), At(10, 1)) } },
            { "cost source", new EffectivenessOptions { CostSource = CostSource.PerLeadCosts } },
            { "currency converter", new EffectivenessOptions { CurrencyConverter = (m, _) => m } },
            { "test method", new EffectivenessOptions { TestMethod = ProportionTestMethod.TwoProportionZ } },
            { "quantile method", new EffectivenessOptions { QuantileMethod = QuantileMethod.R8 } },
            { "durations", new EffectivenessOptions { IncludeDurations = false } },
            { "maturity", new EffectivenessOptions { IncludeMaturity = false } },
            { "maturity window", new EffectivenessOptions { MaturityWindow = TimeSpan.FromDays(30) } },
            { "rank by", new EffectivenessOptions { RankBy = MetricIds.Won } },
            { "rank order", new EffectivenessOptions { RankDescending = false } },
            { "listed ids", new EffectivenessOptions { MaxListedLeadIds = 5 } },
            { "default margin", new EffectivenessOptions { DefaultGrossMargin = 0.5m } },
            { "margins", new EffectivenessOptions { GrossMarginBySegment = new Dictionary<string, decimal> { ["SEO"] = 0.5m } } },
            { "findings enabled", new EffectivenessOptions { Findings = new FindingRuleOptions { Enabled = false } } },
            { "findings leads", new EffectivenessOptions { Findings = new FindingRuleOptions { MinimumLeads = 31 } } },
            { "findings won", new EffectivenessOptions { Findings = new FindingRuleOptions { MinimumWon = 6 } } },
            { "findings alpha", new EffectivenessOptions { Findings = new FindingRuleOptions { Alpha = 0.01 } } },
            { "findings volume", new EffectivenessOptions { Findings = new FindingRuleOptions { HighVolumeShare = 0.3 } } },
            { "findings gap", new EffectivenessOptions { Findings = new FindingRuleOptions { RelativeGap = 0.3 } } },
            { "findings roas", new EffectivenessOptions { Findings = new FindingRuleOptions { RoasThreshold = 2m } } },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(OneRuleDifferent))]
    public void Partitions_under_options_that_differ_in_one_rule_do_not_merge(string rule, EffectivenessOptions other)
    {
        var table = Table();
        var mine = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 5);
        var theirs = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 5, table.Count - 5, other);
        var e = Assert.Throws<ArgumentException>(() => mine.Merge(theirs));
        Assert.Equal("other", e.ParamName);
        Assert.Contains("Only partitions with the same as-of instant, options and currency, and without a costs table, can be merged.", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => theirs.Merge(mine));
        Assert.NotNull(rule);
    }

    [Fact]
    public void Partitions_under_equal_options_merge_whichever_instances_hold_them()
    {
        var table = Table();
        var single = EffectivenessAnalyzer.Analyze(table, AsOf);
        static EffectivenessOptions Options(IReadOnlyDictionary<string, decimal>? margins) => new()
        {
            GrossMarginBySegment = margins, Findings = new FindingRuleOptions(), DefaultGrossMargin = null, RankBy = "leads",
        };

        // Separate instances, no margins versus an empty dictionary of margins, equal margins in separate dictionaries.
        Assert.Equal(single.Total.Leads, EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 5, Options(null))
            .Merge(EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 5, table.Count - 5, Options(new Dictionary<string, decimal>()))).ToResult().Total.Leads);
        var a = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 0, 5, Options(new Dictionary<string, decimal> { ["SEO"] = 0.5m, ["x"] = 0.25m }));
        var b = EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 5, table.Count - 5, Options(new Dictionary<string, decimal> { ["x"] = 0.25m, ["SEO"] = 0.5m }));
        Assert.Equal(single.Total.Leads, a.Merge(b).ToResult().Total.Leads);
        // The same number of margins, for another segment or at another value.
        Assert.Throws<ArgumentException>(() => a.Merge(EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 5, 2, Options(new Dictionary<string, decimal> { ["SEO"] = 0.5m, ["y"] = 0.25m }))));
        Assert.Throws<ArgumentException>(() => a.Merge(EffectivenessAnalyzer.AnalyzePartition(table, AsOf, 5, 2, Options(new Dictionary<string, decimal> { ["SEO"] = 0.5m, ["x"] = 0.3m }))));
        // Another as-of instant.
        Assert.Throws<ArgumentException>(() => a.Merge(EffectivenessAnalyzer.AnalyzePartition(table, AsOf.AddDays(1), 5, 2, Options(new Dictionary<string, decimal> { ["SEO"] = 0.5m, ["x"] = 0.25m }))));
    }

    [Fact]
    public void A_partition_without_amounts_merges_into_either_currency_but_two_currencies_do_not_merge()
    {
        static LeadTable Of(string id, Currency? currency)
        {
            var b = new LeadBuilder { Id = id, Channel = "SEO", AcquiredAt = At(10, 2), WonAt = At(10, 9) };
            if (currency is { } c)
            {
                b.DealAmount = new Money(100m, c);
            }

            return LeadTable.Build(new[] { b.Build() });
        }

        EffectivenessPartition Part(LeadTable t) => EffectivenessAnalyzer.AnalyzePartition(t, AsOf, 0, t.Count);
        var none = Part(Of("a", null));
        var cny = Part(Of("b", Currency.CNY));
        Assert.Equal(Currency.CNY, none.Merge(cny).ToResult().Currency);
        Assert.Equal(Currency.CNY, cny.Merge(none).ToResult().Currency);
        Assert.Equal(100m, none.Merge(cny).ToResult().Total.Revenue);
        Assert.Throws<ArgumentException>(() => cny.Merge(Part(Of("c", Currency.USD))));
    }
}
