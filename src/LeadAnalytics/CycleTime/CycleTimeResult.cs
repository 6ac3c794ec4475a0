namespace LeadAnalytics.CycleTime;

/// <summary>The result of <see cref="CycleTimeAnalyzer.Analyze"/>: cycle-time statistics overall and by segment.</summary>
/// <remarks>Immutable. Durations are in days (seconds / 86 400).</remarks>
public sealed class CycleTimeResult
{
    internal CycleTimeResult(DateTimeOffset asOf, CycleTimeOptions options, int notYetAcquired, CycleTimeSegment overall,
        IReadOnlyList<CycleTimeSegment> segments, LogRankResult? segmentComparison)
    {
        AsOf = asOf;
        Options = options;
        AcquiredAfterAsOf = notYetAcquired;
        Overall = overall;
        Segments = segments;
        SegmentComparison = segmentComparison;
    }

    /// <summary>Cause number of won in <see cref="CycleTimeSegment.CompetingRisks"/>.</summary>
    public const int WonCause = 1;

    /// <summary>Cause number of lost in <see cref="CycleTimeSegment.CompetingRisks"/>.</summary>
    public const int LostCause = 2;

    /// <summary>The as-of instant: open leads are censored here, later events ignored.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The options used.</summary>
    public CycleTimeOptions Options { get; }

    /// <summary>Leads in the table acquired after the as-of instant (left out).</summary>
    public int AcquiredAfterAsOf { get; }

    /// <summary>All leads acquired by the as-of instant.</summary>
    public CycleTimeSegment Overall { get; }

    /// <summary>One entry per segment of the scope's breakdown (a value, a pair of values, a tag: the one grouping of every engine) that has leads, ordered by
    /// <see cref="Data.SegmentKey"/> (ordinally by value)
    /// with the missing value first; empty when not segmented.</summary>
    public IReadOnlyList<CycleTimeSegment> Segments { get; }

    /// <summary>The log-rank test (weight <see cref="CycleTimeOptions.LogRankRho"/>) that time to won is the same in every
    /// segment; a group's <see cref="LogRankGroup.Group"/> is its index in <see cref="Segments"/>. <see langword="null"/>
    /// when not segmented, when segmented by tag, or with fewer than two segments.</summary>
    public LogRankResult? SegmentComparison { get; }
}
