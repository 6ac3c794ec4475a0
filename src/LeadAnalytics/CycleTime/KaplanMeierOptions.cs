namespace LeadAnalytics.CycleTime;

/// <summary>How a Kaplan-Meier curve and its summaries are computed. Defaults follow R's survival package.</summary>
public sealed class KaplanMeierOptions
{
    private static readonly IReadOnlyList<double> DefaultProbabilities = Array.AsReadOnly(new[] { 0.25, 0.5, 0.75 });

    /// <summary>The level of the pointwise confidence band and of the quantiles' intervals, in (0, 1); 0.95 by default.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The confidence-band transform; <see cref="SurvivalConfidenceTransform.Log"/> (R's default) unless set.</summary>
    public SurvivalConfidenceTransform ConfidenceTransform { get; init; } = SurvivalConfidenceTransform.Log;

    /// <summary>The probabilities p of <see cref="KaplanMeierCurve.Quantiles"/>: the time by which a share p has had the
    /// event (1 - S(t) ≥ p); R's <c>quantile(fit, probs)</c>. 0.25, 0.5 and 0.75 by default.</summary>
    public IReadOnlyList<double> Probabilities { get; init; } = DefaultProbabilities;

    /// <summary>The horizon of <see cref="KaplanMeierCurve.RestrictedMean"/> (in the durations' unit); when
    /// <see langword="null"/>, the largest observed duration (R's <c>print(fit, rmean = "common")</c> for one curve).</summary>
    public double? RestrictedMeanHorizon { get; init; }

    /// <summary>Whether times closer than about 1.5e-8 (absolutely, or relative to the mean distinct time) count as one time,
    /// as R's <c>survfit(timefix = TRUE)</c> (its default) does, so durations computed in floating point tie as intended.
    /// <see langword="true"/> by default. Whole or second-resolution durations are never that close.</summary>
    public bool MergeNearTies { get; init; } = true;

    /// <summary>The default options.</summary>
    public static KaplanMeierOptions Default { get; } = new();

    internal bool IsEquivalentTo(KaplanMeierOptions other) =>
        ReferenceEquals(this, other)
        || (ConfidenceLevel.Equals(other.ConfidenceLevel) && ConfidenceTransform == other.ConfidenceTransform
            && Probabilities.SequenceEqual(other.Probabilities) && Nullable.Equals(RestrictedMeanHorizon, other.RestrictedMeanHorizon)
            && MergeNearTies == other.MergeNearTies);

    internal void Validate()
    {
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }

        if ((uint)ConfidenceTransform > (uint)SurvivalConfidenceTransform.Plain)
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceTransform), ConfidenceTransform, "Unknown confidence transform.");
        }

        Preconditions.CheckNotNull(Probabilities);

        foreach (var p in Probabilities)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Probabilities), p, "Probabilities must lie in [0, 1].");
            }
        }

        if (RestrictedMeanHorizon is { } h && !(h >= 0 && !double.IsInfinity(h)))
        {
            throw new ArgumentOutOfRangeException(nameof(RestrictedMeanHorizon), h, "The horizon must be finite and not negative.");
        }
    }
}
