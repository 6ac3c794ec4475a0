using LeadAnalytics.Data;

namespace LeadAnalytics.Attribution;

/// <summary>Turns <see cref="AttributionJourneys"/> and the options into a <see cref="JourneyTable"/>: resolves keys, applies the
/// as-of instant, the acquisition period and the lookback window, orders touches and rows canonically.</summary>
internal static class JourneyTableBuilder
{
    private const double TicksPerDay = TimeSpan.TicksPerDay;

    internal static JourneyTable Build(AttributionJourneys journeys, AttributionOptions options)
    {
        if (journeys.Paths is not { } paths)
        {
            return FromTable(journeys.Table!, journeys.TouchTable, options.AsOf, options, journeys.Currency);
        }

        // Paths counted in a database over one period (LeadAnalytics.Sql) are already limited to it.
        Preconditions.CheckArgument(options.Scope.Period.Equals(AcquisitionPeriod.AllTime) || options.Scope.Period.Equals(journeys.PathsPeriod), nameof(options), "Aggregated paths carry no acquisition instants, so they cannot be limited to a period: leave Scope.Period unset.");

        return FromPaths(paths, journeys.Currency, options, journeys.PartitionTotals);
    }

    private static JourneyTable FromPaths(AggregatedPath[] paths, Currency currency, AttributionOptions options, AttributionPartition.Totals? totals)
    {
        // Codes in order of first appearance first (one dictionary lookup per step), ranked into ordinal order below.
        var provisional = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var longest = 1;
        var totalSteps = 0;
        foreach (var path in paths)
        {
            longest = Math.Max(longest, path.StepArray.Length);
            totalSteps += path.StepArray.Length;
        }

        var allSteps = new int[totalSteps];
        var at = 0;
        foreach (var path in paths)
        {
            foreach (var step in path.StepArray)
            {
                if (!provisional.TryGetValue(step, out var code))
                {
                    code = names.Count;
                    provisional.Add(step, code);
                    names.Add(step);
                }

                allSteps[at++] = code;
            }
        }

        var keys = names.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var rankOf = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            rankOf[provisional[keys[i]]] = i;
        }

        var direct = new bool[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            direct[k] = options.DirectChannels.Contains(keys[k], StringComparer.Ordinal);
        }

        // Identical paths are hashed together once; their members are chained through `next` without allocating per path. A step
        // is coded as 2 x key + direct: whether it is direct is its key's (a channel step) unless the path says (the steps of an
        // attribution partition keyed by strategy, content or a custom key carry their touch's channel's flag). Codes keep key
        // order, so the canonical order of the rows is the order of their keys.
        var groups = new SequenceMap();
        var head = new List<int>();
        var next = new int[paths.Length];
        var buffer = new int[longest];
        at = 0;
        for (var p = 0; p < paths.Length; p++)
        {
            var length = paths[p].StepArray.Length;
            var flags = paths[p].StepDirect;
            for (var s = 0; s < length; s++)
            {
                var rank = rankOf[allSteps[at++]];
                buffer[s] = (rank << 1) | ((flags?[s] ?? direct[rank]) ? 1 : 0);
            }

            var g = groups.GetOrAdd(buffer, 0, length);
            if (g == head.Count)
            {
                head.Add(-1);
            }

            next[p] = head[g];
            head[g] = p;
        }

        // Canonical row order: distinct paths in key order, so input order cannot change any floating-point sum.
        var coded = new int[groups.Count][];
        var stepCount = 0;
        for (var g = 0; g < coded.Length; g++)
        {
            coded[g] = groups.ToArray(g);
            stepCount += coded[g].Length;
        }

        var order = SequenceOrder.Sort(coded, keys.Length * 2);

