using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Funnel;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

/// <summary>
/// Channel and strategy effectiveness (the template's Table 2): per segment of one or two dimensions and per acquisition
/// period, leads and outcomes, conversion with its interval, spend, cost per lead and per customer, revenue, ROAS, ROI, deal
/// size, cycle and speed to lead, shares of the totals, significance against the rest, findings, and period over period.
/// </summary>
/// <remarks>
/// <para><b>Spend.</b> With a costs table (<see cref="CostSource.CostTable"/>, or <see cref="CostSource.Auto"/> and at least
/// one entry), each entry's part inside the report period (pro rata by exact time overlap, rounded to the minor unit so that
/// adjacent periods split it exactly) is divided equally among the leads it matches: same channel, strategy or content
/// value, acquired inside that overlap. The minor units left over go one each to the matching leads first by lead id. A
/// segment's spend is the sum of its leads' shares, so a channel cost in a channel × industry breakdown splits across
/// industries by lead count. Without a table, a lead's own acquisition cost is its spend; the two sources are never mixed.
/// A segment none of whose leads has cost information has undefined (null) spend.</para>
/// <para><b>Conservation.</b> Allocated spend sums exactly to the in-period cost total less the entries that matched no lead,
/// which are listed in <see cref="CostSummary.UnmatchedCosts"/> (and raised as findings); leads without any cost are counted.</para>
/// <para>Pure: no clock, no I/O. Deterministic: the result does not depend on the order of leads or costs.</para>
/// </remarks>
public static class EffectivenessAnalyzer
{
    private const double SecondsPerDay = 86_400.0;
    private const double SecondsPerHour = 3_600.0;

    /// <summary>Summarises effectiveness by segment for a period, with findings and, when asked, the previous period.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant: leads acquired after it do not exist yet; outcomes after it are ignored.</param>
    /// <param name="options">The scope (breakdown, period, stale rule...), costs, cost source and thresholds;
    /// <see cref="EffectivenessOptions.Default"/> when null.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null, or the costs contain null.</exception>
    /// <exception cref="ArgumentException">The options are invalid: more than two dimensions, a repeated or unknown one,
    /// cohorts, an unknown ranking metric, a confidence level outside (0, 1), or a currency converter that makes a cost negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A shared option is out of range (<see cref="AnalysisScope"/>).</exception>
    /// <exception cref="CurrencyMismatchException">A cost is in another currency than the table's and no converter is given.</exception>
    public static EffectivenessResult Analyze(LeadTable table, DateTimeOffset asOf, EffectivenessOptions? options = null) =>
        Count(Preconditions.CheckNotNull(table), asOf, 0, table.Count, options ?? EffectivenessOptions.Default, partition: false).ToResult();

    /// <summary>The mergeable state of the summary over a range of rows, for computing partitions separately (threads,
    /// processes, machines, separately built tables) and merging them with
    /// <see cref="EffectivenessPartition.Merge(EffectivenessPartition)"/>; <see cref="EffectivenessPartition.ToResult"/> of the
    /// merge equals <see cref="Analyze"/> over all the rows. Spend comes from per-lead costs.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="startRow">The first row.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="options">The options; <see cref="EffectivenessOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row range lies outside the table, or a shared option is out of range.</exception>
    /// <exception cref="ArgumentException">The options are invalid (as for <see cref="Analyze"/>), or spend would come from a
    /// costs table (allocated over all leads at once, so not per partition).</exception>
    public static EffectivenessPartition AnalyzePartition(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, EffectivenessOptions? options = null)
    {
        Preconditions.CheckNotNull(table);
        Partitions.CheckRows(table.Count, startRow, rowCount);
        return Count(table, asOf, startRow, rowCount, options ?? EffectivenessOptions.Default, partition: true);
    }

