using Sylvan.Data.Csv;

namespace LeadAnalytics.Csv;

/// <summary>
/// Rows of one CSV file copied out of the tokenizer's buffer: every cell's characters end to end in one array, with start and
/// length per cell, the line each row starts at, and the values beyond the named columns. Filled on one thread and parsed on
/// another (the import pipeline), then cleared and reused.
/// </summary>
internal sealed class RowBatch
{
    private const int CharBudget = 1 << 20;
    private char[] _chars = new char[CharBudget + (1 << 16)];
    private int _used;

    private int[]? _instantSlot;
    private TimeZoneInfo? _zone;
    private TimeSpan? _fixedOffset;
    private DateTimeOffset[] _instants = Array.Empty<DateTimeOffset>();
    private byte[] _instantStates = Array.Empty<byte>();
    private int _instantColumns;

    internal RowBatch(int columns, int capacity)
    {
        Columns = columns;
        Capacity = capacity;
        Starts = new int[columns * capacity];
        Lengths = new int[columns * capacity];
        Lines = new long[capacity];
        Extras = new string?[capacity];
        ExtraCounts = new int[capacity];
    }

    internal int Columns { get; }

    internal int Capacity { get; }

    internal int Count { get; private set; }

    internal char[] Chars => _chars;

    internal int[] Starts { get; }

    internal int[] Lengths { get; }

    internal long[] Lines { get; }

    // The values beyond the named columns (or under blank headers), joined by the delimiter, and how many there were.
    internal string?[] Extras { get; }

    internal int[] ExtraCounts { get; }

    internal bool IsFull => Count == Capacity || _used >= CharBudget;

    /// <summary>Parses the cells of the given columns as instants while copying (on the tokenizing thread), so the parsing
    /// thread reads them ready-made; the result is that of <see cref="CsvValues.TryParseInstant(ReadOnlySpan{char}, TimeZoneInfo, TimeSpan?, out DateTimeOffset, out bool)"/>.</summary>
    internal void ParseInstants(IReadOnlyList<int> columns, TimeZoneInfo zone, TimeSpan? fixedOffset)
    {
        _instantSlot = new int[Columns];
        for (var i = 0; i < Columns; i++)
        {
            _instantSlot[i] = -1;
        }

        for (var k = 0; k < columns.Count; k++)
        {
            _instantSlot[columns[k]] = k;
        }

        _instantColumns = columns.Count;
        _instants = new DateTimeOffset[Capacity * columns.Count];
        _instantStates = new byte[Capacity * columns.Count];
        _zone = zone;
        _fixedOffset = fixedOffset;
    }

    /// <summary>The instant of a cell parsed while copying: 0 when the column is not parsed ahead (parse the text), 1 when
    /// it is an instant, 2 when it is not one.</summary>
    internal int TryGetInstant(int row, int column, out DateTimeOffset value)
    {
        value = default;
        if (_instantSlot is null || _instantSlot[column] < 0)
        {
            return 0;
        }

        var i = (row * _instantColumns) + _instantSlot[column];
        value = _instants[i];
        return _instantStates[i];
    }

    /// <summary>A copy that the reader will not reuse (tests and profiling keep batches).</summary>
    internal RowBatch Copy()
    {
        var copy = new RowBatch(Columns, Math.Max(1, Count));
        Array.Resize(ref copy._chars, _used);
        Array.Copy(_chars, copy._chars, _used);
        copy._used = _used;
        Array.Copy(Starts, copy.Starts, Count * Columns);
        Array.Copy(Lengths, copy.Lengths, Count * Columns);
        Array.Copy(Lines, copy.Lines, Count);
        Array.Copy(Extras, copy.Extras, Count);
        Array.Copy(ExtraCounts, copy.ExtraCounts, Count);
        if (_instantSlot is not null)
        {
            copy._instantSlot = _instantSlot;
            copy._instantColumns = _instantColumns;
            copy._instants = (DateTimeOffset[])_instants.Clone();
            copy._instantStates = (byte[])_instantStates.Clone();
        }

        copy.Count = Count;
        return copy;
    }

