using LeadAnalytics.Data;

namespace LeadAnalytics.Attribution;

/// <summary>
/// The exact, mergeable state of an attribution over some of the leads: their journeys counted by distinct path (the ordered
/// keys of the in-window touches, as <see cref="AttributionAnalyzer"/> builds them) with the conversions, the exact sum of the
/// conversion values and the non-converting journeys of each, plus the journeys' diagnostics (journeys, unattributed
/// conversions and value, dropped and unmatched touchpoints). Compute one per partition (row ranges, files, machines) with
/// <see cref="AttributionAnalyzer.AnalyzePartition"/>, <see cref="Merge(AttributionPartition)"/> them in any order, then read
/// <see cref="ToResult"/>, <see cref="ToComparison"/> or <see cref="ToJourneys"/>.
/// </summary>
/// <remarks>
/// <para>As Math.NET's <c>RunningStatistics.Combine</c>: merging is associative and commutative, and a partition of no rows is
/// its identity (except the whole of an empty table with touchpoints, which still counts them as unmatched). Partitions merge when they share the as-of instant and the options (the touchpoint table, which belongs to
/// each lead table, and the thread count aside). Immutable and thread-safe.</para>
/// <para>The path counts are the models' sufficient statistics: a result from merged partitions equals
/// <see cref="AttributionAnalyzer.Analyze(LeadTable, DateTimeOffset, AttributionOptions?)"/> over all the leads in every count
/// and amount (totals, credited money, journeys, unattributed, dropped and unmatched touchpoints) and in credited conversions
/// and removal effects to 1e-12 relative (the single pass sums journey by journey, a partition path by path). Two limits
/// (docs/partials.md): the time-decay and milestone models (U, W, full path) need each touch's time or CRM milestone, which a
/// path does not keep, so they refuse a partition (<see cref="ArgumentException"/>); and bootstrap intervals resample the
/// paths in proportion to their counts, the same distribution as resampling the leads but another random stream, so the
/// intervals agree with the single pass's in distribution, not to the bit.</para>
/// </remarks>
public sealed class AttributionPartition
{
    private readonly AttributionOptions _options;
    private readonly Dictionary<PathKey, PathCounts> _paths;
    private readonly Totals _totals;

    private AttributionPartition(DateTimeOffset asOf, AttributionOptions options, Currency currency, long rowCount, Totals totals, Dictionary<PathKey, PathCounts> paths)
    {
        AsOf = asOf;
        _options = options;
        Currency = currency;
        RowCount = rowCount;
        _totals = totals;
        _paths = paths;
    }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The currency of the conversion values (<see cref="Currency.None"/> when the rows carried no amount).</summary>
    public Currency Currency { get; }

    /// <summary>The rows scanned (including leads outside the scope's period or acquired after as-of, which count nowhere).</summary>
    public long RowCount { get; }

    /// <summary>The lead journeys counted: leads in scope with at least one step in the window.</summary>
    public long JourneyCount => _totals.Journeys;

    /// <summary>The distinct paths, the size of the partition.</summary>
    public int PathCount => _paths.Count;

    /// <summary>Merges two partitions of disjoint leads.</summary>
    /// <param name="other">The other partition.</param>
    /// <returns>The partition of both; the same whichever order partitions are merged in.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The partitions differ in as-of, options or currency.</exception>
    public AttributionPartition Merge(AttributionPartition other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(
            AsOf.Equals(other.AsOf) && SameOptions(_options, other._options)
            && (Currency == other.Currency || Currency == Currency.None || other.Currency == Currency.None),
            nameof(other), "Only partitions with the same as-of instant, options and currency can be merged.");

        var paths = new Dictionary<PathKey, PathCounts>(_paths);
        foreach (var pair in other._paths)
        {
            paths[pair.Key] = paths.TryGetValue(pair.Key, out var mine) ? mine.Add(pair.Value) : pair.Value;
        }

        return new AttributionPartition(AsOf, _options, Currency == Currency.None ? other.Currency : Currency, RowCount + other.RowCount,
            _totals.Add(other._totals), paths);
    }

