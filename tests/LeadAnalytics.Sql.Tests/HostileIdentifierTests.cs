using System.Data.Common;
using System.Text.Json;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// No SQL from user text: a column map and a table whose names hold quotes, semicolons, comment markers, parameter markers,
/// parentheses, backslashes and non-ASCII text (CJK, an emoji, a right-to-left override) are read through quoted
/// identifiers, giving the in-memory answers, and a sentinel table beside them survives; a map naming a column the table does
/// not have is refused before any query uses the name (every mapped name must be one of the table's own columns), and names
/// with control characters, empty or longer than 128 characters are refused when the map is read.
/// </summary>
public sealed class HostileIdentifierTests
{
    // One hostile name per field, in TestTables.TrackingFieldNames order (lead_id ... acquisition_cost); each under 63 bytes,
    // PostgreSQL's identifier limit.
    private static readonly string[] Names =
    {
        "id\"; DROP TABLE sentinel; --", "渠道 \"来源\"", "ind'ustry", "own/*er*/", "acq;uired", "c\u202Eontacted", "needs) OR (1=1",
        "prop$1osal", "neg?otiation", "won\"\"at", "lost 🙂", "last\\activity", "reason, (SELECT 1)", "amount'); --", "cac --",
    };

    private const string HostileTable = "leads\"; DROP TABLE sentinel; --";

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(29)]
    public void DuckDb_hostile_names_are_quoted(int seed)
    {
        using var connection = Databases.OpenDuckDb();
        Databases.Execute(connection, "SET TimeZone = 'UTC'");
        AssertQuoted(connection, SqlDialect.DuckDb, seed, HostileTable, "sentinel", "TIMESTAMPTZ", "VARCHAR", "DECIMAL(18,2)");
    }

    [PostgresFact]
    public void PostgreSql_hostile_names_are_quoted()
    {
        using var connection = Databases.OpenPostgres();
        var suffix = Guid.NewGuid().ToString("N").Substring(0, 8);
        AssertQuoted(connection, SqlDialect.PostgreSql, 41, HostileTable.Replace("leads", "l" + suffix, StringComparison.Ordinal), "sentinel_" + suffix, "timestamptz", "text", "numeric(18,2)");
    }

    private static void AssertQuoted(DbConnection connection, SqlDialect dialect, int seed, string table, string sentinel, string time, string text, string money)
    {
        var set = LossReasonPushDownTests.WithReasons(LeadSet.Create(seed));
        try
        {
            Databases.Execute(connection, $"CREATE TABLE {TestTables.Q(sentinel)} (x integer)");
            Databases.Execute(connection, $"INSERT INTO {TestTables.Q(sentinel)} VALUES (1)");
            TestTables.CreateNamed(connection, table, Names, set.Rows, time, text, money);
            var source = new SqlLeadSource(connection, dialect, new SqlTableName(table), HostileMapping());
            var leads = LeadTable.Build(set.Rows.Select(r => r.ToLead()));

            var crossed = set.Options(Dimension.Channel, Dimension.Industry);
            Assert.Equal(
                LeadAnalyticsJson.SerializeFunnelBreakdown(FunnelAnalyzer.AnalyzeBy(leads, set.AsOf, crossed)),
                LeadAnalyticsJson.SerializeFunnelBreakdown(source.AnalyzeFunnel(set.AsOf, crossed).ToBreakdown()));
            var loss = LossReasonPushDownTests.Options(set, seed);
            Assert.Equal(
                LeadAnalyticsJson.SerializeLossReasons(LossReasonAnalyzer.Analyze(leads, set.AsOf, loss)),
                LeadAnalyticsJson.SerializeLossReasons(source.AnalyzeLossReasons(set.AsOf, loss).ToResult()));

            // A map naming a column the table does not have: refused before the name reaches any query.
            var missing = LeadColumnMapping.Parse(MappingJson(Names.Select((n, i) => i == 4 ? "x\"; DROP TABLE " + sentinel + "; --" : n)));
            var e = Assert.Throws<SqlSourceException>(() => new SqlLeadSource(connection, dialect, new SqlTableName(table), missing).AnalyzeFunnel(set.AsOf));
            Assert.Contains("has no column \"x\"; DROP TABLE " + sentinel + "; --\" (field acquired_at)", e.Message, StringComparison.Ordinal);

            // A table name that is not a table: the database says so; nothing else runs.
            Assert.ThrowsAny<DbException>(() => new SqlLeadSource(connection, dialect, new SqlTableName("t\"; DROP TABLE " + sentinel + "; --"), HostileMapping()).AnalyzeFunnel(set.AsOf));

            Assert.Equal(1L, Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM {TestTables.Q(sentinel)}"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal((long)set.Rows.Length, Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM {TestTables.Q(table)}"), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Databases.Execute(connection, $"DROP TABLE IF EXISTS {TestTables.Q(table)}");
            Databases.Execute(connection, $"DROP TABLE IF EXISTS {TestTables.Q(sentinel)}");
        }
    }

    [Theory]
    [InlineData("chan\u0000nel", "holds a control character")]
    [InlineData("chan\nnel", "holds a control character")]
    [InlineData("\u001b[31mred", "holds a control character")]
    [InlineData("", "is empty")]
    public void Names_with_control_characters_or_empty_are_refused_when_the_map_is_read(string name, string problem)
    {
        var e = Assert.Throws<FormatException>(() => LeadColumnMapping.Parse(JsonSerializer.Serialize(new { columns = new Dictionary<string, string> { ["channel"] = name } })));
        Assert.Equal($"The column name of \"channel\" {problem}.", e.Message);
        Assert.Throws<ArgumentException>(() => LeadColumnMapping.Default.WithColumn(Quality.LeadField.Channel, name));
        var touch = Assert.Throws<FormatException>(() => LeadColumnMapping.Parse(JsonSerializer.Serialize(new { touchpoints = new Dictionary<string, string> { ["channel"] = name } })));
        Assert.Contains(problem, touch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_and_control_characters_in_table_names_are_refused()
    {
        var e = Assert.Throws<FormatException>(() => LeadColumnMapping.Parse(MappingJson(Names.Select((n, i) => i == 2 ? new string('x', 129) : n))));
        Assert.Contains("longer than 128 characters", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SqlTableName("leads\u0000"));
        Assert.Throws<ArgumentException>(() => SqlTableName.Parse("a..b"));
        Assert.Throws<ArgumentException>(() => SqlTableName.Parse("a.b.c.d"));

        // Quoted as identifiers, part by part: a dot inside a part stays inside it.
        Assert.Equal("\"s\"\"; x\".\"a.b\"", new SqlTableName("s\"; x", "a.b").Quoted(SqlDialect.PostgreSql));
    }

    private static LeadColumnMapping HostileMapping() => LeadColumnMapping.Parse(MappingJson(Names));

    private static string MappingJson(IEnumerable<string> names)
    {
        var columns = new Dictionary<string, string?>();
        var list = names.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            columns[TestTables.TrackingFieldNames[i]] = list[i];
        }

        foreach (var unmapped in new[] { "strategy", "content", "customer_type", "tags", "currency", "lead_name" })
        {
            columns[unmapped] = null;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["columns"] = columns, ["time_zone"] = "+00:00" });
    }

    private static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
