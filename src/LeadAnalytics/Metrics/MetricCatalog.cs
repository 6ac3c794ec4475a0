namespace LeadAnalytics.Metrics;

/// <summary>
/// The catalogue of every metric the library computes: the single definition that engines, docs/metrics.md (written from
/// it), the action tracker and other apps share instead of re-implementing. Look a metric up by id with <see cref="Find"/>.
/// </summary>
/// <remarks>Conventions shared by every entry: "leads" are the leads acquired in the report period [from, to) and known by
/// the as-of instant; outcomes are as of that instant; a zero (or undefined) denominator makes a ratio undefined (null),
/// never NaN or infinity. Thread-safe.</remarks>
public static class MetricCatalog
{
    private const string Effectiveness = "Effectiveness";
    private const string Funnel = "Funnel";

    /// <summary>线索量: leads acquired in the period.</summary>
    public static MetricDefinition Leads { get; } = new(MetricIds.Leads, "Leads", "线索量",
        "count of leads with acquisition in [from, to) and at or before as-of", MetricUnit.Count, true, null, null, Effectiveness);

    /// <summary>成交线索数: of those, won by as-of.</summary>
    public static MetricDefinition Won { get; } = new(MetricIds.Won, "Won", "成交线索数",
        "count of leads whose won instant is at or before as-of", MetricUnit.Count, true, null, null, Effectiveness);

    /// <summary>流失线索数: of those, lost by as-of (plus stale leads when stale counts as lost).</summary>
    public static MetricDefinition Lost { get; } = new(MetricIds.Lost, "Lost", "流失线索数",
        "count of leads whose lost instant is at or before as-of and that are not won (plus stale leads when the option counts them as lost)",
        MetricUnit.Count, false, null, null, Effectiveness);

    /// <summary>跟进中: neither won nor lost.</summary>
    public static MetricDefinition Open { get; } = new(MetricIds.Open, "Open", "跟进中线索数",
        "leads - won - lost", MetricUnit.Count, null, null, null, Effectiveness);

    /// <summary>停滞: open with no activity for the stale threshold.</summary>
    public static MetricDefinition Stale { get; } = new(MetricIds.Stale, "Stale (presumed lost)", "停滞线索数（疑似流失）",
        "open leads whose latest activity is at least stale-after (default 30 days) before as-of", MetricUnit.Count, false, null, null, Effectiveness);

    /// <summary>转化率: won / leads.</summary>
    public static MetricDefinition ConversionRate { get; } = new(MetricIds.ConversionRate, "Conversion rate", "转化率",
        "won / leads (95% Wilson interval by default)", MetricUnit.Proportion, true, MetricIds.Won, MetricIds.Leads, Effectiveness);

    /// <summary>Win rate of resolved leads: won / (won + lost).</summary>
    public static MetricDefinition WinRate { get; } = new(MetricIds.WinRate, "Win rate (resolved leads)", "赢单率（已结案）",
        "won / (won + lost)", MetricUnit.Proportion, true, MetricIds.Won, "won + lost", Effectiveness);

    /// <summary>策略成本: cost attributed to the segment and period.</summary>
    public static MetricDefinition Spend { get; } = new(MetricIds.Spend, "Spend", "策略成本",
        "sum over the segment's leads of their share of the costs table (each cost's in-period amount split equally among the leads it matches), else of their own acquisition_cost",
        MetricUnit.Money, null, null, null, Effectiveness);

    /// <summary>单线索成本: spend / leads (the template's field 18).</summary>
    public static MetricDefinition CostPerLead { get; } = new(MetricIds.CostPerLead, "Cost per lead (CPL)", "单线索获客成本",
        "spend / leads", MetricUnit.Money, false, MetricIds.Spend, MetricIds.Leads, Effectiveness);

    /// <summary>单客户获客成本: spend / won (the template's effect fields).</summary>
    public static MetricDefinition CostPerAcquisition { get; } = new(MetricIds.CostPerAcquisition, "Cost per acquisition (CAC)", "单客户获客成本",
        "spend / won", MetricUnit.Money, false, MetricIds.Spend, MetricIds.Won, Effectiveness);

    /// <summary>成交金额: sum of deal amounts of won leads.</summary>
    public static MetricDefinition Revenue { get; } = new(MetricIds.Revenue, "Revenue", "成交金额",
        "sum of deal_amount over won leads (won leads without an amount add nothing and are counted)", MetricUnit.Money, true, null, null, Effectiveness);

    /// <summary>ROAS: revenue / spend (the template's "ROI 1:x").</summary>
    public static MetricDefinition Roas { get; } = new(MetricIds.Roas, "Return on ad spend (ROAS)", "投入产出比（成交金额/成本，模板的 ROI 1:x）",
        "revenue / spend", MetricUnit.MoneyRatio, true, MetricIds.Revenue, MetricIds.Spend, Effectiveness);

