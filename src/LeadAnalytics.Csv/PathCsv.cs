namespace LeadAnalytics.Csv;

/// <summary>Aggregated path tables in the format warehouses and ChannelAttribution use: path ("a &gt; b &gt; c"), total_conversions, and optionally total_conversion_value and total_null.</summary>
/// <remarks>Steps are separated by "&gt;" and trimmed; an empty step is an error. Conversions and nulls may be fractional (ChannelAttribution allows it); value is a non-negative amount.</remarks>
public static class PathCsv
{
    /// <summary>Opens a file for streaming.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read (delimiter, encoding, time zone, default currency); <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The file is empty, lacks a required column (path, total_conversions), or is not valid CSV.</exception>
    public static CsvRecordReader<PathRow> Open(string path, CsvReadOptions? options = null) => CsvOpen.Path(path, options, new PathRowParser());

    /// <summary>Opens a stream for streaming; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The content is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<PathRow> Open(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Stream(stream, options, fileName, new PathRowParser());

    /// <summary>Opens text for streaming; the reader is left open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The text is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<PathRow> Open(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Text(reader, options, fileName, new PathRowParser());

    /// <summary>Reads a whole file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The file cannot be read as this table at all.</exception>
    public static CsvImportResult<PathRow> Read(string path, CsvReadOptions? options = null) => CsvOpen.Collect(Open(path, options));

    /// <summary>Reads a whole stream; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The content cannot be read as this table at all.</exception>
    public static CsvImportResult<PathRow> Read(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(stream, options, fileName));

    /// <summary>Reads all of a text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The text cannot be read as this table at all.</exception>
    public static CsvImportResult<PathRow> Read(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(reader, options, fileName));
}
