using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Funnel;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

/// <summary>
/// One row of the effectiveness summary (the template's Table 2, made rigorous): a segment's leads and outcomes, conversion
/// with its interval, spend, cost per lead and per customer, revenue, ROAS, ROI, deal size, cycle and speed to lead, and its
/// shares of the period's totals. Every metric is defined once in <see cref="MetricCatalog"/>.
/// </summary>
/// <remarks>Money is in the report's currency, unrounded (format it for display). A zero or unknown denominator gives
/// <see langword="null"/>, never NaN. Immutable and thread-safe.</remarks>
public sealed class SegmentSummary
{
    internal SegmentSummary(SegmentKey key, in SegmentFigures f, in SegmentFigures total, decimal scale, bool staleCountsAsLost, double confidence,
        ProportionIntervalMethod method, SegmentVersusRest? versusRest, FunnelMaturity? maturity = null)
    {
        Maturity = maturity;
        Key = key;
        Leads = f.Leads;
        Won = f.Won;
        Stale = f.Stale;
        Lost = staleCountsAsLost ? f.Lost + f.Stale : f.Lost;
        Open = staleCountsAsLost ? f.Open - f.Stale : f.Open;
        ConversionRate = new Rate(f.Won, f.Leads, confidence, method);
        WinRate = new Rate(f.Won, f.Won + Lost, confidence, method);
        Spend = f.LeadsWithCost > 0 ? f.SpendMinor / scale : null;
        LeadsWithoutCost = f.Leads - f.LeadsWithCost;
        WonWithoutDealAmount = f.Won - f.WonWithAmount;
        Revenue = f.Won > 0 && f.WonWithAmount == 0 ? null : f.RevenueMinor / scale;
        CostPerLead = Divide(Spend, f.Leads);
        CostPerAcquisition = Divide(Spend, f.Won);
        AverageDealSize = Revenue is { } r && f.WonWithAmount > 0 ? r / f.WonWithAmount : null;
        if (Spend is { } spend && spend != 0m && Revenue is { } revenue)
        {
            Roas = revenue / spend;
            Roi = (revenue - spend) / spend;
        }

        MedianCycleDays = f.MedianCycleDays;
        MedianDaysToWin = f.MedianDaysToWin;
        SpeedToLeadMedianHours = f.SpeedToLeadMedianHours;
        SpeedToLeadP90Hours = f.SpeedToLeadP90Hours;
        NegativeDurationsExcluded = f.NegativeDurations;
        ShareOfLeads = Share(f.Leads, total.Leads);
        ShareOfWon = Share(f.Won, total.Won);
        ShareOfSpend = f.LeadsWithCost > 0 && total.LeadsWithCost > 0 ? Share(f.SpendMinor, total.SpendMinor) : null;
        ShareOfRevenue = Revenue is null ? null : Share(f.RevenueMinor, total.RevenueMinor);
        VersusRest = versusRest;
    }

    /// <summary>The segment; <see cref="SegmentKey.All"/> for the totals row.</summary>
    public SegmentKey Key { get; }

    /// <summary>The segment's label, for example <c>抖音信息流</c> or <c>行业展会 × 教育</c>.</summary>
    public string Label => Key.Label;

    /// <summary>The position in the ranking, from 1; 0 for the totals row.</summary>
    public int Rank { get; private set; }

    /// <summary>线索量: leads acquired in the period (by as-of).</summary>
    public int Leads { get; }

    /// <summary>成交线索数: won by as-of.</summary>
    public int Won { get; }

    /// <summary>Lost by as-of (including stale leads when <see cref="AnalysisScope.StaleTreatment"/> as lost).</summary>
    public int Lost { get; }

    /// <summary>Neither won nor lost (excluding stale leads when they count as lost).</summary>
    public int Open { get; }

    /// <summary>Open leads with no activity for <see cref="AnalysisScope.StaleAfter"/> ("presumed lost").</summary>
    public int Stale { get; }

    /// <summary>转化率: won / leads, with its interval.</summary>
    public Rate ConversionRate { get; }

    /// <summary>Won / (won + lost): conversion among resolved leads.</summary>
    public Rate WinRate { get; }

    /// <summary>策略成本: spend attributed to the segment; <see langword="null"/> when none of its leads has cost information.</summary>
    public decimal? Spend { get; }

    /// <summary>Spend / leads, or <see langword="null"/>.</summary>
    public decimal? CostPerLead { get; }

    /// <summary>Spend / won (cost per customer), or <see langword="null"/>.</summary>
    public decimal? CostPerAcquisition { get; }

    /// <summary>成交金额: sum of won leads' deal amounts; <see langword="null"/> when there are won leads but none has an amount.</summary>
    public decimal? Revenue { get; }

    /// <summary>Revenue / spend (the template's "ROI 1:x"; format with <see cref="EffectivenessFormat.RoasRatio"/>), or <see langword="null"/>.</summary>
    public decimal? Roas { get; }

    /// <summary>(Revenue - spend) / spend, or <see langword="null"/>.</summary>
    public decimal? Roi { get; }

