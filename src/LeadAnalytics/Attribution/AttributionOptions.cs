using LeadAnalytics.Data;

namespace LeadAnalytics.Attribution;

/// <summary>Options of <see cref="AttributionAnalyzer"/>: the model, what is credited, which touches count, and model parameters.</summary>
/// <remarks>Immutable once built (init-only properties); safe to share between threads. docs/attribution.md explains each convention.</remarks>
public sealed class AttributionOptions
{
    private AnalysisScope _scope = AnalysisScope.Default;

    // Declared before Default: static fields initialise in order, and Default reads this one.
    /// <summary>The channel names docs/attribution.md calls direct: <c>直接访问</c> (the template's name), <c>Direct</c>, <c>direct</c>,
    /// <c>(direct)</c> and <c>(none)</c> (Google Analytics' names; <c>(none)</c> is also the key of a missing channel).</summary>
    public static IReadOnlyList<string> DefaultDirectChannels { get; } = new[] { "直接访问", "Direct", "direct", "(direct)", "(none)" };

    /// <summary>The defaults: Markov order 1 by channel, no lookback limit.</summary>
    public static AttributionOptions Default { get; } = new();

    /// <summary>The model <see cref="AttributionAnalyzer.Analyze(AttributionJourneys, AttributionOptions?)"/> computes; <see cref="AttributionModel.Markov"/> by default.</summary>
    public AttributionModel Model { get; init; } = AttributionModel.Markov;

    /// <summary>What touchpoint journeys credit: <see cref="Dimension.Channel"/> (default), <see cref="Dimension.Strategy"/> or
    /// <see cref="Dimension.Content"/>. A touch without the value is credited to <see cref="DimensionKeys.Missing"/>.
    /// Ignored for aggregated paths, whose steps are the keys.</summary>
    public Dimension By { get; init; } = Dimension.Channel;

    /// <summary>A custom key for touchpoint journeys (for example channel and strategy together); overrides <see cref="By"/>.
    /// A blank key counts as <see cref="DimensionKeys.Missing"/>.</summary>
    public Func<Touchpoint, string?>? KeySelector { get; init; }

