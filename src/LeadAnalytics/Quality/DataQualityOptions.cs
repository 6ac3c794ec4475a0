using LeadAnalytics.Data;

namespace LeadAnalytics.Quality;

/// <summary>Settings of <see cref="DataQualityAnalyzer"/> and <see cref="DataQualityChecker"/> (and of the per-row checks of a
/// CSV import).</summary>
/// <remarks>Immutable once built; thread-safe. The stale rule and the acquisition period are the shared
/// <see cref="AnalysisScope"/> (<see cref="Scope"/>), so a lead stale for <c>validate</c> is stale for every engine.</remarks>
public sealed class DataQualityOptions
{
    private static readonly LeadField[] DefaultRequired = { LeadField.Id, LeadField.Channel, LeadField.AcquiredAt };
    private readonly IReadOnlyList<LeadField> _requiredFields = DefaultRequired;
    private readonly AnalysisScope _scope = AnalysisScope.Default;
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

    /// <summary>The shared part (docs/data-quality.md, "Scope"): <see cref="AnalysisScope.StaleAfter"/> is the stale rule of
    /// <see cref="DataQualityRule.StaleLead"/> (30 days by default, <see cref="TimeSpan.Zero"/> turns the check off), and
    /// <see cref="AnalysisScope.Period"/> limits the set-level checks to the leads acquired in it (all time by default).
    /// <see cref="AnalysisScope.Breakdown"/> and <see cref="AnalysisScope.Cohort"/> must stay empty: the checks are not
    /// broken down. Stale treatment, confidence, interval method and thread count do not apply. The per-row checks of
    /// <see cref="DataQualityChecker.BuildLead"/> and <see cref="DataQualityChecker.CheckRecord(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/>
    /// ignore the scope. <see cref="AnalysisScope.Default"/> unless set.</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? AnalysisScope.Default;
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

    /// <summary>Checks the scope as every engine does, and refuses the breakdown the checks cannot honour.</summary>
    /// <exception cref="ArgumentException">A breakdown or cohort is set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of the scope is out of range.</exception>
    internal void Validate()
    {
        Scope.Validate();
        Preconditions.CheckArgument(!Scope.HasBreakdown, nameof(Scope), "The data-quality checks are not broken down: leave Scope.Breakdown and Scope.Cohort unset.");
    }
}
