namespace LeadAnalytics;

/// <summary>A stage a lead entered and when.</summary>
/// <remarks>Immutable value type; equality by stage name (ordinal) and instant.</remarks>
public readonly struct StageTimestamp : IEquatable<StageTimestamp>
{
    /// <summary>Creates the pair.</summary>
    /// <param name="stage">The stage name.</param>
    /// <param name="at">When the lead entered it.</param>
    public StageTimestamp(string stage, DateTimeOffset at)
    {
        Stage = Preconditions.CheckNotNull(stage, nameof(stage));
        At = at;
    }

    /// <summary>The stage name.</summary>
    public string Stage { get; }

    /// <summary>When the lead entered it.</summary>
    public DateTimeOffset At { get; }

    /// <inheritdoc />
    public bool Equals(StageTimestamp other) => string.Equals(Stage, other.Stage, StringComparison.Ordinal) && At.Equals(other.At);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StageTimestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked(((Stage is null ? 0 : StringComparer.Ordinal.GetHashCode(Stage)) * 31) + At.GetHashCode());

    /// <summary>Equality of stage and instant.</summary>
    public static bool operator ==(StageTimestamp left, StageTimestamp right) => left.Equals(right);

    /// <summary>Inequality of stage or instant.</summary>
    public static bool operator !=(StageTimestamp left, StageTimestamp right) => !left.Equals(right);

    /// <summary>Describes the pair.</summary>
    /// <returns>Stage and instant.</returns>
    public override string ToString() => $"{Stage}@{At:O}";
}
