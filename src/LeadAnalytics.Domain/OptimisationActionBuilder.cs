namespace LeadAnalytics;

/// <summary>Mutable holder of an optimisation action's values; <see cref="Build"/> checks them against <see cref="ActionRule"/>
/// and returns the immutable <see cref="OptimisationAction"/>.</summary>
public sealed class OptimisationActionBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public OptimisationActionBuilder()
    {
    }

    /// <summary>The action id, unique within a list of actions; required.</summary>
    public string? Id { get; set; }

    /// <summary>The finding that led to the action (分析结论), in words.</summary>
    public string? Finding { get; set; }

    /// <summary>The id of a finding produced by an engine (a bottleneck, a weak channel), when the action answers one.</summary>
    public string? FindingId { get; set; }

    /// <summary>What will be done (优化行动); required.</summary>
    public string? Description { get; set; }

    /// <summary>Who is responsible (责任人).</summary>
    public string? Owner { get; set; }

    /// <summary>When the action starts: its effect is measured on leads acquired from this instant; required.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>When the target is due (完成时间); required, after <see cref="Start"/>.</summary>
    public DateTimeOffset? Due { get; set; }

    /// <summary>The tracking metric with its target (跟踪指标); required.</summary>
    public MetricTarget? Target { get; set; }

    /// <summary>The baseline, or <see langword="null"/> for the evaluator's default window before the start.</summary>
    public ActionBaseline? Baseline { get; set; }

    /// <summary>Notes.</summary>
    public string? Notes { get; set; }

    /// <summary>The recorded status history; sorted by instant when built.</summary>
    public IList<ActionStatusEntry> History { get; } = new List<ActionStatusEntry>();

    /// <summary>Checks the values against every <see cref="ActionRule"/>.</summary>
    /// <returns>The violations, empty when valid.</returns>
    public IReadOnlyList<ActionRuleViolation> Validate() => OptimisationActionRules.Validate(this);

    /// <summary>Builds the immutable action.</summary>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException">A rule is broken; <see cref="ArgumentException.ParamName"/> is the field (for example
    /// <c>Due</c>) and the message names the rule and the value.</exception>
    public OptimisationAction Build()
    {
        var violations = OptimisationActionRules.Validate(this);
        if (violations.Count > 0)
        {
            var v = violations[0];
            throw new ArgumentException($"{v.Rule}: {v.Message} (value: {v.Value ?? "(missing)"})", v.Field);
        }

        return new OptimisationAction(this);
    }
}
