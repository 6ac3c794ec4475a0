namespace LeadAnalytics.Findings;

/// <summary>How urgently a finding calls for action.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; often good news (a segment significantly above the rest).</summary>
    Info = 0,

    /// <summary>Worth acting on (low conversion at high volume, high cost per customer, a significant shortfall).</summary>
    Warning = 1,

    /// <summary>Losing money or data (ROAS below 1).</summary>
    Critical = 2,
}
