namespace LeadAnalytics.Attribution;

/// <summary>Several models computed on the same journeys, side by side.</summary>
/// <remarks>Immutable and thread-safe. Every result lists the same keys in the same (ordinal) order.</remarks>
public sealed class AttributionComparison
{
    /// <summary>Creates a comparison.</summary>
    /// <param name="keys">The keys, in ordinal order.</param>
    /// <param name="results">One result per model, in the order the models were asked for.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AttributionComparison(IReadOnlyList<string> keys, IReadOnlyList<AttributionResult> results)
    {
        Keys = keys ?? throw new ArgumentNullException(nameof(keys));
        Results = results ?? throw new ArgumentNullException(nameof(results));
    }

    /// <summary>The keys every result lists, in ordinal order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>One result per model, in the order asked for.</summary>
    public IReadOnlyList<AttributionResult> Results { get; }

    /// <summary>The result of one model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Its result.</returns>
    /// <exception cref="KeyNotFoundException">The model was not compared.</exception>
    public AttributionResult For(AttributionModel model)
    {
        foreach (var result in Results)
        {
            if (result.Model == model)
            {
                return result;
            }
        }

        throw new KeyNotFoundException($"The model {model} was not part of the comparison.");
    }
}
