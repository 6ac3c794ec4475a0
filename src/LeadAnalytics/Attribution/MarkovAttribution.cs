namespace LeadAnalytics.Attribution;

/// <summary>
/// The Markov model, exact: journeys become an absorbing chain over (start), transient states (the last k keys), (conversion)
/// and (null); P(conversion) and the expected conversion value come from solving (I - Q) x = r on the transient states, once for
/// the full chain and once per key with that key's states removed (sent to null). No simulation, so no sampling error and no
/// truncation of looping paths.
/// </summary>
internal static class MarkovAttribution
{
    internal const string StartLabel = "(start)";
    internal const string ConversionLabel = "(conversion)";
    internal const string NullLabel = "(null)";

    internal static RawCredit Compute(JourneyTable table, AttributionOptions options)
    {
        var paths = Prepare(table, options);
        return Compute(table.Keys, paths.Paths, paths.Conversions, paths.Nulls, paths.Value, table.TotalConversions, options, withDetails: true);
    }

    /// <summary>1. Distinct (collapsed) paths with their summed counts, and the path of every row: the chain only needs path
    /// counts, so bootstrap replicates re-count the paths from resampled rows and never re-read the journeys.</summary>
    internal static MarkovPaths Prepare(JourneyTable table, AttributionOptions options)
    {
        var paths = new SequenceMap();
        var pathConversions = new List<double>();
        var pathNulls = new List<double>();
        var pathValue = new List<decimal>();
        var rowPath = new int[table.RowCount];
        var buffer = new int[Math.Max(1, table.MaxRowLength)];
        for (var r = 0; r < table.RowCount; r++)
        {
            var conversions = table.Conversions[r];
            var nulls = options.MarkovUseNonConvertingPaths ? table.Nulls[r] : 0;
            rowPath[r] = -1;
            if (conversions + nulls == 0)
            {
                continue;
            }

            var length = 0;
            for (var s = table.RowStart[r]; s < table.RowStart[r + 1]; s++)
            {
                var key = table.StepKey[s];
                if (!options.MarkovCollapseRepeats || length == 0 || buffer[length - 1] != key)
                {
                    buffer[length++] = key;
                }
            }

            var id = paths.GetOrAdd(buffer, 0, length);
            if (id == pathConversions.Count)
            {
                pathConversions.Add(0);
                pathNulls.Add(0);
                pathValue.Add(0m);
            }

            rowPath[r] = id;
            pathConversions[id] += conversions;
            pathNulls[id] += nulls;
            pathValue[id] += table.Value[r];
        }

        return new MarkovPaths(paths, rowPath, pathConversions.ToArray(), pathNulls.ToArray(), pathValue.ToArray());
    }

