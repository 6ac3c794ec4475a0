using System.Text;

namespace LeadAnalytics.Sql;

/// <summary>
/// What differs between SQL engines, in one small class each: identifier quoting, parameter markers, integer division,
/// text casts and turning a timestamp column into epoch microseconds. Everything else in the generated queries is plain SQL
/// (CTEs, CASE, GREATEST, COALESCE, GROUP BY, UNION ALL) that both engines run unchanged.
/// </summary>
/// <remarks>Only dialects that the tests run are shipped: <see cref="DuckDb"/> and <see cref="PostgreSql"/>. Immutable and thread-safe.</remarks>
public abstract class SqlDialect
{
    private protected SqlDialect()
    {
    }

    /// <summary>DuckDB 1.5 (DuckDB.NET): database files, Parquet and CSV through views.</summary>
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>PostgreSQL 15 (Npgsql).</summary>
    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

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
}
