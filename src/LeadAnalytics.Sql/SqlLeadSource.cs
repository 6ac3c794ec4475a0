using System.Data;
using System.Data.Common;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Sql;

/// <summary>
/// A tracking table that stays in the user's database: the engines' partials are computed there by GROUP BY queries
/// generated from the column mapping, only the partials come back, and the engines' own merge and result code finish the
/// statistics, so the answer is the same object, with the same numbers, as from a <see cref="LeadTable"/> of the same rows.
/// </summary>
/// <example>
/// <code>
/// using var connection = new NpgsqlConnection("Host=127.0.0.1;Username=postgres;Database=crm");
/// var source = new SqlLeadSource(connection, SqlDialect.PostgreSql, SqlTableName.Parse("sales.leads"));
/// var byChannel = source.AnalyzeFunnel(asOf, new FunnelOptions { Scope = AnalysisScope.Default.WithBreakdown(Dimension.Channel) }).ToBreakdown();
/// </code>
/// </example>
/// <remarks>
/// <para>Works through any ADO.NET provider of a shipped <see cref="SqlDialect"/>; the package references none. The as-of
/// instant and thresholds are bound parameters; table and column names are quoted identifiers; no text from the user or
/// the data is pasted into SQL.</para>
/// <para>The rows are taken as they are: the data-quality rules that reject rows on import (docs/quality.md) do not run in
/// the database, so a table should pass <c>validate</c> for the answers to equal an import's. Instants are floored to the
/// second, as in a LeadTable.</para>
/// <para>Not thread-safe (one connection); the connection is opened when closed and closed again after each query.</para>
/// </remarks>
public sealed class SqlLeadSource
{
    /// <summary>Creates the source.</summary>
    /// <param name="connection">An open or closed connection of the dialect's provider.</param>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="table">The leads table or view, one row per lead.</param>
    /// <param name="mapping">Which column holds which field; <see cref="LeadColumnMapping.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/>, <paramref name="dialect"/> or <paramref name="table"/> is null.</exception>
    public SqlLeadSource(DbConnection connection, SqlDialect dialect, SqlTableName table, LeadColumnMapping? mapping = null)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        Table = table ?? throw new ArgumentNullException(nameof(table));
        Mapping = mapping ?? LeadColumnMapping.Default;
    }

    /// <summary>The connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The table.</summary>
    public SqlTableName Table { get; }

    /// <summary>The column mapping.</summary>
    public LeadColumnMapping Mapping { get; }

    /// <summary>The command timeout in seconds, or <see langword="null"/> for the provider's default.</summary>
    public int? CommandTimeoutSeconds { get; init; }

    /// <summary>The funnel's partial computed in the database: the same <see cref="FunnelPartition"/> that
    /// <see cref="FunnelAnalyzer.AnalyzePartition"/> gives for a table of the same rows and the same options, to read with
    /// <see cref="FunnelPartition.ToResult"/> or <see cref="FunnelPartition.ToBreakdown"/>, or to merge with partitions from
    /// elsewhere (other shards, other tables).</summary>
    /// <param name="asOf">Events after this instant are ignored; leads acquired after it are not counted.</param>
    /// <param name="options">The rules; <see cref="FunnelOptions.Default"/> when null. The segments are those of
    /// <see cref="FunnelOptions.Scope"/>'s breakdown (one or two dimensions, not tags, not cohorts yet); its acquisition
    /// period and stale rule apply as in memory.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="NotSupportedException">The scope's breakdown is by tag or cohort, or the options ask for a conversion
    /// window or recorded stages only: not pushed down yet.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="SqlSourceException">A mapped column is missing or of the wrong type.</exception>
    /// <exception cref="DbException">The database refused the query.</exception>
    public FunnelPartition AnalyzeFunnel(DateTimeOffset asOf, FunnelOptions? options = null)
    {
        options ??= FunnelOptions.Default;
        options.Validate();
        var grouping = FunnelGrouping.Of(options.Scope);
        if (grouping.Cohort is not null)
        {
            throw new NotSupportedException("Cohort funnels are not pushed down yet.");
        }

        if (options.ConversionWindow is not null || options.RequireRecordedStages)
        {
            throw new NotSupportedException("Conversion windows and RequireRecordedStages are not pushed down yet.");
        }

        foreach (var d in grouping.Dimensions)
        {
            FunnelQuery.FieldOf(d);
        }

        return Run<FunnelPartition>(columns =>
        {
            var command = FunnelQuery.Build(Dialect, Table, columns, grouping, AsOfSeconds(asOf), options.Scope, options.IncludeStepDurations);
            return (command, reader => FunnelQuery.Read(reader, grouping, asOf, options));
        });
    }

    /// <summary>The currency of amounts when the mapping has no currency column or a row leaves it empty; CNY (the CSV
    /// reader's default) unless set.</summary>
    public Currency DefaultCurrency { get; init; } = Currency.CNY;

    // The effectiveness statistics of one period (the public partial follows once the engine exposes one).
    internal EffectivenessSums QueryEffectiveness(DateTimeOffset asOf, IReadOnlyList<Dimension> dimensions, AcquisitionPeriod period, TimeSpan staleAfter,
        bool durations, int maxIds, out Currency currency)
    {
        foreach (var d in dimensions)
        {
            FunnelQuery.FieldOf(d);
        }

        var found = Run<Currency>(columns => (CurrencyQuery.Build(Dialect, Table, columns), reader => CurrencyQuery.Read(reader, DefaultCurrency)));
        currency = found;
        var minorUnits = found == Currency.None ? 0 : found.MinorUnits;
        return Run<EffectivenessSums>(columns => (
            EffectivenessQuery.Build(Dialect, columns, Table, dimensions, AsOfSeconds(asOf), period, LeadTable.StaleSeconds(staleAfter), minorUnits, durations, maxIds),
            reader => EffectivenessQuery.Read(reader, maxIds)));
    }

    // The cycle-time statistics (the public partial follows once the engine exposes one).
    internal CycleSums QueryCycleTime(DateTimeOffset asOf, Dimension? segmentBy, AnalysisScope scope)
    {
        if (segmentBy is { } by)
        {
            FunnelQuery.FieldOf(by);
        }

        return Run<CycleSums>(columns => (
            CycleTimeQuery.Build(Dialect, columns, Table, segmentBy, AsOfSeconds(asOf), scope.Period, LeadTable.StaleSeconds(scope.StaleAfter), scope.StaleCountsAsLost),
            CycleTimeQuery.Read));
    }

    /// <summary>The latest instant recorded in the table: any stage, lost or last activity of a lead with an acquisition
    /// instant (the tool's default as-of, "the data's own now").</summary>
    /// <returns>The instant (UTC, to the microsecond), or <see langword="null"/> when the table has no lead.</returns>
    /// <exception cref="SqlSourceException">A mapped column is missing or of the wrong type.</exception>
    /// <exception cref="DbException">The database refused the query.</exception>
    public DateTimeOffset? LatestEvent() => Run<DateTimeOffset?>(columns => (LeadRowsSql.LatestEvent(Dialect, Table, columns), reader =>
        reader.Read() && !reader.IsDBNull(0) ? new DateTimeOffset(UnixEpochTicks + (reader.GetInt64(0) * 10), TimeSpan.Zero) : null));

    private static readonly long UnixEpochTicks = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    // Whole seconds since the Unix epoch, floored (the LeadTable's rule: instants are kept to the second).
    internal static long AsOfSeconds(DateTimeOffset asOf)
    {
        var ticks = asOf.UtcTicks - UnixEpochTicks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        return ticks < 0 && ticks % TimeSpan.TicksPerSecond != 0 ? seconds - 1 : seconds;
    }

    // Whole seconds since the Unix epoch, rounded up (TableTime's rule for acquisition-period bounds: a lead stored at second
    // t is at or after a bound b when t >= ceil(b)).
    internal static long CeilSeconds(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - UnixEpochTicks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        return ticks > 0 && ticks % TimeSpan.TicksPerSecond != 0 ? seconds + 1 : seconds;
    }

    private T Run<T>(Func<SourceColumns, (SqlCommandText Command, Func<DbDataReader, T> Read)> query)
    {
        var opened = false;
        if (Connection.State != ConnectionState.Open)
        {
            Connection.Open();
            opened = true;
        }

        try
        {
            var columns = SourceColumns.Probe(Connection, Dialect, Table, Mapping, CommandTimeoutSeconds);
            var (text, read) = query(columns);
            using var command = text.Create(Connection, CommandTimeoutSeconds);
            using var reader = command.ExecuteReader();
            return read(reader);
        }
        finally
        {
            if (opened)
            {
                Connection.Close();
            }
        }
    }
}
