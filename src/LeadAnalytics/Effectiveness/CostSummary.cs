namespace LeadAnalytics.Effectiveness;

/// <summary>How a report's spend was found and where it went: the in-period total, what was allocated to leads, what matched
/// no lead, and the leads that carry no cost.</summary>
/// <remarks>
/// <para>Conservation: <see cref="Allocated"/> + <see cref="Unallocated"/> = <see cref="InPeriodTotal"/> exactly, and the
/// totals row's spend is <see cref="Allocated"/>, the exact sum of the leads' shares (segments that do not overlap sum to it).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CostSummary
{
    internal CostSummary(CostSource source, Currency currency, decimal inPeriodTotal, decimal allocated, IReadOnlyList<UnmatchedCost> unmatched,
        int entriesOutsidePeriod, int leadsWithoutCost, IReadOnlyList<string> leadsWithoutCostIds)
    {
        Source = source;
        Currency = currency;
        InPeriodTotal = inPeriodTotal;
        Allocated = allocated;
        UnmatchedCosts = unmatched;
        EntriesOutsidePeriod = entriesOutsidePeriod;
        LeadsWithoutCost = leadsWithoutCost;
        LeadsWithoutCostIds = leadsWithoutCostIds;
    }

    /// <summary>Where the spend came from: <see cref="CostSource.CostTable"/> or <see cref="CostSource.PerLeadCosts"/>.</summary>
    public CostSource Source { get; }

    /// <summary>The report currency.</summary>
    public Currency Currency { get; }

    /// <summary>Costs table: the sum of every entry's in-period part (pro rata by time overlap, rounded to the minor unit).
    /// Per-lead costs: the sum of the in-period leads' acquisition costs.</summary>
    public decimal InPeriodTotal { get; }

    /// <summary>The part allocated to leads: the totals row's spend.</summary>
    public decimal Allocated { get; }

    /// <summary>The part that matched no lead (<see cref="UnmatchedCosts"/>).</summary>
    public decimal Unallocated => InPeriodTotal - Allocated;

    /// <summary>Entries with an in-period part that matched no lead, ordered by scope, key, period and amount.</summary>
    public IReadOnlyList<UnmatchedCost> UnmatchedCosts { get; }

    /// <summary>Entries whose period does not overlap the report period (ignored).</summary>
    public int EntriesOutsidePeriod { get; }

    /// <summary>In-period leads that carry no cost (no matching entry, or no acquisition cost).</summary>
    public int LeadsWithoutCost { get; }

    /// <summary>The first ids (ordinal order) of leads without cost, at most <see cref="EffectivenessOptions.MaxListedLeadIds"/>.</summary>
    public IReadOnlyList<string> LeadsWithoutCostIds { get; }
}
