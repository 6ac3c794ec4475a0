using LeadAnalytics.Data;

namespace LeadAnalytics.Attribution;

/// <summary>
/// The touchpoint columns of a <see cref="LeadTable"/>: every touch matched to its lead's row by <see cref="Touchpoint.JourneyId"/>
/// = the lead id, stored column by column (instant, channel, strategy and content codes, CRM milestones) and grouped by row in the
/// canonical order of a journey (time, then channel, strategy, content and milestones, ordinally). Built once beside the table with
/// <see cref="Build"/>; the attribution engine reads journeys from the two (<see cref="AttributionOptions.Touchpoints"/>).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Touch instants keep their full precision (ticks); the lead's instants come from the table
/// (to the second).</para>
/// <para>Touchpoints whose journey id is no lead of the table are counted in <see cref="UnmatchedCount"/> and otherwise ignored.</para>
/// </remarks>
public sealed class TouchpointTable
{
    private TouchpointTable(
        LeadTable leads, int[] rowStart, long[] ticks, int[] channel, int[] strategy, int[] content, CrmMilestones[] milestones,
        string?[] channelNames, string?[] strategyNames, string?[] contentNames, int unmatched)
    {
        Leads = leads;
        RowStart = rowStart;
        Ticks = ticks;
        Codes = new[] { channel, strategy, content };
        Names = new[] { channelNames, strategyNames, contentNames };
        Milestones = milestones;
        UnmatchedCount = unmatched;
    }

    /// <summary>The lead table whose rows the touches belong to.</summary>
    public LeadTable Leads { get; }

    /// <summary>Touches matched to a lead.</summary>
    public int Count => Ticks.Length;

    /// <summary>Touches whose journey id is no lead of <see cref="Leads"/>.</summary>
    public int UnmatchedCount { get; }

    /// <summary>Row r's touches are [RowStart[r], RowStart[r + 1]), in canonical journey order.</summary>
    internal int[] RowStart { get; }

    internal long[] Ticks { get; }

    /// <summary>[0] channel, [1] strategy, [2] content: per-touch codes into <see cref="Names"/> (code 0 is missing).</summary>
    internal int[][] Codes { get; }

    internal string?[][] Names { get; }

    internal CrmMilestones[] Milestones { get; }

