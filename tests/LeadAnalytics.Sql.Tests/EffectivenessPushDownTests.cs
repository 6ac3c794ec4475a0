using System.Data.Common;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// The effectiveness statistics computed inside DuckDB and PostgreSQL (per segment: leads by class won / lost / stale / open,
/// revenue and spend as exact minor-unit sums, the duration counts behind the medians) equal what the in-memory
/// <see cref="EffectivenessAnalyzer"/> reports for the same rows: counts and money exactly, the medians and p90 recomputed from
/// the pushed-down duration counts bit for bit, and every segment's maturity and projected conversion (from the leads counted
/// per outcome cause and time from acquisition) in the same JSON document.
/// </summary>
public sealed class EffectivenessPushDownTests
{
    [SeedProperty(MaxTest = 60)]
    public void DuckDb_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenDuckDb();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TIMESTAMP", "VARCHAR", "DECIMAL(18,2)");
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads")));
    }

    [SeedProperty(MaxTest = 60)]
    public void Sqlite_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        using var connection = Databases.OpenSqlite();
        TestTables.CreateTracking(connection, "leads", set.Rows, "TEXT", "TEXT", "TEXT");
        AssertSame(set, new SqlLeadSource(connection, SqlDialect.Sqlite, new SqlTableName("leads")));
    }

    [PostgresProperty(MaxTest = 60)]
    public void PostgreSql_equals_in_memory(int seed)
    {
        var set = LeadSet.Create(seed);
        Databases.WithPostgresTable((connection, table) =>
        {
            TestTables.CreateUser(connection, table, set.Rows, "timestamptz", "text", "numeric(18,2)");
            AssertSame(set, new SqlLeadSource(connection, SqlDialect.PostgreSql, new SqlTableName(table), LeadColumnMapping.Parse(TestTables.UserMappingJson)));
        });
    }

    [Fact]
    public void Amounts_round_half_away_from_zero_to_the_minor_unit_in_DuckDb()
    {
        using var connection = Databases.OpenDuckDb();
        RoundingCase(connection, SqlDialect.DuckDb, "DECIMAL(18,4)", "TIMESTAMP");
    }

    [Fact]
    public void Amounts_round_half_away_from_zero_to_the_minor_unit_in_Sqlite()
    {
        using var connection = Databases.OpenSqlite();
        RoundingCase(connection, SqlDialect.Sqlite, "TEXT", "TEXT");
    }

    [PostgresFact]
    public void Amounts_round_half_away_from_zero_to_the_minor_unit_in_PostgreSql()
    {
        Databases.WithPostgresTable((connection, table) => RoundingCase(connection, SqlDialect.PostgreSql, "numeric(18,4)", "timestamp", table));
    }

    [Fact]
    public void Two_currencies_are_refused_as_in_memory()
    {
        using var connection = Databases.OpenDuckDb();
        Databases.Execute(connection, "CREATE TABLE t (lead_id VARCHAR, channel VARCHAR, acquired_at TIMESTAMP, deal_amount DECIMAL(18,2), currency VARCHAR)");
        Databases.Execute(connection, "INSERT INTO t VALUES ('a', 'SEO', '2024-01-01 10:00', 10, 'CNY'), ('b', 'SEO', '2024-01-02 10:00', 20, 'usd')");
        var source = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("t"), Minimal().WithColumn(Quality.LeadField.Currency, "currency"));
        var e = Assert.Throws<CurrencyMismatchException>(() =>
            source.QueryEffectiveness(LeadSet.Origin.AddDays(30), new[] { Dimension.Channel }, AcquisitionPeriod.AllTime, TimeSpan.FromDays(30), true, 10, out _));
        Assert.Equal(new[] { "CNY", "USD" }, new[] { e.Expected.Code, e.Actual.Code });
    }

    // 1.2345 -> 123 fen, 0.005 -> 1 fen, 2.675 -> 268 fen (a tie that binary floating point would round down), 0.0049 -> 0.
    private static void RoundingCase(DbConnection connection, SqlDialect dialect, string decimalType, string timestampType, string table = "t")
    {
        Databases.Execute(connection, $"CREATE TABLE {TestTables.Q(table)} (lead_id text, channel text, acquired_at {timestampType}, won_at {timestampType}, deal_amount {decimalType}, acquisition_cost {decimalType})");
        Databases.Execute(connection, $"INSERT INTO {TestTables.Q(table)} VALUES " +
            "('a', 'SEO', '2024-01-01 10:00', '2024-01-02 10:00', 1.2345, 0.005), ('b', 'SEO', '2024-01-01 11:00', '2024-01-03 11:00', 2.675, 0.0049)");
        var mapping = Minimal().WithColumn(Quality.LeadField.WonAt, "won_at").WithColumn(Quality.LeadField.AcquisitionCost, "acquisition_cost");
        var sums = new SqlLeadSource(connection, dialect, new SqlTableName(table), mapping)
            .QueryEffectiveness(LeadSet.Origin.AddDays(30), new[] { Dimension.Channel }, AcquisitionPeriod.AllTime, TimeSpan.FromDays(30), true, 10, out var currency);
        var seo = sums.Segments[("SEO", null)];
        Assert.Equal(Currency.CNY, currency);
        Assert.Equal(123 + 268, seo.RevenueMinor);
        Assert.Equal(1 + 0, seo.SpendMinor);
        Assert.Equal(2, seo.LeadsWithCost);
        Assert.Equal(new[] { 86_400L, 172_800L }, seo.Win.Select(p => p.Key).OrderBy(k => k));
    }

    private static LeadColumnMapping Minimal()
    {
        var mapping = LeadColumnMapping.Default;
        foreach (var field in new[]
        {
            Quality.LeadField.Name, Quality.LeadField.Strategy, Quality.LeadField.Content, Quality.LeadField.Owner, Quality.LeadField.CustomerType,
            Quality.LeadField.Industry, Quality.LeadField.ContactedAt, Quality.LeadField.NeedsConfirmedAt, Quality.LeadField.ProposalSentAt,
            Quality.LeadField.NegotiationAt, Quality.LeadField.WonAt, Quality.LeadField.LostAt, Quality.LeadField.LossReason,
            Quality.LeadField.AcquisitionCost, Quality.LeadField.Tags, Quality.LeadField.LastActivityAt, Quality.LeadField.Currency,
        })
        {
            mapping = mapping.WithColumn(field, null);
        }

        return mapping;
    }

    private static void AssertSame(LeadSet set, SqlLeadSource source)
    {
        var table = LeadTable.Build(set.Rows.Select(r => r.ToLead()));
        // The maturity window: the default (90 days), or one that splits the leads (whole days, or with seconds past them, so
        // "acquired at least W before as-of" ties on some sets).
        var random = new Random(set.Seed);
        TimeSpan? window = random.Next(0, 3) switch
        {
            0 => null,
            1 => TimeSpan.FromDays(random.Next(1, 120)),
            _ => TimeSpan.FromDays(random.Next(0, 60)) + TimeSpan.FromSeconds(random.Next(1, 86_400)),
        };
        foreach (var dimensions in new[] { new[] { Dimension.Channel }, new[] { Dimension.Channel, Dimension.Industry } })
        {
            var options = new EffectivenessOptions
            {
                Scope = new AnalysisScope { StaleAfter = set.StaleAfter, Period = set.Period, Breakdown = dimensions },
                CostSource = CostSource.PerLeadCosts,
                MaturityWindow = window,
            };
            var expected = EffectivenessAnalyzer.Analyze(table, set.AsOf, options);

            // The public partial: the same document, and with a previous period too.
            Assert.Equal(Json.LeadAnalyticsJson.SerializeEffectiveness(expected), Json.LeadAnalyticsJson.SerializeEffectiveness(source.AnalyzeEffectiveness(set.AsOf, options).ToResult()));
            var withPrevious = new EffectivenessOptions
            {
                Scope = options.Scope,
                CostSource = CostSource.PerLeadCosts,
                MaturityWindow = window,
                PreviousPeriod = new AcquisitionPeriod(LeadSet.Origin.AddDays(-30), LeadSet.Origin.AddDays(40)),
            };
            Assert.Equal(
                Json.LeadAnalyticsJson.SerializeEffectiveness(EffectivenessAnalyzer.Analyze(table, set.AsOf, withPrevious)),
                Json.LeadAnalyticsJson.SerializeEffectiveness(source.AnalyzeEffectiveness(set.AsOf, withPrevious).ToResult()));

            var sums = source.QueryEffectiveness(set.AsOf, dimensions, set.Period, set.StaleAfter, true, options.MaxListedLeadIds, out var currency);
            Assert.Equal(table.Currency, currency);
            var withoutMaturity = new EffectivenessOptions { Scope = options.Scope, CostSource = CostSource.PerLeadCosts, IncludeMaturity = false };
            Assert.Equal(
                Json.LeadAnalyticsJson.SerializeEffectiveness(EffectivenessAnalyzer.Analyze(table, set.AsOf, withoutMaturity)),
                Json.LeadAnalyticsJson.SerializeEffectiveness(source.AnalyzeEffectiveness(set.AsOf, withoutMaturity).ToResult()));
            Assert.Null(source.AnalyzeEffectiveness(set.AsOf, withoutMaturity).ToResult().Total.Maturity);
            Assert.NotNull(expected.Total.Maturity);
            Assert.Equal(expected.Segments.Count, sums.Segments.Count(s => s.Value.Leads > 0));
            foreach (var segment in expected.Segments)
            {
                var key = (segment.Key.Values[0], dimensions.Length > 1 ? segment.Key.Values[1] : null);
                AssertSegment(segment, sums.Segments[key], table.Currency);
            }

            AssertSegment(expected.Total, sums.Total(), table.Currency);
        }
    }

    private static void AssertSegment(SegmentSummary expected, SegmentSums actual, Currency currency)
    {
        var label = expected.Label;
        Assert.True(expected.Leads == actual.Leads, $"{label}: leads {expected.Leads} vs {actual.Leads}");
        // The sums keep stale leads among the open ones; the summary counts them as lost (StaleTreatment.AsLost, the default).
        Assert.Equal((expected.Won, expected.Lost, expected.Open, expected.Stale), ((int)actual.Won, (int)(actual.Lost + actual.Stale), (int)(actual.Open - actual.Stale), (int)actual.Stale));
        Assert.Equal(expected.WonWithoutDealAmount, (int)(actual.Won - actual.WonWithAmount));
        Assert.Equal(expected.LeadsWithoutCost, (int)(actual.Leads - actual.LeadsWithCost));
        var scale = currency == Currency.None ? 1m : (decimal)Math.Pow(10, currency.MinorUnits);
        Assert.Equal(expected.Revenue ?? 0m, actual.RevenueMinor / scale);
        Assert.Equal(expected.Spend ?? 0m, actual.SpendMinor / scale);
        Assert.Equal(expected.NegativeDurationsExcluded, (int)actual.NegativeDurations);
        Assert.Equal(expected.MedianCycleDays, Quantile(actual.Cycle, 0.5, 86_400.0));
        Assert.Equal(expected.MedianDaysToWin, Quantile(actual.Win, 0.5, 86_400.0));
        Assert.Equal(expected.SpeedToLeadMedianHours, Quantile(actual.Speed, 0.5, 3_600.0));
        Assert.Equal(expected.SpeedToLeadP90Hours, Quantile(actual.Speed, 0.9, 3_600.0));
    }

    private static double? Quantile(List<KeyValuePair<long, long>> counts, double p, double unit)
    {
        var values = counts.SelectMany(c => Enumerable.Repeat(c.Key / unit, (int)c.Value)).OrderBy(v => v).ToArray();
        return Quantiles.OfSorted(values, p, QuantileMethod.R7);
    }
}
