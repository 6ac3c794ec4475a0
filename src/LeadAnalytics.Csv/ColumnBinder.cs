using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Binds the header of a non-lead table (costs, touchpoints, paths) to its columns by alias; unknown columns are
/// reported and ignored; a missing required column makes the file unreadable.</summary>
internal sealed class ColumnBinder<TColumn>
    where TColumn : struct, Enum
{
    private readonly Dictionary<string, TColumn> _aliases;
    private readonly Dictionary<TColumn, int> _index = new();
    private IReadOnlyList<string> _headers = Array.Empty<string>();

    public ColumnBinder(params (TColumn Column, string[] Aliases)[] aliases)
    {
        _aliases = HeaderNames.Table(aliases);
    }

    public void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues, string table, params TColumn[] required)
    {
        _headers = headers;
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i]))
            {
                continue;
            }

            if (!_aliases.TryGetValue(HeaderNames.Key(headers[i]), out var column))
            {
                issues.Add(context.Issue(DataQualityRule.UnknownColumn, IssueSeverity.Warning, $"Unknown column '{headers[i]}' in a {table} table; it is ignored.", headers[i], null));
            }
            else if (_index.ContainsKey(column))
            {
                issues.Add(context.Issue(DataQualityRule.DuplicateColumn, IssueSeverity.Warning,
                    $"The column '{headers[i]}' names {column} again (first: '{headers[_index[column]]}'); it is ignored.", headers[i], null));
            }
            else
            {
                _index.Add(column, i);
            }
        }

        var missing = required.Where(c => !_index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CsvImportException($"Not a {table} table: no {string.Join(", ", missing)} column. Found: {string.Join(", ", headers)}.", context.File, context.Line);
        }
    }

    public string? Text(string[] cells, TColumn column) =>
        _index.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i] : null;

    public bool Has(TColumn column) => _index.ContainsKey(column);

    public string? Header(TColumn column) => _index.TryGetValue(column, out var i) ? _headers[i] : null;
}
