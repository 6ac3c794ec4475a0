using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Tests.LossReasons;

// The loss-reason tables count the same lost leads as the funnel and the effectiveness summary for the same as-of instant:
// overall, and stage by stage (a lead lost while at a stage is in that stage's funnel step and its loss-reason table).
public class LossReasonFunnelReconciliationTests
{
    [Property(MaxTest = 150)]
    public Property Lost_counts_reconcile_with_the_funnel_and_the_effectiveness_summary() =>
        Prop.ForAll(Arb.From(
            from leads in Generators.Leads(Pipeline.Default, 0, 150)
            from asOfDays in Gen.Choose(-5, 200)
            select (leads, asOfDays)), c =>
        {
            var (leads, asOfDays) = c;
            var table = LeadTable.Build(leads);
            var asOf = Generators.Epoch.AddDays(asOfDays);
            var report = LossReasonAnalyzer.Analyze(table, asOf);
            var funnel = FunnelAnalyzer.Analyze(table, asOf);
            var summary = EngineCalls.Summarize(table, null, asOf);

            // Stale leads count as lost in every engine by default (docs/metrics.md): recorded losses plus stale leads.
            var funnelLost = funnel.Lost + funnel.Stale;
            var byStage = funnel.Steps.All(s =>
                s.Lost + s.Stale == (report.ByStage.SingleOrDefault(t => t.Segment == s.From.Name)?.LostLeads ?? 0));
            return (report.LostLeads == funnelLost).Label($"loss reasons {report.LostLeads} vs funnel {funnelLost}")
                .And((report.LostLeads == summary.Total.Lost).Label($"loss reasons {report.LostLeads} vs effectiveness {summary.Total.Lost}"))
                .And((report.Stale == funnel.Stale && report.Stale == summary.Total.Stale).Label($"stale {report.Stale}, {funnel.Stale}, {summary.Total.Stale}"))
                .And((report.Overall.Rows.Sum(r => r.Count) == report.LostLeads).Label("Pareto rows sum to the lost leads"))
                .And((report.ByStage.Sum(t => t.LostLeads) == report.LostLeads).Label("stage tables sum to the lost leads"))
                .And(byStage.Label("stage by stage"));
        });
}
