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

    /// <summary>The shared vocabulary: <c>total</c>, <c>segment</c>, outcomes (<c>outcome.won</c>, ...), action statuses
    /// (<c>status.Achieved</c>, ...) and reasons (<c>reason.TargetMet</c>, ...), attribution models (<c>model.FirstTouch</c>,
    /// ...), severities (<c>severity.Warning</c>, ...), dimensions (<c>dimension.Channel</c>, ...), the default pipeline's stages (<c>stage.NeedsConfirmed</c>, ...).</summary>
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
    });
}