    /// <summary>Steps 2 to 5 from path counts; paths without any count are left out (as if absent).</summary>
    internal static RawCredit Compute(
        string[] keys, SequenceMap allPaths, double[] allConversions, double[] allNulls, decimal[] allValue, double totalConversions, AttributionOptions options, bool withDetails)
    {
        var keyCount = keys.Length;
        var order = options.MarkovOrder;
        var active = new List<int>(allConversions.Length);
        var longestPath = 1;
        for (var p = 0; p < allConversions.Length; p++)
        {
            if (allConversions[p] + allNulls[p] > 0)
            {
                active.Add(p);
                longestPath = Math.Max(longestPath, allPaths.Length(p));
            }
        }

        // 2. States of each path: windows of k keys (a path shorter than k is one state), as ChannelAttribution numbers them.
        var pathCount = active.Count;
        var states = new SequenceMap();
        var pathStateStart = new int[pathCount + 1];
        var pathStates = new List<int>();
        var window = new int[longestPath];
        for (var p = 0; p < pathCount; p++)
        {
            pathStateStart[p] = pathStates.Count;
            var length = allPaths.Length(active[p]);
            for (var i = 0; i < length; i++)
            {
                window[i] = allPaths.Get(active[p], i);
            }

            if (length <= order)
            {
                pathStates.Add(states.GetOrAdd(window, 0, length));
            }
            else
            {
                for (var i = 0; i + order <= length; i++)
                {
                    pathStates.Add(states.GetOrAdd(window, i, order));
                }
            }
        }

        pathStateStart[pathCount] = pathStates.Count;

        // 3. Canonical numbering: 0 = start, 1..S = states in key order, S + 1 = conversion, S + 2 = null.
        var stateCount = states.Count;
        var tuples = new int[stateCount][];
        var byTuple = new int[stateCount];
        for (var s = 0; s < stateCount; s++)
        {
            tuples[s] = states.ToArray(s);
            byTuple[s] = s;
        }

        Array.Sort(byTuple, (x, y) => JourneyTableBuilder.CompareSequences(tuples[x], tuples[y]));
        var rank = new int[stateCount];
        var sortedTuples = new int[stateCount][];
        for (var i = 0; i < stateCount; i++)
        {
            rank[byTuple[i]] = i + 1;
            sortedTuples[i] = tuples[byTuple[i]];
        }

        var nodeCount = stateCount + 3;
        var conversionNode = stateCount + 1;
        var nullNode = stateCount + 2;
        var counts = new Dictionary<long, double>();
        var lastStateValue = new decimal[nodeCount];
        var lastStateConversions = new double[nodeCount];
        for (var p = 0; p < pathCount; p++)
        {
            var conversions = allConversions[active[p]];
            var nulls = allNulls[active[p]];
            var previous = 0;
            for (var i = pathStateStart[p]; i < pathStateStart[p + 1]; i++)
            {
                var node = rank[pathStates[i]];
                AddCount(counts, nodeCount, previous, node, conversions + nulls);
                previous = node;
            }

            if (conversions > 0)
            {
                AddCount(counts, nodeCount, previous, conversionNode, conversions);
                lastStateValue[previous] += allValue[active[p]];
                lastStateConversions[previous] += conversions;
            }

            if (nulls > 0)
            {
                AddCount(counts, nodeCount, previous, nullNode, nulls);
            }
        }

        var chain = new Chain(nodeCount, counts);
        var meanValue = new double[nodeCount];
        for (var s = 1; s <= stateCount; s++)
        {
            meanValue[s] = lastStateConversions[s] > 0 ? (double)(lastStateValue[s] / (decimal)lastStateConversions[s]) : 0;
        }

        // 4. Exact absorption: full chain, then each key removed.
        var workspace = new double[stateCount * stateCount];
        var (probability, value) = chain.Absorb(sortedTuples, -1, meanValue, workspace);
        var removal = new double?[keyCount];
        var valueRemoval = new double?[keyCount];
        var present = new bool[keyCount];
        foreach (var tuple in sortedTuples)
        {
            foreach (var key in tuple)
            {
                present[key] = true;
            }
        }

        for (var key = 0; key < keyCount; key++)
        {
            double without = probability, valueWithout = value;
            if (present[key])
            {
                (without, valueWithout) = chain.Absorb(sortedTuples, key, meanValue, workspace);
            }

            removal[key] = probability > 0 ? Clamp01(1 - (without / probability)) : null;
            valueRemoval[key] = value > 0 ? Clamp01(1 - (valueWithout / value)) : null;
        }

        // 5. Credit: removal-effect shares of the totals.
        var conversionsCredit = new double[keyCount];
        var valueWeights = new double[keyCount];
        var removalSum = new NeumaierSum();
        foreach (var re in removal)
        {
            removalSum.Add(re ?? 0);
        }

        if (removalSum.Value > 0)
        {
            for (var key = 0; key < keyCount; key++)
            {
                conversionsCredit[key] = (removal[key] ?? 0) / removalSum.Value * totalConversions;
                valueWeights[key] = options.MarkovValueRule == MarkovValueRule.LastStateMeanValue ? valueRemoval[key] ?? 0 : removal[key] ?? 0;
            }
        }

        if (!withDetails)
        {
            return new RawCredit(conversionsCredit, valueWeights, removal, valueRemoval);
        }

        var labels = new string[nodeCount];
        labels[0] = StartLabel;
        for (var s = 0; s < stateCount; s++)
        {
            labels[s + 1] = Label(sortedTuples[s], keys);
        }

        labels[conversionNode] = ConversionLabel;
        labels[nullNode] = NullLabel;
        var details = new MarkovDetails(
            order,
            options.MarkovCollapseRepeats,
            options.MarkovUseNonConvertingPaths,
            options.MarkovValueRule,
            pathCount > 0 ? probability : null,
            chain.Transitions(labels));
        return new RawCredit(conversionsCredit, valueWeights, removal, valueRemoval, details);
    }

    private static double Clamp01(double x) => x < 0 ? 0 : x > 1 ? 1 : x;

    private static void AddCount(Dictionary<long, double> counts, int nodeCount, int from, int to, double weight)
    {
        var edge = ((long)from * nodeCount) + to;
        counts.TryGetValue(edge, out var c);
        counts[edge] = c + weight;
    }

