using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LeadAnalytics.Tests.Domain;

[Properties(Arbitrary = new[] { typeof(ActionArbitraries) })]
public class MetricTargetTests
{
    // ---- the template's three examples (DIGEST step 6) ----

    [Fact]
    public void The_needs_discovery_example_is_a_drop_off_at_a_stage()
    {
        var t = MetricTarget.Parse("dropoff(NeedsConfirmed) <= 25%");
        Assert.Equal(ActionMetric.DropOff, t.Metric.Metric);
        Assert.Equal("NeedsConfirmed", t.Metric.Stage);
        Assert.True(t.Metric.Segment.IsAll);
        Assert.Equal(TargetComparator.LessThanOrEqual, t.Comparator);
        Assert.Equal(0.25m, t.Value);
        Assert.Null(t.Currency);
        Assert.False(t.HigherIsBetter);
        Assert.Equal("dropoff(NeedsConfirmed) <= 25%", t.ToString());
    }

    [Fact]
    public void The_douyin_example_is_a_conversion_of_a_channel()
    {
        var t = MetricTarget.Parse("conversion(channel=抖音信息流) >= 10%");
        Assert.Equal(ActionMetric.ConversionRate, t.Metric.Metric);
        Assert.Null(t.Metric.Stage);
        var c = Assert.Single(t.Metric.Segment.Conditions);
        Assert.Equal(Dimension.Channel, c.Dimension);
        Assert.Equal(new[] { "抖音信息流" }, c.Values);
        Assert.Equal(TargetComparator.GreaterThanOrEqual, t.Comparator);
        Assert.Equal(0.10m, t.Value);
        Assert.True(t.HigherIsBetter);
        Assert.Equal("conversion(channel=抖音信息流) >= 10%", t.ToString());
    }

    [Fact]
    public void The_trade_show_example_is_a_cost_per_acquisition_in_the_data_currency()
    {
        var t = MetricTarget.Parse("cac(channel=行业展会) <= 4000");
        Assert.Equal(ActionMetric.CostPerAcquisition, t.Metric.Metric);
        Assert.Equal(ActionMetricUnit.Money, t.Metric.Unit);
        Assert.Equal(4000m, t.Value);
        Assert.Null(t.Currency);
        Assert.Equal("cac(channel=行业展会) <= 4000", t.ToString());
    }

    // ---- every metric and its units ----

    [Theory]
    [InlineData("leads >= 50", ActionMetric.Leads, 50, "leads >= 50/week")]
    [InlineData("leads(channel=SEO) >= 12.5/week", ActionMetric.Leads, 12.5, "leads(channel=SEO) >= 12.5/week")]
    [InlineData("step_conversion(ProposalSent) > 0.8", ActionMetric.StepConversion, 0.8, "step_conversion(ProposalSent) > 80%")]
    [InlineData("cpl(channel=SEO) < 300 CNY", ActionMetric.CostPerLead, 300, "cpl(channel=SEO) < 300 CNY")]
    [InlineData("cac(channel=行业展会) <= 4000元", ActionMetric.CostPerAcquisition, 4000, "cac(channel=行业展会) <= 4000 CNY")]
    [InlineData("roas(channel=SEO) >= 1:3.5", ActionMetric.ReturnOnAdSpend, 3.5, "roas(channel=SEO) >= 3.5")]
    [InlineData("roas >= 350%", ActionMetric.ReturnOnAdSpend, 3.5, "roas >= 3.5")]
    [InlineData("median_cycle_days(industry=教育) <= 30d", ActionMetric.MedianCycleDays, 30, "median_cycle_days(industry=教育) <= 30")]
    [InlineData("speed_to_lead(owner=张伟) <= 2 hours", ActionMetric.SpeedToLead, 2, "speed_to_lead(owner=张伟) <= 2h")]
    [InlineData("speed_to_lead <= 0.5h", ActionMetric.SpeedToLead, 0.5, "speed_to_lead <= 0.5h")]
    public void Every_metric_parses_with_its_unit_and_formats_canonically(string text, ActionMetric metric, double value, string canonical)
    {
        var t = MetricTarget.Parse(text);
        Assert.Equal(metric, t.Metric.Metric);
        Assert.Equal((decimal)value, t.Value);
        Assert.Equal(canonical, t.ToString());
    }

