namespace LeadAnalytics;

/// <summary>
/// A sales lead with every field of the tracking table (DIGEST section 3): who, where it came from, when it entered
/// each stage, how it ended, and what it was worth and cost. Build one with <see cref="LeadBuilder"/>.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Validated at construction against <see cref="LeadRule"/>.</para>
/// <para>Derived, never stored: <see cref="Outcome"/> (won if won, lost if lost, else open), the furthest stage reached,
/// the cycle time (won or lost instant minus acquisition, the template's 转化时长), and the last activity.</para>
/// <para>Optional text fields are trimmed; blank text becomes <see langword="null"/>.</para>
/// <para>Equality is by value over every field (strings ordinally, instants by <see cref="DateTimeOffset.Equals(DateTimeOffset)"/>,
/// that is the same UTC instant).</para>
/// </remarks>
public sealed class Lead : IEquatable<Lead>
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>(StringComparer.Ordinal);

    // Index i holds the instant the lead entered Pipeline.Stages[i]; index 0 is always set.
    private readonly DateTimeOffset?[] _stageTimes;
    private readonly string[] _tags;
    private readonly FollowUp[] _followUps;

    internal Lead(LeadBuilder b, bool hasChronologyFaults)
    {
        Pipeline = b.Pipeline ?? Pipeline.Default;
        Id = b.Id!.Trim();
        Name = Clean(b.Name);
        Channel = Clean(b.Channel);
        Strategy = Clean(b.Strategy);
        Content = Clean(b.Content);
        Owner = Clean(b.Owner);
        CustomerType = Clean(b.CustomerType);
        Industry = Clean(b.Industry);
        AcquiredAt = b.AcquiredAt!.Value;
        _stageTimes = new DateTimeOffset?[Pipeline.Count];
        for (var i = 0; i < Pipeline.Count; i++)
        {
            _stageTimes[i] = b.GetStageTime(Pipeline.Stages[i].Name);
        }

        LostAt = b.LostAt;
        LossReason = Clean(b.LossReason);
        DealAmount = b.DealAmount;
        AcquisitionCost = b.AcquisitionCost;
        Notes = string.IsNullOrWhiteSpace(b.Notes) ? null : b.Notes;
        LastActivityAt = b.LastActivityAt;
        _tags = CleanTags(b.Tags);
        _followUps = b.FollowUps.Count == 0
            ? Array.Empty<FollowUp>()
            : b.FollowUps.OrderBy(f => f.At.UtcDateTime).ThenBy(f => (int)f.Kind).ThenBy(f => f.Note, StringComparer.Ordinal).ToArray();
        Attributes = b.Attributes.Count == 0 ? NoAttributes : new Dictionary<string, string>(b.Attributes, StringComparer.Ordinal);
        HasChronologyFaults = hasChronologyFaults;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static string[] CleanTags(IList<string> tags)
    {
        if (tags.Count == 0)
        {
            return Array.Empty<string>();
        }

        var list = new List<string>(tags.Count);
        foreach (var tag in tags)
        {
            var t = Clean(tag);
            if (t is not null && !list.Contains(t, StringComparer.Ordinal))
            {
                list.Add(t);
            }
        }

        return list.ToArray();
    }

    /// <summary>The lead id (线索编号), unique within a data set.</summary>
    public string Id { get; }

    /// <summary>Company or person (线索名称), or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>Source channel (来源渠道), or <see langword="null"/>.</summary>
    public string? Channel { get; }

    /// <summary>Promotion strategy (推广策略), or <see langword="null"/>.</summary>
    public string? Strategy { get; }

    /// <summary>Content asset (内容素材), or <see langword="null"/>.</summary>
    public string? Content { get; }

    /// <summary>When the lead was acquired (获取时间).</summary>
    public DateTimeOffset AcquiredAt { get; }

    /// <summary>Owner (负责人), or <see langword="null"/>.</summary>
    public string? Owner { get; }

    /// <summary>Customer type (客户类型), or <see langword="null"/>.</summary>
    public string? CustomerType { get; }

    /// <summary>Industry (客户行业), or <see langword="null"/>.</summary>
    public string? Industry { get; }

    /// <summary>The pipeline whose stages <see cref="GetStageTime(int)"/> indexes.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>First contact (the <c>Contacted</c> stage), or <see langword="null"/>.</summary>
    public DateTimeOffset? ContactedAt => GetStageTime(Pipeline.Contacted);

    /// <summary>Needs confirmed (the <c>NeedsConfirmed</c> stage), or <see langword="null"/>.</summary>
    public DateTimeOffset? NeedsConfirmedAt => GetStageTime(Pipeline.NeedsConfirmed);

    /// <summary>Proposal sent (the <c>ProposalSent</c> stage), or <see langword="null"/>.</summary>
    public DateTimeOffset? ProposalSentAt => GetStageTime(Pipeline.ProposalSent);

    /// <summary>Negotiation (the <c>Negotiation</c> stage), or <see langword="null"/>.</summary>
    public DateTimeOffset? NegotiationAt => GetStageTime(Pipeline.Negotiation);

    /// <summary>Won (the pipeline's last stage), or <see langword="null"/>.</summary>
    public DateTimeOffset? WonAt => _stageTimes[_stageTimes.Length - 1];

    /// <summary>Lost, or <see langword="null"/>.</summary>
    public DateTimeOffset? LostAt { get; }

    /// <summary>Loss reason (流失原因), or <see langword="null"/>.</summary>
    public string? LossReason { get; }

    /// <summary>Deal amount (成交金额), or <see langword="null"/>.</summary>
    public Money? DealAmount { get; }

    /// <summary>Per-lead acquisition cost (获客成本), or <see langword="null"/>.</summary>
    public Money? AcquisitionCost { get; }

    /// <summary>Notes (备注), or <see langword="null"/>.</summary>
    public string? Notes { get; }

    /// <summary>The explicit last-activity instant from the source, or <see langword="null"/>; see <see cref="LatestActivityAt"/>.</summary>
    public DateTimeOffset? LastActivityAt { get; }

    /// <summary>Tags, trimmed, without blanks or repeats, in their original order.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>Follow-ups, by instant.</summary>
    public IReadOnlyList<FollowUp> FollowUps => _followUps;

    /// <summary>Extra attributes (unknown CSV columns, CRM fields).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>Whether the lead was built with <see cref="LeadValidation.AllowChronologyFaults"/> and has a
    /// timestamp out of order (for example won before acquired). Such leads are counted, but excluded from durations.</summary>
    public bool HasChronologyFaults { get; }

    /// <summary>The outcome as recorded: won if won, lost if lost, else open.</summary>
    public Outcome Outcome => WonAt is not null ? Outcome.Won : LostAt is not null ? Outcome.Lost : Outcome.Open;

    /// <summary>The instant the lead entered a stage.</summary>
    /// <param name="stageIndex">Index into <see cref="LeadAnalytics.Pipeline.Stages"/>.</param>
    /// <returns>The instant, or <see langword="null"/> when not recorded.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the pipeline.</exception>
    public DateTimeOffset? GetStageTime(int stageIndex)
    {
        if ((uint)stageIndex >= (uint)_stageTimes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stageIndex), stageIndex, $"The pipeline has {_stageTimes.Length} stages.");
        }

        return _stageTimes[stageIndex];
    }

    /// <summary>The instant the lead entered a stage.</summary>
    /// <param name="stageName">A stage name; unknown names give <see langword="null"/>.</param>
    /// <returns>The instant, or <see langword="null"/>.</returns>
    public DateTimeOffset? GetStageTime(string stageName)
    {
        var i = Pipeline.IndexOf(stageName);
        return i < 0 ? null : _stageTimes[i];
    }

    /// <summary>The recorded stages and their instants, in pipeline order (acquisition first).</summary>
    public IReadOnlyList<StageTimestamp> StageTimes
    {
        get
        {
            var list = new List<StageTimestamp>(_stageTimes.Length);
            for (var i = 0; i < _stageTimes.Length; i++)
            {
                if (_stageTimes[i] is { } t)
                {
                    list.Add(new StageTimestamp(Pipeline.Stages[i].Name, t));
                }
            }

            return list;
        }
    }

    /// <summary>The outcome as of an instant: events after it are ignored.</summary>
    /// <param name="asOf">The instant.</param>
    /// <returns>Won, lost or open.</returns>
    public Outcome OutcomeAsOf(DateTimeOffset asOf) =>
        WonAt is { } w && w <= asOf ? Outcome.Won : LostAt is { } l && l <= asOf ? Outcome.Lost : Outcome.Open;

    /// <summary>The index of the furthest stage recorded (won counts), ignoring events after <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The instant; <see langword="null"/> for everything recorded.</param>
    /// <returns>0 (acquired) to <see cref="LeadAnalytics.Pipeline.WonIndex"/>; -1 if the lead was acquired after <paramref name="asOf"/>.</returns>
    public int FurthestStageIndex(DateTimeOffset? asOf = null)
    {
        for (var i = _stageTimes.Length - 1; i >= 0; i--)
        {
            if (_stageTimes[i] is { } t && (asOf is null || t <= asOf.Value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The furthest stage recorded: for an open lead its current stage, for a lost lead the stage it was lost at.</summary>
    public Stage CurrentStage => Pipeline.Stages[FurthestStageIndex()];

    /// <summary>The latest activity: the latest of acquisition, stage, won, lost and follow-up instants and the
    /// explicit <see cref="LastActivityAt"/>, ignoring anything after <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The instant; <see langword="null"/> for everything recorded.</param>
    /// <returns>The instant (at least <see cref="AcquiredAt"/>).</returns>
    public DateTimeOffset LatestActivityAt(DateTimeOffset? asOf = null)
    {
        var latest = AcquiredAt;
        void Consider(DateTimeOffset? t)
        {
            if (t is { } v && v > latest && (asOf is null || v <= asOf.Value))
            {
                latest = v;
            }
        }

        foreach (var t in _stageTimes)
        {
            Consider(t);
        }

        Consider(LostAt);
        Consider(LastActivityAt);
        foreach (var f in _followUps)
        {
            Consider(f.At);
        }

        return latest;
    }

    /// <summary>Whether the lead is "presumed lost (stale)": open as of <paramref name="asOf"/> with no activity for at least
    /// <paramref name="staleAfter"/> (the template's 30 days without follow-up).</summary>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="staleAfter">The threshold; <see cref="TimeSpan.Zero"/> or less turns the rule off.</param>
    /// <returns><see langword="true"/> when stale.</returns>
    public bool IsStale(DateTimeOffset asOf, TimeSpan staleAfter) =>
        staleAfter > TimeSpan.Zero && AcquiredAt <= asOf && OutcomeAsOf(asOf) == Outcome.Open && asOf - LatestActivityAt(asOf) >= staleAfter;

    /// <summary>Won or lost instant minus acquisition (转化时长), or <see langword="null"/> while open. May be negative when
    /// <see cref="HasChronologyFaults"/>.</summary>
    public TimeSpan? CycleTime => (WonAt ?? LostAt) is { } end ? end - AcquiredAt : null;

    /// <summary><see cref="CycleTime"/> in fractional days, or <see langword="null"/> while open.</summary>
    public double? CycleDays => CycleTime?.TotalDays;

    /// <summary>The value of a single-valued dimension; see <see cref="DimensionKeys.GetValue"/>.</summary>
    /// <param name="dimension">Any dimension but <see cref="Dimension.Tag"/>.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public string? GetDimension(Dimension dimension) => DimensionKeys.GetValue(this, dimension);

    /// <summary>A builder holding this lead's values, to derive a changed copy.</summary>
    /// <returns>A new builder.</returns>
    public LeadBuilder ToBuilder()
    {
        var b = new LeadBuilder
        {
            Pipeline = Pipeline,
            Id = Id,
            Name = Name,
            Channel = Channel,
            Strategy = Strategy,
            Content = Content,
            AcquiredAt = AcquiredAt,
            Owner = Owner,
            CustomerType = CustomerType,
            Industry = Industry,
            LostAt = LostAt,
            LossReason = LossReason,
            DealAmount = DealAmount,
            AcquisitionCost = AcquisitionCost,
            Notes = Notes,
            LastActivityAt = LastActivityAt,
        };
        for (var i = 1; i < _stageTimes.Length; i++)
        {
            b.SetStageTime(Pipeline.Stages[i].Name, _stageTimes[i]);
        }

        foreach (var t in _tags)
        {
            b.Tags.Add(t);
        }

        foreach (var f in _followUps)
        {
            b.FollowUps.Add(f);
        }

        foreach (var a in Attributes)
        {
            b.Attributes[a.Key] = a.Value;
        }

        return b;
    }

    /// <inheritdoc />
    public bool Equals(Lead? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!(Id == other.Id && Name == other.Name && Channel == other.Channel && Strategy == other.Strategy
              && Content == other.Content && Owner == other.Owner && CustomerType == other.CustomerType
              && Industry == other.Industry && AcquiredAt.Equals(other.AcquiredAt) && Nullable.Equals(LostAt, other.LostAt)
              && LossReason == other.LossReason && Nullable.Equals(DealAmount, other.DealAmount)
              && Nullable.Equals(AcquisitionCost, other.AcquisitionCost) && Notes == other.Notes
              && Nullable.Equals(LastActivityAt, other.LastActivityAt) && HasChronologyFaults == other.HasChronologyFaults
              && Pipeline.Count == other.Pipeline.Count
              && _tags.SequenceEqual(other._tags, StringComparer.Ordinal) && _followUps.SequenceEqual(other._followUps)
              && Attributes.Count == other.Attributes.Count))
        {
            return false;
        }

        for (var i = 0; i < _stageTimes.Length; i++)
        {
            if (!Nullable.Equals(_stageTimes[i], other._stageTimes[i]) || Pipeline.Stages[i].Name != other.Pipeline.Stages[i].Name)
            {
                return false;
            }
        }

        foreach (var a in Attributes)
        {
            if (!other.Attributes.TryGetValue(a.Key, out var v) || v != a.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Lead);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Id) * 31) + AcquiredAt.GetHashCode());

    /// <summary>Describes the lead briefly.</summary>
    /// <returns>Id, channel, outcome and current stage.</returns>
    public override string ToString() => $"{Id} ({Channel ?? DimensionKeys.Missing}, {Outcome}, {CurrentStage.Name})";
}
