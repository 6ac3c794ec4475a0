namespace LeadAnalytics.Attribution;

/// <summary>The difference between two keys' credited conversions under one model, with its bootstrap interval: "is Douyin
/// really ahead of SEO?" (<see cref="AttributionResult.Difference"/>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CreditDifference
{
    internal CreditDifference(string first, string second, double estimate, double lower, double upper, double shareFirstAhead)
    {
        First = first;
        Second = second;
        Estimate = estimate;
        Lower = lower;
        Upper = upper;
        ShareFirstAhead = shareFirstAhead;
    }

    /// <summary>The first key.</summary>
    public string First { get; }

    /// <summary>The second key.</summary>
    public string Second { get; }

    /// <summary>First's credited conversions minus second's, on the data.</summary>
    public double Estimate { get; }

    /// <summary>Lower limit of the difference (same method and level as the credit intervals).</summary>
    public double Lower { get; }

    /// <summary>Upper limit of the difference.</summary>
    public double Upper { get; }

    /// <summary>Share of replicates in which the first key has strictly more credited conversions than the second.</summary>
    public double ShareFirstAhead { get; }
}
