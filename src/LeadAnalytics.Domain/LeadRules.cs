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
    private static readonly LeadRuleViolation[] None = Array.Empty<LeadRuleViolation>();

    /// <summary>Lists every rule the builder's current values break, in a fixed order (ids, chronology, outcome, amounts).</summary>
    /// <param name="builder">The values to check.</param>
    /// <returns>The violations; empty when the lead is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IReadOnlyList<LeadRuleViolation> Validate(LeadBuilder builder)
    {
        Preconditions.CheckNotNull(builder, nameof(builder));
        var pipeline = builder.Pipeline ?? Pipeline.Default;
        var times = new DateTimeOffset?[pipeline.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = builder.GetStageTime(pipeline.Stages[i].Name);
        }

        return Check(pipeline, builder.Id, times, builder.LostAt, builder.DealAmount, builder.AcquisitionCost, builder);
    }

    /// <summary>Lists every rule a record held as plain values breaks: the checks of <see cref="Validate(LeadBuilder)"/>, for bulk
    /// loaders that fill a reusable record instead of a builder per row. Allocates nothing when the record is valid.</summary>
    /// <param name="pipeline">The pipeline whose stages <paramref name="stageTimes"/> follows.</param>
    /// <param name="id">The lead id.</param>
    /// <param name="stageTimes">The instant the lead entered each stage of <paramref name="pipeline"/>, by index (0 is the
    /// acquisition, the last is won), <see langword="null"/> when not recorded; exactly <see cref="Pipeline.Count"/> entries.</param>
    /// <param name="lostAt">When the lead was lost, or <see langword="null"/>.</param>
    /// <param name="dealAmount">The deal amount, or <see langword="null"/>.</param>
    /// <param name="acquisitionCost">The acquisition cost, or <see langword="null"/>.</param>
    /// <returns>The violations in the order of <see cref="Validate(LeadBuilder)"/>; empty when the record is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="stageTimes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stageTimes"/> does not have one entry per stage.</exception>
    public static IReadOnlyList<LeadRuleViolation> Validate(
        Pipeline pipeline, string? id, IReadOnlyList<DateTimeOffset?> stageTimes, DateTimeOffset? lostAt, Money? dealAmount, Money? acquisitionCost)
    {
        Preconditions.CheckNotNull(pipeline, nameof(pipeline));
        Preconditions.CheckNotNull(stageTimes, nameof(stageTimes));
        if (stageTimes.Count != pipeline.Count)
        {
            // The message is formatted only here: bulk loaders call this once per row.
            Preconditions.CheckArgument(false, nameof(stageTimes), $"Pipeline '{pipeline.Name}' has {pipeline.Count} stages; {stageTimes.Count} instants were given.");
        }

        return Check(pipeline, id, stageTimes, lostAt, dealAmount, acquisitionCost, null);
    }

    // The one implementation of the rules. The builder, when given, adds its stage names the pipeline lacks.
    private static IReadOnlyList<LeadRuleViolation> Check(
        Pipeline pipeline, string? id, IReadOnlyList<DateTimeOffset?> times, DateTimeOffset? lostAt, Money? dealAmount, Money? acquisitionCost,
        LeadBuilder? builder)
    {
        if (times is DateTimeOffset?[] array && builder is null && !string.IsNullOrWhiteSpace(id) && IsValid(array, lostAt, dealAmount, acquisitionCost))
        {
            // Bulk loaders check millions of valid rows: a quick pass over the array answers them without building anything.
            return None;
        }

        List<LeadRuleViolation>? list = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            Add(ref list, new LeadRuleViolation(LeadRule.MissingId, nameof(LeadBuilder.Id), id, "A lead needs a non-empty id."));
        }

        var acquired = times[0];
        if (acquired is null)
        {
            Add(ref list, new LeadRuleViolation(LeadRule.MissingAcquiredAt, nameof(LeadBuilder.AcquiredAt), null, "A lead needs its acquisition instant."));
        }

        if (builder is not null)
        {
            foreach (var pair in builder.StageTimes)
            {
                if (pipeline.IndexOf(pair.Key) < 0)
                {
                    Add(ref list, new LeadRuleViolation(LeadRule.UnknownStage, FieldOf(pipeline, pair.Key), Format(pair.Value), $"Pipeline '{pipeline.Name}' has no stage '{pair.Key}'."));
                }
            }
        }

        if (acquired is { } a)
        {
            CheckChronology(pipeline, times, a, lostAt, ref list);
        }

        var wonAt = times[times.Count - 1];
        if (wonAt is not null && lostAt is not null)
        {
            Add(ref list, new LeadRuleViolation(LeadRule.WonAndLost, nameof(LeadBuilder.LostAt), Format(lostAt), $"A lead cannot be both won ({Format(wonAt)}) and lost ({Format(lostAt)})."));
        }

        if (dealAmount is { } deal && deal.Amount < 0m)
        {
            Add(ref list, new LeadRuleViolation(LeadRule.NegativeDealAmount, nameof(LeadBuilder.DealAmount), deal.ToString(), $"The deal amount must not be negative (was {deal})."));
        }

        if (acquisitionCost is { } cost && cost.Amount < 0m)
        {
            Add(ref list, new LeadRuleViolation(LeadRule.NegativeAcquisitionCost, nameof(LeadBuilder.AcquisitionCost), cost.ToString(), $"The acquisition cost must not be negative (was {cost})."));
        }

        return list ?? (IReadOnlyList<LeadRuleViolation>)None;
    }

    // True only when Check would find nothing: acquisition recorded, recorded stages ascending from it, lost not before
    // them, not both won and lost, amounts not negative. Any doubt returns false and Check decides.
    private static bool IsValid(DateTimeOffset?[] times, DateTimeOffset? lostAt, Money? dealAmount, Money? acquisitionCost)
    {
        if (times[0] is not { } acquired)
        {
            return false;
        }

        var previous = acquired.UtcTicks;
        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] is { } t)
            {
                var ticks = t.UtcTicks;
                if (ticks < previous)
                {
                    return false;
                }

                previous = ticks;
            }
        }

        return (lostAt is not { } lost || (lost.UtcTicks >= previous && times[times.Length - 1] is null))
            && (dealAmount is not { } deal || deal.Amount >= 0m)
            && (acquisitionCost is not { } cost || cost.Amount >= 0m);
    }

    private static void Add(ref List<LeadRuleViolation>? list, LeadRuleViolation violation) => (list ??= new List<LeadRuleViolation>()).Add(violation);

    private static void CheckChronology(Pipeline pipeline, IReadOnlyList<DateTimeOffset?> times, DateTimeOffset acquired, DateTimeOffset? lostAt, ref List<LeadRuleViolation>? list)
    {
        // Walk the recorded stages in pipeline order; each must be >= acquisition and >= the previous recorded one.
        DateTimeOffset? previous = null;
        string? previousName = null;
        for (var i = 1; i < pipeline.Count; i++)
        {
            if (times[i] is not { } t)
            {
                continue;
            }

            var name = pipeline.Stages[i].Name;
            if (t < acquired)
            {
                Add(ref list, new LeadRuleViolation(LeadRule.StageBeforeAcquisition, FieldOf(pipeline, name), Format(t), $"{name} ({Format(t)}) is before acquisition ({Format(acquired)})."));
            }
            else if (previous is { } p && t < p)
            {
                Add(ref list, new LeadRuleViolation(LeadRule.StagesOutOfOrder, FieldOf(pipeline, name), Format(t), $"{name} ({Format(t)}) is before the earlier stage {previousName} ({Format(p)})."));
            }

            if (previous is null || t > previous.Value)
            {
                previous = t;
                previousName = name;
            }
        }

        if (lostAt is { } lost)
        {
            if (lost < acquired)
            {
                Add(ref list, new LeadRuleViolation(LeadRule.StageBeforeAcquisition, nameof(LeadBuilder.LostAt), Format(lost), $"Lost ({Format(lost)}) is before acquisition ({Format(acquired)})."));
            }
            else if (previous is { } p && lost < p)
            {
                Add(ref list, new LeadRuleViolation(LeadRule.StagesOutOfOrder, nameof(LeadBuilder.LostAt), Format(lost), $"Lost ({Format(lost)}) is before the recorded stage {previousName} ({Format(p)})."));
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
