namespace LeadAnalytics;

/// <summary>One step of a <see cref="Pipeline"/>: a name, a display name and the criteria for entering it.</summary>
/// <remarks>Immutable and thread-safe. Equality is by <see cref="Name"/>, ordinally.</remarks>
public sealed class Stage : IEquatable<Stage>
{
    /// <summary>Creates a stage.</summary>
    /// <param name="name">A unique identifier within the pipeline, for example <c>NeedsConfirmed</c>.</param>
    /// <param name="displayName">What people read; defaults to <paramref name="name"/>.</param>
    /// <param name="entryCriteria">When a lead enters this stage, in words; may be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public Stage(string name, string? displayName = null, string? entryCriteria = null)
    {
        Name = Preconditions.CheckNotBlank(name, nameof(name)).Trim();
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? Name : displayName!;
        EntryCriteria = entryCriteria ?? string.Empty;
    }

    /// <summary>The identifier, unique within its pipeline.</summary>
    public string Name { get; }

    /// <summary>The name shown to people.</summary>
    public string DisplayName { get; }

    /// <summary>When a lead enters this stage, in words.</summary>
    public string EntryCriteria { get; }

    /// <inheritdoc />
    public bool Equals(Stage? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Stage);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The stage name.</returns>
    public override string ToString() => Name;
}
