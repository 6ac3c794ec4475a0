namespace LeadAnalytics.LossReasons;

/// <summary>Options of <see cref="LossReasonAnalyzer"/>.</summary>
public sealed class LossReasonOptions
{
    /// <summary>Maps a normalised spelling to the reason it counts as, for example <c>预算不足</c> → <c>budget</c>.
    /// Keys are matched after trimming and (when <see cref="CaseFold"/>) lower-casing; the value is the label reported.</summary>
    public IReadOnlyDictionary<string, string>? Synonyms { get; init; }

    /// <summary>Whether reasons that differ only in letter case count as one (invariant lower case). On by default.</summary>
    public bool CaseFold { get; init; } = true;

    /// <summary>The dimensions of the breakdowns besides stage; channel, strategy and owner by default.</summary>
    public IReadOnlyList<Dimension> Dimensions { get; init; } = new[] { Dimension.Channel, Dimension.Strategy, Dimension.Owner };

    /// <summary>Only leads acquired at or after this instant; all when null.</summary>
    public DateTimeOffset? AcquiredFrom { get; init; }

    /// <summary>Only leads acquired before this instant; all when null.</summary>
    public DateTimeOffset? AcquiredTo { get; init; }

    /// <summary>How lost revenue is valued; by default each lost lead at its channel's average won deal.</summary>
    public ExpectedDealSize ExpectedDealSize { get; init; } = ExpectedDealSize.ChannelAverage;

    /// <summary>A reason dominates a segment (stage or dimension value) when its share of the segment's lost leads is
    /// at least this; 0.5 by default.</summary>
    public double DominanceShare { get; init; } = 0.5;

    /// <summary>No dominance is reported for a segment with fewer lost leads than this; 20 by default.</summary>
    public int MinimumLostLeads { get; init; } = 20;

    /// <summary>How many threads may scan the rows: 1 (the default) for one; -1 for one per processor. The result is
    /// identical for every value: rows are split into contiguous chunks whose counts and decimal sums are added in chunk
    /// order (docs/performance.md).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    // Below this many rows per chunk, threads cost more than they save. Tests lower it to exercise chunking on small data.
    internal int MinRowsPerChunk { get; init; } = Data.RowChunks.DefaultMinRowsPerChunk;

    internal int EffectiveParallelism => Data.RowChunks.Effective(MaxDegreeOfParallelism);

    /// <summary>The defaults.</summary>
    public static LossReasonOptions Default { get; } = new();
}

/// <summary>How the revenue lost with a lead is estimated.</summary>
public enum ExpectedDealSize
{
    /// <summary>Not estimated: <see cref="LossReasonRow.LostRevenue"/> is null.</summary>
    None = 0,

    /// <summary>The average deal amount of the won leads of the lost lead's channel (null for a channel with no won deal).</summary>
    ChannelAverage = 1,

    /// <summary>The average deal amount of all won leads.</summary>
    OverallAverage = 2,
}
