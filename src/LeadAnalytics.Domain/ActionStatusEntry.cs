namespace LeadAnalytics;

/// <summary>Where the people doing an action say it is (recorded by hand; the evaluated status comes from the data).</summary>
public enum ActionState
{
    /// <summary>Agreed, not begun.</summary>
    Planned = 0,

    /// <summary>Under way.</summary>
    InProgress = 1,

    /// <summary>Carried out (the training held, the videos published).</summary>
    Done = 2,

    /// <summary>Abandoned.</summary>
    Cancelled = 3,
}

/// <summary>One entry of an action's status history: when, the state, and a note.</summary>
/// <remarks>Immutable value type; equality by instant (<see cref="DateTimeOffset.Equals(DateTimeOffset)"/>), state and note (ordinal).</remarks>
public readonly struct ActionStatusEntry : IEquatable<ActionStatusEntry>
{
    /// <summary>Creates an entry.</summary>
    /// <param name="at">When the state was recorded.</param>
    /// <param name="state">The state.</param>
    /// <param name="note">A note, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="state"/> is undefined.</exception>
    public ActionStatusEntry(DateTimeOffset at, ActionState state, string? note = null)
    {
        Preconditions.CheckArgument((uint)state <= (uint)ActionState.Cancelled, nameof(state), $"Unknown action state {(int)state}.");
        At = at;
        State = state;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
    }

    /// <summary>When the state was recorded.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The state.</summary>
    public ActionState State { get; }

    /// <summary>The note, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public bool Equals(ActionStatusEntry other) => At.Equals(other.At) && State == other.State && string.Equals(Note, other.Note, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActionStatusEntry other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((At.GetHashCode() * 31 + (int)State) * 31 + (Note is null ? 0 : StringComparer.Ordinal.GetHashCode(Note)));

    /// <summary>Equality of all fields.</summary>
    public static bool operator ==(ActionStatusEntry left, ActionStatusEntry right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    public static bool operator !=(ActionStatusEntry left, ActionStatusEntry right) => !left.Equals(right);

    /// <summary>Describes the entry.</summary>
    /// <returns>Instant, state and note.</returns>
    public override string ToString() => $"{At:O} {State}" + (Note is null ? string.Empty : " " + Note);
}
