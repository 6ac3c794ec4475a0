using System.Text.Json;
using LeadAnalytics.Actions;

namespace LeadAnalytics.Json;

/// <summary>Optimisation actions and their evaluations to schema v1 contracts, and actions back. Reading validates with the
/// domain's rules and names the JSON path of a fault.</summary>
internal static class ActionMapping
{
    public static ActionsDocument ToDocument(IEnumerable<OptimisationAction> actions) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.ActionsKind,
        Actions = Mapping.Each(actions, nameof(actions), ToDto),
    };

    public static ActionDto ToDto(OptimisationAction a) => new()
    {
        Id = a.Id,
        Finding = a.Finding,
        FindingId = a.FindingId,
        Action = a.Description,
        Owner = a.Owner,
        Start = a.Start,
        Due = a.Due,
        Target = ToDto(a.Target),
        Baseline = a.Baseline is { } b
            ? new BaselineDto { Kind = Mapping.Name(b.Kind), Value = b.Value, Currency = b.Currency?.Code, WindowStart = b.WindowStart, WindowEnd = b.WindowEnd }
            : null,
        Notes = a.Notes,
        History = a.History.Select(h => new ActionStatusDto { At = h.At, State = Mapping.Name(h.State), Note = h.Note }).ToList(),
    };

    private static TargetDto ToDto(MetricTarget t) => new()
    {
        Expression = t.ToString(),
        Metric = ActionMetrics.NameOf(t.Metric.Metric),
        Stage = t.Metric.Stage,
        Segment = t.Metric.Segment.Conditions.Select(c => new SegmentConditionDto { Dimension = Mapping.Name(c.Dimension), Values = c.Values.ToList() }).ToList(),
        Comparator = Mapping.Name(t.Comparator),
        Value = t.Value,
        Unit = Mapping.Name(t.Metric.Unit),
        Currency = t.Currency?.Code,
    };

    public static IReadOnlyList<OptimisationAction> FromDocument(ActionsDocument document)
    {
        var actions = document.Actions ?? throw new JsonException("$.actions: expected an array, found null.");
        var result = new List<OptimisationAction>(actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            var path = $"$.actions[{i}]";
            var a = actions[i] ?? throw new JsonException($"{path}: expected an action, found null.");
            var expression = a.Target?.Expression ?? throw new JsonException($"{path}.target.expression: expected a target expression, found null.");
            if (!MetricTarget.TryParse(expression, out var target, out var error))
            {
                throw new JsonException($"{path}.target.expression: {error.Message}");
            }

            var b = new OptimisationActionBuilder
            {
                Id = a.Id,
                Finding = a.Finding,
                FindingId = a.FindingId,
                Description = a.Action,
                Owner = a.Owner,
                Start = a.Start,
                Due = a.Due,
                Target = target,
                Baseline = a.Baseline is { } dto ? Baseline(dto, path + ".baseline") : null,
                Notes = a.Notes,
            };
            var history = a.History ?? throw new JsonException($"{path}.history: expected an array, found null.");
            for (var h = 0; h < history.Count; h++)
            {
                var entry = history[h] ?? throw new JsonException($"{path}.history[{h}]: expected a status entry, found null.");
                b.History.Add(new ActionStatusEntry(entry.At, Mapping.Parse<ActionState>(entry.State, $"{path}.history[{h}].state"), entry.Note));
            }

            var violations = b.Validate();
            if (violations.Count > 0)
            {
                throw new JsonException($"{path}: {violations[0].Rule}: {violations[0].Message}");
            }

            result.Add(b.Build());
        }

        return result;
    }

    private static ActionBaseline Baseline(BaselineDto dto, string path)
    {
        try
        {
            switch (Mapping.Parse<ActionBaselineKind>(dto.Kind, path + ".kind"))
            {
                case ActionBaselineKind.Given:
                    var value = dto.Value ?? throw new JsonException($"{path}.value: a given baseline needs a value.");
                    Currency? currency = null;
                    if (dto.Currency is { } code)
                    {
                        currency = LeadAnalytics.Currency.TryFromCode(code, out var c) ? c : throw new JsonException($"{path}.currency: '{code}' is not an ISO 4217 code this library knows.");
                    }

                    return ActionBaseline.Given(value, currency);
                default:
                    return ActionBaseline.Window(
                        dto.WindowStart ?? throw new JsonException($"{path}.windowStart: a window baseline needs its start."),
                        dto.WindowEnd ?? throw new JsonException($"{path}.windowEnd: a window baseline needs its end."));
            }
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"{path}: {ex.Message}", ex);
        }
    }

    public static ActionReportDocument ToDocument(ActionResult report) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.ActionReportKind,
        AsOf = report.AsOf,
        Options = new ActionOptionsDto
        {
            MinimumSample = report.Options.MinimumSample,
            OutcomeWindowDays = report.Options.OutcomeWindow?.TotalDays,
            DefaultBaselineWindowDays = report.Options.DefaultBaselineWindow.TotalDays,
            Confidence = report.Options.Scope.Confidence,
            IntervalMethod = Mapping.Name(report.Options.Scope.IntervalMethod),
            SignificanceLevel = report.Options.SignificanceLevel,
        },
        Evaluations = report.Evaluations.Select(ToDto).ToList(),
    };

    private static ActionEvaluationDto ToDto(ActionEvaluation e) => new()
    {
        ActionId = e.Action.Id,
        Target = e.Action.Target.ToString(),
        Status = Mapping.Name(e.Status),
        Reason = Mapping.Name(e.Reason),
        RecordedState = e.RecordedState is { } s ? Mapping.Name(s) : null,
        Current = ToDto(e.Current),
        Baseline = ToDto(e.Baseline),
        BaselineValue = e.BaselineValue,
        TargetMetAtBaseline = e.TargetMetAtBaseline,
        Progress = e.Progress,
        ScheduleElapsed = e.ScheduleElapsed,
        Evidence = e.Evidence is { } ev
            ? new EvidenceDto
            {
                Test = ev.Test.Test, Statistic = ev.Test.Statistic, PValue = ev.Test.PValue, Difference = ev.Difference, Favourable = ev.Favourable,
                Significant = ev.Significant, EnoughData = ev.EnoughData, ShowsImprovement = ev.ShowsImprovement,
            }
            : null,
        Weeks = e.Weeks.Select(w => new WeekDto { Index = w.Index, Start = w.Start, End = w.End, Week = ToDto(w.Week), SinceStart = ToDto(w.SinceStart) }).ToList(),
        Problem = e.Problem,
    };

    private static MeasurementDto? ToDto(MetricMeasurement? m) => m is null ? null : new MeasurementDto
    {
        WindowStart = m.WindowStart,
        WindowEnd = m.WindowEnd,
        MeasuredUntil = m.MeasuredUntil,
        AcquiredLeads = m.AcquiredLeads,
        Leads = m.Leads,
        Value = m.Value,
        Numerator = m.Rate?.Numerator,
        Denominator = m.Rate?.Denominator,
        Lower = m.Rate?.Lower,
        Upper = m.Rate?.Upper,
        Spend = m.Spend,
        Revenue = m.Revenue,
        Won = m.Won,
        IsComplete = m.IsComplete,
    };
}
