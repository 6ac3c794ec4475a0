namespace LeadAnalytics.Json;

// Schema v1 contracts of optimisation actions (docs/json-schema.md, docs/actions.md). Same conventions as Contracts.cs.
#pragma warning disable CA2227 // DTOs: settable collections are the contract's shape

internal sealed class ActionsDocument : DocumentDto
{
    public List<ActionDto>? Actions { get; set; }
}

internal sealed class ActionDto
{
    public string? Id { get; set; }

    public string? Finding { get; set; }

    public string? FindingId { get; set; }

    public string? Action { get; set; }

    public string? Owner { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset Due { get; set; }

    public TargetDto? Target { get; set; }

    public BaselineDto? Baseline { get; set; }

    public string? Notes { get; set; }

    public List<ActionStatusDto>? History { get; set; }
}

// `expression` is what is read; the other properties spell it out for readers and are ignored on read.
internal sealed class TargetDto
{
    public string? Expression { get; set; }

    public string? Metric { get; set; }

    public string? Stage { get; set; }

    public List<SegmentConditionDto>? Segment { get; set; }

    public string? Comparator { get; set; }

    public decimal Value { get; set; }

    public string? Unit { get; set; }

    public string? Currency { get; set; }
}

internal sealed class SegmentConditionDto
{
    public string? Dimension { get; set; }

    public List<string>? Values { get; set; }
}

internal sealed class BaselineDto
{
    public string? Kind { get; set; }

    public decimal? Value { get; set; }

    public string? Currency { get; set; }

    public DateTimeOffset? WindowStart { get; set; }

    public DateTimeOffset? WindowEnd { get; set; }
}

internal sealed class ActionStatusDto
{
    public DateTimeOffset At { get; set; }

    public string? State { get; set; }

    public string? Note { get; set; }
}

internal sealed class ActionReportDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public ActionOptionsDto? Options { get; set; }

    public List<ActionEvaluationDto>? Evaluations { get; set; }
}

internal sealed class ActionOptionsDto
{
    public int MinimumSample { get; set; }

    public double? OutcomeWindowDays { get; set; }

    public double DefaultBaselineWindowDays { get; set; }

    public double Confidence { get; set; }

    public string? IntervalMethod { get; set; }

    public double SignificanceLevel { get; set; }
}

internal sealed class ActionEvaluationDto
{
    public string? ActionId { get; set; }

    public string? Target { get; set; }

    public string? Status { get; set; }

    public string? Reason { get; set; }

    public string? RecordedState { get; set; }

    public MeasurementDto? Current { get; set; }

    public MeasurementDto? Baseline { get; set; }

    public double? BaselineValue { get; set; }

    public bool? TargetMetAtBaseline { get; set; }

    public double? Progress { get; set; }

    public double ScheduleElapsed { get; set; }

    public EvidenceDto? Evidence { get; set; }

    public List<WeekDto>? Weeks { get; set; }

    public string? Problem { get; set; }
}

internal sealed class MeasurementDto
{
    public DateTimeOffset WindowStart { get; set; }

    public DateTimeOffset WindowEnd { get; set; }

    public DateTimeOffset MeasuredUntil { get; set; }

    public int AcquiredLeads { get; set; }

    public int Leads { get; set; }

    public double? Value { get; set; }

    public long? Numerator { get; set; }

    public long? Denominator { get; set; }

    public double? Lower { get; set; }

    public double? Upper { get; set; }

    public decimal? Spend { get; set; }

    public decimal? Revenue { get; set; }

    public int? Won { get; set; }

    public bool IsComplete { get; set; }
}

internal sealed class EvidenceDto
{
    public string? Test { get; set; }

    public double? Statistic { get; set; }

    public double? PValue { get; set; }

    public double? Difference { get; set; }

    public bool Favourable { get; set; }

    public bool Significant { get; set; }

    public bool EnoughData { get; set; }

    public bool ShowsImprovement { get; set; }
}

internal sealed class WeekDto
{
    public int Index { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public MeasurementDto? Week { get; set; }

    public MeasurementDto? SinceStart { get; set; }
}
