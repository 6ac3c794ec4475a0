namespace LeadAnalytics.Funnel;

/// <summary>One segment of a <see cref="FunnelBreakdown"/>: its dimension values and its funnel.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelSegment
{
    internal FunnelSegment(IReadOnlyList<string?> values, FunnelResult funnel)
    {
        Values = values;
        Funnel = funnel;
        Label = string.Join(" / ", values.Select(v => v ?? DimensionKeys.Missing));
    }

    /// <summary>The segment's value of each dimension of the breakdown, in order; <see langword="null"/> when missing.</summary>
    public IReadOnlyList<string?> Values { get; }

    /// <summary>The values joined with " / ", missing shown as <see cref="DimensionKeys.Missing"/>.</summary>
    public string Label { get; }

    /// <summary>The segment's funnel.</summary>
    public FunnelResult Funnel { get; }

    /// <summary>Describes the segment.</summary>
    /// <returns>Label and funnel.</returns>
    public override string ToString() => $"{Label}: {Funnel}";
}
