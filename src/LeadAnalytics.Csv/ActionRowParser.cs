using System.Globalization;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Reads the template's step-6 table into optimisation actions, through <see cref="OptimisationActionBuilder"/> so every
/// rule is the domain's (<see cref="OptimisationActionRules"/>).</summary>
internal sealed class ActionRowParser : IRecordParser<OptimisationAction>
{
    internal enum Column
    {
        Id,
        Finding,
        FindingId,
        Action,
        Owner,
        Start,
        Due,
        Metric,
        Baseline,
        Status,
        StatusDate,
        Notes,
    }

    // English headers as ActionCsv writes them first, then the template's Simplified and Traditional Chinese and other spellings.
    internal static readonly (Column Column, string[] Aliases)[] Aliases =
    {
        (Column.Id, new[] { "action_id", "id", "行动编号", "行動編號", "编号", "編號", "序号", "序號" }),
        (Column.Finding, new[] { "finding", "分析结论", "分析結論", "结论", "結論", "问题", "問題" }),
        (Column.FindingId, new[] { "finding_id", "结论编号", "結論編號" }),
        (Column.Action, new[] { "action", "description", "优化行动", "優化行動", "行动", "行動", "措施" }),
        (Column.Owner, new[] { "owner", "责任人", "責任人", "负责人", "負責人" }),
        (Column.Start, new[] { "start_date", "start", "开始时间", "開始時間", "开始日期", "開始日期" }),
        (Column.Due, new[] { "due_date", "due", "deadline", "完成时间", "完成時間", "截止时间", "截止時間", "截止日期" }),
        (Column.Metric, new[] { "metric", "target", "跟踪指标", "跟蹤指標", "跟踪目标", "目标", "目標" }),
        (Column.Baseline, new[] { "baseline", "基线", "基線", "基准", "基準" }),
        (Column.Status, new[] { "status", "状态", "狀態" }),
        (Column.StatusDate, new[] { "status_date", "状态日期", "狀態日期" }),
        (Column.Notes, new[] { "notes", "备注", "備註" }),
    };

    private static readonly string[] RangeSeparators = { "..", "~", "至", "～" };

    private readonly ColumnBinder<Column> _columns = new(Aliases);
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private long _row;

