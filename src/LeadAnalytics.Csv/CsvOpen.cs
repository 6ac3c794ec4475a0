using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>The plumbing shared by the four readers: path, stream or text in; a record reader or a whole result out.</summary>
internal static class CsvOpen
{
    public static CsvRecordReader<T> Path<T>(string path, CsvReadOptions? options, IRecordParser<T> parser)
        where T : class
    {
        Preconditions.CheckNotNull(path);

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        return Stream(stream, options, System.IO.Path.GetFileName(path), parser, leaveOpen: false);
    }

    public static CsvRecordReader<T> Stream<T>(Stream stream, CsvReadOptions? options, string? fileName, IRecordParser<T> parser, bool leaveOpen = true)
        where T : class => Stream(stream, options, fileName, parser, leaveOpen, out _);

    /// <summary>As above; <paramref name="utf8DataStart"/> is the offset of the first data byte from where the stream was when
    /// the text is UTF-8, else null.</summary>
    public static CsvRecordReader<T> Stream<T>(Stream stream, CsvReadOptions? options, string? fileName, IRecordParser<T> parser, bool leaveOpen,
        out long? utf8DataStart)
        where T : class
    {
        Preconditions.CheckNotNull(stream);

        options ??= CsvReadOptions.Default;
        TextReader text;
        System.Text.Encoding used;
        int preamble;
        try
        {
            text = TextSource.Open(stream, options.Encoding, leaveOpen, out used, out preamble, fileName);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }

        var reader = CsvRecordReader<T>.Create(text, leaveOpen: false, used.WebName, fileName, options, parser);
        utf8DataStart = used.CodePage == 65001 ? preamble + reader.HeaderUtf8Bytes : null;
        return reader;
    }

    public static CsvRecordReader<T> Text<T>(TextReader reader, CsvReadOptions? options, string? fileName, IRecordParser<T> parser)
        where T : class
    {
        Preconditions.CheckNotNull(reader);

        // The caller's reader is left open; the wrapper only reads bare carriage returns as line breaks.
        return CsvRecordReader<T>.Create(new CheckedTextReader(reader, leaveOpen: true, null, null, 0, fileName), leaveOpen: true, "text", fileName,
            options ?? CsvReadOptions.Default, parser);
    }

    public static CsvImportResult<T> Collect<T>(CsvRecordReader<T> reader)
        where T : class
    {
        using (reader)
        {
            var records = new List<T>();
            var issues = new List<DataQualityIssue>(reader.HeaderIssues);
            foreach (var row in reader.ReadRows())
            {
                if (row.Record is { } record)
                {
                    records.Add(record);
                }

                issues.AddRange(row.Issues);
            }

            return new CsvImportResult<T>(records, issues, reader.RowsRead, reader.RowsRejected, reader.File, reader.Delimiter, reader.EncodingName, reader.Headers);
        }
    }
}
