namespace LeadAnalytics.Actions;

/// <summary>
/// One optimisation action judged against the data as of an instant: the metric before and after the start, progress
/// toward the target, the status and why, the evidence that the metric moved, and the weekly series since the start.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ActionEvaluation
{
    internal ActionEvaluation(
        OptimisationAction action, DateTimeOffset asOf, ActionStatus status, ActionStatusReason reason, MetricMeasurement? current,
        MetricMeasurement? baseline, double? baselineValue, bool? targetMetAtBaseline, double? progress, double scheduleElapsed,
        ActionEvidence? evidence, IReadOnlyList<ActionWeek> weeks, string? problem)
    {
        Action = action;
        AsOf = asOf;
        Status = status;
        Reason = reason;
        Current = current;
        Baseline = baseline;
        BaselineValue = baselineValue;
        TargetMetAtBaseline = targetMetAtBaseline;
        Progress = progress;
        ScheduleElapsed = scheduleElapsed;
        Evidence = evidence;
        Weeks = weeks;
        Problem = problem;
    }

    /// <summary>The action.</summary>
    public OptimisationAction Action { get; }

    /// <summary>The as-of instant: nothing after it was read.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The status.</summary>
    public ActionStatus Status { get; }

    /// <summary>Why the action has its status.</summary>
    public ActionStatusReason Reason { get; }

    /// <summary>The state the people doing the action last recorded by as-of (<see cref="OptimisationAction.StateAsOf"/>), or
    /// <see langword="null"/>. It does not change the status, which comes from the data.</summary>
    public ActionState? RecordedState => Action.StateAsOf(AsOf);

    /// <summary>The metric on the leads acquired from the start to the due date (as far as as-of allows); <see langword="null"/>
    /// before the start or when the metric cannot be computed.</summary>
    public MetricMeasurement? Current { get; }

    /// <summary>The metric over the baseline window, or <see langword="null"/> when the baseline was given by hand or the
    /// metric cannot be computed.</summary>
    public MetricMeasurement? Baseline { get; }

    /// <summary>The baseline value in the metric's unit: the given value, or the value over the baseline window;
    /// <see langword="null"/> when undefined.</summary>
    public double? BaselineValue { get; }

    /// <summary>Whether the baseline already met the target (then a met target is no evidence that the action worked);
    /// <see langword="null"/> when there is no baseline value or it rests on fewer than the minimum sample of leads.</summary>
    public bool? TargetMetAtBaseline { get; }

    /// <summary>(current - baseline) / (target - baseline): 0 at the baseline, 1 at the target, negative when worse than the
    /// baseline, above 1 beyond the target. <see langword="null"/> when either value is undefined or the baseline already met
    /// the target.</summary>
    public double? Progress { get; }

    /// <summary>The share of the schedule from start to due that has elapsed by as-of, from 0 to 1.</summary>
    public double ScheduleElapsed { get; }

    /// <summary>The before/after test, or <see langword="null"/> when the metric has none (money, lead volume), the baseline was
    /// given by hand, or either window has no defined value.</summary>
    public ActionEvidence? Evidence { get; }

    /// <summary>The weekly series from the start to as-of (empty before the start).</summary>
    public IReadOnlyList<ActionWeek> Weeks { get; }

    /// <summary>Why the metric could not be computed (an unknown stage, amounts in another currency than the data), or
    /// <see langword="null"/>.</summary>
    public string? Problem { get; }

    /// <summary>Describes the evaluation.</summary>
    /// <returns>Action, status, reason and current value.</returns>
    public override string ToString() => $"{Action.Id} {Status} ({Reason}): {Action.Target}; now {Current?.ToString() ?? "-"}";
}
