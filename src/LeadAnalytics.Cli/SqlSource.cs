using System.CommandLine;
using System.Data.Common;
using DuckDB.NET.Data;
using LeadAnalytics.Sql;
using Npgsql;

namespace LeadAnalytics.Cli;

/// <summary>
/// <c>--source duckdb:PATH | postgresql://USER@HOST:PORT/DB</c> with <c>--table</c> and <c>--columns MAP.json</c>: the leads
/// stay in the database and the analysis is pushed down (LeadAnalytics.Sql, docs/scale-out.md). A DuckDB path is a database
/// file (with <c>--table</c>, default <c>leads</c>), or a Parquet file, folder of Parquet files or CSV file, read through a
/// temporary view. Npgsql is referenced directly (managed, about 1.5 MB); DuckDB's managed provider is too, but not its native
/// library (36 to 112 MB per platform, 316 MB for all): DuckDB sources need libduckdb on the library path.
/// </summary>
internal sealed class SqlSourceOptions
{
    public Option<string?> Source { get; } = new("--source")
    {
        Description = "Analyse the leads inside a database instead of a CSV file: duckdb:PATH (a DuckDB database, a Parquet file or folder, or a CSV file) " +
            "or postgresql://USER@HOST:PORT/DB (password from PGPASSWORD or ~/.pgpass). Instead of --leads.",
        HelpName = "URI",
    };

    public Option<string?> Table { get; } = new("--table")
    {
        Description = "The leads table or view in --source (schema.table); default leads.",
        HelpName = "NAME",
    };

    public Option<string?> Columns { get; } = CliApp.FileOption("--columns", "A column mapping file (JSON, " + CliApp.DocsUrl + "scale-out.md) for a table that does not use the tracking table's English column names.");

    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(Table);
        command.Options.Add(Columns);
    }

    private static readonly string[] SourceOptionNames = { "--source", "--table", "--columns", "--touchpoints-table" };

    /// <summary>Why a command that takes no <c>--source</c> needs the leads in memory (docs/scale-out.md, "The tool"), or
    /// <see langword="null"/> for a command that takes one (or does not exist).</summary>
    internal static string? InMemoryOnly(string command) => command switch
    {
        "validate" => "validate checks every row as the import reads it (file, line and column) and is not pushed down: validate the table's CSV or Parquet export with --leads.",
        "report" => "report needs the leads in memory (its data-quality, forecast and action sections follow single rows and leads): run funnel, segments, cycle-time, " +
            "loss-reasons and attribution with --source, or report --leads on an export.",
        "actions" => "actions evaluates each action on the leads it touches, before and after its start, and is not pushed down: use --leads.",
        "forecast" => "forecast follows every open lead's age in its stage and is not pushed down: use --leads.",
        _ => null,
    };

    /// <summary>The usage error for <c>--source</c> (or <c>--table</c>, <c>--columns</c>, <c>--touchpoints-table</c>) on a
    /// command that needs the leads in memory, saying why, instead of the parser's "unrecognized argument"; null otherwise.</summary>
    internal static string? Refusal(ParseResult parse)
    {
        var command = parse.CommandResult.Command.Name;
        if (InMemoryOnly(command) is not { } why)
        {
            return null;
        }

        var given = parse.Tokens.Select(t => t.Value).FirstOrDefault(v => SourceOptionNames.Any(o => v == o || v.StartsWith(o + "=", StringComparison.Ordinal) || v.StartsWith(o + ":", StringComparison.Ordinal)));
        return given is null ? null : $"{given.Split('=', ':')[0]}: {why} ({CliApp.DocsUrl}scale-out.md)";
    }
}

/// <summary>An open push-down source with the as-of instant of the run.</summary>
internal sealed class SqlSourceData : IDisposable
{
    private readonly DbConnection _connection;

    private SqlSourceData(DbConnection connection, SqlLeadSource source, DateTimeOffset asOf, bool asOfFromData)
    {
        _connection = connection;
        Source = source;
        AsOf = asOf;
        AsOfFromData = asOfFromData;
    }

    public SqlLeadSource Source { get; }

    public DateTimeOffset AsOf { get; }

    public bool AsOfFromData { get; }

    public static SqlSourceData Open(string uri, string? table, string? columnsPath, RunContext run) => Open(uri, table, columnsPath, run, null);