    private static string Label(int[] tuple, string[] keys)
    {
        if (tuple.Length == 1)
        {
            return keys[tuple[0]];
        }

        var parts = new string[tuple.Length];
        for (var i = 0; i < tuple.Length; i++)
        {
            parts[i] = keys[tuple[i]];
        }

        return string.Join(" > ", parts);
    }

    /// <summary>The fitted chain as sparse rows of transition probabilities over the canonical node numbering.</summary>
    private sealed class Chain
    {
        private readonly int _nodeCount;
        private readonly int[][] _to;
        private readonly double[][] _count;
        private readonly double[][] _probability;

        internal Chain(int nodeCount, Dictionary<long, double> counts)
        {
            _nodeCount = nodeCount;
            var edges = new long[counts.Count];
            counts.Keys.CopyTo(edges, 0);
            Array.Sort(edges);
            var perRow = new int[nodeCount];
            foreach (var e in edges)
            {
                perRow[e / nodeCount]++;
            }

            _to = new int[nodeCount][];
            _count = new double[nodeCount][];
            _probability = new double[nodeCount][];
            for (var i = 0; i < nodeCount; i++)
            {
                _to[i] = new int[perRow[i]];
                _count[i] = new double[perRow[i]];
                _probability[i] = new double[perRow[i]];
            }

            var filled = new int[nodeCount];
            foreach (var e in edges)
            {
                var from = (int)(e / nodeCount);
                var k = filled[from]++;
                _to[from][k] = (int)(e % nodeCount);
                _count[from][k] = counts[e];
            }

            for (var i = 0; i < nodeCount; i++)
            {
                var total = 0.0;
                foreach (var c in _count[i])
                {
                    total += c;
                }

                for (var k = 0; k < _count[i].Length; k++)
                {
                    _probability[i][k] = _count[i][k] / total;
                }
            }
        }

        /// <summary>P(conversion) and the expected conversion value from the start, with the states containing
        /// <paramref name="removedKey"/> (if not -1) turned into null.</summary>
        internal (double Probability, double Value) Absorb(int[][] tuples, int removedKey, double[] meanValue, double[] workspace)
        {
            var stateCount = tuples.Length;
            var conversionNode = stateCount + 1;
            var index = new int[_nodeCount];
            var n = 0;
            for (var s = 1; s <= stateCount; s++)
            {
                index[s] = removedKey >= 0 && Array.IndexOf(tuples[s - 1], removedKey) >= 0 ? -1 : n++;
            }

            if (n == 0)
            {
                return (0, 0);
            }

            var a = workspace.Length >= n * n ? workspace : new double[n * n];
            Array.Clear(a, 0, n * n);
            var toConversion = new double[n];
            var valueOfConversion = new double[n];
            for (var s = 1; s <= stateCount; s++)
            {
                var row = index[s];
                if (row < 0)
                {
                    continue;
                }

                a[(row * n) + row] += 1;
                var to = _to[s];
                var probability = _probability[s];
                for (var k = 0; k < to.Length; k++)
                {
                    if (to[k] == conversionNode)
                    {
                        toConversion[row] += probability[k];
                        valueOfConversion[row] += probability[k] * meanValue[s];
                    }
                    else if (to[k] <= stateCount && index[to[k]] >= 0)
                    {
                        a[(row * n) + index[to[k]]] -= probability[k];
                    }
                }
            }

            DenseLinearSolver.Solve(a, n, toConversion, valueOfConversion);

            var p = new NeumaierSum();
            var v = new NeumaierSum();
            var startTo = _to[0];
            var startProbability = _probability[0];
            for (var k = 0; k < startTo.Length; k++)
            {
                var row = index[startTo[k]];
                if (startTo[k] <= stateCount && row >= 0)
                {
                    p.Add(startProbability[k] * toConversion[row]);
                    v.Add(startProbability[k] * valueOfConversion[row]);
                }
            }

            return (p.Value, v.Value);
        }

        internal IReadOnlyList<MarkovTransition> Transitions(string[] labels)
        {
            var list = new List<MarkovTransition>();
            for (var i = 0; i < _nodeCount; i++)
            {
                for (var k = 0; k < _to[i].Length; k++)
                {
                    list.Add(new MarkovTransition(labels[i], labels[_to[i][k]], _count[i][k], _probability[i][k]));
                }
            }

            return list;
        }
    }
}
