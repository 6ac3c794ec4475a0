namespace LeadAnalytics;

/// <summary>
/// Thrown when amounts in two different currencies are added, subtracted or compared without a converter.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for the two currencies that met.</summary>
    /// <param name="expected">The currency of the left operand (or of the report).</param>
    /// <param name="actual">The other currency.</param>
    public CurrencyMismatchException(Currency expected, Currency actual)
        : base($"Cannot combine amounts in {expected.Code} and {actual.Code}; convert them to one currency first.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The currency of the left operand (or of the report).</summary>
    public Currency Expected { get; }

    /// <summary>The other currency.</summary>
    public Currency Actual { get; }
}