    /// <summary>Revenue / won leads with a deal amount, or <see langword="null"/>.</summary>
    public decimal? AverageDealSize { get; }

    /// <summary>Median days from acquisition to won or lost, over resolved leads (R type 7 by default), or <see langword="null"/>.</summary>
    public double? MedianCycleDays { get; }

    /// <summary>Median days from acquisition to won, or <see langword="null"/>.</summary>
    public double? MedianDaysToWin { get; }

    /// <summary>Median hours from acquisition to first contact, or <see langword="null"/>.</summary>
    public double? SpeedToLeadMedianHours { get; }

    /// <summary>90th percentile of hours from acquisition to first contact, or <see langword="null"/>.</summary>
    public double? SpeedToLeadP90Hours { get; }

    /// <summary>Segment leads / total leads, or <see langword="null"/>.</summary>
    public double? ShareOfLeads { get; }

    /// <summary>Segment won / total won, or <see langword="null"/>.</summary>
    public double? ShareOfWon { get; }

    /// <summary>Segment spend / total spend, or <see langword="null"/>.</summary>
    public double? ShareOfSpend { get; }

    /// <summary>Segment revenue / total revenue, or <see langword="null"/>.</summary>
    public double? ShareOfRevenue { get; }

    /// <summary>展现量: in-period impressions of the costs table's entries for this segment (rules in docs/effectiveness.md); <see langword="null"/> when no such entry carries impressions, or the breakdown is not a single
    /// channel, strategy or content dimension.</summary>
    public long? Impressions { get; private set; }

    /// <summary>点击量: in-period clicks of the same entries, or <see langword="null"/>.</summary>
    public long? Clicks { get; private set; }

    /// <summary>点击率: clicks / impressions over the entries that carry both, with its interval; <see langword="null"/> when no
    /// entry carries both, or when their clicks exceed their impressions (inconsistent data).</summary>
    public Rate? ClickThroughRate { get; private set; }

    /// <summary>Cost per click: in-period amount of the entries with clicks / their clicks, or <see langword="null"/>.</summary>
    public decimal? CostPerClick { get; private set; }

    /// <summary>Cost per thousand impressions: in-period amount of the entries with impressions × 1000 / their impressions, or
    /// <see langword="null"/>.</summary>
    public decimal? CostPerThousandImpressions { get; private set; }

    /// <summary>Leads / clicks: a plain ratio without interval, since leads also arrive without a click and it can exceed 1;
    /// <see langword="null"/> without clicks. The totals row divides the leads of the segments that have clicks.</summary>
    public double? ClickToLeadRate { get; private set; }

    /// <summary>毛利: revenue × gross margin (<see cref="EffectivenessOptions.GrossMarginBySegment"/>, else
    /// <see cref="EffectivenessOptions.DefaultGrossMargin"/>); <see langword="null"/> without a margin or revenue.</summary>
    public decimal? GrossProfit { get; private set; }

    /// <summary>(Gross profit - spend) / spend, or <see langword="null"/>.</summary>
    public decimal? ProfitRoi { get; private set; }

    /// <summary>Gross profit / won leads with a deal amount (compare with <see cref="CostPerAcquisition"/>), or <see langword="null"/>.</summary>
    public decimal? ProfitPerCustomer { get; private set; }

    /// <summary>Leads with no cost information (no matching cost entry, or no acquisition cost).</summary>
    public int LeadsWithoutCost { get; }

    /// <summary>Won leads without a deal amount (they add nothing to revenue).</summary>
    public int WonWithoutDealAmount { get; }

    /// <summary>Durations left out of the medians because they were negative (chronology faults in the data).</summary>
    public int NegativeDurationsExcluded { get; }

    /// <summary>The segment's conversion tested against everyone else (Holm-adjusted over the segments), or
    /// <see langword="null"/> for the totals row.</summary>
    public SegmentVersusRest? VersusRest { get; }

    /// <summary>How far the segment's leads have come through the conversion window W
    /// (<see cref="EffectivenessOptions.MaturityWindow"/>) and the conversion they are projected to reach by W, with its
    /// interval: compare a young segment's <see cref="FunnelMaturity.ProjectedConversion"/>, not its
    /// <see cref="ConversionRate"/>, with older segments'. The projection follows the segment's own Aalen-Johansen curve as
    /// far as its leads were followed and borrows the period's pooled leads beyond (docs/effectiveness.md);
    /// <see langword="null"/> when <see cref="EffectivenessOptions.IncludeMaturity"/> is off.</summary>
    public FunnelMaturity? Maturity { get; }

