using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace LeadAnalytics.Excel;

/// <summary>
/// Writes tables as an .xlsx workbook, one sheet per table, for people to sort and filter: a header row with a filter,
/// frozen in place; numbers as number cells, dates as date cells, text as text cells. Text is never written as a formula:
/// a cell holding <c>=HYPERLINK(...)</c> or <c>+1</c> is a text cell showing those characters, so nothing from the data
/// runs when the workbook is opened.
/// </summary>
/// <example>
/// <code>
/// var sheet = new WorkbookSheet("segments", new[] { "channel", "leads", "won" },
///     result.Segments.Select(s => new object?[] { s.Label, s.Leads, s.Won }));
/// WorkbookWriter.Write("results.xlsx", new[] { sheet });
/// </code>
/// </example>
/// <remarks>The bytes are deterministic: the same sheets give the same file (the zip entries carry a fixed time, not the
/// clock's). Thread-safe.</remarks>
public static class WorkbookWriter
{
    // Zip entries carry a time; the clock's would make every file differ. 2000-01-01: inside the zip format's range.
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the workbook to a file (replacing it).</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="sheets">The sheets, in tab order; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No sheet.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, IEnumerable<WorkbookSheet> sheets)
    {
        Preconditions.CheckNotNull(path);

        var bytes = ToBytes(sheets);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes the workbook to a stream (left open).</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="sheets">The sheets, in tab order; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No sheet.</exception>
    public static void Write(Stream stream, IEnumerable<WorkbookSheet> sheets)
    {
        Preconditions.CheckNotNull(stream);

        var bytes = ToBytes(sheets);
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>The workbook's bytes.</summary>
    /// <param name="sheets">The sheets, in tab order; at least one.</param>
    /// <returns>The .xlsx file's content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sheets"/> is null.</exception>
    /// <exception cref="ArgumentException">No sheet.</exception>
    public static byte[] ToBytes(IEnumerable<WorkbookSheet> sheets)
    {
        var list = Preconditions.CheckNotNull(sheets).ToList();
        Preconditions.CheckArgument(list.Count != 0, nameof(sheets), "A workbook needs at least one sheet.");

        var book = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in list)
        {
            book.Add(UniqueName(SheetName(sheet.Name), book), Table(sheet));
        }

        using var raw = new MemoryStream();
        MiniExcel.SaveAs(raw, book, printHeader: true, excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { AutoFilter = true, FreezeRowCount = 1 });
        return Normalised(raw.ToArray());
    }

    /// <summary>A valid sheet name: Excel forbids <c>[ ] : * ? / \</c> and more than 31 characters.</summary>
    internal static string SheetName(string name)
    {
        var chars = name.Trim().Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray();
        var s = new string(chars).Trim('\'');
        if (s.Length == 0)
        {
            s = "Sheet";
        }

        return s.Length > 31 ? s.Substring(0, 31) : s;
    }

    private static string UniqueName(string name, Dictionary<string, object> taken)
    {
        var candidate = name;
        for (var n = 2; taken.ContainsKey(candidate); n++)
        {
            var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = (name.Length + suffix.Length > 31 ? name.Substring(0, 31 - suffix.Length) : name) + suffix;
        }

        return candidate;
    }

    private static DataTable Table(WorkbookSheet sheet)
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in sheet.Headers)
        {
            // DataTable columns need unique names; the header row shows the name as given where it can.
            var name = string.IsNullOrEmpty(header) ? "column" : header;
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = name + " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            }

            table.Columns.Add(unique, typeof(object));
        }

        foreach (var row in sheet.Rows)
        {
            table.Rows.Add(row.Select(Cell).ToArray());
        }

        return table;
    }

    /// <summary>A cell value MiniExcel writes as the right cell type: numbers, dates, booleans; text for the rest.</summary>
    internal static object Cell(object? value) => value switch
    {
        null => DBNull.Value,
        double d when double.IsNaN(d) || double.IsInfinity(d) => DBNull.Value,
        float f when float.IsNaN(f) || float.IsInfinity(f) => DBNull.Value,
        double or float or decimal or int or long or short or byte or uint or ulong or ushort or sbyte => value,
        bool => value,
        DateTime d => d,
        DateTimeOffset t => t.DateTime,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The same workbook with fixed zip entry times and relationship ids numbered in order of appearance
    /// (MiniExcel draws them from new GUIDs), so the same sheets give the same bytes.</summary>
    private static byte[] Normalised(byte[] xlsx)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var input = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    using var buffer = new MemoryStream();
                    from.CopyTo(buffer);
                    var raw = buffer.ToArray();
                    var bom = raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0;
                    var text = GuidId.Replace(Encoding.UTF8.GetString(raw, bom, raw.Length - bom), m =>
                    {
                        if (!ids.TryGetValue(m.Value, out var id))
                        {
                            id = "rIdLa" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                            ids.Add(m.Value, id);
                        }

                        return id;
                    });
                    var bytes = raw.Take(bom).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
                    to.Write(bytes, 0, bytes.Length);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    // A relationship id MiniExcel makes from a GUID: "R" and 32 hex digits.
    private static readonly Regex GuidId = new("\\bR[0-9a-f]{32}\\b", RegexOptions.CultureInvariant);
}
