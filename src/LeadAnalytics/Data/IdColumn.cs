using System.Text;

namespace LeadAnalytics.Data;

/// <summary>
/// Lead ids packed end to end in one array (one byte per character while every id is ASCII, two otherwise) with an int
/// offset per row: about 4 + length bytes per lead instead of a string object each. <see cref="Get"/> makes the string.
/// </summary>
internal sealed class IdColumn
{
    private readonly byte[]? _ascii;
    private readonly char[]? _chars;
    private readonly int[] _offsets;

    private IdColumn(byte[]? ascii, char[]? chars, int[] offsets)
    {
        _ascii = ascii;
        _chars = chars;
        _offsets = offsets;
    }

    internal int Count => _offsets.Length - 1;

    internal long ResidentBytes => (_offsets.Length * 4L) + (_ascii?.Length ?? (2L * _chars!.Length));

    /// <summary>The id of a row (a new string each time; hot loops compare with <see cref="CompareOrdinal"/>).</summary>
    internal string this[int row] => Get(row);

    /// <summary>Compares two rows' ids ordinally (as <see cref="string.CompareOrdinal(string, string)"/>) without making strings.</summary>
    internal int CompareOrdinal(int a, int b)
    {
        int startA = _offsets[a], lengthA = _offsets[a + 1] - startA;
        int startB = _offsets[b], lengthB = _offsets[b + 1] - startB;
        var n = Math.Min(lengthA, lengthB);
        for (var i = 0; i < n; i++)
        {
            var d = _ascii is { } bytes ? bytes[startA + i] - bytes[startB + i] : _chars![startA + i] - _chars[startB + i];
            if (d != 0)
            {
                return d;
            }
        }

        return lengthA - lengthB;
    }

    /// <summary>The first characters of a row's id packed big-endian into a number (8 ASCII bytes or 4 UTF-16 units, zero
    /// padded): ids whose prefixes differ compare as their prefixes do; equal prefixes need <see cref="CompareOrdinal"/>.</summary>
    internal ulong OrdinalPrefix(int row)
    {
        var start = _offsets[row];
        var length = _offsets[row + 1] - start;
        ulong key = 0;
        if (_ascii is { } bytes)
        {
            for (var i = 0; i < 8; i++)
            {
                key = (key << 8) | (i < length ? bytes[start + i] : 0UL);
            }
        }
        else
        {
            for (var i = 0; i < 4; i++)
            {
                key = (key << 16) | (i < length ? _chars![start + i] : 0UL);
            }
        }

        return key;
    }

    internal string Get(int row)
    {
        var start = _offsets[row];
        var length = _offsets[row + 1] - start;
        return _ascii is { } a ? Encoding.ASCII.GetString(a, start, length) : new string(_chars!, start, length);
    }

#if NET8_0_OR_GREATER
    /// <summary>Whether two rows have the same id (ordinal): hashes computed in parallel, then two hash tables of row numbers
    /// (one per half of the hash space) filled side by side; about 12 bytes per row while it runs.</summary>
    internal bool HasDuplicates()
    {
        var n = Count;
        if (n < 2)
        {
            return false;
        }

        var hashes = new int[n];
        Parallel.For(0, (n + 65535) / 65536, block =>
        {
            var end = Math.Min(n, (block + 1) * 65536);
            for (var i = block * 65536; i < end; i++)
            {
                hashes[i] = Hash(i);
            }
        });

        var found = 0;
        Parallel.For(0, 2, half =>
        {
            var size = 16;
            while (size < n)
            {
                size <<= 1;
            }

            var slots = new int[size];
            var mask = size - 1;
            for (var i = 0; i < n && Volatile.Read(ref found) == 0; i++)
            {
                var h = hashes[i];
                if ((int)((uint)h >> 31) != half)
                {
                    continue;
                }

                var s = h & mask;
                while (slots[s] != 0)
                {
                    var other = slots[s] - 1;
                    if (hashes[other] == h && SameId(other, i))
                    {
                        Volatile.Write(ref found, 1);
                        return;
                    }

                    s = (s + 1) & mask;
                }

                slots[s] = i + 1;
            }
        });

        return found != 0;
    }