    private static EffectivenessPartition Count(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, EffectivenessOptions options, bool partition)
    {
        var dimensions = CheckOptions(options);
        var costList = options.Costs?.ToList();
        if (costList is not null)
        {
            Preconditions.CheckNoNullItem(costList, nameof(options), "The costs table contains a null entry.");
        }

        var source = options.CostSource switch
        {
            CostSource.CostTable => CostSource.CostTable,
            CostSource.PerLeadCosts => CostSource.PerLeadCosts,
            _ => costList is { Count: > 0 } ? CostSource.CostTable : CostSource.PerLeadCosts,
        };
        Preconditions.CheckArgument(!partition || source == CostSource.PerLeadCosts, nameof(options),
            "A costs table is divided among all the leads it matches at once, so partitions take per-lead costs (CostSource.PerLeadCosts); use Analyze for a costs table.");
        var tableCosts = source == CostSource.CostTable ? costList ?? new List<CostEntry>() : new List<CostEntry>();
        var currency = ReportCurrency(table, tableCosts);
        var prepared = CostAllocator.Prepare(tableCosts, table, currency, options.CurrencyConverter);
        var end = startRow + rowCount;
        var current = Period(table, prepared, source, currency, asOf, options.Scope.Period, dimensions, options, startRow, end);
        var previous = options.PreviousPeriod is { } previousPeriod
            ? Period(table, prepared, source, currency, asOf, previousPeriod, dimensions, options, startRow, end)
            : null;
        return new EffectivenessPartition(options, dimensions, asOf, currency, rowCount, current, previous, prepared);
    }

    // The summary of a partition: every figure from its counts and sums, so a merge of partitions gives the single pass's.
    internal static EffectivenessResult Finish(EffectivenessPartition partition)
    {
        var current = Finish(partition, partition.Current);
        if (partition.Previous is { } previousTally)
        {
            var previous = Finish(partition, previousTally);
            var changes = new List<SegmentChange>();
            var seen = new HashSet<SegmentKey>();
            foreach (var s in current.Segments)
            {
                seen.Add(s.Key);
                changes.Add(new SegmentChange(s.Key, s, previous.Find(s.Key)));
            }

            var onlyPrevious = new List<SegmentSummary>();
            foreach (var s in previous.Segments)
            {
                if (!seen.Contains(s.Key))
                {
                    onlyPrevious.Add(s);
                }
            }

            onlyPrevious.Sort((x, y) => x.Key.CompareTo(y.Key));
            foreach (var s in onlyPrevious)
            {
                changes.Add(new SegmentChange(s.Key, null, s));
            }

            current.AttachPrevious(previous, changes, new SegmentChange(SegmentKey.All, current.Total, previous.Total));
        }

        return current;
    }

    private static PeriodTally Period(LeadTable table, List<CostAllocator.PreparedCost> costs, CostSource source, Currency currency, DateTimeOffset asOf,
        AcquisitionPeriod period, Dimension[] dimensions, EffectivenessOptions options, int startRow, int endRow)
    {
        var asOfSeconds = table.ToSeconds(asOf);
        var (from, to) = TableTime.Bounds(table, period);
        var scale = LeadTable.Pow10(currency.MinorUnits);
        SegmentAggregator.Aggregate aggregate;
        long spendMinor;
        int withoutCost;
        IReadOnlyList<string> ids;
        CostSummary? allocated = null;
        var grouping = new SegmentGrouping(table, dimensions, null, asOfSeconds, startRow, endRow, TimeSpan.Zero);
        if (source == CostSource.CostTable)
        {
            var rows = SelectRows(table, from, to, asOfSeconds, options, startRow, endRow);
            var allocation = CostAllocator.Allocate(table, rows, costs, period.From?.UtcTicks, period.To?.UtcTicks, scale, options);
            var unmatched = new List<UnmatchedCost>(allocation.Unmatched.Count);
            foreach (var (cost, minor, reason) in allocation.Unmatched)
            {
                unmatched.Add(new UnmatchedCost(cost.Entry, minor / scale, reason));
            }

            unmatched.Sort(CompareUnmatched);
            withoutCost = Count(allocation.HasCost, false);
            ids = IdsWithoutCost(table, rows, 0, 0, allocation.HasCost, options.MaxListedLeadIds);
            spendMinor = allocation.AllocatedMinor;
            allocated = new CostSummary(source, currency, allocation.InPeriodMinor / scale, allocation.AllocatedMinor / scale, unmatched,
                allocation.EntriesOutsidePeriod, withoutCost, ids);
            aggregate = SegmentAggregator.Run(table, rows, startRow, endRow, grouping, allocation.Spend, allocation.HasCost, asOfSeconds, options);
        }
        else
        {
            // Per-lead costs are read from the table's column where the rows are counted (no per-row copy: 80 MB at 10M
            // leads), and the total group holds every counted row once. When every row is in scope (OutcomeClassifier's
            // AllAcquiredInScope) the rows are the range itself, with no list of them.
            var everyRow = new OutcomeClassifier(table, asOfSeconds, options.Scope.WithPeriod(period)).AllAcquiredInScope;
            var rows = everyRow ? null : SelectRows(table, from, to, asOfSeconds, options, startRow, endRow);
            aggregate = SegmentAggregator.Run(table, rows, startRow, endRow, grouping, null, null, asOfSeconds, options);
            spendMinor = aggregate.Total.SpendMinor;
            withoutCost = aggregate.Total.Leads - aggregate.Total.LeadsWithCost;
            ids = withoutCost == 0 ? Array.Empty<string>() : IdsWithoutCost(table, rows, startRow, endRow, null, options.MaxListedLeadIds);
        }

        var maturity = options.IncludeMaturity ? Maturity(table, dimensions, period, asOfSeconds, options, startRow, endRow) : null;
        var segments = new Dictionary<SegmentKey, SegmentTally>(aggregate.Keys.Length);
        for (var s = 0; s < aggregate.Keys.Length; s++)
        {
            segments.Add(aggregate.Keys[s], new SegmentTally(aggregate.Figures[s], aggregate.Durations?[s], maturity?[aggregate.Keys[s]]));
        }

        var total = new SegmentTally(aggregate.Total, aggregate.Durations?[aggregate.Keys.Length], maturity?[SegmentKey.All]);
        return new PeriodTally(period, segments, total, aggregate.Overlap, spendMinor, withoutCost, ids, allocated);
    }

