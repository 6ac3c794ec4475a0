namespace LeadAnalytics;

/// <summary>
/// Mutable values from which an immutable, validated <see cref="Lead"/> is built: set what is known, then call
/// <see cref="Build(LeadValidation)"/>.
/// </summary>
/// <example>
/// <code>
/// var lead = new LeadBuilder
/// {
///     Id = "20231001001",
///     Channel = "抖音信息流",
///     AcquiredAt = new DateTimeOffset(2023, 10, 1, 14, 30, 0, TimeSpan.FromHours(8)),
///     ContactedAt = new DateTimeOffset(2023, 10, 2, 9, 0, 0, TimeSpan.FromHours(8)),
/// }.Build();
/// </code>
/// </example>
/// <remarks>Not thread-safe; build on one thread. The stage properties of the template's pipeline
/// (<see cref="ContactedAt"/> ...) are shortcuts for <see cref="SetStageTime"/> with the stage names of
/// <see cref="LeadAnalytics.Pipeline.Default"/>; <see cref="AcquiredAt"/> and <see cref="WonAt"/> always mean the
/// first and last stage of <see cref="Pipeline"/>.</remarks>
public sealed class LeadBuilder
{
    private readonly Dictionary<string, DateTimeOffset> _stageTimes = new(StringComparer.Ordinal);

    /// <summary>Creates an empty builder.</summary>
    public LeadBuilder()
    {
    }

    /// <summary>The lead id (线索编号); required.</summary>
    public string? Id { get; set; }

    /// <summary>Company or person (线索名称).</summary>
    public string? Name { get; set; }

    /// <summary>Source channel (来源渠道).</summary>
    public string? Channel { get; set; }

    /// <summary>Promotion strategy (推广策略).</summary>
    public string? Strategy { get; set; }

    /// <summary>Content asset (内容素材).</summary>
    public string? Content { get; set; }

    /// <summary>When the lead was acquired (获取时间); required.</summary>
    public DateTimeOffset? AcquiredAt { get; set; }

    /// <summary>Owner (负责人).</summary>
    public string? Owner { get; set; }

    /// <summary>Customer type (客户类型).</summary>
    public string? CustomerType { get; set; }

    /// <summary>Industry (客户行业).</summary>
    public string? Industry { get; set; }

    /// <summary>First contact (初次接触时间): the <c>Contacted</c> stage.</summary>
    public DateTimeOffset? ContactedAt
    {
        get => GetStageTime(LeadAnalytics.Pipeline.Contacted);
        set => SetStageTime(LeadAnalytics.Pipeline.Contacted, value);
    }

    /// <summary>Needs confirmed (需求确认时间): the <c>NeedsConfirmed</c> stage.</summary>
    public DateTimeOffset? NeedsConfirmedAt
    {
        get => GetStageTime(LeadAnalytics.Pipeline.NeedsConfirmed);
        set => SetStageTime(LeadAnalytics.Pipeline.NeedsConfirmed, value);
    }

    /// <summary>Proposal sent (方案提交时间): the <c>ProposalSent</c> stage.</summary>
    public DateTimeOffset? ProposalSentAt
    {
        get => GetStageTime(LeadAnalytics.Pipeline.ProposalSent);
        set => SetStageTime(LeadAnalytics.Pipeline.ProposalSent, value);
    }

    /// <summary>Negotiation (商务谈判时间): the <c>Negotiation</c> stage.</summary>
    public DateTimeOffset? NegotiationAt
    {
        get => GetStageTime(LeadAnalytics.Pipeline.Negotiation);
        set => SetStageTime(LeadAnalytics.Pipeline.Negotiation, value);
    }

    /// <summary>Won (成交时间): the last stage of the pipeline.</summary>
    public DateTimeOffset? WonAt { get; set; }

    /// <summary>Lost (流失时间).</summary>
    public DateTimeOffset? LostAt { get; set; }

    /// <summary>Loss reason (流失原因), ideally a tag such as "budget".</summary>
    public string? LossReason { get; set; }

    /// <summary>Deal amount (成交金额).</summary>
    public Money? DealAmount { get; set; }

    /// <summary>Per-lead acquisition cost (获客成本).</summary>
    public Money? AcquisitionCost { get; set; }

    /// <summary>Notes (备注).</summary>
    public string? Notes { get; set; }

    /// <summary>An explicit last-activity instant, if the source records one.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The pipeline the stage times refer to; <see cref="LeadAnalytics.Pipeline.Default"/> when null.</summary>
    public Pipeline? Pipeline { get; set; }

    /// <summary>Tags (targeting, campaign...). Blank tags are dropped and repeats removed when built.</summary>
    public IList<string> Tags { get; } = new List<string>();

    /// <summary>Follow-ups; sorted by instant when built.</summary>
    public IList<FollowUp> FollowUps { get; } = new List<FollowUp>();

    /// <summary>Extra attributes (unknown CSV columns, CRM fields), by name.</summary>
    public IDictionary<string, string> Attributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The intermediate stage times set so far, by stage name (acquisition and won are separate properties).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> StageTimes => _stageTimes;

    /// <summary>Sets or clears the time a lead entered a stage.</summary>
    /// <param name="stage">A stage name. The pipeline's first stage sets <see cref="AcquiredAt"/> and its last sets <see cref="WonAt"/>.</param>
    /// <param name="at">The instant, or <see langword="null"/> to clear.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is blank.</exception>
    public LeadBuilder SetStageTime(string stage, DateTimeOffset? at)
    {
        Preconditions.CheckNotBlank(stage, nameof(stage));
        var pipeline = Pipeline ?? LeadAnalytics.Pipeline.Default;
        if (stage == pipeline.AcquisitionStage.Name)
        {
            AcquiredAt = at;
        }
        else if (stage == pipeline.WonStage.Name)
        {
            WonAt = at;
        }
        else if (at is { } value)
        {
            _stageTimes[stage] = value;
        }
        else
        {
            _stageTimes.Remove(stage);
        }

        return this;
    }

    /// <summary>Reads the time a lead entered a stage.</summary>
    /// <param name="stage">A stage name.</param>
    /// <returns>The instant, or <see langword="null"/>.</returns>
    public DateTimeOffset? GetStageTime(string stage)
    {
        var pipeline = Pipeline ?? LeadAnalytics.Pipeline.Default;
        if (stage == pipeline.AcquisitionStage.Name)
        {
            return AcquiredAt;
        }

        if (stage == pipeline.WonStage.Name)
        {
            return WonAt;
        }

        return stage is not null && _stageTimes.TryGetValue(stage, out var t) ? t : null;
    }

    /// <summary>Checks the values against every <see cref="LeadRule"/>.</summary>
    /// <returns>The violations, empty when valid.</returns>
    public IReadOnlyList<LeadRuleViolation> Validate() => LeadRules.Validate(this);

    /// <summary>Builds the immutable lead.</summary>
    /// <param name="validation">Whether chronology faults are allowed.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="ArgumentException">A rule is broken; <see cref="ArgumentException.ParamName"/> is the field
    /// (for example <c>WonAt</c>) and the message names the rule and the value.</exception>
    public Lead Build(LeadValidation validation = LeadValidation.Strict)
    {
        var violations = LeadRules.Validate(this);
        var chronologyFaults = false;
        foreach (var v in violations)
        {
            if (v.IsChronology && validation == LeadValidation.AllowChronologyFaults)
            {
                chronologyFaults = true;
                continue;
            }

            throw new ArgumentException($"{v.Rule}: {v.Message} (value: {v.Value ?? "(missing)"})", v.Field);
        }

        return new Lead(this, chronologyFaults);
    }
}
