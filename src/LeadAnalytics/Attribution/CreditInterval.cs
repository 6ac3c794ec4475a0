namespace LeadAnalytics.Attribution;

/// <summary>The bootstrap interval of one key's credit under one model, with how often the key ranks first or in the top three.</summary>
/// <remarks>Immutable and thread-safe. The interval is the sampling uncertainty of the journeys (another sample of leads from the
/// same process), not the uncertainty of the model: docs/attribution.md.</remarks>
public sealed class CreditInterval
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">Lower limit of the credited conversions.</param>
    /// <param name="upper">Upper limit of the credited conversions.</param>
    /// <param name="valueLower">Lower limit of the credited value.</param>
    /// <param name="valueUpper">Upper limit of the credited value.</param>
    /// <param name="standardError">Standard deviation of the credited conversions over the replicates.</param>
    /// <param name="topOneShare">Share of replicates in which the key has the most credited conversions (ties count for each).</param>
    /// <param name="topThreeShare">Share of replicates in which at most two keys have more.</param>
    public CreditInterval(double lower, double upper, Money valueLower, Money valueUpper, double standardError, double topOneShare, double topThreeShare)
    {
        Lower = lower;
        Upper = upper;
        ValueLower = valueLower;
        ValueUpper = valueUpper;
        StandardError = standardError;
        TopOneShare = topOneShare;
        TopThreeShare = topThreeShare;
    }

    /// <summary>Lower limit of the credited conversions.</summary>
    public double Lower { get; }

    /// <summary>Upper limit of the credited conversions.</summary>
    public double Upper { get; }

    /// <summary>Lower limit of the credited value (in minor units).</summary>
    public Money ValueLower { get; }

    /// <summary>Upper limit of the credited value (in minor units).</summary>
    public Money ValueUpper { get; }

    /// <summary>Standard deviation of the credited conversions over the replicates (the bootstrap standard error).</summary>
    public double StandardError { get; }

    /// <summary>Share of replicates in which the key ranks first by credited conversions (ties count for each tied key).</summary>
    public double TopOneShare { get; }

    /// <summary>Share of replicates in which the key ranks in the top three by credited conversions.</summary>
    public double TopThreeShare { get; }
}
