namespace LeadAnalytics.Data;

/// <summary>
/// The columnar, immutable form of a set of leads that every engine reads: dimensions dictionary-encoded to int
/// codes, instants as int32 seconds from the table's <see cref="Epoch"/>, amounts as int64 minor units of one
/// <see cref="Currency"/>. Built once (<see cref="Build"/> or <see cref="LeadTableBuilder"/>); grouping is by code.
/// </summary>
/// <remarks>
/// <para><b>Precision.</b> Instants are kept to the second (sub-second parts are truncated) within about ±68 years of
/// <see cref="Epoch"/> (the first added lead's acquisition, floored to a UTC day). Amounts are kept to the currency's minor
/// unit (rounded half away from zero).</para>
/// <para><b>Memory per lead</b> (resident, besides each distinct string held once): dimension codes of 1, 2 or 4 bytes
/// (as the cardinality needs), 6 stage instants (default pipeline) + lost × 4 bytes, deal amount and acquisition cost × 4
/// bytes (8 when an amount does not fit in an int), 1 flag byte, 1 furthest-stage byte, the latest activity (4 bytes), the
/// loss-reason code, tag and activity offsets (4 bytes each, only when some lead has tags or activities) and the id packed
/// with a 4-byte offset: about 49 bytes plus 4 + the id's length for the default pipeline. <see cref="EstimatedBytes"/> reports the total.</para>
/// <para>Immutable and thread-safe: any number of engines may read one table concurrently.</para>
/// </remarks>
public sealed class LeadTable
{
    /// <summary>Marks a missing instant in the second columns.</summary>
    internal const int MissingTime = int.MinValue;

    /// <summary>Marks a missing amount in the minor-unit columns.</summary>
    internal const long MissingAmount = long.MinValue;

    internal const byte ChronologyFaultFlag = 1;

    internal LeadTable(
        Pipeline pipeline, Currency currency, long epochTicks, IdColumn ids, DimensionColumn[] dimensions, OffsetColumn tagOffsets,
        int[][] stageSeconds, int[] lostSeconds, OffsetColumn activityOffsets, int[] activitySeconds, AmountColumn dealMinor,
        AmountColumn costMinor, byte[] flags, byte[] furthest, int[] latestActivity, DimensionColumn lossReasons, int maxEventSeconds)
    {
        Pipeline = pipeline;
        Currency = currency;
        EpochTicks = epochTicks;
        Ids = ids;
        Count = ids.Count;
        Dimensions = dimensions;
        TagOffsets = tagOffsets;
        StageSeconds = stageSeconds;
        LostSeconds = lostSeconds;
        ActivityOffsets = activityOffsets;
        ActivitySeconds = activitySeconds;
        DealMinor = dealMinor;
        CostMinor = costMinor;
        Flags = flags;
        Furthest = furthest;
        LatestActivity = latestActivity;
        LossReasons = lossReasons;
        MaxEventSeconds = maxEventSeconds;
        MinorUnitScale = Pow10(currency.MinorUnits);
    }

    internal long EpochTicks { get; }

    internal IdColumn Ids { get; }

    // Indexed by (int)Dimension; the Tag column's codes are per entry, located through TagOffsets.
    internal DimensionColumn[] Dimensions { get; }

    internal OffsetColumn TagOffsets { get; }

    // [stage][row]; stage 0 (acquisition) is always present.
    internal int[][] StageSeconds { get; }

    internal int[] LostSeconds { get; }

    // Follow-up and explicit last-activity instants per row, ascending, located through ActivityOffsets.
    internal OffsetColumn ActivityOffsets { get; }

    internal int[] ActivitySeconds { get; }

    internal AmountColumn DealMinor { get; }

    internal AmountColumn CostMinor { get; }

    internal byte[] Flags { get; }

    // The furthest stage recorded (the highest stage index with an instant), ignoring as-of: the answer of
    // FurthestStageAt whenever that stage's instant is at or before the as-of instant, which is nearly always.
    internal byte[] Furthest { get; }

