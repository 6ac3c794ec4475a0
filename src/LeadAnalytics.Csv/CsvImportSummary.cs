using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>What every read of a file reports, whatever it produced (records or a <see cref="Data.LeadTable"/>): every issue,
/// the format found, and counts that reconcile: <see cref="RowsRead"/> = <see cref="RowsAccepted"/> + <see cref="RowsRejected"/>,
/// and every rejected row has at least one error.</summary>
/// <remarks>Immutable. One base so an application can report any import the same way.</remarks>
public abstract class CsvImportSummary
{
    private protected CsvImportSummary(IReadOnlyList<DataQualityIssue> issues, long rowsRead, long rowsRejected, string? file, char delimiter,
        string encodingName, IReadOnlyList<string> headers)
    {
        Issues = issues;
        RowsRead = rowsRead;
        RowsRejected = rowsRejected;
        File = file;
        Delimiter = delimiter;
        EncodingName = encodingName;
        Headers = headers;
    }

    /// <summary>Every issue, header issues first, then by line.</summary>
    public IReadOnlyList<DataQualityIssue> Issues { get; }

    /// <summary>Data rows read (blank rows are skipped and not counted).</summary>
    public long RowsRead { get; }

    /// <summary>Rows accepted: <see cref="RowsRead"/> minus <see cref="RowsRejected"/>.</summary>
    public long RowsAccepted => RowsRead - RowsRejected;

    /// <summary>Rows rejected because of at least one error.</summary>
    public long RowsRejected { get; }

    /// <summary>The file name given, or <see langword="null"/>.</summary>
    public string? File { get; }

    /// <summary>The delimiter used (given or detected).</summary>
    public char Delimiter { get; }

    /// <summary>The encoding used (given or detected), as a web name such as <c>utf-8</c> or <c>gb18030</c>; <c>text</c> when
    /// the input was already text.</summary>
    public string EncodingName { get; }

    /// <summary>The header cells as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The number of error issues.</summary>
    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);

    /// <summary>The number of warning issues.</summary>
    public int WarningCount => Issues.Count(i => i.Severity == IssueSeverity.Warning);
}
