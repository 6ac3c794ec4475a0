using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Actions;

/// <summary>What the cost metrics of one evaluation share: the costs prepared once for the effectiveness engine's allocator
/// (in the report currency, the table's), and every lead of the table in acquisition order (a cost is divided among all
/// the leads it matches, not only the segment's).</summary>
internal sealed class CostContext
{
    private CostContext(LeadTable table, SegmentRows allRows, List<CostAllocator.PreparedCost>? prepared, Currency currency, string? problem)
    {
        Table = table;
        AllRows = allRows;
        Prepared = prepared;
        Currency = currency;
        Problem = problem;
        Scale = LeadTable.Pow10(currency.MinorUnits);
    }

    internal LeadTable Table { get; }

    internal SegmentRows AllRows { get; }

    /// <summary>The prepared costs table, or <see langword="null"/> when none was given: then each lead's own acquisition
    /// cost is its spend (the effectiveness engine's <see cref="CostSource.Auto"/>).</summary>
    internal List<CostAllocator.PreparedCost>? Prepared { get; }

    internal Currency Currency { get; }

    internal decimal Scale { get; }

    /// <summary>Why spend cannot be computed (costs in several currencies), or <see langword="null"/>.</summary>
    internal string? Problem { get; }

    internal static CostContext Create(LeadTable table, IReadOnlyList<CostEntry>? costs)
    {
        var all = new SegmentRows(table, SegmentFilter.All);
        if (costs is not { Count: > 0 })
        {
            return new CostContext(table, all, null, table.Currency, null);
        }

        var currency = table.Currency;
        if (currency == Currency.None)
        {
            currency = costs[0].Amount.Currency;
        }

        try
        {
            return new CostContext(table, all, CostAllocator.Prepare(costs, table, currency, null), currency, null);
        }
        catch (CurrencyMismatchException e)
        {
            return new CostContext(table, all, null, currency, "Spend cannot be computed: " + e.Message);
        }
    }
}
