using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>The rules of a funnel analysis. Every default is the one documented in docs/funnel.md.</summary>
/// <remarks>Immutable once built (init-only properties); safe to share between threads and analyses.</remarks>
public sealed class FunnelOptions
{
    private IReadOnlyList<StepTarget> _targets = Array.Empty<StepTarget>();

    /// <summary>The defaults: implied stages, stale after 30 days counted as lost, no window, Wilson 95%, R7 quantiles,
    /// UTC cohorts, one thread.</summary>
    public static FunnelOptions Default { get; } = new();

    /// <summary>When <see langword="false"/> (the default) a lead with a later stage recorded counts as having reached
    /// every earlier stage. When <see langword="true"/> a lead reaches a stage only if it and every earlier stage are
    /// recorded; a lead whose record jumps over a stage stops before the gap and is counted as
    /// <see cref="FunnelStep.Unrecorded"/> there (neither a drop-off nor open).</summary>
    public bool RequireRecordedStages { get; init; }

    /// <summary>An open lead with no activity (stage, follow-up or explicit last activity) for at least this long before
    /// as-of is stale, "presumed lost" (the template's 30-day rule). Default 30 days; <see cref="TimeSpan.Zero"/> turns the
    /// rule off.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Whether stale leads count as lost (the default, the template's rule) or as open in the resolved view.
    /// They are always reported separately.</summary>
    public StaleTreatment StaleTreatment { get; init; } = StaleTreatment.AsLost;

    /// <summary>When set, a stage counts only if reached within this long of acquisition (inclusive). A lead whose window
    /// closed before as-of without advancing and without being lost in the window is <see cref="FunnelStep.Expired"/>:
    /// a resolved drop-off. <see langword="null"/> (the default) means no window.</summary>
    public TimeSpan? ConversionWindow { get; init; }

    /// <summary>Confidence level of every rate's interval; 0.95 by default.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The interval method of every rate; Wilson by default.</summary>
    public ProportionIntervalMethod IntervalMethod { get; init; } = ProportionIntervalMethod.Wilson;

    /// <summary>The level below which a p-value counts as significant (bottleneck and targets); 0.05 by default.</summary>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>Whether to compute the time between consecutive stages (median and p90 per step). On by default; it keeps
    /// one int per lead and step until the result is built.</summary>
    public bool IncludeStepDurations { get; init; } = true;

    /// <summary>The sample-quantile definition for step durations; R's default type 7 unless set.</summary>
    public QuantileMethod QuantileMethod { get; init; } = QuantileMethod.R7;

    /// <summary>Targets per step (drop-off ceiling or conversion floor), compared with the resolved view. Empty by default.</summary>
    public IReadOnlyList<StepTarget> Targets
    {
        get => _targets;
        init => _targets = value ?? Array.Empty<StepTarget>();
    }

    /// <summary>The UTC offset at which cohort days begin (for example +08:00 for China Standard Time); UTC by default.</summary>
    public TimeSpan CohortUtcOffset { get; init; } = TimeSpan.Zero;

    /// <summary>How many threads may scan the rows: 1 (the default) for one; -1 for one per processor. The result is
    /// identical for every value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    // Below this many rows per chunk, threads cost more than they save. Tests lower it to exercise chunking on small data.
    internal int MinRowsPerChunk { get; init; } = RowChunks.DefaultMinRowsPerChunk;

    internal int EffectiveParallelism => RowChunks.Effective(MaxDegreeOfParallelism);

    internal void Validate()
    {
        if (StaleAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StaleAfter), StaleAfter, "StaleAfter must not be negative (zero turns the rule off).");
        }

        if (ConversionWindow is { } w && w <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ConversionWindow), w, "The conversion window must be positive (null means none).");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence level lies strictly between 0 and 1.");
        }

        if (!(SignificanceLevel > 0 && SignificanceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SignificanceLevel), SignificanceLevel, "The significance level lies strictly between 0 and 1.");
        }

        if (CohortUtcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || CohortUtcOffset > TimeSpan.FromHours(14) || CohortUtcOffset < TimeSpan.FromHours(-14))
        {
            throw new ArgumentOutOfRangeException(nameof(CohortUtcOffset), CohortUtcOffset, "The cohort offset is whole minutes within ±14 hours.");
        }

        if (!RowChunks.IsValidParallelism(MaxDegreeOfParallelism))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, RowChunks.ParallelismMessage);
        }

        foreach (var target in Targets)
        {
            if (target is null)
            {
                throw new ArgumentException("Targets must not contain null.", nameof(Targets));
            }
        }
    }

    // Partitions merge only when every rule that shapes the counts or the result is the same.
    internal bool IsEquivalentTo(FunnelOptions other) =>
        ReferenceEquals(this, other)
        || (RequireRecordedStages == other.RequireRecordedStages && StaleAfter == other.StaleAfter && StaleTreatment == other.StaleTreatment
            && ConversionWindow == other.ConversionWindow && Confidence.Equals(other.Confidence) && IntervalMethod == other.IntervalMethod
            && SignificanceLevel.Equals(other.SignificanceLevel) && IncludeStepDurations == other.IncludeStepDurations
            && QuantileMethod == other.QuantileMethod && CohortUtcOffset == other.CohortUtcOffset && Targets.SequenceEqual(other.Targets));
}
