using LeadAnalytics.Metrics;

namespace LeadAnalytics.Funnel;

/// <summary>The metric columns of a funnel: per stage, per step and per funnel (a segment's or a cohort's row), each with
/// its JSON property and CSV header and a default view. The tool's CSV and tables are derived from these declarations; a
/// test fails when a declared metric is missing from the JSON, the CSV or the default table.</summary>
public static class FunnelColumns
{
    /// <summary>A stage's columns: reach and share of leads (the share without interval, as the CSV has always written it).</summary>
    public static MetricColumns<FunnelStageReach> Stages { get; } = new(new[]
    {
        new MetricColumn<FunnelStageReach>(MetricCatalog.Reach, "reached", s => s.Reach),
        new MetricColumn<FunnelStageReach>(MetricCatalog.ShareOfLeads, "shareOfLeads", s => s.ShareOfLeads, withInterval: false),
    }, new[] { MetricIds.Reach, MetricIds.ShareOfLeads });

    /// <summary>A step's columns (stage k to k + 1), with the default view of the tool's funnel table: step conversion,
    /// resolved drop-off, lost, stale and open at the step, and the median and 90th percentile of its time.</summary>
    public static MetricColumns<FunnelStep> Steps { get; } = new(new[]
    {
        new MetricColumn<FunnelStep>(MetricCatalog.Advanced, "advanced", s => s.Advanced),
        new MetricColumn<FunnelStep>(MetricCatalog.Lost, "lost", s => s.Lost),
        new MetricColumn<FunnelStep>(MetricCatalog.Stale, "stale", s => s.Stale),
        new MetricColumn<FunnelStep>(MetricCatalog.Open, "open", s => s.Open),
        new MetricColumn<FunnelStep>(MetricCatalog.Expired, "expired", s => s.Expired),
        new MetricColumn<FunnelStep>(MetricCatalog.StepConversion, "allLeads.conversion", s => s.AllLeads.Conversion),
        new MetricColumn<FunnelStep>(MetricCatalog.DropOff, "allLeads.dropOff", s => s.AllLeads.DropOff),
        new MetricColumn<FunnelStep>(MetricCatalog.ResolvedDropOff, "resolved.dropOff", s => s.Resolved.DropOff, csvName: "resolvedDropOff"),
        new MetricColumn<FunnelStep>(MetricCatalog.MedianStepDays, "duration.medianDays", s => s.Duration?.Median?.TotalDays),
        new MetricColumn<FunnelStep>(MetricCatalog.P90StepDays, "duration.p90Days", s => s.Duration?.NinetiethPercentile?.TotalDays),
    }, new[]
    {
        MetricIds.StepConversion, MetricIds.ResolvedDropOff, MetricIds.Lost, MetricIds.Stale, MetricIds.Open, MetricIds.MedianStepDays, MetricIds.P90StepDays,
    });

    /// <summary>A funnel's own columns, for a row per segment or cohort (the JSON's <c>funnel</c> object): leads, won, lost,
    /// stale and open, and the conversion of all leads and of the resolved ones. The default view is the conversion.</summary>
    public static MetricColumns<FunnelResult> Funnels { get; } = new(new[]
    {
        new MetricColumn<FunnelResult>(MetricCatalog.Leads, "leads", f => f.Leads),
        new MetricColumn<FunnelResult>(MetricCatalog.Won, "won", f => f.Won),
        new MetricColumn<FunnelResult>(MetricCatalog.Lost, "lost", f => f.Lost),
        new MetricColumn<FunnelResult>(MetricCatalog.Stale, "stale", f => f.Stale),
        new MetricColumn<FunnelResult>(MetricCatalog.Open, "open", f => f.Open),
        new MetricColumn<FunnelResult>(MetricCatalog.ConversionRate, "overallConversion", f => f.OverallConversion),
        new MetricColumn<FunnelResult>(MetricCatalog.WinRate, "resolvedOverallConversion", f => f.ResolvedOverallConversion),
    }, new[] { MetricIds.ConversionRate });
}
