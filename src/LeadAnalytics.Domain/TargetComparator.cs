namespace LeadAnalytics;

/// <summary>How a metric's value is compared with its target.</summary>
public enum TargetComparator
{
    /// <summary><c>&lt;</c>: met when the value is below the target.</summary>
    LessThan = 0,

    /// <summary><c>&lt;=</c>: met when the value is at most the target.</summary>
    LessThanOrEqual = 1,

    /// <summary><c>&gt;</c>: met when the value is above the target.</summary>
    GreaterThan = 2,

    /// <summary><c>&gt;=</c>: met when the value is at least the target.</summary>
    GreaterThanOrEqual = 3,
}
