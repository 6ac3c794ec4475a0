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
        var touchpoints = journeys.Touchpoints!;

        // Leads in ordinal id order (ids are unique, so the order is total); the rows follow it.
        var input = journeys.Leads!;
        var inputIds = new string[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            inputIds[i] = input[i].Id;
        }

        var byId = OrdinalOrder.Sort(inputIds);
        var leads = new Lead[input.Length];
        var position = new Dictionary<string, int>(input.Length, StringComparer.Ordinal);
        for (var i = 0; i < byId.Length; i++)
        {
            leads[i] = input[byId[i]];
            position.Add(inputIds[byId[i]], i);
        }

        // One pass over the touchpoints in input order reads every field the table needs (later passes go through the leads
        // in id order, and chasing each touch object from there costs a cache miss per field); then the touches are grouped by
        // lead with a counting sort, with no list per lead. The order of a lead's touches does not matter: it is sorted below.
        var touches = new TouchColumns(touchpoints.Length, KeySelector(options), options);
        var touchLead = new int[touchpoints.Length];
        var leadTouchStart = new int[leads.Length + 1];
        for (var t = 0; t < touchpoints.Length; t++)
        {
            var touch = touchpoints[t];
            var l = position.TryGetValue(touch.JourneyId, out var found) ? found : -1;
            touchLead[t] = l;
            if (l >= 0)
            {
                leadTouchStart[l + 1]++;
                touches.Add(touch);
            }
            else
            {
                touches.AddUnused(touch);
            }
        }

        var longest = 1;
        for (var l = 0; l < leads.Length; l++)
        {
            longest = Math.Max(longest, leadTouchStart[l + 1]);
            leadTouchStart[l + 1] += leadTouchStart[l];
        }

        var grouped = new int[leadTouchStart[leads.Length]];
        var cursor = new int[leads.Length];
        Array.Copy(leadTouchStart, cursor, leads.Length);
        for (var t = 0; t < touchpoints.Length; t++)
        {
            if (touchLead[t] >= 0)
            {
                grouped[cursor[touchLead[t]]++] = t;
            }
        }

        var rowSteps = new List<int>(grouped.Length + 16);
        var rowStart = new List<int>(leads.Length + 1);
        var rowDays = new List<double>(grouped.Length + 16);
        var conversions = new List<double>(leads.Length);
        var nulls = new List<double>(leads.Length);
        var values = new List<decimal>(leads.Length);
        var matched = 0;
        var dropped = 0;
        var unattributedConversions = 0.0;
        var unattributedValue = 0m;
        var kept = new int[longest];
        var source = new int[1];
        var ticksOf = touches.Ticks;

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

            int[] candidates;
            var synthetic = false;
            if (touchCount > 0)
            {
                candidates = grouped;
            }
            else if (options.UseLeadSourceWhenNoTouchpoints)
            {
                source[0] = touches.Add(SourceTouch(lead));
                ticksOf = touches.Ticks;
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
            long endTicks;
            if (end is { } e)
            {
                endTicks = e.UtcTicks;
            }
            else
            {
                endTicks = long.MinValue;
                for (var k = first; k < first + touchCount; k++)
                {
                    endTicks = Math.Max(endTicks, ticksOf[candidates[k]]);
                }
            }

            var keptCount = 0;
            for (var k = first; k < first + touchCount; k++)
            {
                var t = candidates[k];
                var ticks = ticksOf[t];
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

            touches.Sort(kept, keptCount);
            rowStart.Add(rowSteps.Count);
            for (var k = 0; k < keptCount; k++)
            {
                rowSteps.Add(kept[k]);
                rowDays.Add((endTicks - ticksOf[kept[k]]) / TicksPerDay);
            }

            conversions.Add(won ? 1 : 0);
            nulls.Add(won ? 0 : 1);
            values.Add(value);
        }

        rowStart.Add(rowSteps.Count);

        // Keys: the names of the steps kept, in ordinal order (touches coded but not kept name no key).
        var used = new bool[touches.Names.Count];
        for (var i = 0; i < rowSteps.Count; i++)
        {
            used[touches.Code[rowSteps[i]]] = true;
        }

        var usedNames = new List<string>();
        for (var c = 0; c < used.Length; c++)
        {
            if (used[c])
            {
                usedNames.Add(touches.Names[c]);
            }
        }

        var keys = usedNames.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var rankOf = new int[used.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            rankOf[touches.CodeOf(keys[i])] = i;
        }

        var directKey = new bool[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            directKey[k] = touches.DirectChannels.Contains(keys[k]);
        }

        var stepKey = new int[rowSteps.Count];
        var stepDirect = new bool[rowSteps.Count];
        var stepMilestones = new CrmMilestones[rowSteps.Count];
        for (var i = 0; i < stepKey.Length; i++)
        {
            var t = rowSteps[i];
            var code = rankOf[touches.Code[t]];
            stepKey[i] = code;
            stepDirect[i] = touches.KeyedByChannel ? directKey[code] : touches.Direct[t];
            stepMilestones[i] = touches.Milestones[t];
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

    // Touches at the same instant are ordered by their fields, so a journey's order never depends on the input order.
    internal static int CompareTouches(Touchpoint a, Touchpoint b)
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
