using System.Globalization;

namespace LeadAnalytics.Metrics;

/// <summary>
/// Words for people in English and Chinese, looked up by key: the texts of the tool's tables and the HTML report that are
/// not metric names (those come from <see cref="MetricCatalog"/>). <see cref="Common"/> holds the shared vocabulary
/// (totals, outcomes, action statuses and reasons, attribution models); an app (the report, the tool) builds its own
/// table and joins it with <see cref="Merge"/>, so every text of one output comes from one place and nothing is mixed.
/// </summary>
/// <remarks>A key missing in Chinese falls back to English, a key missing in both to the key itself; the
/// <c>DisplayTextTests</c> check that every key of the shipped tables has both. Immutable and thread-safe.</remarks>
public sealed class DisplayText
{
    private readonly Dictionary<string, string> _english;
    private readonly Dictionary<string, string> _chinese;

    /// <summary>Creates a table.</summary>
    /// <param name="entries">Key, English text, Chinese text.</param>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public DisplayText(IEnumerable<(string Key, string English, string Chinese)> entries)
    {
        Preconditions.CheckNotNull(entries);

        _english = new Dictionary<string, string>(StringComparer.Ordinal);
        _chinese = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, english, chinese) in entries)
        {
            if (_english.ContainsKey(key))
            {
                throw new ArgumentException($"The key '{key}' appears twice.", nameof(entries));
            }

            _english.Add(key, english);
            _chinese.Add(key, chinese);
        }
    }

    /// <summary>Every key.</summary>
    public IReadOnlyCollection<string> Keys => _english.Keys;

    /// <summary>A text.</summary>
    /// <param name="key">The key.</param>
    /// <param name="language">The language.</param>
    /// <returns>The text; the English one when Chinese lacks it; the key when both do.</returns>
    public string Get(string key, DisplayLanguage language)
    {
        if (language == DisplayLanguage.Chinese && _chinese.TryGetValue(key, out var zh) && zh.Length > 0)
        {
            return zh;
        }

        return _english.TryGetValue(key, out var en) ? en : key;
    }

    /// <summary>Whether the table has a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(string key) => _english.ContainsKey(key);

    /// <summary>This table and another; the other's texts win on shared keys.</summary>
    /// <param name="other">The other table.</param>
    /// <returns>A new table.</returns>
    public DisplayText Merge(DisplayText other)
    {
        Preconditions.CheckNotNull(other);

        var keys = _english.Keys.Where(k => !other.Contains(k)).Concat(other._english.Keys);
        return new DisplayText(keys.Select(k => other.Contains(k)
            ? (k, other._english[k], other._chinese[k])
            : (k, _english[k], _chinese[k])).ToList());
    }

    /// <summary>Fills a template in one pass: <c>{name}</c> is replaced by the argument as stored (a value that itself reads
    /// <c>{other}</c> is printed, never expanded again); <c>{name:style}</c> formats a number by the one rule of
    /// <see cref="MetricFormatter"/> (docs/formatting.md): <c>%</c> a proportion as a percentage with one decimal (<c>8.3%</c>),
    /// <c>x</c> a ratio with two decimals, <c>m</c> an amount of money (<c>4,560</c>, <c>35.20</c>), <c>p</c> a p-value with its
    /// relation (<c>= 0.010</c>, <c>&lt; 0.001</c>). A placeholder without an argument is left as written.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string> arguments)
    {
        var result = new System.Text.StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var token = template.Substring(open + 1, close - open - 1);
            var colon = token.IndexOf(':');
            var name = colon < 0 ? token : token.Substring(0, colon);
            var style = colon < 0 ? null : token.Substring(colon + 1);
            result.Append(arguments.TryGetValue(name, out var value) ? Styled(value, style) : "{" + token + "}");
            i = close + 1;
        }

        return result.ToString();
    }

    private static string Styled(string value, string? style)
    {
        if (style is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        var formatter = MetricFormatter.English; // digits and separators are the same in every language
        return style switch
        {
            "%" => formatter.Percent(number),
            "x" => formatter.Number(number, 2),
            "m" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? formatter.Money(amount) : value,
            "p" => formatter.PValue(number) is var p && p.StartsWith("<", StringComparison.Ordinal) ? p : "= " + p,
            _ => value,
        };
    }

    /// <summary>The shared vocabulary: <c>total</c>, <c>segment</c>, outcomes (<c>outcome.won</c>, ...), action statuses
    /// (<c>status.Achieved</c>, ...) and reasons (<c>reason.TargetMet</c>, ...), attribution models (<c>model.FirstTouch</c>,
    /// ...), severities (<c>severity.Warning</c>, ...), dimensions (<c>dimension.Channel</c>, ...), the default pipeline's stages (<c>stage.NeedsConfirmed</c>, ...),
    /// data-quality rules (<c>rule.DuplicateId</c>, ...) and their one-sentence descriptions (<c>issue.DuplicateId</c>, ...), the
    /// tracking table's fields (<c>field.AcquiredAt</c>, ...), input kinds (<c>input.leads</c>, ...), statistical tests by name
    /// (<c>test.log-rank</c>, ...) and the loss reason of stale leads (<c>reason.stale</c>).</summary>
    public static DisplayText Common { get; } = new(new (string, string, string)[]
    {
        ("total", "Total", "合计"),
        ("segment", "Segment", "细分"),
        ("other", "(other)", "（其他）"),
        ("outcome.won", "Won", "成交"),
        ("outcome.lost", "Lost", "流失"),
        ("outcome.open", "Open", "跟进中"),
        ("outcome.stale", "Stale", "停滞"),
        ("severity.Critical", "Critical", "严重"),
        ("severity.Warning", "Warning", "警告"),
        ("severity.Info", "Note", "提示"),
        ("status.NotStarted", "Not started", "未开始"),
        ("status.OnTrack", "On track", "按计划推进"),
        ("status.AtRisk", "At risk", "有风险"),
        ("status.Achieved", "Achieved", "已达成"),
        ("status.Missed", "Missed", "未达成"),
        ("status.Overdue", "Overdue", "已逾期"),
        ("reason.BeforeStart", "the action has not started", "行动尚未开始"),
        ("reason.TargetMet", "the target is met", "已达到目标"),
        ("reason.TargetNotMet", "the target is not met", "未达到目标"),
        ("reason.TooFewLeads", "too few leads to judge", "线索太少，无法判断"),
        ("reason.AwaitingOutcomes", "waiting for the window's leads to resolve", "等待窗口内线索出结果"),
        ("reason.OnSchedule", "progress is on schedule", "进度符合计划"),
        ("reason.BehindSchedule", "progress is behind schedule", "进度落后于计划"),
        ("reason.WorseThanBaseline", "worse than the baseline", "比基线更差"),
        ("reason.NoBaseline", "no baseline to compare with", "没有可对比的基线"),
        ("reason.MetricUnavailable", "the metric cannot be computed from the data", "数据无法计算该指标"),
        ("reason.UndefinedValue", "the value is undefined (zero denominator)", "数值无定义（分母为零）"),
        ("reason.MetAtBaseline", "the target was already met at the baseline", "基线时已达到目标"),
        ("model.FirstTouch", "First touch", "首次触点"),
        ("model.LastTouch", "Last touch", "末次触点"),
        ("model.LastNonDirect", "Last non-direct", "末次非直接触点"),
        ("model.Linear", "Linear", "线性"),
        ("model.PositionBased", "Position-based (40/20/40)", "位置加权（40/20/40）"),
        ("model.TimeDecay", "Time decay", "时间衰减"),
        ("model.UShaped", "U-shaped", "U 型"),
        ("model.WShaped", "W-shaped", "W 型"),
        ("model.FullPath", "Full path", "全路径"),
        ("model.Markov", "Markov chain", "马尔可夫链"),
        ("model.Shapley", "Shapley value", "Shapley 值"),
        ("stage.Acquired", "Acquired", "获取线索"),
        ("stage.Contacted", "Contacted", "初次接触"),
        ("stage.NeedsConfirmed", "Needs confirmed", "需求确认"),
        ("stage.ProposalSent", "Proposal sent", "方案提交"),
        ("stage.Negotiation", "Negotiation", "商务谈判"),
        ("stage.Won", "Won", "成交"),
        ("stage.Lost", "Lost", "流失"),
        ("dimension.Channel", "channel", "来源渠道"),
        ("dimension.Strategy", "strategy", "推广策略"),
        ("dimension.Content", "content", "内容素材"),
        ("dimension.Industry", "industry", "客户行业"),
        ("dimension.Owner", "owner", "负责人"),
        ("dimension.CustomerType", "customer type", "客户类型"),
        ("dimension.Tag", "tag", "标签"),
        // Data-quality rules: the English is the rule's name as the JSON and CSV write it.
        ("rule.MissingRequiredField", "MissingRequiredField", "缺少必填字段"),
        ("rule.DuplicateId", "DuplicateId", "重复编号"),
        ("rule.UnknownStage", "UnknownStage", "未知阶段"),
        ("rule.StageBeforeAcquisition", "StageBeforeAcquisition", "阶段早于获取"),
        ("rule.StagesOutOfOrder", "StagesOutOfOrder", "阶段顺序颠倒"),
        ("rule.WonAndLost", "WonAndLost", "既成交又流失"),
        ("rule.NegativeDealAmount", "NegativeDealAmount", "成交金额为负"),
        ("rule.NegativeAcquisitionCost", "NegativeAcquisitionCost", "获客成本为负"),
        ("rule.WonWithoutDealAmount", "WonWithoutDealAmount", "成交但无金额"),
        ("rule.CycleDaysMismatch", "CycleDaysMismatch", "周期天数不符"),
        ("rule.CurrencyMismatch", "CurrencyMismatch", "币种不一致"),
        ("rule.StaleLead", "StaleLead", "停滞线索"),
        ("rule.InvalidDate", "InvalidDate", "日期无效"),
        ("rule.InvalidAmount", "InvalidAmount", "金额无效"),
        ("rule.InvalidNumber", "InvalidNumber", "数字无效"),
        ("rule.InvalidCurrency", "InvalidCurrency", "币种无效"),
        ("rule.InvalidValue", "InvalidValue", "取值无效"),
        ("rule.UnknownColumn", "UnknownColumn", "未知列"),
        ("rule.MissingColumn", "MissingColumn", "缺少列"),
        ("rule.DuplicateColumn", "DuplicateColumn", "重复列"),
        ("rule.ExtraFields", "ExtraFields", "字段过多"),
        ("rule.InvalidRecord", "InvalidRecord", "记录无效"),
        ("rule.SimilarLabels", "SimilarLabels", "标签近似"),
        // What each rule means, as one sentence (DataQualityIssue.Describe): {column} is the column as written in the file
        // (else the field's name), {value} the offending value quoted, {lead} the lead id. The English issue keeps its own,
        // more specific message; these English texts describe the rule in general.
        ("issue.MissingRequiredField", "The required field {column} is empty.", "必填字段 {column} 为空。"),
        ("issue.DuplicateId", "The id {lead} is used by more than one lead.", "编号 {lead} 被多条线索使用。"),
        ("issue.UnknownStage", "{column} names a stage the pipeline does not have.", "{column} 指向流程中没有的阶段。"),
        ("issue.StageBeforeAcquisition", "{column} is earlier than the acquisition; the lead is kept and flagged.", "{column} 早于获取时间；线索保留并标记。"),
        ("issue.StagesOutOfOrder", "The stage times go backwards along the pipeline at {column}; the lead is kept and flagged.", "阶段时间在 {column} 处沿流程倒退；线索保留并标记。"),
        ("issue.WonAndLost", "Both the won and the lost time are filled in.", "成交时间和流失时间都已填写。"),
        ("issue.NegativeDealAmount", "The deal amount {value} is negative.", "成交金额 {value} 为负数。"),
        ("issue.NegativeAcquisitionCost", "The acquisition cost {value} is negative.", "获客成本 {value} 为负数。"),
        ("issue.WonWithoutDealAmount", "The lead is won but has no deal amount; revenue and ROAS will undercount.", "线索已成交但没有成交金额，收入和 ROAS 会偏低。"),
        ("issue.CycleDaysMismatch", "The recorded cycle days {value} differ from the days between the timestamps.", "记录的转化时长 {value} 与时间戳之间的天数不符。"),
        ("issue.CurrencyMismatch", "{column} ({value}) is in another currency than the data; convert it first.", "{column}（{value}）的币种与数据的币种不同，请先换算。"),
        ("issue.StaleLead", "Open with no activity since {value}: counted as stale (presumed lost).", "自 {value} 以来没有任何跟进且未结束：按停滞（视同流失）处理。"),
        ("issue.InvalidDate", "{column}: {value} is not a date the reader accepts (2023-10-01 14:30, 2023/10/1 or ISO 8601, years 1970 to 2099).", "{column}：{value} 不是可读取的日期（2023-10-01 14:30、2023/10/1 或 ISO 8601，年份 1970 至 2099）。"),
        ("issue.InvalidAmount", "{column}: {value} is not an amount the reader accepts, or it is too large.", "{column}：{value} 不是可读取的金额，或超出可接受的范围。"),
        ("issue.InvalidNumber", "{column}: {value} is not a number.", "{column}：{value} 不是有效的数字。"),
        ("issue.InvalidCurrency", "{column}: {value} is not an ISO 4217 currency code.", "{column}：{value} 不是 ISO 4217 币种代码。"),
        ("issue.InvalidValue", "{column}: {value} is not one of the allowed values.", "{column}：{value} 不在允许的取值范围内。"),
        ("issue.UnknownColumn", "The column {column} is not one the reader knows; it is not read as a tracking-table field.", "列 {column} 不是可识别的列，不作为标准字段读取。"),
        ("issue.MissingColumn", "The column {column} is required but missing from the header.", "表头缺少必需的列 {column}。"),
        ("issue.DuplicateColumn", "The column {column} appears twice; the first one is read.", "列 {column} 出现两次，读取第一列。"),
        ("issue.ExtraFields", "The row has more cells than the header; the extra cells are not read.", "该行的单元格多于表头，多出的单元格未读取。"),
        ("issue.InvalidRecord", "The row's values contradict each other or cannot be read as one record.", "该行的取值相互矛盾，或无法读取为一条记录。"),
        ("issue.SimilarLabels", "The {column} labels {value} differ only by letter case; they are counted as separate segments.", "{column} 的标签 {value} 只有大小写不同，被算作不同的细分。"),
        ("issue.column", "the field", "该字段"),
        ("issue.empty", "(empty)", "（空）"),
        // The tracking table's fields, as the template's headers name them.
        ("field.Id", "lead_id", "线索编号"),
        ("field.Name", "lead_name", "线索名称"),
        ("field.Channel", "channel", "来源渠道"),
        ("field.Strategy", "strategy", "推广策略"),
        ("field.Content", "content", "内容素材"),
        ("field.AcquiredAt", "acquired_at", "获取时间"),
        ("field.Owner", "owner", "负责人"),
        ("field.CustomerType", "customer_type", "客户类型"),
        ("field.Industry", "industry", "客户行业"),
        ("field.ContactedAt", "contacted_at", "初次接触时间"),
        ("field.NeedsConfirmedAt", "needs_confirmed_at", "需求确认时间"),
        ("field.ProposalSentAt", "proposal_at", "方案提交时间"),
        ("field.NegotiationAt", "negotiation_at", "商务谈判时间"),
        ("field.WonAt", "won_at", "成交时间"),
        ("field.LostAt", "lost_at", "流失时间"),
        ("field.LossReason", "loss_reason", "流失原因"),
        ("field.DealAmount", "deal_amount", "成交金额"),
        ("field.AcquisitionCost", "acquisition_cost", "获客成本"),
        ("field.CycleDays", "cycle_days", "转化时长"),
        ("field.Notes", "notes", "备注"),
        ("field.Tags", "tags", "标签"),
        ("field.LastActivityAt", "last_activity_at", "最后活动时间"),
        ("field.Currency", "currency", "币种"),
        // Statistical tests by the name HypothesisTestResult.Test carries.
        ("test.two-proportion z", "two-proportion z", "双比例 z 检验"),
        ("test.one-proportion score z", "one-proportion score z", "单比例得分 z 检验"),
        ("test.Fisher exact", "Fisher exact", "Fisher 精确检验"),
        ("test.log-rank", "log-rank", "log-rank 检验"),
        ("test.Cochran-Armitage trend z", "Cochran-Armitage trend z", "Cochran-Armitage 趋势 z 检验"),
        ("test.chi-square independence", "chi-square independence", "卡方独立性检验"),
        ("test.chi-square independence (Yates)", "chi-square independence (Yates)", "卡方独立性检验（Yates 校正）"),
        ("reason.stale", "(stale)", "（停滞）"),
        ("input.leads", "leads", "线索表"),
        ("input.costs", "costs", "成本表"),
        ("input.touchpoints", "touchpoints", "触点表"),
        ("input.actions", "actions", "优化行动表"),
        ("input.paths", "paths", "路径表"),
    });
}
