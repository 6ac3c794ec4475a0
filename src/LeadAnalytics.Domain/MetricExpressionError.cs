namespace LeadAnalytics;

/// <summary>Why a target expression (or a metric, or a value) did not parse, and where.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MetricExpressionError
{
    internal MetricExpressionError(string expression, int position, string message)
    {
        Expression = expression;
        Position = position;
        Message = message;
    }

    /// <summary>The text that was parsed.</summary>
    public string Expression { get; }

    /// <summary>The zero-based character position of the problem in <see cref="Expression"/> (its length when text is missing at the end).</summary>
    public int Position { get; }

    /// <summary>What is wrong, in a sentence that names the position.</summary>
    public string Message { get; }

    /// <summary>Returns the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

/// <summary>Thrown when a target expression, metric or value does not follow the grammar (docs/actions.md).</summary>
public sealed class MetricExpressionException : FormatException
{
    /// <summary>Creates the exception from the parse error.</summary>
    /// <param name="error">The error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public MetricExpressionException(MetricExpressionError error)
        : base(Preconditions.CheckNotNull(error, nameof(error)).Message)
    {
        Error = error;
    }

    /// <summary>The parse error.</summary>
    public MetricExpressionError Error { get; }

    /// <summary>The text that was parsed.</summary>
    public string Expression => Error.Expression;

    /// <summary>The zero-based position of the problem.</summary>
    public int Position => Error.Position;
}