    /// <summary>Merges any number of partitions.</summary>
    /// <param name="partitions">At least one partition.</param>
    /// <returns>Their merge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partitions"/> is null.</exception>
    /// <exception cref="ArgumentException">There are none, one is null, or they cannot be merged.</exception>
    public static AttributionPartition Merge(IEnumerable<AttributionPartition> partitions) => Partitions.MergeAll(partitions, (a, b) => a.Merge(b));

    /// <summary>The journeys as aggregated paths, with the lead journeys and diagnostics they came from: analyse them with
    /// <see cref="AttributionAnalyzer.Compare(AttributionJourneys, IEnumerable{AttributionModel}, AttributionOptions?)"/> and
    /// other model parameters (the counting options, by, direct channels, lookback, lead source and period, are the partition's).</summary>
    /// <returns>The journeys.</returns>
    public AttributionJourneys ToJourneys()
    {
        var paths = new AggregatedPath[_paths.Count];
        var i = 0;
        foreach (var pair in _paths)
        {
            paths[i++] = new AggregatedPath(pair.Key.Steps, pair.Key.Direct, pair.Value.Conversions, pair.Value.Value, pair.Value.Nulls);
        }

        return AttributionJourneys.FromPartition(paths, Currency, _options.Scope.Period, _totals);
    }

    /// <summary>The credit of the options' model, equal to <see cref="AttributionAnalyzer.Analyze(LeadTable, DateTimeOffset, AttributionOptions?)"/>
    /// over all the partitions' leads (see the remarks for the precision).</summary>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The model needs touch times or milestones (time decay, U, W, full path).</exception>
    public AttributionResult ToResult() => AttributionAnalyzer.Analyze(ToJourneys(), _options);

    /// <summary>Several models on the merged journeys, as <see cref="AttributionAnalyzer.Compare(LeadTable, DateTimeOffset, IEnumerable{AttributionModel}, AttributionOptions?)"/>.</summary>
    /// <param name="models">The models, in the order wanted.</param>
    /// <returns>One result per model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A model is out of range.</exception>
    /// <exception cref="ArgumentException">A model needs touch times or milestones.</exception>
    public AttributionComparison ToComparison(IEnumerable<AttributionModel> models) => AttributionAnalyzer.Compare(ToJourneys(), models, _options);

    // The lead journeys of a row range (one row per lead, built by the engine's one journey builder) counted by distinct path.
    internal static AttributionPartition Count(JourneyTable journeys, DateTimeOffset asOf, AttributionOptions options, long rowCount)
    {
        // A step's direct flag follows from its key when the keys are channels; otherwise it is the touch's channel's and is kept.
        var keyedByChannel = options.KeySelector is null && options.By == Dimension.Channel;
        var distinct = new SequenceMap();
        var counts = new List<PathCounts>();
        var buffer = new int[Math.Max(1, journeys.MaxRowLength)];
        for (var r = 0; r < journeys.RowCount; r++)
        {
            var start = journeys.RowStart[r];
            var length = journeys.RowStart[r + 1] - start;
            for (var s = 0; s < length; s++)
            {
                buffer[s] = (journeys.StepKey[start + s] << 1) | (!keyedByChannel && journeys.StepDirect[start + s] ? 1 : 0);
            }

            var g = distinct.GetOrAdd(buffer, 0, length);
            var row = new PathCounts((long)journeys.Conversions[r], (long)journeys.Nulls[r], journeys.Value[r]);
            if (g == counts.Count)
            {
                counts.Add(row);
            }
            else
            {
                counts[g] = counts[g].Add(row);
            }
        }

        var paths = new Dictionary<PathKey, PathCounts>(counts.Count);
        for (var g = 0; g < counts.Count; g++)
        {
            var length = distinct.Length(g);
            var steps = new string[length];
            var direct = keyedByChannel ? null : new bool[length];
            for (var s = 0; s < length; s++)
            {
                var code = distinct.Get(g, s);
                steps[s] = journeys.Keys[code >> 1];
                if (direct is not null)
                {
                    direct[s] = (code & 1) != 0;
                }
            }

            paths.Add(new PathKey(steps, direct), counts[g]);
        }

        var totals = new Totals(journeys.JourneyCount, journeys.UnattributedConversions, journeys.UnattributedValue, journeys.DroppedTouchpoints,
            journeys.UnmatchedTouchpoints);
        return new AttributionPartition(asOf, options, journeys.Currency, rowCount, totals, paths);
    }