    /// <summary>ROI: (revenue - spend) / spend.</summary>
    public static MetricDefinition Roi { get; } = new(MetricIds.Roi, "Return on investment (ROI)", "投资回报率",
        "(revenue - spend) / spend = ROAS - 1", MetricUnit.MoneyRatio, true, "revenue - spend", MetricIds.Spend, Effectiveness);

    /// <summary>平均客单价: revenue / won leads with an amount.</summary>
    public static MetricDefinition AverageDealSize { get; } = new(MetricIds.AverageDealSize, "Average deal size", "平均客单价",
        "revenue / won leads that have a deal amount (= revenue / won when every won lead has one)", MetricUnit.Money, true, MetricIds.Revenue, "won leads with a deal amount", Effectiveness);

    /// <summary>转化时长中位数: median of (won or lost) minus acquisition.</summary>
    public static MetricDefinition MedianCycleDays { get; } = new(MetricIds.MedianCycleDays, "Median cycle (days)", "转化时长中位数（天）",
        "median over won and lost leads of (won or lost instant - acquisition) in days, R type 7; negative durations excluded and counted; open leads not included (see the cycle-time engine for censoring)",
        MetricUnit.Days, false, null, null, Effectiveness);

    /// <summary>成交时长中位数: median of won minus acquisition.</summary>
    public static MetricDefinition MedianDaysToWin { get; } = new(MetricIds.MedianDaysToWin, "Median days to win", "成交时长中位数（天）",
        "median over won leads of (won instant - acquisition) in days, R type 7; negative durations excluded and counted",
        MetricUnit.Days, false, null, null, Effectiveness);

    /// <summary>首次响应时长中位数: median of first contact minus acquisition.</summary>
    public static MetricDefinition SpeedToLeadMedianHours { get; } = new(MetricIds.SpeedToLeadMedianHours, "Speed to lead, median (hours)", "首次响应时长中位数（小时）",
        "median over leads with a recorded first contact at or before as-of of (contacted - acquisition) in hours, R type 7; negative durations excluded and counted",
        MetricUnit.Hours, false, null, null, Effectiveness);

    /// <summary>首次响应时长 P90.</summary>
    public static MetricDefinition SpeedToLeadP90Hours { get; } = new(MetricIds.SpeedToLeadP90Hours, "Speed to lead, 90th percentile (hours)", "首次响应时长 P90（小时）",
        "90th percentile (R type 7) of (contacted - acquisition) in hours over the same leads", MetricUnit.Hours, false, null, null, Effectiveness);

    /// <summary>线索占比.</summary>
    public static MetricDefinition ShareOfLeads { get; } = new(MetricIds.ShareOfLeads, "Share of leads", "线索占比",
        "segment leads / total leads", MetricUnit.Proportion, null, MetricIds.Leads, "total leads", Effectiveness);

    /// <summary>成交占比.</summary>
    public static MetricDefinition ShareOfWon { get; } = new(MetricIds.ShareOfWon, "Share of won", "成交占比",
        "segment won / total won", MetricUnit.Proportion, null, MetricIds.Won, "total won", Effectiveness);

    /// <summary>成本占比.</summary>
    public static MetricDefinition ShareOfSpend { get; } = new(MetricIds.ShareOfSpend, "Share of spend", "成本占比",
        "segment spend / total spend", MetricUnit.Proportion, null, MetricIds.Spend, "total spend", Effectiveness);

    /// <summary>成交金额占比.</summary>
    public static MetricDefinition ShareOfRevenue { get; } = new(MetricIds.ShareOfRevenue, "Share of revenue", "成交金额占比",
        "segment revenue / total revenue", MetricUnit.Proportion, null, MetricIds.Revenue, "total revenue", Effectiveness);

    /// <summary>展现量: ad impressions.</summary>
    public static MetricDefinition Impressions { get; } = new(MetricIds.Impressions, "Impressions", "展现量",
        "sum over the costs table's entries at the breakdown's scope with the segment's key of their in-period impressions (pro rata by time overlap, rounded to whole impressions cumulatively like spend); only for a single channel, strategy or content breakdown",
        MetricUnit.Count, true, null, null, Effectiveness);

    /// <summary>点击量: ad clicks.</summary>
    public static MetricDefinition Clicks { get; } = new(MetricIds.Clicks, "Clicks", "点击量",
        "the same sum of in-period clicks", MetricUnit.Count, true, null, null, Effectiveness);

    /// <summary>点击率: clicks / impressions.</summary>
    public static MetricDefinition ClickThroughRate { get; } = new(MetricIds.ClickThroughRate, "Click-through rate (CTR)", "点击率",
        "clicks / impressions over the entries that carry both (95% Wilson interval by default); undefined when clicks exceed impressions",
        MetricUnit.Proportion, true, MetricIds.Clicks, MetricIds.Impressions, Effectiveness);

