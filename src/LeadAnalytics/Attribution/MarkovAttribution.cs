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
        string[] keys, SequenceMap allPaths, double[] allConversions, double[] allNulls, decimal[] allValue, double totalConversions, AttributionOptions options, bool withDetails) =>
        Compute(keys, MarkovPlan.Build(allPaths, allConversions, allNulls, options.MarkovOrder), allConversions, allNulls, allValue, totalConversions, options, withDetails);

    /// <summary>Steps 4 and 5 on a plan built once (<see cref="MarkovPlan"/>): the counts only fill the plan's edges, so a
    /// bootstrap replicate never hashes a path again. States of the plan that no counted path reaches are left out, which
    /// gives the same chain, and the same bits, as a plan built from the counted paths alone.
    /// The optional scratch is a caller's buffer for the dense absorption system (a bootstrap worker's, reused across its
    /// replicates: at order 3 the system is states² doubles, tens of megabytes); null allocates one.</summary>
    internal static RawCredit Compute(
        string[] keys, MarkovPlan plan, double[] allConversions, double[] allNulls, decimal[] allValue, double totalConversions, AttributionOptions options, bool withDetails,
        double[]? scratch = null)
    {
        var keyCount = keys.Length;
        var order = options.MarkovOrder;
        var stateCount = plan.StateCount;
        var nodeCount = plan.NodeCount;
        var sortedTuples = plan.SortedTuples;
        var edgeCount = new double[plan.EdgeKeys.Length];
        var lastStateValue = new decimal[nodeCount];
        var lastStateConversions = new double[nodeCount];
        var pathCount = 0;
        for (var i = 0; i < plan.Paths.Length; i++)
        {
            var path = plan.Paths[i];
            var conversions = allConversions[path];
            var nulls = allNulls[path];
            if (conversions + nulls <= 0)
            {
                continue;
            }

            pathCount++;
            for (var e = plan.EdgeStart[i]; e < plan.EdgeStart[i + 1]; e++)
            {
                edgeCount[plan.Edges[e]] += conversions + nulls;
            }

            if (conversions > 0)
            {
                edgeCount[plan.ConversionEdge[i]] += conversions;
                lastStateValue[plan.LastNode[i]] += allValue[path];
                lastStateConversions[plan.LastNode[i]] += conversions;
            }

            if (nulls > 0)
            {
                edgeCount[plan.NullEdge[i]] += nulls;
            }
        }

        // A state is in this chain when a counted path reaches it.
        var reached = new bool[nodeCount];
        for (var e = 0; e < edgeCount.Length; e++)
        {
            if (edgeCount[e] > 0)
            {
                reached[plan.EdgeKeys[e] % nodeCount] = true;
            }
        }

        var chain = new Chain(nodeCount, plan.EdgeKeys, edgeCount);
        var meanValue = new double[nodeCount];
        for (var s = 1; s <= stateCount; s++)
        {
            meanValue[s] = lastStateConversions[s] > 0 ? (double)(lastStateValue[s] / (decimal)lastStateConversions[s]) : 0;
        }

        // 4. Exact absorption: full chain, then each key removed.
        var workspace = scratch is not null && scratch.Length >= stateCount * stateCount ? scratch : new double[stateCount * stateCount];
        var (probability, value) = chain.Absorb(sortedTuples, reached, -1, meanValue, workspace);
        var removal = new double?[keyCount];
        var valueRemoval = new double?[keyCount];
        var present = new bool[keyCount];
        for (var state = 1; state <= stateCount; state++)
        {
            if (reached[state])
            {
                foreach (var key in sortedTuples[state - 1])
                {
                    present[key] = true;
                }
            }
        }

        for (var key = 0; key < keyCount; key++)
        {
            double without = probability, valueWithout = value;
            if (present[key])
            {
                (without, valueWithout) = chain.Absorb(sortedTuples, reached, key, meanValue, workspace);
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

        var conversionNode = stateCount + 1;
        var nullNode = stateCount + 2;
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

        /// <summary>The chain from the plan's edges (sorted by from, then to) and their counts; edges without a count are left out.</summary>
        internal Chain(int nodeCount, long[] edgeKeys, double[] edgeCounts)
        {
            _nodeCount = nodeCount;
            var perRow = new int[nodeCount];
            for (var e = 0; e < edgeKeys.Length; e++)
            {
                if (edgeCounts[e] > 0)
                {
                    perRow[edgeKeys[e] / nodeCount]++;
                }
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
            for (var e = 0; e < edgeKeys.Length; e++)
            {
                if (edgeCounts[e] > 0)
                {
                    var from = (int)(edgeKeys[e] / nodeCount);
                    var k = filled[from]++;
                    _to[from][k] = (int)(edgeKeys[e] % nodeCount);
                    _count[from][k] = edgeCounts[e];
                }
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
        internal (double Probability, double Value) Absorb(int[][] tuples, bool[] reached, int removedKey, double[] meanValue, double[] workspace)
        {
            var stateCount = tuples.Length;
            var conversionNode = stateCount + 1;
            var index = new int[_nodeCount];
            var n = 0;
            for (var s = 1; s <= stateCount; s++)
            {
                index[s] = !reached[s] || (removedKey >= 0 && Array.IndexOf(tuples[s - 1], removedKey) >= 0) ? -1 : n++;
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
