namespace LeadAnalytics;

/// <summary>One condition of a <see cref="SegmentFilter"/>: a dimension and the values it may take (any of them).</summary>
/// <remarks>
/// <para>Values are trimmed, compared ordinally (<see cref="DimensionKeys.Comparer"/>), deduplicated and kept in ordinal
/// order, so two conditions listing the same values in another order are equal. The value <see cref="DimensionKeys.Missing"/>
/// (<c>(none)</c>) selects leads without a value. For <see cref="Dimension.Tag"/> a lead matches when it has any of the tags.</para>
/// <para>Immutable and thread-safe; equality by dimension and values.</para>
/// </remarks>
public sealed class SegmentCondition : IEquatable<SegmentCondition>
{
    private readonly string[] _values;

    /// <summary>Creates a condition.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="values">One or more values; the condition holds when the lead's value is any of them.</param>
    /// <exception cref="ArgumentException">The dimension is undefined, no value is given, or a value is blank.</exception>
    public SegmentCondition(Dimension dimension, IEnumerable<string> values)
    {
        Preconditions.CheckArgument((uint)dimension <= (uint)Dimension.Tag, nameof(dimension), $"Unknown dimension {(int)dimension}.");
        Dimension = dimension;
        var list = new List<string>();
        foreach (var value in Preconditions.CheckNotNull(values, nameof(values)))
        {
            var v = Preconditions.CheckNotBlank(value, nameof(values)).Trim();
            if (!list.Contains(v, StringComparer.Ordinal))
            {
                list.Add(v);
            }
        }

        Preconditions.CheckArgument(list.Count > 0, nameof(values), "A segment condition needs at least one value.");
        list.Sort(StringComparer.Ordinal);
        _values = list.ToArray();
    }

    /// <summary>Creates a condition on one or more values.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="values">One or more values.</param>
    /// <exception cref="ArgumentException">The dimension is undefined, no value is given, or a value is blank.</exception>
    public SegmentCondition(Dimension dimension, params string[] values)
        : this(dimension, (IEnumerable<string>)values)
    {
    }

    /// <summary>The dimension.</summary>
    public Dimension Dimension { get; }

    /// <summary>The values, trimmed, distinct and in ordinal order.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Whether a lead satisfies the condition.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns><see langword="true"/> when the lead's value (or one of its tags) is one of <see cref="Values"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public bool Matches(Lead lead)
    {
        Preconditions.CheckNotNull(lead, nameof(lead));
        if (Dimension == Dimension.Tag)
        {
            if (lead.Tags.Count == 0)
            {
                return Accepts(null);
            }

            foreach (var tag in lead.Tags)
            {
                if (Accepts(tag))
                {
                    return true;
                }
            }

            return false;
        }

        return Accepts(DimensionKeys.GetValue(lead, Dimension));
    }

    /// <summary>Whether a value satisfies the condition.</summary>
    /// <param name="value">A dimension value; <see langword="null"/> (missing) matches <see cref="DimensionKeys.Missing"/>.</param>
    /// <returns><see langword="true"/> when it is one of <see cref="Values"/>.</returns>
    public bool Accepts(string? value) => Array.BinarySearch(_values, value ?? DimensionKeys.Missing, StringComparer.Ordinal) >= 0;

    /// <inheritdoc />
    public bool Equals(SegmentCondition? other) =>
        other is not null && Dimension == other.Dimension && _values.SequenceEqual(other._values, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SegmentCondition);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = (int)Dimension;
        foreach (var v in _values)
        {
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(v));
        }

        return hash;
    }

    /// <summary>Formats the condition as in target expressions, for example <c>channel=抖音信息流|SEO</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => MetricExpressionFormatter.Condition(this);
}
