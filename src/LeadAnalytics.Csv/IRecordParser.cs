using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Turns the cells of one row into a record of one kind (lead, cost, touchpoint, path).</summary>
internal interface IRecordParser<T>
    where T : class
{
    /// <summary>Binds header cells to fields; reports header issues; throws <see cref="CsvImportException"/> when a column the
    /// records cannot do without is absent.</summary>
    void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues);

    /// <summary>Parses a row (one cell per header, empty when the row is short). Returns null when an error was reported.</summary>
    T? Parse(string[] cells, RowContext context, List<DataQualityIssue> issues);
}

/// <summary>What a parser needs to know about where it is.</summary>
internal sealed class RowContext
{
    public RowContext(string? file, CsvReadOptions options)
    {
        File = file;
        Options = options;
    }

    public string? File { get; }

    public CsvReadOptions Options { get; }

    public long Line { get; set; }

    public DataQualityIssue Issue(DataQualityRule rule, IssueSeverity severity, string message, string? column, string? value,
        string? recordId = null, LeadField? field = null) =>
        new(rule, severity, message, recordId, field, value, File, Line, column);
}
