namespace LeadAnalytics;

/// <summary>
/// Which leads a tracked metric is computed on: all conditions must hold (at most one per dimension), for example
/// channel = 抖音信息流 and industry = 教育. The empty filter, <see cref="All"/>, selects every lead.
/// </summary>
/// <remarks>Immutable and thread-safe. Conditions are kept in <see cref="Dimension"/> order; equality by conditions.</remarks>
public sealed class SegmentFilter : IEquatable<SegmentFilter>
{
    private readonly SegmentCondition[] _conditions;

    /// <summary>Creates a filter from its conditions.</summary>
    /// <param name="conditions">The conditions; all must hold. At most one per dimension (list alternatives inside a condition).</param>
    /// <exception cref="ArgumentException">A condition is null or two name the same dimension.</exception>
    public SegmentFilter(IEnumerable<SegmentCondition> conditions)
    {
        var list = Preconditions.CheckNotNull(conditions, nameof(conditions)).ToList();
        foreach (var c in list)
        {
            Preconditions.CheckArgument(c is not null, nameof(conditions), "A segment condition is null.");
        }

        list.Sort((a, b) => ((int)a.Dimension).CompareTo((int)b.Dimension));
        for (var i = 1; i < list.Count; i++)
        {
            Preconditions.CheckArgument(
                list[i].Dimension != list[i - 1].Dimension,
                nameof(conditions),
                $"Dimension {list[i].Dimension} has two conditions; list its alternative values in one condition.");
        }

        _conditions = list.ToArray();
    }

    /// <summary>Creates a filter from its conditions.</summary>
    /// <param name="conditions">The conditions; all must hold.</param>
    /// <exception cref="ArgumentException">A condition is null or two name the same dimension.</exception>
    public SegmentFilter(params SegmentCondition[] conditions)
        : this((IEnumerable<SegmentCondition>)conditions)
    {
    }

    /// <summary>The filter that selects every lead.</summary>
    public static SegmentFilter All { get; } = new(Array.Empty<SegmentCondition>());

    /// <summary>A filter with one condition on one value, for example channel = 抖音信息流.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">The dimension is undefined or the value is blank.</exception>
    public static SegmentFilter Where(Dimension dimension, string value) => new(new SegmentCondition(dimension, value));

    /// <summary>The conditions, in <see cref="Dimension"/> order.</summary>
    public IReadOnlyList<SegmentCondition> Conditions => _conditions;

    /// <summary>Whether the filter selects every lead.</summary>
    public bool IsAll => _conditions.Length == 0;

    /// <summary>The condition on a dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The condition, or <see langword="null"/> when the filter does not restrict that dimension.</returns>
    public SegmentCondition? ConditionOn(Dimension dimension)
    {
        foreach (var c in _conditions)
        {
            if (c.Dimension == dimension)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Whether a lead satisfies every condition.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public bool Matches(Lead lead)
    {
        Preconditions.CheckNotNull(lead, nameof(lead));
        foreach (var c in _conditions)
        {
            if (!c.Matches(lead))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(SegmentFilter? other) => other is not null && _conditions.SequenceEqual(other._conditions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SegmentFilter);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var c in _conditions)
        {
            hash = unchecked((hash * 31) + c.GetHashCode());
        }

        return hash;
    }

    /// <summary>Formats the conditions as in target expressions, for example <c>channel=抖音信息流, industry=教育</c>; empty for <see cref="All"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(", ", _conditions.Select(c => c.ToString()));
}
