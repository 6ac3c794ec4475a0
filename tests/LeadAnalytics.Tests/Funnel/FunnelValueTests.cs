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

    [Fact]
    public void A_funnel_and_its_parts_describe_themselves()
    {
        // A won, B lost after contact, C lost before contact, D contacted and open. Reach of Contacted 3 of 4; the first step
        // entered by 4, advanced by 3, lost by 1 (C). Wilson limits of 1/4: 4.6% and 69.9% (centre 0.3725, half-width
        // 0.3269); of 3/4 their mirror, 30.1% and 95.4%. Days to contact 1, 1, 2: median 1 d, R7 p90 at position 2.8 is
        // 1 + 0.8 (2 - 1) = 1.8 d = 1 d 19:12.
        var table = LeadTable.Build(new[] { Lead("A", contacted: 1, won: 2), Lead("B", contacted: 1, lost: 3), Lead("C", lost: 1), Lead("D", contacted: 2) });
        var r = FunnelAnalyzer.Analyze(table, Day(10));
        const string quarter = "25.0 % [4.6 %, 69.9 %] (1/4)";
        const string threeQuarters = "75.0 % [30.1 %, 95.4 %] (3/4)";
        Assert.Equal("4 leads, 1 won, conversion " + quarter, r.ToString());
        Assert.Equal("Contacted: 3 (" + threeQuarters + ")", r.Stages[1].ToString());
        var step = r.GetStep(Pipeline.Acquired);
        Assert.Equal("Acquired -> Contacted: entered 4, advanced 3, lost 1, stale 0, open 0, resolved drop-off " + quarter, step.ToString());
        Assert.Equal("conversion " + threeQuarters + ", drop-off " + quarter, step.AllLeads.ToString());
        Assert.Equal("n 3, median 1.00:00:00, p90 1.19:12:00 (R7)", step.Duration!.ToString());
        Assert.StartsWith("Acquired -> Contacted: " + quarter + "; vs other steps two-proportion z", r.Bottleneck!.ToString(), StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => r.GetStep(Pipeline.Won));
        Assert.Equal("fromStage", unknown.ParamName);
        Assert.Contains("No step leaves stage 'Won'", unknown.Message, StringComparison.Ordinal);
    }
}
