using LeadAnalytics.Csv;

namespace LeadAnalytics.Excel;

/// <summary>
/// Reads LeadAnalytics inputs from .xlsx workbooks (as Excel and WPS save them): the tracking table, costs, touchpoints and
/// optimisation actions, each from one sheet (the first, or the one named). The sheet is read exactly as the CSV readers
/// read a file (<see cref="LeadCsv"/>, <see cref="CostCsv"/>, <see cref="TouchpointCsv"/>, <see cref="ActionCsv"/>): the
/// same English or Chinese headers, the same value forms (dates as text such as 2023/10/1, amounts such as 5万 or
/// ¥50,000), the same row issues; and in addition the cell types a workbook has: numbers, and dates stored as serial
/// numbers with a date format.
/// </summary>
/// <example>
/// <code>
/// var leads = Workbook.ReadLeads("跟踪表.xlsx");                 // the first sheet
/// var costs = Workbook.ReadCosts("跟踪表.xlsx", sheet: "成本");
/// foreach (var issue in leads.Issues) Console.WriteLine(issue);  // "跟踪表.xlsx[线索](12) column 成交金额: ..."
/// </code>
/// </example>
/// <remarks>
/// An issue's <c>File</c> is the workbook and sheet (<c>跟踪表.xlsx[线索]</c>), its <c>Line</c> the sheet's row number as
/// Excel shows it, its <c>Column</c> the header. Rows that are empty in every cell are skipped, as blank lines in a CSV
/// file. A number in a date column that has no date format is not a date (it is rejected as the CSV reader rejects
/// "45200"): give the column a date format, as Excel does when a date is typed. Formulas are read as their cached values.
/// Thread-safe: every method is a pure function of its arguments.
/// </remarks>
public static class Workbook
{
    /// <summary>The names of the sheets, in workbook order.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <returns>The sheet names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">The file is not an .xlsx workbook.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        using var stream = OpenFile(path);
        try
        {
            return MiniExcelLibs.MiniExcel.GetSheetNames(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new CsvImportException($"not an .xlsx workbook ({ex.Message})", Path.GetFileName(path), null, ex);
        }
    }

    /// <summary>Reads leads (the tracking table) from a sheet, with <see cref="LeadCsv"/>'s rules.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">Time zone, currency, pipeline and header aliases, as for CSV (the encoding and delimiter do
    /// not apply); <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <returns>The accepted leads, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvImportResult<Lead> ReadLeads(string path, CsvReadOptions? options = null, string? sheet = null) =>
        FromFile(path, options, sheet, new LeadRowParser());

    /// <summary>Reads leads from a workbook stream (see <see cref="ReadLeads(string, CsvReadOptions?, string?)"/>).</summary>
    /// <param name="stream">The workbook; read to its end, not closed.</param>
    /// <param name="options">As for CSV; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <param name="fileName">The name issues give (for example the uploaded file's name).</param>
    /// <returns>The accepted leads, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    public static CsvImportResult<Lead> ReadLeads(Stream stream, CsvReadOptions? options = null, string? sheet = null, string? fileName = null) =>
        SheetReader.Read(Check(stream), fileName, sheet, options, new LeadRowParser());

    /// <summary>Reads cost entries from a sheet, with <see cref="CostCsv"/>'s rules.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">As for CSV; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <returns>The accepted entries, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvImportResult<CostEntry> ReadCosts(string path, CsvReadOptions? options = null, string? sheet = null) =>
        FromFile(path, options, sheet, new CostRowParser());

    /// <summary>Reads cost entries from a workbook stream.</summary>
    /// <param name="stream">The workbook; read to its end, not closed.</param>
    /// <param name="options">As for CSV; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <param name="fileName">The name issues give.</param>
    /// <returns>The accepted entries, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    public static CsvImportResult<CostEntry> ReadCosts(Stream stream, CsvReadOptions? options = null, string? sheet = null, string? fileName = null) =>
        SheetReader.Read(Check(stream), fileName, sheet, options, new CostRowParser());

    /// <summary>Reads touchpoints from a sheet, with <see cref="TouchpointCsv"/>'s rules.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">As for CSV; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <returns>The accepted touchpoints, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvImportResult<Touchpoint> ReadTouchpoints(string path, CsvReadOptions? options = null, string? sheet = null) =>
        FromFile(path, options, sheet, new TouchpointRowParser());

    /// <summary>Reads touchpoints from a workbook stream.</summary>
    /// <param name="stream">The workbook; read to its end, not closed.</param>
    /// <param name="options">As for CSV; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <param name="fileName">The name issues give.</param>
    /// <returns>The accepted touchpoints, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    public static CsvImportResult<Touchpoint> ReadTouchpoints(Stream stream, CsvReadOptions? options = null, string? sheet = null, string? fileName = null) =>
        SheetReader.Read(Check(stream), fileName, sheet, options, new TouchpointRowParser());

    /// <summary>Reads optimisation actions from a sheet, with <see cref="ActionCsv"/>'s rules.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">As for CSV; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <returns>The accepted actions, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvImportResult<OptimisationAction> ReadActions(string path, CsvReadOptions? options = null, string? sheet = null) =>
        FromFile(path, options, sheet, new ActionRowParser());

    /// <summary>Reads optimisation actions from a workbook stream.</summary>
    /// <param name="stream">The workbook; read to its end, not closed.</param>
    /// <param name="options">As for CSV; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <param name="fileName">The name issues give.</param>
    /// <returns>The accepted actions, every issue, and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, no such sheet, an empty sheet, or a required column missing.</exception>
    public static CsvImportResult<OptimisationAction> ReadActions(Stream stream, CsvReadOptions? options = null, string? sheet = null, string? fileName = null) =>
        SheetReader.Read(Check(stream), fileName, sheet, options, new ActionRowParser());

    /// <summary>Reads a sheet as a plain table, for example one <see cref="WorkbookWriter"/> wrote: the first non-blank
    /// row as headers, every later non-blank row as cells: numbers as <see cref="double"/>, date cells as
    /// <see cref="DateTime"/>, text as <see cref="string"/>, booleans as <see cref="bool"/>, empty cells as null.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <returns>The sheet (empty when the sheet is).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, or no such sheet.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WorkbookSheet ReadTable(string path, string? sheet = null)
    {
        using var stream = OpenFile(path);
        return SheetReader.ReadTable(stream, Path.GetFileName(path), sheet);
    }

    /// <summary>Reads a sheet of a workbook stream as a plain table (see <see cref="ReadTable(string, string?)"/>).</summary>
    /// <param name="stream">The workbook; read to its end, not closed.</param>
    /// <param name="sheet">The sheet's name; the first sheet when null.</param>
    /// <param name="fileName">The name errors give.</param>
    /// <returns>The sheet (empty when the sheet is).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CsvImportException">Not a workbook, or no such sheet.</exception>
    public static WorkbookSheet ReadTable(Stream stream, string? sheet = null, string? fileName = null) =>
        SheetReader.ReadTable(Check(stream), fileName, sheet);

    private static CsvImportResult<T> FromFile<T>(string path, CsvReadOptions? options, string? sheet, IRecordParser<T> parser)
        where T : class
    {
        using var stream = OpenFile(path);
        return SheetReader.Read(stream, Path.GetFileName(path), sheet, options, parser);
    }

    private static FileStream OpenFile(string path) =>
        new(Preconditions.CheckNotNull(path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private static Stream Check(Stream stream) => Preconditions.CheckNotNull(stream);
}