    // The latest instant recorded for the lead (stages, lost, activities), ignoring as-of: the answer of LatestActivityAt
    // whenever it is at or before the as-of instant.
    internal int[] LatestActivity { get; }

    internal DimensionColumn LossReasons { get; }

    // The latest instant anywhere in the table: an as-of at or after it sees every event.
    internal int MaxEventSeconds { get; }

    internal decimal MinorUnitScale { get; }

    /// <summary>Builds a table from leads.</summary>
    /// <param name="leads">The leads; ids need not be unique (the quality checks report duplicates).</param>
    /// <param name="options">Pipeline and currency rules; <see cref="LeadTableOptions.Default"/> when null.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null or contains null.</exception>
    /// <exception cref="ArgumentException">A lead uses a pipeline with other stages, or an instant is too far from the others to fit.</exception>
    /// <exception cref="CurrencyMismatchException">Amounts come in more than one currency and no converter is given.</exception>
    public static LeadTable Build(IEnumerable<Lead> leads, LeadTableOptions? options = null)
    {
        Preconditions.CheckNotNull(leads);

        var builder = new LeadTableBuilder(options);
        foreach (var lead in leads)
        {
            builder.Add(lead);
        }

        return builder.ToTable();
    }

    /// <summary>The number of leads (rows).</summary>
    public int Count { get; }

    /// <summary>The pipeline whose stages the stage columns follow.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>The currency of every amount; <see cref="LeadAnalytics.Currency.None"/> when the table has no amounts.</summary>
    public Currency Currency { get; }

    /// <summary>The origin of the instant columns (UTC).</summary>
    public DateTimeOffset Epoch => new(EpochTicks, TimeSpan.Zero);

    /// <summary>The latest instant recorded anywhere in the table (stages, lost, follow-ups, last activity), to the second; or
    /// <see langword="null"/> when the table is empty. Front ends take it as the default as-of instant (the data's own "now").</summary>
    public DateTimeOffset? LatestEvent => Count == 0 ? null : ToInstant(MaxEventSeconds);

    /// <summary>Approximate resident bytes of the table's arrays and distinct strings (docs/data.md lists the layout).</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = Ids.ResidentBytes + TagOffsets.ResidentBytes + ActivityOffsets.ResidentBytes + (ActivitySeconds.Length * 4L);
            bytes += ((long)StageSeconds.Length + 1) * Count * 4; // the stage instants and the lost instant
            bytes += DealMinor.ResidentBytes + CostMinor.ResidentBytes + Flags.Length + Furthest.Length + (LatestActivity.Length * 4L) + LossReasons.ResidentBytes;
            foreach (var d in Dimensions)
            {
                bytes += d.ResidentBytes;
            }

