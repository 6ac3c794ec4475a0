#if NET8_0_OR_GREATER
using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>
/// Reads a large UTF-8 tracking table in parallel parts: the data bytes are cut at line breaks into one part per core, each
/// part is read straight from its bytes (<see cref="Utf8Rows"/>) into a builder of its own, sized for the part's counted
/// lines (the first part's for every line of the file, so that the others are appended to it), and the builders are joined (<see cref="LeadTableBuilder.Combine"/>) in file order. The result is the sequential
/// import's, bit for bit: the same table (dimension codes by first appearance), the same issues in the same order with the
/// same line numbers, the same counts.
/// </summary>
/// <remarks>
/// <para>Only the simple files the UTF-8 fast path takes can be cut anywhere at a <c>\n</c> (no quote anywhere, so no line
/// break inside a cell); the first line that is not simple throws <see cref="Utf8Rows.NotSimpleException"/> from whichever part
/// meets it, and the import starts again on the general reader, as the sequential fast path does.</para>
/// <para>What depends on earlier rows is settled so that the parts agree with one pass: the time origin is the first
/// accepted lead's (the first part publishes it after its first batch; the other parts wait for it), each part numbers its
/// lines from 1 and its issues are shifted once the line counts of the parts before it are known, and duplicate ids are
/// looked for once in the joined table. When a part cannot agree (the first part accepts no lead, parts start with different
/// currencies, an id is repeated) the parallel result is dropped and the caller reads the file in one pass, which reports
/// those cases exactly as it always has.</para>
/// </remarks>
internal static class ParallelLeadImport
{
    private const int SampleBytes = 64 * 1024;

    /// <summary>Imports the file in parts, or returns null when one pass must do it (see the remarks).</summary>
    /// <param name="file">The open file.</param>
    /// <param name="origin">Where the CSV starts in the file.</param>
    /// <param name="dataStart">The first data byte, from <paramref name="origin"/>.</param>
    /// <param name="header">The reader that read the header (its header issues, delimiter and names are the result's).</param>
    /// <param name="fileName">A name for issues.</param>
    /// <param name="tableOptions">How to build the table.</param>
    /// <param name="batchRows">Rows per batch.</param>
    /// <param name="readSize">Bytes per read.</param>
    /// <param name="minPartBytes">The least bytes per part.</param>
    /// <param name="maxParts">The most parts.</param>
    internal static (LeadTableImportResult Result, int Parts)? TryRun(
        FileStream file, long origin, long dataStart, CsvRecordReader<Lead> header, string? fileName,
        LeadTableOptions? tableOptions, int batchRows, int readSize, long minPartBytes, int maxParts)
    {
        var readOptions = header.Context.Options;
        tableOptions = LeadTableImport.TableOptions(readOptions, tableOptions);
        if (tableOptions.CurrencyConverter is not null)
        {
            // A user's converter is not known to be thread-safe.
            return null;
        }

        var handle = file.SafeFileHandle;
        var length = RandomAccess.GetLength(handle);
        var first = origin + dataStart;
        var dataBytes = length - first;
        var parts = (int)Math.Min(maxParts, dataBytes / Math.Max(1, minPartBytes));
        if (parts < 2)
        {
            return null;
        }

        var bounds = Cut(handle, first, length, parts);
        if (bounds is null)
        {
            return null;
        }

        var headerBytes = new byte[dataStart];
        RandomAccess.Read(handle, headerBytes, origin);
        var work = new Part[bounds.Length - 1];
        for (var k = 0; k < work.Length; k++)
        {
            work[k] = new Part(bounds[k], bounds[k + 1]);
        }

        // Exact line counts (an upper bound of each part's rows): the parts' columns are allocated once, and the first part's
        // for every line of the file, so when every line is a lead the other parts are appended to its columns and the joined
        // table is made without a second copy of the first part (LeadTableBuilder.Combine).
        var lines = new long[work.Length];
        Parallel.For(0, work.Length, k => lines[k] = CountLines(handle, work[k].Start, work[k].End, length));
        var totalLines = lines.Sum();
        if (totalLines >= int.MaxValue / 2)
        {
            return null;
        }

        var epochKnown = new ManualResetEventSlim(false);
        long? epoch = null;
        var stop = false;
        void Read(int k)
        {
            var part = work[k];
            // Ids are checked once, in the joined table (below).
            var parser = new LeadRowParser { SkipDuplicateIds = true };
            using var reader = CsvOpen.Stream(new MemoryStream(headerBytes, writable: false), readOptions, fileName, parser, leaveOpen: false);
            reader.Utf8Source = new Utf8Rows(new FileRange(handle, part.Start, part.End), readSize);
            reader.NextLine = 1;
            var builder = new LeadTableBuilder(tableOptions, (int)(k == 0 ? totalLines : lines[k]), 12);
            part.Builder = builder;
            if (k > 0)
            {
                epochKnown.Wait();
                if (epoch is not { } ticks)
                {
                    return;
                }

                builder.UseEpoch(ticks);
            }

            // After each batch: the first part publishes the time origin once it has one; every part stops when another failed.
            void AfterBatch()
            {
                if (k == 0 && !epochKnown.IsSet && builder.EpochTicks is { } ticks)
                {
                    epoch = ticks;
                    epochKnown.Set();
                }

                if (Volatile.Read(ref stop))
                {
                    throw new OperationCanceledException();
                }
            }

            LeadTableImport.Consume(reader, parser, builder, part.Issues, pipelined: false, batchRows, AfterBatch);
            part.Lines = reader.NextLine - 1;
            part.RowsRead = reader.RowsRead;
            part.RowsRejected = reader.RowsRejected;
        }

        var tasks = new Task[work.Length - 1];
        for (var k = 1; k < work.Length; k++)
        {
            var index = k;
            tasks[k - 1] = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        Read(index);
                    }
                    catch
                    {
                        Volatile.Write(ref stop, true);
                        throw;
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        Exception? fault = null;
        try
        {
            Read(0);
        }
        catch (Exception ex)
        {
            fault = ex;
            Volatile.Write(ref stop, true);
        }
        finally
        {
            // The other parts wait for the origin: release them whatever happened (without one they stop at once).
            epochKnown.Set();
        }

        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException ex)
        {
            // A part stopped because another failed reports cancellation: the other part's failure is the one to raise.
            fault = fault is null or OperationCanceledException ? First(ex) : fault;
        }

        epochKnown.Dispose();
        if (fault is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
        }

        if (epoch is null || !SameCurrency(work))
        {
            return null;
        }

        var table = LeadTableBuilder.Combine(work.Select(p => p.Builder!).ToList());
        if (readOptions.CheckDuplicateIds && table.HasDuplicateIds())
        {
            return null;
        }

        var issues = new List<DataQualityIssue>(header.HeaderIssues);
        var line = header.NextLine;
        long rowsRead = 0;
        long rowsRejected = 0;
        foreach (var part in work)
        {
            foreach (var issue in part.Issues)
            {
                issues.Add(issue.Line is { } local ? issue.WithSource(issue.File, local - 1 + line, issue.Column, issue.Value) : issue);
            }

            line += part.Lines;
            rowsRead += part.RowsRead;
            rowsRejected += part.RowsRejected;
        }

        return (new LeadTableImportResult(table, issues, rowsRead, rowsRejected, header.File, header.Delimiter, header.EncodingName, header.Headers), work.Length);
    }

