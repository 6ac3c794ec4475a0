namespace LeadAnalytics.Attribution;

/// <summary>What the Markov model fitted: its settings, the conversion probability and the transition matrix.</summary>
/// <remarks>Immutable and thread-safe. The removal effects are on each <see cref="ChannelCredit"/>.</remarks>
public sealed class MarkovDetails
{
    /// <summary>Creates the details.</summary>
    /// <param name="order">The order k.</param>
    /// <param name="collapseRepeats">Whether consecutive repeats were collapsed.</param>
    /// <param name="useNonConvertingPaths">Whether non-converting journeys fed the chain.</param>
    /// <param name="valueRule">The value rule used for <see cref="ChannelCredit.Value"/>.</param>
    /// <param name="conversionProbability">P(conversion) from the start state, or <see langword="null"/> when the chain is empty.</param>
    /// <param name="transitions">The transition matrix, as edges.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transitions"/> is null.</exception>
    public MarkovDetails(int order, bool collapseRepeats, bool useNonConvertingPaths, MarkovValueRule valueRule, double? conversionProbability, IReadOnlyList<MarkovTransition> transitions)
    {
        Order = order;
        CollapseRepeats = collapseRepeats;
        UseNonConvertingPaths = useNonConvertingPaths;
        ValueRule = valueRule;
        ConversionProbability = conversionProbability;
        Transitions = Preconditions.CheckNotNull(transitions);
    }

    /// <summary>The order k: states are the last k steps.</summary>
    public int Order { get; }

    /// <summary>Whether consecutive repeats were collapsed before fitting.</summary>
    public bool CollapseRepeats { get; }

    /// <summary>Whether non-converting journeys fed the chain.</summary>
    public bool UseNonConvertingPaths { get; }

    /// <summary>The rule that shared the value.</summary>
    public MarkovValueRule ValueRule { get; }

    /// <summary>The probability that the chain, started at <c>(start)</c>, is absorbed in <c>(conversion)</c>; computed exactly
    /// (linear solve), <see langword="null"/> when there are no journeys.</summary>
    public double? ConversionProbability { get; }

    /// <summary>The non-zero transitions, ordered by the from-state then the to-state (start first, then transient states by their
    /// keys in ordinal order, then conversion and null).</summary>
    public IReadOnlyList<MarkovTransition> Transitions { get; }
}
