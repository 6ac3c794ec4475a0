using System.Data.Common;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using Npgsql;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// The sharded PostgreSQL recipe (docs/scale-out.md) on the three instances .ci/postgres.sh starts: two workers each holding
/// part of the leads, and a coordinator. (1) The library asks each worker for its partial, in parallel, and merges them with
/// the engine's own <see cref="FunnelPartition.Merge(FunnelPartition)"/>: only partials travel. (2) The coordinator holds the
/// table hash-partitioned by lead id across the workers as postgres_fdw foreign partitions (partitionwise aggregation and
/// asynchronous append on) and answers the same query as one database. Both equal the in-memory funnel, segments
/// (effectiveness), cycle time and loss reasons; on the coordinator, with the touchpoints partitioned the same way, the
/// attribution credits equal the in-memory ones too.
/// </summary>
public sealed class ShardedPostgresTests
{
    private const string ShardsVariable = "LEADANALYTICS_TEST_POSTGRES_SHARDS";

    [PostgresProperty(MaxTest = 50)]
    public void Partials_of_the_workers_merge_to_the_in_memory_funnel(int seed)
    {
        var set = LossReasonPushDownTests.WithReasons(LeadSet.Create(seed));
        var shards = Shards();
        var table = "shard_" + Guid.NewGuid().ToString("N");
        var parts = new[] { set.Rows.Where((_, i) => i % 2 == 0).ToArray(), set.Rows.Where((_, i) => i % 2 == 1).ToArray() };
        var connections = shards.Select(cs => (DbConnection)new NpgsqlConnection(cs)).ToArray();
        try
        {
            for (var s = 0; s < shards.Length; s++)
            {
                connections[s].Open();
                TestTables.CreateTracking(connections[s], table, parts[s], "timestamptz", "text", "numeric(18,2)");
            }

            var options = set.Options(Dimension.Channel, Dimension.Industry);
            var partials = connections
                .Select(c => Task.Run(() => new SqlLeadSource(c, SqlDialect.PostgreSql, new SqlTableName(table)).AnalyzeFunnel(set.AsOf, options)))
                .Select(t => t.Result)
                .ToArray();
            var table2 = LeadTable.Build(set.Rows.Select(r => r.ToLead()));
            var expected = FunnelAnalyzer.AnalyzeBy(table2, set.AsOf, options);
            Assert.Equal(LeadAnalyticsJson.SerializeFunnelBreakdown(expected), LeadAnalyticsJson.SerializeFunnelBreakdown(FunnelPartition.Merge(partials).ToBreakdown()));

            // The other engines' partials merge the same way: effectiveness by channel x industry, cycle time by channel.
            var effectiveness = new Effectiveness.EffectivenessOptions { Scope = options.Scope, CostSource = Effectiveness.CostSource.PerLeadCosts };
            var shardEffectiveness = connections.Select(c => new SqlLeadSource(c, SqlDialect.PostgreSql, new SqlTableName(table)).AnalyzeEffectiveness(set.AsOf, effectiveness));
            Assert.Equal(
                LeadAnalyticsJson.SerializeEffectiveness(Effectiveness.EffectivenessAnalyzer.Analyze(table2, set.AsOf, effectiveness)),
                LeadAnalyticsJson.SerializeEffectiveness(Effectiveness.EffectivenessPartition.Merge(shardEffectiveness).ToResult()));
            var cycle = new CycleTime.CycleTimeOptions { Scope = new AnalysisScope { StaleAfter = set.StaleAfter, Period = set.Period, Breakdown = new[] { Dimension.Channel } } };
            var shardCycles = connections.Select(c => new SqlLeadSource(c, SqlDialect.PostgreSql, new SqlTableName(table)).AnalyzeCycleTime(set.AsOf, cycle));
            Assert.Equal(
                LeadAnalyticsJson.SerializeCycleTime(CycleTime.CycleTimeAnalyzer.Analyze(table2, set.AsOf, cycle), includeCurves: true),
                LeadAnalyticsJson.SerializeCycleTime(CycleTime.CycleTimePartition.Merge(shardCycles).ToResult(), includeCurves: true));
            var loss = LossReasonPushDownTests.Options(set, seed);
            var shardLosses = connections.Select(c => new SqlLeadSource(c, SqlDialect.PostgreSql, new SqlTableName(table)).AnalyzeLossReasons(set.AsOf, loss));
            Assert.Equal(
                LeadAnalyticsJson.SerializeLossReasons(LossReasons.LossReasonAnalyzer.Analyze(table2, set.AsOf, loss)),
                LeadAnalyticsJson.SerializeLossReasons(LossReasons.LossReasonPartition.Merge(shardLosses).ToResult()));
        }
        finally
        {
            foreach (var c in connections)
            {
                Databases.Execute(c, "DROP TABLE IF EXISTS " + TestTables.Q(table));
                c.Dispose();
            }
        }
    }