    // Part boundaries: the data start, then the first byte after a \n near each even share of the data, then the end; null when
    // a share holds no line break within reach (one line longer than the search), so one pass reads it.
    private static long[]? Cut(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long first, long length, int parts)
    {
        var bounds = new List<long> { first };
        var buffer = new byte[SampleBytes];
        for (var k = 1; k < parts; k++)
        {
            var at = first + ((length - first) * k / parts);
            if (at <= bounds[bounds.Count - 1])
            {
                continue;
            }

            var n = RandomAccess.Read(handle, buffer, at);
            var newline = Array.IndexOf(buffer, (byte)'\n', 0, n);
            if (newline < 0)
            {
                return null;
            }

            var cut = at + newline + 1;
            if (cut < length)
            {
                bounds.Add(cut);
            }
        }

        bounds.Add(length);
        return bounds.Count > 2 ? bounds.ToArray() : null;
    }

    // The lines of the byte range [start, end): its line breaks, and one more for a last line without one at the end of the file.
    private static long CountLines(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long start, long end, long length)
    {
        var buffer = new byte[1 << 20];
        long lines = 0;
        var last = (byte)'\n';
        for (var at = start; at < end;)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - at)), at);
            if (n <= 0)
            {
                break;
            }

            lines += buffer.AsSpan(0, n).Count((byte)'\n');
            last = buffer[n - 1];
            at += n;
        }

        return lines + (end == length && end > start && last != (byte)'\n' ? 1 : 0);
    }

    private static bool SameCurrency(Part[] parts)
    {
        Currency? currency = null;
        foreach (var part in parts)
        {
            if (part.Builder?.TableCurrency is { } c && (currency ??= c) != c)
            {
                return false;
            }
        }

        return true;
    }

    private static Exception First(AggregateException ex)
    {
        foreach (var inner in ex.Flatten().InnerExceptions)
        {
            if (inner is not OperationCanceledException)
            {
                return inner;
            }
        }

        return ex.InnerExceptions[0];
    }

    private sealed class Part
    {
        internal Part(long start, long end)
        {
            Start = start;
            End = end;
        }

        internal long Start { get; }

        internal long End { get; }

        internal LeadTableBuilder? Builder { get; set; }

        internal List<DataQualityIssue> Issues { get; } = new();

        internal long Lines { get; set; }

        internal long RowsRead { get; set; }

        internal long RowsRejected { get; set; }
    }
}
#endif
