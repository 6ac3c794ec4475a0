namespace LeadAnalytics.Sql;

/// <summary>A table or view, optionally qualified (<c>schema.table</c>, <c>catalog.schema.table</c>); each part is quoted as
/// an identifier, so any name works and none is pasted into SQL as text.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SqlTableName
{
    private readonly string[] _parts;

    /// <summary>A name from its parts, outermost first.</summary>
    /// <param name="parts">One to three non-empty parts, without control characters.</param>
    /// <exception cref="ArgumentException">There are no parts, more than three, or one is empty or holds a control character.</exception>
    public SqlTableName(params string[] parts)
    {
        Preconditions.CheckArgument(parts is { Length: >= 1 and <= 3 }, nameof(parts), "A table name has one to three parts.");

        foreach (var p in parts)
        {
            Preconditions.CheckArgument(!string.IsNullOrEmpty(p) && !p.Any(char.IsControl), nameof(parts), "A table name part must be non-empty text without control characters.");
        }

        _parts = (string[])parts.Clone();
    }

    /// <summary>The parts, outermost first.</summary>
    public IReadOnlyList<string> Parts => _parts;

    /// <summary>Reads <c>table</c>, <c>schema.table</c> or <c>catalog.schema.table</c> (split at dots; use the constructor
    /// for names that contain a dot).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The table name.</returns>
    /// <exception cref="ArgumentException">A part is empty, or there are more than three.</exception>
    public static SqlTableName Parse(string name) =>
        new(Preconditions.CheckNotNull(name).Split('.'));

    /// <summary>The name as written: parts joined by dots.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => string.Join(".", _parts);

    internal string Quoted(SqlDialect dialect) => string.Join(".", _parts.Select(dialect.Quote));
}
