using System.Globalization;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>
/// The time a step takes: from entering one stage to entering the next, over the leads that have both instants
/// recorded by the cut-off (as-of, or the end of the conversion window). Instants are whole seconds.
/// </summary>
/// <remarks>A negative time (a chronology fault in the source, for example won before first contact) is excluded and
/// counted in <see cref="NegativeExcluded"/>, never clamped to zero. Immutable and thread-safe.</remarks>
public sealed class StepDuration
{
    internal StepDuration(long count, long negativeExcluded, TimeSpan? median, TimeSpan? ninetiethPercentile, QuantileMethod method)
    {
        Count = count;
        NegativeExcluded = negativeExcluded;
        Median = median;
        NinetiethPercentile = ninetiethPercentile;
        Method = method;
    }

    /// <summary>The leads whose time was measured.</summary>
    public long Count { get; }

    /// <summary>The leads left out because the later stage was recorded before the earlier one.</summary>
    public long NegativeExcluded { get; }

    /// <summary>The median time, or <see langword="null"/> when nothing was measured.</summary>
    public TimeSpan? Median { get; }

    /// <summary>The 90th percentile, or <see langword="null"/> when nothing was measured.</summary>
    public TimeSpan? NinetiethPercentile { get; }

    /// <summary>The quantile definition used (<see cref="FunnelOptions.QuantileMethod"/>).</summary>
    public QuantileMethod Method { get; }

    /// <summary>Describes the durations.</summary>
    /// <returns>Count, median and p90.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "n {0}, median {1}, p90 {2} ({3})", Count, Median, NinetiethPercentile, Method);
}
