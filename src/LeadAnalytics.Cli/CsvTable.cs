using System.Globalization;

namespace LeadAnalytics.Cli;

/// <summary>A flat table for --format csv: RFC 4180 quoting, invariant numbers, empty cells for undefined values.</summary>
internal sealed class CsvTable
{
    private readonly List<string[]> _rows = new();

    public CsvTable(params string[] header)
    {
        Header = header;
    }

    public string[] Header { get; }

    public void Add(params object?[] cells)
    {
        if (cells.Length != Header.Length)
        {
            throw new InvalidOperationException($"A row has {cells.Length} cells; the header {Header.Length}.");
        }

        _rows.Add(cells.Select(Format).ToArray());
    }

    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine(string.Join(",", Header.Select(Quote)));
        foreach (var row in _rows)
        {
            writer.WriteLine(string.Join(",", row.Select(Quote)));
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d when double.IsNaN(d) || double.IsInfinity(d) => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' '))
            ? "\"" + cell.Replace("\"", "\"\"") + "\""
            : cell;
}
