namespace LeadAnalytics.Effectiveness;

/// <summary>Thresholds of the effectiveness findings. No segment finding fires below <see cref="MinimumLeads"/>.</summary>
public sealed class FindingRuleOptions
{
    /// <summary>Whether findings are produced at all. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A segment needs at least this many leads (and the rest as many) before any segment finding fires. Default 30.</summary>
    public int MinimumLeads { get; init; } = 30;

    /// <summary>Cost-per-acquisition rules need at least this many won leads in the segment. Default 5.</summary>
    public int MinimumWon { get; init; } = 5;

    /// <summary>Family-wise significance level for "significantly above / below the rest" (after Holm). Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>"High volume": the segment holds at least this share of the period's leads. Default 0.2.</summary>
    public double HighVolumeShare { get; init; } = 0.2;

    /// <summary>"Clearly" below or above the rest: a relative gap of at least this much (0.2 = 20%). Default 0.2.</summary>
    public double RelativeGap { get; init; } = 0.2;

    /// <summary>ROAS below this fires <see cref="Findings.FindingKinds.RoasBelowThreshold"/>. Default 1 (revenue below spend).</summary>
    public decimal RoasThreshold { get; init; } = 1m;

    internal bool IsEquivalentTo(FindingRuleOptions other) =>
        ReferenceEquals(this, other)
        || (Enabled == other.Enabled && MinimumLeads == other.MinimumLeads && MinimumWon == other.MinimumWon && Alpha.Equals(other.Alpha)
            && HighVolumeShare.Equals(other.HighVolumeShare) && RelativeGap.Equals(other.RelativeGap) && RoasThreshold == other.RoasThreshold);
}
