using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

/// <summary>The rules of <see cref="ActionAnalyzer"/>. Every default is the one documented in docs/actions.md.</summary>
/// <remarks>Immutable once built (init-only properties); safe to share between threads.</remarks>
public sealed class ActionOptions
{
    private IReadOnlyList<OptimisationAction> _actions = Array.Empty<OptimisationAction>();
    private AnalysisScope _scope = AnalysisScope.Default;

    /// <summary>The defaults: 30 leads minimum, a 60-day outcome window, a 90-day default baseline window, Wilson 95%,
    /// significance at 0.05, stale after 30 days, with the weekly series.</summary>
    public static ActionOptions Default { get; } = new();

    /// <summary>The actions to evaluate; ids need not be unique. None by default.</summary>
    public IReadOnlyList<OptimisationAction> Actions
    {
        get => _actions;
        init => _actions = value ?? Array.Empty<OptimisationAction>();
    }

    /// <summary>Spend per channel, strategy or content, for cost metrics, allocated as the effectiveness engine does;
    /// <see langword="null"/> (the default) or empty to use the leads' own acquisition costs.</summary>
    public IReadOnlyList<CostEntry>? Costs { get; init; }

    /// <summary>The shared part: stale rule, confidence, interval method. Its breakdown and period must stay empty: each
    /// action names its own segment and windows. <see cref="AnalysisScope.Default"/> unless set.</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? AnalysisScope.Default;
    }

    /// <summary>The fewest leads a measurement after the start needs before the target can be declared achieved or missed
    /// (the guard against judging on five leads). For step metrics the leads are those that entered the step. 30 by default.</summary>
    public int MinimumSample { get; init; } = 30;

    /// <summary>For metrics that depend on what becomes of a lead (conversion, step conversion, drop-off, cost per
    /// acquisition, ROAS): a lead is measured only once this long has passed since its acquisition, and only what happened
    /// to it within this long counts. Cohorts before and after the start are then compared at the same age. 60 days by
    /// default (the sample data's won leads close within 74 days, half within 28); <see langword="null"/> measures every
    /// lead acquired by as-of with everything recorded by as-of, which reads recent cohorts as worse than they will be.</summary>
    public TimeSpan? OutcomeWindow { get; init; } = TimeSpan.FromDays(60);

    /// <summary>The baseline window of an action that has none: this long, ending at the action's start. 90 days by default.</summary>
    public TimeSpan DefaultBaselineWindow { get; init; } = TimeSpan.FromDays(90);

    /// <summary>The level below which a before/after difference counts as significant; 0.05 by default.</summary>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>Whether to compute the weekly series since the start; on by default.</summary>
    public bool IncludeWeeklySeries { get; init; } = true;

    internal double Confidence => Scope.Confidence;

    // The same rules for other actions and costs.
    internal ActionOptions With(IReadOnlyList<OptimisationAction> actions, IReadOnlyList<CostEntry>? costs) => new()
    {
        Actions = actions,
        Costs = costs,
        Scope = Scope,
        MinimumSample = MinimumSample,
        OutcomeWindow = OutcomeWindow,
        DefaultBaselineWindow = DefaultBaselineWindow,
        SignificanceLevel = SignificanceLevel,
        IncludeWeeklySeries = IncludeWeeklySeries,
    };

    internal ProportionIntervalMethod IntervalMethod => Scope.IntervalMethod;

    internal void Validate()
    {
        Scope.Validate();
        Preconditions.CheckArgument(!Scope.HasBreakdown && Scope.Period.Equals(AcquisitionPeriod.AllTime), nameof(Scope), "An action names its own segment and windows: leave Scope.Breakdown, Scope.Cohort and Scope.Period unset.");

        Preconditions.CheckRange(MinimumSample >= 1, MinimumSample, "The minimum sample is at least one lead.");

        Preconditions.CheckRange(OutcomeWindow is not { } w || w > TimeSpan.Zero, OutcomeWindow, "The outcome window must be positive (null means none).");

        Preconditions.CheckRange(DefaultBaselineWindow > TimeSpan.Zero, DefaultBaselineWindow, "The default baseline window must be positive.");

        Preconditions.CheckRange(SignificanceLevel > 0 && SignificanceLevel < 1, SignificanceLevel, "The significance level lies strictly between 0 and 1.");
    }
}
