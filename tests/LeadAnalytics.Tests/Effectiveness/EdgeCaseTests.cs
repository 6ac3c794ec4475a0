using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;
using static LeadAnalytics.Tests.Effectiveness.HandComputedTableTests;

namespace LeadAnalytics.Tests.Effectiveness;

public class EdgeCaseTests
{
    [Fact]
    public void An_empty_period_gives_an_empty_table_with_undefined_ratios()
    {
        var r = EngineCalls.Summarize(LeadTable.Build(Leads()), Costs(), At(12, 31),
            new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = new AcquisitionPeriod(At(1, 1, year: 2022), At(2, 1, year: 2022)) } });
        Assert.Empty(r.Segments);
        Assert.Equal(0, r.Total.Leads);
        Assert.Null(r.Total.ConversionRate.Value);
        Assert.Null(r.Total.Spend);
        Assert.Null(r.Total.CostPerLead);
        Assert.Null(r.Total.ShareOfLeads);
        Assert.Null(r.ConversionIndependence!.PValue);
        Assert.Equal(6, r.Costs.EntriesOutsidePeriod);
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void An_empty_table_works_and_takes_the_costs_currency()
    {
        var costs = new[] { new CostEntry(CostScope.Channel, "SEO", At(10, 1), At(11, 1), new Money(100m, Currency.CNY)) };
        var r = EngineCalls.Summarize(LeadTable.Build(Array.Empty<Lead>()), costs, At(12, 31));
        Assert.Equal(Currency.CNY, r.Currency);
        Assert.Equal(100m, r.Costs.InPeriodTotal);
        Assert.Equal(100m, r.Costs.Unallocated);
        Assert.Equal(UnmatchedCostReason.UnknownKey, Assert.Single(r.Costs.UnmatchedCosts).Reason);
        Assert.Equal(FindingKinds.SpendWithoutLeads, Assert.Single(r.Findings).Kind);
        var mixed = costs.Append(new CostEntry(CostScope.Channel, "SEO", At(10, 1), At(11, 1), new Money(1m, Currency.USD)));
        Assert.Throws<CurrencyMismatchException>(() => EngineCalls.Summarize(LeadTable.Build(Array.Empty<Lead>()), mixed, At(12, 31)));
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var table = LeadTable.Build(Leads());
        Assert.Throws<ArgumentException>(() => EngineCalls.Summarize(table, null, At(12, 31), new EffectivenessOptions { Scope = new AnalysisScope { Cohort = CohortPeriod.Month } }));
        Assert.Throws<ArgumentException>(() => EngineCalls.Summarize(table, null, At(12, 31), new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Owner, Dimension.Owner } } }));
        Assert.Throws<ArgumentException>(() => EngineCalls.Summarize(table, null, At(12, 31),
            new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel, Dimension.Owner, Dimension.Industry } } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineCalls.Summarize(table, null, At(12, 31), new EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Confidence = 1 } }));
        Assert.Throws<ArgumentNullException>(() => EngineCalls.Summarize(table, new CostEntry[] { null! }, At(12, 31)));
        Assert.Throws<ArgumentException>(() => new AcquisitionPeriod(At(10, 2), At(10, 1)));
    }

    [Fact]
    public void A_missing_dimension_value_is_its_own_segment()
    {
        var r = EngineCalls.Summarize(LeadTable.Build(Leads()), Costs(), At(12, 31),
            new EffectivenessOptions { Scope = new AnalysisScope { Period = new AcquisitionPeriod(At(10, 1), At(11, 1)), Breakdown = new[] { Dimension.Industry } } });
        var none = r.Find(SegmentKey.Of(Dimension.Industry, null))!;
        Assert.Equal("(none)", none.Label);
        Assert.Equal(1, none.Leads); // C2
    }

    [Fact]
    public void Interval_method_and_level_are_options()
    {
        var r = EngineCalls.Summarize(LeadTable.Build(Leads()), Costs(), At(12, 31), new EffectivenessOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, Period = new AcquisitionPeriod(At(10, 1), At(11, 1)), IntervalMethod = LeadAnalytics.Statistics.ProportionIntervalMethod.ClopperPearson, Confidence = 0.9 }
        });
        Assert.Equal(LeadAnalytics.Statistics.ProportionIntervals.ClopperPearson(4, 9, 0.9).Lower, r.Total.ConversionRate.Lower);
    }
}
