using LeadAnalytics.Metrics;

namespace LeadAnalytics.LossReasons;

/// <summary>The metric columns of a Pareto row (<see cref="LossReasonRow"/>), with their JSON property and CSV header; the
/// default view (all four) is the tool's <c>loss-reasons</c> table. The tool's CSV and table are derived from them.</summary>
public static class LossReasonColumns
{
    /// <summary>Lost leads giving the reason, their share, the running share and the estimated lost revenue.</summary>
    public static MetricColumns<LossReasonRow> Rows { get; } = new(new[]
    {
        new MetricColumn<LossReasonRow>(MetricCatalog.ReasonLostLeads, "count", r => r.Count),
        new MetricColumn<LossReasonRow>(MetricCatalog.ReasonShare, "share", r => r.Share, withInterval: false),
        new MetricColumn<LossReasonRow>(MetricCatalog.ReasonCumulativeShare, "cumulativeShare", r => r.CumulativeShare, withInterval: false),
        new MetricColumn<LossReasonRow>(MetricCatalog.LostRevenue, "lostRevenue", r => r.LostRevenue),
    }, new[] { MetricIds.ReasonLostLeads, MetricIds.ReasonShare, MetricIds.ReasonCumulativeShare, MetricIds.LostRevenue });
}
