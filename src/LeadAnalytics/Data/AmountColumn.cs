using System.Runtime.CompilerServices;

namespace LeadAnalytics.Data;

/// <summary>
/// Amounts in minor units of the table currency: four bytes per row while every amount fits in an int (about ±21 million
/// yuan in fen), eight otherwise. Missing is <see cref="LeadTable.MissingAmount"/> when read.
/// </summary>
internal sealed class AmountColumn
{
    private const int NarrowMissing = int.MinValue;

    private AmountColumn(int[]? narrow, long[]? wide, int length)
    {
        Narrow = narrow;
        Wide = wide;
        Length = length;
    }

    /// <summary>The amounts when all fit in an int; <see cref="int.MinValue"/> is missing.</summary>
    internal int[]? Narrow { get; }

    /// <summary>The amounts otherwise; <see cref="LeadTable.MissingAmount"/> is missing.</summary>
    internal long[]? Wide { get; }

    internal int Length { get; }

    internal long ResidentBytes => Narrow is not null ? Length * 4L : Length * 8L;

    internal long this[int row]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (Narrow is { } n)
            {
                var v = n[row];
                return v == NarrowMissing ? LeadTable.MissingAmount : v;
            }

            return Wide![row];
        }
    }

    /// <summary>Collects amounts, widening to eight bytes when one does not fit in an int.</summary>
    internal sealed class Builder
    {
        private int[]? _narrow;
        private long[]? _wide;

        /// <param name="capacity">Rows expected (the column grows past it).</param>
        internal Builder(int capacity = 16) => _narrow = new int[Math.Max(16, capacity)];

        internal int Count { get; private set; }

        internal long this[int row] => _narrow is { } n ? (n[row] == NarrowMissing ? LeadTable.MissingAmount : n[row]) : _wide![row];

        /// <summary>The parts' amounts end to end; each part is emptied as it is copied.</summary>
        internal static AmountColumn Combine(IReadOnlyList<Builder> parts)
        {
            var total = 0;
            foreach (var part in parts)
            {
                total += part.Count;
            }

            if (parts.Count > 0 && parts[0]._narrow is { } head && head.Length == total && parts.All(p => p._narrow is not null))
            {
                // The first part sized for every row and every part narrow: append the others' values to it, no new array.
                var first = parts[0];
                var at = first.Count;
                for (var k = 1; k < parts.Count; k++)
                {
                    var part = parts[k];
                    Array.Copy(part._narrow!, 0, head, at, part.Count);
                    at += part.Count;
                    part._narrow = Array.Empty<int>();
                    part.Count = 0;
                }

                first.Count = total;
                return first.ToColumn();
            }

            var result = new Builder(total);
            foreach (var part in parts)
            {
                for (var i = 0; i < part.Count; i++)
                {
                    result.Add(part[i]);
                }

                part._narrow = Array.Empty<int>();
                part._wide = null;
                part.Count = 0;
            }

            return result.ToColumn();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void Add(long minor)
        {
            if (_narrow is { } n && Count < n.Length && (minor == LeadTable.MissingAmount || (minor > NarrowMissing && minor <= int.MaxValue)))
            {
                n[Count++] = minor == LeadTable.MissingAmount ? NarrowMissing : (int)minor;
                return;
            }

            AddSlow(minor);
        }

        internal AmountColumn ToColumn()
        {
            if (_narrow is { } n)
            {
                if (n.Length != Count)
                {
                    Array.Resize(ref n, Count);
                }

                return new AmountColumn(n, null, Count);
            }

            var w = _wide!;
            if (w.Length != Count)
            {
                Array.Resize(ref w, Count);
            }

            return new AmountColumn(null, w, Count);
        }

        private void AddSlow(long minor)
        {
            if (_narrow is { } n)
            {
                var fits = minor == LeadTable.MissingAmount || (minor > NarrowMissing && minor <= int.MaxValue);
                if (fits)
                {
                    Array.Resize(ref _narrow, n.Length * 2);
                    _narrow[Count++] = minor == LeadTable.MissingAmount ? NarrowMissing : (int)minor;
                    return;
                }

                _wide = new long[n.Length];
                for (var i = 0; i < Count; i++)
                {
                    _wide[i] = n[i] == NarrowMissing ? LeadTable.MissingAmount : n[i];
                }

                _narrow = null;
            }

            if (Count == _wide!.Length)
            {
                Array.Resize(ref _wide, _wide.Length * 2);
            }

            _wide[Count++] = minor;
        }
    }
}
