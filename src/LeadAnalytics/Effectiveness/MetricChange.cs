namespace LeadAnalytics.Effectiveness;

/// <summary>One metric of one segment in two periods: the values, the absolute change and the relative change.</summary>
/// <remarks>For proportions the absolute change is in fraction points (0.02 = 2 percentage points). Immutable.</remarks>
public sealed class MetricChange
{
    internal MetricChange(string metricId, double? current, double? previous)
    {
        MetricId = metricId;
        Current = current;
        Previous = previous;
        if (current is { } c && previous is { } p)
        {
            AbsoluteChange = c - p;
            RelativeChange = p != 0 ? (c - p) / Math.Abs(p) : null;
        }
    }

    /// <summary>The metric id.</summary>
    public string MetricId { get; }

    /// <summary>The value in the current period, or <see langword="null"/>.</summary>
    public double? Current { get; }

    /// <summary>The value in the previous period, or <see langword="null"/>.</summary>
    public double? Previous { get; }

    /// <summary>Current - previous, or <see langword="null"/> when either is undefined.</summary>
    public double? AbsoluteChange { get; }

    /// <summary>(Current - previous) / |previous|, or <see langword="null"/> when either is undefined or previous is zero.</summary>
    public double? RelativeChange { get; }
}
