using LeadAnalytics.Data;

namespace LeadAnalytics.CycleTime;

/// <summary>
/// The exact, mergeable state of a cycle-time analysis over some of the leads: per group (all leads, and each segment named by
/// its values) the outcome counts and the durations counted per value at the table's resolution (whole seconds): acquisition
/// to won, to lost and to the as-of instant (censored), and each stage transition. Compute one per partition (row ranges,
/// files, machines) with <see cref="CycleTimeAnalyzer.AnalyzePartition"/>, <see cref="Merge(CycleTimePartition)"/> them in any
/// order, then read <see cref="ToResult"/>: it equals <see cref="CycleTimeAnalyzer.Analyze"/> over all the leads exactly,
/// quantiles, Kaplan-Meier, cumulative incidence, restricted means and the log-rank test included.
/// </summary>
/// <remarks>As Math.NET's <c>RunningStatistics.Combine</c>: merging is associative and commutative, and a partition of no
/// rows is its identity. Partitions merge when they share the as-of instant, the stage names and the options (the thread
/// count aside). Immutable and thread-safe.</remarks>
public sealed class CycleTimePartition
{
    internal CycleTimePartition(string[] stages, DateTimeOffset asOf, CycleTimeOptions options, long rowCount, CycleTally overall,
        Dictionary<SegmentKey, CycleTally> segments)
    {
        Stages = stages;
        AsOf = asOf;
        Options = options;
        RowCount = rowCount;
        Overall = overall;
        Segments = segments;
    }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The rows scanned (including leads outside the scope's period or acquired after as-of, which count nowhere).</summary>
    public long RowCount { get; }

    internal string[] Stages { get; }

    internal CycleTimeOptions Options { get; }

    internal CycleTally Overall { get; }

    internal Dictionary<SegmentKey, CycleTally> Segments { get; }

    /// <summary>Merges two partitions of disjoint leads.</summary>
    /// <param name="other">The other partition.</param>
    /// <returns>The partition of both; the same whichever order partitions are merged in.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The partitions differ in as-of, stage names or options.</exception>
    public CycleTimePartition Merge(CycleTimePartition other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(
            AsOf.Equals(other.AsOf) && Stages.SequenceEqual(other.Stages, StringComparer.Ordinal) && Options.IsEquivalentTo(other.Options),
            nameof(other), "Only partitions with the same as-of instant, stages and options can be merged.");
        var segments = new Dictionary<SegmentKey, CycleTally>(Segments);
        foreach (var pair in other.Segments)
        {
            segments[pair.Key] = segments.TryGetValue(pair.Key, out var mine) ? CycleTally.Merge(mine, pair.Value) : pair.Value;
        }

        return new CycleTimePartition(Stages, AsOf, Options, RowCount + other.RowCount, CycleTally.Merge(Overall, other.Overall), segments);
    }

    /// <summary>Merges any number of partitions.</summary>
    /// <param name="partitions">At least one partition.</param>
    /// <returns>Their merge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partitions"/> is null.</exception>
    /// <exception cref="ArgumentException">There are none, one is null, or they cannot be merged.</exception>
    public static CycleTimePartition Merge(IEnumerable<CycleTimePartition> partitions) => Partitions.MergeAll(partitions, (a, b) => a.Merge(b));

    /// <summary>The cycle-time statistics, identical to <see cref="CycleTimeAnalyzer.Analyze"/> over all the partitions' leads.</summary>
    /// <returns>The result.</returns>
    public CycleTimeResult ToResult() => CycleTimeAnalyzer.Finish(this);
}

// The sufficient statistics of one group of leads: outcome counts, and durations in whole seconds counted per value. Outcome
// durations are split by cause (0 censored, 1 won, 2 lost); transitions are keyed from * stages + to. Immutable once built.
internal sealed class CycleTally
{
    internal CycleTally(long[] counts, DurationCounts[] outcomes, DurationCounts[] transitions, long[] transitionNegatives)
    {
        Counts = counts;
        Outcomes = outcomes;
        Transitions = transitions;
        TransitionNegatives = transitionNegatives;
    }

    // Leads, won, lost, open, stale, negative, negative won, negative lost.
    internal const int Leads = 0, Won = 1, Lost = 2, Open = 3, Stale = 4, Negative = 5, NegativeWon = 6, NegativeLost = 7, CountSlots = 8;

    internal long[] Counts { get; }

    // By cause: 0 censored at as-of, 1 won, 2 lost.
    internal DurationCounts[] Outcomes { get; }

    internal DurationCounts[] Transitions { get; }

    internal long[] TransitionNegatives { get; }

    internal static CycleTally Empty(int stages)
    {
        var transitions = new DurationCounts[stages * stages];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = DurationCounts.Empty;
        }

        return new CycleTally(new long[CountSlots], new[] { DurationCounts.Empty, DurationCounts.Empty, DurationCounts.Empty }, transitions, new long[stages * stages]);
    }

    internal static CycleTally Merge(CycleTally a, CycleTally b)
    {
        var counts = new long[CountSlots];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = a.Counts[i] + b.Counts[i];
        }

        var outcomes = new DurationCounts[3];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = DurationCounts.Merge(a.Outcomes[i], b.Outcomes[i]);
        }

        var transitions = new DurationCounts[a.Transitions.Length];
        var negatives = new long[a.Transitions.Length];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = DurationCounts.Merge(a.Transitions[k], b.Transitions[k]);
            negatives[k] = a.TransitionNegatives[k] + b.TransitionNegatives[k];
        }

        return new CycleTally(counts, outcomes, transitions, negatives);
    }
}