    /// <summary>The value of a metric as a number, for ranking, comparison and charts.</summary>
    /// <param name="metricId">A <see cref="MetricIds"/> id of a segment metric (see <see cref="MetricIdsOfSegments"/>).</param>
    /// <returns>The value, or <see langword="null"/> when undefined.</returns>
    /// <exception cref="ArgumentException">The id is not a segment metric.</exception>
    public double? GetValue(string metricId) => metricId switch
    {
        MetricIds.Leads => Leads,
        MetricIds.Won => Won,
        MetricIds.Lost => Lost,
        MetricIds.Open => Open,
        MetricIds.Stale => Stale,
        MetricIds.ConversionRate => ConversionRate.Value,
        MetricIds.WinRate => WinRate.Value,
        MetricIds.Spend => ToDouble(Spend),
        MetricIds.CostPerLead => ToDouble(CostPerLead),
        MetricIds.CostPerAcquisition => ToDouble(CostPerAcquisition),
        MetricIds.Revenue => ToDouble(Revenue),
        MetricIds.Roas => ToDouble(Roas),
        MetricIds.Roi => ToDouble(Roi),
        MetricIds.AverageDealSize => ToDouble(AverageDealSize),
        MetricIds.MedianCycleDays => MedianCycleDays,
        MetricIds.MedianDaysToWin => MedianDaysToWin,
        MetricIds.SpeedToLeadMedianHours => SpeedToLeadMedianHours,
        MetricIds.SpeedToLeadP90Hours => SpeedToLeadP90Hours,
        MetricIds.ShareOfLeads => ShareOfLeads,
        MetricIds.ShareOfWon => ShareOfWon,
        MetricIds.ShareOfSpend => ShareOfSpend,
        MetricIds.ShareOfRevenue => ShareOfRevenue,
        MetricIds.Impressions => Impressions,
        MetricIds.Clicks => Clicks,
        MetricIds.ClickThroughRate => ClickThroughRate?.Value,
        MetricIds.CostPerClick => ToDouble(CostPerClick),
        MetricIds.CostPerThousandImpressions => ToDouble(CostPerThousandImpressions),
        MetricIds.ClickToLeadRate => ClickToLeadRate,
        MetricIds.GrossProfit => ToDouble(GrossProfit),
        MetricIds.ProfitRoi => ToDouble(ProfitRoi),
        MetricIds.ProfitPerCustomer => ToDouble(ProfitPerCustomer),
        _ => throw new ArgumentException($"'{metricId}' is not a metric of a segment summary.", nameof(metricId)),
    };

    /// <summary>The ids <see cref="GetValue"/> accepts, in catalogue order.</summary>
    public static IReadOnlyList<string> MetricIdsOfSegments { get; } = new[]
    {
        MetricIds.Leads, MetricIds.Won, MetricIds.Lost, MetricIds.Open, MetricIds.Stale, MetricIds.ConversionRate, MetricIds.WinRate,
        MetricIds.Spend, MetricIds.CostPerLead, MetricIds.CostPerAcquisition, MetricIds.Revenue, MetricIds.Roas, MetricIds.Roi,
        MetricIds.AverageDealSize, MetricIds.MedianCycleDays, MetricIds.MedianDaysToWin, MetricIds.SpeedToLeadMedianHours,
        MetricIds.SpeedToLeadP90Hours, MetricIds.ShareOfLeads, MetricIds.ShareOfWon, MetricIds.ShareOfSpend, MetricIds.ShareOfRevenue,
        MetricIds.Impressions, MetricIds.Clicks, MetricIds.ClickThroughRate, MetricIds.CostPerClick, MetricIds.CostPerThousandImpressions,
        MetricIds.ClickToLeadRate, MetricIds.GrossProfit, MetricIds.ProfitRoi, MetricIds.ProfitPerCustomer,
    };

    /// <summary>The label, leads, won and conversion.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Label}: {Leads} leads, {Won} won, {ConversionRate}";

    internal void AssignRank(int rank) => Rank = rank;

    internal void AssignAdvertising(in AdFigures a, int leadsWithClicks, decimal scale, double confidence, ProportionIntervalMethod method)
    {
        Impressions = a.HasImpressions ? a.Impressions : null;
        Clicks = a.HasClicks ? a.Clicks : null;
        ClickThroughRate = a.HasPair && a.PairedClicks <= a.PairedImpressions ? new Rate(a.PairedClicks, a.PairedImpressions, confidence, method) : null;
        CostPerClick = a.HasClicks && a.Clicks > 0 ? a.ClickSpendMinor / scale / a.Clicks : null;
        CostPerThousandImpressions = a.HasImpressions && a.Impressions > 0 ? a.ImpressionSpendMinor * 1000m / scale / a.Impressions : null;
        ClickToLeadRate = a.HasClicks && a.Clicks > 0 ? (double)leadsWithClicks / a.Clicks : null;
    }

    internal void AssignGrossProfit(decimal? grossProfit)
    {
        GrossProfit = grossProfit;
        ProfitRoi = grossProfit is { } g && Spend is { } spend && spend != 0m ? (g - spend) / spend : null;
        var wonWithAmount = Won - WonWithoutDealAmount;
        ProfitPerCustomer = grossProfit is { } p && wonWithAmount > 0 ? p / wonWithAmount : null;
    }

    private static decimal? Divide(decimal? numerator, int denominator) => numerator is { } n && denominator > 0 ? n / denominator : null;

    private static double? Share(long part, long whole) => whole != 0 ? (double)part / whole : null;

    private static double? ToDouble(decimal? value) => value is { } v ? (double)v : null;
}
