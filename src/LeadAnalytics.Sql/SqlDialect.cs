using System.Text;

namespace LeadAnalytics.Sql;

/// <summary>
/// What differs between SQL engines, in one small class each: identifier quoting, parameter markers, integer division,
/// text casts and turning a timestamp column into epoch microseconds. Everything else in the generated queries is plain SQL
/// (CTEs, CASE, COALESCE, GROUP BY, UNION ALL) that every engine runs unchanged.
/// </summary>
/// <remarks>Only dialects that the tests run are shipped: <see cref="DuckDb"/>, <see cref="PostgreSql"/> and
/// <see cref="Sqlite"/>. Immutable and thread-safe.</remarks>
public abstract class SqlDialect
{
    private protected SqlDialect()
    {
    }

    /// <summary>DuckDB 1.5 (DuckDB.NET): database files, Parquet and CSV through views.</summary>
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>PostgreSQL 15 (Npgsql).</summary>
    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    /// <summary>SQLite 3.44 or later (Microsoft.Data.Sqlite): a CRM's embedded database. Timestamps are ISO 8601 text (with an
    /// offset, an absolute instant; without one, local at the mapping's time zone) read to the millisecond, SQLite's own
    /// resolution; amounts are read exactly from their text (SQLite has no decimal type), so store money as text or integers.</summary>
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>The dialect's name.</summary>
    public abstract string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Quotes an identifier: double quotes, embedded double quotes doubled (standard SQL, both engines).</summary>
    internal string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>Quotes a string literal: single quotes, embedded single quotes doubled. Only for values no parameter can carry
    /// (a file path inside CREATE VIEW); never for data.</summary>
    internal static string Literal(string text)
    {
        Preconditions.CheckArgument(text.IndexOf('\0') < 0, nameof(text), "A literal must not contain NUL.");

        return "'" + text.Replace("'", "''") + "'";
    }

    /// <summary>The marker of the 1-based positional parameter <paramref name="position"/>.</summary>
    internal virtual string Parameter(int position) => "$" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether a column's declared type is only a hint (SQLite: any value in any column), so timestamps and amounts
    /// are always read through their text.</summary>
    internal virtual bool DynamicTypes => false;

    /// <summary>Whether the provider binds parameters by name (the marker), not by position.</summary>
    internal virtual bool NamedParameters => false;

    /// <summary>The greatest of a never-NULL first expression and others that may be NULL (a NULL one is skipped).</summary>
    internal virtual string Greatest(string first, IEnumerable<string> others) => "GREATEST(" + first + ", " + string.Join(", ", others) + ")";

    /// <summary>Epoch microseconds (UTC) of a text column holding a timestamp, local at the zone offset bound as
    /// <paramref name="zone"/> (microseconds; <see langword="null"/> for UTC).</summary>
    internal virtual string TextMicros(string column, string? zone) => Shifted(NaiveMicros(ParseTimestamp(column)), zone);

    /// <summary>Local epoch microseconds made UTC by subtracting the zone's offset.</summary>
    internal static string Shifted(string localMicros, string? zone) => zone is null ? localMicros : "(" + localMicros + " - " + zone + ")";

    /// <summary>An amount column in minor units as BIGINT, NULL when missing; <paramref name="text"/> when the column holds text.</summary>
    internal virtual string AmountMinorUnits(string column, bool text, int digits) =>
        MinorUnits(text ? "CAST(NULLIF(TRIM(" + column + "), '') AS DECIMAL(38, 10))" : "CAST(" + column + " AS DECIMAL(38, 10))", digits);

    /// <summary>Integer division of two bigint expressions (truncating).</summary>
    internal abstract string IntegerDivide(string numerator, string denominator);

    /// <summary>The expression cast to text.</summary>
    internal abstract string Text(string expression);

    /// <summary>Whether a column type (the provider's data type name) is a timestamp with a zone, that is an absolute instant.</summary>
    internal abstract bool IsZonedTimestamp(string dataTypeName);

    /// <summary>Epoch microseconds (bigint, UTC) of a timestamp column with a zone.</summary>
    internal abstract string ZonedMicros(string column);

    /// <summary>Epoch microseconds (bigint) of a timestamp without a zone read as UTC (the caller subtracts the offset).</summary>
    internal abstract string NaiveMicros(string expression);

    /// <summary>The timestamp without a zone parsed from a text expression.</summary>
    internal abstract string ParseTimestamp(string textExpression);

    /// <summary>An exact decimal in minor units (times 10^<paramref name="digits"/>), rounded half away from zero, as BIGINT.</summary>
    internal static string MinorUnits(string exactDecimal, int digits)
    {
        // Written out rather than ROUND, whose tie rule is each engine's own, and without division (DuckDB divides decimals
        // in floating point): sign(x) * floor(|x| * 10^d + 0.5).
        var scale = "1" + new string('0', digits);
        return "CAST(SIGN(" + exactDecimal + ") * FLOOR(ABS(" + exactDecimal + ") * " + scale + " + 0.5) AS BIGINT)";
    }

