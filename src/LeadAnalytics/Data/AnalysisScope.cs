using LeadAnalytics.Statistics;

namespace LeadAnalytics.Data;

/// <summary>
/// The part of every engine's options that says which leads are looked at, how they are grouped and how outcomes and
/// intervals are judged: the breakdown (dimensions, crossed; tags; acquisition cohorts), the acquisition period, the stale
/// rule, the confidence level and interval method, and the thread count. Every engine's options compose it as a property
/// <c>Scope</c>, so the same scope gives the same leads, the same segments and the same won / lost / stale / open counts in
/// every engine (docs/architecture.md).
/// </summary>
/// <remarks>Immutable once built (init-only properties); safe to share between threads and analyses. Validated once, by
/// the engine that receives it, with the same messages everywhere.</remarks>
public sealed class AnalysisScope
{
    private IReadOnlyList<Dimension> _breakdown = Array.Empty<Dimension>();
    private AcquisitionPeriod _period = AcquisitionPeriod.AllTime;

    /// <summary>The defaults: no breakdown, every lead acquired by as-of, stale after 30 days counted as lost, Wilson 95%,
    /// one thread.</summary>
    public static AnalysisScope Default { get; } = new();

    /// <summary>The dimensions whose observed combinations are the segments: none (the default) for the total only, one
    /// (per channel), or two crossed (channel × industry). <see cref="Dimension.Tag"/> is allowed once; a lead then counts in
    /// each of its tags, so segments overlap and do not sum to the total.</summary>
    public IReadOnlyList<Dimension> Breakdown
    {
        get => _breakdown;
        init => _breakdown = value ?? Array.Empty<Dimension>();
    }

    /// <summary>Acquisition cohorts (day, ISO week, month, quarter) as segments instead of dimensions; <see langword="null"/>
    /// (the default) for none. Not combined with <see cref="Breakdown"/>.</summary>
    public CohortPeriod? Cohort { get; init; }

    /// <summary>The UTC offset at which cohort days begin (for example +08:00 for China Standard Time); UTC by default.
    /// Whole minutes within ±14 hours.</summary>
    public TimeSpan CohortUtcOffset { get; init; } = TimeSpan.Zero;

    /// <summary>The acquisition period [from, to) of the leads analysed; <see cref="AcquisitionPeriod.AllTime"/> (the default)
    /// for every lead acquired by as-of.</summary>
    public AcquisitionPeriod Period
    {
        get => _period;
        init => _period = value ?? AcquisitionPeriod.AllTime;
    }

    /// <summary>An open lead whose latest activity (stage, follow-up, explicit last activity) is at least this long before
    /// as-of is stale, "presumed lost" (the template's 30-day rule). Default 30 days; <see cref="TimeSpan.Zero"/> turns the
    /// rule off. The rule fires at latest activity + StaleAfter (docs/metrics.md, "Outcomes as of an instant").</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Whether stale leads count as lost (the default, the template's rule) or stay open. Every output reports
    /// them separately as well.</summary>
    public StaleTreatment StaleTreatment { get; init; } = StaleTreatment.AsLost;

    /// <summary>Confidence level of every interval; 0.95 by default. Strictly between 0 and 1.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The interval method of every rate; Wilson by default.</summary>
    public ProportionIntervalMethod IntervalMethod { get; init; } = ProportionIntervalMethod.Wilson;

    /// <summary>How many threads may scan the rows: 1 (the default) for one; -1 for one per processor. Every engine gives
    /// the identical result for every value (docs/performance.md).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    // Below this many rows per chunk, threads cost more than they save. Tests lower it to exercise chunking on small data.
    internal int MinRowsPerChunk { get; init; } = RowChunks.DefaultMinRowsPerChunk;

    internal int EffectiveParallelism => RowChunks.Effective(MaxDegreeOfParallelism);

    internal bool StaleCountsAsLost => StaleTreatment == StaleTreatment.AsLost;

    internal bool HasBreakdown => _breakdown.Count > 0 || Cohort is not null;

    /// <summary>A copy with another breakdown (the rest unchanged).</summary>
    /// <param name="dimensions">The dimensions, crossed.</param>
    /// <returns>The scope.</returns>
    public AnalysisScope WithBreakdown(params Dimension[] dimensions) => Copy(dimensions ?? Array.Empty<Dimension>(), null, _period);

