using System.Text.Json.Serialization;

namespace LeadAnalytics.Json;

// The schema v1 contracts. Plain mutable DTOs, internal: the public surface is LeadAnalyticsJson; these classes only fix
// the shape of the documents. Every document starts with schemaVersion and kind; every property is always written
// (undefined values as null), camelCase. docs/json-schema.md describes them; the golden files in the tests pin them.
#pragma warning disable CA1819, CA2227 // DTOs: arrays and settable collections are the contract's shape

/// <summary>What every document starts with.</summary>
internal abstract class DocumentDto
{
    [JsonPropertyOrder(-2)]
    public int SchemaVersion { get; set; }

    [JsonPropertyOrder(-1)]
    public string? Kind { get; set; }
}

internal sealed class LeadsDocument : DocumentDto
{
    public List<PipelineDto>? Pipelines { get; set; }

    public List<LeadDto>? Leads { get; set; }
}

internal sealed class PipelineDocument : DocumentDto
{
    public PipelineDto? Pipeline { get; set; }
}

internal sealed class CostsDocument : DocumentDto
{
    public List<CostDto>? Costs { get; set; }
}

internal sealed class TouchpointsDocument : DocumentDto
{
    public List<TouchpointDto>? Touchpoints { get; set; }
}

internal sealed class DataQualityReportDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public int LeadCount { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public int LeadsWithErrors { get; set; }

    // Present when the report names its input files (the tool's validate and report); absent for reports of leads from no file.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public List<QualityInputDto>? Inputs { get; set; }

    public List<RuleCountDto>? RuleCounts { get; set; }

    public List<IssueDto>? Issues { get; set; }

    public List<string>? StaleLeadIds { get; set; }

    public List<string>? AuditSample { get; set; }

    public QualityOptionsDto? Options { get; set; }
}

internal sealed class QualityInputDto
{
    public string? File { get; set; }

    public string? Kind { get; set; }

    public long RowsRead { get; set; }

    public long RowsAccepted { get; set; }

    public long RowsRejected { get; set; }
}

internal sealed class PipelineDto
{
    public string? Name { get; set; }

    public List<StageDto>? Stages { get; set; }
}

internal sealed class StageDto
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? EntryCriteria { get; set; }
}

internal sealed class MoneyDto
{
    public decimal Amount { get; set; }

    public string? Currency { get; set; }
}

internal sealed class StageTimeDto
{
    public string? Stage { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class FollowUpDto
{
    public DateTimeOffset At { get; set; }

    public string? Kind { get; set; }

    public string? Note { get; set; }
}

internal sealed class LeadDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Channel { get; set; }

    public string? Strategy { get; set; }

    public string? Content { get; set; }

    public DateTimeOffset? AcquiredAt { get; set; }

    public string? Owner { get; set; }

    public string? CustomerType { get; set; }

    public string? Industry { get; set; }

    public string? Pipeline { get; set; }

    public List<StageTimeDto>? Stages { get; set; }

    public DateTimeOffset? WonAt { get; set; }

    public DateTimeOffset? LostAt { get; set; }

    public string? LossReason { get; set; }

    public MoneyDto? DealAmount { get; set; }

    public MoneyDto? AcquisitionCost { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    public List<string>? Tags { get; set; }

    public List<FollowUpDto>? FollowUps { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }

    // Derived on write for readers of the document; ignored on read.
    public string? Outcome { get; set; }

    public double? CycleDays { get; set; }

    public bool HasChronologyFaults { get; set; }
}

internal sealed class CostDto
{
    public string? Scope { get; set; }

    public string? Key { get; set; }

    public DateTimeOffset PeriodStart { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public MoneyDto? Amount { get; set; }

    public long? Impressions { get; set; }

    public long? Clicks { get; set; }
}

internal sealed class TouchpointDto
{
    public string? JourneyId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? Channel { get; set; }

    public string? Strategy { get; set; }

    public string? Content { get; set; }

    public List<string>? Milestones { get; set; }
}

internal sealed class IssueDto
{
    public string? Rule { get; set; }

    public string? Severity { get; set; }

    public string? Message { get; set; }

    public string? LeadId { get; set; }

    public string? Field { get; set; }

    public string? Value { get; set; }

    public string? File { get; set; }

    public long? Line { get; set; }

    public string? Column { get; set; }
}

internal sealed class RuleCountDto
{
    public string? Rule { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }
}

internal sealed class QualityOptionsDto
{
    public List<string>? RequiredFields { get; set; }

    public double StaleAfterDays { get; set; }

    public double AuditFraction { get; set; }

    public int AuditSeed { get; set; }

    public double CycleDaysTolerance { get; set; }

    public string? ExpectedCurrency { get; set; }

    // Additive: present only when the checks were limited to an acquisition period (all time writes nothing).
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PeriodDto? Period { get; set; }
}
#pragma warning restore CA1819, CA2227
