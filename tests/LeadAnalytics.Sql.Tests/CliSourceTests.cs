using System.Globalization;
using System.Text;
using LeadAnalytics.Cli;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// <c>leadanalytics funnel --source ...</c> writes the same JSON document as <c>--leads</c> on the same rows: a tracking-table
/// CSV read by DuckDB, a DuckDB database file, and PostgreSQL, with the default as-of (the latest event) and an explicit one.
/// </summary>
public sealed class CliSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "leadanalytics-sql-" + Guid.NewGuid().ToString("N"));

    public CliSourceTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<int, string> Cases() => new()
    {
        { 11, "" },
        { 12, "--by channel" },
        { 13, "--by channel,industry" },
        { 14, "--by owner --as-of 2024-03-01T12:00" },
        { 15, "--by channel --stale-after 7" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DuckDb_over_the_csv_file_gives_the_leads_document(int seed, string arguments)
    {
        var csv = WriteCsv(seed);
        Assert.Equal(Run($"funnel --leads {csv} {arguments}"), Run($"funnel --source duckdb:{csv} {arguments}"));
    }

    public static TheoryData<int, string> OtherCommands() => new()
    {
        { 51, "segments --by channel" },
        { 52, "segments --by channel,industry --from 2024-02-01 --to 2024-03-31" },
        { 53, "segments --by owner --stale-after 7 --as-of 2024-03-01T12:00" },
        { 60, "segments --by channel --maturity-window 20" },
        { 61, "segments --by industry --maturity-window 0.5 --from 2024-02-01" },
        { 54, "cycle-time --by channel" },
        { 55, "cycle-time --curves --stale-after 7" },
        { 56, "loss-reasons" },
        { 57, "loss-reasons --by channel,industry --stale-after 7" },
        { 58, "loss-reasons --by owner --as-of 2024-03-01T12:00" },
        { 59, "loss-reasons --by industry" },
    };

    [Theory]
    [MemberData(nameof(OtherCommands))]
    public void Segments_cycle_time_and_loss_reasons_over_DuckDb_give_the_leads_documents(int seed, string command)
    {
        var csv = WriteCsv(seed);
        var parts = command.Split(' ', 2);
        var rest = parts.Length > 1 ? parts[1] : string.Empty;
        var leads = Run($"{parts[0]} --leads {csv} {rest}");
        var source = Run($"{parts[0]} --source duckdb:{csv} {rest}");
        Assert.Equal(leads, source);
        if (parts[0] == "loss-reasons")
        {
            // The table and CSV outputs too: drawn from the same result.
            foreach (var format in new[] { "table", "csv" })
            {
                var fromLeads = RunRaw($"{parts[0]} --leads {csv} {rest} --format {format}");
                var fromSource = RunRaw($"{parts[0]} --source duckdb:{csv} {rest} --format {format}");
                Assert.Equal((0, fromLeads.Stdout), (fromSource.ExitCode, fromSource.Stdout));
            }
        }
    }

    [Fact]
    public void DuckDb_database_file_gives_the_leads_document()
    {
        var csv = WriteCsv(21);
        var database = Path.Combine(_folder, "crm.duckdb");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=" + database))
        {
            connection.Open();
            Databases.Execute(connection, "CREATE SCHEMA sales");
            Databases.Execute(connection, $"CREATE TABLE sales.leads AS SELECT * FROM read_csv('{csv}')");
        }

        Assert.Equal(Run($"funnel --leads {csv} --by channel"), Run($"funnel --source duckdb:{database} --table sales.leads --by channel"));
    }

    [PostgresFact]
    public void PostgreSql_gives_the_leads_document()
    {
        var csv = WriteCsv(31);
        var rows = Rows(31);
        Databases.WithPostgresTable((connection, table) =>
        {
            TestTables.CreateTracking(connection, table, rows, "timestamptz", "text", "numeric(18,2)");
            var cs = new Npgsql.NpgsqlConnectionStringBuilder(Databases.PostgresConnectionString);
            var uri = $"postgresql://{cs.Username}@{cs.Host}:{cs.Port}/{cs.Database}";
            Assert.Equal(Run($"funnel --leads {csv} --by channel,industry"), Run($"funnel --source {uri} --table public.{table} --by channel,industry"));
            Assert.Equal(Run($"loss-reasons --leads {csv} --by channel"), Run($"loss-reasons --source {uri} --table public.{table} --by channel"));
        });
    }

    private static readonly string[] PushedCommandList =
    {
        "funnel --by channel,industry",
        "segments --by channel --from 2024-02-01",
        "cycle-time --by channel --curves",
        "loss-reasons --by channel --stale-after 7",
        "attribution --model first,linear,markov,shapley --from 2024-02-01 --to 2024-04-01",
    };

    public static TheoryData<string> PushedCommands() => new(PushedCommandList);

    /// <summary>Every command that takes <c>--source</c>, on a user's schema read through <c>--columns MAP.json</c> (other
    /// names, quotes and spaces in them, timestamps with a zone), in a DuckDB database file: the <c>--leads</c> document.</summary>
    [Theory]
    [MemberData(nameof(PushedCommands))]
    public void DuckDb_database_with_a_column_map_gives_the_leads_documents(string command)
    {
        const int seed = 71;
        var csv = WriteCsv(seed);
        var touches = WriteTouches(seed);
        var database = Path.Combine(_folder, "user.duckdb");
        var mapping = Path.Combine(_folder, "user-columns.json");
        File.WriteAllText(mapping, TestTables.UserMappingJson); // touchpoints: the touchpoint CSV's own names
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=" + database))
        {
            connection.Open();
            Databases.Execute(connection, "SET TimeZone = 'UTC'");
            TestTables.CreateUser(connection, "crm_leads", Rows(seed), "TIMESTAMPTZ", "VARCHAR", "DECIMAL(18,2)");
            TestTables.CreateTouchpoints(connection, "touch_events", SecondTouches(seed), "TIMESTAMPTZ");
        }

        AssertSameDocuments(command, csv, touches, $"--source duckdb:{database} --table crm_leads --columns {mapping}", "touch_events");
    }

    /// <summary>The same on PostgreSQL.</summary>
    [PostgresFact]
    public void PostgreSql_with_a_column_map_gives_the_leads_documents()
    {
        const int seed = 72;
        var csv = WriteCsv(seed);
        var touches = WriteTouches(seed);
        var mapping = Path.Combine(_folder, "user-columns.json");
        File.WriteAllText(mapping, TestTables.UserMappingJson); // touchpoints: the touchpoint CSV's own names
        Databases.WithPostgresTable((connection, table) =>
        {
            var touchTable = table + "_t";
            try
            {
                TestTables.CreateUser(connection, table, Rows(seed), "timestamptz", "text", "numeric(18,2)");
                TestTables.CreateTouchpoints(connection, touchTable, SecondTouches(seed), "timestamptz");
                var cs = new Npgsql.NpgsqlConnectionStringBuilder(Databases.PostgresConnectionString);
                var uri = $"postgresql://{cs.Username}@{cs.Host}:{cs.Port}/{cs.Database}";
                foreach (var command in PushedCommandList)
                {
                    AssertSameDocuments(command, csv, touches, $"--source {uri} --table public.{table} --columns {mapping}", "public." + touchTable);
                }
            }
            finally
            {
                Databases.Execute(connection, "DROP TABLE IF EXISTS " + TestTables.Q(touchTable));
            }
        });
    }

    /// <summary>The commands that need the leads in memory refuse <c>--source</c> (and its companions) with a usage error
    /// that says why, not the parser's "unrecognized argument" (docs/scale-out.md, "The tool").</summary>
    [Theory]
    [InlineData("validate --source duckdb:x.duckdb", "validate checks every row")]
    [InlineData("report --source duckdb:x.duckdb", "report needs the leads in memory")]
    [InlineData("actions --actions a.csv --source postgresql://u@h:5432/d", "actions evaluates each action")]
    [InlineData("forecast --source=duckdb:x.duckdb", "forecast follows every open lead")]
    [InlineData("report --leads x.csv --table leads", "report needs the leads in memory")]
    [InlineData("validate --leads x.csv --columns m.json", "validate checks every row")]
    public void Commands_that_need_the_leads_in_memory_refuse_a_source(string arguments, string why)
    {
        var (code, stdout, stderr) = RunRaw(arguments);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(why, stderr, StringComparison.Ordinal);
        Assert.Contains("scale-out.md", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    private void AssertSameDocuments(string command, string csv, string touches, string source, string touchTable)
    {
        var parts = command.Split(' ', 2);
        var rest = parts[1];
        if (parts[0] == "attribution")
        {
            var fromLeads = Run($"attribution --leads {csv} --touchpoints {touches} {rest}");
            var fromSource = Run($"attribution {source} --touchpoints-table {touchTable} {rest}");
            Assert.Equal(WithoutBookkeeping(fromLeads), WithoutBookkeeping(fromSource));
            return;
        }

        var leads = Run($"{parts[0]} --leads {csv} {rest}");
        var pushed = Run($"{parts[0]} {source} {rest}");
        Assert.Equal(leads, pushed);
    }

    private static Touchpoint[] SecondTouches(int seed) =>
        AttributionPushDownTests.Touches(LeadSet.Create(seed), seed).Select(t => new Touchpoint(t.JourneyId, Second(t.OccurredAt), t.Channel)).ToArray();

    private string WriteTouches(int seed)
    {
        var touches = Path.Combine(_folder, $"touches-{seed}.csv");
        var sb = new StringBuilder("lead_id,occurred_at,channel\n");
        foreach (var t in SecondTouches(seed))
        {
            sb.Append(t.JourneyId).Append(',').Append(t.OccurredAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(',').Append(t.Channel).Append('\n');
        }

        File.WriteAllText(touches, sb.ToString());
        return touches;
    }

    [Fact]
    public void Errors_are_one_line_input_or_usage_errors()
    {
        var csv = WriteCsv(41);
        var mapping = Path.Combine(_folder, "map.json");
        File.WriteAllText(mapping, """{ "columns": { "channel": "utm_source" } }""");
        var (code, _, stderr) = RunRaw($"funnel --source duckdb:{csv} --columns {mapping} --by channel --format json");
        Assert.Equal(1, code);
        Assert.Contains("no column \"utm_source\" (field channel)", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));

        File.WriteAllText(mapping, """{ "columns": { "chanel": "x" } }""");
        (code, _, stderr) = RunRaw($"funnel --source duckdb:{csv} --columns {mapping}");
        Assert.Equal(1, code);
        Assert.Contains("Unknown field \"chanel\"", stderr, StringComparison.Ordinal);

        Assert.Equal(2, RunRaw($"funnel --source mysql://x/y").ExitCode);
        Assert.Equal(2, RunRaw($"funnel --source duckdb:{csv} --cohort month").ExitCode);
        Assert.Equal(2, RunRaw($"funnel --source duckdb:{csv} --leads {csv}").ExitCode);
        Assert.Equal(2, RunRaw($"segments --source duckdb:{csv} --by channel --costs {csv}").ExitCode);
        Assert.Equal(2, RunRaw("cycle-time").ExitCode);
        Assert.Equal(2, RunRaw("loss-reasons").ExitCode);
        Assert.Equal(2, RunRaw($"loss-reasons --source duckdb:{csv} --leads {csv}").ExitCode);
        (code, _, stderr) = RunRaw($"loss-reasons --source duckdb:{csv} --by tag");
        Assert.Equal(1, code);
        Assert.Contains("not pushed down", stderr, StringComparison.Ordinal);
    }

    /// <summary><c>attribution --source duckdb:LEADS.csv --touchpoints TOUCHES.csv</c> counts the paths in DuckDB and gives the
    /// in-memory document of <c>--leads --touchpoints</c>, every credit, total and Markov detail equal. The journey
    /// bookkeeping is not in aggregated paths, so it differs by definition, as with <c>--paths</c>: <c>journeyCount</c>
    /// (distinct paths, not leads with a touch), and the touches dropped or unmatched and the conversions no touch could take
    /// (their leads are simply not in the paths: the totals and credits still agree).</summary>
    [Theory]
    [InlineData(61, "")]
    [InlineData(62, " --lookback 10")]
    [InlineData(63, " --order 2 --direct-channels 直接访问,SEO")]
    [InlineData(64, " --from 2024-02-01 --to 2024-03-15")]
    [InlineData(65, " --lookback 20 --from 2024-01-20")]
    public void Attribution_over_DuckDb_gives_the_leads_document(int seed, string extra)
    {
        var csv = WriteCsv(seed);
        var touches = WriteTouches(seed);
        const string models = "--model first,last,last-non-direct,linear,position,markov,shapley";
        var leads = Run($"attribution --leads {csv} --touchpoints {touches} {models}{extra}");
        var source = Run($"attribution --source duckdb:{csv} --touchpoints {touches} {models}{extra}");
        Assert.Contains("\"shapley\"", leads, StringComparison.Ordinal);
        Assert.Equal(WithoutBookkeeping(leads), WithoutBookkeeping(source));

        // "all" on paths: the seven models defined on them (time-decay, U-, W-shaped and full-path need times or milestones).
        var all = System.Text.Json.Nodes.JsonNode.Parse(Run($"attribution --source duckdb:{csv} --touchpoints {touches} --model all"))!;
        Assert.Equal(new[] { "firstTouch", "lastTouch", "lastNonDirect", "linear", "positionBased", "markov", "shapley" },
            all["models"]!.AsArray().Select(m => (string)m!["model"]!).ToArray());
        Assert.Equal(2, RunRaw($"attribution --source duckdb:{csv} --leads {csv} --touchpoints {touches} {models}").ExitCode);
        Assert.Equal(2, RunRaw($"attribution --source duckdb:{csv} --touchpoints {touches} --by strategy {models}").ExitCode);
        Assert.Equal(2, RunRaw($"attribution --leads {csv} --touchpoints {touches} --touchpoints-table t {models}").ExitCode);
        Assert.Equal(2, RunRaw($"attribution --source duckdb:{csv} --touchpoints {touches} --touchpoints-table t {models}").ExitCode);
    }

    private static string WithoutBookkeeping(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        foreach (var model in node["models"]!.AsArray())
        {
            foreach (var name in new[] { "journeyCount", "unattributedConversions", "unattributedValue", "droppedTouchpoints", "unmatchedTouchpoints" })
            {
                model!.AsObject().Remove(name);
            }
        }

        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string Run(string arguments)
    {
        var (code, stdout, stderr) = RunRaw(arguments + " --format json");
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return stdout;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunRaw(string arguments)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // Rows the import accepts (it requires a channel; the push-down takes rows as they are, docs/scale-out.md), in whole
    // seconds (the CSV's resolution).
    private static LeadRow[] Rows(int seed) =>
        LeadSet.Create(seed).Rows.Select(r => r with
        {
            Channel = r.Channel ?? "SEO",
            Acquired = Second(r.Acquired),
            Stages = r.Stages.Select(s => s is { } t ? Second(t) : (DateTimeOffset?)null).ToArray(),
            Lost = r.Lost is { } l ? Second(l) : null,
            LastActivity = r.LastActivity is { } a ? Second(a) : null,
        }).ToArray();

    private static DateTimeOffset Second(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);

    private string WriteCsv(int seed)
    {
        var sb = new StringBuilder("lead_id,channel,industry,owner,acquired_at,contacted_at,needs_confirmed_at,proposal_at,negotiation_at,won_at,lost_at,last_activity_at,loss_reason,deal_amount,acquisition_cost,strategy,content,customer_type,tags,currency,lead_name\n");
        foreach (var r in Rows(seed))
        {
            var cells = new[]
            {
                r.Id, r.Channel, r.Industry, r.Owner, T(r.Acquired), T(r.Stages[0]), T(r.Stages[1]), T(r.Stages[2]), T(r.Stages[3]), T(r.Stages[4]), T(r.Lost),
                T(r.LastActivity), r.LossReason, r.Deal?.ToString(CultureInfo.InvariantCulture), r.Cost?.ToString(CultureInfo.InvariantCulture), "", "", "", "", "CNY", "",
            };
            sb.Append(string.Join(",", cells.Select(Cell))).Append('\n');
        }

        var path = Path.Combine(_folder, $"leads-{seed}.csv");
        File.WriteAllText(path, sb.ToString());
        return path;

        static string? T(DateTimeOffset? t) => t?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        static string Cell(string? value) => value is null ? "" : value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
