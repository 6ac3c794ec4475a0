using FsCheck.Xunit;
using LeadAnalytics.Attribution;
using LeadAnalytics.Data;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// Attribution from journeys built inside DuckDB and PostgreSQL (ordered channel lists per lead, counted per path) equals the
/// in-memory attribution of the same leads and touchpoints: Markov (orders 1 and 2), Shapley, first and last touch and linear,
/// every channel's credited conversions and value to 1e-12 relative, with ties in time, touches after the outcome or as-of,
/// a lookback window, leads without touches (their own channel) and channel names holding the path separator.
/// </summary>
public sealed class AttributionPushDownTests
{
    private static readonly string[] TouchChannels = { "SEO", "抖音信息流", "A>B", "直接访问", "行业展会" };

    [Property(MaxTest = 50)]
    public void DuckDb_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        var touches = Touches(set, seed);
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        TestTables.CreateTouchpoints(connection, "touches", touches, "TIMESTAMP");
        AssertSame(set, touches, seed, new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads")), new SqlTableName("touches"));
    }

    [PostgresProperty(MaxTest = 50)]
    public void PostgreSql_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        var touches = Touches(set, seed);
        Databases.WithPostgresTable((connection, table) =>
        {
            var touchTable = table + "_t";
            try
            {
                TestTables.CreateTracking(connection, table, set.Rows, "timestamptz", "text", "numeric(18,2)");
                TestTables.CreateTouchpoints(connection, touchTable, touches, "timestamptz");
                AssertSame(set, touches, seed, new SqlLeadSource(connection, SqlDialect.PostgreSql, new SqlTableName(table)), new SqlTableName(touchTable));
            }
            finally
            {
                Databases.Execute(connection, "DROP TABLE IF EXISTS " + TestTables.Q(touchTable));
            }
        });
    }

    internal static Touchpoint[] Touches(LeadSet set, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        var touches = new List<Touchpoint>();
        foreach (var row in set.Rows)
        {
            var n = random.Next(0, 5);
            var t = row.Acquired.AddDays(-random.Next(0, 20));
            for (var i = 0; i < n; i++)
            {
                // Ties (the same instant), sub-second instants, touches long after acquisition (past the outcome or as-of).
                t = random.Next(0, 4) == 0 ? t : t.AddMinutes(random.Next(1, 60 * 24 * 15)).AddMilliseconds(random.Next(0, 3) == 0 ? random.Next(0, 1000) : 0);
                touches.Add(new Touchpoint(row.Id, t, TouchChannels[random.Next(TouchChannels.Length)]));
            }
        }

        return touches.ToArray();
    }

    private static void AssertSame(LeadSet set, Touchpoint[] touches, int seed, SqlLeadSource source, SqlTableName touchTable)
    {
        var journeys = AttributionJourneys.FromLeads(set.Rows.Select(r => r.ToLead()), touches);
        var lookback = (seed & 3) == 0 ? TimeSpan.FromDays(10) : (TimeSpan?)null;
        var pushed = source.QueryJourneys(set.AsOf, touchTable, new AttributionOptions { LookbackWindow = lookback });
        foreach (var (model, order) in new[]
        {
            (AttributionModel.Markov, 1), (AttributionModel.Markov, 2), (AttributionModel.Shapley, 1), (AttributionModel.FirstTouch, 1),
            (AttributionModel.LastTouch, 1), (AttributionModel.Linear, 1),
        })
        {
            var options = new AttributionOptions { Model = model, MarkovOrder = order, LookbackWindow = lookback };
            var expected = AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Model = model, MarkovOrder = order, LookbackWindow = lookback, AsOf = set.AsOf });
            var actual = AttributionAnalyzer.Analyze(pushed, options);
            Assert.Equal(expected.TotalValue, actual.TotalValue);
            Close(expected.TotalConversions, actual.TotalConversions, model + " total");
            Assert.Equal(expected.Credits.Select(c => c.Key), actual.Credits.Select(c => c.Key));
            for (var i = 0; i < expected.Credits.Count; i++)
            {
                Close(expected.Credits[i].Conversions, actual.Credits[i].Conversions, $"{model} {order} {expected.Credits[i].Key}");
                Assert.Equal(expected.Credits[i].Value, actual.Credits[i].Value);
            }
        }
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{what}: {expected:R} vs {actual:R}");
}
