using System.Runtime.CompilerServices;

namespace LeadAnalytics.Data;

/// <summary>
/// Dictionary codes, one per row (or per tag entry), stored as narrow as the column's cardinality allows: one byte per
/// code up to 256 distinct values, two up to 65,536, four beyond. Reads widen to int.
/// </summary>
/// <remarks>Exactly one of <see cref="Bytes"/>, <see cref="Shorts"/> and <see cref="Ints"/> is set; hot loops may switch on
/// <see cref="Width"/> once and read that array directly.</remarks>
internal sealed class CodeColumn
{
    internal static readonly CodeColumn Empty = new(Array.Empty<byte>(), null, null, 0);

    private CodeColumn(byte[]? bytes, ushort[]? shorts, int[]? ints, int length)
    {
        Bytes = bytes;
        Shorts = shorts;
        Ints = ints;
        Length = length;
    }

    internal byte[]? Bytes { get; }

    internal ushort[]? Shorts { get; }

    internal int[]? Ints { get; }

    internal int Length { get; }

    /// <summary>Bytes per code: 1, 2 or 4.</summary>
    internal int Width => Bytes is not null ? 1 : Shorts is not null ? 2 : 4;

    internal long ResidentBytes => (long)Length * Width;

    internal int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Bytes is { } b ? b[index] : Shorts is { } s ? s[index] : Ints![index];
    }

    /// <summary>Collects codes, widening the storage when a code no longer fits.</summary>
    internal sealed class Builder
    {
        private byte[]? _bytes;
        private ushort[]? _shorts;
        private int[]? _ints;

        /// <param name="capacity">Rows expected (the column grows past it).</param>
        internal Builder(int capacity = 16) => _bytes = new byte[Math.Max(16, capacity)];

        internal int Count { get; private set; }

        /// <summary>Rows the builder holds without growing.</summary>
        internal int Capacity => _bytes?.Length ?? _shorts?.Length ?? _ints!.Length;

        internal int this[int row] => _bytes is { } b ? b[row] : _shorts is { } s ? s[row] : _ints![row];

        /// <summary>Drops the codes (after they were copied elsewhere).</summary>
        internal void Release()
        {
            _bytes = Array.Empty<byte>();
            _shorts = null;
            _ints = null;
            Count = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void Add(int code)
        {
            if (_bytes is { } b && code <= byte.MaxValue && Count < b.Length)
            {
                b[Count++] = (byte)code;
                return;
            }

            AddSlow(code);
        }

        /// <summary>Appends <paramref name="source"/>'s codes, each code c as map[c] (joining parts recoded to shared codes).</summary>
        internal void AddMapped(Builder source, int[] map)
        {
            var n = source.Count;
            if (_bytes is { } b && source._bytes is { } from)
            {
                // Byte codes in, byte codes out when every code the map gives fits a byte: a plain loop over the arrays.
                var fits = true;
                foreach (var code in map)
                {
                    fits &= code <= byte.MaxValue;
                }

                if (fits)
                {
                    if (Count + n > b.Length)
                    {
                        Array.Resize(ref _bytes, Math.Max(b.Length * 2, Count + n));
                        b = _bytes;
                    }

                    var at = Count;
                    for (var i = 0; i < n; i++)
                    {
                        b[at + i] = (byte)map[from[i]];
                    }

                    Count += n;
                    return;
                }
            }

            for (var i = 0; i < n; i++)
            {
                Add(map[source[i]]);
            }
        }

        internal CodeColumn ToColumn()
        {
            if (_bytes is { } b)
            {
                return new CodeColumn(Trim(b, Count), null, null, Count);
            }

            return _shorts is { } s ? new CodeColumn(null, Trim(s, Count), null, Count) : new CodeColumn(null, null, Trim(_ints!, Count), Count);
        }

        private void AddSlow(int code)
        {
            if (_bytes is { } b)
            {
                if (code <= byte.MaxValue)
                {
                    Array.Resize(ref _bytes, b.Length * 2);
                    _bytes[Count++] = (byte)code;
                    return;
                }

                if (code <= ushort.MaxValue)
                {
                    _shorts = new ushort[Math.Max(16, b.Length)];
                    for (var i = 0; i < Count; i++)
                    {
                        _shorts[i] = b[i];
                    }
                }
                else
                {
                    _ints = new int[Math.Max(16, b.Length)];
                    for (var i = 0; i < Count; i++)
                    {
                        _ints[i] = b[i];
                    }
                }

                _bytes = null;
            }

            if (_shorts is { } s)
            {
                if (code > ushort.MaxValue)
                {
                    _ints = new int[s.Length];
                    for (var i = 0; i < Count; i++)
                    {
                        _ints[i] = s[i];
                    }

                    _shorts = null;
                }
                else
                {
                    if (Count == s.Length)
                    {
                        Array.Resize(ref _shorts, s.Length * 2);
                    }

                    _shorts[Count++] = (ushort)code;
                    return;
                }
            }

            if (Count == _ints!.Length)
            {
                Array.Resize(ref _ints, _ints.Length * 2);
            }

            _ints[Count++] = code;
        }

        private static T[] Trim<T>(T[] array, int count)
        {
            if (array.Length == count)
            {
                return array;
            }

            var trimmed = new T[count];
            Array.Copy(array, trimmed, count);
            return trimmed;
        }
    }
}
