using System.Data.Common;

namespace LeadAnalytics.Sql;

/// <summary>Generated SQL text with its bound parameters (positional, 1-based, each value bound once).</summary>
internal sealed class SqlCommandText
{
    private readonly SqlDialect _dialect;
    private readonly List<object> _values = new();
    private readonly List<string> _names = new();
    private readonly Dictionary<string, string> _markers = new(StringComparer.Ordinal);

    internal SqlCommandText(SqlDialect dialect)
    {
        _dialect = dialect;
    }

    internal string Text { get; set; } = "";

    internal IReadOnlyList<object> Values => _values;

    /// <summary>The marker of a named value, binding it on first use.</summary>
    internal string Bind(string name, object value)
    {
        if (!_markers.TryGetValue(name, out var marker))
        {
            _values.Add(value);
            _names.Add(name);
            marker = _dialect.Parameter(_values.Count);
            _markers.Add(name, marker);
        }
        else if (!Equals(_values[_names.IndexOf(name)], value))
        {
            // One name, one value: a second value under a name would silently reuse the first (an open journey once ended at
            // the as-of's next whole second because two parts of one query both bound "asofus").
            throw new InvalidOperationException($"The query parameter '{name}' is bound twice with different values.");
        }

        return marker;
    }

    internal DbCommand Create(DbConnection connection, int? timeoutSeconds)
    {
        var command = connection.CreateCommand();
        command.CommandText = Text;
        if (timeoutSeconds is { } t)
        {
            command.CommandTimeout = t;
        }

        for (var i = 0; i < _values.Count; i++)
        {
            var p = command.CreateParameter();
            if (_dialect.NamedParameters)
            {
                p.ParameterName = _dialect.Parameter(i + 1);
            }

            p.Value = _values[i];
            command.Parameters.Add(p);
        }

        return command;
    }
}
