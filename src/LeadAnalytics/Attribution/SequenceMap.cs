namespace LeadAnalytics.Attribution;

/// <summary>
/// Numbers distinct int sequences (paths, channel sets, Markov states) in order of first appearance. Lookups probe with a slice of
/// a caller's buffer, so aggregating millions of rows allocates only for sequences not seen before.
/// </summary>
internal sealed class SequenceMap
{
    private readonly Dictionary<Slice, int> _ids = new(SliceComparer.Instance);
    private readonly List<int> _starts = new();
    private readonly List<int> _lengths = new();
    private int[] _store = new int[64];
    private int _used;

    internal int Count => _starts.Count;

    /// <summary>The id of buffer[start..start+length), added if new.</summary>
    internal int GetOrAdd(int[] buffer, int start, int length)
    {
        var probe = new Slice(buffer, start, length);
        if (_ids.TryGetValue(probe, out var id))
        {
            return id;
        }

        if (_used + length > _store.Length)
        {
            // Slices already in the dictionary keep pointing at the old array, whose contents never change again.
            var grown = new int[Math.Max(_store.Length * 2, _used + length)];
            Array.Copy(_store, grown, _used);
            _store = grown;
        }

        Array.Copy(buffer, start, _store, _used, length);
        id = _starts.Count;
        _ids.Add(new Slice(_store, _used, length), id);
        _starts.Add(_used);
        _lengths.Add(length);
        _used += length;
        return id;
    }

    internal int Length(int id) => _lengths[id];

    internal int Get(int id, int index) => _store[_starts[id] + index];

    internal int[] ToArray(int id)
    {
        var result = new int[_lengths[id]];
        Array.Copy(_store, _starts[id], result, 0, result.Length);
        return result;
    }

    private readonly struct Slice
    {
        internal Slice(int[] array, int start, int length)
        {
            Array = array;
            Start = start;
            Length = length;
            var h = unchecked((int)2166136261);
            for (var i = 0; i < length; i++)
            {
                h = unchecked((h ^ array[start + i]) * 16777619);
            }

            Hash = h ^ length;
        }

        internal int[] Array { get; }

        internal int Start { get; }

        internal int Length { get; }

        internal int Hash { get; }
    }

    private sealed class SliceComparer : IEqualityComparer<Slice>
    {
        internal static readonly SliceComparer Instance = new();

        public bool Equals(Slice x, Slice y)
        {
            if (x.Length != y.Length || x.Hash != y.Hash)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (x.Array[x.Start + i] != y.Array[y.Start + i])
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Slice obj) => obj.Hash;
    }
}
