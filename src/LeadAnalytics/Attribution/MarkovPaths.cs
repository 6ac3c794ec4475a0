namespace LeadAnalytics.Attribution;

/// <summary>The distinct (collapsed) paths of a journey table with their summed counts, and the path of every row (-1 for a row
/// the chain does not use): what the Markov model needs, computed once and re-counted by each bootstrap replicate.</summary>
internal sealed class MarkovPaths
{
    internal MarkovPaths(SequenceMap paths, int[] rowPath, double[] conversions, double[] nulls, decimal[] value)
    {
        Paths = paths;
        RowPath = rowPath;
        Conversions = conversions;
        Nulls = nulls;
        Value = value;
    }

    internal SequenceMap Paths { get; }

    internal int[] RowPath { get; }

    internal double[] Conversions { get; }

    internal double[] Nulls { get; }

    internal decimal[] Value { get; }
}