    private static bool SameOptions(AttributionOptions a, AttributionOptions b) =>
        ReferenceEquals(a, b)
        || (a.Scope.IsEquivalentTo(b.Scope) && a.Model == b.Model && a.By == b.By && ReferenceEquals(a.KeySelector, b.KeySelector)
            && a.LookbackWindow == b.LookbackWindow && a.UseLeadSourceWhenNoTouchpoints == b.UseLeadSourceWhenNoTouchpoints
            && new HashSet<string>(a.DirectChannels, StringComparer.Ordinal).SetEquals(b.DirectChannels)
            && a.PositionBasedFirstShare.Equals(b.PositionBasedFirstShare) && a.PositionBasedLastShare.Equals(b.PositionBasedLastShare)
            && a.TimeDecayHalfLife == b.TimeDecayHalfLife && a.MarkovOrder == b.MarkovOrder && a.MarkovCollapseRepeats == b.MarkovCollapseRepeats
            && a.MarkovUseNonConvertingPaths == b.MarkovUseNonConvertingPaths && a.MarkovValueRule == b.MarkovValueRule
            && SameIntervals(a.Intervals, b.Intervals));

    private static bool SameIntervals(AttributionIntervalOptions? a, AttributionIntervalOptions? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Replicates == b.Replicates && a.Method == b.Method && a.Seed == b.Seed);

    // The journeys and diagnostics of the leads behind the paths: whole counts, decimal values, so they add exactly.
    internal readonly struct Totals
    {
        internal Totals(long journeys, double unattributedConversions, decimal unattributedValue, long droppedTouchpoints, long unmatchedTouchpoints)
        {
            Journeys = journeys;
            UnattributedConversions = unattributedConversions;
            UnattributedValue = unattributedValue;
            DroppedTouchpoints = droppedTouchpoints;
            UnmatchedTouchpoints = unmatchedTouchpoints;
        }

        internal long Journeys { get; }

        internal double UnattributedConversions { get; }

        internal decimal UnattributedValue { get; }

        internal long DroppedTouchpoints { get; }

        internal long UnmatchedTouchpoints { get; }

        internal Totals Add(Totals other) =>
            new(Journeys + other.Journeys, UnattributedConversions + other.UnattributedConversions, UnattributedValue + other.UnattributedValue,
                DroppedTouchpoints + other.DroppedTouchpoints, UnmatchedTouchpoints + other.UnmatchedTouchpoints);
    }

    // A path by value: its keys (ordinal) and, when the keys are not channels, each step's direct flag.
    private readonly struct PathKey : IEquatable<PathKey>
    {
        internal PathKey(string[] steps, bool[]? direct)
        {
            Steps = steps;
            Direct = direct;
        }

        internal string[] Steps { get; }

        internal bool[]? Direct { get; }

        public bool Equals(PathKey other) =>
            Steps.SequenceEqual(other.Steps, StringComparer.Ordinal)
            && (Direct is null ? other.Direct is null : other.Direct is not null && Direct.SequenceEqual(other.Direct));

        public override bool Equals(object? obj) => obj is PathKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = 17;
                for (var i = 0; i < Steps.Length; i++)
                {
                    hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Steps[i]);
                    hash = (hash * 2) + (Direct is not null && Direct[i] ? 1 : 0);
                }

                return hash;
            }
        }
    }

    // One path's converting and non-converting journeys and the exact sum of its conversion values.
    private readonly struct PathCounts
    {
        internal PathCounts(long conversions, long nulls, decimal value)
        {
            Conversions = conversions;
            Nulls = nulls;
            Value = value;
        }

        internal long Conversions { get; }

        internal long Nulls { get; }

        internal decimal Value { get; }

        internal PathCounts Add(PathCounts other) => new(Conversions + other.Conversions, Nulls + other.Nulls, Value + other.Value);
    }
}
