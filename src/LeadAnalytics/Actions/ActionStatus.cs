namespace LeadAnalytics.Actions;

/// <summary>Where an optimisation action stands against its target as of an instant, judged from the data (rules in docs/actions.md).</summary>
public enum ActionStatus
{
    /// <summary>The as-of instant is before the action's start.</summary>
    NotStarted = 0,

    /// <summary>Before the due date: the target is not met yet, and either too few leads have been measured to say otherwise
    /// or progress from the baseline keeps pace with the time elapsed.</summary>
    OnTrack = 1,

    /// <summary>Before the due date, on enough leads: progress from the baseline lags the time elapsed, or the value is worse
    /// than a baseline that already met the target.</summary>
    AtRisk = 2,

    /// <summary>The target is met on at least the minimum sample of leads measured after the start.</summary>
    Achieved = 3,

    /// <summary>The due date has passed, every lead of the window has been measured (outcome window closed), there are
    /// enough of them, and the target is not met.</summary>
    Missed = 4,

    /// <summary>The due date has passed without the target being met, and no verdict is possible yet: outcomes of leads
    /// acquired before the due date are still maturing, or too few leads were measured.</summary>
    Overdue = 5,
}

/// <summary>Why an action has its <see cref="ActionStatus"/>: data for an app to word the explanation.</summary>
public enum ActionStatusReason
{
    /// <summary>The as-of instant is before the start.</summary>
    BeforeStart = 0,

    /// <summary>The target is met on enough leads.</summary>
    TargetMet = 1,

    /// <summary>The window is complete, the sample is large enough, and the target is not met.</summary>
    TargetNotMet = 2,

    /// <summary>Fewer leads than <see cref="ActionOptions.MinimumSample"/> were measured after the start.</summary>
    TooFewLeads = 3,

    /// <summary>After the due date: leads of the window are still inside their outcome window, so the value can still change.</summary>
    AwaitingOutcomes = 4,

    /// <summary>Progress from the baseline keeps pace with the share of the schedule elapsed.</summary>
    OnSchedule = 5,

    /// <summary>Progress from the baseline lags the share of the schedule elapsed (or, without a baseline, half the time
    /// has passed and the target is not met).</summary>
    BehindSchedule = 6,

    /// <summary>The baseline already met the target and the value measured after the start does not.</summary>
    WorseThanBaseline = 7,

    /// <summary>No baseline value is available and less than half of the schedule has elapsed.</summary>
    NoBaseline = 8,

    /// <summary>The metric cannot be computed from what was given (see <see cref="ActionEvaluation.Problem"/>).</summary>
    MetricUnavailable = 9,

    /// <summary>Enough leads were measured but the value is undefined (a zero denominator: no spend, no won lead for cost per
    /// acquisition), so it cannot be judged.</summary>
    UndefinedValue = 10,
}
