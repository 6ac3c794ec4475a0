using System.Data.Common;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// The funnel computed inside DuckDB and PostgreSQL equals the in-memory funnel of the same rows: the whole funnel, by one
/// dimension and by two, compared as JSON documents, so every count, every rate and interval, the step medians, the bottleneck
/// and its test must be identical (the partials are integers and sorted durations, so the doubles are bit for bit the same).
/// </summary>
public sealed class FunnelPushDownTests
{
    [SeedProperty(MaxTest = 60)]
    public void DuckDb_tracking_table_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads")));
    }

    [SeedProperty(MaxTest = 25)]
    public void DuckDb_user_schema_with_zoned_timestamps_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenDuckDb();
        Databases.Execute(connection, "SET TimeZone = 'UTC'");
        TestTables.CreateUser(connection, "crm leads", set.Rows, "TIMESTAMPTZ", "VARCHAR", "DECIMAL(18,2)");
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("crm leads"), LeadColumnMapping.Parse(TestTables.UserMappingJson)));
    }

    [SeedProperty(MaxTest = 60)]
    public void Sqlite_tracking_table_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenSqlite();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TEXT", "TEXT", "TEXT");
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.Sqlite, new SqlTableName("leads")));
    }

    [SeedProperty(MaxTest = 25)]
    public void Sqlite_user_schema_with_offsets_in_the_text_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenSqlite();
        TestTables.CreateUserWithOffsets(connection, "crm leads", set.Rows);
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.Sqlite, new SqlTableName("crm leads"), LeadColumnMapping.Parse(TestTables.SqliteOffsetMappingJson)));
    }

    [PostgresProperty(MaxTest = 60)]
    public void PostgreSql_user_schema_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        Databases.WithPostgresTable((connection, table) =>
        {
            TestTables.CreateUser(connection, table, set.Rows, "timestamptz", "text", "numeric(18,2)");
            AssertSame(set, new SqlLeadSource(connection, SqlDialect.PostgreSql, new SqlTableName("public", table), LeadColumnMapping.Parse(TestTables.UserMappingJson)));
        });
    }

    [PostgresProperty(MaxTest = 25)]
    public void PostgreSql_tracking_table_without_zone_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        Databases.WithPostgresTable((connection, table) =>
        {
            TestTables.CreateTracking(connection, table, set.Rows, "timestamp", "text", "numeric(18,2)");
            AssertSame(set, new SqlLeadSource(connection, SqlDialect.PostgreSql, new SqlTableName(table)));
        });
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        using var connection = Databases.OpenDuckDb();
        Databases.Execute(connection, "CREATE TABLE t (acquired_at TIMESTAMP)");
        var e = Assert.Throws<SqlSourceException>(() => new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("t")).AnalyzeFunnel(LeadSet.Origin));
        Assert.Contains("no column \"contacted_at\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("acquired_at", e.Message, StringComparison.Ordinal);
    }

    private static void AssertSame(LeadSet set, SqlLeadSource source)
    {
        var table = LeadTable.Build(set.Rows.Select(r => r.ToLead()));
        var options = set.Options();
        Assert.Equal(
            LeadAnalyticsJson.SerializeFunnel(FunnelAnalyzer.Analyze(table, set.AsOf, options)),
            LeadAnalyticsJson.SerializeFunnel(source.AnalyzeFunnel(set.AsOf, options).ToResult()));
        var byChannel = set.Options(Dimension.Channel);
        Assert.Equal(
            LeadAnalyticsJson.SerializeFunnelBreakdown(FunnelAnalyzer.AnalyzeBy(table, set.AsOf, byChannel)),
            LeadAnalyticsJson.SerializeFunnelBreakdown(source.AnalyzeFunnel(set.AsOf, byChannel).ToBreakdown()));
        var crossed = set.Options(Dimension.Channel, Dimension.Industry);
        Assert.Equal(
            LeadAnalyticsJson.SerializeFunnelBreakdown(FunnelAnalyzer.AnalyzeBy(table, set.AsOf, crossed)),
            LeadAnalyticsJson.SerializeFunnelBreakdown(source.AnalyzeFunnel(set.AsOf, crossed).ToBreakdown()));
    }
}