    [Fact]
    public void Aliases_full_width_punctuation_and_chinese_dimension_names_mean_the_same_target()
    {
        var canonical = MetricTarget.Parse("dropoff(NeedsConfirmed, channel=SEO) <= 25%");
        Assert.Equal(canonical, MetricTarget.Parse("  DROP_OFF ( NeedsConfirmed ,  Channel = SEO )<=0.25  "));
        Assert.Equal(canonical, MetricTarget.Parse("dropoff（NeedsConfirmed，来源渠道＝SEO） ≤ 25％"));
        Assert.Equal(
            MetricTarget.Parse("conversion(customer_type=企业, industry=教育) >= 10%"),
            MetricTarget.Parse("conversion_rate(行业=教育, 客户类型=企业) ≥ 10%"));
    }

    [Fact]
    public void Alternatives_are_sorted_and_deduplicated_and_conditions_follow_dimension_order()
    {
        var t = MetricTarget.Parse("conversion(tag=b|a|b, channel=抖音信息流|SEO) >= 10%");
        Assert.Equal("conversion(channel=SEO|抖音信息流, tag=a|b) >= 10%", t.ToString());
    }

    [Fact]
    public void Text_with_syntax_characters_is_quoted_and_read_back()
    {
        var metric = new TrackedMetric(ActionMetric.ConversionRate, segment: SegmentFilter.Where(Dimension.Strategy, "Douyin feed, \"education\" (ads)"));
        var target = new MetricTarget(metric, TargetComparator.GreaterThan, 0.125m);
        Assert.Equal("conversion(strategy=\"Douyin feed, \"\"education\"\" (ads)\") > 12.5%", target.ToString());
        Assert.Equal(target, MetricTarget.Parse(target.ToString()));
        Assert.Equal("conversion(strategy=Douyin feed - education ads) > 12.5%",
            new MetricTarget(new TrackedMetric(ActionMetric.ConversionRate, segment: SegmentFilter.Where(Dimension.Strategy, "Douyin feed - education ads")), TargetComparator.GreaterThan, 0.125m).ToString());
    }

