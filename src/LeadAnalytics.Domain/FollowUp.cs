namespace LeadAnalytics;

/// <summary>The kind of a follow-up touch by sales.</summary>
public enum FollowUpKind
{
    /// <summary>Anything else.</summary>
    Other = 0,

    /// <summary>A phone call.</summary>
    Call = 1,

    /// <summary>A chat or text message (WeChat, SMS).</summary>
    Message = 2,

    /// <summary>A meeting, in person or online.</summary>
    Meeting = 3,

    /// <summary>An email.</summary>
    Email = 4,
}

/// <summary>A recorded follow-up of a lead (跟进记录): when, how, and a note.</summary>
/// <remarks>Immutable value type; equality by all fields (the note ordinally).</remarks>
public readonly struct FollowUp : IEquatable<FollowUp>
{
    /// <summary>Creates a follow-up.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="kind">How.</param>
    /// <param name="note">What was said or agreed; may be null.</param>
    public FollowUp(DateTimeOffset at, FollowUpKind kind, string? note = null)
    {
        At = at;
        Kind = kind;
        Note = note;
    }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; }

    /// <summary>How.</summary>
    public FollowUpKind Kind { get; }

    /// <summary>Free text, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public bool Equals(FollowUp other) =>
        At.UtcDateTime == other.At.UtcDateTime && At.Offset == other.At.Offset && Kind == other.Kind && string.Equals(Note, other.Note, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FollowUp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((At.UtcTicks.GetHashCode() * 31 + (int)Kind) * 31 + (Note is null ? 0 : StringComparer.Ordinal.GetHashCode(Note)));

    /// <summary>Equality of all fields.</summary>
    public static bool operator ==(FollowUp left, FollowUp right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    public static bool operator !=(FollowUp left, FollowUp right) => !left.Equals(right);

    /// <summary>Describes the follow-up.</summary>
    /// <returns>Instant, kind and note.</returns>
    public override string ToString() => $"{At:O} {Kind}" + (Note is null ? string.Empty : " " + Note);
}
