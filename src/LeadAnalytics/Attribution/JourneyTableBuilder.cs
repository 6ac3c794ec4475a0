namespace LeadAnalytics.Attribution;

/// <summary>Turns <see cref="AttributionJourneys"/> and the options into a <see cref="JourneyTable"/>: resolves keys, applies the
/// as-of instant and the lookback window, orders touches and rows canonically.</summary>
internal static class JourneyTableBuilder
{
    private const double TicksPerDay = TimeSpan.TicksPerDay;

    internal static JourneyTable Build(AttributionJourneys journeys, AttributionOptions options) =>
        journeys.Paths is { } paths ? FromPaths(paths, journeys.Currency, options) : FromLeads(journeys, options);

    private static JourneyTable FromPaths(AggregatedPath[] paths, Currency currency, AttributionOptions options)
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

        // Identical paths are hashed together once; their members are chained through `next` without allocating per path.
        var groups = new SequenceMap();
        var head = new List<int>();
        var next = new int[paths.Length];
        var buffer = new int[longest];
        at = 0;
        for (var p = 0; p < paths.Length; p++)
        {
            var length = paths[p].StepArray.Length;
            for (var s = 0; s < length; s++)
            {
                buffer[s] = rankOf[allSteps[at++]];
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

        var order = SequenceOrder.Sort(coded, keys.Length);

        var direct = new bool[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            direct[k] = options.DirectChannels.Contains(keys[k], StringComparer.Ordinal);
        }

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
            foreach (var key in coded[g])
            {
                stepKey[at] = key;
                stepDirect[at] = direct[key];
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
        return new JourneyTable(keys, rowStart, stepKey, stepDirect, null, null, conversions, nulls, value, currency, paths.Length, 0, 0m, 0, 0);
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

    private static JourneyTable FromLeads(AttributionJourneys journeys, AttributionOptions options)
    {
        var asOf = options.AsOf;
        var direct = new HashSet<string>(options.DirectChannels, StringComparer.Ordinal);
        var selector = KeySelector(options);
        var touchpoints = journeys.Touchpoints!;

        // Leads in ordinal id order (ids are unique, so the order is total); the rows follow it.
        var leads = (Lead[])journeys.Leads!.Clone();
        var ids = new string[leads.Length];
        for (var i = 0; i < leads.Length; i++)
        {
            ids[i] = leads[i].Id;
        }

        Array.Sort(ids, leads, StringComparer.Ordinal);

        // Touches grouped by lead with a counting sort: one id lookup per touch and no list per lead. The order of a lead's
        // touches here does not matter: they are sorted by their fields below.
        var position = new Dictionary<string, int>(leads.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            position.Add(ids[i], i);
        }

        var touchLead = new int[touchpoints.Length];
        var leadTouchStart = new int[leads.Length + 1];
        for (var t = 0; t < touchpoints.Length; t++)
        {
            var l = position.TryGetValue(touchpoints[t].JourneyId, out var found) ? found : -1;
            touchLead[t] = l;
            if (l >= 0)
            {
                leadTouchStart[l + 1]++;
            }
        }

        var longest = 1;
        for (var l = 0; l < leads.Length; l++)
        {
            longest = Math.Max(longest, leadTouchStart[l + 1]);
            leadTouchStart[l + 1] += leadTouchStart[l];
        }

        var grouped = new Touchpoint[leadTouchStart[leads.Length]];
        var cursor = new int[leads.Length];
        Array.Copy(leadTouchStart, cursor, leads.Length);
        for (var t = 0; t < touchpoints.Length; t++)
        {
            if (touchLead[t] >= 0)
            {
                grouped[cursor[touchLead[t]]++] = touchpoints[t];
            }
        }

        var rowTouches = new List<Touchpoint>(grouped.Length + 16);
        var rowStart = new List<int>(leads.Length + 1);
        var rowDays = new List<double>(grouped.Length + 16);
        var conversions = new List<double>(leads.Length);
        var nulls = new List<double>(leads.Length);
        var values = new List<decimal>(leads.Length);
        var matched = 0;
        var dropped = 0;
        var unattributedConversions = 0.0;
        var unattributedValue = 0m;
        var kept = new Touchpoint[longest];
        var source = new Touchpoint[1];

        for (var l = 0; l < leads.Length; l++)
        {
            var lead = leads[l];
            var first = leadTouchStart[l];
            var touchCount = leadTouchStart[l + 1] - first;
            if (asOf is { } cutoff && lead.AcquiredAt > cutoff)
            {
                continue; // not a lead yet at the as-of instant; its touches stay unmatched
            }

            matched += touchCount;
            var outcome = asOf is { } a ? lead.OutcomeAsOf(a) : lead.Outcome;
            var won = outcome == Outcome.Won;
            DateTimeOffset? end = outcome switch
            {
                Outcome.Won => lead.WonAt,
                Outcome.Lost => lead.LostAt,
                _ => asOf,
            };

            Touchpoint[] candidates;
            var synthetic = false;
            if (touchCount > 0)
            {
                candidates = grouped;
            }
            else if (options.UseLeadSourceWhenNoTouchpoints)
            {
                source[0] = SourceTouch(lead);
                candidates = source;
                first = 0;
                touchCount = 1;
                synthetic = true;
            }
            else
            {
                candidates = source;
                first = 0;
            }

            // An open lead observed without an as-of instant ends at its latest touch.
            var endTicks = end?.UtcTicks ?? LatestTicks(candidates, first, touchCount);
            var keptCount = 0;
            for (var k = first; k < first + touchCount; k++)
            {
                var t = candidates[k];
                var ticks = t.OccurredAt.UtcTicks;
                var inWindow = ticks <= endTicks && (options.LookbackWindow is not { } window || endTicks - ticks <= window.Ticks);
                if (inWindow)
                {
                    kept[keptCount++] = t;
                }
                else if (!synthetic)
                {
                    dropped++;
                }
            }

            var value = won ? lead.DealAmount?.Amount ?? 0m : 0m;
            if (keptCount == 0)
            {
                if (won)
                {
                    unattributedConversions += 1;
                    unattributedValue += value;
                }

                continue;
            }

            SortTouches(kept, keptCount);
            rowStart.Add(rowTouches.Count);
            for (var k = 0; k < keptCount; k++)
            {
                var t = kept[k];
                rowTouches.Add(t);
                rowDays.Add((endTicks - t.OccurredAt.UtcTicks) / TicksPerDay);
            }

            conversions.Add(won ? 1 : 0);
            nulls.Add(won ? 0 : 1);
            values.Add(value);
        }

        rowStart.Add(rowTouches.Count);

        // Keys coded in order of first appearance (one lookup per step, none when a step repeats the previous string
        // instance), then ranked into ordinal order.
        var provisional = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var stepKey = new int[rowTouches.Count];
        string? lastKey = null;
        var lastCode = -1;
        for (var i = 0; i < stepKey.Length; i++)
        {
            var key = selector(rowTouches[i]);
            if (key is null || !ReferenceEquals(key, lastKey))
            {
                var name = string.IsNullOrWhiteSpace(key) ? DimensionKeys.Missing : key!;
                if (!provisional.TryGetValue(name, out lastCode))
                {
                    lastCode = names.Count;
                    provisional.Add(name, lastCode);
                    names.Add(name);
                }

                lastKey = key;
            }

            stepKey[i] = lastCode;
        }

        var keys = names.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var rankOf = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            rankOf[provisional[keys[i]]] = i;
        }

        // When the key is the channel itself, whether a step is direct depends on its key only.
        var keyedByChannel = options.KeySelector is null && options.By == Dimension.Channel;
        var directKey = new bool[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            directKey[k] = direct.Contains(keys[k]);
        }

        var stepDirect = new bool[stepKey.Length];
        var stepMilestones = new CrmMilestones[stepKey.Length];
        for (var i = 0; i < stepKey.Length; i++)
        {
            var code = rankOf[stepKey[i]];
            stepKey[i] = code;
            stepDirect[i] = keyedByChannel ? directKey[code] : direct.Contains(rowTouches[i].Channel);
            stepMilestones[i] = rowTouches[i].Milestones;
        }

        return new JourneyTable(
            keys,
            rowStart.ToArray(),
            stepKey,
            stepDirect,
            rowDays.ToArray(),
            stepMilestones,
            conversions.ToArray(),
            nulls.ToArray(),
            values.ToArray(),
            journeys.Currency,
            conversions.Count,
            unattributedConversions,
            unattributedValue,
            dropped,
            touchpoints.Length - matched);
    }

    private static Func<Touchpoint, string?> KeySelector(AttributionOptions options) =>
        options.KeySelector ?? options.By switch
        {
            Dimension.Strategy => t => t.Strategy,
            Dimension.Content => t => t.Content,
            _ => t => t.Channel,
        };

    private static Touchpoint SourceTouch(Lead lead) =>
        new(lead.Id, lead.AcquiredAt, lead.Channel ?? DimensionKeys.Missing, lead.Strategy, lead.Content, CrmMilestones.FirstTouch | CrmMilestones.LeadCreated);

    private static long LatestTicks(Touchpoint[] touches, int start, int count)
    {
        var latest = long.MinValue;
        for (var i = start; i < start + count; i++)
        {
            latest = Math.Max(latest, touches[i].OccurredAt.UtcTicks);
        }

        return latest;
    }

    // Touches usually arrive in time order: check that first and sort only when needed (equal touches are interchangeable).
    private static void SortTouches(Touchpoint[] touches, int count)
    {
        for (var i = 1; i < count; i++)
        {
            if (CompareTouches(touches[i - 1], touches[i]) > 0)
            {
                Array.Sort(touches, 0, count, TouchComparer.Instance);
                return;
            }
        }
    }

    private sealed class TouchComparer : IComparer<Touchpoint>
    {
        internal static readonly TouchComparer Instance = new();

        public int Compare(Touchpoint? x, Touchpoint? y) => CompareTouches(x!, y!);
    }

    // Touches at the same instant are ordered by their fields, so a journey's order never depends on the input order.
    private static int CompareTouches(Touchpoint a, Touchpoint b)
    {
        var c = a.OccurredAt.UtcTicks.CompareTo(b.OccurredAt.UtcTicks);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Channel, b.Channel);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Strategy, b.Strategy);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Content, b.Content);
        return c != 0 ? c : ((int)a.Milestones).CompareTo((int)b.Milestones);
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