    /// <summary>The as-of instant for touchpoint journeys given as <see cref="AttributionJourneys"/>: outcomes, touches and leads
    /// after it are ignored; <see langword="null"/> (default) uses everything recorded. The table overloads take as-of as an
    /// argument and ignore this.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The shared part (docs/attribution.md, "Scope"). <see cref="AnalysisScope.Period"/> limits the journeys to the
    /// leads acquired in it (all time by default; the touches of the other leads count as unmatched); aggregated paths have no
    /// acquisition instants and refuse a period. <see cref="AnalysisScope.Confidence"/> is the level of the bootstrap intervals
    /// and <see cref="AnalysisScope.MaxDegreeOfParallelism"/> the threads computing replicates (with <see cref="Intervals"/>;
    /// the result is the same for every thread count). <see cref="AnalysisScope.Breakdown"/> and <see cref="AnalysisScope.Cohort"/>
    /// must stay empty: what is credited is <see cref="By"/>, not a breakdown. The stale rule does not apply (a stale lead is a
    /// non-converting journey, as a lost or open one is) and neither does <see cref="AnalysisScope.IntervalMethod"/> (the
    /// bootstrap's method is <see cref="AttributionIntervalOptions.Method"/>). <see cref="AnalysisScope.Default"/> unless set.</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? AnalysisScope.Default;
    }

    /// <summary>Touches more than this long before the end of their journey (the conversion for won leads) are ignored;
    /// <see langword="null"/> (default) keeps every touch. Applies to touchpoint journeys only.</summary>
    public TimeSpan? LookbackWindow { get; init; }

    /// <summary>Whether a lead with no touchpoints at all counts as a one-touch journey through its own source (its channel,
    /// strategy and content at its acquisition instant, marked first touch and lead created). <see langword="true"/> by default,
    /// since most CRM tables record only the source.</summary>
    public bool UseLeadSourceWhenNoTouchpoints { get; init; } = true;

    /// <summary>Channel names that the last-non-direct model skips, compared ordinally; <see cref="DefaultDirectChannels"/> by default.
    /// For touchpoint journeys the touch's channel is tested whatever is credited; for aggregated paths, the step.</summary>
    public IReadOnlyCollection<string> DirectChannels { get; init; } = DefaultDirectChannels;

    /// <summary>The touchpoint columns of the lead table analysed by <see cref="AttributionAnalyzer.Analyze(LeadTable, DateTimeOffset, AttributionOptions?)"/>
    /// (built with <see cref="TouchpointTable.Build"/> from that table); <see langword="null"/> (default): every lead's journey is its own
    /// source (<see cref="UseLeadSourceWhenNoTouchpoints"/>). Ignored for <see cref="AttributionJourneys"/>.</summary>
    public TouchpointTable? Touchpoints { get; init; }

    /// <summary>The position-based model's share for the first touch of a journey with three or more touches; 0.4 by default.</summary>
    public double PositionBasedFirstShare { get; init; } = 0.4;

    /// <summary>The position-based model's share for the last touch of a journey with three or more touches; 0.4 by default.</summary>
    public double PositionBasedLastShare { get; init; } = 0.4;

    /// <summary>The time-decay half-life: a touch this long before the conversion weighs half as much as one at the conversion; 7 days by default.</summary>
    public TimeSpan TimeDecayHalfLife { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The order k of the Markov chain (its states are the last k steps); 1 by default.</summary>
    public int MarkovOrder { get; init; } = 1;

    /// <summary>Whether consecutive repeats of a step collapse into one before the Markov chain is built (<c>a &gt; a &gt; b</c> becomes
    /// <c>a &gt; b</c>); <see langword="true"/> by default. For order 1 it changes the transition matrix but not the removal effects.</summary>
    public bool MarkovCollapseRepeats { get; init; } = true;

    /// <summary>Whether journeys that did not convert feed the Markov chain (as transitions to the null state);
    /// <see langword="true"/> by default.</summary>
    public bool MarkovUseNonConvertingPaths { get; init; } = true;

    /// <summary>How the Markov model shares the value; <see cref="MarkovValueRule.RemovalEffectShare"/> by default.</summary>
    public MarkovValueRule MarkovValueRule { get; init; } = MarkovValueRule.RemovalEffectShare;

    /// <summary>Bootstrap intervals on every key's credit under every model (<see cref="ChannelCredit.Interval"/>);
    /// <see langword="null"/> (default): none.</summary>
    public AttributionIntervalOptions? Intervals { get; init; }

    internal void Validate()
    {
        Scope.Validate();
        Preconditions.CheckArgument(!Scope.HasBreakdown, nameof(Scope), "Attribution credits AttributionOptions.By (channel, strategy or content), it is not broken down: leave Scope.Breakdown and Scope.Cohort unset.");

        Intervals?.Validate();
        Preconditions.CheckRange(Enum.IsDefined(typeof(AttributionModel), Model), Model, "Unknown attribution model.");

        Preconditions.CheckRange(KeySelector is not null || By is Dimension.Channel or Dimension.Strategy or Dimension.Content, By, "Attribution credits channels, strategies or contents; use KeySelector for anything else.");

        Preconditions.CheckRange(LookbackWindow is not { } lookback || lookback >= TimeSpan.Zero, LookbackWindow, "The lookback window must not be negative.");

        Preconditions.CheckNotNull(DirectChannels);

        if (!(PositionBasedFirstShare >= 0 && PositionBasedLastShare >= 0 && PositionBasedFirstShare + PositionBasedLastShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PositionBasedFirstShare), "The first and last shares must be non-negative and sum to at most 1.");
        }

        Preconditions.CheckRange(TimeDecayHalfLife > TimeSpan.Zero, TimeDecayHalfLife, "The half-life must be positive.");

        Preconditions.CheckRange(MarkovOrder >= 1, MarkovOrder, "The Markov order is at least 1.");

        Preconditions.CheckRange(Enum.IsDefined(typeof(MarkovValueRule), MarkovValueRule), MarkovValueRule, "Unknown value rule.");
    }
}
