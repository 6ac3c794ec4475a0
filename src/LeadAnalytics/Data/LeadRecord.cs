using LeadAnalytics.Quality;

namespace LeadAnalytics.Data;

/// <summary>
/// One lead's values as a bulk loader reads them, reused row after row: fill it, pass it to
/// <see cref="LeadTableBuilder.Add(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/> (or check it with
/// <see cref="DataQualityChecker.CheckRecord(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/>), <see cref="Clear"/> it, fill the next. Nothing is validated until then, and no
/// <see cref="Lead"/> object is made.
/// </summary>
/// <remarks>
/// <para>Holds the tracking-table fields a <see cref="LeadTable"/> keeps, plus those the checks read (name, notes, the recorded
/// cycle days). Stages are set by index into <see cref="Pipeline"/>. Text is cleaned when added (trimmed, blank is missing),
/// as <see cref="Lead"/> does.</para>
/// <para>Not thread-safe.</para>
/// </remarks>
public sealed class LeadRecord : IRecordFields
{
    private readonly DateTimeOffset?[] _stageTimes;

    /// <summary>Creates an empty record.</summary>
    /// <param name="pipeline">The pipeline whose stages the record holds; <see cref="LeadAnalytics.Pipeline.Default"/> when null.</param>
    public LeadRecord(Pipeline? pipeline = null)
    {
        Pipeline = pipeline ?? Pipeline.Default;
        _stageTimes = new DateTimeOffset?[Pipeline.Count];
    }

    /// <summary>The pipeline; fixed for the record's life.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>The lead id; required.</summary>
    public string? Id { get; set; }

    /// <summary>Company or person (checked as a required field only; a table does not keep it).</summary>
    public string? Name { get; set; }

    /// <summary>Source channel.</summary>
    public string? Channel { get; set; }

    /// <summary>Promotion strategy.</summary>
    public string? Strategy { get; set; }

    /// <summary>Content asset.</summary>
    public string? Content { get; set; }

    /// <summary>Owner.</summary>
    public string? Owner { get; set; }

    /// <summary>Customer type.</summary>
    public string? CustomerType { get; set; }

    /// <summary>Industry.</summary>
    public string? Industry { get; set; }

    /// <summary>Loss reason.</summary>
    public string? LossReason { get; set; }

    /// <summary>Notes (checked as a required field only; a table does not keep them).</summary>
    public string? Notes { get; set; }

    /// <summary>The recorded cycle days (转化时长) as written; checked against the timestamps, not kept.</summary>
    public string? RecordedCycleDays { get; set; }

    /// <summary>When the lead was acquired (the pipeline's first stage); required.</summary>
    public DateTimeOffset? AcquiredAt
    {
        get => _stageTimes[0];
        set => _stageTimes[0] = value;
    }

    /// <summary>When the lead was won (the pipeline's last stage).</summary>
    public DateTimeOffset? WonAt
    {
        get => _stageTimes[_stageTimes.Length - 1];
        set => _stageTimes[_stageTimes.Length - 1] = value;
    }

    /// <summary>When the lead was lost.</summary>
    public DateTimeOffset? LostAt { get; set; }

    /// <summary>An explicit last-activity instant.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>Deal amount.</summary>
    public Money? DealAmount { get; set; }

    /// <summary>Per-lead acquisition cost.</summary>
    public Money? AcquisitionCost { get; set; }

    /// <summary>Tags; blanks are dropped and repeats removed when added.</summary>
    public IList<string> Tags { get; } = new List<string>();

    /// <summary>Instants of follow-ups (a table keeps their instants only).</summary>
    public IList<DateTimeOffset> FollowUpTimes { get; } = new List<DateTimeOffset>();

    /// <summary>The stage instants by stage index (0 is <see cref="AcquiredAt"/>, the last <see cref="WonAt"/>).</summary>
    public IReadOnlyList<DateTimeOffset?> StageTimes => _stageTimes;

    /// <summary>The instant the lead entered a stage.</summary>
    /// <param name="stage">The stage index in <see cref="Pipeline"/>.</param>
    /// <returns>The instant, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the pipeline.</exception>
    public DateTimeOffset? GetStageTime(int stage) => _stageTimes[CheckStage(stage)];

    /// <summary>Sets or clears the instant the lead entered a stage.</summary>
    /// <param name="stage">The stage index in <see cref="Pipeline"/>.</param>
    /// <param name="at">The instant, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the pipeline.</exception>
    public void SetStageTime(int stage, DateTimeOffset? at) => _stageTimes[CheckStage(stage)] = at;

    /// <summary>Clears every value, for the next row.</summary>
    public void Clear()
    {
        Id = Name = Channel = Strategy = Content = Owner = CustomerType = Industry = LossReason = Notes = RecordedCycleDays = null;
        Array.Clear(_stageTimes, 0, _stageTimes.Length);
        LostAt = LastActivityAt = null;
        DealAmount = AcquisitionCost = null;
        Tags.Clear();
        FollowUpTimes.Clear();
    }

    IReadOnlyList<LeadRuleViolation> IRecordFields.Violations() => LeadRules.Validate(Pipeline, Id, _stageTimes, LostAt, DealAmount, AcquisitionCost);

    /// <summary>Whether a field has no value (blank text is missing), as the required-field check sees it.</summary>
    bool IRecordFields.IsMissing(LeadField field) => field switch
    {
        LeadField.Id => string.IsNullOrWhiteSpace(Id),
        LeadField.Name => string.IsNullOrWhiteSpace(Name),
        LeadField.Channel => string.IsNullOrWhiteSpace(Channel),
        LeadField.Strategy => string.IsNullOrWhiteSpace(Strategy),
        LeadField.Content => string.IsNullOrWhiteSpace(Content),
        LeadField.AcquiredAt => AcquiredAt is null,
        LeadField.Owner => string.IsNullOrWhiteSpace(Owner),
        LeadField.CustomerType => string.IsNullOrWhiteSpace(CustomerType),
        LeadField.Industry => string.IsNullOrWhiteSpace(Industry),
        LeadField.ContactedAt => StageMissing(Pipeline.Contacted),
        LeadField.NeedsConfirmedAt => StageMissing(Pipeline.NeedsConfirmed),
        LeadField.ProposalSentAt => StageMissing(Pipeline.ProposalSent),
        LeadField.NegotiationAt => StageMissing(Pipeline.Negotiation),
        LeadField.WonAt => WonAt is null,
        LeadField.LostAt => LostAt is null,
        LeadField.LossReason => string.IsNullOrWhiteSpace(LossReason),
        LeadField.DealAmount => DealAmount is null,
        LeadField.AcquisitionCost => AcquisitionCost is null,
        LeadField.CycleDays => string.IsNullOrWhiteSpace(RecordedCycleDays),
        LeadField.Notes => string.IsNullOrWhiteSpace(Notes),
        LeadField.Tags => AllBlank(Tags),
        LeadField.LastActivityAt => LastActivityAt is null,
        LeadField.Currency => DealAmount is null && AcquisitionCost is null,
        _ => false,
    };

    private bool StageMissing(string stage)
    {
        var i = Pipeline.IndexOf(stage);
        return i < 0 || _stageTimes[i] is null;
    }

    private static bool AllBlank(IList<string> values)
    {
        foreach (var v in values)
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                return false;
            }
        }

        return true;
    }

    private int CheckStage(int stage)
    {
        if ((uint)stage >= (uint)_stageTimes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, $"The pipeline has {_stageTimes.Length} stages.");
        }

        return stage;
    }
}
