using LeadAnalytics.Data;

namespace LeadAnalytics.LossReasons;

/// <summary>Options of <see cref="LossReasonAnalyzer"/>.</summary>
public sealed class LossReasonOptions
{
    /// <summary>The scope by default: by channel, otherwise <see cref="AnalysisScope.Default"/>.</summary>
    internal static readonly AnalysisScope ByChannel = new() { Breakdown = new[] { Dimension.Channel } };

    private AnalysisScope _scope = ByChannel;

    /// <summary>The shared part: the breakdown (channel unless set; one dimension, a pair crossed, or tags, a lead then counting
    /// in each of its tags), the acquisition period, the stale rule (stale
    /// leads count as lost by default, with the reason <see cref="LossReasonAnalyzer.StaleReason"/>) and the thread count.</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? ByChannel;
    }

    /// <summary>Maps a normalised spelling to the reason it counts as, for example <c>预算不足</c> → <c>budget</c>.
    /// Keys are matched after trimming and (when <see cref="CaseFold"/>) lower-casing; the value is the label reported.</summary>
    public IReadOnlyDictionary<string, string>? Synonyms { get; init; }

    /// <summary>Whether reasons that differ only in letter case count as one (invariant lower case). On by default.</summary>
    public bool CaseFold { get; init; } = true;

    /// <summary>How lost revenue is valued; by default each lost lead at its channel's average won deal.</summary>
    public ExpectedDealSize ExpectedDealSize { get; init; } = ExpectedDealSize.ChannelAverage;

    /// <summary>A reason dominates a segment (stage or dimension value) when its share of the segment's lost leads is
    /// at least this; 0.5 by default.</summary>
    public double DominanceShare { get; init; } = 0.5;

    /// <summary>No dominance is reported for a segment with fewer lost leads than this; 20 by default.</summary>
    public int MinimumLostLeads { get; init; } = 20;

    internal int MinRowsPerChunk => Scope.MinRowsPerChunk;

    internal int EffectiveParallelism => Scope.EffectiveParallelism;

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
