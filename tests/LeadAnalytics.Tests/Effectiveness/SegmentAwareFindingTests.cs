using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;

namespace LeadAnalytics.Tests.Effectiveness;

/// <summary>Findings that know what a segment is (issue 17): no budget advice for blank, unknown or "(other)" values or for
/// people, and a data-quality warning instead of comparisons when a dimension is filled almost only for one outcome.</summary>
public class SegmentAwareFindingTests
{
    private static readonly DateTimeOffset T0 = new(2023, 10, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AsOf = T0.AddDays(60);

    private static IEnumerable<Lead> Leads(string prefix, int count, int won, string? channel = null, string? owner = null, Func<bool, string?>? industry = null)
    {
        for (var i = 0; i < count; i++)
        {
            var isWon = i < won;
            yield return new LeadBuilder
            {
                Id = prefix + i,
                Channel = channel,
                Owner = owner,
                Industry = industry?.Invoke(isWon),
                AcquiredAt = T0.AddMinutes(i),
                WonAt = isWon ? T0.AddDays(10) : null,
                LostAt = isWon ? null : T0.AddDays(5),
            }.Build();
        }
    }

    private static EffectivenessResult By(IEnumerable<Lead> leads, Dimension dimension, FindingRuleOptions? rules = null) =>
        EffectivenessAnalyzer.Analyze(LeadTable.Build(leads.ToList()), AsOf,
            new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { dimension } }, Findings = rules ?? new FindingRuleOptions() });

    private static Finding FilledByOutcome(EffectivenessResult result) => Assert.Single(result.Findings, f => f.Kind == FindingKinds.DimensionFilledByOutcome);

    [Fact]
    public void A_blank_channel_that_converts_better_gets_no_budget_advice_a_named_one_would()
    {
        // (none): 50 of 100 won; SEO: 10 of 100. Both differ from the rest (50% vs 10%, z = 6.1, p < 1e-8).
        var result = By(Leads("B", 100, 50).Concat(Leads("S", 100, 10, channel: "SEO")), Dimension.Channel);
        var above = Assert.Single(result.Findings, f => f.Kind == FindingKinds.ConversionAboveRest);
        Assert.Null(above.Segment.Values[0]);
        Assert.Equal("none", above.Arguments["advice"]);
        var text = FindingTemplates.Format(above, FindingTemplates.English);
        Assert.StartsWith("(none): conversion 50.0% is significantly above the rest (10.0%; Holm-adjusted p ", text, StringComparison.Ordinal);
        Assert.EndsWith(").", text, StringComparison.Ordinal);
        Assert.DoesNotContain("budget", text, StringComparison.Ordinal);
        Assert.DoesNotContain("预算", FindingTemplates.Format(above, FindingTemplates.Chinese), StringComparison.Ordinal);

        // The same data with the blank channel named: the advice is given.
        var named = By(Leads("B", 100, 50, channel: "展会").Concat(Leads("S", 100, 10, channel: "SEO")), Dimension.Channel);
        var advised = Assert.Single(named.Findings, f => f.Kind == FindingKinds.ConversionAboveRest);
        Assert.EndsWith("consider moving budget here.", FindingTemplates.Format(advised, FindingTemplates.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("(other)")]
    [InlineData("未知")]
    public void Unknown_and_other_values_get_no_budget_advice(string value)
    {
        var result = By(Leads("B", 100, 50, channel: value).Concat(Leads("S", 100, 10, channel: "SEO")), Dimension.Channel);
        var above = Assert.Single(result.Findings, f => f.Kind == FindingKinds.ConversionAboveRest);
        Assert.DoesNotContain("budget", FindingTemplates.Format(above, FindingTemplates.English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sales_rep_who_converts_better_is_a_finding_not_a_budget_line()
    {
        var result = By(Leads("Z", 100, 50, owner: "张三").Concat(Leads("L", 100, 10, owner: "李四")), Dimension.Owner);
        var above = Assert.Single(result.Findings, f => f.Kind == FindingKinds.ConversionAboveRest);
        Assert.Equal("张三", above.Segment.Values[0]);
        Assert.StartsWith("张三: conversion 50.0% is significantly above the rest (10.0%", FindingTemplates.Format(above, FindingTemplates.English), StringComparison.Ordinal);
        Assert.DoesNotContain("budget", FindingTemplates.Format(above, FindingTemplates.English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_filled_only_for_won_leads_earns_a_warning_and_no_comparison()
    {
        // Industry recorded only when a deal closes (Olist's business_segment): 40 won leads have it (20 制造业, 20 零售),
        // the 160 lost leads do not. Filled leads are 40 / 40 = 100% won against 40 / 200 = 20% of all leads.
        var leads = Leads("M", 20, 20, industry: w => w ? "制造业" : null)
            .Concat(Leads("R", 20, 20, industry: w => w ? "零售" : null))
            .Concat(Leads("X", 160, 0));
        var result = By(leads, Dimension.Industry);
        var warning = Assert.Single(result.Findings, f => f.Kind == FindingKinds.DimensionFilledByOutcome);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal(1.0, warning.Value);
        Assert.Equal(0.2, warning.ComparisonValue);
        Assert.Equal(("40", "160", "won"), (warning.Arguments["filled"], warning.Arguments["blank"], warning.Arguments["outcome"]));
        Assert.Equal(
            "industry is filled almost only for won leads (100.0% of the 40 leads that have it are won, 20.0% of all leads; 160 leads have none): " +
            "conversion by industry reflects when it is recorded, not the segments, so no segment is compared.",
            FindingTemplates.Format(warning, FindingTemplates.English));
        Assert.StartsWith("客户行业几乎只在成交线索上填写", FindingTemplates.Format(warning, FindingTemplates.Chinese), StringComparison.Ordinal);
        // Without the rule every industry would be "significantly above the rest" (100% vs 0%) and (none) below it.
        Assert.DoesNotContain(result.Findings, f => f.Kind is FindingKinds.ConversionAboveRest or FindingKinds.ConversionBelowRest or FindingKinds.HighVolumeLowConversion);
    }

    [Fact]
    public void A_dimension_filled_for_every_outcome_alike_earns_no_warning()
    {
        // Industry filled for half the leads of each outcome: 20 of 40 won and 80 of 160 lost have it.
        var leads = Leads("M", 40, 20, industry: w => "制造业").Concat(Leads("N", 40, 20)).Concat(Leads("P", 60, 0, industry: w => "零售")).Concat(Leads("Q", 60, 0));
        var result = By(leads, Dimension.Industry);
        Assert.DoesNotContain(result.Findings, f => f.Kind == FindingKinds.DimensionFilledByOutcome);
    }

    [Fact]
    public void A_dimension_filled_only_for_lost_leads_earns_the_lost_warning()
    {
        // Industry recorded only when a lead is lost: 40 lost leads have it (20 制造业, 20 零售); of the 160 without it 130
        // are won and 30 lost. Filled leads: 0 of 40 won (no won warning), 40 of 40 lost = 100% against
        // (40 + 30) / 200 = 35% of all leads lost.
        var leads = Leads("M", 20, 0, industry: _ => "制造业").Concat(Leads("R", 20, 0, industry: _ => "零售")).Concat(Leads("X", 160, 130));
        var warning = FilledByOutcome(By(leads, Dimension.Industry));
        Assert.Equal((1.0, 0.35, "all"), (warning.Value, warning.ComparisonValue, warning.ComparisonBasis));
        Assert.Equal(("40", "160", "lost", "流失", "industry"),
            (warning.Arguments["filled"], warning.Arguments["blank"], warning.Arguments["outcome"], warning.Arguments["outcome_zh"], warning.Arguments["segment"]));
        Assert.Equal(
            "industry is filled almost only for lost leads (100.0% of the 40 leads that have it are lost, 35.0% of all leads; 160 leads have none): " +
            "conversion by industry reflects when it is recorded, not the segments, so no segment is compared.",
            FindingTemplates.Format(warning, FindingTemplates.English));
        Assert.Contains("流失", FindingTemplates.Format(warning, FindingTemplates.Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_filled_for_exactly_90_percent_of_one_outcome_against_exactly_half_earns_the_warning()
    {
        // 40 leads have an industry, 36 of them won: 36 / 40 = 0.9 (the same double as 0.9). Of the 160 without one, 64 are
        // won: (36 + 64) / 200 = 0.5 of all leads won. Both thresholds are inclusive ("at least 90%", "at most half").
        var leads = Leads("M", 40, 36, industry: _ => "制造业").Concat(Leads("X", 160, 64));
        var warning = FilledByOutcome(By(leads, Dimension.Industry));
        Assert.Equal((0.9, 0.5, "won"), (warning.Value, warning.ComparisonValue, warning.Arguments["outcome"]));
    }

    [Fact]
    public void A_dimension_filled_for_exactly_the_minimum_of_leads_earns_the_warning()
    {
        // MinimumLeads 30 (the default): 30 leads have an industry, all won; 170 do not, 10 of them won (40 / 200 = 20%).
        var leads = Leads("M", 30, 30, industry: _ => "制造业").Concat(Leads("X", 170, 10));
        var warning = FilledByOutcome(By(leads, Dimension.Industry));
        Assert.Equal((1.0, 0.2, "30", "170"), (warning.Value, warning.ComparisonValue, warning.Arguments["filled"], warning.Arguments["blank"]));
        // One lead fewer with a value: 29 < 30, no warning.
        var fewer = Leads("M", 29, 29, industry: _ => "制造业").Concat(Leads("X", 171, 11));
        Assert.DoesNotContain(By(fewer, Dimension.Industry).Findings, f => f.Kind == FindingKinds.DimensionFilledByOutcome);
    }

    [Fact]
    public void A_dimension_filled_for_no_lead_earns_no_warning_even_without_a_minimum()
    {
        // MinimumLeads 0: no lead has an industry, so there is no share of filled leads (0 / 0) to compare. Before the check
        // of an empty filled set the warning fired with a NaN share (found by mutation testing: FindingRules' `break`).
        var leads = Leads("X", 100, 20);
        var result = By(leads, Dimension.Industry, new FindingRuleOptions { MinimumLeads = 0 });
        Assert.DoesNotContain(result.Findings, f => f.Kind == FindingKinds.DimensionFilledByOutcome);
    }
}