    /// <summary>The ordered list (array) aggregate of an expression.</summary>
    internal abstract string OrderedList(string expression, string orderBy);

    /// <summary>A one-element list of an expression.</summary>
    internal abstract string ListOf(string expression);

    /// <summary>The ordered list aggregate of the rows that pass a filter, NULL when none does.</summary>
    internal virtual string FilteredList(string expression, string orderBy, string filter) => OrderedList(expression, orderBy) + " FILTER (WHERE " + filter + ")";

    /// <summary>The texts of a list value as the provider returns it.</summary>
    internal virtual List<string> ReadList(object value)
    {
        var steps = new List<string>();
        foreach (var step in (System.Collections.IEnumerable)value)
        {
            steps.Add((string)step);
        }

        return steps;
    }

    /// <summary>An ORDER BY term that orders text by code point (binary), whatever the database's collation.</summary>
    internal abstract string BinaryOrder(string expression);

    /// <summary>
    /// What follows <c>AS</c> in the per-lead head's common table expressions (<c>r</c>, <c>s</c>, <c>l</c>, <c>c</c>), the
    /// last of which an engine's queries reference several times (the segments' figures, durations, rows outside the scope; the funnel's counts and its five steps):
    /// empty where the engine's own choice is bounded in memory, <c>NOT MATERIALIZED</c> where materialising would hold
    /// every lead in memory.
    /// </summary>
    internal virtual string RepeatedCte => string.Empty;

    /// <summary>A typed NULL text.</summary>
    internal string NullText => Text("NULL");

    /// <summary>The whole floor of epoch seconds from epoch microseconds, correct for negative values too.</summary>
    internal string FloorSeconds(string micros)
    {
        var sb = new StringBuilder();
        sb.Append('(').Append(IntegerDivide("(" + micros + ") - ((((" + micros + ") % 1000000) + 1000000) % 1000000)", "1000000")).Append(')');
        return sb.ToString();
    }

    private sealed class DuckDbDialect : SqlDialect
    {
        public override string Name => "DuckDB";

        internal override string IntegerDivide(string numerator, string denominator) => "((" + numerator + ") // (" + denominator + "))";

        // DuckDB materialises a CTE referenced more than once, holding every lead's two dozen columns in memory (at 100M
        // leads tens of GB, spilled to disk only past memory_limit, 80% of RAM by default); inlined, each reference is a
        // streaming scan and aggregate of the source (benchmarks/README.md, the 100M-lead Parquet file).
        internal override string RepeatedCte => " NOT MATERIALIZED";

        internal override string Text(string expression) => "CAST(" + expression + " AS VARCHAR)";

        internal override bool IsZonedTimestamp(string dataTypeName) =>
            dataTypeName.IndexOf("TimestampTz", StringComparison.OrdinalIgnoreCase) >= 0
            || dataTypeName.IndexOf("TIME ZONE", StringComparison.OrdinalIgnoreCase) >= 0;

        internal override string ZonedMicros(string column) => "epoch_us(" + column + ")";

        internal override string NaiveMicros(string expression) => "epoch_us(CAST(" + expression + " AS TIMESTAMP))";

        internal override string ParseTimestamp(string textExpression) => "CAST(NULLIF(TRIM(" + textExpression + "), '') AS TIMESTAMP)";

        // DuckDB orders text by its bytes (UTF-8: code points) unless a default collation is configured.
        internal override string BinaryOrder(string expression) => expression;

        internal override string OrderedList(string expression, string orderBy) => "list(" + expression + " ORDER BY " + orderBy + ")";

        internal override string ListOf(string expression) => "list_value(" + expression + ")";
    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        public override string Name => "PostgreSQL";

        internal override string IntegerDivide(string numerator, string denominator) => "((" + numerator + ") / (" + denominator + "))";

        internal override string Text(string expression) => "CAST(" + expression + " AS text)";

        internal override bool IsZonedTimestamp(string dataTypeName) =>
            dataTypeName.StartsWith("timestamp with time zone", StringComparison.OrdinalIgnoreCase)
            || string.Equals(dataTypeName, "timestamptz", StringComparison.OrdinalIgnoreCase);

        internal override string ZonedMicros(string column) => "CAST(extract(epoch FROM " + column + ") * 1000000 AS bigint)";

        internal override string NaiveMicros(string expression) => "CAST(extract(epoch FROM CAST(" + expression + " AS timestamp)) * 1000000 AS bigint)";

        internal override string ParseTimestamp(string textExpression) => "CAST(NULLIF(TRIM(" + textExpression + "), '') AS timestamp)";

        internal override string BinaryOrder(string expression) => expression + " COLLATE \"C\"";

        internal override string OrderedList(string expression, string orderBy) => "array_agg(" + expression + " ORDER BY " + orderBy + ")";

