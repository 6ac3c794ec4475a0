namespace LeadAnalytics;

/// <summary>The comparison rules for dimension values (channel, strategy, content, industry, owner, customer type, tag).</summary>
public static class DimensionKeys
{
    /// <summary>Ordinal, case-sensitive comparison: the one rule every engine uses to group and order segments.</summary>
    public static StringComparer Comparer => StringComparer.Ordinal;

    /// <summary>The label used for a lead whose value of a dimension is missing: <c>(none)</c>.</summary>
    public const string Missing = "(none)";

    /// <summary>Reads a single-valued dimension of a lead.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="dimension">Any dimension but <see cref="Dimension.Tag"/>.</param>
    /// <returns>The value, or <see langword="null"/> when the lead has none.</returns>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is <see cref="Dimension.Tag"/> (use <see cref="Lead.Tags"/>) or undefined.</exception>
    public static string? GetValue(Lead lead, Dimension dimension)
    {
        Preconditions.CheckNotNull(lead, nameof(lead));
        return dimension switch
        {
            Dimension.Channel => lead.Channel,
            Dimension.Strategy => lead.Strategy,
            Dimension.Content => lead.Content,
            Dimension.Industry => lead.Industry,
            Dimension.Owner => lead.Owner,
            Dimension.CustomerType => lead.CustomerType,
            Dimension.Tag => throw new ArgumentException("Tag is multi-valued; read Lead.Tags.", nameof(dimension)),
            _ => throw new ArgumentException($"Unknown dimension {dimension}.", nameof(dimension)),
        };
    }
}
