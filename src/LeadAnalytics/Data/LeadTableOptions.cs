namespace LeadAnalytics.Data;

/// <summary>How a <see cref="LeadTable"/> is built.</summary>
public sealed class LeadTableOptions
{
    /// <summary>The pipeline. Every lead must use a pipeline with the same stage names; when null the first lead's is taken
    /// (or <see cref="LeadAnalytics.Pipeline.Default"/> for an empty table).</summary>
    public Pipeline? Pipeline { get; init; }

    /// <summary>The currency of the table's amounts. When null, the first amount's currency is taken; an amount in
    /// another currency is then converted with <see cref="CurrencyConverter"/> or, without one, throws
    /// <see cref="CurrencyMismatchException"/>.</summary>
    public Currency? Currency { get; init; }

    /// <summary>Converts an amount to the table currency (the second argument); <see langword="null"/> forbids mixing.</summary>
    public Func<Money, Currency, Money>? CurrencyConverter { get; init; }

    /// <summary>The default options.</summary>
    public static LeadTableOptions Default { get; } = new();
}
