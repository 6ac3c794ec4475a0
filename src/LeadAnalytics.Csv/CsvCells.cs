namespace LeadAnalytics.Csv;

/// <summary>The cells of one row, one per header column (empty when the row is short): either strings or a row of a
/// <see cref="RowBatch"/>. Parsers read characters without making strings, and strings only where they keep or report one.</summary>
internal readonly struct CsvCells
{
    private readonly string[]? _strings;
    private readonly RowBatch? _batch;
    private readonly int _base;
    private readonly int _row;

    internal CsvCells(string[] strings)
    {
        _strings = strings;
        _batch = null;
        _base = 0;
        _row = 0;
    }

    internal CsvCells(RowBatch batch, int row)
    {
        _strings = null;
        _batch = batch;
        _base = row * batch.Columns;
        _row = row;
    }

    internal ReadOnlySpan<char> Span(int column) =>
        _strings is { } s ? s[column].AsSpan() : new ReadOnlySpan<char>(_batch!.Chars, _batch.Starts[_base + column], _batch.Lengths[_base + column]);

    internal bool IsBlank(int column)
    {
        var span = Span(column);
        return span.Length == 0 || (RowBatch.IsWhiteSpace(span[0]) && RowBatch.IsBlank(span));
    }

    /// <summary>Reads a cell as an instant, ready-made when the batch parsed it while copying.</summary>
    internal bool TryParseInstant(int column, TimeZoneInfo zone, TimeSpan? fixedOffset, out DateTimeOffset value)
    {
        if (_batch is not null)
        {
            var state = _batch.TryGetInstant(_row, column, out value);
            if (state != 0)
            {
                return state == 1;
            }
        }

        return CsvValues.TryParseInstant(Span(column), zone, fixedOffset, out value, out _);
    }

    internal string GetString(int column) => _strings is { } s ? s[column] : Span(column).ToString();
}
