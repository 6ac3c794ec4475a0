namespace LeadAnalytics.Actions;

/// <summary>Every action's evaluation as of one instant, ordered by action id (ordinally), then start, then target.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ActionResult
{
    internal ActionResult(DateTimeOffset asOf, ActionOptions options, IReadOnlyList<ActionEvaluation> evaluations)
    {
        AsOf = asOf;
        Options = options;
        Evaluations = evaluations;
    }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The rules the actions were judged by.</summary>
    public ActionOptions Options { get; }

    /// <summary>The evaluations.</summary>
    public IReadOnlyList<ActionEvaluation> Evaluations { get; }

    /// <summary>How many actions have a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(ActionStatus status)
    {
        var n = 0;
        foreach (var e in Evaluations)
        {
            if (e.Status == status)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Finds an action's evaluation by id.</summary>
    /// <param name="actionId">The id (ordinal).</param>
    /// <returns>The first evaluation with that id, or <see langword="null"/>.</returns>
    public ActionEvaluation? Find(string actionId)
    {
        foreach (var e in Evaluations)
        {
            if (string.Equals(e.Action.Id, actionId, StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Describes the report.</summary>
    /// <returns>As-of and counts by status.</returns>
    public override string ToString() =>
        $"{Evaluations.Count} actions as of {AsOf:O}: {Count(ActionStatus.Achieved)} achieved, {Count(ActionStatus.OnTrack)} on track, {Count(ActionStatus.AtRisk)} at risk, {Count(ActionStatus.Missed)} missed, {Count(ActionStatus.Overdue)} overdue, {Count(ActionStatus.NotStarted)} not started";
}
