namespace LeadAnalytics;

/// <summary>CRM milestones a touchpoint can mark, used by the U-shaped, W-shaped and full-path attribution models.</summary>
[Flags]
public enum CrmMilestones
{
    /// <summary>An ordinary touch.</summary>
    None = 0,

    /// <summary>The first touch of the journey.</summary>
    FirstTouch = 1,

    /// <summary>The touch on which the lead was created.</summary>
    LeadCreated = 2,

    /// <summary>The touch on which the deal (opportunity) was created.</summary>
    DealCreated = 4,

    /// <summary>The touch on which the deal was won.</summary>
    ClosedWon = 8,
}

/// <summary>One marketing or sales touch in a lead's journey: when, through which channel, strategy and content.</summary>
/// <remarks>Immutable and thread-safe. Equality is by value over all fields (strings ordinally).</remarks>
public sealed class Touchpoint : IEquatable<Touchpoint>
{
    /// <summary>Creates a touchpoint.</summary>
    /// <param name="journeyId">The lead id (or an anonymous journey id) the touch belongs to.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="strategy">The promotion strategy, if known.</param>
    /// <param name="content">The content asset, if known.</param>
    /// <param name="milestones">CRM milestones this touch marks.</param>
    /// <exception cref="ArgumentException"><paramref name="journeyId"/> or <paramref name="channel"/> is blank.</exception>
    public Touchpoint(string journeyId, DateTimeOffset occurredAt, string channel, string? strategy = null, string? content = null, CrmMilestones milestones = CrmMilestones.None)
    {
        JourneyId = Preconditions.CheckNotBlank(journeyId, nameof(journeyId));
        Channel = Preconditions.CheckNotBlank(channel, nameof(channel));
        OccurredAt = occurredAt;
        Strategy = string.IsNullOrWhiteSpace(strategy) ? null : strategy;
        Content = string.IsNullOrWhiteSpace(content) ? null : content;
        Milestones = milestones;
    }

    /// <summary>The lead or journey id.</summary>
    public string JourneyId { get; }

    /// <summary>When the touch happened.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>The channel.</summary>
    public string Channel { get; }

    /// <summary>The promotion strategy, or <see langword="null"/>.</summary>
    public string? Strategy { get; }

    /// <summary>The content asset, or <see langword="null"/>.</summary>
    public string? Content { get; }

    /// <summary>The CRM milestones this touch marks.</summary>
    public CrmMilestones Milestones { get; }

    /// <inheritdoc />
    public bool Equals(Touchpoint? other) =>
        other is not null
        && string.Equals(JourneyId, other.JourneyId, StringComparison.Ordinal)
        && OccurredAt.Equals(other.OccurredAt)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && string.Equals(Strategy, other.Strategy, StringComparison.Ordinal)
        && string.Equals(Content, other.Content, StringComparison.Ordinal)
        && Milestones == other.Milestones;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Touchpoint);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(JourneyId) * 31 + OccurredAt.GetHashCode()) * 31 + StringComparer.Ordinal.GetHashCode(Channel));

    /// <summary>Describes the touch.</summary>
    /// <returns>Journey, instant and channel.</returns>
    public override string ToString() => $"{JourneyId} {OccurredAt:O} {Channel}";
}
