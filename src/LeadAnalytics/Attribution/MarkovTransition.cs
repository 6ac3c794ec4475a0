namespace LeadAnalytics.Attribution;

/// <summary>One edge of the fitted Markov chain: from a state to the next, with its weight and probability.</summary>
/// <remarks>States are <c>(start)</c>, the transient states (a key, or the last k keys joined by <c>" &gt; "</c>),
/// <c>(conversion)</c> and <c>(null)</c>. Immutable and thread-safe.</remarks>
public sealed class MarkovTransition
{
    /// <summary>Creates an edge.</summary>
    /// <param name="from">The state left.</param>
    /// <param name="to">The state entered.</param>
    /// <param name="count">Journeys (weighted) that made the step.</param>
    /// <param name="probability">The count over all steps out of <paramref name="from"/>.</param>
    /// <exception cref="ArgumentNullException">A state is null.</exception>
    public MarkovTransition(string from, string to, double count, double probability)
    {
        From = Preconditions.CheckNotNull(from);
        To = Preconditions.CheckNotNull(to);
        Count = count;
        Probability = probability;
    }

    /// <summary>The state left.</summary>
    public string From { get; }

    /// <summary>The state entered.</summary>
    public string To { get; }

    /// <summary>Journeys (weighted by their counts) that made this step.</summary>
    public double Count { get; }

    /// <summary>The transition probability: <see cref="Count"/> over all steps out of <see cref="From"/>.</summary>
    public double Probability { get; }

    /// <summary>Describes the edge.</summary>
    /// <returns>From, to and probability.</returns>
    public override string ToString() => $"{From} -> {To}: {Probability.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
}
