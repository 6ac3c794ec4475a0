using System.Globalization;

namespace LeadAnalytics;

/// <summary>The invariants a lead must satisfy. One list, shared by construction (which throws) and bulk import (which reports).</summary>
public enum LeadRule
{
    /// <summary>The lead id is missing or blank.</summary>
    MissingId = 0,

    /// <summary>The acquisition instant is missing.</summary>
    MissingAcquiredAt = 1,

    /// <summary>A stage timestamp names a stage the pipeline does not have.</summary>
    UnknownStage = 2,

    /// <summary>A stage, won or lost timestamp is earlier than the acquisition instant.</summary>
    StageBeforeAcquisition = 3,

    /// <summary>Stage timestamps decrease along the pipeline order (or lost precedes a recorded stage).</summary>
    StagesOutOfOrder = 4,

    /// <summary>Both won and lost are set.</summary>
    WonAndLost = 5,

    /// <summary>The deal amount is negative.</summary>
    NegativeDealAmount = 6,

    /// <summary>The per-lead acquisition cost is negative.</summary>
    NegativeAcquisitionCost = 7,
}

/// <summary>One broken invariant: which rule, which field, the offending value and a sentence a person can act on.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LeadRuleViolation
{
    internal LeadRuleViolation(LeadRule rule, string field, string? value, string message)
    {
        Rule = rule;
        Field = field;
        Value = value;
        Message = message;
    }

    /// <summary>The rule.</summary>
    public LeadRule Rule { get; }

    /// <summary>The <see cref="LeadBuilder"/> property at fault, for example <c>WonAt</c>.</summary>
    public string Field { get; }

    /// <summary>The offending value in invariant text, or <see langword="null"/> when it is missing.</summary>
    public string? Value { get; }

    /// <summary>What is wrong, in a sentence.</summary>
    public string Message { get; }

    /// <summary>Whether the rule is about the order of timestamps (<see cref="LeadRule.StageBeforeAcquisition"/> or
    /// <see cref="LeadRule.StagesOutOfOrder"/>). Real exports contain such leads; <see cref="LeadValidation.AllowChronologyFaults"/> keeps them.</summary>
    public bool IsChronology => Rule is LeadRule.StageBeforeAcquisition or LeadRule.StagesOutOfOrder;

    /// <summary>Returns the message.</summary>
    /// <returns>Rule, field and message.</returns>
    public override string ToString() => $"{Rule} ({Field}): {Message}";
}

/// <summary>How strictly <see cref="LeadBuilder.Build(LeadValidation)"/> enforces the rules.</summary>
public enum LeadValidation
{
    /// <summary>Every rule in <see cref="LeadRule"/> is enforced.</summary>
    Strict = 0,

    /// <summary>Chronology faults are allowed (and flagged by <see cref="Lead.HasChronologyFaults"/>); every other rule is enforced.
    /// Engines exclude such leads from duration statistics and count them.</summary>
    AllowChronologyFaults = 1,
}