    /// <summary>Opens the source; for a DuckDB file source (CSV or Parquet), <paramref name="touchpointsFile"/> (CSV or
    /// Parquet) becomes the temporary view <c>touchpoints</c> beside <c>leads</c>.</summary>
    public static SqlSourceData Open(string uri, string? table, string? columnsPath, RunContext run, string? touchpointsFile)
    {
        var mapping = LeadColumnMapping.Default.WithTimeZone(run.Settings.TimeZone.BaseUtcOffset);
        if (columnsPath is not null)
        {
            try
            {
                mapping = LeadColumnMapping.Parse(File.ReadAllText(columnsPath));
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new CliException($"{columnsPath}: {InputFiles.OneLine(e.Message)}");
            }
        }

        var (connection, dialect, name) = Connect(uri, table, touchpointsFile);
        try
        {
            var source = new SqlLeadSource(connection, dialect, name, mapping);
            if (run.Settings.ExplicitAsOf is { } asOf)
            {
                return new SqlSourceData(connection, source, asOf, false);
            }

            // As with --leads: the data's own "now", its latest recorded event, in --time-zone; the tool never reads the clock.
            var latest = Guard(() => source.LatestEvent()) ?? throw new CliException($"{uri}: no lead to analyse in {name}");
            return new SqlSourceData(connection, source, TimeZoneInfo.ConvertTime(latest, run.Settings.TimeZone), true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs a push-down query, turning the database's and the mapping's errors into one-line input errors.</summary>
    public static T Guard<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (Exception e) when (e is DbException or SqlSourceException or NotSupportedException)
        {
            throw new CliException(InputFiles.OneLine(e.Message));
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            throw new CliException("DuckDB's native library (libduckdb) was not found: the tool ships DuckDB's managed provider only; " +
                "put libduckdb for this platform on the library path (LD_LIBRARY_PATH, PATH or DYLD_LIBRARY_PATH). " + InputFiles.OneLine(e.Message));
        }
    }

    public void Dispose() => _connection.Dispose();

    private const string TouchpointsFileInDatabase = "--touchpoints FILE goes with a CSV or Parquet --source; in a database name the table with --touchpoints-table.";

    private static (DbConnection Connection, SqlDialect Dialect, SqlTableName Table) Connect(string uri, string? table, string? touchpointsFile)
    {
        SqlTableName name;
        try
        {
            name = SqlTableName.Parse(table ?? "leads");
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage("--table: " + InputFiles.OneLine(e.Message));
        }

        if (uri.StartsWith("duckdb:", StringComparison.OrdinalIgnoreCase))
        {
            return Guard(() => DuckDb(uri.Substring("duckdb:".Length), table, name, touchpointsFile));
        }

        if (touchpointsFile is not null)
        {
            throw CliException.Usage(TouchpointsFileInDatabase);
        }

        if (uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return (new NpgsqlConnection(PostgresConnectionString(uri)), SqlDialect.PostgreSql, name);
        }

        throw CliException.Usage($"--source: expected duckdb:PATH or postgresql://USER@HOST:PORT/DB, not '{uri}'.");
    }

    private static (DbConnection, SqlDialect, SqlTableName) DuckDb(string path, string? table, SqlTableName name, string? touchpointsFile)
    {
        var isFolder = Directory.Exists(path);
        if (!isFolder && !File.Exists(path))
        {
            throw new CliException($"{path}: no such file or folder");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var isParquet = isFolder || extension == ".parquet";
        var isCsv = extension is ".csv" or ".tsv" or ".gz";
        if (!isParquet && !isCsv)
        {
            if (touchpointsFile is not null)
            {
                throw CliException.Usage(TouchpointsFileInDatabase);
            }

            var database = new DuckDBConnection(new DbConnectionStringBuilder { ["DataSource"] = path, ["ACCESS_MODE"] = "READ_ONLY" }.ConnectionString);
            return (database, SqlDialect.DuckDb, name);
        }

        if (table is not null)
        {
            throw CliException.Usage("--table names a table in a database; a Parquet or CSV --source is read whole.");
        }

        // A file is read through a temporary view of an in-memory database. DuckDB takes no parameters in DDL, so the path is a
        // quoted string literal (it is the user's own argument, not data).
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var files = isFolder ? Path.Combine(path, "*.parquet") : path;
        var reader = isParquet ? "read_parquet" : "read_csv";
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TEMP VIEW leads AS SELECT * FROM {reader}({SqlDialectLiteral(files)})";
        command.ExecuteNonQuery();
        if (touchpointsFile is not null)
        {
            if (!File.Exists(touchpointsFile))
            {
                connection.Dispose();
                throw new CliException($"{touchpointsFile}: no such file");
            }

            var touchReader = Path.GetExtension(touchpointsFile).Equals(".parquet", StringComparison.OrdinalIgnoreCase) ? "read_parquet" : "read_csv";
            command.CommandText = $"CREATE TEMP VIEW touchpoints AS SELECT * FROM {touchReader}({SqlDialectLiteral(touchpointsFile)})";
            command.ExecuteNonQuery();
        }
        return (connection, SqlDialect.DuckDb, new SqlTableName("leads"));
    }

    private static string SqlDialectLiteral(string text) => "'" + text.Replace("'", "''") + "'";

    private static string PostgresConnectionString(string uri)
    {
        Uri parsed;
        try
        {
            parsed = new Uri(uri);
        }
        catch (UriFormatException e)
        {
            throw CliException.Usage($"--source: {InputFiles.OneLine(e.Message)}");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port <= 0 ? 5432 : parsed.Port,
            Database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/')),
        };
        if (parsed.UserInfo.Length > 0)
        {
            var parts = parsed.UserInfo.Split(new[] { ':' }, 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw CliException.Usage("--source: a PostgreSQL URI names its database: postgresql://USER@HOST:PORT/DB.");
        }

        return builder.ConnectionString;
    }
}
