namespace LeadAnalytics.Attribution;

/// <summary>The distinct (collapsed) paths of a journey table with their summed counts, and the path of every row (-1 for a row
/// the chain does not use): what the Markov model needs, computed once and re-counted by each bootstrap replicate.</summary>
internal sealed class MarkovPaths
{
    private readonly object _gate = new();
    private MarkovPlan? _plan;

    internal MarkovPaths(SequenceMap paths, int[] rowPath, double[] conversions, double[] nulls, decimal[] value)
    {
        Paths = paths;
        RowPath = rowPath;
        Conversions = conversions;
        Nulls = nulls;
        Value = value;
    }

    /// <summary>The chain's structure over every path with a count, built on first use by a bootstrap and shared by its
    /// replicates (a replicate's paths are a subset).</summary>
    internal MarkovPlan Plan(int order)
    {
        lock (_gate)
        {
            return _plan ??= MarkovPlan.Build(Paths, Conversions, Nulls, order);
        }
    }

    internal SequenceMap Paths { get; }

    internal int[] RowPath { get; }

    internal double[] Conversions { get; }

    internal double[] Nulls { get; }

    internal decimal[] Value { get; }
}
