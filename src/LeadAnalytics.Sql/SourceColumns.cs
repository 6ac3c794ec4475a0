using System.Data;
using System.Data.Common;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// The SQL expressions that read each mapped field of a source table, typed by a probe of the table's columns
/// (<c>SELECT * ... WHERE 1 = 0</c>): timestamps become epoch microseconds (UTC) whatever their storage (with a zone,
/// without one at the mapping's offset, or text), dimensions become trimmed text with empty as missing.
/// </summary>
internal sealed class SourceColumns
{
    private readonly SqlDialect _dialect;
    private readonly LeadColumnMapping _mapping;
    private readonly SqlTableName _table;
    private readonly Dictionary<string, (string TypeName, Type FieldType)> _columns;

    private SourceColumns(SqlDialect dialect, LeadColumnMapping mapping, SqlTableName table, Dictionary<string, (string, Type)> columns)
    {
        _dialect = dialect;
        _mapping = mapping;
        _table = table;
        _columns = columns;
    }

    internal SqlDialect Dialect => _dialect;

    internal static SourceColumns Probe(DbConnection connection, SqlDialect dialect, SqlTableName table, LeadColumnMapping mapping, int? timeout)
    {
        var text = new SqlCommandText(dialect) { Text = "SELECT * FROM " + table.Quoted(dialect) + " WHERE 1 = 0" };
        using var command = text.Create(connection, timeout);
        using var reader = command.ExecuteReader(CommandBehavior.SchemaOnly);
        var columns = new Dictionary<string, (string, Type)>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns[reader.GetName(i)] = (reader.GetDataTypeName(i), reader.GetFieldType(i));
        }

        return new SourceColumns(dialect, mapping, table, columns);
    }

    /// <summary>The epoch-microsecond expression of a timestamp field, or <see langword="null"/> when the field is unmapped.</summary>
    internal string? Micros(LeadField field, SqlCommandText command) => MicrosOf(Column(field), LeadColumnMapping.NameOf(field), command);

    /// <summary>The epoch-microsecond expression of a touchpoints table's timestamp field.</summary>
    internal string? TouchMicros(TouchpointField field, SqlCommandText command) => MicrosOf(TouchColumn(field), LeadColumnMapping.NameOf(field), command);

    /// <summary>The trimmed text of a touchpoints table's field, NULL when empty or unmapped.</summary>
    internal string Text(TouchpointField field) => TextOf(TouchColumn(field));

    /// <summary>The quoted column of a touchpoints table's field, checked to exist; <see langword="null"/> when unmapped.</summary>
    internal string? Quoted(TouchpointField field) => TouchColumn(field) is { } name ? _dialect.Quote(name) : null;

    private string? MicrosOf(string? name, string fieldName, SqlCommandText command)
    {
        if (name is null)
        {
            return null;
        }

        var (typeName, type) = _columns[name];
        var quoted = _dialect.Quote(name);
        if (!_dialect.DynamicTypes && (_dialect.IsZonedTimestamp(typeName) || type == typeof(DateTimeOffset)))
        {
            return _dialect.ZonedMicros(quoted);
        }

        var offset = (long)_mapping.TimeZone.TotalMinutes * 60_000_000L;
        var zone = offset == 0 ? null : command.Bind("zone", offset);
        if (type == typeof(string) || _dialect.DynamicTypes)
        {
            return _dialect.TextMicros(quoted, zone);
        }

        if (type == typeof(DateTime) || type.Name is "DateOnly")
        {
            return SqlDialect.Shifted(_dialect.NaiveMicros(quoted), zone);
        }

        throw new SqlSourceException(
            $"Column \"{name}\" of {_table} (field {fieldName}) is of type {typeName}; a timestamp, a date or text was expected.");
    }

    /// <summary>The trimmed text of a field, NULL when empty or unmapped.</summary>
    internal string Text(LeadField field) => TextOf(Column(field));

    private string TextOf(string? name) => name is null ? _dialect.NullText : "NULLIF(TRIM(" + _dialect.Text(_dialect.Quote(name)) + "), '')";

    /// <summary>An amount field in minor units (<paramref name="minorUnits"/> decimals), rounded half away from zero (the
    /// LeadTable's rule), as BIGINT; NULL when missing or unmapped. Numbers of any SQL numeric type, or text holding one.</summary>
    internal string Amount(LeadField field, int minorUnits)
    {
        if (Column(field) is not { } name)
        {
            return "CAST(NULL AS BIGINT)";
        }

        var (typeName, type) = _columns[name];
        var quoted = _dialect.Quote(name);
        if (type == typeof(string) || _dialect.DynamicTypes)
        {
            return _dialect.AmountMinorUnits(quoted, text: true, minorUnits);
        }

        if (type == typeof(decimal) || type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
            || type == typeof(double) || type == typeof(float) || type.Name is "BigInteger" or "UInt64" or "UInt32" or "UInt16" or "SByte")
        {
            return _dialect.AmountMinorUnits(quoted, text: false, minorUnits);
        }

        throw new SqlSourceException(
            $"Column \"{name}\" of {_table} (field {LeadColumnMapping.NameOf(field)}) is of type {typeName}; a number or text was expected.");
    }

    /// <summary>The column of a field, checked to exist; <see langword="null"/> when unmapped.</summary>
    internal string? Quoted(LeadField field) => Column(field) is { } name ? _dialect.Quote(name) : null;

    internal void Require(LeadField field)
    {
        if (_mapping.GetColumn(field) is null)
        {
            throw new SqlSourceException($"The column mapping has no column for {LeadColumnMapping.NameOf(field)}, which this analysis needs.");
        }
    }

    private string? TouchColumn(TouchpointField field) => Checked(_mapping.TouchColumn(field), LeadColumnMapping.NameOf(field));

    private string? Column(LeadField field) => Checked(_mapping.GetColumn(field), LeadColumnMapping.NameOf(field));

    private string? Checked(string? name, string fieldName)
    {
        if (name is not null && !_columns.ContainsKey(name))
        {
            throw new SqlSourceException(
                $"{_table} has no column \"{name}\" (field {fieldName}); its columns are: {string.Join(", ", _columns.Keys)}. " +
                "Map the field to another column, or to null when the table has none.");
        }

        return name;
    }
}
