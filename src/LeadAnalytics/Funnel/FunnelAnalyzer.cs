using LeadAnalytics.Data;

namespace LeadAnalytics.Funnel;

/// <summary>
/// The funnel engine: where the pipeline leaks, as of an instant. Reads a <see cref="LeadTable"/> column by column,
/// groups by int code and counts every lead once, in the stage it stopped at and the reason (lost, stale, open,
/// expired, unrecorded); reach, conversion, drop-off and both views are sums of those counts.
/// </summary>
/// <example>
/// <code>
/// var table = LeadTable.Build(leads);
/// var funnel = FunnelAnalyzer.Analyze(table, asOf);
/// foreach (var step in funnel.Steps)
///     Console.WriteLine($"{step.From.Name} -> {step.To.Name}: drop-off {step.Resolved.DropOff}");
/// var byChannel = FunnelAnalyzer.Analyze(table, asOf, new FunnelOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
/// foreach (var segment in byChannel.Segments)
///     Console.WriteLine($"{segment.Label}: {segment.Funnel.OverallConversion}");
/// var monthly = FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Month);
/// </code>
/// </example>
/// <remarks>Pure: never reads the clock (as-of is an argument) and does no I/O. Deterministic: the same leads in any
/// order, partitioning or thread count give identical results. Thread-safe.</remarks>
public static class FunnelAnalyzer
{
    /// <summary>The funnel of the leads in scope, and one funnel per segment of <see cref="FunnelOptions.Scope"/>'s breakdown
    /// (<see cref="FunnelResult.Segments"/>) or cohorts (<see cref="FunnelResult.Cohorts"/>).</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored; leads acquired after it are not counted.</param>
    /// <param name="options">The rules; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <returns>The funnel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or a target names a stage no step leaves.</exception>
    public static FunnelResult Analyze(LeadTable table, DateTimeOffset asOf, FunnelOptions? options = null) =>
        AnalyzePartition(table, asOf, 0, CheckTable(table).Count, options).ToResult();

    /// <summary>The funnel per segment of <see cref="FunnelOptions.Scope"/>'s breakdown, with the total: a convenience over
    /// <see cref="Analyze"/> for code that wants the segments as the main result.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="options">The rules, with at least one breakdown dimension.</param>
    /// <returns>The segments and the total.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or the scope has no breakdown dimension.</exception>
    public static FunnelBreakdown AnalyzeBy(LeadTable table, DateTimeOffset asOf, FunnelOptions options) =>
        AnalyzePartition(table, asOf, 0, CheckTable(table).Count, Preconditions.CheckNotNull(options, nameof(options))).ToBreakdown();

    /// <summary>The funnel per value of one dimension (for <see cref="Dimension.Tag"/>, per tag: segments overlap): the
    /// options with <c>Scope.Breakdown = [dimension]</c>.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="dimension">The dimension.</param>
    /// <param name="options">The rules; <see cref="FunnelOptions.Default"/> when null (its breakdown is replaced).</param>
    /// <returns>The segments and the total.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">An option or the dimension is out of range.</exception>
    public static FunnelBreakdown AnalyzeBy(LeadTable table, DateTimeOffset asOf, Dimension dimension, FunnelOptions? options = null) =>
        AnalyzeBy(table, asOf, With(options, s => s.WithBreakdown(dimension)));

    /// <summary>The funnel per observed combination of two dimensions: the options with
    /// <c>Scope.Breakdown = [first, second]</c>.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="first">The first dimension.</param>
    /// <param name="second">The second dimension (not the first; at most one of them <see cref="Dimension.Tag"/>).</param>
    /// <param name="options">The rules; <see cref="FunnelOptions.Default"/> when null (its breakdown is replaced).</param>
    /// <returns>The segments and the total.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">An option or a dimension is out of range, or the dimensions are equal.</exception>
    public static FunnelBreakdown AnalyzeBy(LeadTable table, DateTimeOffset asOf, Dimension first, Dimension second, FunnelOptions? options = null) =>
        AnalyzeBy(table, asOf, With(options, s => s.WithBreakdown(first, second)));

    /// <summary>The funnel per acquisition cohort, and each step's trend across cohorts: the options with
    /// <c>Scope.Cohort = period</c>.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="period">Day, ISO week, month or quarter (boundaries at <see cref="AnalysisScope.CohortUtcOffset"/>).</param>
    /// <param name="options">The rules; <see cref="FunnelOptions.Default"/> when null (its breakdown is replaced).</param>
    /// <returns>The cohorts, the total and the trends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">An option or the period is out of range.</exception>
    public static FunnelCohorts AnalyzeCohorts(LeadTable table, DateTimeOffset asOf, CohortPeriod period, FunnelOptions? options = null) =>
        AnalyzePartition(table, asOf, 0, CheckTable(table).Count, With(options, s => s.WithCohorts(period))).ToCohorts();

