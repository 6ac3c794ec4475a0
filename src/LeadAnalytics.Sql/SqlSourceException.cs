namespace LeadAnalytics.Sql;

/// <summary>The source table does not fit the column mapping (a missing column, a column of the wrong type) or holds a value
/// the engines refuse (such as amounts in several currencies); the message names the table, column and field.</summary>
public sealed class SqlSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the table, column and field.</param>
    public SqlSourceException(string message)
        : base(message)
    {
    }
}