    // ---- errors name the position ----

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("conv(channel=SEO) >= 10%", 0, "Unknown metric 'conv'")]
    [InlineData("conversion(chanel=SEO) >= 10%", 11, "Unknown dimension 'chanel'")]
    [InlineData("dropoff >= 10%", 7, "dropoff needs the stage")]
    [InlineData("conversion(NeedsConfirmed) >= 10%", 11, "not measured at a stage")]
    [InlineData("dropoff(channel=SEO, NeedsConfirmed) <= 25%", 21, "first argument")]
    [InlineData("conversion(channel=SEO, channel=抖音信息流) >= 10%", 24, "channel is given twice")]
    [InlineData("conversion(channel=) >= 10%", 19, "Expected a value for channel")]
    [InlineData("conversion(channel=SEO) 10%", 24, "Expected a comparator")]
    [InlineData("conversion(channel=SEO) = 10%", 24, "'=' alone")]
    [InlineData("conversion(channel=SEO) >= 25", 27, "above 1")]
    [InlineData("conversion(channel=SEO) >= 120%", 27, "at most 100%")]
    [InlineData("conversion(channel=SEO) >= ten", 27, "Expected a number")]
    [InlineData("conversion(channel=SEO) >= 10% more", 31, "Unexpected text after the target")]
    [InlineData("cac(channel=行业展会) <= -5", 21, "must not be negative")]
    [InlineData("cac(channel=行业展会) <= 4000%", 25, "not a percentage")]
    [InlineData("cac(channel=行业展会) <= 4000 XYZ", 26, "Unexpected 'XYZ'")]
    [InlineData("conversion(channel=\"SEO) >= 10%", 19, "Unclosed quote")]
    [InlineData("conversion(channel=SEO", 22, "Missing ')'")]
    [InlineData("roas >= 2:7", 8, "1:x")]
    [InlineData("speed_to_lead <= 2 weeks", 19, "Unexpected 'weeks'")]
    public void Errors_say_what_is_wrong_and_where(string text, int position, string fragment)
    {
        Assert.False(MetricTarget.TryParse(text, out var target, out var error));
        Assert.Null(target);
        Assert.Equal(position, error!.Position);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        var e = Assert.Throws<MetricExpressionException>(() => MetricTarget.Parse(text));
        Assert.Equal(position, e.Position);
        Assert.Equal(text, e.Expression);
    }

    [Fact]
    public void Too_many_decimal_places_are_rejected_rather_than_rounded()
    {
        Assert.False(MetricTarget.TryParse("conversion >= 12.34567890123%", out _, out var error));
        Assert.Contains("more than 12 decimal places", error!.Message, StringComparison.Ordinal);
        Assert.True(MetricTarget.TryParse("conversion >= 12.3456789012%", out var ok));
        Assert.Equal(0.123456789012m, ok!.Value);
    }

    // ---- construction ----

    [Fact]
    public void Construction_checks_stage_currency_and_range()
    {
        Assert.Throws<ArgumentNullException>(() => new TrackedMetric(ActionMetric.DropOff));
        Assert.Throws<ArgumentException>(() => new TrackedMetric(ActionMetric.ConversionRate, "NeedsConfirmed"));
        Assert.Throws<ArgumentException>(() => new TrackedMetric((ActionMetric)99));
        var conversion = new TrackedMetric(ActionMetric.ConversionRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricTarget(conversion, TargetComparator.GreaterThan, 1.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricTarget(conversion, TargetComparator.GreaterThan, -0.1m));
        Assert.Throws<ArgumentException>(() => new MetricTarget(conversion, TargetComparator.GreaterThan, 0.1m, Currency.CNY));
        Assert.Throws<ArgumentException>(() => new MetricTarget(conversion, (TargetComparator)9, 0.1m));
        Assert.Throws<ArgumentException>(() => new SegmentFilter(new SegmentCondition(Dimension.Channel, "SEO"), new SegmentCondition(Dimension.Channel, "抖音信息流")));
        Assert.Throws<ArgumentException>(() => new SegmentCondition(Dimension.Channel, "  "));
        Assert.Throws<ArgumentException>(() => new SegmentCondition(Dimension.Channel, Array.Empty<string>()));
    }

    [Theory]
    [InlineData(TargetComparator.LessThan, 0.24, true)]
    [InlineData(TargetComparator.LessThan, 0.25, false)]
    [InlineData(TargetComparator.LessThanOrEqual, 0.25, true)]
    [InlineData(TargetComparator.LessThanOrEqual, 0.26, false)]
    [InlineData(TargetComparator.GreaterThan, 0.25, false)]
    [InlineData(TargetComparator.GreaterThan, 0.26, true)]
    [InlineData(TargetComparator.GreaterThanOrEqual, 0.25, true)]
    [InlineData(TargetComparator.GreaterThanOrEqual, 0.24, false)]
    public void IsMetBy_applies_the_comparator(TargetComparator comparator, double value, bool met)
    {
        var t = new MetricTarget(new TrackedMetric(ActionMetric.DropOff, "NeedsConfirmed"), comparator, 0.25m);
        Assert.Equal(met, t.IsMetBy((decimal)value));
        Assert.Equal(met, t.IsMetBy(value));
        Assert.False(t.IsMetBy(double.NaN));
    }

    // The median of 818,001 s and 818,379 s is 818,190 s = 227.275 h exactly, but averaged in hours it is
    // (818001.0 / 3600 + 818379.0 / 3600) / 2 = 227.27499999999998 in doubles (Python prints the same).
    [Theory]
    [InlineData(TargetComparator.GreaterThanOrEqual, true)]
    [InlineData(TargetComparator.LessThanOrEqual, true)]
    [InlineData(TargetComparator.GreaterThan, false)]
    [InlineData(TargetComparator.LessThan, false)]
    public void A_measured_value_equal_to_the_target_up_to_conversion_noise_counts_as_equal(TargetComparator comparator, bool met)
    {
        var hours = ((818001.0 / 3600) + (818379.0 / 3600)) / 2;
        Assert.NotEqual(227.275, hours);
        var t = new MetricTarget(new TrackedMetric(ActionMetric.SpeedToLead), comparator, 227.275m);
        Assert.Equal(met, t.IsMetBy(hours));
    }

    [Theory]
    [InlineData(4000.00001, false)]
    [InlineData(4000.000001, true)]
    [InlineData(0.1 + 0.2, true)]
    public void The_tolerance_is_relative_to_the_target_and_at_least_absolute_1e_9(double value, bool met)
    {
        var target = value > 1 ? 4000m : 0.3m;
        var t = new MetricTarget(new TrackedMetric(ActionMetric.CostPerAcquisition), TargetComparator.LessThanOrEqual, target);
        Assert.Equal(met, t.IsMetBy(value));
    }

    [Fact]
    public void Segments_match_leads_by_value_tag_and_missing_value()
    {
        var lead = new LeadBuilder { Id = "1", Channel = "SEO", AcquiredAt = Generators.Epoch, Tags = { "region+age" } }.Build();
        var bare = new LeadBuilder { Id = "2", AcquiredAt = Generators.Epoch }.Build();
        Assert.True(TrackedMetric.Parse("conversion(channel=SEO|抖音信息流, tag=region+age)").Segment.Matches(lead));
        Assert.False(TrackedMetric.Parse("conversion(channel=抖音信息流)").Segment.Matches(lead));
        Assert.False(TrackedMetric.Parse("conversion(tag=broad)").Segment.Matches(lead));
        Assert.True(TrackedMetric.Parse("conversion(channel=\"(none)\", tag=\"(none)\")").Segment.Matches(bare));
        Assert.False(TrackedMetric.Parse("conversion(channel=\"(none)\")").Segment.Matches(lead));
        Assert.True(SegmentFilter.All.Matches(bare));
    }

    // ---- laws ----

    [Property]
    public bool Parse_of_format_is_the_identity(MetricTarget target) =>
        MetricTarget.Parse(target.ToString()).Equals(target);

    [Property]
    public bool Format_is_canonical(MetricTarget target)
    {
        var text = target.ToString();
        return MetricTarget.Parse(text).ToString() == text;
    }

    [Property]
    public bool Metrics_round_trip_alone(TrackedMetric metric) =>
        TrackedMetric.Parse(metric.ToString()).Equals(metric);

    [Property]
    public bool Values_round_trip_in_their_unit(MetricTarget target)
    {
        var text = target.Metric.FormatValue(target.Value, target.Currency);
        return target.Metric.TryParseValue(text, out var value, out var currency, out _) && value == target.Value && Nullable.Equals(currency, target.Currency);
    }

    [Property]
    public void Equality_laws_hold(MetricTarget a, MetricTarget b)
    {
        Laws.CheckEquality(a, b);
        Laws.CheckEquality(a, MetricTarget.Parse(a.ToString()));
        Laws.CheckEquality(a.Metric, b.Metric);
    }

    [Property]
    public Property Arbitrary_text_never_throws_and_errors_point_inside_it() =>
        Prop.ForAll(
            Arb.From(Gen.Elements("dropoff(", "conversion", "(channel=", "SEO", ")", "|", ",", "\"", " ", "<=", ">", "=", "25", "%", "1:", "CNY", "/week", "抖音", "，", "h").ListOf().Select(parts => string.Concat(parts))),
            text =>
            {
                var ok = MetricTarget.TryParse(text, out var target, out var error);
                return ok ? target!.Equals(MetricTarget.Parse(target.ToString())) : error!.Position >= 0 && error.Position <= text.Length;
            });
}
