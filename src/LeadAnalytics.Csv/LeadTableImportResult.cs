using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>The outcome of reading a tracking table straight into a <see cref="LeadTable"/>: the table of accepted rows, every
/// issue, and counts that reconcile (<see cref="CsvImportSummary"/>; <see cref="CsvImportSummary.RowsAccepted"/> is the table's
/// <see cref="LeadTable.Count"/>). The issues are those <see cref="LeadCsv.Read(string, CsvReadOptions?)"/> reports.</summary>
/// <remarks>Immutable.</remarks>
public sealed class LeadTableImportResult : CsvImportSummary
{
    internal LeadTableImportResult(LeadTable table, IReadOnlyList<DataQualityIssue> issues, long rowsRead, long rowsRejected, string? file,
        char delimiter, string encodingName, IReadOnlyList<string> headers)
        : base(issues, rowsRead, rowsRejected, file, delimiter, encodingName, headers)
    {
        Table = table;
    }

    /// <summary>The accepted rows, in file order.</summary>
    public LeadTable Table { get; }
}