    /// <summary>A copy grouped by acquisition cohort (the rest unchanged).</summary>
    /// <param name="period">The cohort length.</param>
    /// <returns>The scope.</returns>
    public AnalysisScope WithCohorts(CohortPeriod period) => Copy(Array.Empty<Dimension>(), period, _period);

    /// <summary>A copy for another acquisition period (the rest unchanged).</summary>
    /// <param name="period">The period; <see langword="null"/> for all time.</param>
    /// <returns>The scope.</returns>
    public AnalysisScope WithPeriod(AcquisitionPeriod? period) => Copy(_breakdown, Cohort, period ?? AcquisitionPeriod.AllTime);

    // A copy with another breakdown and period.
    internal AnalysisScope With(IReadOnlyList<Dimension> breakdown, AcquisitionPeriod period) => Copy(breakdown, null, period);

    /// <summary>Checks every setting; the one place the shared options are validated.</summary>
    /// <param name="paramName">The name of the options argument, for the exception.</param>
    /// <exception cref="ArgumentException">A dimension is unknown or repeated, Tag appears twice, more than two dimensions
    /// are given, or both dimensions and cohorts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    internal void Validate(string paramName = "options")
    {
        if (_breakdown.Count > 2)
        {
            throw new ArgumentException($"Break down by at most two dimensions (got {_breakdown.Count}).", paramName);
        }

        for (var i = 0; i < _breakdown.Count; i++)
        {
            if ((uint)_breakdown[i] > (uint)Dimension.Tag)
            {
                throw new ArgumentException($"Unknown dimension {_breakdown[i]}.", paramName);
            }

            for (var j = 0; j < i; j++)
            {
                if (_breakdown[j] == _breakdown[i])
                {
                    throw new ArgumentException($"Dimension {_breakdown[i]} is given twice.", paramName);
                }
            }
        }

        if (Cohort is { } period)
        {
            if ((uint)period > (uint)CohortPeriod.Quarter)
            {
                throw new ArgumentOutOfRangeException(nameof(Cohort), period, "Unknown cohort period.");
            }

            if (_breakdown.Count > 0)
            {
                throw new ArgumentException("Break down by dimensions or by cohort, not both.", paramName);
            }
        }

        if (CohortUtcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || CohortUtcOffset > TimeSpan.FromHours(14) || CohortUtcOffset < TimeSpan.FromHours(-14))
        {
            throw new ArgumentOutOfRangeException(nameof(CohortUtcOffset), CohortUtcOffset, "The cohort offset is whole minutes within ±14 hours.");
        }

        if (StaleAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StaleAfter), StaleAfter, "StaleAfter must not be negative (zero turns the rule off).");
        }

        if ((uint)StaleTreatment > (uint)StaleTreatment.AsOpen)
        {
            throw new ArgumentOutOfRangeException(nameof(StaleTreatment), StaleTreatment, "Unknown stale treatment.");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence level lies strictly between 0 and 1.");
        }

        if (!RowChunks.IsValidParallelism(MaxDegreeOfParallelism))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, RowChunks.ParallelismMessage);
        }
    }

    // Partials merge only when everything that shapes the counts is the same (the thread count does not).
    internal bool IsEquivalentTo(AnalysisScope other) =>
        ReferenceEquals(this, other)
        || (_breakdown.SequenceEqual(other._breakdown) && Cohort == other.Cohort && CohortUtcOffset == other.CohortUtcOffset && _period.Equals(other._period)
            && StaleAfter == other.StaleAfter && StaleTreatment == other.StaleTreatment && Confidence.Equals(other.Confidence)
            && IntervalMethod == other.IntervalMethod);

    private AnalysisScope Copy(IReadOnlyList<Dimension> breakdown, CohortPeriod? cohort, AcquisitionPeriod period) => new()
    {
        Breakdown = breakdown,
        Cohort = cohort,
        CohortUtcOffset = CohortUtcOffset,
        Period = period,
        StaleAfter = StaleAfter,
        StaleTreatment = StaleTreatment,
        Confidence = Confidence,
        IntervalMethod = IntervalMethod,
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
        MinRowsPerChunk = MinRowsPerChunk,
    };
}
