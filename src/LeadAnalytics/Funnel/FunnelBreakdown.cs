namespace LeadAnalytics.Funnel;

/// <summary>
/// A funnel per segment of one or two dimensions, beside the whole funnel. Segments are the value combinations that
/// have leads acquired by as-of, ordered ordinally by value (missing first).
/// </summary>
/// <remarks>
/// <para>For single-valued dimensions every lead is in exactly one segment, so every count of the segments sums to the
/// total's. Tags are multi-valued: a lead counts in each of its tags (a lead without tags in the missing segment), so
/// tag segments overlap and their counts need not sum to the total (<see cref="SegmentsSumToTotal"/> is false).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class FunnelBreakdown
{
    internal FunnelBreakdown(FunnelGrouping grouping, FunnelResult total, IReadOnlyList<FunnelSegment> segments)
    {
        Grouping = grouping;
        Total = total;
        Segments = segments;
    }

    /// <summary>The grouping (one or two dimensions).</summary>
    public FunnelGrouping Grouping { get; }

    /// <summary>The dimensions, in order.</summary>
    public IReadOnlyList<Dimension> Dimensions => Grouping.Dimensions;

    /// <summary>The whole funnel, each lead counted once.</summary>
    public FunnelResult Total { get; }

    /// <summary>The segments.</summary>
    public IReadOnlyList<FunnelSegment> Segments { get; }

    /// <summary>Whether segment counts sum to the total's: true unless a dimension is <see cref="Dimension.Tag"/>.</summary>
    public bool SegmentsSumToTotal => !Grouping.Dimensions.Contains(Dimension.Tag);

    /// <summary>Finds a segment by its values.</summary>
    /// <param name="values">One value per dimension (ordinal; <see langword="null"/> for missing).</param>
    /// <returns>The segment, or <see langword="null"/> when no lead has those values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null (for the missing value pass <c>(string?)null</c>).</exception>
    public FunnelSegment? Find(params string?[] values)
    {
        Preconditions.CheckNotNull(values);

        foreach (var segment in Segments)
        {
            if (segment.Values.SequenceEqual(values, StringComparer.Ordinal))
            {
                return segment;
            }
        }

        return null;
    }

    /// <summary>Describes the breakdown.</summary>
    /// <returns>Grouping and segment count.</returns>
    public override string ToString() => $"{Grouping}: {Segments.Count} segments; total {Total}";
}