    // Every in-period lead's outcome time per segment (the total under SegmentKey.All), for its maturity and projection.
    private static Dictionary<SegmentKey, MaturityTally> Maturity(LeadTable table, Dimension[] dimensions, AcquisitionPeriod period, int asOfSeconds,
        EffectivenessOptions options, int startRow, int endRow)
    {
        var plan = new SegmentGrouping(table, dimensions, null, asOfSeconds, startRow, endRow, TimeSpan.Zero);
        var tallies = MaturityTally.Run(table, asOfSeconds, options.Scope.WithPeriod(period), options.MaturityWindowSeconds, plan, startRow, endRow);
        var byKey = new Dictionary<SegmentKey, MaturityTally>();
        for (var g = 0; g < plan.Total; g++)
        {
            if (tallies[g].Keys.Length > 0)
            {
                byKey.Add(plan.SegmentKeyOf(g), tallies[g]);
            }
        }

        byKey.Add(SegmentKey.All, tallies[plan.Total]);
        return byKey;
    }

    private static EffectivenessResult Finish(EffectivenessPartition partition, PeriodTally tally)
    {
        var options = partition.Options;
        var dimensions = partition.Dimensions;
        var currency = partition.Currency;
        var period = tally.Period;
        var scale = LeadTable.Pow10(currency.MinorUnits);
        var costSummary = tally.Allocated ?? new CostSummary(CostSource.PerLeadCosts, currency, tally.SpendMinor / scale, tally.SpendMinor / scale,
            Array.Empty<UnmatchedCost>(), 0, tally.WithoutCost, tally.IdsWithoutCost);

        // Segments in key order (ranked below), so nothing depends on the order rows or partitions came in.
        var keys = tally.Segments.Keys.ToArray();
        Array.Sort(keys);
        var n = keys.Length;
        var figures = new SegmentFigures[n];
        var won = new long[n];
        var leads = new long[n];
        for (var s = 0; s < n; s++)
        {
            figures[s] = WithMedians(tally.Segments[keys[s]], options);
            won[s] = figures[s].Won;
            leads[s] = figures[s].Leads;
        }

        var totalFigures = WithMedians(tally.Total, options);
        var versusRest = ProportionTests.EachVersusRest(won, leads, totalFigures.Won, totalFigures.Leads, options.TestMethod);
        var summaries = new SegmentSummary[n];
        var projected = ProjectedSegments(leads, keys);
        for (var s = 0; s < n; s++)
        {
            summaries[s] = new SegmentSummary(keys[s], figures[s], totalFigures, scale, options.StaleCountsAsLost, options.Confidence,
                options.IntervalMethod, versusRest[s], projected is null || projected[s] ? Maturity(tally.Segments[keys[s]], tally.Total, options) : null);
        }

        var totalSummary = new SegmentSummary(SegmentKey.All, totalFigures, totalFigures, scale, options.StaleCountsAsLost, options.Confidence, options.IntervalMethod, null,
            Maturity(tally.Total, tally.Total, options));
        AdAllocator.Apply(summaries, totalSummary, dimensions, partition.Costs, period.From?.UtcTicks, period.To?.UtcTicks, scale, options.Confidence, options.IntervalMethod);
        Profit.Apply(summaries, totalSummary, tally.Overlap, options);
        Rank(summaries, options);

        HypothesisTestResult? independence = null;
        if (!tally.Overlap)
        {
            // In ranked order (deterministic), so the floating-point sum does not depend on the order rows arrived in.
            var contingency = new long[n][];
            for (var s = 0; s < n; s++)
            {
                contingency[s] = new long[] { summaries[s].Won, summaries[s].Leads - summaries[s].Won };
            }

            independence = ProportionTests.ChiSquareIndependence(contingency);
        }

        var findings = FindingRules.Evaluate(summaries, totalSummary, costSummary, options.Findings);
        return new EffectivenessResult(dimensions, period, partition.AsOf, currency, options.RankBy, tally.Overlap, summaries, totalSummary, independence, costSummary, findings);
    }

