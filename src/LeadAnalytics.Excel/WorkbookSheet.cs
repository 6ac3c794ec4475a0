namespace LeadAnalytics.Excel;

/// <summary>One sheet for <see cref="WorkbookWriter"/>: a name, a header row and rows of cells.</summary>
/// <remarks>Immutable once built (the rows are copied); thread-safe.</remarks>
public sealed class WorkbookSheet
{
    /// <summary>Creates a sheet.</summary>
    /// <param name="name">The sheet's tab name. Characters Excel forbids in a sheet name (<c>[ ] : * ? / \</c>) become
    /// <c>_</c>, and it is cut to Excel's 31 characters; a name already taken in the workbook gets " (2)", " (3)" ...</param>
    /// <param name="headers">The column headers (the first row, with a filter and frozen in place).</param>
    /// <param name="rows">The rows, one cell per header. Cells: numbers (<see cref="int"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="decimal"/> ...) become number cells; <see cref="DateTime"/> and
    /// <see cref="DateTimeOffset"/> (its clock time at its own offset) date cells; <see cref="bool"/> a boolean; null,
    /// NaN and infinities an empty cell; anything else a text cell of its invariant text, never a formula.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, or a row's cell count differs from the header's.</exception>
    public WorkbookSheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        Preconditions.CheckNotNull(name);

        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A sheet needs a name.");

        Name = name;
        Headers = Preconditions.CheckNotNull(headers).ToArray();
        var copied = new List<IReadOnlyList<object?>>();
        foreach (var row in Preconditions.CheckNotNull(rows))
        {
            if (row is null || row.Count != Headers.Count)
            {
                throw new ArgumentException($"Row {copied.Count + 1} of sheet '{name}' has {row?.Count ?? 0} cells; the header has {Headers.Count}.", nameof(rows));
            }

            copied.Add(row.ToArray());
        }

        Rows = copied;
    }

    /// <summary>The sheet's name as given (the writer makes it a valid, unique tab name).</summary>
    public string Name { get; }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }
}
