using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Tests.Quality;

/// <summary>
/// Issue 16, one shared options part: the data-quality checks read <see cref="DataQualityOptions.Scope"/> as every engine does.
/// The stale rule is the scope's StaleAfter, the period limits the checked leads, and a breakdown is refused.
/// </summary>
/// <remarks>
/// The table, as of 2024-04-01 00:00 +08:00 (latest activity: the latest recorded instant of the lead):
/// <code>
/// lead  channel  acquired      outcome          latest activity  idle at as-of
/// Q1    SEO      Jan 10 00:00  open             Jan 10           82 days
/// Q2    wechat   Feb 05 00:00  open, contacted  Mar 20           12 days
/// Q3    wechat   Feb 12 00:00  won Mar 01       (won: never stale)
/// Q4    seo      Mar 01 00:00  open             Mar 01           31 days
/// Q5    email    Jan 20 00:00  won Feb 01       (won)
/// Q5    email    Feb 20 00:00  won Mar 02       (won; the same id again)
/// </code>
/// Stale after 30 days: Q1 (82) and Q4 (31); after 10 days: Q1, Q2, Q4; after 45 days: Q1; zero: none.
/// All time: 6 leads, Q5 duplicate (2 leads), SEO / seo differ only by case (one issue).
/// February [Feb 01, Mar 01): Q2, Q3 and the second Q5 = 3 leads; no stale lead at 30 days (Q2 idle 12), Q2 at 10 days;
/// Q5 still duplicate (one of its leads is in the period; the count is over the table); no similar labels (wechat, email).
/// March on [Mar 01, ∞): Q4 only: 1 lead, stale at 30 days; neither the duplicate nor the labels (SEO is January's).
/// </remarks>
public class DataQualityScopeTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset AsOf = new(2024, 4, 1, 0, 0, 0, Cst);

    private static DateTimeOffset D(int month, int day) => new(2024, month, day, 0, 0, 0, Cst);

    private static Lead[] Leads() => new[]
    {
        new LeadBuilder { Id = "Q1", Channel = "SEO", AcquiredAt = D(1, 10) }.Build(),
        new LeadBuilder { Id = "Q2", Channel = "wechat", AcquiredAt = D(2, 5), ContactedAt = D(3, 20) }.Build(),
        new LeadBuilder { Id = "Q3", Channel = "wechat", AcquiredAt = D(2, 12), WonAt = D(3, 1), DealAmount = new Money(10m, Currency.CNY) }.Build(),
        new LeadBuilder { Id = "Q4", Channel = "seo", AcquiredAt = D(3, 1) }.Build(),
        new LeadBuilder { Id = "Q5", Channel = "email", AcquiredAt = D(1, 20), WonAt = D(2, 1), DealAmount = new Money(10m, Currency.CNY) }.Build(),
        new LeadBuilder { Id = "Q5", Channel = "email", AcquiredAt = D(2, 20), WonAt = D(3, 2), DealAmount = new Money(10m, Currency.CNY) }.Build(),
    };

    private static AcquisitionPeriod February => new(D(2, 1), D(3, 1));

    private static AcquisitionPeriod FromMarch => new(D(3, 1), null);

    private static DataQualityOptions Options(TimeSpan? staleAfter = null, AcquisitionPeriod? period = null) => new()
    {
        Scope = new AnalysisScope { StaleAfter = staleAfter ?? TimeSpan.FromDays(30), Period = period ?? AcquisitionPeriod.AllTime },
        AuditFraction = 1.0,
    };

    // The table engine and the lead-list checker, which must agree.
    private static IEnumerable<DataQualityResult> Both(DataQualityOptions options)
    {
        yield return DataQualityAnalyzer.Analyze(LeadTable.Build(Leads()), AsOf, options);
        yield return DataQualityChecker.Check(Leads(), AsOf, options);
    }

    [Theory]
    [InlineData(30, new[] { "Q1", "Q4" })]
    [InlineData(10, new[] { "Q1", "Q2", "Q4" })]
    [InlineData(45, new[] { "Q1" })]
    [InlineData(0, new string[0])]
    public void The_stale_rule_is_the_scopes(int days, string[] stale)
    {
        foreach (var report in Both(Options(TimeSpan.FromDays(days))))
        {
            Assert.Equal(stale, report.StaleLeadIds);
            Assert.Equal(stale.Length, report.CountOf(DataQualityRule.StaleLead));
            Assert.Equal(TimeSpan.FromDays(days), report.Options.Scope.StaleAfter);
        }
    }

    [Fact]
    public void All_time_checks_every_lead()
    {
        foreach (var report in Both(Options()))
        {
            Assert.Equal(6, report.LeadCount);
            Assert.Equal("2", Assert.Single(report.Issues, i => i.Rule == DataQualityRule.DuplicateId).Value);
            Assert.Equal(new[] { "Q1", "Q2", "Q3", "Q4", "Q5" }, report.AuditSample.OrderBy(x => x, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_period_limits_the_checked_leads()
    {
        foreach (var report in Both(Options(period: February)))
        {
            Assert.Equal(3, report.LeadCount);
            Assert.Empty(report.StaleLeadIds);
            var duplicate = Assert.Single(report.Issues, i => i.Rule == DataQualityRule.DuplicateId);
            Assert.Equal(("Q5", "2"), (duplicate.LeadId, duplicate.Value));
            Assert.Equal(0, report.CountOf(DataQualityRule.SimilarLabels));
            Assert.Equal(new[] { "Q2", "Q3", "Q5" }, report.AuditSample.OrderBy(x => x, StringComparer.Ordinal));
        }

        foreach (var report in Both(Options(TimeSpan.FromDays(10), February)))
        {
            Assert.Equal(new[] { "Q2" }, report.StaleLeadIds);
        }

        foreach (var report in Both(Options(period: FromMarch)))
        {
            Assert.Equal(1, report.LeadCount);
            Assert.Equal(new[] { "Q4" }, report.StaleLeadIds);
            Assert.Equal(0, report.CountOf(DataQualityRule.DuplicateId));
            Assert.Equal(new[] { "Q4" }, report.AuditSample);
        }
    }

    [Fact]
    public void Similar_labels_count_only_among_the_checked_leads()
    {
        // The table engine checks labels (the lead-list checker does not). SEO (Q1, January) and seo (Q4, March): one issue for
        // all time and for [Jan 01, Apr 01), none from March on.
        var table = LeadTable.Build(Leads());
        Assert.Equal(1, DataQualityAnalyzer.Analyze(table, AsOf, Options()).CountOf(DataQualityRule.SimilarLabels));
        var both = DataQualityAnalyzer.Analyze(table, AsOf, Options(period: new AcquisitionPeriod(D(1, 1), D(4, 1))));
        Assert.Equal("SEO | seo", Assert.Single(both.Issues, i => i.Rule == DataQualityRule.SimilarLabels).Value);
        Assert.Equal(0, DataQualityAnalyzer.Analyze(table, AsOf, Options(period: FromMarch)).CountOf(DataQualityRule.SimilarLabels));
    }

    [Fact]
    public void A_breakdown_is_refused_and_the_scope_is_validated()
    {
        var table = LeadTable.Build(Leads());
        var byChannel = Assert.Throws<ArgumentException>(() => DataQualityAnalyzer.Analyze(table, AsOf, new DataQualityOptions { Scope = AnalysisScope.Default.WithBreakdown(Dimension.Channel) }));
        Assert.Equal("Scope", byChannel.ParamName);
        Assert.Contains("Scope.Breakdown", byChannel.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DataQualityChecker.Check(Leads(), AsOf, new DataQualityOptions { Scope = AnalysisScope.Default.WithCohorts(CohortPeriod.Month) }));

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => DataQualityAnalyzer.Analyze(table, AsOf, Options(TimeSpan.FromDays(-1))));
        Assert.Equal(nameof(AnalysisScope.StaleAfter), negative.ParamName);
    }
}
