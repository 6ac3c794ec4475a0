using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Streams a tracking table straight into a <see cref="LeadTableBuilder"/>: rows are tokenized into batches (on a
/// second thread when there are two cores), each row parsed into one reused <see cref="LeadRecord"/>, checked by the engine's
/// rules and appended; no <see cref="Lead"/> object and no per-cell string for the repeating columns.</summary>
internal static class LeadTableImport
{
    /// <summary>The least data bytes per part when a file is read in parallel parts: smaller files are read in one pass.</summary>
    internal const long MinPartBytes = 4L << 20;

    /// <summary>Imports a file: through <see cref="Run(Stream, CsvReadOptions?, string?, LeadTableOptions?, bool?, int, int, Action{bool}?, long, int?, Action{int}?)"/>
    /// on a stream this import owns.</summary>
    internal static LeadTableImportResult Run(string path, CsvReadOptions? options, LeadTableOptions? tableOptions)
    {
        Preconditions.CheckNotNull(path);

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        return Run(stream, options, System.IO.Path.GetFileName(path), tableOptions);
    }

    /// <summary>Imports a stream (left open). A seekable UTF-8 stream is first read straight from its bytes
    /// (<c>Utf8Rows</c>, .NET 8 and later); at the first line that needs the general reader (a quote, a carriage return, a bad byte) the
    /// import starts again from the stream's start on the general reader, so the result is always the general reader's.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues.</param>
    /// <param name="tableOptions">How to build the table.</param>
    /// <param name="pipelined">Two threads (default: when there are two cores).</param>
    /// <param name="batchRows">Rows per batch.</param>
    /// <param name="readSize">Bytes per read on the fast path (tests force tiny reads).</param>
    /// <param name="usedFast">Told whether the fast path gave the result (tests).</param>
    /// <param name="partBytes">The least bytes per part for reading a file in parallel parts (tests force small parts).</param>
    /// <param name="parts">The most parts (default: one per core, at most 8).</param>
    /// <param name="usedParts">Told how many parts a parallel read used (tests).</param>
    internal static LeadTableImportResult Run(
        Stream stream, CsvReadOptions? options, string? fileName, LeadTableOptions? tableOptions, bool? pipelined = null, int batchRows = 8192,
        int readSize = 1 << 20, Action<bool>? usedFast = null, long partBytes = MinPartBytes, int? parts = null, Action<int>? usedParts = null)
    {
        Preconditions.CheckNotNull(stream);

#if NET8_0_OR_GREATER
        if (stream.CanSeek)
        {
            var origin = stream.Position;
            var fastParser = new LeadRowParser();
            var reader = CsvOpen.Stream(stream, options, fileName, fastParser, leaveOpen: true, out var dataStart);
            if (dataStart is { } start && Utf8Rows.Supports(reader.Delimiter))
            {
                try
                {
                    if (stream is FileStream file && (pipelined ?? Environment.ProcessorCount > 1) &&
                        ParallelLeadImport.TryRun(file, origin, start, reader, fileName, tableOptions, batchRows, readSize, partBytes, parts ?? Math.Min(Environment.ProcessorCount, 8)) is { } parallel)
                    {
                        reader.Dispose();
                        usedFast?.Invoke(true);
                        usedParts?.Invoke(parallel.Parts);
                        return parallel.Result;
                    }

                    stream.Position = origin + start;
                    reader.Utf8Source = new Utf8Rows(stream, readSize);
                    var result = Run(reader, fastParser, tableOptions, pipelined, batchRows);
                    usedFast?.Invoke(true);
                    return result;
                }
                catch (Utf8Rows.NotSimpleException)
                {
                    // Start again on the general reader below.
                }
            }
            else
            {
                reader.Dispose();
            }

            stream.Position = origin;
        }
#endif

        usedFast?.Invoke(false);
        var parser = new LeadRowParser();
        return Run(CsvOpen.Stream(stream, options, fileName, parser), parser, tableOptions, pipelined, batchRows);
    }

    internal static LeadTableImportResult Run(
        CsvRecordReader<Lead> reader, LeadRowParser parser, LeadTableOptions? tableOptions, bool? pipelined = null, int batchRows = 8192)
    {
        using (reader)
        {
            tableOptions = TableOptions(reader.Context.Options, tableOptions);
            var builder = new LeadTableBuilder(tableOptions);
            var issues = new List<DataQualityIssue>(reader.HeaderIssues);
            Consume(reader, parser, builder, issues, pipelined ?? Environment.ProcessorCount > 1, batchRows, null);
            return new LeadTableImportResult(builder.ToTable(), issues, reader.RowsRead, reader.RowsRejected, reader.File, reader.Delimiter,
                reader.EncodingName, reader.Headers);
        }
    }

    /// <summary>The table options for a CSV's rows: the CSV's pipeline unless given; a different pipeline is refused.</summary>
    internal static LeadTableOptions TableOptions(CsvReadOptions options, LeadTableOptions? tableOptions)
    {
        tableOptions ??= new LeadTableOptions { Pipeline = options.Pipeline };
        if (tableOptions.Pipeline is { } p && p.Count != options.Pipeline.Count)
        {
            throw new ArgumentException($"The table's pipeline '{p.Name}' is not the CSV options' pipeline '{options.Pipeline.Name}'.", nameof(tableOptions));
        }

        return tableOptions;
    }

    /// <summary>Reads every row of <paramref name="reader"/> into <paramref name="builder"/>, appending row issues to
    /// <paramref name="issues"/>; <paramref name="afterBatch"/> is called after each batch (the parallel import's signals).</summary>
    internal static void Consume(
        CsvRecordReader<Lead> reader, LeadRowParser parser, LeadTableBuilder builder, List<DataQualityIssue> issues, bool pipelined, int batchRows,
        Action? afterBatch)
    {
        var context = reader.Context;
        var options = context.Options;
        var rowIssues = new List<DataQualityIssue>();
        reader.ReadBatches(
            batch =>
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    context.Line = batch.Lines[r];
                    rowIssues.Clear();
                    if (batch.Extras[r] is { } extras)
                    {
                        rowIssues.Add(context.Issue(DataQualityRule.ExtraFields, IssueSeverity.Warning,
                            $"The row has {batch.ExtraCounts[r]} value(s) beyond the named columns; they are not read.", null, extras));
                    }

                    var added = parser.ParseInto(new CsvCells(batch, r), context, rowIssues, builder);
                    if (!added && !HasError(rowIssues))
                    {
                        rowIssues.Add(context.Issue(DataQualityRule.InvalidRecord, IssueSeverity.Error, "The row could not be read as a record.", null, null));
                    }

                    reader.CountRow(rejected: !added);
                    issues.AddRange(rowIssues);
                }

                afterBatch?.Invoke();
            },
            pipelined,
            batch => parser.Prepare(batch, options),
            batchRows);
    }

    private static bool HasError(List<DataQualityIssue> issues)
    {
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }
}
