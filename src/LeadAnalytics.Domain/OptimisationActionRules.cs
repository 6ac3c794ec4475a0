namespace LeadAnalytics;

/// <summary>The invariants an optimisation action must satisfy. One list, shared by construction (which throws) and import (which reports).</summary>
public enum ActionRule
{
    /// <summary>The action id is missing or blank.</summary>
    MissingId = 0,

    /// <summary>The action itself (优化行动) is missing or blank.</summary>
    MissingDescription = 1,

    /// <summary>The tracking metric with its target (跟踪指标) is missing.</summary>
    MissingTarget = 2,

    /// <summary>The start instant is missing.</summary>
    MissingStart = 3,

    /// <summary>The due instant (完成时间) is missing.</summary>
    MissingDue = 4,

    /// <summary>The due instant is not after the start.</summary>
    DueNotAfterStart = 5,

    /// <summary>The baseline window ends after the action starts, so it would measure the action's own effect.</summary>
    BaselineWindowAfterStart = 6,

    /// <summary>A baseline given by hand is out of range for the metric's unit (a proportion above 100%, a currency on a metric
    /// that is not money, too many decimal places).</summary>
    BaselineOutOfRange = 7,
}

/// <summary>One broken invariant of an action: which rule, which field, the offending value and a sentence a person can act on.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ActionRuleViolation
{
    internal ActionRuleViolation(ActionRule rule, string field, string? value, string message)
    {
        Rule = rule;
        Field = field;
        Value = value;
        Message = message;
    }

    /// <summary>The rule.</summary>
    public ActionRule Rule { get; }

    /// <summary>The <see cref="OptimisationActionBuilder"/> property at fault, for example <c>Due</c>.</summary>
    public string Field { get; }

    /// <summary>The offending value in invariant text, or <see langword="null"/> when it is missing.</summary>
    public string? Value { get; }

    /// <summary>What is wrong, in a sentence.</summary>
    public string Message { get; }

    /// <summary>Returns the rule, field and message.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Rule} ({Field}): {Message}";
}

/// <summary>Checks optimisation actions against <see cref="ActionRule"/>.</summary>
public static class OptimisationActionRules
{
    /// <summary>Lists every rule the builder's current values break, in <see cref="ActionRule"/> order.</summary>
    /// <param name="builder">The values to check.</param>
    /// <returns>The violations; empty when the action is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IReadOnlyList<ActionRuleViolation> Validate(OptimisationActionBuilder builder)
    {
        Preconditions.CheckNotNull(builder, nameof(builder));
        var list = new List<ActionRuleViolation>();
        if (string.IsNullOrWhiteSpace(builder.Id))
        {
            list.Add(new ActionRuleViolation(ActionRule.MissingId, nameof(builder.Id), builder.Id, "An action needs a non-empty id."));
        }

        if (string.IsNullOrWhiteSpace(builder.Description))
        {
            list.Add(new ActionRuleViolation(ActionRule.MissingDescription, nameof(builder.Description), builder.Description, "An action needs a description of what will be done (优化行动)."));
        }

        if (builder.Target is null)
        {
            list.Add(new ActionRuleViolation(ActionRule.MissingTarget, nameof(builder.Target), null, "An action needs a tracking metric with a target (跟踪指标), for example dropoff(NeedsConfirmed) <= 25%."));
        }

        if (builder.Start is null)
        {
            list.Add(new ActionRuleViolation(ActionRule.MissingStart, nameof(builder.Start), null, "An action needs a start, from which its effect is measured."));
        }

        if (builder.Due is null)
        {
            list.Add(new ActionRuleViolation(ActionRule.MissingDue, nameof(builder.Due), null, "An action needs a due date (完成时间)."));
        }

        if (builder.Start is { } start && builder.Due is { } due && due <= start)
        {
            list.Add(new ActionRuleViolation(ActionRule.DueNotAfterStart, nameof(builder.Due), LeadRules.Format(due), $"The due instant ({LeadRules.Format(due)}) must be after the start ({LeadRules.Format(start)})."));
        }

        if (builder.Baseline is { Kind: ActionBaselineKind.Window } window && builder.Start is { } s && window.WindowEnd > s)
        {
            list.Add(new ActionRuleViolation(ActionRule.BaselineWindowAfterStart, nameof(builder.Baseline), LeadRules.Format(window.WindowEnd), $"The baseline window ends ({LeadRules.Format(window.WindowEnd)}) after the action starts ({LeadRules.Format(s)}); it must lie before the start."));
        }

        if (builder.Baseline is { Kind: ActionBaselineKind.Given } given && builder.Target is { } target)
        {
            var problem = MetricTarget.CheckValue(target.Metric.Unit, given.Value!.Value)
                ?? (given.Currency is not null && target.Metric.Unit != ActionMetricUnit.Money ? $"takes no currency ({ActionMetrics.NameOf(target.Metric.Metric)} is not money)" : null);
            if (problem is not null)
            {
                list.Add(new ActionRuleViolation(ActionRule.BaselineOutOfRange, nameof(builder.Baseline), given.ToString(), $"The baseline {problem}."));
            }
        }

        return list;
    }
}
