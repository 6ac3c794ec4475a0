using FsCheck.Xunit;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// Cycle time's statistics computed inside DuckDB and PostgreSQL (per segment: outcome counts with stale leads, durations from
/// acquisition to won / lost / censoring and between consecutive recorded stages, counted per whole second) equal what the
/// in-memory <see cref="CycleTimeAnalyzer"/> reports for the same rows: counts exactly, medians recomputed from the pushed-down
/// counts bit for bit, and the stale treatment both ways.
/// </summary>
public sealed class CycleTimePushDownTests
{
    [SeedProperty(MaxTest = 60)]
    public void DuckDb_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads")), seed);
    }

    [SeedProperty(MaxTest = 60)]
    public void Sqlite_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenSqlite();
        TestTables.CreateUserWithOffsets(connection, "leads", set.Rows);
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.Sqlite, new SqlTableName("leads"), LeadColumnMapping.Parse(TestTables.SqliteOffsetMappingJson)), seed);
    }

    [PostgresProperty(MaxTest = 60)]
    public void PostgreSql_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        Databases.WithPostgresTable((connection, table) =>
        {
            TestTables.CreateUser(connection, table, set.Rows, "timestamptz", "text", "numeric(18,2)");
            AssertSame(set, new SqlLeadSource(connection, SqlDialect.PostgreSql, new SqlTableName(table), LeadColumnMapping.Parse(TestTables.UserMappingJson)), seed);
        });
    }

    private static void AssertSame(LeadSet set, SqlLeadSource source, int seed)
    {
        var table = LeadTable.Build(set.Rows.Select(r => r.ToLead()));
        var scope = new AnalysisScope
        {
            StaleAfter = set.StaleAfter,
            Period = set.Period,
            StaleTreatment = (seed & 1) == 0 ? StaleTreatment.AsLost : StaleTreatment.AsOpen,
            Breakdown = new[] { Dimension.Channel },
        };
        var expected = CycleTimeAnalyzer.Analyze(table, set.AsOf, new CycleTimeOptions { Scope = scope });
        Assert.Equal(
            Json.LeadAnalyticsJson.SerializeCycleTime(expected, includeCurves: true),
            Json.LeadAnalyticsJson.SerializeCycleTime(source.AnalyzeCycleTime(set.AsOf, new CycleTimeOptions { Scope = scope }).ToResult(), includeCurves: true));
        var sums = source.QueryCycleTime(set.AsOf, Dimension.Channel, scope);
        AssertGroup(expected.Overall, sums.Overall());
        Assert.Equal(expected.Segments.Count, sums.Segments.Count + (sums.Missing is null ? 0 : 1));
        foreach (var segment in expected.Segments)
        {
            AssertGroup(segment, segment.Value is null ? sums.Missing! : sums.Segments[segment.Value]);
        }
    }

    private static void AssertGroup(CycleTimeSegment expected, CycleGroupSums actual)
    {
        Assert.Equal(
            (expected.Leads, expected.Won, expected.Lost, expected.Open, expected.Stale, expected.NegativeDurationsExcluded),
            ((int)actual.Leads, (int)actual.Won, (int)actual.Lost, (int)actual.Open, (int)actual.Stale, (int)actual.Negative));
        AssertDuration(expected.AcquisitionToWon, actual.Outcomes[CycleTimeQuery.WonCause], actual.NegativeWon);
        AssertDuration(expected.AcquisitionToLost, actual.Outcomes[CycleTimeQuery.LostCause], actual.NegativeLost);
        var stages = Pipeline.Default.Stages.Select(s => s.Name).ToList();
        var keys = Enumerable.Range(0, actual.Transitions.Length).Where(k => actual.Transitions[k] is not null || actual.TransitionNegatives[k] > 0).ToList();
        Assert.Equal(expected.StageDurations.Count, keys.Count);
        foreach (var duration in expected.StageDurations)
        {
            var key = (stages.IndexOf(duration.From) * stages.Count) + stages.IndexOf(duration.To);
            AssertDuration(duration, actual.Transitions[key] ?? new List<KeyValuePair<long, long>>(), actual.TransitionNegatives[key]);
        }
    }

    private static void AssertDuration(DurationSummary expected, List<KeyValuePair<long, long>> counts, long negative)
    {
        var days = counts.SelectMany(c => Enumerable.Repeat(c.Key / 86_400.0, (int)c.Value)).OrderBy(v => v).ToArray();
        Assert.Equal((expected.Count, expected.NegativeExcluded), (days.Length, (int)negative));
        Assert.Equal(expected.Median, Quantiles.OfSorted(days, 0.5, expected.QuantileMethod));
        Assert.Equal(expected.P90, Quantiles.OfSorted(days, 0.9, expected.QuantileMethod));
    }
}
