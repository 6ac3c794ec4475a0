namespace LeadAnalytics.Data;

/// <summary>
/// Identifies a segment of leads by its values of one or more dimensions, for example channel = 抖音信息流, or
/// channel = 行业展会 × industry = 教育. <see cref="All"/> (no dimensions) is the whole population.
/// </summary>
/// <remarks>Values compare ordinally (<see cref="DimensionKeys.Comparer"/>); a <see langword="null"/> value is the missing
/// value, labelled <see cref="DimensionKeys.Missing"/>. Ordering: by dimensions, then values in order, missing first.
/// Immutable and thread-safe; equality by value.</remarks>
public sealed class SegmentKey : IEquatable<SegmentKey>, IComparable<SegmentKey>, IComparable
{
    private readonly Dimension[] _dimensions;
    private readonly string?[] _values;

    /// <summary>Creates a key.</summary>
    /// <param name="dimensions">The dimensions, distinct.</param>
    /// <param name="values">One value per dimension; <see langword="null"/> for missing.</param>
    /// <exception cref="ArgumentException">The lists differ in length or a dimension repeats.</exception>
    public SegmentKey(IReadOnlyList<Dimension> dimensions, IReadOnlyList<string?> values)
    {
        Preconditions.CheckNotNull(dimensions);

        Preconditions.CheckNotNull(values);

        if (dimensions.Count != values.Count)
        {
            throw new ArgumentException("One value per dimension is needed.", nameof(values));
        }

        _dimensions = new Dimension[dimensions.Count];
        _values = new string?[values.Count];
        for (var i = 0; i < _dimensions.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (_dimensions[j] == dimensions[i])
                {
                    throw new ArgumentException($"Dimension {dimensions[i]} repeats.", nameof(dimensions));
                }
            }

            _dimensions[i] = dimensions[i];
            _values[i] = values[i];
        }
    }

    /// <summary>The whole population: no dimensions.</summary>
    public static SegmentKey All { get; } = new(Array.Empty<Dimension>(), Array.Empty<string?>());

    /// <summary>A key on one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="value">The value, or <see langword="null"/> for missing.</param>
    /// <returns>The key.</returns>
    public static SegmentKey Of(Dimension dimension, string? value) => new(new[] { dimension }, new[] { value });

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<Dimension> Dimensions => _dimensions;

    /// <summary>The values, one per dimension; <see langword="null"/> is missing.</summary>
    public IReadOnlyList<string?> Values => _values;

    /// <summary>Whether this is the whole population.</summary>
    public bool IsAll => _dimensions.Length == 0;

    /// <summary>The values joined by " × ", missing values as <c>(none)</c>; <c>(all)</c> for <see cref="All"/>.</summary>
    public string Label
    {
        get
        {
            if (_values.Length == 0)
            {
                return "(all)";
            }

            var parts = new string[_values.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = _values[i] ?? DimensionKeys.Missing;
            }

            return string.Join(" × ", parts);
        }
    }

    /// <summary>The value of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The value (null when missing).</returns>
    /// <exception cref="ArgumentException">The key has no such dimension.</exception>
    public string? GetValue(Dimension dimension)
    {
        var i = Array.IndexOf(_dimensions, dimension);
        return i >= 0 ? _values[i] : throw new ArgumentException($"The key has no {dimension} dimension.", nameof(dimension));
    }

    /// <inheritdoc />
    public bool Equals(SegmentKey? other)
    {
        if (other is null || other._dimensions.Length != _dimensions.Length)
        {
            return false;
        }

        for (var i = 0; i < _dimensions.Length; i++)
        {
            if (_dimensions[i] != other._dimensions[i] || !string.Equals(_values[i], other._values[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SegmentKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            for (var i = 0; i < _dimensions.Length; i++)
            {
                hash = (hash * 31) + (int)_dimensions[i];
                hash = (hash * 31) + (_values[i] is null ? 0 : StringComparer.Ordinal.GetHashCode(_values[i]!));
            }

            return hash;
        }
    }

    /// <summary>Orders by dimensions, then values (ordinal, missing first).</summary>
    /// <param name="other">The key to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(SegmentKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var n = Math.Min(_dimensions.Length, other._dimensions.Length);
        for (var i = 0; i < n; i++)
        {
            var c = ((int)_dimensions[i]).CompareTo((int)other._dimensions[i]);
            if (c != 0)
            {
                return c;
            }
        }

        if (_dimensions.Length != other._dimensions.Length)
        {
            return _dimensions.Length.CompareTo(other._dimensions.Length);
        }

        for (var i = 0; i < n; i++)
        {
            var c = string.CompareOrdinal(_values[i], other._values[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        SegmentKey other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a SegmentKey.", nameof(obj)),
    };

    /// <summary>Dimension = value pairs, for example <c>Channel=SEO</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (_dimensions.Length == 0)
        {
            return "(all)";
        }

        var parts = new string[_dimensions.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = _dimensions[i] + "=" + (_values[i] ?? DimensionKeys.Missing);
        }

        return string.Join(", ", parts);
    }
}