    [PostgresProperty(MaxTest = 50)]
    public void Coordinator_over_foreign_partitions_equals_the_in_memory_funnel(int seed)
    {
        var set = LossReasonPushDownTests.WithReasons(LeadSet.Create(seed));
        var shards = Shards();
        var table = "fdw_" + Guid.NewGuid().ToString("N");
        using var coordinator = Databases.OpenPostgres();
        var workers = shards.Select(cs => (DbConnection)new NpgsqlConnection(cs)).ToArray();
        try
        {
            var columns = TestTables.TrackingColumns("timestamptz", "text", "numeric(18,2)");
            Databases.Execute(coordinator, "CREATE EXTENSION IF NOT EXISTS postgres_fdw");
            for (var s = 0; s < workers.Length; s++)
            {
                workers[s].Open();
            }

            // The leads and their touchpoints, both hash-partitioned by lead id: a lead's touches live on its worker.
            foreach (var (name, definition) in new[] { (table, columns), (table + "_t", TestTables.TouchpointColumns("timestamptz")) })
            {
                Databases.Execute(coordinator, $"CREATE TABLE {TestTables.Q(name)} ({definition}) PARTITION BY HASH (lead_id)");
                for (var s = 0; s < workers.Length; s++)
                {
                    var part = $"{name}_p{s}";
                    Databases.Execute(workers[s], $"CREATE TABLE {TestTables.Q(part)} ({definition})");
                    var worker = new NpgsqlConnectionStringBuilder(shards[s]);
                    var server = "shard_" + worker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Databases.Execute(coordinator,
                        $"CREATE SERVER IF NOT EXISTS {server} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '{worker.Port}', dbname 'postgres', async_capable 'true')");
                    Databases.Execute(coordinator, $"CREATE USER MAPPING IF NOT EXISTS FOR postgres SERVER {server} OPTIONS (user 'postgres')");
                    Databases.Execute(coordinator,
                        $"CREATE FOREIGN TABLE {TestTables.Q(part)} PARTITION OF {TestTables.Q(name)} FOR VALUES WITH (MODULUS 2, REMAINDER {s}) SERVER {server} OPTIONS (table_name '{part}')");
                }
            }

            TestTables.InsertTracking(coordinator, table, set.Rows, "timestamptz");
            var touches = AttributionPushDownTests.Touches(set, seed);
            TestTables.InsertTouchpoints(coordinator, table + "_t", touches, "timestamptz");
            Databases.Execute(coordinator, "SET enable_partitionwise_aggregate = on");
            Databases.Execute(coordinator, "SET enable_async_append = on");
            var options = set.Options(Dimension.Channel);
            var source = new SqlLeadSource(coordinator, SqlDialect.PostgreSql, new SqlTableName(table));
            var expected = FunnelAnalyzer.AnalyzeBy(LeadTable.Build(set.Rows.Select(r => r.ToLead())), set.AsOf, options);
            Assert.Equal(
                LeadAnalyticsJson.SerializeFunnelBreakdown(expected),
                LeadAnalyticsJson.SerializeFunnelBreakdown(source.AnalyzeFunnel(set.AsOf, options).ToBreakdown()));
            var loss = LossReasonPushDownTests.Options(set, seed);
            Assert.Equal(
                LeadAnalyticsJson.SerializeLossReasons(LossReasons.LossReasonAnalyzer.Analyze(LeadTable.Build(set.Rows.Select(r => r.ToLead())), set.AsOf, loss)),
                LeadAnalyticsJson.SerializeLossReasons(source.AnalyzeLossReasons(set.AsOf, loss).ToResult()));

            // The segments (effectiveness by channel x industry), cycle time by channel and attribution (paths built on the
            // coordinator from the two foreign tables, with the set's period when it has one) through the coordinator too.
            var leads = LeadTable.Build(set.Rows.Select(r => r.ToLead()));
            var effectiveness = new Effectiveness.EffectivenessOptions
            {
                Scope = set.Options(Dimension.Channel, Dimension.Industry).Scope, CostSource = Effectiveness.CostSource.PerLeadCosts,
            };
            Assert.Equal(
                LeadAnalyticsJson.SerializeEffectiveness(Effectiveness.EffectivenessAnalyzer.Analyze(leads, set.AsOf, effectiveness)),
                LeadAnalyticsJson.SerializeEffectiveness(source.AnalyzeEffectiveness(set.AsOf, effectiveness).ToResult()));
            var cycle = new CycleTime.CycleTimeOptions { Scope = new AnalysisScope { StaleAfter = set.StaleAfter, Period = set.Period, Breakdown = new[] { Dimension.Channel } } };
            Assert.Equal(
                LeadAnalyticsJson.SerializeCycleTime(CycleTime.CycleTimeAnalyzer.Analyze(leads, set.AsOf, cycle), includeCurves: true),
                LeadAnalyticsJson.SerializeCycleTime(source.AnalyzeCycleTime(set.AsOf, cycle).ToResult(), includeCurves: true));
            AttributionPushDownTests.AssertSame(set, touches, seed, source, new SqlTableName(table + "_t"));

            // The rows really live on the workers.
            Assert.Equal(set.Rows.Length, Enumerable.Range(0, workers.Length).Sum(s => Count(workers[s], $"{table}_p{s}")));
            Assert.Equal(touches.Length, Enumerable.Range(0, workers.Length).Sum(s => Count(workers[s], $"{table}_t_p{s}")));
        }
        finally
        {
            Databases.Execute(coordinator, "DROP TABLE IF EXISTS " + TestTables.Q(table));
            Databases.Execute(coordinator, "DROP TABLE IF EXISTS " + TestTables.Q(table + "_t"));
            for (var s = 0; s < workers.Length; s++)
            {
                Databases.Execute(workers[s], "DROP TABLE IF EXISTS " + TestTables.Q($"{table}_p{s}"));
                Databases.Execute(workers[s], "DROP TABLE IF EXISTS " + TestTables.Q($"{table}_t_p{s}"));
                workers[s].Dispose();
            }
        }
    }

    private static long Count(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + TestTables.Q(table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string[] Shards() =>
        Environment.GetEnvironmentVariable(ShardsVariable) is { Length: > 0 } s
            ? s.Split('|')
            : throw new InvalidOperationException($"{ShardsVariable} is not set: .ci/postgres.sh starts the two workers beside the main instance.");
}
