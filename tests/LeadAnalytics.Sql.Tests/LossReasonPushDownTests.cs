using System.Data.Common;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// The loss-reason analysis computed inside DuckDB and PostgreSQL (lost and stale leads by segment × furthest stage × class ×
/// reason × channel, won deals per channel as exact minor-unit sums) equals what the in-memory <see cref="LossReasonAnalyzer"/>
/// reports for the same rows: the JSON documents are identical (every count, share, cumulative share, lost revenue, chi-square
/// statistic and dominance finding), with reasons that differ in case, spacing and synonym, stale leads counted as lost or
/// as open, acquisition periods, and no breakdown, one dimension or a pair.
/// </summary>
public sealed class LossReasonPushDownTests
{
    private static readonly string?[] Reasons = { "预算不足", " Budget ", "budget", "BUDGET", "联系不上", null, "选择竞品", "  ", "\tprice\t", "Price", "O'Brien's \"deal\"" };

    [SeedProperty(MaxTest = 60)]
    public void DuckDb_equals_in_memory(int seed)
    {
        var set = WithReasons(LeadSet.Create(seed));
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads")), seed);
    }

    [SeedProperty(MaxTest = 60)]
    public void Sqlite_equals_in_memory(int seed)
    {
        var set = WithReasons(LeadSet.Create(seed));
        using var connection = Databases.OpenSqlite();
        TestTables.CreateUserWithOffsets(connection, "leads", set.Rows);
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.Sqlite, new SqlTableName("leads"), LeadColumnMapping.Parse(TestTables.SqliteOffsetMappingJson)), seed);
    }

    [PostgresProperty(MaxTest = 60)]
    public void PostgreSql_equals_in_memory(int seed)
    {
        var set = WithReasons(LeadSet.Create(seed));
        Databases.WithPostgresTable((connection, table) =>
        {
            TestTables.CreateUser(connection, table, set.Rows, "timestamptz", "text", "numeric(18,2)");
            AssertSame(set, new SqlLeadSource(connection, SqlDialect.PostgreSql, new SqlTableName(table), LeadColumnMapping.Parse(TestTables.UserMappingJson)), seed);
        });
    }

    /// <summary>A hand-checked case: as of 2024-03-01, a lead lost at the proposal stage for " Budget ", one lost at contact for
    /// "budget" (one reason once case-folded and trimmed), one lost without a reason, one stale (no activity for 30 days),
    /// one won for 100.00 and one won for 300.01 on SEO, one open; lost revenue at SEO's average won deal, 200.005 rounded
    /// half away from zero to 200.01.</summary>
    [Fact]
    public void A_small_table_gives_the_hand_counted_tables()
    {
        var origin = LeadSet.Origin;
        LeadRow Row(string id, string reason, DateTimeOffset?[] stages, DateTimeOffset? lost, decimal? deal, DateTimeOffset? activity = null) =>
            new(id, "SEO", null, null, origin, stages, lost, activity ?? origin.AddDays(55), deal, null, reason.Length == 0 ? null : reason);
        var none = new DateTimeOffset?[5];
        var rows = new[]
        {
            Row("a", " Budget ", new DateTimeOffset?[] { origin.AddDays(1), origin.AddDays(2), origin.AddDays(3), null, null }, origin.AddDays(10), null),
            Row("b", "budget", new DateTimeOffset?[] { origin.AddDays(1), null, null, null, null }, origin.AddDays(10), null),
            Row("c", "", none, origin.AddDays(10), null),
            Row("d", "", none, null, null, origin.AddDays(1)),
            Row("e", "", new DateTimeOffset?[] { null, null, null, null, origin.AddDays(20) }, null, 100.00m),
            Row("f", "", new DateTimeOffset?[] { null, null, null, null, origin.AddDays(21) }, null, 300.01m),
            Row("g", "", none, null, null),
        };
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", rows, "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        var asOf = origin.AddDays(60);
        var options = new LossReasonOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, StaleAfter = TimeSpan.FromDays(30) } };
        var report = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads")).AnalyzeLossReasons(asOf, options).ToResult();

        Assert.Equal((4L, 1L, 1L), (report.LostLeads, report.WithoutReason, report.Stale));
        Assert.Equal(
            new[] { ("budget", 2L, 0.5, 400.02m), ("(stale)", 1L, 0.25, 200.01m), (DimensionKeys.Missing, 1L, 0.25, 200.01m) },
            report.Overall.Rows.Select(r => (r.Reason, r.Count, r.Share, r.LostRevenue!.Value)).ToArray());
        var stages = Pipeline.Default.Stages;
        Assert.Equal(new[] { stages[0].Name, stages[1].Name, stages[3].Name }, report.ByStage.Select(t => t.Segment).ToArray());
        Assert.Equal(new[] { 2L, 1L, 1L }, report.ByStage.Select(t => t.LostLeads).ToArray());
        Assert.Equal(LeadAnalyticsJson.SerializeLossReasons(LossReasonAnalyzer.Analyze(LeadTable.Build(rows.Select(r => r.ToLead())), asOf, options)),
            LeadAnalyticsJson.SerializeLossReasons(report));
    }

    [Fact]
    public void Tag_breakdowns_are_not_pushed_down()
    {
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", Array.Empty<LeadRow>(), "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        var source = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads"));
        Assert.Throws<NotSupportedException>(() =>
            source.AnalyzeLossReasons(LeadSet.Origin, new LossReasonOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Tag } } }));
        Assert.Throws<ArgumentException>(() => source.AnalyzeLossReasons(LeadSet.Origin, new LossReasonOptions { DominanceShare = 0 }));
    }

    /// <summary>The rows of a set with loss reasons that differ in case, spacing and synonyms (the engine normalises them).</summary>
    internal static LeadSet WithReasons(LeadSet set)
    {
        var random = new Random(set.Seed);
        return set with { Rows = set.Rows.Select(r => r.Lost is null ? r : r with { LossReason = Reasons[random.Next(Reasons.Length)] }).ToArray() };
    }

    /// <summary>The options a seed picks: the set's period and stale rule, a breakdown (none, channel, channel × industry, owner),
    /// both stale treatments, case folding on or off, synonyms or not, each expected deal size, a low dominance threshold.</summary>
    internal static LossReasonOptions Options(LeadSet set, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        var breakdown = random.Next(0, 4) switch
        {
            0 => Array.Empty<Dimension>(),
            1 => new[] { Dimension.Channel },
            2 => new[] { Dimension.Channel, Dimension.Industry },
            _ => new[] { Dimension.Owner },
        };
        return new LossReasonOptions
        {
            Scope = new AnalysisScope
            {
                StaleAfter = set.StaleAfter,
                Period = set.Period,
                StaleTreatment = random.Next(0, 2) == 0 ? StaleTreatment.AsLost : StaleTreatment.AsOpen,
                Breakdown = breakdown,
            },
            CaseFold = random.Next(0, 4) != 0,
            Synonyms = random.Next(0, 2) == 0 ? null : new Dictionary<string, string> { ["预算不足"] = "budget", ["price"] = " Budget " },
            ExpectedDealSize = (ExpectedDealSize)random.Next(0, 3),
            MinimumLostLeads = random.Next(1, 6),
            DominanceShare = random.Next(0, 2) == 0 ? 0.5 : 0.34,
        };
    }

    private static void AssertSame(LeadSet set, SqlLeadSource source, int seed)
    {
        var table = LeadTable.Build(set.Rows.Select(r => r.ToLead()));
        var options = Options(set, seed);
        var expected = LossReasonAnalyzer.Analyze(table, set.AsOf, options);
        var partition = source.AnalyzeLossReasons(set.AsOf, options);
        Assert.Equal(LeadAnalyticsJson.SerializeLossReasons(expected), LeadAnalyticsJson.SerializeLossReasons(partition.ToResult()));
        Assert.Equal(table.Count, partition.RowCount);
        Assert.Equal(table.Currency, partition.Currency);
    }
}
