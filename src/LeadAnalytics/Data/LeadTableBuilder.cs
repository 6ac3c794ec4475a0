using System.Runtime.CompilerServices;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Data;

/// <summary>
/// Builds a <see cref="LeadTable"/> one lead at a time, so a large source can be streamed in without keeping
/// its <see cref="Lead"/> objects.
/// </summary>
/// <remarks>Not thread-safe. After <see cref="ToTable"/> the builder must not be used again.</remarks>
public sealed class LeadTableBuilder
{
    private readonly LeadTableOptions _options;
    private readonly int _capacity;
    private readonly IdColumn.Builder _ids;
    private readonly Encoder[] _dimensions = new Encoder[7];
    private readonly OffsetColumn.Builder _tagOffsets = new();
    private readonly GrowableArray<int>[] _stages;
    private readonly GrowableArray<int> _lost;
    private readonly OffsetColumn.Builder _activityOffsets = new();
    private readonly GrowableArray<int> _activities = new();
    private readonly AmountColumn.Builder _deal;
    private readonly AmountColumn.Builder _cost;
    private readonly GrowableArray<byte> _flags;
    private readonly GrowableArray<byte> _furthest;
    private readonly GrowableArray<int> _latest;
    private readonly Encoder _lossReasons;
    private readonly List<int> _scratch = new();
    private readonly List<string> _tags = new();
    private Pipeline? _pipeline;
    private Currency? _currency;
    private long? _epochTicks;
    private int _maxEvent = int.MinValue;
    private bool _built;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">Pipeline and currency rules; <see cref="LeadTableOptions.Default"/> when null.</param>
    public LeadTableBuilder(LeadTableOptions? options = null)
        : this(options, 16, 8)
    {
    }

    /// <summary>Creates a builder sized for about <paramref name="expectedRows"/> leads (bulk loaders that can estimate the
    /// count, so the columns are allocated once instead of doubling).</summary>
    internal LeadTableBuilder(LeadTableOptions? options, int expectedRows, int expectedIdLength)
    {
        _options = options ?? LeadTableOptions.Default;
        _pipeline = _options.Pipeline;
        _currency = _options.Currency;
        _capacity = Math.Max(16, expectedRows);
        _ids = new IdColumn.Builder(_capacity, _capacity * Math.Max(1, expectedIdLength));
        for (var i = 0; i < _dimensions.Length; i++)
        {
            _dimensions[i] = new Encoder(i == (int)Dimension.Tag ? 16 : _capacity);
        }

        _lossReasons = new Encoder(_capacity);
        _stages = new GrowableArray<int>[Pipeline.MaxStages];
        _lost = new GrowableArray<int>(_capacity);
        _deal = new AmountColumn.Builder(_capacity);
        _cost = new AmountColumn.Builder(_capacity);
        _flags = new GrowableArray<byte>(_capacity);
        _furthest = new GrowableArray<byte>(_capacity);
        _latest = new GrowableArray<int>(_capacity);
    }

    /// <summary>The time origin: fixed by the first lead added (its day, UTC), or by <see cref="UseEpoch"/>.</summary>
    internal long? EpochTicks => _epochTicks;

    /// <summary>The table's currency so far: the options' or the first amount's.</summary>
    internal Currency? TableCurrency => _currency;

    /// <summary>Fixes the time origin before any lead is added, so that this builder refuses the same instants as the builder
    /// whose origin it is, and <see cref="Combine"/> needs no rebasing.</summary>
    internal void UseEpoch(long ticks)
    {
        if (Count > 0 || _epochTicks is not null)
        {
            throw new InvalidOperationException("The time origin is fixed by the first lead.");
        }

        _epochTicks = ticks;
    }

