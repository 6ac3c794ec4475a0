namespace LeadAnalytics;

/// <summary>What a cost was spent on.</summary>
public enum CostScope
{
    /// <summary>A source channel.</summary>
    Channel = 0,

    /// <summary>A promotion strategy.</summary>
    Strategy = 1,

    /// <summary>A content asset.</summary>
    Content = 2,
}

/// <summary>
/// Money spent on a channel, strategy or content over a period (策略成本), optionally with the ad platform's
/// impressions and clicks for the same scope and period.
/// </summary>
/// <remarks>
/// The period is half-open, [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>): a cost for October 2023 runs
/// from 2023-10-01T00:00 to 2023-11-01T00:00. Immutable and thread-safe; equality by value over all fields.
/// </remarks>
public sealed class CostEntry : IEquatable<CostEntry>
{
    /// <summary>Creates a cost entry.</summary>
    /// <param name="scope">What the cost was spent on.</param>
    /// <param name="key">The channel, strategy or content value (ordinal, case-sensitive).</param>
    /// <param name="periodStart">Start of the period, inclusive.</param>
    /// <param name="periodEnd">End of the period, exclusive; after <paramref name="periodStart"/>.</param>
    /// <param name="amount">The amount spent; not negative.</param>
    /// <param name="impressions">Ad impressions in the period, if known; not negative.</param>
    /// <param name="clicks">Ad clicks in the period, if known; not negative.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is blank, or the period is empty or reversed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount, impressions or clicks are negative.</exception>
    public CostEntry(CostScope scope, string key, DateTimeOffset periodStart, DateTimeOffset periodEnd, Money amount, long? impressions = null, long? clicks = null)
    {
        Preconditions.CheckArgument(Enum.IsDefined(typeof(CostScope), scope), nameof(scope), $"Unknown cost scope {scope}.");
        Scope = scope;
        Key = Preconditions.CheckNotBlank(key, nameof(key));
        Preconditions.CheckArgument(periodEnd > periodStart, nameof(periodEnd), $"The period end ({periodEnd:O}) must be after its start ({periodStart:O}).");
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Preconditions.CheckNonNegative(amount.Amount, nameof(amount));
        Amount = amount;
        Preconditions.CheckRange(impressions is null or >= 0, impressions, "Impressions must not be negative.");

        Preconditions.CheckRange(clicks is null or >= 0, clicks, "Clicks must not be negative.");

        Impressions = impressions;
        Clicks = clicks;
    }

    /// <summary>What the cost was spent on.</summary>
    public CostScope Scope { get; }

    /// <summary>The channel, strategy or content value.</summary>
    public string Key { get; }

    /// <summary>Start of the period, inclusive.</summary>
    public DateTimeOffset PeriodStart { get; }

    /// <summary>End of the period, exclusive.</summary>
    public DateTimeOffset PeriodEnd { get; }

    /// <summary>The amount spent.</summary>
    public Money Amount { get; }

    /// <summary>Ad impressions in the period, or <see langword="null"/>.</summary>
    public long? Impressions { get; }

    /// <summary>Ad clicks in the period, or <see langword="null"/>.</summary>
    public long? Clicks { get; }

    /// <summary>The length of the period.</summary>
    public TimeSpan Duration => PeriodEnd - PeriodStart;

    /// <inheritdoc />
    public bool Equals(CostEntry? other) =>
        other is not null && Scope == other.Scope && string.Equals(Key, other.Key, StringComparison.Ordinal)
        && PeriodStart.Equals(other.PeriodStart) && PeriodEnd.Equals(other.PeriodEnd) && Amount.Equals(other.Amount)
        && Impressions == other.Impressions && Clicks == other.Clicks;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CostEntry);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked(((int)Scope * 31 + StringComparer.Ordinal.GetHashCode(Key)) * 31 + PeriodStart.GetHashCode());

    /// <summary>Describes the entry.</summary>
    /// <returns>Scope, key, period and amount.</returns>
    public override string ToString() => $"{Scope} {Key} [{PeriodStart:O}, {PeriodEnd:O}) {Amount}";
}
