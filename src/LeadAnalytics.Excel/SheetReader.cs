using System.Globalization;
using LeadAnalytics.Csv;
using LeadAnalytics.Quality;
using MiniExcelLibs;

namespace LeadAnalytics.Excel;

/// <summary>
/// Reads one sheet of a workbook through the CSV format's row parsers: the first non-blank row is the header, every later
/// non-blank row a record, each cell turned into the text a CSV file would hold, so headers, values and issues follow
/// exactly the CSV rules (one copy of them, in LeadAnalytics.Csv). Issues name the workbook and sheet as their file
/// (<c>leads.xlsx[线索]</c>), the sheet row as their line, and the header as their column.
/// </summary>
internal static class SheetReader
{
    public static WorkbookSheet ReadTable(Stream stream, string? fileName, string? sheet)
    {
        var (seekable, sheetName, _) = Open(stream, fileName, sheet);
        string[]? headers = null;
        var rows = new List<IReadOnlyList<object?>>();
        // Each row is an IDictionary behind a dynamic; taken as object, no runtime binder is needed (netstandard2.0 has none).
        foreach (object item in MiniExcel.Query(seekable, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX))
        {
            var values = ((IDictionary<string, object?>)item).Values.ToList();
            if (values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }

            if (headers is null)
            {
                headers = Trimmed(values.Select(Text).ToList());
                continue;
            }

            var cells = new object?[headers.Length];
            for (var i = 0; i < cells.Length && i < values.Count; i++)
            {
                cells[i] = values[i] is string s && s.Length == 0 ? null : values[i];
            }

            rows.Add(cells);
        }

        return new WorkbookSheet(sheetName, headers ?? Array.Empty<string>(), rows);
    }

    public static CsvImportResult<T> Read<T>(Stream stream, string? fileName, string? sheet, CsvReadOptions? options, IRecordParser<T> parser)
        where T : class
    {
        options ??= CsvReadOptions.Default;
        var (seekable, sheetName, where) = Open(stream, fileName, sheet);
        var context = new RowContext(where, options);
        var records = new List<T>();
        var issues = new List<DataQualityIssue>();
        string[]? headers = null;
        long rowsRead = 0, rowsRejected = 0, line = 0;
        try
        {
            // Keys are column letters (A, B, ...); empty rows between data rows are delivered, so the count is the sheet row.
            foreach (object item in MiniExcel.Query(seekable, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX))
            {
                line++;
                var values = ((IDictionary<string, object?>)item).Values.Select(Text).ToList();
                if (values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (headers is null)
                {
                    headers = Trimmed(values);
                    context.Line = line;
                    parser.Bind(headers, context, issues);
                    continue;
                }

                rowsRead++;
                context.Line = line;
                var cells = new string[headers.Length];
                var rowIssues = new List<DataQualityIssue>();
                var extras = new List<string>();
                for (var i = 0; i < values.Count; i++)
                {
                    if (i < headers.Length && !string.IsNullOrWhiteSpace(headers[i]))
                    {
                        cells[i] = values[i];
                    }
                    else if (!string.IsNullOrWhiteSpace(values[i]))
                    {
                        extras.Add(values[i]);
                    }
                }

                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] ??= string.Empty;
                }

                if (extras.Count > 0)
                {
                    rowIssues.Add(context.Issue(DataQualityRule.ExtraFields, IssueSeverity.Warning,
                        $"The row has {extras.Count} value(s) beyond the named columns; they are not read.", null, string.Join(", ", extras)));
                }

                var record = parser.Parse(cells, context, rowIssues);
                var hasError = rowIssues.Any(i => i.Severity == IssueSeverity.Error);
                if (record is null && !hasError)
                {
                    rowIssues.Add(context.Issue(DataQualityRule.InvalidRecord, IssueSeverity.Error, "The row could not be read as a record.", null, null));
                    hasError = true;
                }

                if (hasError)
                {
                    rowsRejected++;
                }
                else
                {
                    records.Add(record!);
                }

                issues.AddRange(rowIssues);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidCastException or FormatException and not CsvImportException)
        {
            throw new CsvImportException($"the sheet cannot be read ({ex.Message})", where, line == 0 ? null : line, ex);
        }

        if (headers is null)
        {
            throw new CsvImportException("the sheet is empty: no header row.", where, null);
        }

        return new CsvImportResult<T>(records, issues, rowsRead, rowsRejected, where, '\0', "xlsx", headers);
    }

    /// <summary>Opens the sheet: a seekable stream, the sheet's name (the first when none is given) and the name issues give it.</summary>
    private static (Stream Stream, string Sheet, string Where) Open(Stream stream, string? fileName, string? sheet)
    {
        var book = fileName ?? "workbook";
        var seekable = Seekable(stream);
        List<string> names;
        try
        {
            names = MiniExcel.GetSheetNames(seekable);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            throw new CsvImportException($"not an .xlsx workbook ({ex.Message})", book, null, ex);
        }

        if (names.Count == 0)
        {
            throw new CsvImportException("the workbook has no sheet.", book, null);
        }

        var sheetName = sheet ?? names[0];
        if (!names.Contains(sheetName, StringComparer.Ordinal))
        {
            throw new CsvImportException($"no sheet named '{sheetName}'; the sheets are {string.Join(", ", names.Select(n => "'" + n + "'"))}.", book, null);
        }

        seekable.Position = 0;
        return (seekable, sheetName, $"{book}[{sheetName}]");
    }

    /// <summary>A cell as the text a CSV export of it would hold: text as it is; numbers in the invariant culture, as
    /// few digits as round-trip; date cells (a serial number with a date format, which is how Excel and WPS store a
    /// date) as 2023-10-01 or 2023-10-01 09:30:00, so a date without a time stays a date (and a due date keeps its
    /// end-of-day meaning); booleans as true/false.</summary>
    internal static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString(d.Millisecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string[] Trimmed(List<string> headers)
    {
        // Trailing empty header cells are not columns (a sheet's used range often runs past the data).
        var count = headers.Count;
        while (count > 0 && string.IsNullOrWhiteSpace(headers[count - 1]))
        {
            count--;
        }

        return headers.Take(count).ToArray();
    }

    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
