using LeadAnalytics.Metrics;

namespace LeadAnalytics.CycleTime;

/// <summary>The metric columns of a <see cref="CycleTimeSegment"/> (the overall row and each segment's), with their JSON
/// property, CSV header and the default view of the tool's <c>cycle-time</c> table. The tool's CSV and table are derived
/// from them; a test fails when a declared metric is missing from the JSON, the CSV or the default table.</summary>
public static class CycleTimeColumns
{
    /// <summary>Every column in output order; the default view is every column but stale, the restricted mean and the mean
    /// days to lost (add them with <c>--metrics</c>).</summary>
    public static MetricColumns<CycleTimeSegment> Segments { get; } = new(new[]
    {
        new MetricColumn<CycleTimeSegment>(MetricCatalog.Leads, "leads", s => s.Leads),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.Won, "won", s => s.Won),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.Lost, "lost", s => s.Lost),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.Open, "open", s => s.Open),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.Stale, "stale", s => s.Stale),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.MedianTimeToWon, "median.value", s => s.TimeToWon.Median.Time, csvName: "median",
            lower: s => s.TimeToWon.Median.Lower, upper: s => s.TimeToWon.Median.Upper),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.TimeToWonP25, "timeToWon.quantiles[probability=0.25].value", s => s.TimeToWon.Quantile(0.25).Time, csvName: "p25"),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.TimeToWonP75, "timeToWon.quantiles[probability=0.75].value", s => s.TimeToWon.Quantile(0.75).Time, csvName: "p75"),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.RestrictedMeanTimeToWon, "timeToWon.restrictedMean.value", s => s.TimeToWon.RestrictedMean?.Value, csvName: "restrictedMean"),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.WonByHorizon, "competingRisks.wonByHorizon", s => IncidenceAtHorizon(s, CycleTimeResult.WonCause), withInterval: false),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.LostByHorizon, "competingRisks.lostByHorizon", s => IncidenceAtHorizon(s, CycleTimeResult.LostCause), withInterval: false),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.MeanDaysToWon, "acquisitionToWon.mean", s => s.AcquisitionToWon.Mean, csvName: "meanDaysToWon"),
        new MetricColumn<CycleTimeSegment>(MetricCatalog.MeanDaysToLost, "acquisitionToLost.mean", s => s.AcquisitionToLost.Mean, csvName: "meanDaysToLost"),
    }, new[]
    {
        MetricIds.Leads, MetricIds.Won, MetricIds.Lost, MetricIds.Open, MetricIds.MedianTimeToWon, MetricIds.TimeToWonP25, MetricIds.TimeToWonP75,
        MetricIds.WonByHorizon, MetricIds.LostByHorizon, MetricIds.MeanDaysToWon,
    });

    /// <summary>The cumulative incidence of a cause at the segment's horizon (its restricted mean's), or <see langword="null"/>
    /// without one.</summary>
    private static double? IncidenceAtHorizon(CycleTimeSegment s, int cause) =>
        s.TimeToWon.RestrictedMean?.Horizon is { } h && s.CompetingRisks.Count > 0 && s.CompetingRisks.IncidenceAt(cause, h) is var v
            && !double.IsNaN(v) && !double.IsInfinity(v) ? v : null;
}