    /// <summary>The most segments that get a maturity projection (<see cref="SegmentSummary.Maturity"/>): with more, only the
    /// largest this many by leads (ties by key) do and the others' is <see langword="null"/>. A young segment's projection
    /// refits the pooled leads followed beyond it, so its cost grows with the whole table: at 100,000 segments the
    /// projections alone took longer than every other figure together.</summary>
    internal const int MaxProjectedSegments = 1_000;

    // Which segments get a projection: all of them up to MaxProjectedSegments, else the largest by leads (null: all).
    private static bool[]? ProjectedSegments(long[] leads, SegmentKey[] keys)
    {
        if (keys.Length <= MaxProjectedSegments)
        {
            return null;
        }

        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(order, (x, y) => leads[x] != leads[y] ? leads[y].CompareTo(leads[x]) : keys[x].CompareTo(keys[y]));
        var projected = new bool[keys.Length];
        for (var i = 0; i < MaxProjectedSegments; i++)
        {
            projected[order[i]] = true;
        }

        return projected;
    }

    // A segment's own Aalen-Johansen curve as far as its leads were followed, the period's pooled leads beyond (docs/effectiveness.md).
    private static FunnelMaturity? Maturity(SegmentTally segment, SegmentTally total, EffectivenessOptions options) =>
        segment.Maturity is { } cell && total.Maturity is { } pooled
            ? MaturityProjection.Compute(cell, pooled, options.MaturityWindowSeconds, options.Confidence)
            : null;

    // The integer figures with the medians and percentiles of their durations (R7 or R8 on the exact order statistics).
    private static SegmentFigures WithMedians(SegmentTally tally, EffectivenessOptions options)
    {
        var f = tally.Figures;
        if (options.IncludeDurations && tally.Durations is { } d)
        {
            var method = options.QuantileMethod;
            f.MedianCycleDays = d.Cycle.Quantile(0.5, method, SecondsPerDay);
            f.MedianDaysToWin = d.Win.Quantile(0.5, method, SecondsPerDay);
            f.SpeedToLeadMedianHours = d.Speed.Quantile(0.5, method, SecondsPerHour);
            f.SpeedToLeadP90Hours = d.Speed.Quantile(0.9, method, SecondsPerHour);
        }

        return f;
    }

