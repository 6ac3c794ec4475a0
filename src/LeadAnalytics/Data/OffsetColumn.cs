using System.Runtime.CompilerServices;

namespace LeadAnalytics.Data;

/// <summary>
/// Start offsets of each row's entries in a shared array (tags, activities): entries of row r lie in
/// [this[r], this[r + 1]). A table in which no row has an entry stores nothing and reads 0.
/// </summary>
internal sealed class OffsetColumn
{
    private readonly int[]? _offsets;

    internal OffsetColumn(int[]? offsets) => _offsets = offsets;

    /// <summary>Whether any row has an entry.</summary>
    internal bool Any => _offsets is not null;

    internal long ResidentBytes => _offsets is null ? 0 : _offsets.Length * 4L;

    internal int this[int row]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _offsets is { } o ? o[row] : 0;
    }

    /// <summary>Collects the running entry count after each row, keeping nothing while it stays 0.</summary>
    internal sealed class Builder
    {
        private GrowableArray<int>? _offsets;
        private int _rows;

        internal void EndRow(int entries)
        {
            _rows++;
            if (_offsets is null)
            {
                if (entries == 0)
                {
                    return;
                }

                // The first row with an entry: every earlier row ended at 0.
                _offsets = new GrowableArray<int>(Math.Max(16, _rows + 1));
                for (var i = 0; i < _rows; i++)
                {
                    _offsets.Add(0);
                }
            }

            _offsets.Add(entries);
        }

        internal OffsetColumn ToColumn() => new(_offsets?.ToArray());

        /// <summary>The parts' rows end to end, each part's entries placed after the entries of the parts before it
        /// (<paramref name="entries"/>[k] is part k's number of entries).</summary>
        internal static OffsetColumn Combine(IReadOnlyList<Builder> parts, IReadOnlyList<int> entries)
        {
            var rows = 0;
            var any = false;
            foreach (var part in parts)
            {
                rows += part._rows;
                any |= part._offsets is not null;
            }

            if (!any)
            {
                return new OffsetColumn(null);
            }

            var offsets = new int[rows + 1];
            var at = 1;
            var shift = 0;
            for (var k = 0; k < parts.Count; k++)
            {
                var part = parts[k];
                if (part._offsets is { } own)
                {
                    for (var i = 1; i <= part._rows; i++)
                    {
                        offsets[at++] = own[i] + shift;
                    }
                }
                else
                {
                    for (var i = 0; i < part._rows; i++)
                    {
                        offsets[at++] = shift;
                    }
                }

                shift += entries[k];
                part._offsets = null;
            }

            return new OffsetColumn(offsets);
        }
    }
}
