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
    // Per slot: the hash in the high 32 bits, the 1-based entry index in the low 32 (0 = empty), so a probe that misses
    // reads one slot and no entry.
    private long[] _slots = new long[1024];
    private int[] _starts = new int[513];
    private long[] _lines = new long[512];
    private char[] _chars = new char[4096];
    private int _count;

    internal int Count => _count;

    /// <summary>The line <paramref name="id"/> was first added with, if it was.</summary>
    internal bool TryGetValue(string id, out long line)
    {
        var found = Find(id, out var slot);
        line = found ? _lines[(int)_slots[slot] - 1] : 0;
        return found;
    }

    internal bool ContainsKey(string id) => Find(id, out _);

    /// <summary>Looks an id up; when it is absent, <paramref name="slot"/> is where <see cref="AddAt"/> puts it (valid until
    /// the next add).</summary>
    internal bool Find(string id, out int slot)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var hash = id.GetHashCode();
        var tag = (long)(uint)hash << 32;
        var mask = _slots.Length - 1;
        for (slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var v = _slots[slot];
            if (v == 0)
            {
                return false;
            }

            if ((v & ~0xFFFFFFFFL) == tag && Equal((int)v - 1, id))
            {
                return true;
            }
        }
    }

    /// <summary>Adds an id that is not in the set yet.</summary>
    /// <exception cref="ArgumentException">The id is already in the set (as <see cref="Dictionary{TKey, TValue}.Add"/>).</exception>
    internal void Add(string id, long line)
    {
        if (Find(id, out var slot))
        {
            throw new ArgumentException($"The id '{id}' was already added.", nameof(id));
        }

        AddAt(slot, id, line);
    }

    /// <summary>Adds an id that <see cref="Find"/> did not find, at the slot it gave.</summary>
    internal void AddAt(int slot, string id, long line)
    {
        if (_count == _lines.Length)
        {
            Array.Resize(ref _lines, _count * 2);
            Array.Resize(ref _starts, (_count * 2) + 1);
        }

        var start = _starts[_count];
        if (start + id.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, start + id.Length));
        }

        id.CopyTo(0, _chars, start, id.Length);
        _lines[_count] = line;
        _starts[_count + 1] = start + id.Length;
        _count++;
        _slots[slot] = ((long)(uint)id.GetHashCode() << 32) | (uint)_count;
    }

    private bool Equal(int entry, string id)
    {
        var start = _starts[entry];
        return _starts[entry + 1] - start == id.Length && id.AsSpan().SequenceEqual(new ReadOnlySpan<char>(_chars, start, id.Length));
    }

    private void Grow()
    {
        var slots = new long[_slots.Length * 2];
        var mask = slots.Length - 1;
        foreach (var v in _slots)
        {
            if (v == 0)
            {
                continue;
            }

            var s = (int)(v >> 32) & mask;
            while (slots[s] != 0)
            {
                s = (s + 1) & mask;
            }

            slots[s] = v;
        }

        _slots = slots;
    }
}
