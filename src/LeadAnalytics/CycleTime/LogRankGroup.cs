namespace LeadAnalytics.CycleTime;

/// <summary>One group of a log-rank test: its size and its observed and expected (weighted) event counts.</summary>
/// <remarks>Immutable. The columns of R's <c>survdiff</c> print-out.</remarks>
public sealed class LogRankGroup
{
    internal LogRankGroup(int group, int count, double observed, double expected, double variance)
    {
        Group = group;
        Count = count;
        Observed = observed;
        Expected = expected;
        Variance = variance;
    }

    /// <summary>The group label as given.</summary>
    public int Group { get; }

    /// <summary>Subjects in the group (R's <c>N</c>).</summary>
    public int Count { get; }

    /// <summary>Observed events, weighted when ρ ≠ 0 (R's <c>obs</c>).</summary>
    public double Observed { get; }

    /// <summary>Expected events under the null hypothesis of one common hazard (R's <c>exp</c>).</summary>
    public double Expected { get; }

    /// <summary>The diagonal of the variance of observed minus expected (R's <c>diag(var)</c>).</summary>
    public double Variance { get; }
}
