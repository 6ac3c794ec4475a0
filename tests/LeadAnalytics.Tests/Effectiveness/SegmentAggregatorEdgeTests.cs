using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Tests.Effectiveness;

// Edges of the segment summary's counting kernel (SegmentAggregator) that mutation testing (docs/mutation-testing.md)
// found unchecked: the policies are compared with one another by SegmentKernelPropertyTests, so a rule they share (negative
// durations, the first-contact stage, the as-of boundary of speed to lead, the overlap of tag segments across chunks, the
// forced list of rows) needs values worked out by hand. Every instant is UTC.
public class SegmentAggregatorEdgeTests
{
    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2023, month, day, hour, 0, 0, TimeSpan.Zero);

    private static Lead Make(string id, string channel, DateTimeOffset acquired, DateTimeOffset? contacted = null, DateTimeOffset? won = null,
        DateTimeOffset? lost = null, params string[] tags)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, AcquiredAt = acquired, ContactedAt = contacted, WonAt = won, LostAt = lost };
        foreach (var tag in tags)
        {
            b.Tags.Add(tag);
        }

        return b.Build(LeadValidation.AllowChronologyFaults);
    }

    private static EffectivenessOptions Options(Dimension[] breakdown, bool durations, int threads, AcquisitionPeriod? period = null) => new()
    {
        Scope = new AnalysisScope
        {
            Breakdown = breakdown,
            MaxDegreeOfParallelism = threads,
            MinRowsPerChunk = 1,
            Period = period ?? AcquisitionPeriod.AllTime,
            StaleTreatment = StaleTreatment.AsOpen,
        },
        IncludeDurations = durations,
        IncludeMaturity = false,
    };

    private static SegmentSummary Segment(EffectivenessResult r, Dimension dimension, string value) =>
        r.Find(SegmentKey.Of(dimension, value)) ?? throw new InvalidOperationException($"no segment {value}");

    // SEO: S1 won 5 days before it was acquired (a negative cycle); S2 contacted a day before it was acquired (a negative
    // speed to lead) and won 2 days after; S3 contacted 2 days and lost 3 days before it was acquired (both negative); S4
    // contacted and won at the instant it was acquired (both 0: not negative, and counted); S5 open, never contacted (its
    // missing won and lost instants give no cycle). Ads: A1 contacted after 2 h, won after 10 days; A2 contacted after 24 h,
    // open. Every lead carries its channel as its tag too, so the tag breakdown has the same segments through memberships.
    private static Lead[] ChronologyFaults() => new[]
    {
        Make("S1", "SEO", At(10, 10), won: At(10, 5), tags: "seo"),
        Make("S2", "SEO", At(10, 10), contacted: At(10, 9), won: At(10, 12), tags: "seo"),
        Make("S3", "SEO", At(10, 10), contacted: At(10, 8), lost: At(10, 7), tags: "seo"),
        Make("S4", "SEO", At(10, 10, 12), contacted: At(10, 10, 12), won: At(10, 10, 12), tags: "seo"),
        Make("A1", "Ads", At(10, 1), contacted: At(10, 1, 2), won: At(10, 11), tags: "ads"),
        Make("S5", "SEO", At(10, 10), tags: "seo"),
        Make("A2", "Ads", At(10, 1), contacted: At(10, 2), tags: "ads"),
    };

    public static TheoryData<Dimension, bool, int> Policies() => new()
    {
        { Dimension.Channel, false, 1 }, // one segment per row, total summed from the segments
        { Dimension.Channel, false, 2 },
        { Dimension.Channel, true, 1 }, // memberships with per-row durations
        { Dimension.Channel, true, 2 },
        { Dimension.Tag, false, 1 },
        { Dimension.Tag, true, 2 },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Negative_durations_are_counted_once_per_duration_and_left_out_of_the_medians(Dimension dimension, bool durations, int threads)
    {
        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(ChronologyFaults()), At(12, 31), Options(new[] { dimension }, durations, threads));
        var seo = Segment(r, dimension, dimension == Dimension.Tag ? "seo" : "SEO");
        var ads = Segment(r, dimension, dimension == Dimension.Tag ? "ads" : "Ads");

        // SEO: S1 1 (cycle) + S2 1 (speed) + S3 2 (cycle and speed) + S4 0 + S5 0 = 4; won S1, S2, S4; lost S3.
        Assert.Equal((5, 3, 1, 4), (seo.Leads, seo.Won, seo.Lost, seo.NegativeDurationsExcluded));
        Assert.Equal((2, 1, 0, 0), (ads.Leads, ads.Won, ads.Lost, ads.NegativeDurationsExcluded));
        Assert.Equal((7, 4, 1, 4), (r.Total.Leads, r.Total.Won, r.Total.Lost, r.Total.NegativeDurationsExcluded));
        if (!durations)
        {
            Assert.Null(r.Total.MedianCycleDays);
            return;
        }

        // SEO's durations that count: cycles S2 2 days and S4 0 days (both won), speed S4 0 h.
        Assert.Equal((1.0, 1.0, 0.0), (seo.MedianCycleDays, seo.MedianDaysToWin, seo.SpeedToLeadMedianHours));
        // Ads: cycle A1 10 days, speeds 2 h and 24 h.
        Assert.Equal((10.0, 10.0, 13.0), (ads.MedianCycleDays, ads.MedianDaysToWin, ads.SpeedToLeadMedianHours));
        // Total: cycles 0, 2, 10 days; speeds 0, 2, 24 h.
        Assert.Equal((2.0, 2.0, 2.0), (r.Total.MedianCycleDays, r.Total.MedianDaysToWin, r.Total.SpeedToLeadMedianHours));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Speed_to_lead_counts_a_contact_at_as_of_and_none_after_it(int threads)
    {
        // As of 10-05 00:00 (before T2's contact and T3's win, so outcomes are classified as of that instant): T1 contacted
        // exactly at as-of, 96 h after it was acquired, counts; T2's contact on 10-06 is not known yet; T3 is open; T4 won
        // exactly at as-of after 4 days; T5 lost after 2 days; T6 contacted a day before it was acquired (negative, left
        // out); T7 lost a day before it was acquired (negative, left out).
        var leads = new[]
        {
            Make("T1", "SEO", At(10, 1), contacted: At(10, 5)),
            Make("T2", "SEO", At(10, 1), contacted: At(10, 6)),
            Make("T3", "SEO", At(10, 2), won: At(10, 10)),
            Make("T4", "SEO", At(10, 1), won: At(10, 5)),
            Make("T5", "SEO", At(10, 1), lost: At(10, 3)),
            Make("T6", "SEO", At(10, 3), contacted: At(10, 2)),
            Make("T7", "SEO", At(10, 3), lost: At(10, 2)),
        };
        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(leads), At(10, 5), Options(new[] { Dimension.Channel }, durations: true, threads));
        var seo = Segment(r, Dimension.Channel, "SEO");
        Assert.Equal((7, 1, 2, 4, 2), (seo.Leads, seo.Won, seo.Lost, seo.Open, seo.NegativeDurationsExcluded));
        Assert.Equal((96.0, 96.0), (seo.SpeedToLeadMedianHours, seo.SpeedToLeadP90Hours));
        Assert.Equal((3.0, 4.0), (seo.MedianCycleDays, seo.MedianDaysToWin)); // cycles T4 4 and T5 2 days
    }

    // Each pipeline's one lead is acquired on 10-01 at 00:00 and won on 10-03; the stages in between are reached at the hours
    // given.
    public static TheoryData<string, string[], string[], int[], double?> ContactStages() => new()
    {
        // No Contacted stage: the second stage is first contact (Demo at 6 h) ...
        { "Inbound", new[] { "Signup", "Demo", "Paid" }, new[] { "Demo" }, new[] { 6 }, 6.0 },
        // ... unless it is the won stage: a two-stage pipeline has no first contact, even for a won lead.
        { "Short", new[] { "Start", "Closed" }, Array.Empty<string>(), Array.Empty<int>(), null },
        // A pipeline starting at first contact (its acquisition stage is named Contacted): the second stage (Call at 3 h).
        { "Callback", new[] { Pipeline.Contacted, "Call", "Signed" }, new[] { "Call" }, new[] { 3 }, 3.0 },
        // The Contacted stage wherever it is (8 h), not the second stage (Qualified at 5 h).
        { "Qualifying", new[] { "Acquired", "Qualified", Pipeline.Contacted, "Won" }, new[] { "Qualified", Pipeline.Contacted }, new[] { 5, 8 }, 8.0 },
    };

    [Theory]
    [MemberData(nameof(ContactStages))]
    public void Speed_to_lead_reads_the_first_contact_stage_of_the_pipeline(string name, string[] stages, string[] reached, int[] hours, double? speedHours)
    {
        var pipeline = new Pipeline(name, stages.Select(s => new Stage(s)));
        var b = new LeadBuilder { Id = "P1", Channel = "SEO", Pipeline = pipeline, AcquiredAt = At(10, 1), WonAt = At(10, 3) };
        for (var i = 0; i < reached.Length; i++)
        {
            b.SetStageTime(reached[i], At(10, 1, hours[i]));
        }

        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(new[] { b.Build() }), At(12, 31), Options(new[] { Dimension.Channel }, durations: true, threads: 1));
        Assert.Equal(speedHours, r.Total.SpeedToLeadMedianHours);
        Assert.Equal(2.0, r.Total.MedianCycleDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void A_lead_with_two_tags_in_either_chunk_makes_the_segments_overlap(int row)
    {
        // Four leads in two chunks of two rows: a lead with the tags a and b (row 0 in the first chunk, row 3 in the second,
        // or both: -1) makes the segments overlap, so no independence test is run; with one tag each they do not.
        bool TwoTags(int i) => row < 0 ? i == 0 || i == 3 : i == row;
        Lead[] Leads(bool twoTags) => Enumerable.Range(0, 4)
            .Select(i => TwoTags(i) && twoTags ? Make("L" + i, "SEO", At(10, 1 + i), tags: new[] { "a", "b" }) : Make("L" + i, "SEO", At(10, 1 + i), tags: i % 2 == 0 ? "a" : "b"))
            .ToArray();
        foreach (var durations in new[] { false, true })
        {
            var options = Options(new[] { Dimension.Tag }, durations, threads: 2);
            var overlapping = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads(twoTags: true)), At(12, 31), options);
            Assert.True(overlapping.SegmentsOverlap);
            Assert.Null(overlapping.ConversionIndependence);
            // Row 0 with both tags: a has rows 0 and 2, b rows 0, 1 and 3; row 3 with both: a has 0, 2 and 3, b 1 and 3; rows 0
            // and 3 with both: a has 0, 2 and 3, b 0, 1 and 3.
            var (a, b) = row switch { 0 => (2, 3), 3 => (3, 2), _ => (3, 3) };
            Assert.Equal((4, a, b), (overlapping.Total.Leads, Segment(overlapping, Dimension.Tag, "a").Leads, Segment(overlapping, Dimension.Tag, "b").Leads));
            var disjoint = EffectivenessAnalyzer.Analyze(LeadTable.Build(Leads(twoTags: false)), At(12, 31), options);
            Assert.False(disjoint.SegmentsOverlap);
            Assert.Equal((4, 2, 2), (disjoint.Total.Leads, Segment(disjoint, Dimension.Tag, "a").Leads, Segment(disjoint, Dimension.Tag, "b").Leads));
        }
    }

    [Fact]
    public void The_general_policies_list_a_range_of_rows_themselves()
    {
        // Rows 0-1 SEO, 2-3 Ads (row 2 won with a 500.00 cost), 4-5 Fair. The range [2, 5) without a list of rows and
        // without the fast policies: Ads 2 leads (1 won, 500.00 spent), Fair 1; no SEO lead.
        var leads = new[]
        {
            Make("R0", "SEO", At(10, 1)), Make("R1", "SEO", At(10, 2)),
            WithCost(Make("R2", "Ads", At(10, 3), won: At(10, 4)), 500m), Make("R3", "Ads", At(10, 4)),
            Make("R4", "Fair", At(10, 5)), Make("R5", "Fair", At(10, 6)),
        };
        var table = LeadTable.Build(leads);
        var asOf = table.ToSeconds(At(12, 31));
        var options = Options(new[] { Dimension.Channel }, durations: false, threads: 1);
        var grouping = new SegmentGrouping(table, options.Scope.Breakdown, null, asOf, 2, 5, TimeSpan.Zero);
        var a = SegmentAggregator.Run(table, null, 2, 5, grouping, null, null, asOf, options, fastPaths: false);
        var segments = a.Keys.Select((k, i) => (k.Values[0]!, a.Figures[i].Leads, a.Figures[i].Won, a.Figures[i].SpendMinor)).OrderBy(s => s.Item1, StringComparer.Ordinal);
        Assert.Equal(new[] { ("Ads", 2, 1, 50_000L), ("Fair", 1, 0, 0L) }, segments);
        Assert.Equal((3, 1, 50_000L, 1), (a.Total.Leads, a.Total.Won, a.Total.SpendMinor, a.Total.LeadsWithCost));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Outcomes_revenue_and_spend_add_up_per_segment_and_in_total(Dimension dimension, bool durations, int threads)
    {
        // Two chunks of three rows with both channels in each. SEO: M1 won with a 1,000.00 deal and a 100.00 cost; M2 lost
        // with a quoted 700.00 (not revenue) and a 50.00 cost; M3 open with a quoted 300.00 (not revenue), active on 12-20
        // (not stale), no cost. Ads: M4 won without an amount, cost 200.00; M5 open and stale (nothing since 10-05), a cost of
        // 0.00 (a cost all the same); M6 won with 2,500.50, no cost.
        static Lead Money(Lead lead, decimal? deal, decimal? cost, DateTimeOffset? active = null)
        {
            var b = lead.ToBuilder();
            b.DealAmount = deal is { } d ? new Money(d, Currency.CNY) : null;
            b.AcquisitionCost = cost is { } c ? new Money(c, Currency.CNY) : null;
            b.LastActivityAt = active;
            return b.Build();
        }

        var leads = new[]
        {
            Money(Make("M1", "SEO", At(10, 1), won: At(10, 5), tags: "seo"), 1_000m, 100m),
            Money(Make("M4", "Ads", At(10, 4), won: At(10, 9), tags: "ads"), null, 200m),
            Money(Make("M2", "SEO", At(10, 2), lost: At(10, 6), tags: "seo"), 700m, 50m),
            Money(Make("M5", "Ads", At(10, 5), tags: "ads"), null, 0m),
            Money(Make("M3", "SEO", At(10, 3), tags: "seo"), 300m, null, At(12, 20)),
            Money(Make("M6", "Ads", At(10, 6), won: At(10, 10), tags: "ads"), 2_500.50m, null),
        };
        var r = EffectivenessAnalyzer.Analyze(LeadTable.Build(leads), At(12, 31), Options(new[] { dimension }, durations, threads));
        var seo = Segment(r, dimension, dimension == Dimension.Tag ? "seo" : "SEO");
        var ads = Segment(r, dimension, dimension == Dimension.Tag ? "ads" : "Ads");
        Assert.Equal((3, 1, 1, 1, 0), (seo.Leads, seo.Won, seo.Lost, seo.Open, seo.Stale));
        Assert.Equal((1_000m, 0, 150m, 1), (seo.Revenue, seo.WonWithoutDealAmount, seo.Spend, seo.LeadsWithoutCost));
        Assert.Equal((3, 2, 0, 1, 1), (ads.Leads, ads.Won, ads.Lost, ads.Open, ads.Stale));
        Assert.Equal((2_500.50m, 1, 200m, 1), (ads.Revenue, ads.WonWithoutDealAmount, ads.Spend, ads.LeadsWithoutCost));
        var t = r.Total;
        Assert.Equal((6, 3, 1, 2, 1), (t.Leads, t.Won, t.Lost, t.Open, t.Stale));
        Assert.Equal((3_500.50m, 1, 350m, 2), (t.Revenue, t.WonWithoutDealAmount, t.Spend, t.LeadsWithoutCost));
    }

    private static Lead WithCost(Lead lead, decimal amount)
    {
        var b = lead.ToBuilder();
        b.AcquisitionCost = new Money(amount, Currency.CNY);
        return b.Build(LeadValidation.AllowChronologyFaults);
    }
}