    /// <summary>One table from builders filled side by side (parts of one file read in parallel), their rows in the order of
    /// <paramref name="parts"/>: the same table as one builder given the same leads in that order (dimension codes in order
    /// of first appearance). The parts must share the pipeline, the time origin (<see cref="UseEpoch"/>) and the currency;
    /// they are consumed.</summary>
    /// <exception cref="InvalidOperationException">The parts disagree on the time origin or the currency, or one was built.</exception>
    internal static LeadTable Combine(IReadOnlyList<LeadTableBuilder> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0].ToTable();
        }

        long? epoch = null;
        Currency? currency = null;
        var maxEvent = int.MinValue;
        Pipeline? pipeline = null;
        foreach (var part in parts)
        {
            part.CheckNotBuilt();
            part._built = true;
            if (part.Count == 0)
            {
                continue;
            }

            if ((epoch ??= part._epochTicks) != part._epochTicks)
            {
                throw new InvalidOperationException("The parts have different time origins.");
            }

            if (part._currency is { } c && (currency ??= c) != c)
            {
                throw new InvalidOperationException($"The parts are in different currencies ({currency.Value.Code}, {c.Code}).");
            }

            if (part._pipeline is { } p && !ReferenceEquals(pipeline ??= p, p) && !SameStages(pipeline, p))
            {
                throw new InvalidOperationException("The parts have different pipelines.");
            }

            maxEvent = Math.Max(maxEvent, part._maxEvent);
        }

        currency ??= parts[0]._currency;
        pipeline ??= parts[0]._pipeline ?? Pipeline.Default;

        // Each column is joined on its own (copying is most of the work, and fresh pages): the columns side by side on the cores.
        var stageSeconds = new int[pipeline.Count][];
        var dimensions = new DimensionColumn[parts[0]._dimensions.Length];
        IdColumn? ids = null;
        OffsetColumn? tagOffsets = null, activityOffsets = null;
        int[]? lost = null, activities = null, latest = null;
        AmountColumn? deal = null, cost = null;
        byte[]? flags = null, furthest = null;
        DimensionColumn? lossReasons = null;
        var tagEntries = parts.Select(b => b._dimensions[(int)Dimension.Tag].Count).ToList();
        var activityEntries = parts.Select(b => b._activities.Count).ToList();
        var work = new List<Action>
        {
            () => ids = IdColumn.Builder.Combine(parts.Select(b => b._ids).ToList()),
            () => lost = GrowableArray<int>.Combine(parts.Select(b => b._lost).ToList()),
            () => latest = GrowableArray<int>.Combine(parts.Select(b => b._latest).ToList()),
            () => deal = AmountColumn.Builder.Combine(parts.Select(b => b._deal).ToList()),
            () => cost = AmountColumn.Builder.Combine(parts.Select(b => b._cost).ToList()),
            () => lossReasons = Encoder.Combine(parts.Select(b => b._lossReasons).ToList(), Dimension.Tag),
            () => tagOffsets = OffsetColumn.Builder.Combine(parts.Select(b => b._tagOffsets).ToList(), tagEntries),
            () => activityOffsets = OffsetColumn.Builder.Combine(parts.Select(b => b._activityOffsets).ToList(), activityEntries),
            () => activities = GrowableArray<int>.Combine(parts.Select(b => b._activities).ToList()),
            () => flags = GrowableArray<byte>.Combine(parts.Select(b => b._flags).ToList()),
            () => furthest = GrowableArray<byte>.Combine(parts.Select(b => b._furthest).ToList()),
        };
        for (var s = 0; s < stageSeconds.Length; s++)
        {
            var stage = s;
            work.Add(() => stageSeconds[stage] = GrowableArray<int>.Combine(parts.Select(b => b._stages[stage]).ToList()));
        }

        for (var d = 0; d < dimensions.Length; d++)
        {
            var dimension = d;
            work.Add(() => dimensions[dimension] = Encoder.Combine(parts.Select(b => b._dimensions[dimension]).ToList(), (Dimension)dimension));
        }

        Parallel.Invoke(work.ToArray());
        return new LeadTable(
            pipeline, currency ?? Currency.None, epoch ?? 0, ids!, dimensions, tagOffsets!, stageSeconds, lost!, activityOffsets!, activities!, deal!, cost!,
            flags!, furthest!, latest!, lossReasons!, maxEvent);
    }

    /// <summary>The number of leads added so far.</summary>
    public int Count => _ids.Count;

    /// <summary>Adds a lead.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentException">The lead's pipeline has other stages than the table's, or an instant does not fit.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency and no converter is given.</exception>
    /// <exception cref="InvalidOperationException">The table was already built.</exception>
    public LeadTableBuilder Add(Lead lead)
    {
        Preconditions.CheckNotNull(lead);

        CheckNotBuilt();
        var pipeline = _pipeline ??= lead.Pipeline;
        if (!ReferenceEquals(pipeline, lead.Pipeline) && !SameStages(pipeline, lead.Pipeline))
        {
            throw new ArgumentException($"Lead '{lead.Id}' uses pipeline '{lead.Pipeline}', the table '{pipeline}'.", nameof(lead));
        }

        var epoch = _epochTicks ??= lead.AcquiredAt.UtcTicks - (lead.AcquiredAt.UtcTicks % TimeSpan.TicksPerDay);

        // Everything that can throw is converted before the first column grows, so a failed Add leaves the builder as it was.
        var furthest = 0;
        for (var s = 0; s < pipeline.Count; s++)
        {
            var seconds = Seconds(lead.GetStageTime(s), epoch, lead.Id);
            furthest = seconds == LeadTable.MissingTime ? furthest : s;
            _stageRow[s] = seconds;
        }

        var lost = Seconds(lead.LostAt, epoch, lead.Id);
        _scratch.Clear();
        foreach (var f in lead.FollowUps)
        {
            _scratch.Add(Seconds(f.At, epoch, lead.Id));
        }

        if (lead.LastActivityAt is { } last)
        {
            _scratch.Add(Seconds(last, epoch, lead.Id));
        }

        var deal = Minor(lead.DealAmount);
        var cost = Minor(lead.AcquisitionCost);

        Append(lead.Id.AsSpan(), lead.Channel, lead.Strategy, lead.Content, lead.Industry, lead.Owner, lead.CustomerType, lead.Tags, pipeline.Count, furthest,
            lost, deal, cost, lead.HasChronologyFaults, lead.LossReason);
        return this;
    }

    /// <summary>Checks a record with <see cref="DataQualityChecker.CheckRecord(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/> and adds it unless an error was found: the
    /// bulk-loading path (CSV import, database readers) that makes no <see cref="Lead"/> objects. A lead kept with chronology
    /// faults is flagged as <see cref="Lead.HasChronologyFaults"/> would be; text is cleaned as <see cref="Lead"/> cleans it.</summary>
    /// <param name="record">The record; it can be cleared and reused afterwards.</param>
    /// <param name="quality">The per-record checks; <see cref="DataQualityOptions.Default"/> when null.</param>
    /// <param name="issues">Receives the record's issues (without file locations). An amount in another currency than the
    /// table's, with no <see cref="LeadTableOptions.CurrencyConverter"/>, is reported here as
    /// <see cref="DataQualityRule.CurrencyMismatch"/> and rejects the record instead of throwing.</param>
    /// <returns><see langword="true"/> when the record was added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="issues"/> is null.</exception>
    /// <exception cref="ArgumentException">The record's pipeline has other stages than the table's, or an instant is too far from
    /// the others to fit.</exception>
    /// <exception cref="InvalidOperationException">The table was already built.</exception>
    public bool Add(LeadRecord record, DataQualityOptions? quality, ICollection<DataQualityIssue> issues)
    {
        Preconditions.CheckNotNull(record);

        Preconditions.CheckNotNull(issues);

        CheckNotBuilt();
        var pipeline = _pipeline ??= record.Pipeline;
        if (!ReferenceEquals(pipeline, record.Pipeline) && !SameStages(pipeline, record.Pipeline))
        {
            throw new ArgumentException($"Record '{record.Id}' uses pipeline '{record.Pipeline}', the table '{pipeline}'.", nameof(record));
        }

        if (!DataQualityChecker.CheckRecord(record, quality, issues, out var chronology))
        {
            return false;
        }

        var id = record.Id!.Trim();
        if (!TryMinor(record.DealAmount, LeadField.DealAmount, id, issues, out var deal) || !TryMinor(record.AcquisitionCost, LeadField.AcquisitionCost, id, issues, out var cost))
        {
            return false;
        }

        // The epoch is fixed by the first record added, not by a rejected one (a typo such as year 2203 in the first row must
        // reject that row, not every row after it).
        var acquired = record.AcquiredAt!.Value;
        var epoch = _epochTicks ?? acquired.UtcTicks - (acquired.UtcTicks % TimeSpan.TicksPerDay);
        if (!TryRowSeconds(pipeline.Count, record.StageTimes, record.LostAt, record.FollowUpTimes, record.LastActivityAt, epoch, id, issues, out var furthest, out var lost))
        {
            return false;
        }

        _epochTicks = epoch;

        CleanTags(record.Tags);
        Append(id.AsSpan(), Clean(record.Channel), Clean(record.Strategy), Clean(record.Content), Clean(record.Industry), Clean(record.Owner),
            Clean(record.CustomerType), _tags, pipeline.Count, furthest, lost, deal, cost, chronology, Clean(record.LossReason));
        return true;
    }

    /// <summary>Adds a row whose values a bulk reader has parsed and found to pass every check of
    /// <see cref="Add(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/> (no rule broken, chronology in order, amounts not
    /// negative, no issue of any kind): the CSV reader's direct path, which makes no <see cref="LeadRecord"/>. Text is cleaned here
    /// as there.</summary>
    /// <returns><see langword="false"/>, with nothing changed, when the row needs the record path to be added or reported: another
    /// pipeline than the table's, an amount in another currency than the table's or too large for minor units, an instant too far
    /// from the table's others.</returns>
    internal bool TryAddPlain(
        Pipeline pipeline, ReadOnlySpan<char> id, string? channel, string? strategy, string? content, string? industry, string? owner,
        string? customerType, string? lossReason, List<string> tags, IReadOnlyList<DateTimeOffset?> stageTimes, DateTimeOffset? lostAt,
        DateTimeOffset? lastActivityAt, Money? deal, Money? cost)
    {
        CheckNotBuilt();
        var own = _pipeline ?? pipeline;
        if (!ReferenceEquals(own, pipeline) && !SameStages(own, pipeline))
        {
            return false;
        }

        var currency = _currency;
        if (!TryPlainMinor(deal, ref currency, out var dealMinor) || !TryPlainMinor(cost, ref currency, out var costMinor))
        {
            return false;
        }

        var acquired = stageTimes[0]!.Value.UtcTicks;
        var epoch = _epochTicks ?? acquired - (acquired % TimeSpan.TicksPerDay);
        if (!TryRowSeconds(pipeline.Count, stageTimes, lostAt, Array.Empty<DateTimeOffset>(), lastActivityAt, epoch, null, null, out var furthest, out var lost))
        {
            return false;
        }

        _pipeline = own;
        _currency = currency;
        _epochTicks = epoch;
        CleanTags(tags);
        Append(id, Clean(channel), Clean(strategy), Clean(content), Clean(industry), Clean(owner), Clean(customerType), _tags, pipeline.Count, furthest,
            lost, dealMinor, costMinor, false, Clean(lossReason));
        return true;
    }

    // A row's instants in seconds from the epoch: the stages into _stageRow, the follow-ups and last activity into _scratch, the
    // loss as lost; false when one is too far from the epoch to fit, each such instant reported into issues when given.
    private bool TryRowSeconds(
        int stages, IReadOnlyList<DateTimeOffset?> stageTimes, DateTimeOffset? lostAt, IList<DateTimeOffset> followUps, DateTimeOffset? lastActivityAt,
        long epoch, string? id, ICollection<DataQualityIssue>? issues, out int furthest, out int lost)
    {
        furthest = 0;
        var fits = true;
        for (var s = 0; s < stages; s++)
        {
            var seconds = TrySeconds(stageTimes[s], epoch, id, StageField(s, stages), issues, ref fits);
            furthest = seconds == LeadTable.MissingTime ? furthest : s;
            _stageRow[s] = seconds;
        }

        lost = TrySeconds(lostAt, epoch, id, LeadField.LostAt, issues, ref fits);
        _scratch.Clear();
        for (var i = 0; i < followUps.Count; i++)
        {
            _scratch.Add(TrySeconds(followUps[i], epoch, id, null, issues, ref fits));
        }

        if (lastActivityAt is { } last)
        {
            _scratch.Add(TrySeconds(last, epoch, id, LeadField.LastActivityAt, issues, ref fits));
        }

        return fits;
    }

    // The row's tags as Lead cleans them (trimmed, blank dropped, each once) into _tags.
    private void CleanTags(IList<string> tags)
    {
        _tags.Clear();
        for (var i = 0; i < tags.Count; i++)
        {
            if (Clean(tags[i]) is { } t && !_tags.Contains(t, StringComparer.Ordinal))
            {
                _tags.Add(t);
            }
        }
    }

    // An amount in the table's currency (the first amount's when the table has none yet) that fits minor units, as TryMinor and
    // Minor convert it; false for anything else (another currency, converted or refused, and too-large amounts take the record path).
    private static bool TryPlainMinor(Money? money, ref Currency? currency, out long minor)
    {
        minor = LeadTable.MissingAmount;
        if (money is not { } m)
        {
            return true;
        }

        var c = currency ?? m.Currency;
        if (m.Currency != c || !FitsMinor(m.Amount, c.MinorUnits))
        {
            return false;
        }

        currency = c;
        minor = ToMinor(m.Amount, c.MinorUnits);
        return true;
    }

    // Appends one row whose values were all converted (nothing below throws), so a failed Add leaves the builder as it was.
    private void Append(
        ReadOnlySpan<char> id, string? channel, string? strategy, string? content, string? industry, string? owner, string? customerType, IReadOnlyList<string> tags,
        int stages, int furthest, int lost, long deal, long cost, bool chronologyFault, string? lossReason)
    {
        _ids.Add(id);
        _dimensions[(int)Dimension.Channel].Add(channel);
        _dimensions[(int)Dimension.Strategy].Add(strategy);
        _dimensions[(int)Dimension.Content].Add(content);
        _dimensions[(int)Dimension.Industry].Add(industry);
        _dimensions[(int)Dimension.Owner].Add(owner);
        _dimensions[(int)Dimension.CustomerType].Add(customerType);
        var tagColumn = _dimensions[(int)Dimension.Tag];
        for (var i = 0; i < tags.Count; i++)
        {
            tagColumn.Add(tags[i]);
        }

        _tagOffsets.EndRow(tagColumn.Count);
        if (_scratch.Count > 1)
        {
            _scratch.Sort();
        }

        AppendInstants(stages, furthest, lost);

        for (var i = 0; i < _scratch.Count; i++)
        {
            _activities.Add(_scratch[i]);
            Track(_scratch[i]);
        }

        _activityOffsets.EndRow(_activities.Count);
        _deal.Add(deal);
        _cost.Add(cost);
        _flags.Add(chronologyFault ? LeadTable.ChronologyFaultFlag : (byte)0);
        _lossReasons.Add(lossReason);
    }

    // Lead's cleaning (trimmed, blank is missing), with a quick exit for text that starts and ends with a non-space, which is
    // nearly all of it; char.IsWhiteSpace looks CJK characters up in a table, the test below does not.
    private static string? Clean(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        if (!MaybeSpace(value[0]) && !MaybeSpace(value[value.Length - 1]))
        {
            return value;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    // False only for characters that are certainly not white space: printable ASCII and CJK ideographs.
    private static bool MaybeSpace(char c) => c <= ' ' || (c >= '\u0085' && c < '\u3400');

    private bool TryMinor(Money? money, LeadField field, string id, ICollection<DataQualityIssue> issues, out long minor)
    {
        if (money is { } m && (_currency ?? m.Currency) is var currency && m.Currency != currency && _options.CurrencyConverter is null)
        {
            issues.Add(new DataQualityIssue(DataQualityRule.CurrencyMismatch, IssueSeverity.Error,
                $"The amount is in {m.Currency.Code}, the table in {currency.Code}; convert it first (LeadTableOptions.CurrencyConverter).", id, field, m.ToString()));
            minor = 0;
            return false;
        }

        if (money is { } big && !FitsMinor(big.Amount, (_currency ?? big.Currency).MinorUnits))
        {
            issues.Add(new DataQualityIssue(DataQualityRule.InvalidNumber, IssueSeverity.Error,
                $"The amount {big.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} is too large: amounts are held as 64-bit counts of minor units (at most {MaxAmount((_currency ?? big.Currency).MinorUnits)}).",
                id, field, big.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            minor = 0;
            return false;
        }

        minor = Minor(money);
        return true;
    }

    // Whether an amount's minor units fit in a long (with room for the missing marker and for sums of a few values).
    internal static bool FitsMinor(decimal amount, int minorUnits) => Math.Abs(amount) <= MaxAmount(minorUnits);

    internal static decimal MaxAmount(int minorUnits) =>
        minorUnits >= 0 && minorUnits < MaxAmounts.Length ? MaxAmounts[minorUnits] : (long.MaxValue / 1024) / LeadTable.Pow10(minorUnits);

    // The bound for 0 to 4 minor units, computed once: a decimal division per amount was 3% of a CSV import.
    private static readonly decimal[] MaxAmounts = Enumerable.Range(0, 5).Select(m => (long.MaxValue / 1024) / LeadTable.Pow10(m)).ToArray();

    private static LeadField? StageField(int stage, int stages) =>
        stage == 0 ? LeadField.AcquiredAt : stage == stages - 1 ? LeadField.WonAt : stages == 6 ? (LeadField)((int)LeadField.ContactedAt + stage - 1) : null;

    // Seconds from the epoch, or an error issue (and fits = false) when the instant is too far from the table's others.
    private static int TrySeconds(DateTimeOffset? instant, long epoch, string? id, LeadField? field, ICollection<DataQualityIssue>? issues, ref bool fits)
    {
        if (instant is not { } t)
        {
            return LeadTable.MissingTime;
        }

        var seconds = Math.Floor((t.UtcTicks - epoch) / (double)TimeSpan.TicksPerSecond);
        if (seconds <= int.MinValue + 1 || seconds >= int.MaxValue)
        {
            issues?.Add(new DataQualityIssue(DataQualityRule.InvalidDate, IssueSeverity.Error,
                $"The instant {t:yyyy-MM-dd HH:mm} is more than 68 years from the table's first lead ({new DateTimeOffset(epoch, TimeSpan.Zero):yyyy-MM-dd}): a typo?",
                id, field, t.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            fits = false;
            return LeadTable.MissingTime;
        }

        return (int)seconds;
    }

    /// <summary>Finishes the table.</summary>
    /// <returns>The immutable table.</returns>
    /// <exception cref="InvalidOperationException">The table was already built.</exception>
    public LeadTable ToTable()
    {
        CheckNotBuilt();
        _built = true;
        var pipeline = _pipeline ?? Pipeline.Default;
        var stageSeconds = new int[pipeline.Count][];
        for (var s = 0; s < stageSeconds.Length; s++)
        {
            stageSeconds[s] = _stages[s]?.ToArray() ?? Array.Empty<int>();
        }

        var dimensions = new DimensionColumn[_dimensions.Length];
        for (var d = 0; d < dimensions.Length; d++)
        {
            dimensions[d] = _dimensions[d].ToColumn((Dimension)d);
        }

        return new LeadTable(
            pipeline, _currency ?? Currency.None, _epochTicks ?? 0, _ids.ToColumn(), dimensions, _tagOffsets.ToColumn(), stageSeconds,
            _lost.ToArray(), _activityOffsets.ToColumn(), _activities.ToArray(), _deal.ToColumn(), _cost.ToColumn(), _flags.ToArray(),
            _furthest.ToArray(), _latest.ToArray(), _lossReasons.ToColumn(Dimension.Tag), _maxEvent);
    }

    // The stage instants of the row being added, converted before anything is appended.
    private readonly int[] _stageRow = new int[Pipeline.MaxStages];

    private void AppendInstants(int stages, int furthest, int lost)
    {
        var latest = lost;
        for (var s = 0; s < stages; s++)
        {
            var t = _stageRow[s];
            (_stages[s] ??= new GrowableArray<int>(_capacity)).Add(t);
            latest = Math.Max(latest, t);
        }

        // Activities are sorted by now (the caller sorted them): the last is the latest.
        if (_scratch.Count > 0)
        {
            latest = Math.Max(latest, _scratch[_scratch.Count - 1]);
        }

        Track(latest);
        _furthest.Add((byte)furthest);
        _latest.Add(latest);
        _lost.Add(lost);
    }

    private void CheckNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("The table was already built.");
        }
    }

    private int Seconds(DateTimeOffset? instant, long epoch, string id)
    {
        if (instant is not { } t)
        {
            return LeadTable.MissingTime;
        }

        var seconds = Math.Floor((t.UtcTicks - epoch) / (double)TimeSpan.TicksPerSecond);
        if (seconds <= int.MinValue + 1 || seconds >= int.MaxValue)
        {
            throw new ArgumentException($"Lead '{id}': instant {t:O} is more than 68 years from the table's other instants.", "lead");
        }

        return (int)seconds;
    }

    private void Track(int seconds)
    {
        if (seconds > _maxEvent)
        {
            _maxEvent = seconds;
        }
    }

    private long Minor(Money? money)
    {
        if (money is not { } m)
        {
            return LeadTable.MissingAmount;
        }

        var currency = _currency ??= m.Currency;
        if (m.Currency != currency)
        {
            if (_options.CurrencyConverter is null)
            {
                throw new CurrencyMismatchException(currency, m.Currency);
            }

            m = _options.CurrencyConverter(m, currency);
            if (m.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, m.Currency);
            }
        }

        return ToMinor(m.Amount, currency.MinorUnits);
    }

    private static readonly long[] PowersOfTen = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000 };

    /// <summary>An amount in minor units, rounded half away from zero.</summary>
    internal static long ToMinor(decimal amount, int minorUnits)
    {
#if NET8_0_OR_GREATER
        // Exact without decimal arithmetic when the amount has no more decimals than the currency (the usual case):
        // the mantissa times a power of ten.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && bits[1] >= 0 && scale <= minorUnits && minorUnits - scale < PowersOfTen.Length)
        {
            var mantissa = ((long)bits[1] << 32) | (uint)bits[0];
            var factor = PowersOfTen[minorUnits - scale];
            if (mantissa <= long.MaxValue / factor)
            {
                var minor = mantissa * factor;
                return bits[3] < 0 ? -minor : minor;
            }
        }
#endif
        return (long)Math.Round(amount * LeadTable.Pow10(minorUnits), 0, MidpointRounding.AwayFromZero);
    }

    // Two pipelines with the same stage names in the same order: rows of either are coded alike (tables join, partials merge).
    internal static bool SameStages(Pipeline a, Pipeline b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a.Stages[i].Name, b.Stages[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Encoder
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string?> _values = new() { null };
        private readonly CodeColumn.Builder _rows;

        // Bulk loaders pass the same string instances again and again (a CSV reader pools each column's texts, leads share
        // them): a small cache keyed by object identity skips hashing the characters.
        private readonly string?[] _cachedValues = new string?[256];
        private readonly int[] _cachedCodes = new int[256];

        public Encoder(int capacity) => _rows = new CodeColumn.Builder(capacity);

        public int Count => _rows.Count;

        // The parts' rows end to end, recoded so that codes follow first appearance across the parts in order.
        public static DimensionColumn Combine(IReadOnlyList<Encoder> parts, Dimension dimension)
        {
            var first = parts[0];
            var total = 0;
            foreach (var part in parts)
            {
                total += part.Count;
            }

            // The first part's codes are the result's (codes follow first appearance): when its column holds every row, the
            // others are recoded onto its end.
            var adopt = first._rows.Capacity == total;
            var rows = adopt ? first._rows : new CodeColumn.Builder(total);
            foreach (var part in parts)
            {
                if (adopt && ReferenceEquals(part, first))
                {
                    continue;
                }

                var map = new int[part._values.Count];
                for (var c = 1; c < map.Length; c++)
                {
                    var value = part._values[c]!;
                    if (!first._codes.TryGetValue(value, out var code))
                    {
                        code = first._values.Count;
                        first._codes.Add(value, code);
                        first._values.Add(value);
                    }

                    map[c] = code;
                }

                var source = part._rows;
                rows.AddMapped(source, map);
                source.Release();
            }

            return new DimensionColumn(dimension, first._values.ToArray(), rows.ToColumn());
        }

        public void Add(string? value)
        {
            if (value is null)
            {
                _rows.Add(0);
                return;
            }

            var slot = RuntimeHelpers.GetHashCode(value) & 255;
            if (!ReferenceEquals(_cachedValues[slot], value))
            {
                if (!_codes.TryGetValue(value, out var code))
                {
                    code = _values.Count;
                    _codes.Add(value, code);
                    _values.Add(value);
                }

                _cachedValues[slot] = value;
                _cachedCodes[slot] = code;
            }

            _rows.Add(_cachedCodes[slot]);
        }

        public DimensionColumn ToColumn(Dimension dimension) => new(dimension, _values.ToArray(), _rows.ToColumn());
    }
}
