namespace LeadAnalytics.CycleTime;

/// <summary>A quantile of a survival curve, the time by which a share <see cref="Probability"/> has had the event, with
/// its confidence interval read off the confidence band (Brookmeyer and Crowley).</summary>
/// <remarks>Immutable. A time that the curve (or a band) never reaches is <see langword="null"/> ("not reached").</remarks>
public sealed class SurvivalQuantile
{
    internal SurvivalQuantile(double probability, double? time, double? lower, double? upper)
    {
        Probability = probability;
        Time = time;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The share p that has had the event by <see cref="Time"/>: 0.5 for the median.</summary>
    public double Probability { get; }

    /// <summary>The quantile, or <see langword="null"/> when the curve never falls to 1 - p.</summary>
    public double? Time { get; }

    /// <summary>The lower confidence limit (where the lower band falls to 1 - p), or <see langword="null"/> when not reached.</summary>
    public double? Lower { get; }

    /// <summary>The upper confidence limit (where the upper band falls to 1 - p), or <see langword="null"/> when not reached.</summary>
    public double? Upper { get; }
}
