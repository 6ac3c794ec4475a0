namespace LeadAnalytics.Quality;

/// <summary>Settings of <see cref="DataQualityChecker"/> (and of the per-row checks of a CSV import).</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed class DataQualityOptions
{
    private static readonly LeadField[] DefaultRequired = { LeadField.Id, LeadField.Channel, LeadField.AcquiredAt };
    private readonly IReadOnlyList<LeadField> _requiredFields = DefaultRequired;
    private readonly TimeSpan _staleAfter = TimeSpan.FromDays(30);
    private readonly double _auditFraction = 0.10;
    private readonly double _cycleDaysTolerance = 1.0;

    /// <summary>The attribute key holding the cycle days (转化时长) as recorded by the source: <c>cycle_days</c>. The CSV reader
    /// stores the raw cell there whatever the header language; CRM code can set it too.</summary>
    public const string CycleDaysAttribute = "cycle_days";

    /// <summary>The defaults.</summary>
    public static DataQualityOptions Default { get; } = new();

    /// <summary>Fields a lead must have; default id, channel and acquired (the template's required-field check). The id and the
    /// acquisition instant are always required, listed or not.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IReadOnlyList<LeadField> RequiredFields
    {
        get => _requiredFields;
        init => _requiredFields = (Preconditions.CheckNotNull(value)).Distinct().OrderBy(f => (int)f).ToArray();
    }

    /// <summary>An open lead with no activity for this long before the as-of instant is stale; default 30 days (the template's
    /// rule). <see cref="TimeSpan.Zero"/> turns the check off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public TimeSpan StaleAfter
    {
        get => _staleAfter;
        init => _staleAfter = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "StaleAfter must not be negative.");
    }

    /// <summary>The fraction of leads drawn for the manual audit sample; default 0.10 (the template's "spot-check a random 10%").</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1] or NaN.</exception>
    public double AuditFraction
    {
        get => _auditFraction;
        init => _auditFraction = value is >= 0.0 and <= 1.0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "AuditFraction must lie in [0, 1].");
    }

    /// <summary>The seed of the audit sample; the same seed and leads give the same sample on every platform. Default 0.</summary>
    public int AuditSeed { get; init; }

    /// <summary>How far, in days, recorded cycle days may differ from the timestamps before <see cref="DataQualityRule.CycleDaysMismatch"/>
    /// is reported; default 1 (the template records whole days, timestamps are to the minute, so rounding either way passes).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or NaN.</exception>
    public double CycleDaysTolerance
    {
        get => _cycleDaysTolerance;
        init => _cycleDaysTolerance = value >= 0.0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "CycleDaysTolerance must not be negative.");
    }

    /// <summary>The currency every amount should be in, or <see langword="null"/> (the default) to take the data set's most common
    /// currency (ties broken by code), and, per lead, the currency of its deal amount.</summary>
    public Currency? ExpectedCurrency { get; init; }
}
