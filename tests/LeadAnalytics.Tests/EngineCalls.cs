using LeadAnalytics.Actions;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Tests;

/// <summary>The engines called with costs and actions held apart from the rules, as many tests build them: each folds them
/// into the options and calls the one engine entry point, <c>Analyze(table, asOf, options)</c>.</summary>
internal static class EngineCalls
{
    internal static EffectivenessResult Summarize(LeadTable table, IEnumerable<CostEntry>? costs, DateTimeOffset asOf, EffectivenessOptions? options = null) =>
        EffectivenessAnalyzer.Analyze(table, asOf, (options ?? EffectivenessOptions.Default).WithCosts(costs?.ToList()));

    internal static ActionResult Evaluate(
        IEnumerable<OptimisationAction> actions, LeadTable table, DateTimeOffset asOf, IEnumerable<CostEntry>? costs = null, ActionOptions? options = null) =>
        ActionAnalyzer.Analyze(table, asOf, (options ?? ActionOptions.Default).With((actions ?? throw new ArgumentNullException(nameof(actions))).ToList(), costs?.ToList()));
}
