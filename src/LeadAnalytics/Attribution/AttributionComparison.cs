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
        Keys = Preconditions.CheckNotNull(keys);
        Results = Preconditions.CheckNotNull(results);
    }

    /// <summary>The keys every result lists, in ordinal order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>One result per model, in the order asked for.</summary>
    public IReadOnlyList<AttributionResult> Results { get; }

    /// <summary>The acquisition period of the leads whose journeys were credited: that of the results (the engine computes
    /// every model on the same journeys); <see cref="Data.AcquisitionPeriod.AllTime"/> when there is no result.</summary>
    public Data.AcquisitionPeriod Period => Results.Count > 0 ? Results[0].Period : Data.AcquisitionPeriod.AllTime;

    /// <summary>For each key, the least and the most credited conversions any model gives it, in the order of <see cref="Keys"/>.</summary>
    /// <returns>One range per key.</returns>
    public IReadOnlyList<ModelRange> Ranges()
    {
        var ranges = new List<ModelRange>(Keys.Count);
        for (var k = 0; k < Keys.Count; k++)
        {
            double low = double.PositiveInfinity, high = double.NegativeInfinity;
            AttributionModel lowModel = default, highModel = default;
            foreach (var result in Results)
            {
                var c = result.Credits[k].Conversions;
                if (c < low)
                {
                    (low, lowModel) = (c, result.Model);
                }

                if (c > high)
                {
                    (high, highModel) = (c, result.Model);
                }
            }

            ranges.Add(new ModelRange(Keys[k], low, lowModel, high, highModel));
        }

        return ranges;
    }

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