    /// <summary>Matches touchpoints to the rows of a lead table.</summary>
    /// <param name="leads">The lead table; its ids must be unique (ordinally).</param>
    /// <param name="touchpoints">The touchpoints, in any order.</param>
    /// <returns>The touchpoint columns.</returns>
    /// <exception cref="ArgumentNullException">An argument or a touchpoint is null.</exception>
    /// <exception cref="ArgumentException">Two leads of the table share an id.</exception>
    public static TouchpointTable Build(LeadTable leads, IEnumerable<Touchpoint> touchpoints)
    {
        Preconditions.CheckNotNull(leads);

        Preconditions.CheckNotNull(touchpoints);

        var rowOf = new Dictionary<string, int>(leads.Count, StringComparer.Ordinal);
        for (var row = 0; row < leads.Count; row++)
        {
            var id = leads.Ids.Get(row);
            if (rowOf.ContainsKey(id))
            {
                throw new ArgumentException($"Two leads have the id '{id}'; attribution matches touchpoints to leads by id.", nameof(leads));
            }

            rowOf.Add(id, row);
        }

        // One pass in input order reads every field (codes by first appearance, one lookup per run of the same string instance);
        // a counting sort then groups the touches by row without a list per lead.
        var touchRow = new GrowableArray<int>();
        var ticks = new GrowableArray<long>();
        var milestones = new GrowableArray<CrmMilestones>();
        var coders = new[] { new Coder(), new Coder(), new Coder() };
        var codes = new[] { new GrowableArray<int>(), new GrowableArray<int>(), new GrowableArray<int>() };
        var perRow = new int[leads.Count + 1];
        var unmatched = 0;
        foreach (var touch in touchpoints)
        {
            Preconditions.CheckItemNotNull(touch, nameof(touchpoints), "A touchpoint is null.");

            if (!rowOf.TryGetValue(touch.JourneyId, out var row))
            {
                unmatched++;
                continue;
            }

            touchRow.Add(row);
            perRow[row + 1]++;
            ticks.Add(touch.OccurredAt.UtcTicks);
            milestones.Add(touch.Milestones);
            codes[0].Add(coders[0].Code(touch.Channel));
            codes[1].Add(coders[1].Code(touch.Strategy));
            codes[2].Add(coders[2].Code(touch.Content));
        }

        for (var r = 0; r < leads.Count; r++)
        {
            perRow[r + 1] += perRow[r];
        }

        var count = touchRow.Count;
        var order = new int[count];
        var cursor = (int[])perRow.Clone();
        for (var t = 0; t < count; t++)
        {
            order[cursor[touchRow[t]]++] = t;
        }

        var ranks = new[] { coders[0].Ranks(), coders[1].Ranks(), coders[2].Ranks() };
        var comparer = new TouchComparer(ticks, codes, ranks, milestones);
        for (var r = 0; r < leads.Count; r++)
        {
            var start = perRow[r];
            var length = perRow[r + 1] - start;
            for (var i = start + 1; i < start + length; i++)
            {
                if (comparer.Compare(order[i - 1], order[i]) > 0)
                {
                    Array.Sort(order, start, length, comparer);
                    break;
                }
            }
        }

        var sortedTicks = new long[count];
        var sortedMilestones = new CrmMilestones[count];
        var sortedCodes = new[] { new int[count], new int[count], new int[count] };
        for (var i = 0; i < count; i++)
        {
            var t = order[i];
            sortedTicks[i] = ticks[t];
            sortedMilestones[i] = milestones[t];
            for (var d = 0; d < 3; d++)
            {
                sortedCodes[d][i] = codes[d][t];
            }
        }

        return new TouchpointTable(
            leads, perRow, sortedTicks, sortedCodes[0], sortedCodes[1], sortedCodes[2], sortedMilestones,
            coders[0].Names.ToArray(), coders[1].Names.ToArray(), coders[2].Names.ToArray(), unmatched);
    }

    /// <summary>Codes strings by first appearance; code 0 is the missing value.</summary>
    private sealed class Coder
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private string? _last;
        private int _lastCode;

        internal List<string?> Names { get; } = new() { null };

        internal int Code(string? value)
        {
            if (value is null)
            {
                return 0;
            }

            if (ReferenceEquals(value, _last))
            {
                return _lastCode;
            }

            if (!_codes.TryGetValue(value, out var code))
            {
                code = Names.Count;
                _codes.Add(value, code);
                Names.Add(value);
            }

            _last = value;
            _lastCode = code;
            return code;
        }

        /// <summary>Rank of each code in ordinal order of the names, missing first (as <see cref="string.CompareOrdinal(string, string)"/> puts null).</summary>
        internal int[] Ranks()
        {
            var order = new int[Names.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => a == b ? 0 : a == 0 ? -1 : b == 0 ? 1 : string.CompareOrdinal(Names[a], Names[b]));
            var ranks = new int[order.Length];
            for (var r = 0; r < order.Length; r++)
            {
                ranks[order[r]] = r;
            }

            return ranks;
        }
    }

    // Time first; touches at the same instant by their fields, so a journey's order never depends on the input order.
    private sealed class TouchComparer : IComparer<int>
    {
        private readonly GrowableArray<long> _ticks;
        private readonly GrowableArray<int>[] _codes;
        private readonly int[][] _ranks;
        private readonly GrowableArray<CrmMilestones> _milestones;

        internal TouchComparer(GrowableArray<long> ticks, GrowableArray<int>[] codes, int[][] ranks, GrowableArray<CrmMilestones> milestones)
        {
            _ticks = ticks;
            _codes = codes;
            _ranks = ranks;
            _milestones = milestones;
        }

        public int Compare(int x, int y)
        {
            var c = _ticks[x].CompareTo(_ticks[y]);
            for (var d = 0; c == 0 && d < 3; d++)
            {
                c = _ranks[d][_codes[d][x]].CompareTo(_ranks[d][_codes[d][y]]);
            }

            return c != 0 ? c : ((int)_milestones[x]).CompareTo((int)_milestones[y]);
        }
    }
}
