using System.Collections;
using System.Data.Common;

namespace LeadAnalytics.Csv;

/// <summary>The smallest <see cref="DbDataReader"/> Sylvan's CsvDataWriter can write: string columns from a sequence of rows,
/// null cells written empty. Only what the writer calls is implemented.</summary>
internal sealed class StringRowDataReader : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly string[] _names;
    private readonly IEnumerator<string?[]> _rows;
    private string?[]? _current;
    private bool _closed;

    public StringRowDataReader(string[] names, IEnumerable<string?[]> rows)
    {
        _names = names;
        _rows = rows.GetEnumerator();
    }

    public override int FieldCount => _names.Length;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public System.Collections.ObjectModel.ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        new(_names.Select((n, i) => (DbColumn)new StringColumn(n, i)).ToList());

    public override bool Read()
    {
        if (_rows.MoveNext())
        {
            _current = _rows.Current;
            return true;
        }

        _current = null;
        return false;
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _names[ordinal];

    public override int GetOrdinal(string name) => Array.IndexOf(_names, name);

#if NET8_0_OR_GREATER
    [return: System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(
        System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields | System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)]
#endif
    public override Type GetFieldType(int ordinal) => typeof(string);

    public override string GetDataTypeName(int ordinal) => "string";

    public override bool IsDBNull(int ordinal) => _current![ordinal] is null;

    public override string GetString(int ordinal) => _current![ordinal] ?? string.Empty;

    public override object GetValue(int ordinal) => (object?)_current![ordinal] ?? DBNull.Value;

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, _names.Length);
        for (var i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }

        return n;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var s = GetString(ordinal);
        if (buffer is null)
        {
            return s.Length;
        }

        var n = (int)Math.Max(0, Math.Min(length, s.Length - dataOffset));
        s.CopyTo((int)dataOffset, buffer, bufferOffset, n);
        return n;
    }

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();

    public override byte GetByte(int ordinal) => throw new NotSupportedException();

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => throw new NotSupportedException();

    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();

    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();

    public override double GetDouble(int ordinal) => throw new NotSupportedException();

    public override float GetFloat(int ordinal) => throw new NotSupportedException();

    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();

    public override short GetInt16(int ordinal) => throw new NotSupportedException();

    public override int GetInt32(int ordinal) => throw new NotSupportedException();

    public override long GetInt64(int ordinal) => throw new NotSupportedException();

    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    private sealed class StringColumn : DbColumn
    {
        public StringColumn(string name, int ordinal)
        {
            ColumnName = name;
            ColumnOrdinal = ordinal;
            DataType = typeof(string);
            DataTypeName = "string";
            AllowDBNull = true;
        }
    }
}
