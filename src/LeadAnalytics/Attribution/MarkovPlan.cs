namespace LeadAnalytics.Attribution;

/// <summary>
/// The structure of a Markov chain over a set of paths, built once: the states (windows of k keys, as ChannelAttribution
/// numbers them) in canonical key order, the distinct edges sorted by (from, to), and each path's transitions as indexes into
/// those edges. Fitting the chain to counts is then one pass adding each path's count to its edges: no hashing, no sorting.
/// Bootstrap replicates (which only re-weight the paths) reuse one plan.
/// </summary>
internal sealed class MarkovPlan
{
    private MarkovPlan(int stateCount, int[][] sortedTuples, int[] paths, int[] edgeStart, int[] edges, int[] conversionEdge, int[] nullEdge, int[] lastNode, long[] edgeKeys)
    {
        StateCount = stateCount;
        SortedTuples = sortedTuples;
        Paths = paths;
        EdgeStart = edgeStart;
        Edges = edges;
        ConversionEdge = conversionEdge;
        NullEdge = nullEdge;
        LastNode = lastNode;
        EdgeKeys = edgeKeys;
    }

    /// <summary>Transient states; nodes are 0 = start, 1..StateCount = states in key order, then conversion and null.</summary>
    internal int StateCount { get; }

    internal int NodeCount => StateCount + 3;

    /// <summary>Each state's keys, in canonical (node) order: state node s is <c>SortedTuples[s - 1]</c>.</summary>
    internal int[][] SortedTuples { get; }

    /// <summary>The path ids of the plan, ascending: those with a count when it was built.</summary>
    internal int[] Paths { get; }

    /// <summary>Per plan path (CSR): its transitions from the start through its states, as edge indexes.</summary>
    internal int[] EdgeStart { get; }

    internal int[] Edges { get; }

    /// <summary>Per plan path: the edge from its last state to conversion (-1 when the path never converted).</summary>
    internal int[] ConversionEdge { get; }

    /// <summary>Per plan path: the edge from its last state to null (-1 when the path always converted).</summary>
    internal int[] NullEdge { get; }

    /// <summary>Per plan path: its last state's node.</summary>
    internal int[] LastNode { get; }

    /// <summary>The distinct edges as <c>from * NodeCount + to</c>, ascending.</summary>
    internal long[] EdgeKeys { get; }

    /// <summary>The plan of the paths with a positive count.</summary>
    internal static MarkovPlan Build(SequenceMap allPaths, double[] conversions, double[] nulls, int order)
    {
        var active = new List<int>(conversions.Length);
        var longestPath = 1;
        for (var p = 0; p < conversions.Length; p++)
        {
            if (conversions[p] + nulls[p] > 0)
            {
                active.Add(p);
                longestPath = Math.Max(longestPath, allPaths.Length(p));
            }
        }

        // States of each path: windows of k keys (a path shorter than k is one state).
        var pathCount = active.Count;
        var states = new SequenceMap();
        var pathStateStart = new int[pathCount + 1];
        var pathStates = new List<int>();
        var window = new int[longestPath];
        for (var i = 0; i < pathCount; i++)
        {
            pathStateStart[i] = pathStates.Count;
            var length = allPaths.Length(active[i]);
            for (var k = 0; k < length; k++)
            {
                window[k] = allPaths.Get(active[i], k);
            }

            if (length <= order)
            {
                pathStates.Add(states.GetOrAdd(window, 0, length));
            }
            else
            {
                for (var k = 0; k + order <= length; k++)
                {
                    pathStates.Add(states.GetOrAdd(window, k, order));
                }
            }
        }

        pathStateStart[pathCount] = pathStates.Count;

        // Canonical numbering by key order.
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

        // Edges: collected as keys, then numbered in sorted order.
        long nodeCount = stateCount + 3;
        long conversionNode = stateCount + 1, nullNode = stateCount + 2;
        var pathEdgeKeys = new long[pathStates.Count];
        var conversionKey = new long[pathCount];
        var nullKey = new long[pathCount];
        var lastNode = new int[pathCount];
        var distinct = new HashSet<long>();
        for (var i = 0; i < pathCount; i++)
        {
            var previous = 0L;
            for (var k = pathStateStart[i]; k < pathStateStart[i + 1]; k++)
            {
                var node = rank[pathStates[k]];
                pathEdgeKeys[k] = (previous * nodeCount) + node;
                distinct.Add(pathEdgeKeys[k]);
                previous = node;
            }

            lastNode[i] = (int)previous;
            conversionKey[i] = conversions[active[i]] > 0 ? (previous * nodeCount) + conversionNode : -1;
            nullKey[i] = nulls[active[i]] > 0 ? (previous * nodeCount) + nullNode : -1;
            if (conversionKey[i] >= 0)
            {
                distinct.Add(conversionKey[i]);
            }

            if (nullKey[i] >= 0)
            {
                distinct.Add(nullKey[i]);
            }
        }

        var edgeKeys = new long[distinct.Count];
        distinct.CopyTo(edgeKeys);
        Array.Sort(edgeKeys);
        var edges = new int[pathEdgeKeys.Length];
        for (var k = 0; k < edges.Length; k++)
        {
            edges[k] = Array.BinarySearch(edgeKeys, pathEdgeKeys[k]);
        }

        var conversionEdge = new int[pathCount];
        var nullEdge = new int[pathCount];
        for (var i = 0; i < pathCount; i++)
        {
            conversionEdge[i] = conversionKey[i] >= 0 ? Array.BinarySearch(edgeKeys, conversionKey[i]) : -1;
            nullEdge[i] = nullKey[i] >= 0 ? Array.BinarySearch(edgeKeys, nullKey[i]) : -1;
        }

        return new MarkovPlan(stateCount, sortedTuples, active.ToArray(), pathStateStart, edges, conversionEdge, nullEdge, lastNode, edgeKeys);
    }
}