    internal void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Copies the current row of <paramref name="csv"/> unless it is blank.</summary>
    /// <param name="csv">The tokenizer, positioned on a row.</param>
    /// <param name="blankHeader">Which columns have a blank header (their values are extras).</param>
    /// <param name="delimiter">The delimiter, to join extras.</param>
    /// <param name="line">The line the row starts at.</param>
    /// <param name="breaks">The line breaks inside the row's quoted values.</param>
    /// <returns>Whether the row was kept (not blank).</returns>
    internal bool Add(CsvDataReader csv, bool[] blankHeader, char delimiter, long line, out int breaks)
    {
        var row = Count;
        var baseIndex = row * Columns;
        var fieldCount = csv.RowFieldCount;
        var blank = true;
        breaks = 0;
        List<string>? extras = null;
        var start = _used;
        for (var i = 0; i < fieldCount; i++)
        {
#if NETSTANDARD2_0
            var value = (csv.GetString(i) ?? string.Empty).AsSpan();
#else
            var value = csv.GetFieldSpan(i);
#endif
            if (value.IndexOfAny('\r', '\n') >= 0)
            {
                breaks += CountLineBreaks(value);
            }

            var isBlank = IsBlank(value);
            blank &= isBlank;
            if (i < Columns && !blankHeader[i])
            {
                Reserve(value.Length);
                value.CopyTo(_chars.AsSpan(_used));
                Starts[baseIndex + i] = _used;
                Lengths[baseIndex + i] = value.Length;
                _used += value.Length;
            }
            else
            {
                if (i < Columns)
                {
                    Lengths[baseIndex + i] = 0;
                }

                if (!isBlank)
                {
                    (extras ??= new List<string>()).Add(value.ToString());
                }
            }
        }

        for (var i = fieldCount; i < Columns; i++)
        {
            Lengths[baseIndex + i] = 0;
        }

        if (blank)
        {
            _used = start;
            return false;
        }

        Finish(row, baseIndex, line, extras, delimiter);
        return true;
    }

#if NET8_0_OR_GREATER
    /// <summary>Adds one line of a simple UTF-8 file (<see cref="Utf8Rows"/>: no quote, no line break inside, valid UTF-8)
    /// unless it is blank: the characters are decoded once into the batch and each cell is where it lies. The same row as
    /// <see cref="Add"/> makes from the tokenizer for that line.</summary>
    /// <returns>Whether the row was kept (not blank).</returns>
    internal bool AddLine(ReadOnlySpan<byte> utf8, bool[] blankHeader, char delimiter, long line)
    {
        Reserve(utf8.Length);
        var start = _used;
        var status = System.Text.Unicode.Utf8.ToUtf16(utf8, _chars.AsSpan(start), out _, out var length, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new Utf8Rows.NotSimpleException();
        }

        var row = Count;
        var baseIndex = row * Columns;
        var text = new ReadOnlySpan<char>(_chars, start, length);
        var blank = true;
        List<string>? extras = null;
        var i = 0;
        var from = 0;
        while (true)
        {
            // Cells are short (a date, a code, an amount): a plain scan beats a vectorised search started once per cell.
            var end = from;
            while (end < text.Length && text[end] != delimiter)
            {
                end++;
            }

            var k = end < text.Length ? end - from : -1;
            var cellLength = end - from;
            var value = text.Slice(from, cellLength);
            var isBlank = IsBlank(value);
            blank &= isBlank;
            if (i < Columns && !blankHeader[i])
            {
                Starts[baseIndex + i] = start + from;
                Lengths[baseIndex + i] = cellLength;
            }
            else
            {
                if (i < Columns)
                {
                    Lengths[baseIndex + i] = 0;
                }

                if (!isBlank)
                {
                    (extras ??= new List<string>()).Add(value.ToString());
                }
            }

            i++;
            if (k < 0)
            {
                break;
            }

            from += k + 1;
        }

        for (; i < Columns; i++)
        {
            Lengths[baseIndex + i] = 0;
        }

        if (blank)
        {
            return false;
        }

        _used = start + length;
        Finish(row, baseIndex, line, extras, delimiter);
        return true;
    }
#endif

    // The end of adding a kept row: instants parsed ahead, line, extras.
    private void Finish(int row, int baseIndex, long line, List<string>? extras, char delimiter)
    {
        if (_instantSlot is not null)
        {
            for (var c = 0; c < Columns; c++)
            {
                var slot = _instantSlot[c];
                if (slot >= 0 && Lengths[baseIndex + c] > 0)
                {
                    var i = (row * _instantColumns) + slot;
                    var span = new ReadOnlySpan<char>(_chars, Starts[baseIndex + c], Lengths[baseIndex + c]);
                    _instantStates[i] = CsvValues.TryParseInstant(span, _zone!, _fixedOffset, out _instants[i], out _) ? (byte)1 : (byte)2;
                }
            }
        }

        Lines[row] = line;
        Extras[row] = extras is null ? null : string.Join(delimiter.ToString(), extras);
        ExtraCounts[row] = extras?.Count ?? 0;
        Count++;
    }

    private void Reserve(int length)
    {
        if (_used + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + length));
        }
    }

    internal static bool IsBlank(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><see cref="char.IsWhiteSpace(char)"/> without its table lookup for the CJK text most cells hold: the same set,
    /// written out (ASCII controls 9 to 13 and space, U+0085, U+00A0 and the Unicode separators).</summary>
    internal static bool IsWhiteSpace(char c) =>
        c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r')
        : c >= '\u0085' && (c == '\u0085' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
            || c == '\u202F' || c == '\u205F' || c == '\u3000');

    /// <summary><see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/> with <see cref="IsWhiteSpace"/>.</summary>
    internal static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value)
    {
        var start = 0;
        while (start < value.Length && IsWhiteSpace(value[start]))
        {
            start++;
        }

        var end = value.Length;
        while (end > start && IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return value.Slice(start, end - start);
    }

    internal static int CountLineBreaks(ReadOnlySpan<char> value)
    {
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n' || (value[i] == '\r' && (i + 1 == value.Length || value[i + 1] != '\n')))
            {
                n++;
            }
        }

        return n;
    }
}
