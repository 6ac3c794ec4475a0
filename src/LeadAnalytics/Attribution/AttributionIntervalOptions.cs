namespace LeadAnalytics.Attribution;

/// <summary>How a credit interval is read off the bootstrap replicates.</summary>
public enum AttributionIntervalMethod
{
    /// <summary>The replicates' quantiles at (1 - confidence) / 2 and (1 + confidence) / 2 (R's quantile type 7).</summary>
    Percentile = 0,

    /// <summary>Bias-corrected and accelerated (Efron 1987): the percentiles shifted by the bias (the share of replicates below
    /// the estimate) and the acceleration (from a delete-a-group jackknife over 20 groups of journeys).</summary>
    BCa = 1,
}

/// <summary>
/// The bootstrap behind credit intervals (<see cref="AttributionOptions.Intervals"/>): journeys are resampled with their whole
/// paths, converted and non-converted journeys separately (stratified, so every replicate has as many conversions as the data),
/// and every model is recomputed on each replicate. docs/attribution.md says what the interval means and what it does not.
/// </summary>
/// <remarks>Immutable; safe to share. The confidence level and the thread count are the shared ones of
/// <see cref="AttributionOptions.Scope"/> (<see cref="Data.AnalysisScope.Confidence"/>, <see cref="Data.AnalysisScope.MaxDegreeOfParallelism"/>).
/// The replicates depend only on the journeys, these options and <see cref="Seed"/>: the same numbers for any thread count and
/// any input order.</remarks>
public sealed class AttributionIntervalOptions
{
    /// <summary>200 replicates, seed 1, percentile intervals.</summary>
    public static AttributionIntervalOptions Default { get; } = new();

    /// <summary>The number of bootstrap replicates; 200 by default, at least 2.</summary>
    public int Replicates { get; init; } = 200;

    /// <summary>The seed of the resampling; 1 by default. The same seed gives the same intervals, bit for bit.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>How the interval is read off the replicates; <see cref="AttributionIntervalMethod.Percentile"/> by default.</summary>
    public AttributionIntervalMethod Method { get; init; } = AttributionIntervalMethod.Percentile;

    internal void Validate()
    {
        Preconditions.CheckRange(Replicates >= 2, Replicates, "At least 2 bootstrap replicates.");

        Preconditions.CheckRange(Enum.IsDefined(typeof(AttributionIntervalMethod), Method), Method, "Unknown interval method.");
    }
}
