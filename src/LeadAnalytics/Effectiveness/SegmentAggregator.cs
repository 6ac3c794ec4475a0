using System.Runtime.CompilerServices;
using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

// Groups the in-period rows of a LeadTable by the one segment grouping (SegmentGrouping) and sums each segment's figures.
// Everything runs over the table's arrays: no LINQ and no allocation per row. The caller orders segments by their keys'
// values, so row order does not leak into the result.
internal static class SegmentAggregator
{
    private const int NoDuration = -1;

    internal sealed class Aggregate
    {
        public Aggregate(SegmentKey[] keys, SegmentFigures[] figures, SegmentFigures total, bool overlap, SegmentDurations[]? durations = null)
        {
            Keys = keys;
            Figures = figures;
            Total = total;
            Overlap = overlap;
            Durations = durations;
        }

        public SegmentKey[] Keys { get; }

        public SegmentFigures[] Figures { get; }

        public SegmentFigures Total { get; }

        public bool Overlap { get; }

        // Per segment, then the total last; null when durations are not collected.
        public SegmentDurations[]? Durations { get; }
    }

    // One counting kernel for every case, specialised by four small struct policies the JIT compiles apart (no interface
    // calls, no per-row branches on the case):
    // - the rows: a contiguous range of the table (every row in scope) or a list of selected rows;
    // - the outcome rule: as recorded (as-of at or after every instant, OutcomeClassifier.Settled, branch-free) or as of an
    //   instant; both are OutcomeClassifier's one rule;
    // - the spend: the table's per-lead costs or an allocated costs table (per entry of the rows);
    // - the membership: one segment per row (the total is then the sum of the segments) or a list of groups per row (tags,
    //   duration samples) with the total counted directly.
    // Rows are split into contiguous chunks (one per thread, EffectivenessOptions.MaxDegreeOfParallelism) and merged in
    // chunk order, so every thread count and every policy gives the single pass exactly: figures are integer counts and
    // minor-unit sums, and durations are counted per value. Segment membership is the one grouping of every engine
    // (SegmentGrouping).
    // rows: the selected rows, or null for every row of [start, end) (the caller has checked they are all in scope).
    // spend and hasCost: per entry of the rows (an allocated costs table), or both null to read the table's per-lead costs.
    // fastPaths: false forces the general policies (a test compares the two).
    internal static Aggregate Run(LeadTable table, int[]? rows, int start, int end, SegmentGrouping grouping, long[]? spend, bool[]? hasCost, int asOf,
        EffectivenessOptions options, bool fastPaths = true)
    {
        var outcomes = new OutcomeClassifier(table, asOf, options.Scope.StaleAfter);
        if (!fastPaths && rows is null)
        {
            rows = new int[end - start];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = start + i;
            }
        }

        if (fastPaths && outcomes.Settled)
        {
            return WithRows(new SettledRule(outcomes), table, rows, start, end, grouping, spend, hasCost, asOf, options, fastPaths);
        }

