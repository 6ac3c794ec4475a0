using System.Globalization;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Cli;

/// <summary>A flat table for --format csv: RFC 4180 quoting, invariant numbers, empty cells for undefined values
/// (docs/csv-format.md, "Output"). Numbers: counts as integers, doubles in their shortest round-trip form, money rounded
/// to the currency's minor unit, other decimals to at most six places. Text cells that a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or CR) get a leading apostrophe (<see cref="OutputSafety.NeutraliseFormula"/>)
/// unless --csv-formulas keep; numbers are never changed.</summary>
internal sealed class CsvTable
{
    private readonly List<(string Text, bool IsText)[]> _rows = new();
    private readonly List<object?[]> _values = new();

    public CsvTable(params string[] header)
    {
        Header = header;
    }

    public string[] Header { get; }

    /// <summary>Whether text cells are neutralised (the default; --csv-formulas keep turns it off).</summary>
    public bool NeutraliseFormulas { get; set; } = true;

    public void Add(params object?[] cells)
    {
        if (cells.Length != Header.Length)
        {
            throw new InvalidOperationException($"A row has {cells.Length} cells; the header {Header.Length}.");
        }

        _rows.Add(cells.Select(Format).ToArray());
        // The workbook gets the CSV's numbers: decimals to the same six places.
        _values.Add(cells.Select(c => c is decimal m ? Math.Round(m, 6, MidpointRounding.AwayFromZero) : c).ToArray());
    }

    /// <summary>Appends a metric's cells: money rounded to the currency's minor unit; a rate as value, lower, upper when
    /// <paramref name="withInterval"/>, else its value.</summary>
    public static void AddMetric(List<object?> cells, MetricDefinition metric, object? value, Currency currency, bool withInterval)
    {
        if (value is Rate rate)
        {
            cells.Add(rate.Value);
            if (withInterval)
            {
                cells.Add(rate.Lower);
                cells.Add(rate.Upper);
            }

            return;
        }

        if (withInterval)
        {
            cells.Add(value);
            cells.Add(null);
            cells.Add(null);
            return;
        }

        cells.Add(metric.Kind == MetricKind.Money && value is decimal m ? Math.Round(m, currency.MinorUnits, MidpointRounding.AwayFromZero) : value);
    }

    /// <summary>The rows as the cells were given (numbers, dates, text), for --format xlsx.</summary>
    public IReadOnlyList<object?[]> Values => _values;

    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine(string.Join(",", Header.Select(Quote)));
        foreach (var row in _rows)
        {
            writer.WriteLine(string.Join(",", row.Select(c => Quote(c.IsText && NeutraliseFormulas ? OutputSafety.NeutraliseFormula(c.Text) : c.Text))));
        }
    }

    private static (string, bool) Format(object? value) => value switch
    {
        null => (string.Empty, false),
        double d when double.IsNaN(d) || double.IsInfinity(d) => (string.Empty, false),
        double d => (d.ToString("R", CultureInfo.InvariantCulture), false),
        decimal m => (Math.Round(m, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture), false),
        DateTimeOffset t => (t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), false),
        bool b => (b ? "true" : "false", false),
        Enum e => (e.ToString(), true),
        IFormattable f => (f.ToString(null, CultureInfo.InvariantCulture), false),
        _ => (value.ToString() ?? string.Empty, true),
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' '))
            ? "\"" + cell.Replace("\"", "\"\"") + "\""
            : cell;
}