    public void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues) =>
        _columns.Bind(headers, context, issues, "actions", Column.Action, Column.Start, Column.Due, Column.Metric);

    public OptimisationAction? Parse(string[] cells, RowContext context, List<DataQualityIssue> issues)
    {
        _row++;
        var errors = issues.Count;
        var zone = context.Options.TimeZone;

        // The template's table has no ids: rows are numbered A1, A2... when the column is absent or the cell empty.
        var id = _columns.Text(cells, Column.Id)?.Trim() ?? "A" + _row.ToString(CultureInfo.InvariantCulture);
        var b = new OptimisationActionBuilder
        {
            Id = id,
            Finding = _columns.Text(cells, Column.Finding),
            FindingId = _columns.Text(cells, Column.FindingId),
            Description = Required(cells, Column.Action, id, context, issues),
            Owner = _columns.Text(cells, Column.Owner),
            Notes = _columns.Text(cells, Column.Notes),
        };

        if (Required(cells, Column.Start, id, context, issues) is { } startText)
        {
            b.Start = Instant(startText, zone, endOfDay: false, Column.Start, id, context, issues);
        }

        if (Required(cells, Column.Due, id, context, issues) is { } dueText)
        {
            b.Due = Instant(dueText, zone, endOfDay: true, Column.Due, id, context, issues);
        }

        if (Required(cells, Column.Metric, id, context, issues) is { } metricText)
        {
            if (MetricTarget.TryParse(metricText, out var target, out var error))
            {
                b.Target = target;
            }
            else
            {
                Add(issues, context, DataQualityRule.InvalidValue, $"The tracking metric does not parse: {error.Message}", Column.Metric, metricText, id);
            }
        }

        if (_columns.Text(cells, Column.Baseline) is { } baselineText && b.Target is { } t)
        {
            b.Baseline = Baseline(baselineText, t.Metric, zone, id, context, issues);
        }

        if (_columns.Text(cells, Column.Status) is { } statusText)
        {
            var at = _columns.Text(cells, Column.StatusDate) is { } dateText
                ? Instant(dateText, zone, endOfDay: false, Column.StatusDate, id, context, issues)
                : b.Start;
            if (State(statusText) is not { } state)
            {
                Add(issues, context, DataQualityRule.InvalidValue, $"'{statusText.Trim()}' is not an action state (planned, in_progress, done, cancelled).", Column.Status, statusText, id);
            }
            else if (at is { } when)
            {
                b.History.Add(new ActionStatusEntry(when, state));
            }
        }

        if (_seen.TryGetValue(id, out var firstLine))
        {
            Add(issues, context, DataQualityRule.DuplicateId,
                $"The action id '{id}' was already used at line {firstLine.ToString(CultureInfo.InvariantCulture)}; this row is not read.", Column.Id, id, id);
        }

        if (issues.Skip(errors).Any(i => i.Severity == IssueSeverity.Error))
        {
            return null;
        }

        var violations = b.Validate();
        foreach (var v in violations)
        {
            issues.Add(context.Issue(DataQualityRule.InvalidRecord, IssueSeverity.Error, $"{v.Rule}: {v.Message}", _columns.Header(ColumnOf(v.Rule)), v.Value, id));
        }

        if (violations.Count > 0)
        {
            return null;
        }

        _seen.Add(id, context.Line);
        return b.Build();
    }

    internal static ActionState? State(string text) => text.Trim().ToLowerInvariant().Replace(" ", "_").Replace("-", "_") switch
    {
        "planned" or "计划中" or "計劃中" or "未开始" or "未開始" => ActionState.Planned,
        "in_progress" or "inprogress" or "进行中" or "進行中" => ActionState.InProgress,
        "done" or "completed" or "已完成" or "完成" => ActionState.Done,
        "cancelled" or "canceled" or "已取消" or "取消" => ActionState.Cancelled,
        _ => null,
    };

    internal static string StateName(ActionState state) => state switch
    {
        ActionState.Planned => "planned",
        ActionState.InProgress => "in_progress",
        ActionState.Done => "done",
        _ => "cancelled",
    };

    // A value in the metric's unit ("40%", "5000"), or a window of acquisition dates "2023-07-01..2023-10-14" whose end date is
    // inclusive (an end with a time of day is the exclusive instant it names, as in cost tables).
    private ActionBaseline? Baseline(string text, TrackedMetric metric, TimeZoneInfo zone, string id, RowContext context, List<DataQualityIssue> issues)
    {
        foreach (var separator in RangeSeparators)
        {
            var at = text.IndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var from = Instant(text.Substring(0, at), zone, endOfDay: false, Column.Baseline, id, context, issues);
            var to = Instant(text.Substring(at + separator.Length), zone, endOfDay: true, Column.Baseline, id, context, issues);
            if (from is null || to is null)
            {
                return null;
            }

            if (to <= from)
            {
                Add(issues, context, DataQualityRule.InvalidValue, $"The baseline window '{text.Trim()}' ends before it starts.", Column.Baseline, text, id);
                return null;
            }

            return ActionBaseline.Window(from.Value, to.Value);
        }

        if (metric.TryParseValue(text, out var value, out var currency, out var error))
        {
            return ActionBaseline.Given(value, currency);
        }

        Add(issues, context, DataQualityRule.InvalidValue, $"The baseline is neither a value of {ActionMetrics.NameOf(metric.Metric)} nor a date range (2023-07-01..2023-10-14): {error.Message}", Column.Baseline, text, id);
        return null;
    }

    // A date is the start of that day, or with endOfDay the start of the next (due dates and window ends are inclusive dates).
    private DateTimeOffset? Instant(string text, TimeZoneInfo zone, bool endOfDay, Column column, string id, RowContext context, List<DataQualityIssue> issues)
    {
        if (!CsvValues.TryParseInstant(text, zone, out var at, out var hasTime))
        {
            Add(issues, context, DataQualityRule.InvalidDate, $"'{text.Trim()}' is not a date.", column, text, id);
            return null;
        }

        if (hasTime || !endOfDay)
        {
            return at;
        }

        var next = at.DateTime.Date.AddDays(1);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }

    private string? Required(string[] cells, Column column, string id, RowContext context, List<DataQualityIssue> issues)
    {
        var text = _columns.Text(cells, column);
        if (text is null)
        {
            Add(issues, context, DataQualityRule.MissingRequiredField, $"The {Describe(column)} of an action is empty.", column, null, id);
        }

        return text;
    }

    private void Add(List<DataQualityIssue> issues, RowContext context, DataQualityRule rule, string message, Column column, string? value, string id) =>
        issues.Add(context.Issue(rule, IssueSeverity.Error, message, _columns.Header(column), value, id));

    private static Column ColumnOf(ActionRule rule) => rule switch
    {
        ActionRule.MissingId => Column.Id,
        ActionRule.MissingDescription => Column.Action,
        ActionRule.MissingTarget => Column.Metric,
        ActionRule.MissingStart => Column.Start,
        ActionRule.BaselineWindowAfterStart or ActionRule.BaselineOutOfRange => Column.Baseline,
        _ => Column.Due,
    };

    private static string Describe(Column column) => column switch
    {
        Column.Action => "action (优化行动)",
        Column.Start => "start date",
        Column.Due => "due date (完成时间)",
        Column.Metric => "tracking metric (跟踪指标)",
        _ => column.ToString().ToLowerInvariant(),
    };
}
