namespace LeadAnalytics.CycleTime;

/// <summary>How the confidence limits of an Aalen-Johansen estimate are computed. Defaults follow R's survival package.</summary>
public sealed class CumulativeIncidenceOptions
{
    /// <summary>The level of the pointwise confidence limits, in (0, 1); 0.95 by default.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The transform of the limits; <see cref="SurvivalConfidenceTransform.Log"/> (R's default for
    /// <c>survfit</c> on multi-state data) unless set.</summary>
    public SurvivalConfidenceTransform ConfidenceTransform { get; init; } = SurvivalConfidenceTransform.Log;

    /// <summary>Whether near-equal times count as one time, as R's <c>timefix = TRUE</c>; see
    /// <see cref="KaplanMeierOptions.MergeNearTies"/>. <see langword="true"/> by default.</summary>
    public bool MergeNearTies { get; init; } = true;

    /// <summary>The default options.</summary>
    public static CumulativeIncidenceOptions Default { get; } = new();

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
    }
}
