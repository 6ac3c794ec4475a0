namespace LeadAnalytics.Attribution;

/// <summary>The range of one key's credited conversions across the models of a comparison: beside the intervals, it shows whether
/// the choice of model or the sampling moves the credit more.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ModelRange
{
    internal ModelRange(string key, double lowest, AttributionModel lowestModel, double highest, AttributionModel highestModel)
    {
        Key = key;
        Lowest = lowest;
        LowestModel = lowestModel;
        Highest = highest;
        HighestModel = highestModel;
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The least credit any model gives the key.</summary>
    public double Lowest { get; }

    /// <summary>The model giving the least (the first in the comparison's order on ties).</summary>
    public AttributionModel LowestModel { get; }

    /// <summary>The most credit any model gives the key.</summary>
    public double Highest { get; }

    /// <summary>The model giving the most (the first in the comparison's order on ties).</summary>
    public AttributionModel HighestModel { get; }
}
