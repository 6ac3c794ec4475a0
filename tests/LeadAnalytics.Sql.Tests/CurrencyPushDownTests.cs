using System.Data.Common;
using FsCheck.Xunit;
using LeadAnalytics.Attribution;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// Several currencies are refused the same way in the database as in memory: on random data sets where some rows' amounts
/// are in US dollars (the currency column), the segments, loss reasons and attribution computed in DuckDB and PostgreSQL
/// throw <see cref="CurrencyMismatchException"/> exactly when building the leads in memory does (a <see cref="LeadTable"/>
/// takes every deal and cost amount in one currency), and otherwise agree on the currency.
/// </summary>
public sealed class CurrencyPushDownTests
{
    [SeedProperty(MaxTest = 50)]
    public void DuckDb_refuses_as_in_memory(int seed)
    {
        var (set, dollars) = WithDollars(seed);
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        TestTables.CreateTouchpoints(connection, "touches", AttributionPushDownTests.Touches(set, seed), "TIMESTAMP");
        MarkDollars(connection, "leads", dollars);
        AssertSame(set, dollars, seed, new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads")), new SqlTableName("touches"));
    }

    [SeedProperty(MaxTest = 50)]
    public void Sqlite_refuses_as_in_memory(int seed)
    {
        var (set, dollars) = WithDollars(seed);
        using var connection = Databases.OpenSqlite();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TEXT", "TEXT", "TEXT");
        TestTables.CreateTouchpoints(connection, "touches", AttributionPushDownTests.Touches(set, seed), "TEXT");
        MarkDollars(connection, "leads", dollars);
        AssertSame(set, dollars, seed, new SqlLeadSource(connection, SqlDialect.Sqlite, new SqlTableName("leads")), new SqlTableName("touches"));
    }

    [PostgresProperty(MaxTest = 50)]
    public void PostgreSql_refuses_as_in_memory(int seed)
    {
        var (set, dollars) = WithDollars(seed);
        Databases.WithPostgresTable((connection, table) =>
        {
            var touchTable = table + "_t";
            try
            {
                TestTables.CreateTracking(connection, table, set.Rows, "timestamptz", "text", "numeric(18,2)");
                TestTables.CreateTouchpoints(connection, touchTable, AttributionPushDownTests.Touches(set, seed), "timestamptz");
                MarkDollars(connection, table, dollars);
                AssertSame(set, dollars, seed, new SqlLeadSource(connection, SqlDialect.PostgreSql, new SqlTableName(table)), new SqlTableName(touchTable));
            }
            finally
            {
                Databases.Execute(connection, "DROP TABLE IF EXISTS " + TestTables.Q(touchTable));
            }
        });
    }

    // The set, and the ids of the rows whose amounts are in USD: none, one, or a few (a won deal, a cost only, ...).
    private static (LeadSet Set, HashSet<string> Dollars) WithDollars(int seed)
    {
        var set = LossReasonPushDownTests.WithReasons(LeadSet.Create(seed));
        var random = new Random(seed ^ 0x0cad);
        var dollars = new HashSet<string>(StringComparer.Ordinal);
        var share = random.Next(0, 4) switch { 0 => 0.0, 1 => 0.05, 2 => 0.3, _ => 1.0 };
        foreach (var row in set.Rows)
        {
            if (random.NextDouble() < share)
            {
                dollars.Add(row.Id);
            }
        }

        return (set, dollars);
    }

    private static void MarkDollars(DbConnection connection, string table, HashSet<string> dollars)
    {
        // The other rows say CNY in the column, or leave it empty (the source's default currency, CNY), alternately.
        var i = 0;
        foreach (var id in dollars.Concat(new[] { "L0000", "L0002" }).Distinct())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE {TestTables.Q(table)} SET currency = $1 WHERE lead_id = $2";
            foreach (var v in new object[] { dollars.Contains(id) ? (i++ % 2 == 0 ? "USD" : " usd ") : "CNY", id })
            {
                Databases.Add(command, v);
            }

            command.ExecuteNonQuery();
        }
    }

    private static Lead ToLead(LeadRow row, HashSet<string> dollars) => row.ToLead(dollars.Contains(row.Id) ? Currency.FromCode("USD") : null);

    private static void AssertSame(LeadSet set, HashSet<string> dollars, int seed, SqlLeadSource source, SqlTableName touchTable)
    {
        var leads = set.Rows.Select(r => ToLead(r, dollars)).ToArray();
        var touches = AttributionPushDownTests.Touches(set, seed);
        LeadTable? table = null;
        AttributionJourneys? journeys = null;
        var refused = Record.Exception(() => table = LeadTable.Build(leads));
        var attributionRefused = Record.Exception(() => journeys = AttributionJourneys.FromLeads(leads, touches));
        Assert.True(refused is null or CurrencyMismatchException, refused?.ToString());
        Assert.Equal(refused is null, attributionRefused is null);

        var segments = new EffectivenessOptions { Scope = set.Options(Dimension.Channel).Scope, CostSource = CostSource.PerLeadCosts, IncludeMaturity = false };
        var loss = LossReasonPushDownTests.Options(set, seed);
        var attribution = new AttributionOptions { Model = AttributionModel.Linear };
        if (refused is not null)
        {
            Assert.Throws<CurrencyMismatchException>(() => source.AnalyzeEffectiveness(set.AsOf, segments));
            Assert.Throws<CurrencyMismatchException>(() => source.AnalyzeLossReasons(set.AsOf, loss));
            Assert.Throws<CurrencyMismatchException>(() => source.QueryJourneys(set.AsOf, touchTable, attribution));
            return;
        }

        Assert.Equal(EffectivenessAnalyzer.Analyze(table!, set.AsOf, segments).Currency, source.AnalyzeEffectiveness(set.AsOf, segments).ToResult().Currency);
        Assert.Equal(table!.Currency, source.AnalyzeLossReasons(set.AsOf, loss).Currency);
        Assert.Equal(journeys!.Currency, source.QueryJourneys(set.AsOf, touchTable, attribution).Currency);
    }
}
