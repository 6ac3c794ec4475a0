using LeadAnalytics;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.Quality;
using LeadAnalytics.Sql;
using Microsoft.Data.Sqlite;

namespace CrmEmbedding;

/// <summary>The same funnel and channel counts computed inside the CRM's SQLite file (LeadAnalytics.Sql, SQLite dialect):
/// GROUP BY queries over the view <c>lead_rows</c> return a few rows per channel and stage, and the engines finish the
/// statistics from them. Nothing is loaded into a LeadTable, which is what a CRM with a large leads table wants.</summary>
internal static class InDatabase
{
    // The view has the tracking table's column names; the fields a CRM does not keep are mapped to no column.
    private static readonly LeadColumnMapping Mapping = LeadColumnMapping.Default
        .WithColumn(LeadField.Content, null)
        .WithColumn(LeadField.CustomerType, null)
        .WithColumn(LeadField.AcquisitionCost, null)
        .WithColumn(LeadField.Tags, null);

    public static (FunnelResult Funnel, EffectivenessResult Channels) Run(string databasePath, DateTimeOffset now)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        var source = new SqlLeadSource(connection, SqlDialect.Sqlite, new SqlTableName(CrmDatabase.LeadRowsView), Mapping);
        var funnel = source.AnalyzeFunnel(now, new FunnelOptions { Scope = new AnalysisScope { StaleAfter = CrmAnalytics.StaleAfter } }).ToResult();
        var channels = source.AnalyzeEffectiveness(now, ChannelCounts).ToResult();
        return (funnel, channels);
    }

    /// <summary>The channel table's options without the costs table: a cost entry is divided among all the leads it matches
    /// at once, which no GROUP BY over a part of the leads can do (docs/partials.md), so the spend columns stay with the
    /// in-memory engine and the database computes every other figure.</summary>
    public static readonly EffectivenessOptions ChannelCounts = new()
    {
        Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, StaleAfter = CrmAnalytics.StaleAfter },
        CostSource = CostSource.PerLeadCosts,
        RankBy = LeadAnalytics.Metrics.MetricIds.ConversionRate,
    };

    /// <summary>Checks the database's answers against the in-memory engines on the same rows: the whole JSON documents.</summary>
    public static void Check(string step, CrmAnalytics inMemory, string databasePath, DateTimeOffset now)
    {
        var (funnel, channels) = Run(databasePath, now);
        Console.WriteLine($"  Inside SQLite (SqlDialect.Sqlite over {CrmDatabase.LeadRowsView}): {funnel.Leads} leads, {funnel.Won} won, {channels.Segments.Count} channels; checked equal to the above.");
        Checks.Equal($"{step}: funnel computed inside SQLite", LeadAnalyticsJson.SerializeFunnel(inMemory.Funnel), LeadAnalyticsJson.SerializeFunnel(funnel));
        Checks.Equal($"{step}: channel counts computed inside SQLite",
            LeadAnalyticsJson.SerializeEffectiveness(EffectivenessAnalyzer.Analyze(inMemory.Table, now, ChannelCounts)), LeadAnalyticsJson.SerializeEffectiveness(channels));
        foreach (var segment in inMemory.Channels.Segments)
        {
            var pushed = channels.Segments.Single(s => s.Label == segment.Label);
            Checks.Equal($"{step}: {segment.Label} leads, won, lost, open, revenue", (segment.Leads, segment.Won, segment.Lost, segment.Open, segment.Revenue),
                (pushed.Leads, pushed.Won, pushed.Lost, pushed.Open, pushed.Revenue));
        }
    }
}