    // The in-period rows in row order: each chunk counts its rows, then writes them after the earlier chunks' rows.
    private static int[] SelectRows(LeadTable table, int from, int to, int asOfSeconds, EffectivenessOptions options, int startRow, int endRow)
    {
        var acquired = table.StageSeconds[0];
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(startRow, endRow, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var counts = new int[chunks + 1];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var n = 0;
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                if (acquired[row] >= from && acquired[row] < to && acquired[row] <= asOfSeconds)
                {
                    n++;
                }
            }

            counts[c + 1] = n;
        });
        for (var c = 0; c < chunks; c++)
        {
            counts[c + 1] += counts[c];
        }

        var rows = new int[counts[chunks]];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var k = counts[c];
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                if (acquired[row] >= from && acquired[row] < to && acquired[row] <= asOfSeconds)
                {
                    rows[k++] = row;
                }
            }
        });
        return rows;
    }

    private static void Rank(SegmentSummary[] summaries, EffectivenessOptions options)
    {
        var metric = MetricCatalog.Find(options.RankBy)!;
        var descending = options.RankDescending ?? metric.HigherIsBetter ?? true;
        var values = new Dictionary<SegmentSummary, double?>(summaries.Length);
        foreach (var s in summaries)
        {
            values[s] = s.GetValue(options.RankBy);
        }

        Array.Sort(summaries, (x, y) =>
        {
            double? a = values[x], b = values[y];
            if (a is { } va && b is { } vb && va != vb)
            {
                return descending ? vb.CompareTo(va) : va.CompareTo(vb);
            }

            if (a.HasValue != b.HasValue)
            {
                return a.HasValue ? -1 : 1; // undefined last
            }

            return x.Key.CompareTo(y.Key);
        });
        for (var i = 0; i < summaries.Length; i++)
        {
            summaries[i].AssignRank(i + 1);
        }
    }

    private static Dimension[] CheckOptions(EffectivenessOptions options)
    {
        options.Scope.Validate();
        var dimensions = options.Scope.Breakdown.ToArray();
        Preconditions.CheckArgument(options.Scope.Cohort is null, nameof(options), "Effectiveness breaks down by dimensions (none for the total only), not by cohort.");

        if (options.RankBy is null || !SegmentSummary.MetricIdsOfSegments.Contains(options.RankBy))
        {
            throw new ArgumentException($"'{options.RankBy}' is not a segment metric; use one of {string.Join(", ", SegmentSummary.MetricIdsOfSegments)}.", nameof(options));
        }

        Preconditions.CheckArgument(!(options.DefaultGrossMargin > 1m) && (options.GrossMarginBySegment is not { } margins || !margins.Values.Any(m => m > 1m)), nameof(options), "A gross margin is a fraction of revenue and cannot exceed 1.");

        Preconditions.CheckRange(options.MaturityWindow is not { } window || window.TotalSeconds >= 1, options.MaturityWindow, "The maturity window must be at least one second (null means the default).", nameof(options));

        Preconditions.CheckArgument(options.Findings is not null && options.MaxListedLeadIds >= 0, nameof(options), "Findings options are required and MaxListedLeadIds must not be negative.");

        return dimensions;
    }

    // The table's currency; a table without amounts takes the costs' single currency.
    private static Currency ReportCurrency(LeadTable table, List<CostEntry> costs)
    {
        if (table.Currency != Currency.None || costs.Count == 0)
        {
            return table.Currency;
        }

        var currencies = new SortedSet<Currency>();
        foreach (var c in costs)
        {
            currencies.Add(c.Amount.Currency);
        }

        if (currencies.Count > 1)
        {
            var two = currencies.Take(2).ToArray();
            throw new CurrencyMismatchException(two[0], two[1]);
        }

        return currencies.Min;
    }

    private static int Count(bool[] flags, bool value)
    {
        var n = 0;
        foreach (var f in flags)
        {
            if (f == value)
            {
                n++;
            }
        }

        return n;
    }

    // The first ids in ordinal order of leads without cost; selection first, so a million uncosted leads are not all sorted.
    // The rows are listed, or null for every row of [start, end); hasCost per entry of rows, or null to read the table's
    // per-lead costs.
    private static IReadOnlyList<string> IdsWithoutCost(LeadTable table, int[]? rows, int start, int end, bool[]? hasCost, int max)
    {
        var ids = new List<string>();
        var count = rows?.Length ?? end - start;
        for (var i = 0; i < count; i++)
        {
            var row = rows is null ? start + i : rows[i];
            if (hasCost is null ? table.CostMinor[row] == LeadTable.MissingAmount : !hasCost[i])
            {
                ids.Add(table.Ids[row]);
            }
        }

        return FirstOrdinal(ids, max);
    }

    private static IReadOnlyList<string> FirstOrdinal(List<string> ids, int max)
    {
        if (max == 0 || ids.Count == 0)
        {
            return Array.Empty<string>();
        }

        var array = ids.ToArray();
        var keep = Math.Min(max, array.Length);
        if (keep < array.Length)
        {
            Selection.SelectSmallest(array, 0, array.Length - 1, keep - 1, string.CompareOrdinal);
        }

        Array.Sort(array, 0, keep, StringComparer.Ordinal);
        var result = new string[keep];
        Array.Copy(array, result, keep);
        return result;
    }

    private static int CompareUnmatched(UnmatchedCost x, UnmatchedCost y)
    {
        var c = x.Entry.Scope.CompareTo(y.Entry.Scope);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Entry.Key, y.Entry.Key);
        }

        if (c == 0)
        {
            c = x.Entry.PeriodStart.UtcTicks.CompareTo(y.Entry.PeriodStart.UtcTicks);
        }

        if (c == 0)
        {
            c = x.Entry.PeriodEnd.UtcTicks.CompareTo(y.Entry.PeriodEnd.UtcTicks);
        }

        return c != 0 ? c : x.InPeriodAmount.CompareTo(y.InPeriodAmount);
    }
}
