namespace LeadAnalytics;

/// <summary>
/// An optimisation action (the template's step 6): a finding, what will be done about it, who owns it, when it starts and is
/// due, and the metric it is tracked by with its target and baseline. Build one with <see cref="OptimisationActionBuilder"/>;
/// evaluate it against the data with the actions engine (LeadAnalytics.Actions).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Validated at construction against <see cref="ActionRule"/>. Optional text is trimmed and blank
/// text becomes <see langword="null"/>; the history is sorted by instant.</para>
/// <para>Equality is by value over every field (strings ordinally, instants as the same UTC instant).</para>
/// </remarks>
public sealed class OptimisationAction : IEquatable<OptimisationAction>
{
    private readonly ActionStatusEntry[] _history;

    internal OptimisationAction(OptimisationActionBuilder b)
    {
        Id = b.Id!.Trim();
        Finding = Clean(b.Finding);
        FindingId = Clean(b.FindingId);
        Description = b.Description!.Trim();
        Owner = Clean(b.Owner);
        Start = b.Start!.Value;
        Due = b.Due!.Value;
        Target = b.Target!;
        Baseline = b.Baseline;
        Notes = string.IsNullOrWhiteSpace(b.Notes) ? null : b.Notes;
        _history = b.History
            .OrderBy(e => e.At.UtcDateTime)
            .ThenBy(e => (int)e.State)
            .ThenBy(e => e.Note, StringComparer.Ordinal)
            .ToArray();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    /// <summary>The action id.</summary>
    public string Id { get; }

    /// <summary>The finding (分析结论), or <see langword="null"/>.</summary>
    public string? Finding { get; }

    /// <summary>The id of an engine's finding the action answers, or <see langword="null"/>.</summary>
    public string? FindingId { get; }

    /// <summary>What will be done (优化行动).</summary>
    public string Description { get; }

    /// <summary>Who is responsible (责任人), or <see langword="null"/>.</summary>
    public string? Owner { get; }

    /// <summary>When the action starts: its effect is measured on leads acquired from this instant.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When the target is due (完成时间).</summary>
    public DateTimeOffset Due { get; }

    /// <summary>The tracking metric with its target (跟踪指标).</summary>
    public MetricTarget Target { get; }

    /// <summary>The tracked metric and scope (<see cref="MetricTarget.Metric"/> of <see cref="Target"/>).</summary>
    public TrackedMetric Metric => Target.Metric;

    /// <summary>The baseline, or <see langword="null"/> for the evaluator's default window before <see cref="Start"/>.</summary>
    public ActionBaseline? Baseline { get; }

    /// <summary>Notes, or <see langword="null"/>.</summary>
    public string? Notes { get; }

    /// <summary>The recorded status history, by instant.</summary>
    public IReadOnlyList<ActionStatusEntry> History => _history;

    /// <summary>The latest recorded state at or before an instant.</summary>
    /// <param name="asOf">The instant.</param>
    /// <returns>The state, or <see langword="null"/> when nothing was recorded by then.</returns>
    public ActionState? StateAsOf(DateTimeOffset asOf)
    {
        ActionState? state = null;
        foreach (var e in _history)
        {
            if (e.At > asOf)
            {
                break;
            }

            state = e.State;
        }

        return state;
    }

    /// <summary>A builder holding this action's values, to derive a changed copy.</summary>
    /// <returns>A new builder.</returns>
    public OptimisationActionBuilder ToBuilder()
    {
        var b = new OptimisationActionBuilder
        {
            Id = Id,
            Finding = Finding,
            FindingId = FindingId,
            Description = Description,
            Owner = Owner,
            Start = Start,
            Due = Due,
            Target = Target,
            Baseline = Baseline,
            Notes = Notes,
        };
        foreach (var e in _history)
        {
            b.History.Add(e);
        }

        return b;
    }

    /// <inheritdoc />
    public bool Equals(OptimisationAction? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id && Finding == other.Finding && FindingId == other.FindingId && Description == other.Description
                && Owner == other.Owner && Start.Equals(other.Start) && Due.Equals(other.Due) && Target.Equals(other.Target)
                && Equals(Baseline, other.Baseline) && Notes == other.Notes && _history.SequenceEqual(other._history)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OptimisationAction);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Id) * 31) + Target.GetHashCode());

    /// <summary>Describes the action briefly.</summary>
    /// <returns>Id, description and target.</returns>
    public override string ToString() => $"{Id}: {Description} [{Target}]";
}