    /// <summary>The funnel per acquisition cohort within each value of one dimension (cohort × segment cells, for example
    /// month × channel), beside the cohorts of all leads: <see cref="FunnelCohorts.Segments"/>. Each cell carries its
    /// maturity and projected conversion at W, borrowing the time profile from its own segment's leads (the older cohorts
    /// of the same channel), and each segment its own <see cref="CohortConversionTrend"/>.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="period">Day, ISO week, month or quarter (boundaries at <see cref="AnalysisScope.CohortUtcOffset"/>).</param>
    /// <param name="dimension">The dimension of the segments (not <see cref="Dimension.Tag"/>).</param>
    /// <param name="options">The rules; <see cref="FunnelOptions.Default"/> when null (its breakdown is replaced).</param>
    /// <returns>The cohorts of all leads, the total, the trends, and the cohorts of each segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">An option, the period or the dimension is out of range; the dimension is
    /// <see cref="Dimension.Tag"/>; or the cohorts × values exceed 65,536 cells.</exception>
    public static FunnelCohorts AnalyzeCohorts(LeadTable table, DateTimeOffset asOf, CohortPeriod period, Dimension dimension, FunnelOptions? options = null)
    {
        var grouping = FunnelGrouping.ByCohort(period, dimension);
        return Partition(table, asOf, 0, CheckTable(table).Count, With(options, s => s.WithCohorts(period)), grouping).ToCohorts();
    }

    /// <summary>The mergeable state of the funnel over a range of rows, for computing partitions separately (threads,
    /// processes, machines, separately built tables) and merging them with <see cref="FunnelPartition.Merge(FunnelPartition)"/>.
    /// The segments are those of <see cref="FunnelOptions.Scope"/>.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="startRow">The first row.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="options">The rules; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row range lies outside the table.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or a target names a stage no step leaves.</exception>
    public static FunnelPartition AnalyzePartition(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, FunnelOptions? options = null) =>
        Partition(table, asOf, startRow, rowCount, options, null);

    // The partition by the scope's grouping, or by the one given (cohorts within segments, which a scope does not express).
    private static FunnelPartition Partition(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, FunnelOptions? options, FunnelGrouping? grouping)
    {
        CheckTable(table);
        if (startRow < 0 || rowCount < 0 || startRow > table.Count - rowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, $"Rows {startRow} to {startRow + rowCount - 1} are not all in a table of {table.Count} rows.");
        }

        options ??= FunnelOptions.Default;
        options.Validate();
        grouping ??= FunnelGrouping.Of(options.Scope);
        var targets = FunnelResultFactory.ResolveTargets(table.Pipeline, options.Targets);
        var asOfSeconds = table.ToSeconds(asOf);
        var end = startRow + rowCount;
        var plan = new SegmentGrouping(table, grouping.Dimensions, grouping.Cohort, asOfSeconds, startRow, end, options.Scope.CohortUtcOffset);
        var tallies = FunnelPass.Run(table, asOfSeconds, options, plan, startRow, end);
        var layout = new FunnelLayout(table.Pipeline.Count);
        if (options.IncludesMaturity)
        {
            var leads = new long[plan.Count];
            for (var g = 0; g < leads.Length; g++)
            {
                leads[g] = tallies[g].Leads(layout);
            }

            var maturity = MaturityTally.Run(table, asOfSeconds, options.Scope, options.MaturityWindowSeconds, plan, leads, startRow, end);
            for (var g = 0; g < tallies.Length; g++)
            {
                tallies[g] = tallies[g].WithMaturity(maturity[g]);
            }
        }

        var segments = new Dictionary<GroupKey, FunnelTally>();
        for (var g = 0; g < plan.Total; g++)
        {
            if (tallies[g].Leads(layout) > 0)
            {
                segments.Add(plan.KeyOf(g), tallies[g]);
            }
        }

        return new FunnelPartition(grouping, asOf, table.Pipeline, options, targets, rowCount, tallies[plan.Total], segments, RecordedStages(table, startRow, end));
    }

    /// <summary>Per stage, whether any row in the range has a timestamp for it (stops at the first one found).</summary>
    private static bool[] RecordedStages(LeadTable table, int startRow, int end)
    {
        var recorded = new bool[table.Pipeline.Count];
        for (var s = 0; s < recorded.Length; s++)
        {
            var column = table.StageSeconds[s];
            for (var r = startRow; r < end && !recorded[s]; r++)
            {
                recorded[s] = column[r] != LeadTable.MissingTime;
            }
        }

        return recorded;
    }

    private static FunnelOptions With(FunnelOptions? options, Func<AnalysisScope, AnalysisScope> scope)
    {
        options ??= FunnelOptions.Default;
        return options.WithScope(scope(options.Scope));
    }

    private static LeadTable CheckTable(LeadTable table) => Preconditions.CheckNotNull(table, nameof(table));
}
