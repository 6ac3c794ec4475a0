namespace LeadAnalytics.Csv;

/// <summary>
/// The ids seen so far and the line each was first seen at, for <see cref="CsvReadOptions.CheckDuplicateIds"/>: what a
/// <c>Dictionary&lt;string, long&gt;</c> with the ordinal comparer answers, without keeping a string object per row alive.
/// The ids' characters are packed end to end in one array, so a million ids are a few arrays the garbage collector never
/// walks, not a million long-lived objects it promotes and scans (that cost about as much CPU as the rest of the import).
/// </summary>
/// <remarks>Open addressing on the ordinal string hash (randomised per process on .NET, so crafted ids cannot force
/// collisions any more than they can in a dictionary).</remarks>
internal sealed class IdLines
{
    private int[] _slots = new int[1024]; // 1-based entry index, 0 = empty
    private int[] _hashes = new int[512];
    private int[] _starts = new int[513];
    private long[] _lines = new long[512];
    private char[] _chars = new char[4096];
    private int _count;

    internal int Count => _count;

    /// <summary>The line <paramref name="id"/> was first added with, if it was.</summary>
    internal bool TryGetValue(string id, out long line)
    {
        var hash = id.GetHashCode();
        var mask = _slots.Length - 1;
        for (var s = hash & mask; ; s = (s + 1) & mask)
        {
            var e = _slots[s] - 1;
            if (e < 0)
            {
                line = 0;
                return false;
            }

            if (_hashes[e] == hash && Equal(e, id))
            {
                line = _lines[e];
                return true;
            }
        }
    }

    internal bool ContainsKey(string id) => TryGetValue(id, out _);

    /// <summary>Adds an id that is not in the set yet.</summary>
    /// <exception cref="ArgumentException">The id is already in the set (as <see cref="Dictionary{TKey, TValue}.Add"/>).</exception>
    internal void Add(string id, long line)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var hash = id.GetHashCode();
        var mask = _slots.Length - 1;
        var s = hash & mask;
        for (; _slots[s] != 0; s = (s + 1) & mask)
        {
            var e = _slots[s] - 1;
            if (_hashes[e] == hash && Equal(e, id))
            {
                throw new ArgumentException($"The id '{id}' was already added.", nameof(id));
            }
        }

        if (_count == _hashes.Length)
        {
            Array.Resize(ref _hashes, _count * 2);
            Array.Resize(ref _lines, _count * 2);
            Array.Resize(ref _starts, (_count * 2) + 1);
        }

        var start = _starts[_count];
        if (start + id.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, start + id.Length));
        }

        id.CopyTo(0, _chars, start, id.Length);
        _hashes[_count] = hash;
        _lines[_count] = line;
        _starts[_count + 1] = start + id.Length;
        _count++;
        _slots[s] = _count;
    }

    private bool Equal(int entry, string id)
    {
        var start = _starts[entry];
        return _starts[entry + 1] - start == id.Length && id.AsSpan().SequenceEqual(new ReadOnlySpan<char>(_chars, start, id.Length));
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var e = 0; e < _count; e++)
        {
            var s = _hashes[e] & mask;
            while (slots[s] != 0)
            {
                s = (s + 1) & mask;
            }

            slots[s] = e + 1;
        }

        _slots = slots;
    }
}
