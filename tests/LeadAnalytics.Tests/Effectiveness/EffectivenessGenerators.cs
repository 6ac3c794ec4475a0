using LeadAnalytics.Data;
using FsCheck;
using FsCheck.Fluent;

namespace LeadAnalytics.Tests.Effectiveness;

/// <summary>Generators of costs tables and breakdowns for the effectiveness properties.</summary>
internal static class EffectivenessGenerators
{
    private static readonly Dimension[] SingleValued =
        { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType };

    /// <summary>A cost on a channel, strategy or content (sometimes a key no lead has), over 1 hour to 60 days starting from
    /// 30 days before to 180 days after the leads' epoch, with an amount to the cent.</summary>
    public static Gen<CostEntry> Cost { get; } =
        from scope in Gen.Elements(CostScope.Channel, CostScope.Strategy, CostScope.Content)
        from known in Gen.Elements(true, true, true, false)
        from channel in Gen.Elements(Generators.Channels)
        from strategy in Gen.Elements(Generators.Strategies)
        from content in Gen.Elements(Generators.Contents)
        from startHours in Gen.Choose(-30 * 24, 180 * 24)
        from lengthHours in Gen.Choose(1, 60 * 24)
        from cents in Gen.Choose(0, 50_000_000)
        select new CostEntry(scope, !known ? "unknown-" + scope : scope == CostScope.Channel ? channel : scope == CostScope.Strategy ? strategy : content,
            Generators.Epoch.AddHours(startHours), Generators.Epoch.AddHours(startHours + lengthHours), new Money(cents / 100m, Currency.CNY));

    public static Gen<CostEntry[]> Costs { get; } = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Cost, n));

    /// <summary>One single-valued dimension or a pair.</summary>
    public static Gen<Dimension[]> Breakdown { get; } =
        from first in Gen.Elements(SingleValued)
        from second in Gen.Elements(SingleValued)
        from pair in Gen.Elements(true, false)
        select pair && first != second ? new[] { first, second } : new[] { first };

    /// <summary>A period of 1 to 120 days within the leads' span, or all time.</summary>
    public static Gen<LeadAnalytics.Data.AcquisitionPeriod> Period { get; } =
        from all in Gen.Elements(false, false, false, true)
        from startDays in Gen.Choose(-10, 150)
        from lengthDays in Gen.Choose(1, 120)
        select all ? LeadAnalytics.Data.AcquisitionPeriod.AllTime
            : new LeadAnalytics.Data.AcquisitionPeriod(Generators.Epoch.AddDays(startDays), Generators.Epoch.AddDays(startDays + lengthDays));
}
