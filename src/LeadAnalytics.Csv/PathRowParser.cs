using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Reads aggregated paths: path ("a &gt; b &gt; c"), total_conversions, total_conversion_value, total_null.</summary>
internal sealed class PathRowParser : IRecordParser<PathRow>
{
    internal enum Column
    {
        Path,
        Conversions,
        Value,
        Nulls,
    }

    private readonly ColumnBinder<Column> _columns = new(
        (Column.Path, new[] { "path", "路径", "路徑" }),
        (Column.Conversions, new[] { "total_conversions", "conversions", "转化数", "轉化數" }),
        (Column.Value, new[] { "total_conversion_value", "conversion_value", "value", "转化价值", "轉化價值" }),
        (Column.Nulls, new[] { "total_null", "total_nulls", "nulls", "null", "未转化数", "未轉化數" }));

    public void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues) =>
        _columns.Bind(headers, context, issues, "path", Column.Path, Column.Conversions);

    public PathRow? Parse(string[] cells, RowContext context, List<DataQualityIssue> issues)
    {
        var start = issues.Count;
        string[]? steps = null;
        if (_columns.Text(cells, Column.Path) is not { } path)
        {
            Error(issues, context, DataQualityRule.MissingRequiredField, "The path is empty.", Column.Path, null);
        }
        else
        {
            steps = path.Split('>').Select(s => s.Trim()).ToArray();
            if (steps.Any(s => s.Length == 0))
            {
                Error(issues, context, DataQualityRule.InvalidValue, $"The path '{path.Trim()}' has an empty step (steps are separated by '>').", Column.Path, path);
            }
        }

        var conversions = Number(cells, Column.Conversions, context, issues, required: true);
        var nulls = Number(cells, Column.Nulls, context, issues, required: false);
        decimal value = 0m;
        if (_columns.Text(cells, Column.Value) is { } v)
        {
            if (!CsvValues.TryParseAmount(v, null, out value, out _) || value < 0m || CsvValues.IsTooLarge(value))
            {
                Error(issues, context, DataQualityRule.InvalidAmount, $"'{v.Trim()}' is not a non-negative amount.", Column.Value, v);
            }
        }

        if (issues.Skip(start).Any(i => i.Severity == IssueSeverity.Error))
        {
            return null;
        }

        return new PathRow(steps!, conversions, value, nulls);
    }

    private double Number(string[] cells, Column column, RowContext context, List<DataQualityIssue> issues, bool required)
    {
        if (_columns.Text(cells, column) is not { } text)
        {
            if (required)
            {
                Error(issues, context, DataQualityRule.MissingRequiredField, $"The {column} are empty.", column, null);
            }

            return 0;
        }

        if (CsvValues.TryParseNumber(text, out var n))
        {
            return n;
        }

        Error(issues, context, DataQualityRule.InvalidNumber, $"'{text.Trim()}' is not a non-negative number.", column, text);
        return 0;
    }

    private void Error(List<DataQualityIssue> issues, RowContext context, DataQualityRule rule, string message, Column column, string? value) =>
        issues.Add(context.Issue(rule, IssueSeverity.Error, message, _columns.Header(column), value));
}