        return WithRows(new AsOfRule(outcomes), table, rows, start, end, grouping, spend, hasCost, asOf, options, fastPaths);
    }

    private static Aggregate WithRows<TOutcome>(TOutcome outcome, LeadTable table, int[]? rows, int start, int end, SegmentGrouping grouping, long[]? spend,
        bool[]? hasCost, int asOf, EffectivenessOptions options, bool fastPaths)
        where TOutcome : struct, IOutcomeRule =>
        rows is null
            ? WithSpend(new RangeRows(start, end - start), outcome, table, grouping, spend, hasCost, asOf, options, fastPaths)
            : WithSpend(new ListedRows(rows), outcome, table, grouping, spend, hasCost, asOf, options, fastPaths);

    private static Aggregate WithSpend<TRows, TOutcome>(TRows rows, TOutcome outcome, LeadTable table, SegmentGrouping grouping, long[]? spend, bool[]? hasCost,
        int asOf, EffectivenessOptions options, bool fastPaths)
        where TRows : struct, IRows
        where TOutcome : struct, IOutcomeRule =>
        spend is null
            ? Count(rows, outcome, new PerLeadCost(table.CostMinor), table, grouping, asOf, options, fastPaths)
            : Count(rows, outcome, new AllocatedSpend(spend, hasCost!), table, grouping, asOf, options, fastPaths);

    private static Aggregate Count<TRows, TOutcome, TSpend>(TRows rows, TOutcome outcome, TSpend spendOf, LeadTable table, SegmentGrouping grouping, int asOf,
        EffectivenessOptions options, bool fastPaths)
        where TRows : struct, IRows
        where TOutcome : struct, IOutcomeRule
        where TSpend : struct, ISpend
    {
        var parallelism = options.EffectiveParallelism;
        var count = rows.Count;
        var bounds = RowChunks.Bounds(0, count, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var groups = grouping.Count;
        var totalIndex = grouping.Total;
        var durations = options.IncludeDurations;
        var columns = new RowColumns(table, asOf);

        // ---- counts and sums per chunk, added in chunk order; durations kept per row for the samples ----
        var perRow = durations ? new RowDurations(count) : null;
        var chunkFigures = new SegmentFigures[chunks][];
        var chunkOverlap = new bool[chunks];
        var oneSegment = fastPaths && !durations && grouping.OneSegmentPerRow;

        // The duration samples are counted in the same pass (grouped in flat arrays), filled in a second.
        var cycles = new GroupedSamples(durations ? groups : 0, chunks);
        var wins = new GroupedSamples(durations ? groups : 0, chunks);
        var speeds = new GroupedSamples(durations ? groups : 0, chunks);
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var local = new SegmentFigures[groups];
            if (oneSegment)
            {
                CountChunk(rows, outcome, spendOf, new OneSegment(grouping), columns, bounds[c], bounds[c + 1], local, null);
                local[totalIndex] = SumOfSegments(local, totalIndex);
            }
            else
            {
                var members = new Memberships(grouping);
                CountChunk(rows, outcome, spendOf, members, columns, bounds[c], bounds[c + 1], local, perRow);
                chunkOverlap[c] = members.Overlap;
                if (perRow is not null)
                {
                    Samples(rows, grouping, perRow, c, bounds[c], bounds[c + 1], cycles, wins, speeds, fill: false);
                }
            }

            chunkFigures[c] = local;
        });

        var figures = new SegmentFigures[groups];
        var overlap = false;
        for (var c = 0; c < chunks; c++)
        {
            overlap |= chunkOverlap[c];
            for (var g = 0; g < groups; g++)
            {
                Add(ref figures[g], chunkFigures[c][g]);
            }
        }

        // Only the segments with leads, then the total.
        var present = new List<int>();
        for (var g = 0; g < totalIndex; g++)
        {
            if (figures[g].Leads > 0)
            {
                present.Add(g);
            }
        }

        present.Add(totalIndex);
        SegmentDurations[]? counted = null;
        if (perRow is not null)
        {
            // ---- durations counted per value (whole seconds), so partials merge to the single pass's medians ----
            cycles.Seal();
            wins.Seal();
            speeds.Seal();
            RowChunks.ForEach(chunks, parallelism, c => Samples(rows, grouping, perRow, c, bounds[c], bounds[c + 1], cycles, wins, speeds, fill: true));

            // Each group's slice is sorted and counted apart, so groups run in parallel.
            var all = new SegmentDurations[present.Count];
            RowChunks.ForEach(present.Count, parallelism, k =>
            {
                var g = present[k];
                all[k] = new SegmentDurations(cycles.Counts(g), wins.Counts(g), speeds.Counts(g));
            });
            counted = all;
        }

        var segments = present.Count - 1;
        var keys = new SegmentKey[segments];
        var segmentFigures = new SegmentFigures[segments];
        for (var k = 0; k < segments; k++)
        {
            keys[k] = grouping.SegmentKeyOf(present[k]);
            segmentFigures[k] = figures[present[k]];
        }

        return new Aggregate(keys, segmentFigures, figures[totalIndex], overlap, counted);
    }

    // The counting rules, once: each row's class (0/1 integers rather than branches: whether consecutive leads are won, lost,
    // open or stale is unpredictable), deal, spend and chronology faults, added to each of its groups; its cycle and speed
    // to lead (or NoDuration) kept when perRow is given.
    private static void CountChunk<TRows, TOutcome, TSpend, TMembers>(TRows rows, TOutcome outcome, TSpend spendOf, TMembers members, RowColumns columns,
        int from, int to, SegmentFigures[] figures, RowDurations? perRow)
        where TRows : struct, IRows
        where TOutcome : struct, IOutcomeRule
        where TSpend : struct, ISpend
        where TMembers : struct, IMembers
    {
        var acquired = columns.Acquired;
        var wonAt = columns.WonAt;
        var lostAt = columns.LostAt;
        var contactedAt = columns.ContactedAt;
        var deals = columns.Deals;
        var asOf = columns.AsOf;
        for (var i = from; i < to; i++)
        {
            var row = rows.Row(i);
            outcome.Classify(row, out var isWon, out var isLost, out var isStale);
            var acquiredAt = acquired[row];
            var cycle = (long)(isWon != 0 ? wonAt[row] : lostAt[row]) - acquiredAt;
            var negative = (isWon | isLost) & (cycle < 0 ? 1 : 0);
            var speed = -1L;
            if (contactedAt is not null)
            {
                var contacted = contactedAt[row];
                if (contacted != LeadTable.MissingTime && contacted <= asOf)
                {
                    speed = (long)contacted - acquiredAt;
                    negative += speed < 0 ? 1 : 0;
                }
            }

            var deal = deals[row];
            var hasDeal = isWon & (deal != LeadTable.MissingAmount ? 1 : 0);
            var rowSpend = spendOf.Spend(row, i, out var hasCost);
            var counted = new RowFigures(isWon, isLost, isStale, deal & -(long)hasDeal, hasDeal, rowSpend & -(long)hasCost, hasCost, negative);
            members.AddRow(row, figures, counted);
            if (perRow is not null)
            {
                perRow.Cycle[i] = (isWon | isLost) != 0 && cycle >= 0 ? (int)Math.Min(cycle, int.MaxValue) : NoDuration;
                perRow.Speed[i] = speed >= 0 ? (int)Math.Min(speed, int.MaxValue) : NoDuration;
                perRow.Won[i] = isWon != 0;
            }
        }
    }

    // The duration samples of a chunk's rows by group: counted (fill false) before GroupedSamples.Seal, added after it.
    private static void Samples<TRows>(TRows rows, SegmentGrouping grouping, RowDurations perRow, int chunk, int from, int to, GroupedSamples cycles,
        GroupedSamples wins, GroupedSamples speeds, bool fill)
        where TRows : struct, IRows
    {
        var members = new int[grouping.MaxGroupsPerRow];
        for (var i = from; i < to; i++)
        {
            var cycle = perRow.Cycle[i];
            var speed = perRow.Speed[i];
            if (cycle == NoDuration && speed == NoDuration)
            {
                continue;
            }

            var n = grouping.GroupsOf(rows.Row(i), members);
            for (var m = 0; m < n; m++)
            {
                var g = members[m];
                if (cycle != NoDuration)
                {
                    Sample(cycles, chunk, g, cycle, fill);
                    if (perRow.Won[i])
                    {
                        Sample(wins, chunk, g, cycle, fill);
                    }
                }

                if (speed != NoDuration)
                {
                    Sample(speeds, chunk, g, speed, fill);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sample(GroupedSamples samples, int chunk, int group, int value, bool fill)
    {
        if (fill)
        {
            samples.Add(chunk, group, value);
        }
        else
        {
            samples.Count(chunk, group);
        }
    }

    private static SegmentFigures SumOfSegments(SegmentFigures[] figures, int segments)
    {
        var total = default(SegmentFigures);
        for (var g = 0; g < segments; g++)
        {
            Add(ref total, figures[g]);
        }

        return total;
    }

    // One row's contribution: 0/1 classes and amounts already masked to zero where absent.
    private readonly struct RowFigures
    {
        internal RowFigures(int won, int lost, int stale, long revenue, int hasDeal, long spend, int hasCost, int negative)
        {
            Won = won;
            Lost = lost;
            Stale = stale;
            Revenue = revenue;
            HasDeal = hasDeal;
            Spend = spend;
            HasCost = hasCost;
            Negative = negative;
        }

        internal int Won { get; }

        internal int Lost { get; }

        internal int Stale { get; }

        internal long Revenue { get; }

        internal int HasDeal { get; }

        internal long Spend { get; }

        internal int HasCost { get; }

        internal int Negative { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void AddTo(ref SegmentFigures f)
        {
            var open = 1 - Won - Lost;
            f.Leads++;
            f.Won += Won;
            f.Lost += Lost;
            f.Open += open;
            f.Stale += Stale;
            f.RevenueMinor += Revenue;
            f.WonWithAmount += HasDeal;
            f.SpendMinor += Spend;
            f.LeadsWithCost += HasCost;
            f.NegativeDurations += Negative;
        }
    }

    private sealed class RowColumns
    {
        internal RowColumns(LeadTable table, int asOf)
        {
            AsOf = asOf;
            Acquired = table.StageSeconds[0];
            WonAt = table.StageSeconds[table.StageSeconds.Length - 1];
            LostAt = table.LostSeconds;
            Deals = table.DealMinor;
            var contactStage = ContactStage(table.Pipeline);
            ContactedAt = contactStage > 0 ? table.StageSeconds[contactStage] : null;
        }

        internal int AsOf { get; }

        internal int[] Acquired { get; }

        internal int[] WonAt { get; }

        internal int[] LostAt { get; }

        internal AmountColumn Deals { get; }

        internal int[]? ContactedAt { get; }
    }

    private sealed class RowDurations
    {
        internal RowDurations(int count)
        {
            Cycle = new int[count];
            Speed = new int[count];
            Won = new bool[count];
        }

        internal int[] Cycle { get; }

        internal int[] Speed { get; }

        internal bool[] Won { get; }
    }

    // ---- the policies ----
    private interface IRows
    {
        int Count { get; }

        int Row(int i);
    }

    private readonly struct RangeRows : IRows
    {
        private readonly int _start;

        internal RangeRows(int start, int count)
        {
            _start = start;
            Count = count;
        }

        public int Count { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Row(int i) => _start + i;
    }

    private readonly struct ListedRows : IRows
    {
        private readonly int[] _rows;

        internal ListedRows(int[] rows) => _rows = rows;

        public int Count => _rows.Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Row(int i) => _rows[i];
    }

    private interface IOutcomeRule
    {
        // Exactly one of won, lost, stale, open (the rest) is 1.
        void Classify(int row, out int won, out int lost, out int stale);
    }

    private readonly struct SettledRule : IOutcomeRule
    {
        private readonly OutcomeClassifier _outcomes;

        internal SettledRule(OutcomeClassifier outcomes) => _outcomes = outcomes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Classify(int row, out int won, out int lost, out int stale) => _outcomes.SettledFlags(row, out won, out lost, out stale);
    }

    private readonly struct AsOfRule : IOutcomeRule
    {
        private readonly OutcomeClassifier _outcomes;

        internal AsOfRule(OutcomeClassifier outcomes) => _outcomes = outcomes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Classify(int row, out int won, out int lost, out int stale)
        {
            var state = _outcomes.Classify(row);
            won = state == LeadState.Won ? 1 : 0;
            lost = state == LeadState.Lost ? 1 : 0;
            stale = state == LeadState.Stale ? 1 : 0;
        }
    }

    private interface ISpend
    {
        // The spend in minor units of entry i (row), and whether it has one.
        long Spend(int row, int i, out int hasCost);
    }

    private readonly struct PerLeadCost : ISpend
    {
        private readonly AmountColumn _costs;

        internal PerLeadCost(AmountColumn costs) => _costs = costs;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Spend(int row, int i, out int hasCost)
        {
            var cost = _costs[row];
            hasCost = cost != LeadTable.MissingAmount ? 1 : 0;
            return cost;
        }
    }

    private readonly struct AllocatedSpend : ISpend
    {
        private readonly long[] _spend;
        private readonly bool[] _hasCost;

        internal AllocatedSpend(long[] spend, bool[] hasCost)
        {
            _spend = spend;
            _hasCost = hasCost;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Spend(int row, int i, out int hasCost)
        {
            hasCost = _hasCost[i] ? 1 : 0;
            return _spend[i];
        }
    }

    private interface IMembers
    {
        void AddRow(int row, SegmentFigures[] figures, in RowFigures counted);
    }

    // The row's one segment; the total is summed from the segments afterwards.
    private readonly struct OneSegment : IMembers
    {
        private readonly SegmentGrouping _grouping;
        private readonly int[] _scratch;

        internal OneSegment(SegmentGrouping grouping)
        {
            _grouping = grouping;
            _scratch = new int[grouping.MaxGroupsPerRow];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddRow(int row, SegmentFigures[] figures, in RowFigures counted) => counted.AddTo(ref figures[_grouping.SegmentOf(row, _scratch)]);
    }

    // Every group of the row, the total among them; notes whether a row counted in more than one segment (tags).
    private readonly struct Memberships : IMembers
    {
        private readonly SegmentGrouping _grouping;
        private readonly int[] _groups;
        private readonly bool[] _overlap;

        internal Memberships(SegmentGrouping grouping)
        {
            _grouping = grouping;
            _groups = new int[grouping.MaxGroupsPerRow];
            _overlap = new bool[1];
        }

        internal bool Overlap => _overlap[0];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddRow(int row, SegmentFigures[] figures, in RowFigures counted)
        {
            var n = _grouping.GroupsOf(row, _groups);
            _overlap[0] |= n > 2;
            for (var m = 0; m < n; m++)
            {
                counted.AddTo(ref figures[_groups[m]]);
            }
        }
    }

    // Integer fields only: the medians are computed after the merge.
    internal static void Add(ref SegmentFigures total, in SegmentFigures part)
    {
        total.Leads += part.Leads;
        total.Won += part.Won;
        total.Lost += part.Lost;
        total.Open += part.Open;
        total.Stale += part.Stale;
        total.RevenueMinor += part.RevenueMinor;
        total.WonWithAmount += part.WonWithAmount;
        total.SpendMinor += part.SpendMinor;
        total.LeadsWithCost += part.LeadsWithCost;
        total.NegativeDurations += part.NegativeDurations;
    }

    // The stage whose instant is "first contact": the pipeline's Contacted stage, else its second stage unless that is won.
    internal static int ContactStage(Pipeline pipeline)
    {
        var named = pipeline.IndexOf(Pipeline.Contacted);
        if (named > 0)
        {
            return named;
        }

        return pipeline.Count > 2 ? 1 : -1;
    }
}
