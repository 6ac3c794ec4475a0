namespace LeadAnalytics.CycleTime;

/// <summary>One bin of a duration histogram: the half-open interval [<see cref="Lower"/>, <see cref="Upper"/>) in days
/// (the last bin also holds its upper edge) and how many durations fall in it.</summary>
/// <remarks>Immutable.</remarks>
public sealed class HistogramBin
{
    internal HistogramBin(double lower, double upper, int count)
    {
        Lower = lower;
        Upper = upper;
        Count = count;
    }

    /// <summary>The lower edge in days (included).</summary>
    public double Lower { get; }

    /// <summary>The upper edge in days (excluded, except in the last bin).</summary>
    public double Upper { get; }

    /// <summary>The number of durations in the bin.</summary>
    public int Count { get; }
}