    // A per-process randomised hash of the id's characters (HashCode is seeded at start-up, so crafted ids cannot aim at
    // collisions).
    private int Hash(int row)
    {
        var start = _offsets[row];
        var length = _offsets[row + 1] - start;
        var hash = default(HashCode);
        if (_ascii is { } bytes)
        {
            hash.AddBytes(new ReadOnlySpan<byte>(bytes, start, length));
        }
        else
        {
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<char>(_chars, start, length)));
        }

        return hash.ToHashCode();
    }

    private bool SameId(int a, int b)
    {
        int startA = _offsets[a], lengthA = _offsets[a + 1] - startA;
        int startB = _offsets[b], lengthB = _offsets[b + 1] - startB;
        if (lengthA != lengthB)
        {
            return false;
        }

        return _ascii is { } bytes
            ? new ReadOnlySpan<byte>(bytes, startA, lengthA).SequenceEqual(new ReadOnlySpan<byte>(bytes, startB, lengthB))
            : new ReadOnlySpan<char>(_chars, startA, lengthA).SequenceEqual(new ReadOnlySpan<char>(_chars, startB, lengthB));
    }
#endif

    /// <summary>Collects ids.</summary>
    internal sealed class Builder
    {
        private readonly GrowableArray<int> _offsets;
        private byte[]? _ascii;
        private char[]? _chars;
        private int _length;

        /// <param name="capacity">Rows expected (the column grows past it).</param>
        /// <param name="characters">Characters of all ids expected.</param>
        internal Builder(int capacity = 16, int characters = 64)
        {
            _offsets = new GrowableArray<int>(capacity + 1);
            _ascii = new byte[Math.Max(64, characters)];
            _offsets.Add(0);
        }

        internal int Count => _offsets.Count - 1;

        internal void Add(string id) => Add(id.AsSpan());

        internal void Add(ReadOnlySpan<char> id)
        {
            if (_ascii is not null && !IsAscii(id))
            {
                _chars = new char[Math.Max(64, _ascii.Length)];
                for (var i = 0; i < _length; i++)
                {
                    _chars[i] = (char)_ascii[i];
                }

                _ascii = null;
            }

            if (_ascii is not null)
            {
                Ensure(ref _ascii, id.Length);
                for (var i = 0; i < id.Length; i++)
                {
                    _ascii[_length + i] = (byte)id[i];
                }
            }
            else
            {
                Ensure(ref _chars!, id.Length);
                id.CopyTo(_chars.AsSpan(_length));
            }

            _length += id.Length;
            _offsets.Add(_length);
        }

        /// <summary>The parts' ids end to end in one column; each part is emptied as it is copied.</summary>
        internal static IdColumn Combine(IReadOnlyList<Builder> parts)
        {
            var rows = 0;
            var length = 0;
            var ascii = true;
            foreach (var part in parts)
            {
                rows += part.Count;
                length += part._length;
                ascii &= part._ascii is not null;
            }

            var bytes = ascii ? new byte[length] : null;
            var chars = ascii ? null : new char[length];
            var offsets = new int[rows + 1];
            var row = 1;
            var at = 0;
            foreach (var part in parts)
            {
                if (bytes is not null)
                {
                    Array.Copy(part._ascii!, 0, bytes, at, part._length);
                }
                else if (part._ascii is { } b)
                {
                    for (var i = 0; i < part._length; i++)
                    {
                        chars![at + i] = (char)b[i];
                    }
                }
                else
                {
                    Array.Copy(part._chars!, 0, chars!, at, part._length);
                }

                for (var i = 1; i <= part.Count; i++)
                {
                    offsets[row++] = part._offsets[i] + at;
                }

                at += part._length;
                part._ascii = Array.Empty<byte>();
                part._chars = null;
                part._length = 0;
            }

            return new IdColumn(bytes, chars, offsets);
        }

        internal IdColumn ToColumn()
        {
            if (_ascii is not null)
            {
                Array.Resize(ref _ascii, _length);
            }
            else
            {
                Array.Resize(ref _chars, _length);
            }

            return new IdColumn(_ascii, _chars, _offsets.ToArray());
        }

        private void Ensure<T>(ref T[] array, int more)
        {
            if (_length + more > array.Length)
            {
                Array.Resize(ref array, Math.Max(array.Length * 2, _length + more));
            }
        }

        private static bool IsAscii(ReadOnlySpan<char> s)
        {
            foreach (var c in s)
            {
                if (c > 0x7F)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
