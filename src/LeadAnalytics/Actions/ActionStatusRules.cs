namespace LeadAnalytics.Actions;

/// <summary>The status rules of docs/actions.md, in one place.</summary>
internal static class ActionStatusRules
{
    internal static (ActionStatus Status, ActionStatusReason Reason) Decide(
        OptimisationAction action, DateTimeOffset asOf, MetricMeasurement? current, bool? metAtBaseline, double? progress, double elapsed, int minimumSample)
    {
        if (asOf < action.Start)
        {
            return (ActionStatus.NotStarted, ActionStatusReason.BeforeStart);
        }

        var due = asOf >= action.Due;
        if (current is null)
        {
            return (due ? ActionStatus.Overdue : ActionStatus.OnTrack, ActionStatusReason.MetricUnavailable);
        }

        var enough = current.Leads >= minimumSample && current.Value is not null;
        if (enough && action.Target.IsMetBy(current.Value!.Value))
        {
            return (ActionStatus.Achieved, ActionStatusReason.TargetMet);
        }

        if (due)
        {
            if (!current.IsComplete)
            {
                return (ActionStatus.Overdue, ActionStatusReason.AwaitingOutcomes);
            }

            return enough ? (ActionStatus.Missed, ActionStatusReason.TargetNotMet) : (ActionStatus.Overdue, WhyNotEnough(current, minimumSample));
        }

        if (!enough)
        {
            return (ActionStatus.OnTrack, WhyNotEnough(current, minimumSample));
        }

        if (metAtBaseline == true)
        {
            return (ActionStatus.AtRisk, ActionStatusReason.WorseThanBaseline);
        }

        if (progress is { } p)
        {
            return p >= elapsed ? (ActionStatus.OnTrack, ActionStatusReason.OnSchedule) : (ActionStatus.AtRisk, ActionStatusReason.BehindSchedule);
        }

        return elapsed < 0.5 ? (ActionStatus.OnTrack, ActionStatusReason.NoBaseline) : (ActionStatus.AtRisk, ActionStatusReason.BehindSchedule);
    }

    private static ActionStatusReason WhyNotEnough(MetricMeasurement current, int minimumSample) =>
        current.Leads >= minimumSample ? ActionStatusReason.UndefinedValue : ActionStatusReason.TooFewLeads;
}
