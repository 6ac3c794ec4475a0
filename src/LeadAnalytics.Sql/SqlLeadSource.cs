using System.Data;
using System.Data.Common;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;

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
        Connection = Preconditions.CheckNotNull(connection);
        Dialect = Preconditions.CheckNotNull(dialect);
        Table = Preconditions.CheckNotNull(table);
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

    /// <summary>The effectiveness summary's partial computed in the database: the same <see cref="EffectivenessPartition"/>
    /// that <see cref="EffectivenessAnalyzer.AnalyzePartition"/> gives for a table of the same rows and options, to read with
    /// <see cref="EffectivenessPartition.ToResult"/> or to merge with partitions from elsewhere. Spend comes from the per-lead
    /// acquisition costs (a costs table is divided among all the leads at once: use the in-memory engine for it). The segments'
    /// maturity (<see cref="SegmentSummary.Maturity"/>) comes from the leads counted per outcome cause and whole-second time
    /// from acquisition, expanded in process to one 8-byte key per lead in scope and per level (segment and total), as the
    /// in-memory engine holds them; set <see cref="EffectivenessOptions.IncludeMaturity"/> off when the table is too large for that.</summary>
    /// <param name="asOf">Leads acquired after it do not exist yet; outcomes after it are ignored.</param>
    /// <param name="options">The scope (one or two dimensions, not tags; period, stale rule), the previous period, durations
    /// and thresholds; <see cref="EffectivenessOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentException">The options are invalid (as for <see cref="EffectivenessAnalyzer.Analyze"/>).</exception>
    /// <exception cref="NotSupportedException">The breakdown is by tag, or spend would come from a costs table.</exception>
    /// <exception cref="CurrencyMismatchException">The amounts are in more than one currency.</exception>
    /// <exception cref="SqlSourceException">A mapped column is missing or of the wrong type.</exception>
    /// <exception cref="DbException">The database refused the query.</exception>
    public EffectivenessPartition AnalyzeEffectiveness(DateTimeOffset asOf, EffectivenessOptions? options = null)
    {
        options ??= EffectivenessOptions.Default;
        options.Scope.Validate();
        var dimensions = options.Scope.Breakdown.ToArray();
        Preconditions.CheckArgument(dimensions.Length >= 1 && options.Scope.Cohort is null, nameof(options), "Break down by one dimension or a pair (Scope.Breakdown).");

        if (options.CostSource == CostSource.CostTable || (options.CostSource == CostSource.Auto && options.Costs is { } costs && costs.Any()))
        {
            throw new NotSupportedException("A costs table is divided among all the leads at once and is not pushed down; use per-lead costs (CostSource.PerLeadCosts) or the in-memory engine.");
        }

        var window = options.IncludeMaturity ? options.MaturityWindowSeconds : (long?)null;
        var current = QueryEffectiveness(asOf, dimensions, options.Scope.Period, options.Scope.StaleAfter, options.IncludeDurations, options.MaxListedLeadIds, out var currency, window);
        PeriodTally? previous = null;
        if (options.PreviousPeriod is { } p)
        {
            var sums = QueryEffectiveness(asOf, dimensions, p, options.Scope.StaleAfter, options.IncludeDurations, options.MaxListedLeadIds, out _, window);
            previous = Partials.Period(sums, p, dimensions, options.IncludeDurations, options.IncludeMaturity);
        }

        return new EffectivenessPartition(options, dimensions, asOf, currency, current.RowCount,
            Partials.Period(current, options.Scope.Period, dimensions, options.IncludeDurations, options.IncludeMaturity), previous, new List<CostAllocator.PreparedCost>());
    }

    /// <summary>Cycle time's partial computed in the database: the same <see cref="CycleTimePartition"/> that
    /// <see cref="CycleTimeAnalyzer.AnalyzePartition"/> gives for a table of the same rows and options (durations counted per
    /// whole second, so Kaplan-Meier, Aalen-Johansen, log-rank, RMST and quantiles are exact), to read with
    /// <see cref="CycleTimePartition.ToResult"/> or to merge.</summary>
    /// <param name="asOf">Leads acquired after it do not exist yet; outcomes after it are ignored.</param>
    /// <param name="options">The scope (at most one dimension, not tags; period, stale rule and treatment) and the
    /// statistics' conventions; <see cref="CycleTimeOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="NotSupportedException">The breakdown is by tag, or crosses two dimensions.</exception>
    /// <exception cref="SqlSourceException">A mapped column is missing or of the wrong type.</exception>
    /// <exception cref="DbException">The database refused the query.</exception>
    public CycleTimePartition AnalyzeCycleTime(DateTimeOffset asOf, CycleTimeOptions? options = null)
    {
        options ??= CycleTimeOptions.Default;
        options.Validate();
        var breakdown = options.Scope.Breakdown;
        if (breakdown.Count > 1)
        {
            throw new NotSupportedException("The cycle-time push-down takes at most one dimension; two crossed dimensions need the leads in memory (CycleTimeAnalyzer).");
        }

        Dimension? by = breakdown.Count == 1 ? breakdown[0] : null;
        var sums = QueryCycleTime(asOf, by, options.Scope);
        var segments = new Dictionary<SegmentKey, CycleTally>();
        if (by is { } dimension)
        {
            foreach (var pair in sums.Segments)
            {
                segments.Add(SegmentKey.Of(dimension, pair.Key), Partials.Tally(pair.Value));
            }

            if (sums.Missing is { } missing)
            {
                segments.Add(SegmentKey.Of(dimension, null), Partials.Tally(missing));
            }
        }

        var stages = Pipeline.Default.Stages.Select(s => s.Name).ToArray();
        return new CycleTimePartition(stages, asOf, options, sums.RowCount, Partials.Tally(sums.Overall()), segments);
    }

    /// <summary>The loss-reason analysis's partial computed in the database: the same <see cref="LossReasonPartition"/> that
    /// <see cref="LossReasonAnalyzer.AnalyzePartition"/> gives for a table of the same rows and options (lost and stale leads
    /// counted by segment × furthest stage × class × reason × channel, the won deals per channel as exact minor-unit sums, so
    /// lost revenue is priced exactly), to read with <see cref="LossReasonPartition.ToResult"/> or to merge with partitions
    /// from elsewhere. Reasons are normalised in process by the engine's own rule (trim, case fold, synonyms).</summary>
    /// <param name="asOf">Leads acquired after it do not exist yet; outcomes after it are ignored.</param>
    /// <param name="options">The scope (none, one dimension or a pair, not tags; period, stale rule and treatment), synonyms,
    /// case folding, the expected deal size and the dominance rule; <see cref="LossReasonOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentException">The options are invalid (as for <see cref="LossReasonAnalyzer.Analyze"/>).</exception>
    /// <exception cref="NotSupportedException">The breakdown is by tag.</exception>
    /// <exception cref="CurrencyMismatchException">The amounts are in more than one currency.</exception>
    /// <exception cref="SqlSourceException">A mapped column is missing or of the wrong type.</exception>
    /// <exception cref="DbException">The database refused the query.</exception>
    public LossReasonPartition AnalyzeLossReasons(DateTimeOffset asOf, LossReasonOptions? options = null)
    {
        options ??= LossReasonOptions.Default;
        LossReasonAnalyzer.Validate(options);
        var dimensions = options.Scope.Breakdown.ToArray();
        foreach (var d in dimensions)
        {
            FunnelQuery.FieldOf(d);
        }

        var currency = Run<Currency>(columns => (CurrencyQuery.Build(Dialect, Table, columns), reader => CurrencyQuery.Read(reader, DefaultCurrency)));
        var minorUnits = currency == Currency.None ? 0 : currency.MinorUnits;
        return Run<LossReasonPartition>(columns => (
            LossReasonQuery.Build(Dialect, columns, Table, dimensions, AsOfSeconds(asOf), options.Scope, minorUnits),
            reader => LossReasonQuery.Read(reader, dimensions, asOf, options, currency)));
    }

    // The effectiveness statistics of one period.
    internal EffectivenessSums QueryEffectiveness(DateTimeOffset asOf, IReadOnlyList<Dimension> dimensions, AcquisitionPeriod period, TimeSpan staleAfter,
        bool durations, int maxIds, out Currency currency, long? maturityWindowSeconds = null)
    {
        foreach (var d in dimensions)
        {
            FunnelQuery.FieldOf(d);
        }

        var found = Run<Currency>(columns => (CurrencyQuery.Build(Dialect, Table, columns), reader => CurrencyQuery.Read(reader, DefaultCurrency)));
        currency = found;
        var minorUnits = found == Currency.None ? 0 : found.MinorUnits;
        return Run<EffectivenessSums>(columns => (
            EffectivenessQuery.Build(Dialect, columns, Table, dimensions, AsOfSeconds(asOf), period, LeadTable.StaleSeconds(staleAfter), minorUnits, durations, maxIds, maturityWindowSeconds),
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

    /// <summary>The attribution journeys of the leads computed in the database from a touchpoints table: each lead's
    /// channels in time order (ties by channel, ordinally), cut at its won instant, loss or as-of and at the lookback window,
    /// counted per path with conversions, conversion value and non-converting journeys; a lead without any touchpoint is the
    /// one-step journey of its own channel (as <see cref="AttributionOptions.UseLeadSourceWhenNoTouchpoints"/> says). Only
    /// the path counts come back; analyse them with <see cref="AttributionAnalyzer.Analyze(AttributionJourneys, AttributionOptions?)"/>
    /// (Markov of any order, Shapley, first/last touch, linear, position-based), as from the same leads in memory.</summary>
    /// <param name="asOf">Leads acquired after it are not counted; a lead won or lost after it is still open.</param>
    /// <param name="touchpoints">The touchpoints table or view (columns from <see cref="LeadColumnMapping.GetTouchpointColumn"/>).</param>
    /// <param name="options">The lookback window, whether a lead without touches stands for its own source, and the scope's
    /// acquisition period (<see cref="AnalysisScope.Period"/>: only the leads acquired in it, half-open at the table's second,
    /// as in memory; the bounds are bound parameters); credit by channel only (a key selector or another dimension is not
    /// pushed down).</param>
    /// <returns>The journeys as aggregated paths, in the table's currency. Limited to a period, they may be analysed with the
    /// same options (that period) or with none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="touchpoints"/> is null.</exception>
    /// <exception cref="NotSupportedException">The options credit something other than the channel.</exception>
    /// <exception cref="ArgumentException">The scope is invalid.</exception>
    /// <exception cref="SqlSourceException">A mapped column is missing or of the wrong type.</exception>
    /// <exception cref="CurrencyMismatchException">The amounts are in more than one currency.</exception>
    /// <exception cref="DbException">The database refused the query.</exception>
    public AttributionJourneys QueryJourneys(DateTimeOffset asOf, SqlTableName touchpoints, AttributionOptions? options = null)
    {
        Preconditions.CheckNotNull(touchpoints);

        options ??= AttributionOptions.Default;
        if (options.By != Dimension.Channel || options.KeySelector is not null)
        {
            throw new NotSupportedException("Attribution push-down credits channels only (AttributionOptions.By = Channel, no KeySelector).");
        }

        options.Scope.Validate();
        var period = options.Scope.Period;
        var currency = Run<Currency>(columns => (CurrencyQuery.Build(Dialect, Table, columns), reader => CurrencyQuery.Read(reader, DefaultCurrency, wonDeals: true)));
        var minorUnits = currency == Currency.None ? 0 : currency.MinorUnits;
        var lookback = options.LookbackWindow is { } w ? w.Ticks / 10 : (long?)null;
        var paths = Run<List<AggregatedPath>>(columns =>
        {
            var touches = SourceColumns.Probe(Connection, Dialect, touchpoints, Mapping, CommandTimeoutSeconds);
            var command = PathQuery.Build(Dialect, columns, Table, touches, touchpoints, AsOfSeconds(asOf), FloorMicros(asOf), period, lookback,
                options.UseLeadSourceWhenNoTouchpoints, minorUnits);
            return (command, reader => PathQuery.Read(reader, Dialect, LeadTable.Pow10(minorUnits)));
        });
        return AttributionJourneys.FromPathsOfPeriod(paths, currency, period);
    }

    private static long FloorMicros(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - UnixEpochTicks;
        return ticks >= 0 || ticks % 10 == 0 ? ticks / 10 : (ticks / 10) - 1;
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
