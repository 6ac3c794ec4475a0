using LeadAnalytics.Data;

namespace LeadAnalytics.Actions;

/// <summary>The rows of a table that satisfy a segment filter, ordered by acquisition instant (then row), so that every
/// acquisition window is one contiguous range found by binary search.</summary>
internal sealed class SegmentRows
{
    private readonly LeadTable _source;
    private LeadTable? _table;

    internal SegmentRows(LeadTable table, SegmentFilter segment)
    {
        _source = table;
        var accepted = new bool[segment.Conditions.Count][];
        var dimensions = new int[segment.Conditions.Count];
        for (var c = 0; c < accepted.Length; c++)
        {
            var condition = segment.Conditions[c];
            var column = table.GetColumn(condition.Dimension);
            dimensions[c] = (int)condition.Dimension;
            var accepts = new bool[column.Cardinality];
            foreach (var value in condition.Values)
            {
                var code = column.CodeOf(value);
                if (code >= 0)
                {
                    accepts[code] = true;
                }

                if (value == DimensionKeys.Missing)
                {
                    accepts[0] = true;
                }
            }

            accepted[c] = accepts;
        }

        var acquired = table.StageSeconds[0];
        var keys = new List<long>(table.Count);
        for (var row = 0; row < table.Count; row++)
        {
            if (Matches(table, row, dimensions, accepted))
            {
                // Acquisition instant in the high half, row in the low half: one sort gives a total order.
                keys.Add(((long)acquired[row] << 32) + row);
            }
        }

        var sorted = keys.ToArray();
        Array.Sort(sorted);
        Rows = new int[sorted.Length];
        Acquired = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            Rows[i] = (int)(sorted[i] & 0xFFFFFFFFL);
            Acquired[i] = (int)(sorted[i] >> 32);
        }
    }

    internal int[] Rows { get; }

    internal int[] Acquired { get; }

    /// <summary>The segment's rows as a table of their own, in <see cref="Rows"/> order: row i of it is <c>Rows[i]</c>, so an
    /// index range from <see cref="Range"/> is a row range of this table. Built on first use.</summary>
    internal LeadTable Table => _table ??= SegmentTable.Build(_source, Rows);

    /// <summary>The index range [lo, hi) of the rows acquired at seconds in [from, to); empty (lo = hi, at <paramref name="from"/>'s
    /// place) when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    internal (int Lo, int Hi) Range(long from, long to)
    {
        var lo = LowerBound(from);
        return (lo, to <= from ? lo : LowerBound(to));
    }

    private int LowerBound(long seconds)
    {
        int lo = 0, hi = Acquired.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (Acquired[mid] < seconds)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static bool Matches(LeadTable table, int row, int[] dimensions, bool[][] accepted)
    {
        for (var c = 0; c < dimensions.Length; c++)
        {
            var accepts = accepted[c];
            var column = table.Dimensions[dimensions[c]];
            if (dimensions[c] == (int)Dimension.Tag)
            {
                var start = table.TagOffsets[row];
                var end = table.TagOffsets[row + 1];
                var any = start == end && accepts[0];
                for (var i = start; i < end && !any; i++)
                {
                    any = accepts[column.Codes[i]];
                }

                if (!any)
                {
                    return false;
                }
            }
            else if (!accepts[column.Codes[row]])
            {
                return false;
            }
        }

        return true;
    }
}