        var rowStart = new int[coded.Length + 1];
        var stepKey = new int[stepCount];
        var stepDirect = new bool[stepCount];
        var conversions = new double[coded.Length];
        var nulls = new double[coded.Length];
        var value = new decimal[coded.Length];
        var members = new List<AggregatedPath>();
        at = 0;
        for (var r = 0; r < order.Length; r++)
        {
            var g = order[r];
            rowStart[r] = at;
            foreach (var code in coded[g])
            {
                stepKey[at] = code >> 1;
                stepDirect[at] = (code & 1) != 0;
                at++;
            }

            members.Clear();
            for (var p = head[g]; p >= 0; p = next[p])
            {
                members.Add(paths[p]);
            }

            // Whole counts add up exactly in any order (as do decimals); fractional ones are summed in a canonical order.
            var whole = true;
            foreach (var m in members)
            {
                whole &= m.Conversions == Math.Floor(m.Conversions) && m.Nulls == Math.Floor(m.Nulls);
            }

            if (!whole && members.Count > 1)
            {
                members.Sort(CompareCounts);
            }

            var c = new NeumaierSum();
            var n = new NeumaierSum();
            foreach (var m in members)
            {
                c.Add(m.Conversions);
                n.Add(m.Nulls);
                value[r] += m.Value;
            }

            conversions[r] = c.Value;
            nulls[r] = n.Value;
        }

