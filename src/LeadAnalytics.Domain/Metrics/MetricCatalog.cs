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
    private const string CycleTime = "CycleTime";
    private const string LossReasons = "LossReasons";
    private const string Attribution = "Attribution";

    /// <summary>线索量: leads acquired in the period.</summary>
    public static MetricDefinition Leads { get; } = new(MetricIds.Leads, "Leads", "线索量",
        "count of leads with acquisition in [from, to) and at or before as-of", MetricUnit.Count, true, null, null, Effectiveness,
        "统计期内获客、且在截止时点之前获取的线索数", MetricKind.Count, "lead_volume");

    /// <summary>成交线索数: of those, won by as-of.</summary>
    public static MetricDefinition Won { get; } = new(MetricIds.Won, "Won", "成交线索数",
        "count of leads whose won instant is at or before as-of", MetricUnit.Count, true, null, null, Effectiveness,
        "截止时点之前成交的线索数", MetricKind.Count);

    /// <summary>流失线索数: of those, lost by as-of (plus stale leads when stale counts as lost).</summary>
    public static MetricDefinition Lost { get; } = new(MetricIds.Lost, "Lost", "流失线索数",
        "count of leads whose lost instant is at or before as-of and that are not won (plus stale leads when the option counts them as lost)",
        MetricUnit.Count, false, null, null, Effectiveness,
        "截止时点之前流失且未成交的线索数（选项把停滞线索计为流失时，加上停滞线索）", MetricKind.Count);

    /// <summary>跟进中: neither won nor lost.</summary>
    public static MetricDefinition Open { get; } = new(MetricIds.Open, "Open", "跟进中线索数",
        "leads - won - lost", MetricUnit.Count, null, null, null, Effectiveness,
        "线索量 − 成交 − 流失", MetricKind.Count);

    /// <summary>停滞: open with no activity for the stale threshold.</summary>
    public static MetricDefinition Stale { get; } = new(MetricIds.Stale, "Stale (presumed lost)", "停滞线索数（疑似流失）",
        "open leads whose latest activity is at least stale-after (default 30 days) before as-of", MetricUnit.Count, false, null, null, Effectiveness,
        "最近一次跟进距截止时点不少于停滞阈值（默认 30 天）的跟进中线索", MetricKind.Count);

    /// <summary>转化率: won / leads.</summary>
    public static MetricDefinition ConversionRate { get; } = new(MetricIds.ConversionRate, "Conversion rate", "转化率",
        "won / leads (95% Wilson interval by default)", MetricUnit.Proportion, true, MetricIds.Won, MetricIds.Leads, Effectiveness,
        "成交 / 线索量（默认 95% Wilson 区间）", MetricKind.Rate, "conversion") { ShortName = "conversion" };

    /// <summary>Win rate of resolved leads: won / (won + lost).</summary>
    public static MetricDefinition WinRate { get; } = new(MetricIds.WinRate, "Win rate (resolved leads)", "赢单率（已结案）",
        "won / (won + lost)", MetricUnit.Proportion, true, MetricIds.Won, "won + lost", Effectiveness,
        "成交 / （成交 + 流失）", MetricKind.Rate);

    /// <summary>策略成本: cost attributed to the segment and period.</summary>
    public static MetricDefinition Spend { get; } = new(MetricIds.Spend, "Spend", "策略成本",
        "sum over the segment's leads of their share of the costs table (each cost's in-period amount split equally among the leads it matches), else of their own acquisition_cost",
        MetricUnit.Money, null, null, null, Effectiveness,
        "各线索分摊到的成本之和（成本表中每条成本在统计期内的金额平均分给它匹配的线索），没有成本表时为线索自身的 acquisition_cost 之和", MetricKind.Money, "cost");

    /// <summary>单线索成本: spend / leads (the template's field 18).</summary>
    public static MetricDefinition CostPerLead { get; } = new(MetricIds.CostPerLead, "Cost per lead (CPL)", "单线索获客成本",
        "spend / leads", MetricUnit.Money, false, MetricIds.Spend, MetricIds.Leads, Effectiveness,
        "成本 / 线索量", MetricKind.Money, "cpl") { ShortName = "cpl" };

    /// <summary>单客户获客成本: spend / won (the template's effect fields).</summary>
    public static MetricDefinition CostPerAcquisition { get; } = new(MetricIds.CostPerAcquisition, "Cost per acquisition (CAC)", "单客户获客成本",
        "spend / won", MetricUnit.Money, false, MetricIds.Spend, MetricIds.Won, Effectiveness,
        "成本 / 成交", MetricKind.Money, "cac", "cpa") { ShortName = "cac" };

    /// <summary>成交金额: sum of deal amounts of won leads.</summary>
    public static MetricDefinition Revenue { get; } = new(MetricIds.Revenue, "Revenue", "成交金额",
        "sum of deal_amount over won leads (won leads without an amount add nothing and are counted)", MetricUnit.Money, true, null, null, Effectiveness,
        "成交线索的 deal_amount 之和（无金额的成交线索计数但不加金额）", MetricKind.Money);

    /// <summary>ROAS: revenue / spend (the template's "ROI 1:x").</summary>
    public static MetricDefinition Roas { get; } = new(MetricIds.Roas, "Return on ad spend (ROAS)", "投入产出比（成交金额/成本，模板的 ROI 1:x）",
        "revenue / spend", MetricUnit.MoneyRatio, true, MetricIds.Revenue, MetricIds.Spend, Effectiveness,
        "成交金额 / 成本", MetricKind.Ratio, "return_on_ad_spend");

    /// <summary>ROI: (revenue - spend) / spend.</summary>
    public static MetricDefinition Roi { get; } = new(MetricIds.Roi, "Return on investment (ROI)", "投资回报率",
        "(revenue - spend) / spend = ROAS - 1", MetricUnit.MoneyRatio, true, "revenue - spend", MetricIds.Spend, Effectiveness,
        "（成交金额 − 成本）/ 成本 = ROAS − 1", MetricKind.Ratio);

    /// <summary>平均客单价: revenue / won leads with an amount.</summary>
    public static MetricDefinition AverageDealSize { get; } = new(MetricIds.AverageDealSize, "Average deal size", "平均客单价",
        "revenue / won leads that have a deal amount (= revenue / won when every won lead has one)", MetricUnit.Money, true, MetricIds.Revenue, "won leads with a deal amount", Effectiveness,
        "成交金额 / 有金额的成交线索数", MetricKind.Money, "aov");

    /// <summary>转化时长中位数: median of (won or lost) minus acquisition.</summary>
    public static MetricDefinition MedianCycleDays { get; } = new(MetricIds.MedianCycleDays, "Median cycle (days)", "转化时长中位数（天）",
        "median over won and lost leads of (won or lost instant - acquisition) in days, R type 7; negative durations excluded and counted; open leads not included (see the cycle-time engine for censoring)",
        MetricUnit.Days, false, null, null, Effectiveness,
        "已成交和已流失线索（成交或流失时间 − 获客时间）的中位数，单位天，R 第 7 类分位数；负时长剔除并计数；跟进中线索不计入", MetricKind.Days, "cycle_days");

    /// <summary>成交时长中位数: median of won minus acquisition.</summary>
    public static MetricDefinition MedianDaysToWin { get; } = new(MetricIds.MedianDaysToWin, "Median days to win", "成交时长中位数（天）",
        "median over won leads of (won instant - acquisition) in days, R type 7; negative durations excluded and counted",
        MetricUnit.Days, false, null, null, Effectiveness,
        "成交线索（成交时间 − 获客时间）的中位数，单位天，R 第 7 类分位数；负时长剔除并计数", MetricKind.Days);

    /// <summary>首次响应时长中位数: median of first contact minus acquisition.</summary>
    public static MetricDefinition SpeedToLeadMedianHours { get; } = new(MetricIds.SpeedToLeadMedianHours, "Speed to lead, median (hours)", "首次响应时长中位数（小时）",
        "median over leads with a recorded first contact at or before as-of of (contacted - acquisition) in hours, R type 7; negative durations excluded and counted",
        MetricUnit.Hours, false, null, null, Effectiveness,
        "截止时点前有首次联系记录的线索（首次联系 − 获客时间）的中位数，单位小时，R 第 7 类分位数；负时长剔除并计数", MetricKind.Hours, "speed_to_lead") { ShortName = "speed_to_lead" };

    /// <summary>首次响应时长 P90.</summary>
    public static MetricDefinition SpeedToLeadP90Hours { get; } = new(MetricIds.SpeedToLeadP90Hours, "Speed to lead, 90th percentile (hours)", "首次响应时长 P90（小时）",
        "90th percentile (R type 7) of (contacted - acquisition) in hours over the same leads", MetricUnit.Hours, false, null, null, Effectiveness,
        "同一批线索（首次联系 − 获客时间）的第 90 百分位数（R 第 7 类），单位小时", MetricKind.Hours);

    /// <summary>线索占比.</summary>
    public static MetricDefinition ShareOfLeads { get; } = new(MetricIds.ShareOfLeads, "Share of leads", "线索占比",
        "segment leads / total leads", MetricUnit.Proportion, null, MetricIds.Leads, "total leads", Effectiveness,
        "细分线索量 / 总线索量", MetricKind.Rate);

    /// <summary>成交占比.</summary>
    public static MetricDefinition ShareOfWon { get; } = new(MetricIds.ShareOfWon, "Share of won", "成交占比",
        "segment won / total won", MetricUnit.Proportion, null, MetricIds.Won, "total won", Effectiveness,
        "细分成交 / 总成交", MetricKind.Rate);

    /// <summary>成本占比.</summary>
    public static MetricDefinition ShareOfSpend { get; } = new(MetricIds.ShareOfSpend, "Share of spend", "成本占比",
        "segment spend / total spend", MetricUnit.Proportion, null, MetricIds.Spend, "total spend", Effectiveness,
        "细分成本 / 总成本", MetricKind.Rate);

    /// <summary>成交金额占比.</summary>
    public static MetricDefinition ShareOfRevenue { get; } = new(MetricIds.ShareOfRevenue, "Share of revenue", "成交金额占比",
        "segment revenue / total revenue", MetricUnit.Proportion, null, MetricIds.Revenue, "total revenue", Effectiveness,
        "细分成交金额 / 总成交金额", MetricKind.Rate);

    /// <summary>展现量: ad impressions.</summary>
    public static MetricDefinition Impressions { get; } = new(MetricIds.Impressions, "Impressions", "展现量",
        "sum over the costs table's entries at the breakdown's scope with the segment's key of their in-period impressions (pro rata by time overlap, rounded to whole impressions cumulatively like spend); only for a single channel, strategy or content breakdown",
        MetricUnit.Count, true, null, null, Effectiveness,
        "成本表中与细分同一维度、同一取值的条目在统计期内的展现量之和（按时间重叠比例分摊，与成本一样累计取整）；仅限单一渠道、策略或内容维度", MetricKind.Count);

    /// <summary>点击量: ad clicks.</summary>
    public static MetricDefinition Clicks { get; } = new(MetricIds.Clicks, "Clicks", "点击量",
        "the same sum of in-period clicks", MetricUnit.Count, true, null, null, Effectiveness,
        "同样方式汇总的统计期内点击量", MetricKind.Count);

    /// <summary>点击率: clicks / impressions.</summary>
    public static MetricDefinition ClickThroughRate { get; } = new(MetricIds.ClickThroughRate, "Click-through rate (CTR)", "点击率",
        "clicks / impressions over the entries that carry both (95% Wilson interval by default); undefined when clicks exceed impressions",
        MetricUnit.Proportion, true, MetricIds.Clicks, MetricIds.Impressions, Effectiveness,
        "点击量 / 展现量，只计同时有两者的条目（默认 95% Wilson 区间）；点击多于展现时无定义", MetricKind.Rate, "ctr");

    /// <summary>单次点击成本: spend / clicks.</summary>
    public static MetricDefinition CostPerClick { get; } = new(MetricIds.CostPerClick, "Cost per click (CPC)", "单次点击成本",
        "in-period amount of the entries that carry clicks / their clicks", MetricUnit.Money, false, "spend of entries with clicks", MetricIds.Clicks, Effectiveness,
        "有点击量的条目在统计期内的金额 / 其点击量", MetricKind.Money, "cpc");

    /// <summary>千次展现成本: spend × 1000 / impressions.</summary>
    public static MetricDefinition CostPerThousandImpressions { get; } = new(MetricIds.CostPerThousandImpressions, "Cost per thousand impressions (CPM)", "千次展现成本",
        "in-period amount of the entries that carry impressions × 1000 / their impressions", MetricUnit.Money, false, "spend of entries with impressions × 1000",
        MetricIds.Impressions, Effectiveness,
        "有展现量的条目在统计期内的金额 × 1000 / 其展现量", MetricKind.Money, "cpm");

    /// <summary>点击到线索转化率: leads / clicks.</summary>
    public static MetricDefinition ClickToLeadRate { get; } = new(MetricIds.ClickToLeadRate, "Click-to-lead rate", "点击到线索转化率",
        "leads / clicks, a plain ratio without interval: leads also arrive without a click, so it can exceed 1 (totals row: leads of the segments with clicks / clicks)",
        MetricUnit.Ratio, true, MetricIds.Leads, MetricIds.Clicks, Effectiveness,
        "线索量 / 点击量，普通比值、无区间：线索也可能不经点击而来，因此可以大于 1（合计行：有点击细分的线索量 / 点击量）", MetricKind.Ratio, "click_to_lead");

    /// <summary>毛利: revenue × gross margin.</summary>
    public static MetricDefinition GrossProfit { get; } = new(MetricIds.GrossProfit, "Gross profit", "毛利",
        "revenue × gross margin (the segment's margin option, else the default margin); undefined without a margin",
        MetricUnit.Money, true, null, null, Effectiveness,
        "成交金额 × 毛利率（细分的毛利率选项，否则默认毛利率）；没有毛利率时无定义", MetricKind.Money);

    /// <summary>毛利投资回报率: (gross profit - spend) / spend.</summary>
    public static MetricDefinition ProfitRoi { get; } = new(MetricIds.ProfitRoi, "Profit ROI", "毛利投资回报率",
        "(gross profit - spend) / spend", MetricUnit.MoneyRatio, true, "gross profit - spend", MetricIds.Spend, Effectiveness,
        "（毛利 − 成本）/ 成本", MetricKind.Ratio);

    /// <summary>单客户毛利: gross profit / won leads with an amount.</summary>
    public static MetricDefinition ProfitPerCustomer { get; } = new(MetricIds.ProfitPerCustomer, "Gross profit per customer", "单客户毛利",
        "gross profit / won leads that have a deal amount (compare with the cost per acquisition)", MetricUnit.Money, true, MetricIds.GrossProfit,
        "won leads with a deal amount", Effectiveness,
        "毛利 / 有金额的成交线索数（可与单客户获客成本对比）", MetricKind.Money);

    /// <summary>阶段到达数: leads that reached a stage or a later one.</summary>
    public static MetricDefinition Reach { get; } = new(MetricIds.Reach, "Reach", "阶段到达数",
        "leads that reached stage k or any later stage (a later timestamp implies the earlier stages unless recorded stages are required)",
        MetricUnit.Count, true, null, null, Funnel,
        "到达阶段 k 或其后任一阶段的线索数（除非要求阶段均有记录，后面阶段的时间意味着已经过前面阶段）", MetricKind.Count);

    /// <summary>阶段转化率: reach(k+1) / reach(k).</summary>
    public static MetricDefinition StepConversion { get; } = new(MetricIds.StepConversion, "Step conversion", "阶段转化率",
        "reach(k + 1) / reach(k)", MetricUnit.Proportion, true, "reach(k + 1)", "reach(k)", Funnel,
        "到达(k + 1) / 到达(k)", MetricKind.Rate);

    /// <summary>阶段流失率: 1 - step conversion.</summary>
    public static MetricDefinition DropOff { get; } = new(MetricIds.DropOff, "Drop-off", "阶段流失率",
        "1 - step conversion = (reach(k) - reach(k + 1)) / reach(k)", MetricUnit.Proportion, false, "reach(k) - reach(k + 1)", "reach(k)", Funnel,
        "1 − 阶段转化率 = （到达(k) − 到达(k + 1)）/ 到达(k)", MetricKind.Rate, "dropoff") { ShortName = "dropoff" };

    /// <summary>进入下一阶段数: leads of a step that reached its next stage.</summary>
    public static MetricDefinition Advanced { get; } = new(MetricIds.Advanced, "Advanced", "进入下一阶段数",
        "of the leads that reached stage k, those that reached stage k + 1 (within the conversion window when one is set) = reach(k + 1) without a window",
        MetricUnit.Count, true, null, null, Funnel,
        "到达阶段 k 的线索中到达阶段 k + 1 的线索数（设了转化窗口时须在窗口内）；无窗口时等于到达(k + 1)", MetricKind.Count);

    /// <summary>窗口外到达数: leads that reached the next stage only after the conversion window.</summary>
    public static MetricDefinition Expired { get; } = new(MetricIds.Expired, "Reached after the window", "窗口外到达数",
        "of the leads that reached stage k, those that reached stage k + 1 only after the conversion window (0 without a window)",
        MetricUnit.Count, false, null, null, Funnel,
        "到达阶段 k 的线索中超出转化窗口才到达阶段 k + 1 的线索数（无窗口时为 0）", MetricKind.Count);

    /// <summary>已结案流失率: drop-off among the step's resolved leads.</summary>
    public static MetricDefinition ResolvedDropOff { get; } = new(MetricIds.ResolvedDropOff, "Resolved drop-off", "已结案流失率",
        "1 - advanced / resolved leads of the step, the resolved leads being those whose fate at the step is known (advanced, lost, reached after the window, and stale when stale counts as lost); open leads left out (95% Wilson interval by default)",
        MetricUnit.Proportion, false, "resolved leads - advanced", "resolved leads of the step", Funnel,
        "1 − 进入下一阶段数 / 该环节已结案线索数；已结案指结果已知（进入下一阶段、流失、窗口外到达，以及停滞计为流失时的停滞线索），跟进中线索不计入（默认 95% Wilson 区间）", MetricKind.Rate);

    /// <summary>阶段耗时中位数: median days from entering stage k to entering stage k + 1.</summary>
    public static MetricDefinition MedianStepDays { get; } = new(MetricIds.MedianStepDays, "Median step time (days)", "环节耗时中位数（天）",
        "median over the leads that advanced of (stage k + 1 instant - stage k instant) in days, the funnel's quantile method (R type 7 by default); negative times excluded and counted",
        MetricUnit.Days, false, null, null, Funnel,
        "进入下一阶段的线索（阶段 k + 1 时间 − 阶段 k 时间）的中位数，单位天，按漏斗的分位数方法（默认 R 第 7 类）；负值剔除并计数", MetricKind.Days);

    /// <summary>阶段耗时 P90.</summary>
    public static MetricDefinition P90StepDays { get; } = new(MetricIds.P90StepDays, "Step time P90 (days)", "环节耗时 P90（天）",
        "90th percentile of the same step times in days", MetricUnit.Days, false, null, null, Funnel,
        "同一批环节耗时的第 90 百分位数，单位天", MetricKind.Days);

    /// <summary>成交时间中位数（Kaplan-Meier）.</summary>
    public static MetricDefinition MedianTimeToWon { get; } = new(MetricIds.MedianTimeToWon, "Median time to won (days)", "成交时间中位数（天）",
        "Kaplan-Meier median of days from acquisition to won, open leads censored at as-of and lost leads at their loss: the first time S(t) <= 0.5 (R's midpoint rule at exactly 0.5), with the interval from the confidence bands; undefined when S stays above 0.5",
        MetricUnit.Days, false, null, null, CycleTime,
        "从获客到成交天数的 Kaplan-Meier 中位数（跟进中线索在截止时点删失，流失线索在流失时删失）：S(t) 首次不大于 0.5 的时间（恰为 0.5 时按 R 的中点规则），区间取自置信带；S 始终高于 0.5 时无定义", MetricKind.Days);

    /// <summary>成交时间 P25（Kaplan-Meier）.</summary>
    public static MetricDefinition TimeToWonP25 { get; } = new(MetricIds.TimeToWonP25, "Time to won P25 (days)", "成交时间 P25（天）",
        "the first time the Kaplan-Meier curve of time to won reaches S(t) <= 0.75", MetricUnit.Days, false, null, null, CycleTime,
        "成交时间 Kaplan-Meier 曲线首次 S(t) <= 0.75 的时间", MetricKind.Days);

    /// <summary>成交时间 P75（Kaplan-Meier）.</summary>
    public static MetricDefinition TimeToWonP75 { get; } = new(MetricIds.TimeToWonP75, "Time to won P75 (days)", "成交时间 P75（天）",
        "the first time the Kaplan-Meier curve of time to won reaches S(t) <= 0.25", MetricUnit.Days, false, null, null, CycleTime,
        "成交时间 Kaplan-Meier 曲线首次 S(t) <= 0.25 的时间", MetricKind.Days);

    /// <summary>限制平均成交时间.</summary>
    public static MetricDefinition RestrictedMeanTimeToWon { get; } = new(MetricIds.RestrictedMeanTimeToWon, "Restricted mean time to won (days)", "限制平均成交时间（天）",
        "the area under the Kaplan-Meier curve of time to won from 0 to the horizon (default the longest observed duration)", MetricUnit.Days, false, null, null, CycleTime,
        "成交时间 Kaplan-Meier 曲线从 0 到观察期（默认最长观测时长）下的面积", MetricKind.Days);

    /// <summary>观察期内成交占比: cumulative incidence of won at the horizon.</summary>
    public static MetricDefinition WonByHorizon { get; } = new(MetricIds.WonByHorizon, "Won by horizon", "观察期内成交占比",
        "Aalen-Johansen cumulative incidence of won at the horizon, lost competing (1 - Kaplan-Meier would overstate it)", MetricUnit.Proportion, true, null, null, CycleTime,
        "观察期末成交的 Aalen-Johansen 累计发生率，流失为竞争风险（1 − Kaplan-Meier 会高估）", MetricKind.Rate);

    /// <summary>观察期内流失占比: cumulative incidence of lost at the horizon.</summary>
    public static MetricDefinition LostByHorizon { get; } = new(MetricIds.LostByHorizon, "Lost by horizon", "观察期内流失占比",
        "Aalen-Johansen cumulative incidence of lost at the horizon, won competing", MetricUnit.Proportion, false, null, null, CycleTime,
        "观察期末流失的 Aalen-Johansen 累计发生率，成交为竞争风险", MetricKind.Rate);

    /// <summary>获取到成交平均天数.</summary>
    public static MetricDefinition MeanDaysToWon { get; } = new(MetricIds.MeanDaysToWon, "Mean days acquired to won", "获取到成交平均天数",
        "mean over won leads of (won instant - acquisition) in days, negative durations excluded and counted (no censoring: compare the restricted mean)",
        MetricUnit.Days, false, null, null, CycleTime,
        "成交线索（成交时间 − 获客时间）的平均值，单位天；负时长剔除并计数（未考虑删失，可与限制平均对比）", MetricKind.Days);

    /// <summary>获取到流失平均天数.</summary>
    public static MetricDefinition MeanDaysToLost { get; } = new(MetricIds.MeanDaysToLost, "Mean days acquired to lost", "获取到流失平均天数",
        "mean over lost leads of (lost instant - acquisition) in days, negative durations excluded and counted", MetricUnit.Days, null, null, null, CycleTime,
        "流失线索（流失时间 − 获客时间）的平均值，单位天；负时长剔除并计数", MetricKind.Days);

    /// <summary>该原因流失线索数.</summary>
    public static MetricDefinition ReasonLostLeads { get; } = new(MetricIds.ReasonLostLeads, "Lost leads", "流失线索数",
        "lost leads of the table (segment or stage) giving the reason; lost leads without a reason have their own row", MetricUnit.Count, false, null, null, LossReasons,
        "本表（细分或阶段）中给出该原因的流失线索数；未填原因的流失线索单列一行", MetricKind.Count);

    /// <summary>原因占比.</summary>
    public static MetricDefinition ReasonShare { get; } = new(MetricIds.ReasonShare, "Share of losses", "原因占比",
        "lost leads giving the reason / all lost leads of the table (the reasonless included), so the shares sum to 1", MetricUnit.Proportion, null,
        MetricIds.ReasonLostLeads, "lost leads of the table", LossReasons,
        "给出该原因的流失线索数 / 本表全部流失线索数（含未填原因者），各占比之和为 1", MetricKind.Rate);

    /// <summary>累计占比 (Pareto).</summary>
    public static MetricDefinition ReasonCumulativeShare { get; } = new(MetricIds.ReasonCumulativeShare, "Cumulative share", "累计占比",
        "the running sum of the share of losses in table order (most frequent reason first)", MetricUnit.Proportion, null, "lost leads of this and the more frequent reasons",
        "lost leads of the table", LossReasons,
        "按表中顺序（最常见的原因在前）累加的原因占比", MetricKind.Rate);

    /// <summary>流失收入（估计）.</summary>
    public static MetricDefinition LostRevenue { get; } = new(MetricIds.LostRevenue, "Lost revenue (estimated)", "流失收入（估计）",
        "sum over the lost leads giving the reason of an expected deal size: by default the average deal amount of the won leads of the lead's channel (a channel without a won deal adds nothing; the option can take the average of all won leads); undefined when no such lead has one",
        MetricUnit.Money, false, null, null, LossReasons,
        "给出该原因的各流失线索的预期成交金额之和：默认取该线索所在渠道成交线索的平均成交金额（没有成交的渠道不计；选项可改用全部成交线索的平均）；没有任何线索有预期金额时无定义", MetricKind.Money);

    /// <summary>归因转化数.</summary>
    public static MetricDefinition CreditedConversions { get; } = new(MetricIds.CreditedConversions, "Credited conversions", "归因转化数",
        "the conversions a model credits to the key (fractional); over all keys they sum to the total conversions of the attributed journeys",
        MetricUnit.Count, true, null, null, Attribution,
        "模型归给该渠道（策略、内容）的转化数（可为小数）；所有渠道之和等于已归因旅程的总转化数", MetricKind.Number);

    /// <summary>归因价值.</summary>
    public static MetricDefinition CreditedValue { get; } = new(MetricIds.CreditedValue, "Credited value", "归因价值",
        "the conversion value a model credits to the key, rounded to the currency's minor unit by largest remainder so the keys sum exactly to the total value",
        MetricUnit.Money, true, null, null, Attribution,
        "模型归给该渠道的转化价值，按最大余数法取整到货币最小单位，使各渠道之和恰等于总价值", MetricKind.Money);

    /// <summary>马尔可夫移除效应.</summary>
    public static MetricDefinition RemovalEffect { get; } = new(MetricIds.RemovalEffect, "Markov removal effect", "马尔可夫移除效应",
        "1 - P(conversion without the key) / P(conversion), computed exactly from the absorbing chain (Markov model only)", MetricUnit.Proportion, true,
        "P(conversion) - P(conversion without the key)", "P(conversion)", Attribution,
        "1 − 去掉该渠道后的转化概率 / 转化概率，由吸收马尔可夫链精确计算（仅马尔可夫模型）", MetricKind.Rate);

    /// <summary>马尔可夫价值移除效应.</summary>
    public static MetricDefinition ValueRemovalEffect { get; } = new(MetricIds.ValueRemovalEffect, "Markov value removal effect", "马尔可夫价值移除效应",
        "the removal effect on the expected conversion value under ChannelAttribution's rule (each conversion worth the mean value of paths ending in the same last state; Markov model only)",
        MetricUnit.Proportion, true, "expected value - expected value without the key", "expected value", Attribution,
        "按 ChannelAttribution 规则（每次转化的价值取以同一末状态结束的路径的平均价值）计算的期望转化价值的移除效应（仅马尔可夫模型）", MetricKind.Rate);

    /// <summary>Holm-adjusted p-value of the segment's conversion against every other lead.</summary>
    public static MetricDefinition AdjustedPValueVersusRest { get; } = new(MetricIds.AdjustedPValueVersusRest, "vs rest (Holm p)", "与其余对比（Holm 校正 p 值）",
        "p-value of the two-proportion test of the segment's conversion against all other leads, Holm-adjusted over the segments", MetricUnit.Statistic, false, null, null, Effectiveness,
        "细分转化率与其余全部线索的两比例检验 p 值，按细分做 Holm 校正", MetricKind.PValue, "p_value");

    /// <summary>Kaplan-Meier survival: the share not yet at the event.</summary>
    public static MetricDefinition Survival { get; } = new(MetricIds.Survival, "Not yet reached (Kaplan-Meier)", "尚未发生比例（Kaplan-Meier）",
        "product over event times t_i <= t of (1 - events_i / at risk_i); open leads censored at as-of", MetricUnit.Proportion, null, null, null, CycleTime,
        "对不晚于 t 的各事件时点求 (1 − 事件数 / 风险集) 之积；跟进中线索在截止时点删失", MetricKind.Rate);

    /// <summary>Greenwood standard error of the survival.</summary>
    public static MetricDefinition SurvivalStandardError { get; } = new(MetricIds.SurvivalStandardError, "Standard error of survival (Greenwood)", "生存率标准误（Greenwood）",
        "S(t) × sqrt(sum over t_i <= t of d_i / (n_i (n_i - d_i)))", MetricUnit.Statistic, null, null, null, CycleTime,
        "S(t) × sqrt(对 t_i <= t 求 d_i / (n_i (n_i − d_i)) 之和)", MetricKind.Number);

    /// <summary>Greenwood standard error of log survival (what R's survfit reports as std.err).</summary>
    public static MetricDefinition LogSurvivalStandardError { get; } = new(MetricIds.LogSurvivalStandardError, "Standard error of log survival", "对数生存率标准误",
        "sqrt(sum over t_i <= t of d_i / (n_i (n_i - d_i))), R survfit's std.err; the log and log-log intervals are built from it", MetricUnit.Statistic, null, null, null, CycleTime,
        "sqrt(对 t_i <= t 求 d_i / (n_i (n_i − d_i)) 之和)，即 R survfit 的 std.err；对数和双对数区间由它得出", MetricKind.Number);

    /// <summary>Aalen-Johansen cumulative incidence of a cause (won or lost) competing with the other.</summary>
    public static MetricDefinition CumulativeIncidence { get; } = new(MetricIds.CumulativeIncidence, "Cumulative incidence", "累计发生率",
        "Aalen-Johansen: sum over t_i <= t of S(t_i-) × events of the cause_i / at risk_i, won and lost competing", MetricUnit.Proportion, null, null, null, CycleTime,
        "Aalen-Johansen 估计：对 t_i <= t 求 S(t_i−) × 该原因事件数_i / 风险集_i 之和，成交与流失互为竞争风险", MetricKind.Rate);

    /// <summary>Delta-method standard error of the cumulative incidence.</summary>
    public static MetricDefinition CumulativeIncidenceStandardError { get; } = new(MetricIds.CumulativeIncidenceStandardError, "Standard error of cumulative incidence", "累计发生率标准误",
        "delta-method (Greenwood-type) standard error of the Aalen-Johansen estimate, as R's survfit for multi-state data", MetricUnit.Statistic, null, null, null, CycleTime,
        "Aalen-Johansen 估计的 delta 法（Greenwood 型）标准误，与 R survfit 的多状态结果一致", MetricKind.Number);

    /// <summary>Every metric, in catalogue order.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } = new[]
    {
        Leads, Won, Lost, Open, Stale, ConversionRate, WinRate, Spend, CostPerLead, CostPerAcquisition, Revenue, Roas, Roi,
        AverageDealSize, MedianCycleDays, MedianDaysToWin, SpeedToLeadMedianHours, SpeedToLeadP90Hours, ShareOfLeads, ShareOfWon,
        ShareOfSpend, ShareOfRevenue, Impressions, Clicks, ClickThroughRate, CostPerClick, CostPerThousandImpressions, ClickToLeadRate,
        GrossProfit, ProfitRoi, ProfitPerCustomer, Reach, StepConversion, DropOff, AdjustedPValueVersusRest, Survival, SurvivalStandardError,
        LogSurvivalStandardError, CumulativeIncidence, CumulativeIncidenceStandardError, Advanced, Expired, ResolvedDropOff, MedianStepDays,
        P90StepDays, MedianTimeToWon, TimeToWonP25, TimeToWonP75, RestrictedMeanTimeToWon, WonByHorizon, LostByHorizon, MeanDaysToWon,
        MeanDaysToLost, ReasonLostLeads, ReasonShare, ReasonCumulativeShare, LostRevenue, CreditedConversions, CreditedValue, RemovalEffect,
        ValueRemovalEffect,
    };

    /// <summary>Finds a metric by id or alias (<c>cpl</c> finds <c>cost_per_lead</c>). Case and <c>-</c> versus <c>_</c> do
    /// not matter; surrounding white space is ignored.</summary>
    /// <param name="idOrAlias">The id or an alias, for example <c>roas</c> or <c>cac</c>.</param>
    /// <returns>The definition, or <see langword="null"/> when no metric has that name.</returns>
    public static MetricDefinition? Find(string? idOrAlias)
    {
        if (idOrAlias is null)
        {
            return null;
        }

        return ByName.TryGetValue(Normalise(idOrAlias), out var metric) ? metric : null;
    }

    /// <summary>Every name <see cref="Find"/> accepts (ids and aliases), each with its metric, in catalogue order.</summary>
    public static IReadOnlyList<KeyValuePair<string, MetricDefinition>> Names { get; } = BuildNames();

    private static readonly Dictionary<string, MetricDefinition> ByName = Names.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    internal static string Normalise(string name) => name.Trim().ToLowerInvariant().Replace('-', '_');

    private static KeyValuePair<string, MetricDefinition>[] BuildNames()
    {
        var names = new List<KeyValuePair<string, MetricDefinition>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in All)
        {
            if (metric.ShortName != metric.Id && !metric.Aliases.Contains(metric.ShortName))
            {
                throw new InvalidOperationException($"The short name '{metric.ShortName}' of '{metric.Id}' is neither its id nor an alias.");
            }

            foreach (var name in new[] { metric.Id }.Concat(metric.Aliases))
            {
                if (!seen.Add(name))
                {
                    throw new InvalidOperationException($"The metric name '{name}' is used twice in the catalogue.");
                }

                names.Add(new KeyValuePair<string, MetricDefinition>(name, metric));
            }
        }

        return names.ToArray();
    }
}
