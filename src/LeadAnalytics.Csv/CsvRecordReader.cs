using System.Text;
using LeadAnalytics.Quality;
using Sylvan.Data.Csv;

namespace LeadAnalytics.Csv;

/// <summary>
/// Streams the rows of one CSV file: header issues first (<see cref="HeaderIssues"/>), then one <see cref="CsvRow{T}"/> per
/// data row from <see cref="ReadRows"/>. Nothing is kept between rows except the counts (and, for leads, the ids seen when
/// <see cref="CsvReadOptions.CheckDuplicateIds"/> is on), so memory is bounded by what the caller keeps.
/// </summary>
/// <typeparam name="T">The record type: <see cref="Lead"/>, <see cref="CostEntry"/>, <see cref="Touchpoint"/> or <see cref="PathRow"/>.</typeparam>
/// <remarks>Created by <c>LeadCsv.Open</c>, <c>CostCsv.Open</c>, <c>TouchpointCsv.Open</c> and <c>PathCsv.Open</c>. Tokenising is
/// Sylvan.Data.Csv's (RFC 4180: quoted fields may hold delimiters, quotes and line breaks). Not thread-safe; dispose it.</remarks>
public sealed class CsvRecordReader<T> : IDisposable
    where T : class
{
    private const int MaxRecordChars = 16 * 1024 * 1024;
    private readonly CsvDataReader _csv;
    private readonly IRecordParser<T> _parser;
    private readonly RowContext _context;
    private readonly bool[] _blankHeader;
    private long _nextLine;
    private bool _started;

    private CsvRecordReader(CsvDataReader csv, IRecordParser<T> parser, RowContext context, char delimiter, string encodingName,
        IReadOnlyList<string> headers, List<DataQualityIssue> headerIssues, long firstDataLine)
    {
        _csv = csv;
        _parser = parser;
        _context = context;
        Delimiter = delimiter;
        EncodingName = encodingName;
        Headers = headers;
        HeaderIssues = headerIssues;
        _nextLine = firstDataLine;
        _blankHeader = headers.Select(string.IsNullOrWhiteSpace).ToArray();
    }

    /// <summary>The file name given, or <see langword="null"/>.</summary>
    public string? File => _context.File;

    /// <summary>The delimiter used (given or detected).</summary>
    public char Delimiter { get; }

    /// <summary>The encoding used, as a web name (<c>utf-8</c>, <c>gb18030</c>), or <c>text</c> for a <see cref="TextReader"/> input.</summary>
    public string EncodingName { get; }

    /// <summary>The header cells as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Issues of the header: unknown, duplicate or missing columns.</summary>
    public IReadOnlyList<DataQualityIssue> HeaderIssues { get; }

    /// <summary>Data rows read so far (blank rows are skipped and not counted).</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows rejected so far.</summary>
    public long RowsRejected { get; private set; }

    /// <summary>Rows accepted so far: <see cref="RowsRead"/> minus <see cref="RowsRejected"/>.</summary>
    public long RowsAccepted => RowsRead - RowsRejected;

    internal static CsvRecordReader<T> Create(TextReader text, bool leaveOpen, string encodingName, string? file, CsvReadOptions options, IRecordParser<T> parser)
    {
        var context = new RowContext(file, options);
        long line = 1;
        long headerBytes = 0;
        string header;
        try
        {
            header = ReadHeaderLine(text, file, ref line, ref headerBytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw Broken($"The bytes are not valid {encodingName}; set CsvReadOptions.Encoding.", file, line, ex, leaveOpen, text);
        }

        if (header.Trim().Length == 0)
        {
            throw Broken("The file is empty: it has no header row.", file, line, null, leaveOpen, text);
        }

        var delimiter = options.Delimiter ?? TextSource.DetectDelimiter(header);
        var sylvan = new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = delimiter,
            Quote = '"',
            Escape = '"',
            CsvStyle = CsvStyle.Standard,
            Comment = '\uFFFF', // no comment lines: a lead id may start with '#'
            BufferSize = 64 * 1024,
            MaxBufferSize = MaxRecordChars,
            OwnsReader = true,
            HeaderComparer = StringComparer.Ordinal,
        };
        CsvDataReader csv;
        var reader = new PrefixTextReader(header, text, leaveOpen);
        try
        {
            csv = CsvDataReader.Create(reader, sylvan);
        }
        catch (Exception ex) when (IsFormatFault(ex))
        {
            reader.Dispose();
            throw Broken(Describe(ex), file, line, ex, true, text);
        }

        var headers = new string[csv.FieldCount];
        var headerBreaks = 0;
        for (var i = 0; i < headers.Length; i++)
        {
            headers[i] = csv.GetName(i) ?? string.Empty;
            headerBreaks += CountLineBreaks(headers[i]);
        }

        if (headers.Length > 0)
        {
            headers[0] = headers[0].TrimStart('\uFEFF');
        }

        context.Line = line;
        var headerIssues = new List<DataQualityIssue>();
        try
        {
            parser.Bind(headers, context, headerIssues);
        }
        catch
        {
            csv.Dispose();
            throw;
        }

        return new CsvRecordReader<T>(csv, parser, context, delimiter, encodingName, headers, headerIssues, line + 1 + headerBreaks)
        {
            HeaderUtf8Bytes = headerBytes,
        };
    }

    /// <summary>The UTF-8 length of everything read up to the end of the header line (blank lines and a byte order mark
    /// character before it included): where the data starts when the text is UTF-8.</summary>
    internal long HeaderUtf8Bytes { get; private init; }

    /// <summary>The line number the next row gets (the parallel import numbers each part from 1 and shifts afterwards).</summary>
    internal long NextLine
    {
        get => _nextLine;
        set => _nextLine = value;
    }

#if NET8_0_OR_GREATER
    /// <summary>When set (before the rows are read), batches are filled from these bytes instead of the tokenizer.</summary>
    internal Utf8Rows? Utf8Source { get; set; }
#endif

    /// <summary>Reads the rows, once. Each row is parsed when the enumeration reaches it.</summary>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="InvalidOperationException">Called a second time.</exception>
    /// <exception cref="CsvImportException">The file turns out broken (see the exception's remarks); rows before it were delivered.</exception>
    public IEnumerable<CsvRow<T>> ReadRows()
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of a CsvRecordReader can be read once.");
        }

        _started = true;
        return Rows();
    }

    private IEnumerable<CsvRow<T>> Rows()
    {
        var headerCount = Headers.Count;
        var extras = new List<string>();
        while (true)
        {
            var line = _nextLine;
            if (!Advance(line))
            {
                yield break;
            }

            var fieldCount = _csv.RowFieldCount;
            var cells = new string[headerCount];
            var breaks = 0;
            var blank = true;
            extras.Clear();
            for (var i = 0; i < fieldCount; i++)
            {
                var value = _csv.GetString(i) ?? string.Empty;
                breaks += CountLineBreaks(value);
                blank &= IsBlank(value);
                if (i < headerCount && !_blankHeader[i])
                {
                    cells[i] = value;
                }
                else if (!IsBlank(value))
                {
                    extras.Add(value);
                }
            }

            for (var i = 0; i < headerCount; i++)
            {
                cells[i] ??= string.Empty;
            }

            _nextLine = line + 1 + breaks;
            if (blank)
            {
                continue;
            }

            RowsRead++;
            _context.Line = line;
            var issues = new List<DataQualityIssue>();
            if (extras.Count > 0)
            {
                var raw = string.Join(Delimiter.ToString(), extras);
                issues.Add(_context.Issue(DataQualityRule.ExtraFields, IssueSeverity.Warning,
                    $"The row has {extras.Count} value(s) beyond the named columns; they are not read.", null, raw));
            }

            var record = _parser.Parse(cells, _context, issues);
            var hasError = issues.Any(i => i.Severity == IssueSeverity.Error);
            if (record is null && !hasError)
            {
                issues.Add(_context.Issue(DataQualityRule.InvalidRecord, IssueSeverity.Error, "The row could not be read as a record.", null, null));
                hasError = true;
            }

            if (hasError)
            {
                record = null;
                RowsRejected++;
            }

            yield return new CsvRow<T>(line, record, issues);
        }
    }

    /// <summary>Reads the rows in batches of copied cells and hands each batch to <paramref name="consume"/> in file order.
    /// With <paramref name="pipelined"/>, tokenizing runs on a second thread while the caller's thread consumes the previous
    /// batch (two cores: one tokenizes and copies, one parses); the order of rows, lines and issues is the same either way.</summary>
    /// <exception cref="InvalidOperationException">The rows were already read.</exception>
    /// <exception cref="CsvImportException">The file turns out broken; batches before it were consumed.</exception>
    internal void ReadBatches(Action<RowBatch> consume, bool pipelined, Action<RowBatch>? prepare = null, int batchRows = 8192)
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of a CsvRecordReader can be read once.");
        }

        _started = true;
        if (!pipelined)
        {
            var batch = new RowBatch(Headers.Count, batchRows);
            prepare?.Invoke(batch);
            while (Fill(batch))
            {
                consume(batch);
            }

            if (batch.Count > 0)
            {
                consume(batch);
            }

            return;
        }

        using var full = new System.Collections.Concurrent.BlockingCollection<RowBatch>(2);
        using var empty = new System.Collections.Concurrent.BlockingCollection<RowBatch>(3);
        for (var i = 0; i < 3; i++)
        {
            var batch = new RowBatch(Headers.Count, batchRows);
            prepare?.Invoke(batch);
            empty.Add(batch);
        }

        using var stop = new CancellationTokenSource();
        Exception? fault = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                while (true)
                {
                    var batch = empty.Take(stop.Token);
                    var more = Fill(batch);
                    if (batch.Count > 0)
                    {
                        full.Add(batch, stop.Token);
                    }

                    if (!more)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped early.
            }
            catch (Exception ex)
            {
                fault = ex;
            }
            finally
            {
                full.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            foreach (var batch in full.GetConsumingEnumerable())
            {
                consume(batch);
                empty.Add(batch);
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }

        if (fault is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
        }
    }

    /// <summary>Fills a batch (cleared first) until it is full or the file ends; returns false at the end of the file.</summary>
    private bool Fill(RowBatch batch)
    {
#if NET8_0_OR_GREATER
        if (Utf8Source is { } fast)
        {
            return FillFast(batch, fast);
        }
#endif

        batch.Clear();
        while (!batch.IsFull)
        {
            var line = _nextLine;
            if (!Advance(line))
            {
                return false;
            }

            batch.Add(_csv, _blankHeader, Delimiter, line, out var breaks);
            _nextLine = line + 1 + breaks;
        }

        return true;
    }

