using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

// The small values around the funnel: groupings, step targets and partitions, their checks, equality and descriptions.
// Mutation testing (docs/mutation-testing.md) found these covered by no Funnel test.
public class FunnelValueTests
{
    [Fact]
    public void Groupings_refuse_undefined_periods_and_dimensions()
    {
        var period = Assert.Throws<ArgumentOutOfRangeException>(() => FunnelGrouping.ByCohort((CohortPeriod)99));
        Assert.Equal("period", period.ParamName);
        Assert.Contains("Unknown cohort period", period.Message, StringComparison.Ordinal);
        var dimension = Assert.Throws<ArgumentOutOfRangeException>(() => FunnelGrouping.By((Dimension)99));
        Assert.Equal("dimension", dimension.ParamName);
        Assert.Contains("Unknown dimension", dimension.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groupings_describe_themselves()
    {
        Assert.Equal("total", FunnelGrouping.Total.ToString());
        Assert.Equal("Channel", FunnelGrouping.By(Dimension.Channel).ToString());
        Assert.Equal("Channel x Industry", FunnelGrouping.By(Dimension.Channel, Dimension.Industry).ToString());
        Assert.Equal("cohort by Month", FunnelGrouping.ByCohort(CohortPeriod.Month).ToString());
    }

    [Fact]
    public void Groupings_are_equal_exactly_when_cohort_and_dimensions_are()
    {
        var channel = FunnelGrouping.By(Dimension.Channel);
        Assert.True(channel.Equals(FunnelGrouping.By(Dimension.Channel)));
        Assert.True(channel.Equals((object)FunnelGrouping.By(Dimension.Channel)));
        Assert.Equal(channel.GetHashCode(), FunnelGrouping.By(Dimension.Channel).GetHashCode());
        Assert.Equal(FunnelGrouping.ByCohort(CohortPeriod.Month, Dimension.Channel).GetHashCode(),
            FunnelGrouping.ByCohort(CohortPeriod.Month, Dimension.Channel).GetHashCode());
        Assert.False(channel.Equals(FunnelGrouping.By(Dimension.Industry)));
        Assert.False(channel.Equals(FunnelGrouping.By(Dimension.Channel, Dimension.Industry)));
        Assert.False(channel.Equals(null));
        Assert.False(FunnelGrouping.ByCohort(CohortPeriod.Month).Equals(FunnelGrouping.ByCohort(CohortPeriod.Quarter)));
        Assert.False(FunnelGrouping.ByCohort(CohortPeriod.Month).Equals(FunnelGrouping.Total));
        Assert.False(FunnelGrouping.ByCohort(CohortPeriod.Month).Equals(FunnelGrouping.ByCohort(CohortPeriod.Month, Dimension.Channel)));
    }

    [Fact]
    public void Step_targets_refuse_a_blank_stage_and_proportions_outside_zero_to_one()
    {
        var blank = Assert.Throws<ArgumentException>(() => StepTarget.ForDropOff("  ", 0.2));
        Assert.Equal("fromStage", blank.ParamName);
        Assert.Contains("names the stage its step leaves", blank.Message, StringComparison.Ordinal);
        var below = Assert.Throws<ArgumentOutOfRangeException>(() => StepTarget.ForDropOff(Pipeline.Contacted, -0.01));
        Assert.Equal("value", below.ParamName);
        Assert.Contains("lies in [0, 1]", below.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => StepTarget.ForConversion(Pipeline.Contacted, double.NaN));
        Assert.Equal(0.0, StepTarget.ForDropOff(Pipeline.Contacted, 0).Value);
        Assert.Equal(1.0, StepTarget.ForConversion(Pipeline.Contacted, 1).Value);
    }

    [Fact]
    public void Step_targets_read_as_drop_offs_and_describe_themselves()
    {
        var conversion = StepTarget.ForConversion(" " + Pipeline.Contacted + " ", 0.75);
        Assert.Equal(Pipeline.Contacted, conversion.FromStage);
        Assert.Equal(StepTargetKind.Conversion, conversion.Kind);
        Assert.Equal(0.25, conversion.DropOff, 15); // 1 - 0.75
        Assert.Equal(0.25, StepTarget.ForDropOff(Pipeline.Contacted, 0.25).DropOff);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, "DropOff at NeedsConfirmed <= {0:P1}", 0.25),
            StepTarget.ForDropOff("NeedsConfirmed", 0.25).ToString());
        Assert.StartsWith("Conversion at Contacted >= 75.0", conversion.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_targets_are_equal_exactly_when_stage_kind_and_value_are()
    {
        var target = StepTarget.ForDropOff(Pipeline.Contacted, 0.25);
        Assert.True(target.Equals(StepTarget.ForDropOff(Pipeline.Contacted, 0.25)));
        Assert.True(target.Equals((object)StepTarget.ForDropOff(Pipeline.Contacted, 0.25)));
        Assert.Equal(target.GetHashCode(), StepTarget.ForDropOff(Pipeline.Contacted, 0.25).GetHashCode());
        Assert.False(target.Equals(StepTarget.ForDropOff(Pipeline.NeedsConfirmed, 0.25)));
        Assert.False(target.Equals(StepTarget.ForConversion(Pipeline.Contacted, 0.25)));
        Assert.False(target.Equals(StepTarget.ForDropOff(Pipeline.Contacted, 0.3)));
        Assert.False(target.Equals(null));
    }

    [Fact]
    public void A_partition_of_the_total_is_neither_a_breakdown_nor_cohorts_and_merges_only_with_its_kind()
    {
        var table = LeadTable.Build(new[] { Lead("A", won: 2), Lead("B", lost: 3), Lead("C", contacted: 1) });
        var part = FunnelAnalyzer.AnalyzePartition(table, Day(10), 0, table.Count);
        var breakdown = Assert.Throws<InvalidOperationException>(() => part.ToBreakdown());
        Assert.Contains("grouped by total, not by dimension", breakdown.Message, StringComparison.Ordinal);
        var cohorts = Assert.Throws<InvalidOperationException>(() => part.ToCohorts());
        Assert.Contains("grouped by total, not by cohort", cohorts.Message, StringComparison.Ordinal);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => part.Merge(null!)).ParamName);
        var later = FunnelAnalyzer.AnalyzePartition(table, Day(11), 0, table.Count);
        var merge = Assert.Throws<ArgumentException>(() => part.Merge(later));
        Assert.Equal("other", merge.ParamName);
        Assert.Contains("same grouping, as-of instant, stages and options", merge.Message, StringComparison.Ordinal);
    }
}
