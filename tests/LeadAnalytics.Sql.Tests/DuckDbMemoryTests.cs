using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// The push-down over DuckDB streams: the per-lead head (<c>c</c>), which the segments and the funnel with step durations
/// reference several times, is inlined rather than materialised, so a query holds aggregates, not the leads. Found on the
/// 100M-lead Parquet file of benchmarks/README.md: DuckDB materialised the head (the plan's <c>CTE c</c> and
/// <c>CTE_SCAN</c>s) and the segments' memory grew with the leads. Here 2,000,000 leads come from a view over
/// <c>range()</c> (nothing stored) under a 64 MB memory limit with spilling to disk off: materialising the head needs
/// about twenty 8-byte columns per lead, over 300 MB, and fails; streaming fits.
/// </summary>
public sealed class DuckDbMemoryTests
{
    private const int Leads = 2_000_000;

    private const string Mapping = """
        { "columns": { "lead_name": null, "strategy": null, "content": null, "owner": null, "customer_type": null, "industry": null,
          "loss_reason": null, "tags": null, "last_activity_at": null, "currency": null } }
        """;

    // Every third lead won (all stages, a deal), every third lost after contact, the rest open at acquisition; minute
    // instants over a year; three channels.
    private const string View = """
        CREATE VIEW leads AS
        SELECT 'L' || i AS lead_id, ['a', 'b', 'c'][i % 3 + 1] AS channel, t AS acquired_at,
          CASE WHEN i % 3 < 2 THEN t + to_minutes(60 + i % 1000) END AS contacted_at,
          CASE WHEN i % 3 = 0 THEN t + to_minutes(2000 + i % 977) END AS needs_confirmed_at,
          CASE WHEN i % 3 = 0 THEN t + to_minutes(4000 + i % 983) END AS proposal_at,
          CASE WHEN i % 3 = 0 THEN t + to_minutes(6000 + i % 991) END AS negotiation_at,
          CASE WHEN i % 3 = 0 THEN t + to_minutes(8000 + i % 997) END AS won_at,
          CASE WHEN i % 3 = 1 THEN t + to_minutes(3000 + i % 1009) END AS lost_at,
          CASE WHEN i % 3 = 0 THEN CAST(1000 + i % 5000 AS DECIMAL(18, 2)) END AS deal_amount,
          CAST(10 + i % 90 AS DECIMAL(18, 2)) AS acquisition_cost
        FROM (SELECT i, TIMESTAMP '2023-01-01 00:00:00' + to_minutes(i % 525600) AS t FROM range(2000000) r(i))
        """;

    [Fact]
    public void Segments_and_funnel_with_step_durations_stream_in_bounded_memory()
    {
        using var connection = Databases.OpenDuckDb();
        Databases.Execute(connection, View);
        Databases.Execute(connection, "SET temp_directory = ''");
        Databases.Execute(connection, "SET memory_limit = '64MB'");
        Databases.Execute(connection, "SET threads = 2");
        var source = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads"), LeadColumnMapping.Parse(Mapping)) { CommandTimeoutSeconds = 0 };
        var asOf = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } };

        var segments = source.AnalyzeEffectiveness(asOf, new EffectivenessOptions { Scope = scope }).ToResult();
        Assert.Equal(Leads, segments.Total.Leads);
        Assert.Equal(Leads / 3 + 1, segments.Total.Won);   // i = 0, 3, ..., 1,999,998

        var funnel = source.AnalyzeFunnel(asOf, new FunnelOptions { Scope = scope }).ToResult();
        Assert.Equal(Leads, funnel.Leads);
        Assert.Contains(funnel.Steps, s => s.Duration?.Median is not null);
    }
}