#if NET8_0_OR_GREATER
    private bool FillFast(RowBatch batch, Utf8Rows source)
    {
        batch.Clear();
        while (!batch.IsFull)
        {
            var line = _nextLine;
            if (!source.TryReadLine(out var bytes))
            {
                return false;
            }

            batch.AddLine(bytes, _blankHeader, Delimiter, line);
            _nextLine = line + 1;
        }

        return true;
    }
#endif

    /// <summary>Counts a row read by a batch consumer, and whether it was rejected.</summary>
    internal void CountRow(bool rejected)
    {
        RowsRead++;
        RowsRejected += rejected ? 1 : 0;
    }

    internal RowContext Context => _context;

    private bool Advance(long line)
    {
        try
        {
            return _csv.Read();
        }
        catch (Exception ex) when (IsFormatFault(ex))
        {
            throw new CsvImportException(Describe(ex), File, line, ex);
        }
    }

    /// <summary>Disposes the underlying reader (and the stream when the reader opened it).</summary>
    public void Dispose() => _csv.Dispose();

    private static bool IsBlank(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFormatFault(Exception ex) =>
        ex is Sylvan.Data.Csv.CsvFormatException or CsvRecordTooLargeException or CsvMissingHeadersException or DecoderFallbackException
            or CsvConfigurationException;

    private static string Describe(Exception ex) => ex switch
    {
        CsvRecordTooLargeException => $"A record is longer than {MaxRecordChars} characters (an unclosed quote swallows the rest of a file).",
        DecoderFallbackException => "The bytes are not valid in the file's encoding; set CsvReadOptions.Encoding (for example CsvEncodings.Gb18030).",
        CsvMissingHeadersException => "The file is empty: it has no header row.",
        _ => "Malformed CSV: " + ex.Message,
    };

    private static CsvImportException Broken(string message, string? file, long line, Exception? inner, bool leaveOpen, TextReader text)
    {
        if (!leaveOpen)
        {
            text.Dispose();
        }

        return new CsvImportException(message, file, line, inner);
    }

    internal static int CountLineBreaks(string value)
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

    /// <summary>Reads up to the end of the first non-blank line (outside quotes), skipping blank lines before it.</summary>
    private static string ReadHeaderLine(TextReader text, string? file, ref long line, ref long utf8Bytes)
    {
        var sb = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = text.Read();
            if (c < 0)
            {
                return sb.ToString();
            }

            utf8Bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate((char)c) ? 2 : 3;

            if (c == '\uFEFF' && sb.Length == 0)
            {
                continue;
            }

            sb.Append((char)c);
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                if (c == '\r' && text.Peek() == '\n')
                {
                    sb.Append((char)text.Read());
                    utf8Bytes++;
                }

                if (sb.ToString().Trim().Length > 0)
                {
                    return sb.ToString();
                }

                sb.Clear();
                line++;
            }

            if (sb.Length > MaxRecordChars)
            {
                throw new CsvImportException($"The header is longer than {MaxRecordChars} characters.", file, line);
            }
        }
    }
}
