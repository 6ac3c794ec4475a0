using LeadAnalytics.Data;

namespace LeadAnalytics.LossReasons;

/// <summary>
/// The exact, mergeable state of a loss-reason analysis over some of the leads: the lost (and stale-as-lost) leads counted by
/// stage × reason × channel and by segment × reason × channel, the stale count, and per channel the won deals' count and
/// exact sum, all named by value. Compute one per partition (row ranges, files, machines) with
/// <see cref="LossReasonAnalyzer.AnalyzePartition"/>, <see cref="Merge(LossReasonPartition)"/> them in any order, then read
/// <see cref="ToResult"/>: it equals <see cref="LossReasonAnalyzer.Analyze"/> over all the leads exactly, lost revenue
/// included (the expected deal sizes are computed from the merged won deals, so they are those of all the leads).
/// </summary>
/// <remarks>As Math.NET's <c>RunningStatistics.Combine</c>: merging is associative and commutative, and a partition of no
/// rows is its identity. Partitions merge when they share the as-of instant, the stage names and the options (the thread
/// count aside). Immutable and thread-safe.</remarks>
public sealed class LossReasonPartition
{
    private readonly string[] _stages;
    private readonly LossReasonOptions _options;
    private readonly Dictionary<LossCell, long> _cells;
    private readonly Dictionary<ChannelKey, WonDeals> _won;

    internal LossReasonPartition(string[] stages, DateTimeOffset asOf, LossReasonOptions options, Currency currency, long rowCount, long stale,
        Dictionary<LossCell, long> cells, Dictionary<ChannelKey, WonDeals> won)
    {
        _stages = stages;
        AsOf = asOf;
        _options = options;
        Currency = currency;
        RowCount = rowCount;
        Stale = stale;
        _cells = cells;
        _won = won;
    }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The rows scanned (including leads outside the scope's period or acquired after as-of, which count nowhere).</summary>
    public long RowCount { get; }

    /// <summary>The currency of the won deals (<see cref="Currency.None"/> when the rows carried no amount).</summary>
    public Currency Currency { get; }

    /// <summary>The stale leads in scope, whatever the stale treatment.</summary>
    public long Stale { get; }

    internal string[] Stages => _stages;

    internal LossReasonOptions Options => _options;

    internal IReadOnlyDictionary<LossCell, long> Cells => _cells;

    internal IReadOnlyDictionary<ChannelKey, WonDeals> Won => _won;

    /// <summary>Merges two partitions of disjoint leads.</summary>
    /// <param name="other">The other partition.</param>
    /// <returns>The partition of both; the same whichever order partitions are merged in.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The partitions differ in as-of, stage names, options or currency.</exception>
    public LossReasonPartition Merge(LossReasonPartition other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(
            AsOf.Equals(other.AsOf) && _stages.SequenceEqual(other._stages, StringComparer.Ordinal) && SameOptions(_options, other._options)
            && (Currency == other.Currency || Currency == Currency.None || other.Currency == Currency.None),
            nameof(other), "Only partitions with the same as-of instant, stages, options and currency can be merged.");

        var cells = new Dictionary<LossCell, long>(_cells);
        foreach (var pair in other._cells)
        {
            cells[pair.Key] = cells.TryGetValue(pair.Key, out var n) ? n + pair.Value : pair.Value;
        }

        var won = new Dictionary<ChannelKey, WonDeals>(_won);
        foreach (var pair in other._won)
        {
            won[pair.Key] = won.TryGetValue(pair.Key, out var mine) ? mine.Add(pair.Value) : pair.Value;
        }

        return new LossReasonPartition(_stages, AsOf, _options, Currency == Currency.None ? other.Currency : Currency, RowCount + other.RowCount,
            Stale + other.Stale, cells, won);
    }

    /// <summary>Merges any number of partitions.</summary>
    /// <param name="partitions">At least one partition.</param>
    /// <returns>Their merge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partitions"/> is null.</exception>
    /// <exception cref="ArgumentException">There are none, one is null, or they cannot be merged.</exception>
    public static LossReasonPartition Merge(IEnumerable<LossReasonPartition> partitions) => Partitions.MergeAll(partitions, (a, b) => a.Merge(b));

    /// <summary>The loss-reason tables, identical to <see cref="LossReasonAnalyzer.Analyze"/> over all the partitions' leads.</summary>
    /// <returns>The result.</returns>
    public LossReasonResult ToResult() => LossReasonAnalyzer.Finish(this);

    private static bool SameOptions(LossReasonOptions a, LossReasonOptions b) =>
        ReferenceEquals(a, b)
        || (a.Scope.IsEquivalentTo(b.Scope) && a.CaseFold == b.CaseFold && a.ExpectedDealSize == b.ExpectedDealSize && a.DominanceShare.Equals(b.DominanceShare)
            && a.MinimumLostLeads == b.MinimumLostLeads && SameSynonyms(a.Synonyms, b.Synonyms));

    private static bool SameSynonyms(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }

        foreach (var pair in a ?? new Dictionary<string, string>())
        {
            if (!b!.TryGetValue(pair.Key, out var v) || !string.Equals(v, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

// One cell of lost leads: a stage (Segment null) or a segment (Stage -1), a reason (kind 0 none, 1 a recorded reason, 2 stale)
// and the lead's channel value, which prices the loss.
internal readonly struct LossCell : IEquatable<LossCell>
{
    internal const int NoReason = 0;
    internal const int Recorded = 1;
    internal const int StaleReason = 2;

    internal LossCell(SegmentKey? segment, int stage, int reasonKind, string reason, string? channel)
    {
        Segment = segment;
        Stage = stage;
        ReasonKind = reasonKind;
        Reason = reason;
        Channel = channel;
    }

    internal SegmentKey? Segment { get; }

    internal int Stage { get; }

    internal int ReasonKind { get; }

    internal string Reason { get; }

    internal string? Channel { get; }

    public bool Equals(LossCell other) =>
        Stage == other.Stage && ReasonKind == other.ReasonKind && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal) && Equals(Segment, other.Segment);

    public override bool Equals(object? obj) => obj is LossCell other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (Segment?.GetHashCode() ?? 0) * 31;
            hash = (hash + Stage) * 31;
            hash = (hash + ReasonKind) * 31;
            hash = (hash + StringComparer.Ordinal.GetHashCode(Reason)) * 31;
            return hash + (Channel is null ? 0 : StringComparer.Ordinal.GetHashCode(Channel));
        }
    }
}

// A channel value as a dictionary key (null is the missing value).
internal readonly struct ChannelKey : IEquatable<ChannelKey>
{
    internal ChannelKey(string? value) => Value = value;

    internal string? Value { get; }

    public bool Equals(ChannelKey other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ChannelKey other && Equals(other);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);
}

// The won deals with an amount of one channel: how many, and their sum in minor units.
internal readonly struct WonDeals
{
    internal WonDeals(long count, long sumMinor)
    {
        Count = count;
        SumMinor = sumMinor;
    }

    internal long Count { get; }

    internal long SumMinor { get; }

    internal WonDeals Add(WonDeals other) => new(Count + other.Count, SumMinor + other.SumMinor);
}
