namespace LeadAnalytics.Effectiveness;

/// <summary>Why a cost entry was not allocated to any lead.</summary>
public enum UnmatchedCostReason
{
    /// <summary>No lead in the table has the entry's channel, strategy or content value (often a spelling difference).</summary>
    UnknownKey = 0,

    /// <summary>Leads with the value exist, but none was acquired in the part of the cost period inside the report period.</summary>
    NoLeadInPeriod = 1,
}

/// <summary>A cost entry whose in-period amount matched no lead: it counts in <see cref="CostSummary.Unallocated"/>, not in
/// any segment.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class UnmatchedCost
{
    internal UnmatchedCost(CostEntry entry, decimal inPeriodAmount, UnmatchedCostReason reason)
    {
        Entry = entry;
        InPeriodAmount = inPeriodAmount;
        Reason = reason;
    }

    /// <summary>The entry as given.</summary>
    public CostEntry Entry { get; }

    /// <summary>The part of the entry's amount inside the report period, in the report currency.</summary>
    public decimal InPeriodAmount { get; }

    /// <summary>Why it matched nothing.</summary>
    public UnmatchedCostReason Reason { get; }

    /// <summary>Describes the entry and the reason.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Entry.Scope} {Entry.Key}: {InPeriodAmount.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({Reason})";
}