            return bytes;
        }
    }

    /// <summary>The dictionary-encoded column of a dimension.</summary>
    /// <param name="dimension">The dimension; for <see cref="Dimension.Tag"/> codes are per tag, read them with <see cref="GetTagCodes"/>.</param>
    /// <returns>The column.</returns>
    public DimensionColumn GetColumn(Dimension dimension) => Dimensions[CheckDimension(dimension)];

    /// <summary>The code of a lead's value of a single-valued dimension.</summary>
    /// <param name="dimension">Any dimension but <see cref="Dimension.Tag"/>.</param>
    /// <param name="row">The row.</param>
    /// <returns>The code (0 when missing).</returns>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is <see cref="Dimension.Tag"/>.</exception>
    public int GetCode(Dimension dimension, int row)
    {
        if (dimension == Dimension.Tag)
        {
            throw new ArgumentException("Tag is multi-valued; use GetTagCodes.", nameof(dimension));
        }

        return Dimensions[CheckDimension(dimension)].Codes[CheckRow(row)];
    }

    /// <summary>The codes of a lead's tags in the <see cref="Dimension.Tag"/> column.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The codes, possibly empty.</returns>
    public IReadOnlyList<int> GetTagCodes(int row)
    {
        CheckRow(row);
        var start = TagOffsets[row];
        var codes = new int[TagOffsets[row + 1] - start];
        var all = Dimensions[(int)Dimension.Tag].Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = all[start + i];
        }

        return codes;
    }

    /// <summary>The lead id of a row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The id.</returns>
    public string GetId(int row) => Ids.Get(CheckRow(row));

    /// <summary>When a lead entered a stage.</summary>
    /// <param name="row">The row.</param>
    /// <param name="stage">The stage index in <see cref="Pipeline"/>.</param>
    /// <returns>The instant (UTC, to the second), or <see langword="null"/>.</returns>
    public DateTimeOffset? GetStageTime(int row, int stage)
    {
        if ((uint)stage >= (uint)StageSeconds.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, $"The pipeline has {StageSeconds.Length} stages.");
        }

        return ToInstant(StageSeconds[stage][CheckRow(row)]);
    }

    /// <summary>When a lead was lost.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The instant (UTC, to the second), or <see langword="null"/>.</returns>
    public DateTimeOffset? GetLostTime(int row) => ToInstant(LostSeconds[CheckRow(row)]);

    /// <summary>A lead's outcome as of an instant.</summary>
    /// <param name="row">The row.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <returns>Won, lost or open.</returns>
    public Outcome GetOutcome(int row, DateTimeOffset asOf) => OutcomeAt(CheckRow(row), ToSeconds(asOf));

    /// <summary>A lead's deal amount in <see cref="Currency"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The amount, or <see langword="null"/>.</returns>
    public decimal? GetDealAmount(int row) => FromMinor(DealMinor[CheckRow(row)]);

    /// <summary>A lead's own acquisition cost in <see cref="Currency"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The amount, or <see langword="null"/>.</returns>
    public decimal? GetAcquisitionCost(int row) => FromMinor(CostMinor[CheckRow(row)]);

    /// <summary>A lead's loss reason.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    public string? GetLossReason(int row) => LossReasons.Values[LossReasons.Codes[CheckRow(row)]];

    /// <summary>Whether a lead was built with chronology faults (see <see cref="Lead.HasChronologyFaults"/>).</summary>
    /// <param name="row">The row.</param>
    /// <returns><see langword="true"/> when it was.</returns>
    public bool HasChronologyFaults(int row) => (Flags[CheckRow(row)] & ChronologyFaultFlag) != 0;

    /// <summary>The furthest stage a lead reached as of an instant (won counts; lost leads keep the stage they were lost at).</summary>
    /// <param name="row">The row.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <returns>The stage index, or -1 when the lead was acquired after <paramref name="asOf"/>.</returns>
    public int GetFurthestStage(int row, DateTimeOffset asOf) => FurthestStageAt(CheckRow(row), ToSeconds(asOf));

    /// <summary>Whether a lead is stale ("presumed lost") as of an instant; see <see cref="Lead.IsStale"/>.</summary>
    /// <param name="row">The row.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="staleAfter">The threshold; zero or less turns the rule off.</param>
    /// <returns><see langword="true"/> when stale.</returns>
    public bool IsStale(int row, DateTimeOffset asOf, TimeSpan staleAfter) =>
        IsStaleAt(CheckRow(row), ToSeconds(asOf), StaleSeconds(staleAfter));

    /// <summary>A lead's class as of an instant under the one outcome rule every engine uses (won, lost, stale, open;
    /// docs/metrics.md).</summary>
    /// <param name="row">The row.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="staleAfter">The stale threshold; zero turns the rule off.</param>
    /// <returns>The class; <see langword="null"/> when the lead was acquired after <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the table or
    /// <paramref name="staleAfter"/> is negative.</exception>
    public LeadState? GetState(int row, DateTimeOffset asOf, TimeSpan staleAfter)
    {
        CheckRow(row);
        if (staleAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(staleAfter), staleAfter, "StaleAfter must not be negative (zero turns the rule off).");
        }

        var classifier = new OutcomeClassifier(this, ToSeconds(asOf), staleAfter);
        return classifier.IsAcquired(row) ? classifier.Classify(row) : null;
    }

    // ---- fast internal accessors for engines (no checks) ----

    internal int ToSeconds(DateTimeOffset instant)
    {
        var seconds = Math.Floor((instant.UtcTicks - EpochTicks) / (double)TimeSpan.TicksPerSecond);
        return seconds >= int.MaxValue ? int.MaxValue : seconds <= int.MinValue + 1 ? int.MinValue + 1 : (int)seconds;
    }

    internal DateTimeOffset? ToInstant(int seconds) =>
        seconds == MissingTime ? null : new DateTimeOffset(EpochTicks + (seconds * TimeSpan.TicksPerSecond), TimeSpan.Zero);

    internal static int StaleSeconds(TimeSpan staleAfter) =>
        staleAfter <= TimeSpan.Zero ? 0 : staleAfter.TotalSeconds >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(staleAfter.TotalSeconds);

    internal decimal? FromMinor(long minor) => minor == MissingAmount ? null : minor / MinorUnitScale;

    internal Outcome OutcomeAt(int row, int asOf)
    {
        var won = StageSeconds[StageSeconds.Length - 1][row];
        if (won != MissingTime && won <= asOf)
        {
            return Outcome.Won;
        }

        var lost = LostSeconds[row];
        return lost != MissingTime && lost <= asOf ? Outcome.Lost : Outcome.Open;
    }

    internal int FurthestStageAt(int row, int asOf)
    {
        for (var s = (int)Furthest[row]; s >= 0; s--)
        {
            var t = StageSeconds[s][row];
            if (t != MissingTime && t <= asOf)
            {
                return s;
            }
        }

        return -1;
    }

    internal int LatestActivityAt(int row, int asOf)
    {
        var recorded = LatestActivity[row];
        if (recorded <= asOf)
        {
            return recorded;
        }

        var latest = MissingTime;
        for (var s = 0; s < StageSeconds.Length; s++)
        {
            var t = StageSeconds[s][row];
            if (t != MissingTime && t <= asOf && t > latest)
            {
                latest = t;
            }
        }

        var lost = LostSeconds[row];
        if (lost != MissingTime && lost <= asOf && lost > latest)
        {
            latest = lost;
        }

        // Activities are ascending: the last one at or before as-of is the latest.
        for (var i = ActivityOffsets[row + 1] - 1; i >= ActivityOffsets[row]; i--)
        {
            var t = ActivitySeconds[i];
            if (t <= asOf)
            {
                if (t > latest)
                {
                    latest = t;
                }

                break;
            }
        }

        return latest;
    }

    internal bool IsStaleAt(int row, int asOf, int staleSeconds) =>
        staleSeconds > 0
        && StageSeconds[0][row] <= asOf
        && OutcomeAt(row, asOf) == Outcome.Open
        && (long)asOf - LatestActivityAt(row, asOf) >= staleSeconds;

    private int CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The table has {Count} rows.");
        }

        return row;
    }

    private static int CheckDimension(Dimension dimension)
    {
        if ((uint)dimension > (uint)Dimension.Tag)
        {
            throw new ArgumentException($"Unknown dimension {dimension}.", nameof(dimension));
        }

        return (int)dimension;
    }

    internal static decimal Pow10(int digits)
    {
        var scale = 1m;
        for (var i = 0; i < digits; i++)
        {
            scale *= 10m;
        }

        return scale;
    }

#if NET8_0_OR_GREATER
    /// <summary>Whether two leads share an id (the parallel CSV import checks once, after joining its parts).</summary>
    internal bool HasDuplicateIds() => Ids.HasDuplicates();
#endif
}
