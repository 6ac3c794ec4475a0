using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>The outcome of reading a whole file into records: the accepted records, every issue, and counts that reconcile
/// (<see cref="CsvImportSummary"/>).</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>Immutable.</remarks>
public sealed class CsvImportResult<T> : CsvImportSummary
    where T : class
{
    internal CsvImportResult(IReadOnlyList<T> records, IReadOnlyList<DataQualityIssue> issues, long rowsRead, long rowsRejected,
        string? file, char delimiter, string encodingName, IReadOnlyList<string> headers)
        : base(issues, rowsRead, rowsRejected, file, delimiter, encodingName, headers)
    {
        Records = records;
    }

    /// <summary>The accepted records, in file order.</summary>
    public IReadOnlyList<T> Records { get; }
}
