using LeadAnalytics.Metrics;

namespace LeadAnalytics.Cli.Rendering;

/// <summary>The tool's own words in English and Chinese (--lang), joined with the library's shared vocabulary
/// (<see cref="DisplayText.Common"/>). Metric names come from the catalogue, stage names from the pipeline.</summary>
internal static class CliText
{
    public static DisplayText Table { get; } = DisplayText.Common.Merge(new DisplayText(new (string, string, string)[]
    {
        ("segments.title", "Segments by {0} as of {1}{2}, {3}; ranked by {4}; amounts in {5}; {6}.", "按{0}细分，截至 {1}{2}，{3}；按{4}排序；金额单位 {5}；{6}。"),
        ("asof.fromdata", " (the latest event in the data)", "（数据中最晚的事件）"),
        ("period.all", "all leads", "全部线索"),
        ("period.some", "leads acquired in {0}", "获客时间在 {0} 的线索"),
        ("costs.table", "costs from the costs file", "成本来自成本表"),
        ("costs.perlead", "costs from the leads' acquisition_cost", "成本来自线索的获客成本字段"),
        ("costs.none", "no costs", "无成本数据"),
        ("segments.independence", "Does conversion differ between segments? chi-square {0} on {1} df, p {2}.", "各细分的转化率是否不同？卡方 {0}，自由度 {1}，p {2}。"),
        ("segments.costs", "Costs: {0} {1} in the period, {2} allocated to segments, {3} matched no lead; {4} leads carry no cost.",
            "成本：本期 {0} {1}，分摊到细分 {2}，未匹配任何线索 {3}；{4} 条线索没有成本。"),
        ("rank", "Rank", "排名"),
        ("actions.title", "Optimisation actions as of {0}{1}: {2} actions ({3}).", "优化行动，截至 {0}{1}：共 {2} 项（{3}）。"),
        ("actions.action", "Action", "行动"),
        ("actions.owner", "Owner", "负责人"),
        ("actions.due", "Due", "完成时间"),
        ("actions.target", "Target", "目标"),
        ("actions.baseline", "Baseline", "基线"),
        ("actions.now", "Now", "当前"),
        ("actions.status", "Status", "状态"),
        ("actions.evidence", "Evidence", "证据"),
    }));
}
