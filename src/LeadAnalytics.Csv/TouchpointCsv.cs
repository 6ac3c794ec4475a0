namespace LeadAnalytics.Csv;

/// <summary>Touchpoint tables: lead_id, occurred_at, channel, and optionally strategy, content and milestone.</summary>
/// <remarks>The milestone cell lists <see cref="CrmMilestones"/> separated by ; | , or + (first_touch, lead_created, deal_created, closed_won; case, spaces and underscores do not matter); empty means none.</remarks>
public static class TouchpointCsv
{
    /// <summary>Opens a file for streaming.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read (delimiter, encoding, time zone, default currency); <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The file is empty, lacks a required column (lead_id, occurred_at, channel), or is not valid CSV.</exception>
    public static CsvRecordReader<Touchpoint> Open(string path, CsvReadOptions? options = null) => CsvOpen.Path(path, options, new TouchpointRowParser());

    /// <summary>Opens a stream for streaming; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The content is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<Touchpoint> Open(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Stream(stream, options, fileName, new TouchpointRowParser());

    /// <summary>Opens text for streaming; the reader is left open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The text is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<Touchpoint> Open(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Text(reader, options, fileName, new TouchpointRowParser());

    /// <summary>Reads a whole file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The file cannot be read as this table at all.</exception>
    public static CsvImportResult<Touchpoint> Read(string path, CsvReadOptions? options = null) => CsvOpen.Collect(Open(path, options));

    /// <summary>Reads a whole stream; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The content cannot be read as this table at all.</exception>
    public static CsvImportResult<Touchpoint> Read(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(stream, options, fileName));

    /// <summary>Reads all of a text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The text cannot be read as this table at all.</exception>
    public static CsvImportResult<Touchpoint> Read(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(reader, options, fileName));
}