/// <summary>Checks leads against <see cref="LeadRule"/>.</summary>
public static class LeadRules
{
    /// <summary>Lists every rule the builder's current values break, in a fixed order (ids, chronology, outcome, amounts).</summary>
    /// <param name="builder">The values to check.</param>
    /// <returns>The violations; empty when the lead is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IReadOnlyList<LeadRuleViolation> Validate(LeadBuilder builder)
    {
        Preconditions.CheckNotNull(builder, nameof(builder));
        var list = new List<LeadRuleViolation>();
        if (string.IsNullOrWhiteSpace(builder.Id))
        {
            list.Add(new LeadRuleViolation(LeadRule.MissingId, nameof(LeadBuilder.Id), builder.Id, "A lead needs a non-empty id."));
        }

        var pipeline = builder.Pipeline ?? Pipeline.Default;
        if (builder.AcquiredAt is null)
        {
            list.Add(new LeadRuleViolation(LeadRule.MissingAcquiredAt, nameof(LeadBuilder.AcquiredAt), null, "A lead needs its acquisition instant."));
        }

        foreach (var pair in builder.StageTimes)
        {
            if (pipeline.IndexOf(pair.Key) < 0)
            {
                list.Add(new LeadRuleViolation(LeadRule.UnknownStage, FieldOf(pipeline, pair.Key), Format(pair.Value), $"Pipeline '{pipeline.Name}' has no stage '{pair.Key}'."));
            }
        }

        if (builder.AcquiredAt is { } acquired)
        {
            CheckChronology(builder, pipeline, acquired, list);
        }

        if (builder.WonAt is not null && builder.LostAt is not null)
        {
            list.Add(new LeadRuleViolation(LeadRule.WonAndLost, nameof(LeadBuilder.LostAt), Format(builder.LostAt), $"A lead cannot be both won ({Format(builder.WonAt)}) and lost ({Format(builder.LostAt)})."));
        }

        if (builder.DealAmount is { } deal && deal.Amount < 0m)
        {
            list.Add(new LeadRuleViolation(LeadRule.NegativeDealAmount, nameof(LeadBuilder.DealAmount), deal.ToString(), $"The deal amount must not be negative (was {deal})."));
        }

        if (builder.AcquisitionCost is { } cost && cost.Amount < 0m)
        {
            list.Add(new LeadRuleViolation(LeadRule.NegativeAcquisitionCost, nameof(LeadBuilder.AcquisitionCost), cost.ToString(), $"The acquisition cost must not be negative (was {cost})."));
        }

        return list;
    }

    private static void CheckChronology(LeadBuilder builder, Pipeline pipeline, DateTimeOffset acquired, List<LeadRuleViolation> list)
    {
        // Walk the recorded stages in pipeline order; each must be >= acquisition and >= the previous recorded one.
        DateTimeOffset? previous = null;
        string? previousName = null;
        for (var i = 1; i < pipeline.Count; i++)
        {
            var name = pipeline.Stages[i].Name;
            var at = builder.GetStageTime(name);
            if (at is not { } t)
            {
                continue;
            }

            if (t < acquired)
            {
                list.Add(new LeadRuleViolation(LeadRule.StageBeforeAcquisition, FieldOf(pipeline, name), Format(t), $"{name} ({Format(t)}) is before acquisition ({Format(acquired)})."));
            }
            else if (previous is { } p && t < p)
            {
                list.Add(new LeadRuleViolation(LeadRule.StagesOutOfOrder, FieldOf(pipeline, name), Format(t), $"{name} ({Format(t)}) is before the earlier stage {previousName} ({Format(p)})."));
            }

            if (previous is null || t > previous.Value)
            {
                previous = t;
                previousName = name;
            }
        }

        if (builder.LostAt is { } lost)
        {
            if (lost < acquired)
            {
                list.Add(new LeadRuleViolation(LeadRule.StageBeforeAcquisition, nameof(LeadBuilder.LostAt), Format(lost), $"Lost ({Format(lost)}) is before acquisition ({Format(acquired)})."));
            }
            else if (previous is { } p && lost < p)
            {
                list.Add(new LeadRuleViolation(LeadRule.StagesOutOfOrder, nameof(LeadBuilder.LostAt), Format(lost), $"Lost ({Format(lost)}) is before the recorded stage {previousName} ({Format(p)})."));
            }
        }
    }

    /// <summary>Maps a stage name to the builder property that holds it, for the template's stages.</summary>
    internal static string FieldOf(Pipeline pipeline, string stage) => stage == pipeline.WonStage.Name ? nameof(LeadBuilder.WonAt) : stage switch
    {
        Pipeline.Contacted => nameof(LeadBuilder.ContactedAt),
        Pipeline.NeedsConfirmed => nameof(LeadBuilder.NeedsConfirmedAt),
        Pipeline.ProposalSent => nameof(LeadBuilder.ProposalSentAt),
        Pipeline.Negotiation => nameof(LeadBuilder.NegotiationAt),
        _ => "StageTimes[" + stage + "]",
    };

    internal static string Format(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "(missing)";
}