        internal override string ListOf(string expression) => "ARRAY[" + expression + "]";
    }
    // SQLite: no GREATEST (its many-argument max() is NULL when any argument is), no array type (JSON arrays instead), no
    // decimal type (amounts parsed from their text), timestamps as text (unixepoch keeps milliseconds and applies an offset
    // written in the text), parameters bound by name.
    private sealed class SqliteDialect : SqlDialect
    {
        public override string Name => "SQLite";

        internal override string Parameter(int position) => "@p" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

        internal override bool NamedParameters => true;

        internal override bool DynamicTypes => true;

        // Integer operands divide as integers, truncating.
        internal override string IntegerDivide(string numerator, string denominator) => "((" + numerator + ") / (" + denominator + "))";

        internal override string Text(string expression) => "CAST(" + expression + " AS TEXT)";

        internal override bool IsZonedTimestamp(string dataTypeName) => false;

        internal override string ZonedMicros(string column) => Millis(column);

        internal override string NaiveMicros(string expression) => Millis(expression);

        internal override string ParseTimestamp(string textExpression) => "NULLIF(TRIM(" + textExpression + "), '')";

        // A text that ends in an offset (+08:00, -05:00) or Z is an instant, which unixepoch converts to UTC itself; any other
        // is local at the mapping's zone.
        internal override string TextMicros(string column, string? zone)
        {
            var text = ParseTimestamp(Text(column));
            if (zone is null)
            {
                return Millis(text);
            }

            return "(CASE WHEN (substr(" + text + ", -6, 1) IN ('+', '-') AND substr(" + text + ", -3, 1) = ':') OR upper(substr(" + text + ", -1)) = 'Z' THEN "
                + Millis(text) + " ELSE " + Shifted(Millis(text), zone) + " END)";
        }

        // unixepoch(x, 'subsec') is whole milliseconds over 1000 (SQLite's resolution), exact in a double to well below half a
        // millisecond, so rounding the milliseconds recovers them exactly.
        private static string Millis(string expression) => "(CAST(round(unixepoch(" + expression + ", 'subsec') * 1000) AS INTEGER) * 1000)";

        internal override string Greatest(string first, IEnumerable<string> others) =>
            "max(" + first + string.Concat(others.Select(o => ", COALESCE(" + o + ", " + first + ")")) + ")";

        // The decimal digits of the text, rounded half away from zero at the minor unit: integer part x 10^d, the first d
        // fraction digits, and one more when the next digit is 5 or more. No floating point, except for a number written
        // with an exponent (SQLite writes very large or small REALs so), which is rounded from its double.
        internal override string AmountMinorUnits(string column, bool text, int digits)
        {
            var t = "NULLIF(TRIM(" + Text(column) + "), '')";
            var u = "ltrim(" + t + ", '+-')";
            var dot = "instr(" + u + ", '.')";
            var whole = "CASE WHEN " + dot + " = 0 THEN " + u + " ELSE substr(" + u + ", 1, " + dot + " - 1) END";
            var fraction = "(CASE WHEN " + dot + " = 0 THEN '' ELSE substr(" + u + ", " + dot + " + 1) END || '" + new string('0', digits + 1) + "')";
            var scale = "1" + new string('0', digits);
            var d = digits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var next = (digits + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return "(CASE WHEN " + t + " IS NULL THEN NULL WHEN instr(lower(" + t + "), 'e') > 0 THEN CAST(round(CAST(" + t + " AS REAL) * " + scale + ") AS INTEGER) ELSE "
                + "(CASE WHEN substr(" + t + ", 1, 1) = '-' THEN -1 ELSE 1 END) * (CAST(" + whole + " AS INTEGER) * " + scale
                + " + CAST(substr(" + fraction + ", 1, " + d + ") AS INTEGER) + CASE WHEN substr(" + fraction + ", " + next + ", 1) >= '5' THEN 1 ELSE 0 END) END)";
        }

        // SQLite orders text by its bytes (BINARY collation, UTF-8: code points) unless a column declares another.
        internal override string BinaryOrder(string expression) => expression + " COLLATE BINARY";

        internal override string OrderedList(string expression, string orderBy) => "json_group_array(" + expression + " ORDER BY " + orderBy + ")";

        internal override string ListOf(string expression) => "json_array(" + expression + ")";

        // json_group_array of no row is '[]', where the others give NULL.
        internal override string FilteredList(string expression, string orderBy, string filter) =>
            "NULLIF(" + OrderedList(expression, orderBy) + " FILTER (WHERE " + filter + "), '[]')";

        internal override List<string> ReadList(object value)
        {
            using var document = System.Text.Json.JsonDocument.Parse((string)value);
            var steps = new List<string>();
            foreach (var step in document.RootElement.EnumerateArray())
            {
                steps.Add(step.GetString()!);
            }

            return steps;
        }
    }
}