    /// <summary>单次点击成本: spend / clicks.</summary>
    public static MetricDefinition CostPerClick { get; } = new(MetricIds.CostPerClick, "Cost per click (CPC)", "单次点击成本",
        "in-period amount of the entries that carry clicks / their clicks", MetricUnit.Money, false, "spend of entries with clicks", MetricIds.Clicks, Effectiveness);

    /// <summary>千次展现成本: spend × 1000 / impressions.</summary>
    public static MetricDefinition CostPerThousandImpressions { get; } = new(MetricIds.CostPerThousandImpressions, "Cost per thousand impressions (CPM)", "千次展现成本",
        "in-period amount of the entries that carry impressions × 1000 / their impressions", MetricUnit.Money, false, "spend of entries with impressions × 1000",
        MetricIds.Impressions, Effectiveness);

    /// <summary>点击到线索转化率: leads / clicks.</summary>
    public static MetricDefinition ClickToLeadRate { get; } = new(MetricIds.ClickToLeadRate, "Click-to-lead rate", "点击到线索转化率",
        "leads / clicks, a plain ratio without interval: leads also arrive without a click, so it can exceed 1 (totals row: leads of the segments with clicks / clicks)",
        MetricUnit.Ratio, true, MetricIds.Leads, MetricIds.Clicks, Effectiveness);

    /// <summary>毛利: revenue × gross margin.</summary>
    public static MetricDefinition GrossProfit { get; } = new(MetricIds.GrossProfit, "Gross profit", "毛利",
        "revenue × gross margin (the segment's margin option, else the default margin); undefined without a margin",
        MetricUnit.Money, true, null, null, Effectiveness);

    /// <summary>毛利投资回报率: (gross profit - spend) / spend.</summary>
    public static MetricDefinition ProfitRoi { get; } = new(MetricIds.ProfitRoi, "Profit ROI", "毛利投资回报率",
        "(gross profit - spend) / spend", MetricUnit.MoneyRatio, true, "gross profit - spend", MetricIds.Spend, Effectiveness);

    /// <summary>单客户毛利: gross profit / won leads with an amount.</summary>
    public static MetricDefinition ProfitPerCustomer { get; } = new(MetricIds.ProfitPerCustomer, "Gross profit per customer", "单客户毛利",
        "gross profit / won leads that have a deal amount (compare with the cost per acquisition)", MetricUnit.Money, true, MetricIds.GrossProfit,
        "won leads with a deal amount", Effectiveness);

    /// <summary>阶段到达数: leads that reached a stage or a later one.</summary>
    public static MetricDefinition Reach { get; } = new(MetricIds.Reach, "Reach", "阶段到达数",
        "leads that reached stage k or any later stage (a later timestamp implies the earlier stages unless recorded stages are required)",
        MetricUnit.Count, true, null, null, Funnel);

    /// <summary>阶段转化率: reach(k+1) / reach(k).</summary>
    public static MetricDefinition StepConversion { get; } = new(MetricIds.StepConversion, "Step conversion", "阶段转化率",
        "reach(k + 1) / reach(k)", MetricUnit.Proportion, true, "reach(k + 1)", "reach(k)", Funnel);

    /// <summary>阶段流失率: 1 - step conversion.</summary>
    public static MetricDefinition DropOff { get; } = new(MetricIds.DropOff, "Drop-off", "阶段流失率",
        "1 - step conversion = (reach(k) - reach(k + 1)) / reach(k)", MetricUnit.Proportion, false, "reach(k) - reach(k + 1)", "reach(k)", Funnel);

    /// <summary>Every metric, in catalogue order.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } = new[]
    {
        Leads, Won, Lost, Open, Stale, ConversionRate, WinRate, Spend, CostPerLead, CostPerAcquisition, Revenue, Roas, Roi,
        AverageDealSize, MedianCycleDays, MedianDaysToWin, SpeedToLeadMedianHours, SpeedToLeadP90Hours, ShareOfLeads, ShareOfWon,
        ShareOfSpend, ShareOfRevenue, Impressions, Clicks, ClickThroughRate, CostPerClick, CostPerThousandImpressions, ClickToLeadRate,
        GrossProfit, ProfitRoi, ProfitPerCustomer, Reach, StepConversion, DropOff,
    };

    /// <summary>Finds a metric by id.</summary>
    /// <param name="id">The id, for example <c>roas</c> (ordinal, case-sensitive).</param>
    /// <returns>The definition, or <see langword="null"/> when no metric has that id.</returns>
    public static MetricDefinition? Find(string id)
    {
        foreach (var metric in All)
        {
            if (string.Equals(metric.Id, id, StringComparison.Ordinal))
            {
                return metric;
            }
        }

        return null;
    }
}
