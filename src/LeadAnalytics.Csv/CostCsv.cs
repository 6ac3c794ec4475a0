namespace LeadAnalytics.Csv;

/// <summary>Cost tables: scope (channel, strategy or content), key, period_start, period_end, amount, currency, and optionally impressions and clicks.</summary>
/// <remarks>The period_end in the file is an inclusive date (October 2023 is 2023-10-01 to 2023-10-31); <see cref="CostEntry.PeriodEnd"/> is exclusive, so the reader sets it to midnight of the next day in <see cref="CsvReadOptions.TimeZone"/>. An end with a time of day is taken as the exclusive instant it names. Amounts read like the tracking table's (50,000, ¥50,000, 5万); the currency column, else a symbol in the cell, else <see cref="CsvReadOptions.Currency"/> gives the currency.</remarks>
public static class CostCsv
{
    /// <summary>Opens a file for streaming.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read (delimiter, encoding, time zone, default currency); <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The file is empty, lacks a required column (scope, key, period_start, period_end, amount), or is not valid CSV.</exception>
    public static CsvRecordReader<CostEntry> Open(string path, CsvReadOptions? options = null) => CsvOpen.Path(path, options, new CostRowParser());

    /// <summary>Opens a stream for streaming; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The content is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<CostEntry> Open(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Stream(stream, options, fileName, new CostRowParser());

    /// <summary>Opens text for streaming; the reader is left open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The text is empty, lacks a required column, or is not valid CSV.</exception>
    public static CsvRecordReader<CostEntry> Open(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Text(reader, options, fileName, new CostRowParser());

    /// <summary>Reads a whole file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The file cannot be read as this table at all.</exception>
    public static CsvImportResult<CostEntry> Read(string path, CsvReadOptions? options = null) => CsvOpen.Collect(Open(path, options));

    /// <summary>Reads a whole stream; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The content cannot be read as this table at all.</exception>
    public static CsvImportResult<CostEntry> Read(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(stream, options, fileName));

    /// <summary>Reads all of a text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted records and every issue.</returns>
    /// <exception cref="CsvImportException">The text cannot be read as this table at all.</exception>
    public static CsvImportResult<CostEntry> Read(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(reader, options, fileName));
}
