using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>The rules of a funnel analysis. Every default is the one documented in docs/funnel.md.</summary>
/// <remarks>Immutable once built (init-only properties); safe to share between threads and analyses.</remarks>
public sealed class FunnelOptions
{
    private IReadOnlyList<StepTarget> _targets = Array.Empty<StepTarget>();
    private AnalysisScope _scope = AnalysisScope.Default;

    /// <summary>The defaults: implied stages, stale after 30 days counted as lost, no window, Wilson 95%, R7 quantiles,
    /// UTC cohorts, one thread.</summary>
    public static FunnelOptions Default { get; } = new();

    /// <summary>The shared part: breakdown (see <see cref="FunnelAnalyzer.AnalyzeBy(LeadTable, DateTimeOffset, FunnelOptions)"/>),
    /// acquisition period, stale rule, confidence, interval method, cohort offset and thread count.
    /// <see cref="AnalysisScope.Default"/> unless set.</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? AnalysisScope.Default;
    }

    /// <summary>When <see langword="false"/> (the default) a lead with a later stage recorded counts as having reached
    /// every earlier stage. When <see langword="true"/> a lead reaches a stage only if it and every earlier stage are
    /// recorded; a lead whose record jumps over a stage stops before the gap and is counted as
    /// <see cref="FunnelStep.Unrecorded"/> there (neither a drop-off nor open).</summary>
    public bool RequireRecordedStages { get; init; }

    /// <summary>When set, a stage counts only if reached within this long of acquisition (inclusive). A lead whose window
    /// closed before as-of without advancing and without being lost in the window is <see cref="FunnelStep.Expired"/>:
    /// a resolved drop-off. <see langword="null"/> (the default) means no window.</summary>
    public TimeSpan? ConversionWindow { get; init; }

    /// <summary>The window W at which each cell's maturity and projected conversion are measured
    /// (<see cref="FunnelResult.Maturity"/>; docs/funnel.md). Cohort analyses always carry them; other groupings only when
    /// this is set. <see langword="null"/> (the default) means <see cref="ConversionWindow"/> when set, else
    /// <see cref="DefaultMaturityWindow"/>.</summary>
    public TimeSpan? MaturityWindow { get; init; }

    /// <summary>The window used when neither <see cref="MaturityWindow"/> nor <see cref="ConversionWindow"/> is set: 90 days.</summary>
    public static TimeSpan DefaultMaturityWindow { get; } = TimeSpan.FromDays(90);

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

    // Whole seconds, as the conversion window.
    internal long MaturityWindowSeconds => (long)Math.Floor((MaturityWindow ?? ConversionWindow ?? DefaultMaturityWindow).TotalSeconds);

    internal bool IncludesMaturity => Scope.Cohort is not null || MaturityWindow is not null;

    internal int EffectiveParallelism => Scope.EffectiveParallelism;

    internal int MinRowsPerChunk => Scope.MinRowsPerChunk;

    // The same rules with another scope (the conveniences that set the breakdown).
    internal FunnelOptions WithScope(AnalysisScope scope) => new()
    {
        Scope = scope,
        RequireRecordedStages = RequireRecordedStages,
        ConversionWindow = ConversionWindow,
        MaturityWindow = MaturityWindow,
        SignificanceLevel = SignificanceLevel,
        IncludeStepDurations = IncludeStepDurations,
        QuantileMethod = QuantileMethod,
        Targets = Targets,
    };

    internal void Validate()
    {
        Scope.Validate();
        if (ConversionWindow is { } w && w <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ConversionWindow), w, "The conversion window must be positive (null means none).");
        }

        if (MaturityWindow is { } m && m.TotalSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaturityWindow), m, "The maturity window must be at least one second (null means the default).");
        }

        if (!(SignificanceLevel > 0 && SignificanceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SignificanceLevel), SignificanceLevel, "The significance level lies strictly between 0 and 1.");
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
        || (Scope.IsEquivalentTo(other.Scope) && RequireRecordedStages == other.RequireRecordedStages
            && ConversionWindow == other.ConversionWindow && MaturityWindow == other.MaturityWindow && SignificanceLevel.Equals(other.SignificanceLevel) && IncludeStepDurations == other.IncludeStepDurations
            && QuantileMethod == other.QuantileMethod && Targets.SequenceEqual(other.Targets));
}
