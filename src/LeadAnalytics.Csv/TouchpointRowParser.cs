using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Reads touchpoint rows: lead_id, occurred_at, channel, strategy, content, milestone.</summary>
internal sealed class TouchpointRowParser : IRecordParser<Touchpoint>
{
    internal enum Column
    {
        LeadId,
        OccurredAt,
        Channel,
        Strategy,
        Content,
        Milestone,
    }

    private readonly ColumnBinder<Column> _columns = new(
        (Column.LeadId, new[] { "lead_id", "journey_id", "id", "线索编号", "線索編號" }),
        (Column.OccurredAt, new[] { "occurred_at", "timestamp", "time", "发生时间", "發生時間", "接触时间", "接觸時間" }),
        (Column.Channel, new[] { "channel", "来源渠道", "來源渠道", "渠道" }),
        (Column.Strategy, new[] { "strategy", "推广策略", "推廣策略" }),
        (Column.Content, new[] { "content", "内容素材", "內容素材" }),
        (Column.Milestone, new[] { "milestone", "milestones", "里程碑" }));

    public void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues) =>
        _columns.Bind(headers, context, issues, "touchpoint", Column.LeadId, Column.OccurredAt, Column.Channel);

    public Touchpoint? Parse(string[] cells, RowContext context, List<DataQualityIssue> issues)
    {
        var start = issues.Count;
        var id = Required(cells, Column.LeadId, context, issues);
        var channel = Required(cells, Column.Channel, context, issues);
        DateTimeOffset? at = null;
        if (Required(cells, Column.OccurredAt, context, issues) is { } t)
        {
            if (CsvValues.TryParseInstant(t, context.Options.TimeZone, out var parsed, out _))
            {
                if (CsvValues.IsPlausible(parsed))
                {
                    at = parsed;
                }
                else
                {
                    issues.Add(context.Issue(DataQualityRule.InvalidDate, IssueSeverity.Error, CsvValues.Implausible(t), _columns.Header(Column.OccurredAt), t, id?.Trim()));
                }
            }
            else
            {
                issues.Add(context.Issue(DataQualityRule.InvalidDate, IssueSeverity.Error, $"'{t.Trim()}' is not a date.", _columns.Header(Column.OccurredAt), t, id?.Trim()));
            }
        }

        var milestones = CrmMilestones.None;
        if (_columns.Text(cells, Column.Milestone) is { } m)
        {
            foreach (var part in m.Split(new[] { ';', '|', ',', '+', '；', '，' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var key = HeaderNames.Key(part);
                var flag = key switch
                {
                    "firsttouch" or "首次接触" or "首次接觸" => CrmMilestones.FirstTouch,
                    "leadcreated" or "线索创建" or "線索創建" => CrmMilestones.LeadCreated,
                    "dealcreated" or "opportunitycreated" or "商机创建" or "商機創建" => CrmMilestones.DealCreated,
                    "closedwon" or "won" or "成交" => CrmMilestones.ClosedWon,
                    "none" or "" => CrmMilestones.None,
                    _ => (CrmMilestones)(-1),
                };
                if ((int)flag < 0)
                {
                    issues.Add(context.Issue(DataQualityRule.InvalidValue, IssueSeverity.Error,
                        $"'{part.Trim()}' is not a milestone (first_touch, lead_created, deal_created, closed_won).", _columns.Header(Column.Milestone), m, id?.Trim()));
                    break;
                }

                milestones |= flag;
            }
        }

        if (issues.Skip(start).Any(i => i.Severity == IssueSeverity.Error))
        {
            return null;
        }

        return new Touchpoint(id!.Trim(), at!.Value, channel!.Trim(), _columns.Text(cells, Column.Strategy)?.Trim(), _columns.Text(cells, Column.Content)?.Trim(), milestones);
    }

    private string? Required(string[] cells, Column column, RowContext context, List<DataQualityIssue> issues)
    {
        var text = _columns.Text(cells, column);
        if (text is null)
        {
            issues.Add(context.Issue(DataQualityRule.MissingRequiredField, IssueSeverity.Error, $"The {column} of a touchpoint is empty.", _columns.Header(column), null));
        }

        return text;
    }
}
