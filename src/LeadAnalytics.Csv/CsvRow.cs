using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>One row as the streaming reader delivers it: where it starts, the record when it was accepted, and its issues.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>Immutable.</remarks>
public sealed class CsvRow<T>
    where T : class
{
    internal CsvRow(long line, T? record, IReadOnlyList<DataQualityIssue> issues)
    {
        Line = line;
        Record = record;
        Issues = issues;
    }

    /// <summary>The 1-based line where the row starts (the header is line 1 unless blank lines precede it).</summary>
    public long Line { get; }

    /// <summary>The record, or <see langword="null"/> when the row was rejected.</summary>
    public T? Record { get; }

    /// <summary>Whether the row was accepted: no error among its issues.</summary>
    public bool IsAccepted => Record is not null;

    /// <summary>The row's issues (errors when rejected; warnings possibly either way).</summary>
    public IReadOnlyList<DataQualityIssue> Issues { get; }
}
