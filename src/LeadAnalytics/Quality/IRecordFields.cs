namespace LeadAnalytics.Quality;

/// <summary>What the per-record checks read, from a <see cref="LeadBuilder"/> or a <see cref="Data.LeadRecord"/>, so both go
/// through the same checks.</summary>
internal interface IRecordFields
{
    string? Id { get; }

    DateTimeOffset? AcquiredAt { get; }

    DateTimeOffset? WonAt { get; }

    DateTimeOffset? LostAt { get; }

    Money? DealAmount { get; }

    Money? AcquisitionCost { get; }

    string? RecordedCycleDays { get; }

    /// <summary>The <see cref="LeadRules"/> violations.</summary>
    IReadOnlyList<LeadRuleViolation> Violations();

    /// <summary>Whether a field has no value (blank text is missing).</summary>
    bool IsMissing(LeadField field);
}

/// <summary>A <see cref="LeadBuilder"/> seen by the checks.</summary>
internal readonly struct BuilderFields : IRecordFields
{
    private readonly LeadBuilder _b;

    internal BuilderFields(LeadBuilder builder) => _b = builder;

    public string? Id => _b.Id;

    public DateTimeOffset? AcquiredAt => _b.AcquiredAt;

    public DateTimeOffset? WonAt => _b.WonAt;

    public DateTimeOffset? LostAt => _b.LostAt;

    public Money? DealAmount => _b.DealAmount;

    public Money? AcquisitionCost => _b.AcquisitionCost;

    public string? RecordedCycleDays => _b.Attributes.TryGetValue(DataQualityOptions.CycleDaysAttribute, out var d) ? d : null;

    public IReadOnlyList<LeadRuleViolation> Violations() => LeadRules.Validate(_b);

    public bool IsMissing(LeadField field) => field switch
    {
        LeadField.Id => string.IsNullOrWhiteSpace(_b.Id),
        LeadField.Name => string.IsNullOrWhiteSpace(_b.Name),
        LeadField.Channel => string.IsNullOrWhiteSpace(_b.Channel),
        LeadField.Strategy => string.IsNullOrWhiteSpace(_b.Strategy),
        LeadField.Content => string.IsNullOrWhiteSpace(_b.Content),
        LeadField.AcquiredAt => _b.AcquiredAt is null,
        LeadField.Owner => string.IsNullOrWhiteSpace(_b.Owner),
        LeadField.CustomerType => string.IsNullOrWhiteSpace(_b.CustomerType),
        LeadField.Industry => string.IsNullOrWhiteSpace(_b.Industry),
        LeadField.ContactedAt => _b.ContactedAt is null,
        LeadField.NeedsConfirmedAt => _b.NeedsConfirmedAt is null,
        LeadField.ProposalSentAt => _b.ProposalSentAt is null,
        LeadField.NegotiationAt => _b.NegotiationAt is null,
        LeadField.WonAt => _b.WonAt is null,
        LeadField.LostAt => _b.LostAt is null,
        LeadField.LossReason => string.IsNullOrWhiteSpace(_b.LossReason),
        LeadField.DealAmount => _b.DealAmount is null,
        LeadField.AcquisitionCost => _b.AcquisitionCost is null,
        LeadField.CycleDays => string.IsNullOrWhiteSpace(RecordedCycleDays),
        LeadField.Notes => string.IsNullOrWhiteSpace(_b.Notes),
        LeadField.Tags => _b.Tags.All(string.IsNullOrWhiteSpace),
        LeadField.LastActivityAt => _b.LastActivityAt is null,
        LeadField.Currency => _b.DealAmount is null && _b.AcquisitionCost is null,
        _ => false,
    };
}
