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

    /// <summary>Collects ids.</summary>
    internal sealed class Builder
    {
        private readonly GrowableArray<int> _offsets = new();
        private byte[]? _ascii = new byte[64];
        private char[]? _chars;
        private int _length;

        internal Builder() => _offsets.Add(0);

        internal int Count => _offsets.Count - 1;

        internal void Add(string id)
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
                id.CopyTo(0, _chars, _length, id.Length);
            }

            _length += id.Length;
            _offsets.Add(_length);
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

        private static bool IsAscii(string s)
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
