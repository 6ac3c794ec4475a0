using LeadAnalytics.Data;

namespace LeadAnalytics.CycleTime;

/// <summary>Cycle-time statistics of one group of leads (all leads, or one segment).</summary>
/// <remarks>
/// <para>Only leads acquired at or before the as-of instant count, and only events at or before it.</para>
/// <para>Time to won treats lost leads as censored at their loss (they can no longer be seen to convert) and open leads as
/// censored at the as-of instant. 1 - <see cref="TimeToWon"/> is therefore the conversion probability in a world without
/// losses and overstates real conversion; <see cref="CompetingRisks"/> gives the proper shares won and lost by each time.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed class CycleTimeSegment
{
    internal CycleTimeSegment(SegmentKey? key, string? value, string label, int leads, int won, int lost, int open, int stale, int negativeExcluded,
        IReadOnlyList<DurationSummary> stageDurations, DurationSummary acquisitionToWon, DurationSummary acquisitionToLost,
        KaplanMeierCurve timeToWon, CumulativeIncidenceCurve competingRisks)
    {
        Key = key;
        Value = value;
        Label = label;
        Leads = leads;
        Won = won;
        Lost = lost;
        Open = open;
        Stale = stale;
        NegativeDurationsExcluded = negativeExcluded;
        StageDurations = stageDurations;
        AcquisitionToWon = acquisitionToWon;
        AcquisitionToLost = acquisitionToLost;
        TimeToWon = timeToWon;
        CompetingRisks = competingRisks;
    }

    /// <summary>The label of the whole set in <see cref="CycleTimeResult.Overall"/>.</summary>
    public const string AllLabel = "(all)";

    /// <summary>The segment's key (its dimensions and values); <see langword="null"/> for the overall group.</summary>
    public SegmentKey? Key { get; }

    /// <summary>The segment's dimension value (of a breakdown by one dimension; <see langword="null"/> for a pair, whose
    /// values are in <see cref="Key"/>); <see langword="null"/> for the missing value and for the overall group.</summary>
    public string? Value { get; }

    /// <summary>The value, <see cref="DimensionKeys.Missing"/> when missing, or <see cref="AllLabel"/> for the overall group.</summary>
    public string Label { get; }

    /// <summary>Leads acquired at or before the as-of instant.</summary>
    public int Leads { get; }

    /// <summary>Of those, won by the as-of instant.</summary>
    public int Won { get; }

    /// <summary>Of those, lost by the as-of instant: recorded losses, and stale leads when the scope counts them as lost (the
    /// default; lost at latest activity + StaleAfter, the instant the rule fired).</summary>
    public int Lost { get; }

    /// <summary>Of those, still open at the as-of instant (stale leads included when the scope counts them as open),
    /// censored there.</summary>
    public int Open { get; }

    /// <summary>Of those, stale as of the as-of instant (docs/metrics.md), whichever way they count: the same number every
    /// engine reports for the same scope and as-of.</summary>
    public int Stale { get; }

    /// <summary>Won or lost leads whose outcome is recorded before their acquisition: left out of
    /// <see cref="TimeToWon"/> and <see cref="CompetingRisks"/> (and of the acquisition-to-outcome summaries, which count
    /// them too), never clamped.</summary>
    public int NegativeDurationsExcluded { get; }

    /// <summary>Durations between consecutive recorded stages, one summary per (from, to) pair that occurs, ordered by from
    /// then to stage. A lead with a skipped stage contributes to the pair that spans the gap.</summary>
    public IReadOnlyList<DurationSummary> StageDurations { get; }

    /// <summary>Acquisition to won, over won leads.</summary>
    public DurationSummary AcquisitionToWon { get; }

    /// <summary>Acquisition to lost, over lost leads.</summary>
    public DurationSummary AcquisitionToLost { get; }

    /// <summary>Kaplan-Meier estimate of time from acquisition to won, in days; lost leads censored at the loss, open leads
    /// at the as-of instant.</summary>
    public KaplanMeierCurve TimeToWon { get; }

    /// <summary>Aalen-Johansen cumulative incidence of won (cause 1) and lost (cause 2), in days; open leads censored at
    /// the as-of instant.</summary>
    public CumulativeIncidenceCurve CompetingRisks { get; }
}
