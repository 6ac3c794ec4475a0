using LeadAnalytics.Attribution;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>
/// Issue 16, one shared options part: attribution reads <see cref="AttributionOptions.Scope"/> as every engine does. The period
/// limits the journeys to the leads acquired in it, the confidence level and thread count of the bootstrap are the scope's,
/// the stale rule plays no part, and a breakdown is refused.
/// </summary>
/// <remarks>
/// The table, as of 2024-04-01 00:00 +08:00 (touch dates in brackets):
/// <code>
/// lead  acquired      outcome                 touches
/// L1    Jan 05 09:00  won Mar 01, 100.00 CNY  seo (Jan 03), email (Feb 01)
/// L2    Jan 20 09:00  won Mar 05, 300.00 CNY  wechat (Jan 18), seo (Feb 10), email (Mar 01)
/// L3    Feb 10 09:00  won Mar 10, 200.00 CNY  wechat (Feb 08)
/// L4    Feb 15 09:00  lost Mar 20             seo (Feb 14)
/// L5    Feb 20 09:00  open, stale by Apr 01   seo (Feb 19)
/// </code>
/// Linear credit: each touch of a won journey gets 1 / (its journey's touches) of the conversion and of its value.
/// All time: seo 1/2 + 1/3, email 1/2 + 1/3, wechat 1/3 + 1; values 50 + 100, 50 + 100, 100 + 200.
/// January [Jan 01, Feb 01): L1, L2 only: seo 5/6 (150.00), email 5/6 (150.00), wechat 1/3 (100.00); the 3 touches of L3-L5 unmatched.
/// February [Feb 01, Mar 01): L3, L4, L5: wechat 1 (200.00), seo 0 (it occurs in the non-converting L4 and L5); the 5 touches
/// of L1 and L2 unmatched, email occurs in no journey.
/// </remarks>
public class AttributionScopeTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset AsOf = new(2024, 4, 1, 0, 0, 0, Cst);

    private static DateTimeOffset D(int month, int day) => new(2024, month, day, 9, 0, 0, Cst);

    private static Lead[] Leads() => new[]
    {
        new LeadBuilder { Id = "L1", Channel = "seo", AcquiredAt = D(1, 5), WonAt = D(3, 1), DealAmount = new Money(100.00m, Currency.CNY) }.Build(),
        new LeadBuilder { Id = "L2", Channel = "wechat", AcquiredAt = D(1, 20), WonAt = D(3, 5), DealAmount = new Money(300.00m, Currency.CNY) }.Build(),
        new LeadBuilder { Id = "L3", Channel = "wechat", AcquiredAt = D(2, 10), WonAt = D(3, 10), DealAmount = new Money(200.00m, Currency.CNY) }.Build(),
        new LeadBuilder { Id = "L4", Channel = "seo", AcquiredAt = D(2, 15), LostAt = D(3, 20) }.Build(),
        new LeadBuilder { Id = "L5", Channel = "seo", AcquiredAt = D(2, 20) }.Build(),
    };

    private static Touchpoint[] Touches() => new[]
    {
        new Touchpoint("L1", D(1, 3), "seo"), new Touchpoint("L1", D(2, 1), "email"),
        new Touchpoint("L2", D(1, 18), "wechat"), new Touchpoint("L2", D(2, 10), "seo"), new Touchpoint("L2", D(3, 1), "email"),
        new Touchpoint("L3", D(2, 8), "wechat"),
        new Touchpoint("L4", D(2, 14), "seo"),
        new Touchpoint("L5", D(2, 19), "seo"),
    };

    private static (LeadTable Table, TouchpointTable Touches) Data()
    {
        var table = LeadTable.Build(Leads());
        return (table, TouchpointTable.Build(table, Touches()));
    }

    private static AttributionResult Linear(AnalysisScope scope, AttributionIntervalOptions? intervals = null)
    {
        var (table, touches) = Data();
        return AttributionAnalyzer.Analyze(table, AsOf, new AttributionOptions { Model = AttributionModel.Linear, Touchpoints = touches, Scope = scope, Intervals = intervals });
    }

    private static AcquisitionPeriod January => new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, Cst), new DateTimeOffset(2024, 2, 1, 0, 0, 0, Cst));

    private static AcquisitionPeriod February => new(new DateTimeOffset(2024, 2, 1, 0, 0, 0, Cst), new DateTimeOffset(2024, 3, 1, 0, 0, 0, Cst));

    [Fact]
    public void All_time_credits_every_journey()
    {
        var all = Linear(AnalysisScope.Default);
        AttributionAssert.Credits(all, ("email", (1.0 / 2) + (1.0 / 3), 150.00m), ("seo", (1.0 / 2) + (1.0 / 3), 150.00m), ("wechat", (1.0 / 3) + 1, 300.00m));
        Assert.Equal(3, all.TotalConversions);
        Assert.Equal(600.00m, all.TotalValue.Amount);
        Assert.Equal(5, all.JourneyCount);
        Assert.Equal(0, all.UnmatchedTouchpoints);
    }

    [Fact]
    public void The_period_limits_the_journeys_to_the_leads_acquired_in_it()
    {
        var january = Linear(AnalysisScope.Default.WithPeriod(January));
        AttributionAssert.Credits(january, ("email", 5.0 / 6, 150.00m), ("seo", 5.0 / 6, 150.00m), ("wechat", 1.0 / 3, 100.00m));
        Assert.Equal(2, january.JourneyCount);
        Assert.Equal(2, january.TotalConversions);
        Assert.Equal(400.00m, january.TotalValue.Amount);
        Assert.Equal(3, january.UnmatchedTouchpoints); // L3, L4, L5: no analysed lead has their journey id

        var february = Linear(AnalysisScope.Default.WithPeriod(February));
        AttributionAssert.Credits(february, ("seo", 0, 0.00m), ("wechat", 1, 200.00m));
        Assert.Equal(3, february.JourneyCount);
        Assert.Equal(1, february.TotalConversions);
        Assert.Equal(200.00m, february.TotalValue.Amount);
        Assert.Equal(5, february.UnmatchedTouchpoints);
    }

    [Fact]
    public void The_period_is_half_open_at_the_tables_second()
    {
        // From L3's acquisition instant (inclusive) to L5's (exclusive): L3 and L4.
        var period = new AcquisitionPeriod(D(2, 10), D(2, 20));
        var result = Linear(AnalysisScope.Default.WithPeriod(period));
        AttributionAssert.Credits(result, ("seo", 0, 0.00m), ("wechat", 1, 200.00m));
        Assert.Equal(2, result.JourneyCount);
    }

    [Fact]
    public void Lead_journeys_honour_the_period_as_the_table_does()
    {
        var journeys = AttributionJourneys.FromLeads(Leads(), Touches());
        var result = AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Model = AttributionModel.Linear, AsOf = AsOf, Scope = AnalysisScope.Default.WithPeriod(January) });
        AttributionAssert.Credits(result, ("email", 5.0 / 6, 150.00m), ("seo", 5.0 / 6, 150.00m), ("wechat", 1.0 / 3, 100.00m));
    }

    [Fact]
    public void The_stale_rule_plays_no_part()
    {
        // L5 is stale as of Apr 01 under the default 30 days and open with the rule off: a non-converting journey either way.
        var off = Linear(new AnalysisScope { StaleAfter = TimeSpan.Zero, StaleTreatment = StaleTreatment.AsOpen });
        var on = Linear(AnalysisScope.Default);
        Assert.Equal(on.Credits.Select(c => (c.Key, c.Conversions, c.Value)), off.Credits.Select(c => (c.Key, c.Conversions, c.Value)));
        Assert.Equal(on.JourneyCount, off.JourneyCount);
    }

    [Fact]
    public void The_bootstrap_takes_the_scopes_level_and_threads()
    {
        var intervals = new AttributionIntervalOptions { Replicates = 60, Seed = 5 };
        var ninety = Linear(new AnalysisScope { Confidence = 0.90 }, intervals);
        Assert.Equal(0.90, ninety.IntervalConfidence);
        Assert.Null(Linear(AnalysisScope.Default).IntervalConfidence);

        // The 90% percentile interval: R's type-7 quantiles at (1 - 0.90) / 2 and 1 - that of the replicates' credits.
        var alpha = (1 - 0.90) / 2;
        for (var k = 0; k < ninety.Credits.Count; k++)
        {
            var sample = ninety.ReplicateConversions!.Select(r => r[k]).OrderBy(x => x).ToArray();
            Assert.Equal(AttributionBootstrap.Quantile(sample, alpha), ninety.Credits[k].Interval!.Lower);
            Assert.Equal(AttributionBootstrap.Quantile(sample, 1 - alpha), ninety.Credits[k].Interval!.Upper);
        }

        // The thread count changes nothing, to the bit.
        var threaded = Linear(new AnalysisScope { Confidence = 0.90, MaxDegreeOfParallelism = 3 }, intervals);
        Assert.Equal(
            ninety.Credits.Select(c => (c.Interval!.Lower, c.Interval.Upper, c.Interval.StandardError)),
            threaded.Credits.Select(c => (c.Interval!.Lower, c.Interval.Upper, c.Interval.StandardError)));
    }

    [Fact]
    public void A_breakdown_is_refused_and_paths_refuse_a_period()
    {
        var byChannel = Assert.Throws<ArgumentException>(() => Linear(AnalysisScope.Default.WithBreakdown(Dimension.Channel)));
        Assert.Equal("Scope", byChannel.ParamName);
        Assert.Contains("AttributionOptions.By", byChannel.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Linear(AnalysisScope.Default.WithCohorts(CohortPeriod.Month)));

        var paths = AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse("seo > email", 1, 10m) }, Currency.CNY);
        var period = Assert.Throws<ArgumentException>(() => AttributionAnalyzer.Analyze(paths, new AttributionOptions { Scope = AnalysisScope.Default.WithPeriod(January) }));
        Assert.Contains("Scope.Period", period.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Linear(new AnalysisScope { StaleAfter = TimeSpan.FromDays(-1) }));
    }
}
