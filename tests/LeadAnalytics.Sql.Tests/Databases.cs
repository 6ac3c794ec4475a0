using System.Data.Common;
using DuckDB.NET.Data;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LeadAnalytics.Sql.Tests;

/// <summary>
/// Where the engines under test are. DuckDB and SQLite run in process. PostgreSQL is the throwaway instance that .ci/run starts
/// (.ci/postgres.sh), named by LEADANALYTICS_TEST_POSTGRES; in CI (CI=true) its absence fails the tests, elsewhere it skips
/// them with the reason.
/// </summary>
internal static class Databases
{
    internal const string PostgresVariable = "LEADANALYTICS_TEST_POSTGRES";

    internal static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    internal static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    internal static string? PostgresSkipReason =>
        PostgresConnectionString is null && !InCi
            ? $"{PostgresVariable} is not set: start PostgreSQL with `source .ci/postgres.sh && pg_start` (.ci/run does) to run these tests"
            : null;

    internal static DbConnection OpenDuckDb()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    internal static DbConnection OpenPostgres()
    {
        var cs = PostgresConnectionString
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set in CI: .ci/run must start PostgreSQL (.ci/postgres.sh) before the tests.");
        var connection = new NpgsqlConnection(cs);
        connection.Open();
        return connection;
    }

    /// <summary>Runs a test on a fresh table name in PostgreSQL and drops the table afterwards (tests share one server).</summary>
    internal static void WithPostgresTable(Action<DbConnection, string> test)
    {
        using var connection = OpenPostgres();
        var table = "leads_" + Guid.NewGuid().ToString("N");
        try
        {
            test(connection, table);
        }
        finally
        {
            Execute(connection, "DROP TABLE IF EXISTS \"" + table + "\"");
        }
    }

    internal static DbConnection OpenSqlite()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>Adds the next positional parameter ($1, $2, ...): unnamed for DuckDB and Npgsql, named "$N" for SQLite, whose
    /// provider binds by name.</summary>
    internal static void Add(DbCommand command, object? value)
    {
        var p = command.CreateParameter();
        if (command is SqliteCommand)
        {
            p.ParameterName = "$" + (command.Parameters.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    internal static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A property over random data sets: its <c>int seed</c> is drawn from [0, 2^31) (<see cref="DataSetSeeds"/>), so MaxTest runs
/// give MaxTest different data sets. FsCheck's own ints are within ±(test size), at most ±100, and
/// <see cref="Random(int)"/> takes the absolute value, so 50 runs gave only about 30 different sets.
/// </summary>
public class SeedPropertyAttribute : PropertyAttribute
{
    public SeedPropertyAttribute()
    {
        Arbitrary = new[] { typeof(DataSetSeeds) };
    }
}

/// <summary>The seeds of random data sets: uniform over [0, 2^31 - 1], not shrunk (a smaller seed is not a smaller set).</summary>
public static class DataSetSeeds
{
    public static FsCheck.Arbitrary<int> Seed() => FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Choose(0, int.MaxValue));
}

/// <summary>A property test that needs PostgreSQL: skipped with the reason outside CI when no server is given.</summary>
public sealed class PostgresPropertyAttribute : SeedPropertyAttribute
{
    public PostgresPropertyAttribute()
    {
        if (Databases.PostgresSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A test that needs PostgreSQL: skipped with the reason outside CI when no server is given.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Databases.PostgresSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
