using System.Globalization;
using LeadAnalytics.Actions;
using LeadAnalytics.Attribution;
using LeadAnalytics.Funnel;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Reporting;

/// <summary>
/// Every word the report and its charts print, in one language: English, or Simplified Chinese for a zh-* language tag.
/// Metric names come from the metric catalogue (<see cref="MetricCatalog"/>), so the report says what the JSON, the CSV
/// and the tool's tables say. Text from the data (channel names, stage display names of a custom pipeline, loss reasons)
/// is never translated.
/// </summary>
/// <remarks>Immutable; thread-safe. Numbers read the same in both languages (digits grouped by commas, a point for
/// decimals, as zh-CN writes them); an undefined value is <see cref="MetricFormatter.UndefinedText"/> in both. Words shared with the tool (stage,
/// dimension, model and status names) come from <see cref="DisplayText.Common"/> through <see cref="MetricFormatter"/>; only
/// the report's own sentences live here.</remarks>
internal sealed class ReportText
{
    public static readonly ReportText English = new(false);
    public static readonly ReportText Chinese = new(true);

    private ReportText(bool zh)
    {
        Zh = zh;
    }

    /// <summary>Whether the text is Chinese.</summary>
    public bool Zh { get; }

    /// <summary>The text for a BCP 47 language tag: Chinese for "zh" and every "zh-*", English otherwise.</summary>
    public static ReportText For(string? language) =>
        language is not null && (language.Equals("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            ? Chinese
            : English;

    private string T(string en, string zh) => Zh ? zh : en;

    private static string Metric(MetricDefinition m, bool zh) => zh ? m.ChineseName : m.EnglishName;

    /// <summary>The library's one formatter in this language (numbers, metric names, the shared vocabulary).</summary>
    public MetricFormatter Formatter => Zh ? MetricFormatter.Chinese : MetricFormatter.English;

    /// <summary>A stage as the reader calls it (<see cref="MetricFormatter.StageName"/>, shared with the tool): the
    /// pipeline's display name, or for the template's own stages the template's Chinese name in a Chinese report.</summary>
    public string StageName(Stage stage) => Formatter.StageName(stage);

    /// <summary>A stage named by its key (as the loss-reason engine names stages): the template's Chinese name in a
    /// Chinese report, else the key's display name in the default pipeline, else the key itself.</summary>
    public string StageName(string name)
    {
        var stage = Pipeline.Default.Stages.FirstOrDefault(s => s.Name == name);
        return stage is null ? name : StageName(stage);
    }

    /// <summary>The scope of a loss-reason table or dominance: "overall", "stage" or a dimension's name.</summary>
    public string LossScope(string scope) => scope switch
    {
        "overall" => AllLeads,
        "stage" => T("stage", "阶段"),
        _ => Enum.TryParse<Dimension>(scope, ignoreCase: true, out var d) ? DimensionName(d) : scope,
    };

    /// <summary>A segment of a loss-reason scope: stage keys by their stage name, "overall" as all leads, values as they are.</summary>
    public string LossSegment(string scope, string segment) => scope switch
    {
        "stage" => StageName(segment),
        _ when segment == "overall" => AllLeads,
        _ => segment,
    };

    public string StepName(Stage from, Stage to) => $"{StageName(from)} → {StageName(to)}";

    // Page
    public string DefaultTitle => T("Lead conversion report", "线索转化报告");

    public string Meta(DateTimeOffset asOf, long leads)
    {
        var offset = asOf.Offset == TimeSpan.Zero ? "UTC" : "UTC" + (asOf.Offset < TimeSpan.Zero ? "-" : "+") + asOf.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        var time = asOf.ToString("HH:mm", CultureInfo.InvariantCulture);
        return Zh
            ? $"截至 {Date(asOf)} {time}（{offset}）· 共 {Format.Count(leads)} 条线索"
            : $"As of {Date(asOf)} {time} ({offset}) · {Format.Count(leads)} leads";
    }

    /// <summary>The acquisition period of the analysed leads, as entered (an end date is the period's last day:
    /// <see cref="MetricFormatter.InclusiveEnd"/>); <see langword="null"/> for all time.</summary>
    public string? Acquired(Data.AcquisitionPeriod? period)
    {
        if (period is null || (period.From is null && period.To is null))
        {
            return null;
        }

        // A start at midnight was entered as a date; any other start shows its time too.
        var from = period.From is { } f ? (f.TimeOfDay == TimeSpan.Zero ? Formatter.Date(f) : Formatter.Instant(f)) : null;
        var to = period.To is { } t ? Formatter.InclusiveEnd(t) : null;
        return (from, to) switch
        {
            (not null, not null) => Zh ? $"获客时间 {from} 至 {to}" : $"acquired {from} to {to}",
            (not null, null) => Zh ? $"获客时间 {from} 起" : $"acquired from {from}",
            _ => Zh ? $"获客时间截至 {to}" : $"acquired up to {to}",
        };
    }

    /// <summary>A calendar date by the one formatter's rule: ISO 8601 (2024-01-15) in both languages (GB/T 7408; docs/formatting.md).</summary>
    public string Date(DateTimeOffset value) => Formatter.Date(value);

    /// <summary>The footer: how the numbers were judged, from the scope the sections were computed with (its confidence level,
    /// interval method and stale rule), so a report computed with --stale-after 14 does not claim 30 days.</summary>
    public string Footer(string version, Data.AnalysisScope scope)
    {
        var level = Plain(scope.Confidence * 100) + "%";
        var method = scope.IntervalMethod switch
        {
            Statistics.ProportionIntervalMethod.ClopperPearson => "Clopper-Pearson",
            Statistics.ProportionIntervalMethod.Jeffreys => "Jeffreys",
            _ => "Wilson",
        };
        var days = Plain(scope.StaleAfter.TotalDays);
        var asLost = scope.StaleTreatment == Data.StaleTreatment.AsLost;
        var stale = scope.StaleAfter == TimeSpan.Zero
            ? T("no lead is presumed lost for want of activity", "不按无跟进时长判定停滞")
            : asLost
                ? T($"stale leads (no activity for {days} days) count as lost", $"超过 {days} 天无跟进的停滞线索按流失计")
                : T($"stale leads (no activity for {days} days) stay open", $"超过 {days} 天无跟进的停滞线索仍按跟进中计");
        return Zh
            ? $"LeadAnalytics {version}。比率附 {level} {method} 置信区间；跟进中的线索不计为流失；{stale}。转化时间曲线为成交的累积发生率（流失作为竞争结局）。"
            : $"LeadAnalytics {version}. Rates carry {level} {method} intervals; open leads are not drop-offs; {stale}. " +
              "Time curves show the cumulative incidence of won, with lost as a competing outcome.";

        // 95 and 30 as such; 97.5 and 0.5 with their decimal.
        static string Plain(double value) => Format.Number(value, Math.Abs(value - Math.Round(value)) < 1e-9 ? "0" : "0.0");
    }

    // Summary cards
    public string Leads => Metric(MetricCatalog.Leads, Zh);

    public string Won => Metric(MetricCatalog.Won, Zh);

    public string ConversionAll => T("Conversion (all leads)", MetricCatalog.ConversionRate.ChineseName + "（全部线索）");

    public string ConversionResolved => T("Conversion (resolved leads)", MetricCatalog.WinRate.ChineseName);

    public string Bottleneck => T("Bottleneck", "瓶颈环节");

    public string DropOffOf(string percent) => T($"{percent} drop-off", $"流失 {percent}");

    public string MedianDaysToWon => Metric(MetricCatalog.MedianDaysToWin, Zh);

    public string NotReached => T("not reached", "未达到");

    public string AllLeads => T("All leads", "全部线索");

    public string Days(double? value) => value is { } v ? Formatter.Number(v, 1) + T(" d", " 天") : Format.Undefined;

    // Channels
    public string Channels => T("Channels", "渠道");

    /// <summary>A dimension's name from the shared vocabulary (<see cref="DisplayText.Common"/>, as the tool prints it).</summary>
    public string DimensionName(Dimension dimension) => Formatter.Text("dimension." + dimension);

    public string Segment => T("segment", "细分");

    public string NoBreakdown => T("No breakdown by channel was given (HtmlReportInput.Segments, HtmlReportInput.Effectiveness).", "未提供按渠道的细分结果。");

    public string NoCosts => T(
        "Spend, cost per lead, cost per customer and ROAS per channel need the costs; this report was built without them (HtmlReportInput.Effectiveness).",
        "各渠道的成本、单线索获客成本、单客户获客成本和投入产出比需要成本数据；本报告未提供成本。");

    public string ConversionBy(string dimension) => T($"Conversion by {dimension}", $"各{dimension}转化率");

    public string ConversionCaption => T(
        "Dot: won / leads; whisker: 95% Wilson interval; dashed line: all leads. Intervals that do not overlap the line differ from the average by more than chance.",
        "圆点：成交 / 线索；横线：95% Wilson 置信区间；虚线：全部线索。与虚线不重叠的区间表示与平均水平的差异超出随机波动。");

    public string ValueHeading => T("Conversion against cost per customer", "转化率与单客户获客成本");

    public string ValueCaption(string currency) => T(
        $"x: cost per customer (spend / won, {currency}); y: conversion (won / leads); bubble area: revenue; label: ROAS (revenue / spend). Up and to the left is cheaper customers from better leads.",
        $"横轴：单客户获客成本（成本 / 成交，{currency}）；纵轴：转化率（成交 / 线索）；气泡面积：成交金额；标注：投入产出比（成交金额 / 成本）。越靠左上，客户越便宜、线索越好。");

    public string NotPlaced(string labels) => T($"Not placed (no spend or nobody won): {labels}.", $"未画出（无成本或无成交）：{labels}。");

    public string ListSeparator => T(", ", "、");

    public string ValueNeedsCosts => T(
        "This chart (conversion against cost per customer, revenue as bubble size) needs the effectiveness summary with costs and revenue; it is left out of this report.",
        "此图（转化率与单客户获客成本，气泡大小为成交金额）需要含成本和成交金额的效果汇总；本报告未包含。");

    public string ConversionCi => T("conversion [95% CI]", MetricCatalog.ConversionRate.ChineseName + "［95% 置信区间］");

    public string ResolvedConversion => T("resolved conversion", MetricCatalog.WinRate.ChineseName);

    public string BiggestDropOff => T("biggest drop-off", "最大流失环节");

    public string MedianDays => T("median days to won", MetricCatalog.MedianDaysToWin.ChineseName);

    public string SpendIn(string currency) => T($"spend ({currency})", $"{MetricCatalog.Spend.ChineseName}（{currency}）");

    public string CostPerLead => T("cost per lead", MetricCatalog.CostPerLead.ChineseName);

    public string CostPerCustomer => T("cost per customer", MetricCatalog.CostPerAcquisition.ChineseName);

    public string RevenueIn(string currency) => T($"revenue ({currency})", $"{MetricCatalog.Revenue.ChineseName}（{currency}）");

    public string Roas => T("ROAS", "投入产出比");

    // Funnel
    public string Funnel => T("Funnel", "漏斗");

    public string FunnelTitle(long leads, long won) => T($"Funnel: {Format.Count(leads)} leads, {Format.Count(won)} won", $"漏斗：{Format.Count(leads)} 条线索，成交 {Format.Count(won)}");

    public string Step => T("step", "环节");

    public string Entered => T("entered", "进入");

    public string Advanced => T("advanced", "推进");

    public string Lost => T("lost", "流失");

    public string Stale => T("stale", "停滞");

    public string Open => T("open", "跟进中");

    public string DropOffResolved => T("drop-off, resolved [95% CI]", MetricCatalog.DropOff.ChineseName + "（已结案）［95% 置信区间］");

    public string MedianTime => T("median time", "时长中位数");

    public string NoBottleneck => T("No step has a resolved drop-off: no bottleneck.", "没有环节存在已结案的流失：无瓶颈。");

    public string BottleneckCaption(string step, string rate, string p, bool significant) => Zh
        ? $"条形长度：到达该阶段的线索数。瓶颈（红色）是已结案线索中流失率最高的环节：{step}，{rate}；与其他环节相比 p {p}（5% 水平下{(significant ? "显著" : "不显著")}）。跟进中的线索不计为流失。"
        : $"Bar length: leads that reached the stage. The bottleneck (red) is the step with the largest drop-off among resolved leads: {step}, {rate}; " +
          $"against the other steps p {p} ({(significant ? "significant" : "not significant")} at 5%). Open leads are not drop-offs.";

    public string NotRecorded => T("not recorded", "未记录");

    /// <summary>The caption's note on stages no lead has a date for.</summary>
    public string UnrecordedStages(IEnumerable<string> stages) => Zh
        ? $"数据中没有{string.Join("、", stages)}的时间：这些阶段显示为未记录，不计入环节和瓶颈（否则每条走得更远的线索都会被当作经过了它们）。"
        : $"The data records no date for {string.Join(", ", stages)}: shown as not recorded and left out of the steps and the bottleneck (otherwise every lead that got further would count as having passed them).";

    public string NoRecordedStep => T(
        "No step runs between two stages the data records, so where leads drop out is unknown: no bottleneck is named.",
        "没有相邻两个阶段都有记录的环节，无法知道线索在哪一步流失：不判断瓶颈。");

    public string StepDropOff(string rate) => T($"drop-off {rate}", $"流失 {rate}");

    public string StillOpen(long open) => T($"{Format.Count(open)} still open", $"{Format.Count(open)} 条跟进中");

    public string BottleneckMark => T("▼ Bottleneck: ", "▼ 瓶颈：");

    public string StageTitle(string stage, long reach, string share) => T($"{stage}: {Format.Count(reach)} leads ({share} of all)", $"{stage}：{Format.Count(reach)} 条线索（占全部 {share}）");

    public string NoLeads => T("No leads in the data: nothing to draw.", "数据中没有线索，无图可画。");

    // Time
    // Cohorts (issue 20: "worse" or only "younger"?)
    public string Cohorts => T("Cohorts: conversion at the same age", "获客批次：相同时长下的转化率");

    public string NoCohorts => T("No cohort result was given (HtmlReportInput.Cohorts).", "未提供获客批次结果。");

    public string Cohort => T("cohort", "批次");

    public string WonSoFar => T("won so far", "目前成交");

    public string ConversionSoFar => T("conversion so far [95% CI]", "目前转化率［95% 置信区间］");

    public string MatureShare(string days) => T($"mature (≥ {days} d old)", $"已成熟占比（满 {days} 天）");

    public string ProjectedAt(string days) => T($"projected at {days} d [95% CI]", $"{days} 天预计转化率［95% 置信区间］");

    public string CohortStatus => T("status", "状态");

    public string MatureCohort => T("mature: observed", "已成熟：实际值");

    public string ImmatureCohort => T("◔ immature: projected", "◔ 未成熟：预计值");

    public string ImmatureBorrowed(string days) => T($"◔ immature: projected, profile past {days} d borrowed", $"◔ 未成熟：预计值，{days} 天后借用较早批次曲线");

    public string Unprojected => T("◔ immature: no projection", "◔ 未成熟：无法预计");

    public string CohortCaption(string days, int immature, int cohorts) => T(
        $"{Format.Count(immature)} of {Format.Count(cohorts)} cohorts (◔) have leads younger than {days} days: their conversion so far is low because their leads have had less time. Compare the projected conversion at {days} days: the Aalen-Johansen cumulative incidence of won (lost competing, open leads censored at the as-of date), the profile past a cohort's own follow-up borrowed from the older cohorts.",
        $"{Format.Count(cohorts)} 个批次中有 {Format.Count(immature)} 个（◔）含未满 {days} 天的线索：目前转化率偏低是因为时间还短。请比较 {days} 天预计转化率：成交的累积发生率（流失为竞争事件，跟进中的线索在截止日删失），超出本批次观察期的部分借用较早批次的曲线。");

    public string CohortTrend(string days, TrendDirection projected, string projectedTest, TrendDirection observed, string observedTest) => T(
        $"Trend across cohorts of the conversion at {days} days (immature cohorts projected): {Word(projected)} ({projectedTest}); conversion so far: {Word(observed)} ({observedTest}).",
        $"各批次 {days} 天转化率的趋势（未成熟批次取预计值）：{Word(projected)}（{projectedTest}）；目前转化率：{Word(observed)}（{observedTest}）。");

    public string OnlyYounger => T(
        "The recent cohorts convert less so far only because they are younger: at the same age they are not worse.",
        "近期批次目前转化率较低只是因为更年轻：在相同时长下并不更差。");

    public string CohortsShown(int shown, int total) => T(
        $"The latest {Format.Count(shown)} of {Format.Count(total)} cohorts are listed; every cohort is in the JSON output.",
        $"表中列出最近的 {Format.Count(shown)} 个批次（共 {Format.Count(total)} 个）；全部批次见 JSON 输出。");

    public string CellsHeading(string dimension, string days) => T($"Projected conversion at {days} days by {dimension} and cohort", $"各{dimension}各批次 {days} 天预计转化率");

    public string CellsCaption(string dimension) => T(
        $"Each cell borrows the profile past its own follow-up from the older cohorts of the same {dimension}. ◔ marks an immature cell (its value is projected); — a cell without leads or without a projection.",
        $"每个单元格超出自身观察期的部分借用同一{dimension}较早批次的曲线。◔ 表示未成熟（为预计值）；— 表示没有线索或无法预计。");

    private string Word(TrendDirection word) => word switch
    {
        TrendDirection.Rising => T("rising", "上升"),
        TrendDirection.Falling => T("falling", "下降"),
        _ => T("no significant trend", "无显著趋势"),
    };

    public string TimeToConvert => T("Time to convert", "转化时长");

    public string NoCycleTime => T("No cycle-time result was given (HtmlReportInput.CycleTime).", "未提供转化时长结果。");

    public string WonOverTime => T("Share won by each day (cumulative incidence)", "各天累计成交占比（累积发生率）");

    public string WonOverTimeCaption => T(
        "The share of each segment's leads won by each day since acquisition, with 95% pointwise bands (Aalen-Johansen: a lost lead can no longer be won, " +
        "open leads are censored at the as-of date). Where a curve levels off is the conversion the segment reaches.",
        "每个细分中自获取之日起各天已成交线索的占比，附 95% 逐点置信带（Aalen-Johansen 估计：流失的线索不再可能成交，跟进中的线索在截止日删失）。曲线趋平处即该细分最终达到的转化率。");

    public string KaplanMeierHeading => T("Time to won (Kaplan-Meier)", "成交时长（Kaplan-Meier）");

    public string KaplanMeierCaption => T(
        "Share of leads not yet won by each day, with 95% pointwise bands, lost leads censored at the loss. Read it as a speed, not as a share: " +
        "1 − curve is the conversion leads would reach if none could be lost, far above the share that is won (the table's \"won ≤ t d\" columns).",
        "各天尚未成交的线索占比，附 95% 逐点置信带，流失线索在流失时删失。它表示成交速度，而不是成交占比：1 − 曲线是\"假如没有线索会流失\"时的转化率，远高于实际成交占比（见表中\"t 天内成交\"列）。");

    public string LogRank(string chi, int df, string p) => T(
        $" Log-rank test across segments: chi-square {chi} on {df} df, p {p}.",
        $" 细分间 log-rank 检验：卡方 {chi}，自由度 {df}，p {p}。");

    public string LogRankSkipped(long segments, int cap) => T(
        $" No log-rank test across segments: {Format.Count(segments)} segments, more than the cap of {Format.Count(cap)} (its cost grows with the cube of the segment count).",
        $" 未做细分间 log-rank 检验：共 {Format.Count(segments)} 个细分，超过上限 {Format.Count(cap)}（其计算量随细分数的三次方增长）。");

    public string Other => T("(other)", "（其他）");

    public string FoldedSegments(long shown, long total, string what, long folded, long foldedLeads) => T(
        $"The {Format.Count(shown)} largest of {Format.Count(total)} {what}s by leads are listed; the other {Format.Count(folded)} ({Format.Count(foldedLeads)} leads) are summed in \"(other)\" (counts, money and the share won only). Every segment is in the JSON output.",
        $"表中列出线索数最多的 {Format.Count(shown)} 个{what}（共 {Format.Count(total)} 个）；其余 {Format.Count(folded)} 个（{Format.Count(foldedLeads)} 条线索）合计为\"（其他）\"行（仅计数、金额和成交占比）。全部细分见 JSON 输出。");

    public string WonAndLost => T("Won and lost over time (all leads)", "成交与流失随时间变化（全部线索）");

    public string WonAndLostCaption => T(
        "Cumulative incidence (Aalen-Johansen): the share of all leads won, and lost, by each day, with losses treated as a competing outcome.",
        "累积发生率（Aalen-Johansen）：各天全部线索中已成交和已流失的占比，流失作为竞争结局。");

    public string MedianDaysCi => T("median days to won [95% CI]", MetricCatalog.MedianDaysToWin.ChineseName + "［95% 置信区间］");

    public string WonWithin(string days) => T($"won ≤ {days} d", $"{days} 天内成交");

    public string LostWithin(string days) => T($"lost ≤ {days} d", $"{days} 天内流失");

    public string DaysSinceAcquisition => T("days since acquisition", "获取后天数");

    public string NotYetWon => T("not yet won", "尚未成交");

    public string ShareOfLeads => T("share of leads", "线索占比");

    public string ShareWon => T("share won", "成交占比");

    public string WonLegend(string percent, string day) => T($"won ({percent} by day {day})", $"成交（第 {day} 天 {percent}）");

    public string LostLegend(string percent, string day) => T($"lost ({percent} by day {day})", $"流失（第 {day} 天 {percent}）");

    public string CurveLegend(string label, long leads, string? median) => Zh
        ? $"{label}（n={Format.Count(leads)}，{(median is null ? "中位数未达到" : "中位数 " + median + " 天")}）"
        : $"{label} (n={Format.Count(leads)}, {(median is null ? "median not reached" : "median " + median + " d")})";

    public string IncidenceLegend(string label, long leads, string won) => T($"{label} (n={Format.Count(leads)}, {won} won)", $"{label}（n={Format.Count(leads)}，成交 {won}）");

    public string TopOf(long shown, long total, string what) => T($"The {shown} largest of {total} {what}s are drawn.", $"图中只画出 {total} 个{what}中最大的 {shown} 个。");

    public string NoWon => T("No lead was won in the data: there is no time to won to draw.", "数据中没有成交线索，无成交时长可画。");

    public string KaplanMeierTitle => T("Time to won by segment (Kaplan-Meier; lost leads censored at the loss, open leads at as-of)", "各细分成交时长（Kaplan-Meier；流失线索在流失时删失，跟进中线索在截止日删失）");

    public string IncidenceTitle => T("Share of leads won by each day, by segment (cumulative incidence, Aalen-Johansen)", "各细分各天累计成交占比（累积发生率，Aalen-Johansen）");

    public string WonVersusLostTitle(string label) => T($"Won and lost over time, {label} (cumulative incidence, Aalen-Johansen)", $"成交与流失随时间变化，{label}（累积发生率，Aalen-Johansen）");

    // Attribution
    public string Attribution => T("Attribution of won deals", "成交归因");

    public string NoAttribution => T("No attribution comparison was given: attribution needs touchpoints (HtmlReportInput.Attribution).", "未提供触点数据，无归因结果。");

    public string NoConversions => T("No journey ended in a conversion: there is no credit to share out.", "没有以成交结束的客户旅程，没有可分配的功劳。");

    public string AttributionCaption(string conversions, string value) => T(
        $"Conversions credited to each channel by each model. Every model shares out the same {conversions} conversions worth {value}; where a channel's bars differ, its credit depends on the model.",
        $"各归因模型分配给每个渠道的成交数。每个模型分配的都是同样的 {conversions} 个成交（金额 {value}）；同一渠道各模型的条形不同，说明它的功劳取决于模型。");

    public string AttributionIntervals(string level, int replicates, long seed) => T(
        $"Whiskers: {level}% bootstrap intervals ({replicates} replicates over journeys, seed {seed}): how much the credit would move with another sample of leads from the same process, not how right the model is.",
        $"误差线：{level}% 自助法区间（对客户旅程重抽样 {replicates} 次，种子 {seed}）：表示换一批同样来源的线索时功劳会变动多少，而不表示模型是否正确。");

    public string AttributionTitle => T("Conversions credited per channel, by attribution model", "各渠道按归因模型分配的成交数");

    public string ConversionsCredited => T("conversions credited", "分配的成交数");

    public string ConversionsOf(string key, string model, string value) => T($"{key}, {model}: {value} conversions", $"{key}，{model}：{value} 个成交");

    /// <summary>A model's name from the shared vocabulary (<see cref="DisplayText.Common"/>, as the tool prints it).</summary>
    public string ModelName(AttributionModel model) => Formatter.Text("model." + model);

    // Loss reasons
    public string LossReasons => T("Why leads are lost", "线索流失原因");

    public string NoLossReasons => T("No loss-reason report was given (HtmlReportInput.LossReasons).", "未提供流失原因结果。");

    public string NoRecordedReasons(long lost) => lost == 0
        ? T("No lead was lost in the data: there are no loss reasons to rank.", "数据中没有流失线索，无流失原因可排。")
        : T($"{Format.Count(lost)} lost leads, none with a recorded reason: the data has no loss-reason column or it is empty.",
            $"{Format.Count(lost)} 条流失线索均未记录流失原因：数据中没有流失原因列或该列为空。");

    public string LossCaption(long lost, long without) => T(
        $"{Format.Count(lost)} lost leads, {Format.Count(without)} without a recorded reason. Bars: leads lost per reason; line: cumulative share.",
        $"共 {Format.Count(lost)} 条流失线索，其中 {Format.Count(without)} 条未记录原因。柱：各原因流失的线索数；折线：累计占比。");

    public string Dominant(string scope, string segment, string reason, string share, long lost) => T(
        $"At {scope} {segment}, \u201c{reason}\u201d explains {share} of {Format.Count(lost)} losses.",
        $"在{scope}「{segment}」，\u201c{reason}\u201d占 {Format.Count(lost)} 次流失中的 {share}。");

    public string LossTitle(string segment, long lost) => T($"Loss reasons, {segment}: {Format.Count(lost)} lost leads", $"流失原因，{segment}：{Format.Count(lost)} 条流失线索");

    public string LostLeadsAxis => T("lost leads", "流失线索数");

    public string ReasonTitle(string reason, long count, string share, string cumulative) => T(
        $"{reason}: {Format.Count(count)} ({share}; cumulative {cumulative})", $"{reason}：{Format.Count(count)}（{share}；累计 {cumulative}）");

    // Actions
    public string Actions => T("Optimisation actions", "优化行动");

    public string NoActions => T(
        "No optimisation actions were given (HtmlReportInput.Actions): the tracker shows each action's target, progress and status once they are.",
        "未提供优化行动：提供后此处显示每项行动的目标、进度和状态。");

    public string ActionsCaption => T(
        "Bar: progress from the baseline (0) to the target (1), measured on the leads acquired since the action started; black tick: share of the schedule elapsed; badge: status from the data.",
        "条形：从基线（0）到目标（1）的进度，按行动开始后获取的线索计算；黑色刻度：已过去的时间占比；标签：根据数据判断的状态。");

    public IReadOnlyList<string> ActionHeaders => Zh
        ? new[] { "行动", "发现的问题", "负责人", "截止日期", "目标", "基线", "当前", "线索", "证据", "状态" }
        : new[] { "action", "finding", "owner", "due", "target", "baseline", "now", "leads", "evidence", "status" };

    public string Evidence(string p, bool significant, bool improved) => Zh
        ? $"p {p}，" + (significant ? (improved ? "改善" : "变差") : "不显著")
        : $"p {p}, " + (significant ? (improved ? "improved" : "worse") : "not significant");

    public string MetAtBaseline => T("target already met at the baseline", "基线时已达到目标");

    public string NotMeasurable => T("not measurable yet", "暂无法衡量");

    public string NoBaseline => T("no baseline to measure progress from", "没有可衡量进度的基线");

    public string ActionsTitle(DateTimeOffset asOf) => T($"Optimisation actions as of {Date(asOf)}: progress from baseline to target", $"截至 {Date(asOf)} 的优化行动：从基线到目标的进度");

    public string BaselineTick => T("baseline", "基线");

    public string TargetTick => T("target", "目标");

    public string ProgressTitle(string id, string progress) => T($"{id}: progress {progress} of the way from baseline to target", $"{id}：从基线到目标已完成 {progress}");

    public string Clipped => T(" (clipped)", "（已截断）");

    /// <summary>An action status from the shared vocabulary (<see cref="DisplayText.Common"/>, as the tool prints it).</summary>
    public string Status(ActionStatus status) => Formatter.Text("status." + status);

    // Conversion and value charts
    public string ConversionChartTitle => T("Conversion (won / leads) by segment with 95% intervals", "各细分转化率（成交 / 线索）及 95% 置信区间");

    public string ConversionAxis => T("conversion (won / leads)", "转化率（成交 / 线索）");

    public string ValueChartTitle(string currency) => T($"Conversion against cost per customer ({currency}), bubble area = revenue", $"转化率与单客户获客成本（{currency}），气泡面积 = 成交金额");

    public string ConversionShort => T("conversion", MetricCatalog.ConversionRate.ChineseName);

    public string CostPerCustomerIn(string currency) => T($"cost per customer ({currency})", $"{MetricCatalog.CostPerAcquisition.ChineseName}（{currency}）");

    public string BubbleTitle(string label, string conversion, string cpa, string revenue, string roas, string currency) => T(
        $"{label}: conversion {conversion}, cost per customer {cpa} {currency}, revenue {revenue} {currency}, ROAS {roas}",
        $"{label}：转化率 {conversion}，单客户获客成本 {cpa} {currency}，成交金额 {revenue} {currency}，投入产出比 {roas}");

    public string NoPlaceableSegments => T(
        "No segment has both spend and a won lead, so none has a cost per customer to place on this chart.",
        "没有同时有成本和成交的细分，因此无法计算单客户获客成本并画图。");
}
