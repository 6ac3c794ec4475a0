using LeadAnalytics.Metrics;

namespace LeadAnalytics.Effectiveness;

/// <summary>The metric columns of a <see cref="SegmentSummary"/>: every metric it computes, with its JSON property and CSV
/// header, and the default view of the tool's <c>segments</c> table. The JSON writer, the CSV writer, the table and the
/// HTML report read these declarations; a test fails when a metric of the summary is missing from one of them.</summary>
public static class SegmentSummaryColumns
{
    /// <summary>Every column, in output order, with the default view (leads, won, conversion, the Holm p-value against the
    /// rest, spend, cost per lead and per customer, revenue, ROAS, ROI).</summary>
    public static MetricColumns<SegmentSummary> All { get; } = new(new[]
    {
        new MetricColumn<SegmentSummary>(MetricCatalog.Leads, "leads", s => s.Leads),
        new MetricColumn<SegmentSummary>(MetricCatalog.Won, "won", s => s.Won),
        new MetricColumn<SegmentSummary>(MetricCatalog.Lost, "lost", s => s.Lost),
        new MetricColumn<SegmentSummary>(MetricCatalog.Open, "open", s => s.Open),
        new MetricColumn<SegmentSummary>(MetricCatalog.Stale, "stale", s => s.Stale),
        new MetricColumn<SegmentSummary>(MetricCatalog.ConversionRate, "conversionRate", s => s.ConversionRate, intervalPrefix: "conversion"),
        new MetricColumn<SegmentSummary>(MetricCatalog.WinRate, "winRate", s => s.WinRate),
        new MetricColumn<SegmentSummary>(MetricCatalog.AdjustedPValueVersusRest, "versusRest.adjustedPValue", s => s.VersusRest?.AdjustedPValue,
            csvName: "adjustedPValueVersusRest"),
        new MetricColumn<SegmentSummary>(MetricCatalog.Spend, "spend", s => s.Spend),
        new MetricColumn<SegmentSummary>(MetricCatalog.CostPerLead, "costPerLead", s => s.CostPerLead),
        new MetricColumn<SegmentSummary>(MetricCatalog.CostPerAcquisition, "costPerAcquisition", s => s.CostPerAcquisition),
        new MetricColumn<SegmentSummary>(MetricCatalog.Revenue, "revenue", s => s.Revenue),
        new MetricColumn<SegmentSummary>(MetricCatalog.Roas, "roas", s => s.Roas),
        new MetricColumn<SegmentSummary>(MetricCatalog.Roi, "roi", s => s.Roi),
        new MetricColumn<SegmentSummary>(MetricCatalog.AverageDealSize, "averageDealSize", s => s.AverageDealSize),
        new MetricColumn<SegmentSummary>(MetricCatalog.MedianCycleDays, "medianCycleDays", s => s.MedianCycleDays),
        new MetricColumn<SegmentSummary>(MetricCatalog.MedianDaysToWin, "medianDaysToWin", s => s.MedianDaysToWin),
        new MetricColumn<SegmentSummary>(MetricCatalog.SpeedToLeadMedianHours, "speedToLeadMedianHours", s => s.SpeedToLeadMedianHours),
        new MetricColumn<SegmentSummary>(MetricCatalog.SpeedToLeadP90Hours, "speedToLeadP90Hours", s => s.SpeedToLeadP90Hours),
        new MetricColumn<SegmentSummary>(MetricCatalog.ShareOfLeads, "shareOfLeads", s => s.ShareOfLeads),
        new MetricColumn<SegmentSummary>(MetricCatalog.ShareOfWon, "shareOfWon", s => s.ShareOfWon),
        new MetricColumn<SegmentSummary>(MetricCatalog.ShareOfSpend, "shareOfSpend", s => s.ShareOfSpend),
        new MetricColumn<SegmentSummary>(MetricCatalog.ShareOfRevenue, "shareOfRevenue", s => s.ShareOfRevenue),
        new MetricColumn<SegmentSummary>(MetricCatalog.Impressions, "impressions", s => s.Impressions),
        new MetricColumn<SegmentSummary>(MetricCatalog.Clicks, "clicks", s => s.Clicks),
        new MetricColumn<SegmentSummary>(MetricCatalog.ClickThroughRate, "clickThroughRate", s => s.ClickThroughRate),
        new MetricColumn<SegmentSummary>(MetricCatalog.CostPerClick, "costPerClick", s => s.CostPerClick),
        new MetricColumn<SegmentSummary>(MetricCatalog.CostPerThousandImpressions, "costPerThousandImpressions", s => s.CostPerThousandImpressions),
        new MetricColumn<SegmentSummary>(MetricCatalog.ClickToLeadRate, "clickToLeadRate", s => s.ClickToLeadRate),
        new MetricColumn<SegmentSummary>(MetricCatalog.GrossProfit, "grossProfit", s => s.GrossProfit),
        new MetricColumn<SegmentSummary>(MetricCatalog.ProfitRoi, "profitRoi", s => s.ProfitRoi),
        new MetricColumn<SegmentSummary>(MetricCatalog.ProfitPerCustomer, "profitPerCustomer", s => s.ProfitPerCustomer),
    }, new[]
    {
        MetricIds.Leads, MetricIds.Won, MetricIds.ConversionRate, MetricIds.AdjustedPValueVersusRest, MetricIds.Spend, MetricIds.CostPerLead,
        MetricIds.CostPerAcquisition, MetricIds.Revenue, MetricIds.Roas, MetricIds.Roi,
    });
}
