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
        var codes = AssignCodes(paths, out var keys);
        var direct = new HashSet<string>(options.DirectChannels, StringComparer.Ordinal);

        // Canonical row order: by coded path, then counts, so input order cannot change any floating-point sum.
        var coded = new int[paths.Length][];
        for (var p = 0; p < paths.Length; p++)
        {
            var steps = paths[p].StepArray;
            var c = new int[steps.Length];
            for (var s = 0; s < steps.Length; s++)
            {
                c[s] = codes[steps[s]];
            }

            coded[p] = c;
        }

        var order = new int[paths.Length];
        for (var p = 0; p < order.Length; p++)
        {
            order[p] = p;
        }

        Array.Sort(order, (a, b) =>
        {
            var byPath = CompareSequences(coded[a], coded[b]);
            if (byPath != 0)
            {
                return byPath;
            }

            var byConversions = paths[a].Conversions.CompareTo(paths[b].Conversions);
            if (byConversions != 0)
            {
                return byConversions;
            }

            var byNulls = paths[a].Nulls.CompareTo(paths[b].Nulls);
            return byNulls != 0 ? byNulls : paths[a].Value.CompareTo(paths[b].Value);
        });

        var stepCount = 0;
        foreach (var c in coded)
        {
            stepCount += c.Length;
        }

        var rowStart = new int[paths.Length + 1];
        var stepKey = new int[stepCount];
        var stepDirect = new bool[stepCount];
        var conversions = new double[paths.Length];
        var nulls = new double[paths.Length];
        var value = new decimal[paths.Length];
        var at = 0;
        for (var r = 0; r < order.Length; r++)
        {
            var p = order[r];
            rowStart[r] = at;
            var c = coded[p];
            for (var s = 0; s < c.Length; s++)
            {
                stepKey[at] = c[s];
                stepDirect[at] = direct.Contains(keys[c[s]]);
                at++;
            }

            conversions[r] = paths[p].Conversions;
            nulls[r] = paths[p].Nulls;
            value[r] = paths[p].Value;
        }

        rowStart[paths.Length] = at;
        return new JourneyTable(keys, rowStart, stepKey, stepDirect, null, null, conversions, nulls, value, currency, 0, 0m, 0, 0);
    }

    private static Dictionary<string, int> AssignCodes(AggregatedPath[] paths, out string[] keys)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var step in path.StepArray)
            {
                distinct.Add(step);
            }
        }

        return CodesInOrdinalOrder(distinct, out keys);
    }

    private static Dictionary<string, int> CodesInOrdinalOrder(HashSet<string> distinct, out string[] keys)
    {
        keys = new string[distinct.Count];
        distinct.CopyTo(keys);
        Array.Sort(keys, StringComparer.Ordinal);
        var codes = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            codes[keys[i]] = i;
        }

        return codes;
    }

    private static JourneyTable FromLeads(AttributionJourneys journeys, AttributionOptions options)
    {
        var asOf = options.AsOf;
        var direct = new HashSet<string>(options.DirectChannels, StringComparer.Ordinal);
        var selector = KeySelector(options);

        var byJourney = new Dictionary<string, List<Touchpoint>>(StringComparer.Ordinal);
        foreach (var touch in journeys.Touchpoints!)
        {
            if (!byJourney.TryGetValue(touch.JourneyId, out var list))
            {
                list = new List<Touchpoint>();
                byJourney.Add(touch.JourneyId, list);
            }

            list.Add(touch);
        }

        var leads = (Lead[])journeys.Leads!.Clone();
        Array.Sort(leads, (a, b) => string.CompareOrdinal(a.Id, b.Id));

        var rowTouches = new List<Touchpoint>();
        var rowStart = new List<int>();
        var rowDays = new List<double>();
        var conversions = new List<double>();
        var nulls = new List<double>();
        var values = new List<decimal>();
        var matched = 0;
        var dropped = 0;
        var unattributedConversions = 0.0;
        var unattributedValue = 0m;
        var kept = new List<Touchpoint>();

        foreach (var lead in leads)
        {
            byJourney.TryGetValue(lead.Id, out var touches);
            if (asOf is { } cutoff && lead.AcquiredAt > cutoff)
            {
                continue; // not a lead yet at the as-of instant; its touches stay unmatched
            }

            matched += touches?.Count ?? 0;
            var outcome = asOf is { } a ? lead.OutcomeAsOf(a) : lead.Outcome;
            var won = outcome == Outcome.Won;
            DateTimeOffset? end = outcome switch
            {
                Outcome.Won => lead.WonAt,
                Outcome.Lost => lead.LostAt,
                _ => asOf,
            };

            IReadOnlyList<Touchpoint> candidates;
            var synthetic = false;
            if (touches is { Count: > 0 })
            {
                candidates = touches;
            }
            else if (options.UseLeadSourceWhenNoTouchpoints)
            {
                candidates = new[] { SourceTouch(lead) };
                synthetic = true;
            }
            else
            {
                candidates = Array.Empty<Touchpoint>();
            }

            // An open lead observed without an as-of instant ends at its latest touch.
            var endTicks = end?.UtcTicks ?? LatestTicks(candidates);
            kept.Clear();
            foreach (var t in candidates)
            {
                var ticks = t.OccurredAt.UtcTicks;
                var inWindow = ticks <= endTicks && (options.LookbackWindow is not { } window || endTicks - ticks <= window.Ticks);
                if (inWindow)
                {
                    kept.Add(t);
                }
                else if (!synthetic)
                {
                    dropped++;
                }
            }

            var value = won ? lead.DealAmount?.Amount ?? 0m : 0m;
            if (kept.Count == 0)
            {
                if (won)
                {
                    unattributedConversions += 1;
                    unattributedValue += value;
                }

                continue;
            }

            kept.Sort(CompareTouches);
            rowStart.Add(rowTouches.Count);
            foreach (var t in kept)
            {
                rowTouches.Add(t);
                rowDays.Add((endTicks - t.OccurredAt.UtcTicks) / TicksPerDay);
            }

            conversions.Add(won ? 1 : 0);
            nulls.Add(won ? 0 : 1);
            values.Add(value);
        }

        rowStart.Add(rowTouches.Count);

        var stepKeys = new string[rowTouches.Count];
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stepKeys.Length; i++)
        {
            var key = selector(rowTouches[i]);
            stepKeys[i] = string.IsNullOrWhiteSpace(key) ? DimensionKeys.Missing : key!;
            distinct.Add(stepKeys[i]);
        }

        var codes = CodesInOrdinalOrder(distinct, out var keys);
        var stepKey = new int[stepKeys.Length];
        var stepDirect = new bool[stepKeys.Length];
        var stepMilestones = new CrmMilestones[stepKeys.Length];
        for (var i = 0; i < stepKeys.Length; i++)
        {
            stepKey[i] = codes[stepKeys[i]];
            stepDirect[i] = direct.Contains(rowTouches[i].Channel);
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
            unattributedConversions,
            unattributedValue,
            dropped,
            journeys.Touchpoints!.Length - matched);
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

    private static long LatestTicks(IReadOnlyList<Touchpoint> touches)
    {
        var latest = long.MinValue;
        foreach (var t in touches)
        {
            latest = Math.Max(latest, t.OccurredAt.UtcTicks);
        }

        return latest;
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
