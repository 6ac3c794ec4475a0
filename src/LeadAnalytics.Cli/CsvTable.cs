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

    /// <summary>Appends the headers of declared metric columns: each column's name, then its interval's when it has one and
    /// <paramref name="intervals"/> asks for them.</summary>
    public static void AddHeaders<TRow>(List<string> header, IEnumerable<MetricColumn<TRow>> columns, bool intervals = true)
    {
        foreach (var c in columns)
        {
            header.Add(c.CsvName);
            if (intervals && c.CsvLowerName is { } lower && c.CsvUpperName is { } upper)
            {
                header.Add(lower);
                header.Add(upper);
            }
        }
    }

    /// <summary>Appends a row's cells of declared metric columns, in the order of <see cref="AddHeaders{TRow}"/>: a rate's
    /// value, limits from <see cref="MetricColumn{TRow}.IntervalOf"/>, money rounded to the currency's minor unit.</summary>
    public static void AddMetrics<TRow>(List<object?> cells, IEnumerable<MetricColumn<TRow>> columns, TRow row, Currency? currency = null, bool intervals = true)
    {
        foreach (var c in columns)
        {
            var value = c.ValueOf(row);
            cells.Add(Cell(c.Metric, value is Rate rate ? rate.Value : value, currency));
            if (intervals && c.HasInterval)
            {
                var (lower, upper) = c.IntervalOf(row);
                cells.Add(Cell(c.Metric, lower, currency));
                cells.Add(Cell(c.Metric, upper, currency));
            }
        }
    }

    private static object? Cell(MetricDefinition metric, object? value, Currency? currency) =>
        currency is { } cur && metric.Kind == MetricKind.Money && value is decimal m ? Math.Round(m, cur.MinorUnits, MidpointRounding.AwayFromZero) : value;

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