        rowStart[coded.Length] = at;
        // Paths of a partition count lead journeys and carry the diagnostics of the leads they came from.
        return totals is { } t
            ? new JourneyTable(keys, rowStart, stepKey, stepDirect, null, null, conversions, nulls, value, currency, checked((int)t.Journeys), t.UnattributedConversions,
                t.UnattributedValue, checked((int)t.DroppedTouchpoints), checked((int)t.UnmatchedTouchpoints))
            : new JourneyTable(keys, rowStart, stepKey, stepDirect, null, null, conversions, nulls, value, currency, paths.Length, 0, 0m, 0, 0);
    }

    private static int CompareCounts(AggregatedPath a, AggregatedPath b)
    {
        var c = a.Conversions.CompareTo(b.Conversions);
        if (c != 0)
        {
            return c;
        }

        c = a.Nulls.CompareTo(b.Nulls);
        return c != 0 ? c : a.Value.CompareTo(b.Value);
    }

    /// <summary>Journeys of the leads of a table with their touchpoint columns (none: every lead's source is its journey).</summary>
    internal static JourneyTable FromTable(LeadTable table, TouchpointTable? touchpoints, DateTimeOffset? asOf, AttributionOptions options, Currency? currency = null) =>
        FromTable(table, touchpoints, asOf, options, 0, table.Count, currency);

    /// <summary>Journeys of the leads in rows [startRow, startRow + rowCount) (an attribution partition). The touchpoints of no
    /// lead of the table are counted as unmatched by the range holding row 0 (the whole empty table included), so that the
    /// ranges of a split count them once.</summary>
    internal static JourneyTable FromTable(LeadTable table, TouchpointTable? touchpoints, DateTimeOffset? asOf, AttributionOptions options, int startRow, int rowCount,
        Currency? currency = null)
    {
        Preconditions.CheckArgument(touchpoints is null || ReferenceEquals(touchpoints.Leads, table), nameof(options), "The touchpoint table was built for another lead table.");

        // Rows in ordinal id order (ids are unique, which the touchpoint table checks), so sums never depend on the input order.
        var ids = new string[rowCount];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = table.Ids.Get(startRow + i);
        }

        if (touchpoints is null)
        {
            CheckUnique(ids);
        }

        var byId = OrdinalOrder.Sort(ids);
        var keys = new KeyCoder(table, touchpoints, options);
        var asOfSeconds = asOf is { } cut ? table.ToSeconds(cut) : int.MaxValue;
        // Acquired by as-of and in the scope's period, as every engine reads the scope; the stale rule plays no part here.
        var scope = new OutcomeClassifier(table, asOfSeconds, options.Scope);
        var lastStage = table.StageSeconds.Length - 1;
        var touchStart = touchpoints?.RowStart;
        var touchTicks = touchpoints?.Ticks ?? Array.Empty<long>();

        var rowSteps = new GrowableArray<int>(rowCount + 16);
        var rowDays = new GrowableArray<double>(rowCount + 16);
        var rowStart = new GrowableArray<int>(rowCount + 1);
        var conversions = new GrowableArray<double>(rowCount);
        var nulls = new GrowableArray<double>(rowCount);
        var values = new GrowableArray<decimal>(rowCount);
        var matched = 0;
        var dropped = 0;
        var unattributedConversions = 0.0;
        var unattributedValue = 0m;

        foreach (var index in byId)
        {
            var row = startRow + index;
            var first = touchStart?[row] ?? 0;
            var touchCount = touchStart is null ? 0 : touchStart[row + 1] - first;
            if (!scope.InScope(row))
            {
                continue; // not a lead yet at the as-of instant, or acquired outside the period; its touches stay unmatched
            }

            matched += touchCount;
            var won = table.OutcomeAt(row, asOfSeconds) == Outcome.Won;
            var lost = !won && table.OutcomeAt(row, asOfSeconds) == Outcome.Lost;
            var value = won ? table.FromMinor(table.DealMinor[row]) ?? 0m : 0m;
            var synthetic = touchCount == 0;
            if (synthetic && !options.UseLeadSourceWhenNoTouchpoints)
            {
                if (won)
                {
                    unattributedConversions += 1;
                    unattributedValue += value;
                }

                continue;
            }

            var sourceTicks = table.EpochTicks + (table.StageSeconds[0][row] * TimeSpan.TicksPerSecond);

            // An open lead observed without an as-of instant ends at its latest touch.
            var endTicks = won ? table.EpochTicks + (table.StageSeconds[lastStage][row] * TimeSpan.TicksPerSecond)
                : lost ? table.EpochTicks + (table.LostSeconds[row] * TimeSpan.TicksPerSecond)
                : asOf?.UtcTicks ?? (synthetic ? sourceTicks : touchTicks[first + touchCount - 1]);

            var start = rowSteps.Count;
            var steps = synthetic ? 1 : touchCount;
            for (var k = 0; k < steps; k++)
            {
                var ticks = synthetic ? sourceTicks : touchTicks[first + k];
                var inWindow = ticks <= endTicks && (options.LookbackWindow is not { } window || endTicks - ticks <= window.Ticks);
                if (inWindow)
                {
                    rowSteps.Add(synthetic ? ~row : first + k);
                    rowDays.Add((endTicks - ticks) / TicksPerDay);
                }
                else if (!synthetic)
                {
                    dropped++;
                }
            }

            if (rowSteps.Count == start)
            {
                if (won)
                {
                    unattributedConversions += 1;
                    unattributedValue += value;
                }

                continue;
            }

            rowStart.Add(start);
            conversions.Add(won ? 1 : 0);
            nulls.Add(won ? 0 : 1);
            values.Add(value);
        }

        rowStart.Add(rowSteps.Count);

        // Steps hold a touch index, or ~row for a lead's own source; keys are coded, then ranked into ordinal order.
        var stepCount = rowSteps.Count;
        var provisional = new int[stepCount];
        for (var i = 0; i < stepCount; i++)
        {
            provisional[i] = keys.Code(rowSteps[i]);
        }

        var (names, rankOf) = keys.Ranked();
        var directKey = new bool[names.Length];
        for (var k = 0; k < names.Length; k++)
        {
            directKey[k] = keys.Direct.Contains(names[k]);
        }

        var stepKey = new int[stepCount];
        var stepDirect = new bool[stepCount];
        var stepMilestones = new CrmMilestones[stepCount];
        for (var i = 0; i < stepCount; i++)
        {
            var step = rowSteps[i];
            var code = rankOf[provisional[i]];
            stepKey[i] = code;
            stepDirect[i] = keys.KeyedByChannel ? directKey[code] : keys.IsDirect(step);
            stepMilestones[i] = step < 0 ? CrmMilestones.FirstTouch | CrmMilestones.LeadCreated : touchpoints!.Milestones[step];
        }

        var holdsRowZero = startRow == 0 && (rowCount > 0 || table.Count == 0);
        var total = touchpoints is null ? 0
            : touchStart![startRow + rowCount] - touchStart[startRow] + (holdsRowZero ? touchpoints.UnmatchedCount : 0);
        return new JourneyTable(
            names,
            rowStart.ToArray(),
            stepKey,
            stepDirect,
            rowDays.ToArray(),
            stepMilestones,
            conversions.ToArray(),
            nulls.ToArray(),
            values.ToArray(),
            currency ?? table.Currency,
            conversions.Count,
            unattributedConversions,
            unattributedValue,
            dropped,
            total - matched);
    }

    private static void CheckUnique(string[] ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new ArgumentException($"Two leads have the id '{id}'; attribution keys journeys by lead id.", "table");
            }
        }
    }

    internal static int CompareSequences(int[] a, int[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
