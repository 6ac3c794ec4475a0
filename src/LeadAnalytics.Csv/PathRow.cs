namespace LeadAnalytics.Csv;

/// <summary>One aggregated journey as warehouses and ChannelAttribution store them: the ordered channel steps, how many journeys
/// along it converted, their total value, and how many did not convert.</summary>
/// <remarks>Immutable. Equality is by value (steps ordinally, in order).</remarks>
public sealed class PathRow : IEquatable<PathRow>
{
    private readonly string[] _steps;

    /// <summary>Creates a path row.</summary>
    /// <param name="steps">The channels in order; at least one, none blank (trimmed).</param>
    /// <param name="conversions">Journeys that converted; finite, not negative (ChannelAttribution allows fractions).</param>
    /// <param name="value">Their total conversion value; not negative.</param>
    /// <param name="nulls">Journeys that did not convert; finite, not negative.</param>
    /// <exception cref="ArgumentException">No steps, a blank step, or a negative or non-finite count or value.</exception>
    public PathRow(IEnumerable<string> steps, double conversions, decimal value = 0m, double nulls = 0)
    {
        _steps = Preconditions.CheckNotNull(steps).Select(s => s?.Trim() ?? string.Empty).ToArray();
        Preconditions.CheckArgument(_steps.Length != 0 && !_steps.Any(s => s.Length == 0), nameof(steps), "A path needs at least one step and no blank step.");

        if (double.IsNaN(conversions) || double.IsInfinity(conversions) || conversions < 0)
        {
            throw new ArgumentException($"Conversions must be finite and not negative (was {conversions}).", nameof(conversions));
        }

        if (double.IsNaN(nulls) || double.IsInfinity(nulls) || nulls < 0)
        {
            throw new ArgumentException($"Nulls must be finite and not negative (was {nulls}).", nameof(nulls));
        }

        if (value < 0m)
        {
            throw new ArgumentException($"The conversion value must not be negative (was {value}).", nameof(value));
        }

        Conversions = conversions;
        Value = value;
        Nulls = nulls;
    }

    /// <summary>The channels in order.</summary>
    public IReadOnlyList<string> Steps => _steps;

    /// <summary>Journeys along this path that converted.</summary>
    public double Conversions { get; }

    /// <summary>Their total conversion value.</summary>
    public decimal Value { get; }

    /// <summary>Journeys along this path that did not convert.</summary>
    public double Nulls { get; }

    /// <inheritdoc />
    public bool Equals(PathRow? other) =>
        other is not null && _steps.SequenceEqual(other._steps, StringComparer.Ordinal) && Conversions.Equals(other.Conversions)
        && Value == other.Value && Nulls.Equals(other.Nulls);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PathRow);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(string.Join(">", _steps)) * 31) + Conversions.GetHashCode());

    /// <summary>The path as written: <c>a &gt; b &gt; c</c>.</summary>
    /// <returns>The steps joined by " &gt; ".</returns>
    public override string ToString() => string.Join(" > ", _steps);
}
