using LeadAnalytics.Data;
using FsCheck;
using FsCheck.Fluent;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Tests.Funnel;

/// <summary>A random funnel question: leads, an as-of instant, the rules, and a seed for shuffles and split points.</summary>
public sealed record FunnelScenario(Lead[] Leads, DateTimeOffset AsOf, FunnelOptions Options, int Seed)
{
    public override string ToString() =>
        $"{Leads.Length} leads, as of {AsOf:O}, strict {Options.RequireRecordedStages}, window {Options.ConversionWindow}, stale {Options.Scope.StaleAfter} {Options.Scope.StaleTreatment}, seed {Seed}";
}

public static class FunnelArbitraries
{
    public static Gen<FunnelOptions> Options { get; } =
        from strict in Gen.Elements(false, false, true)
        from windowDays in Gen.Elements(0, 0, 1, 7, 30)
        from staleDays in Gen.Elements(0, 30, 30, 10)
        from staleAsOpen in Gen.Elements(false, true)
        select new FunnelOptions
        {
            Scope = new AnalysisScope { StaleAfter = TimeSpan.FromDays(staleDays), StaleTreatment = staleAsOpen ? StaleTreatment.AsOpen : StaleTreatment.AsLost },
            RequireRecordedStages = strict,
            ConversionWindow = windowDays == 0 ? null : TimeSpan.FromDays(windowDays),
            Targets = new[] { StepTarget.ForDropOff(Pipeline.Contacted, 0.3) },
        };

    public static Arbitrary<FunnelScenario> Scenario() => Arb.From(
        from leads in Generators.Leads(Pipeline.Default, 0, 80)
        // Up to two years: as-of often falls after every generated event, the engines' settled fast path.
        from hours in Gen.Choose(0, 24 * 720)
        from options in Options
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new FunnelScenario(leads, Generators.Epoch.AddHours(hours), options, seed));
}
