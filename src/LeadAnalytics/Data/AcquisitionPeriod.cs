namespace LeadAnalytics.Data;

/// <summary>A half-open period of acquisition, [<see cref="From"/>, <see cref="To"/>): October 2023 runs from
/// 2023-10-01T00:00 to 2023-11-01T00:00. Either end may be open.</summary>
/// <remarks>Instants compare at the LeadTable's resolution of one second. Immutable and thread-safe; equality by value.</remarks>
public sealed class AcquisitionPeriod : IEquatable<AcquisitionPeriod>
{
    /// <summary>Creates a period.</summary>
    /// <param name="from">Start, inclusive; <see langword="null"/> for no lower bound.</param>
    /// <param name="to">End, exclusive; <see langword="null"/> for no upper bound.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public AcquisitionPeriod(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && t <= f)
        {
            throw new ArgumentException($"The period end ({t:O}) must be after its start ({f:O}).", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>Every lead, whenever acquired.</summary>
    public static AcquisitionPeriod AllTime { get; } = new(null, null);

    /// <summary>Start, inclusive, or <see langword="null"/>.</summary>
    public DateTimeOffset? From { get; }

    /// <summary>End, exclusive, or <see langword="null"/>.</summary>
    public DateTimeOffset? To { get; }

    /// <inheritdoc />
    public bool Equals(AcquisitionPeriod? other) => other is not null && Nullable.Equals(From, other.From) && Nullable.Equals(To, other.To);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AcquisitionPeriod);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((From.GetHashCode() * 397) ^ To.GetHashCode());

    /// <summary>The period as <c>[from, to)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"[{From?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"}, {To?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "+inf"})";
}
