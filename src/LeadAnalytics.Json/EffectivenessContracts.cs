namespace LeadAnalytics.Json;

// Schema v1 contracts of the effectiveness summary (Table 2), its findings and the metric catalogue. Amounts are plain
// numbers in the document's `currency` (one per document: the engine refuses to mix currencies). The segment field
// names key, leads, won, lost, open, conversionRate, spend, costPerLead, costPerAcquisition, revenue, roas and roi are
// read by other programs and never change within schema v1.
#pragma warning disable CA1819, CA2227 // DTOs: arrays and settable collections are the contract's shape

internal sealed class EffectivenessDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public List<string>? Dimensions { get; set; }

    public PeriodDto? Period { get; set; }

    public string? Currency { get; set; }

    public string? RankedBy { get; set; }

    public bool SegmentsOverlap { get; set; }

    public SegmentSummaryDto? Total { get; set; }

    public List<SegmentSummaryDto>? Segments { get; set; }

    public TestDto? ConversionIndependence { get; set; }

    public CostSummaryDto? Costs { get; set; }

    public List<FindingDto>? Findings { get; set; }

    public PreviousPeriodDto? Previous { get; set; }
}

internal sealed class PeriodDto
{
    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }
}

internal sealed class SegmentSummaryDto
{
    public string? Key { get; set; }

    public List<string?>? Values { get; set; }

    public int Rank { get; set; }

    public int Leads { get; set; }

    public int Won { get; set; }

    public int Lost { get; set; }

    public int Open { get; set; }

    public int Stale { get; set; }

    public RateDto? ConversionRate { get; set; }

    public RateDto? WinRate { get; set; }

    public decimal? Spend { get; set; }

    public decimal? CostPerLead { get; set; }

    public decimal? CostPerAcquisition { get; set; }

    public decimal? Revenue { get; set; }

    public decimal? Roas { get; set; }

    public decimal? Roi { get; set; }

    public decimal? AverageDealSize { get; set; }

    public double? MedianCycleDays { get; set; }

    public double? MedianDaysToWin { get; set; }

    public double? SpeedToLeadMedianHours { get; set; }

    public double? SpeedToLeadP90Hours { get; set; }

    public double? ShareOfLeads { get; set; }

    public double? ShareOfWon { get; set; }

    public double? ShareOfSpend { get; set; }

    public double? ShareOfRevenue { get; set; }

    public long? Impressions { get; set; }

    public long? Clicks { get; set; }

    public RateDto? ClickThroughRate { get; set; }

    public decimal? CostPerClick { get; set; }

    public decimal? CostPerThousandImpressions { get; set; }

    public double? ClickToLeadRate { get; set; }

    public decimal? GrossProfit { get; set; }

    public decimal? ProfitRoi { get; set; }

    public decimal? ProfitPerCustomer { get; set; }

    public int LeadsWithoutCost { get; set; }

    public int WonWithoutDealAmount { get; set; }

    public int NegativeDurationsExcluded { get; set; }

    // Absent when the summary was asked without maturity (EffectivenessOptions.IncludeMaturity off).
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public FunnelMaturityDto? Maturity { get; set; }

    public VersusRestDto? VersusRest { get; set; }
}

internal sealed class VersusRestDto
{
    public long Successes { get; set; }

    public long Trials { get; set; }

    public long RestSuccesses { get; set; }

    public long RestTrials { get; set; }

    public double? Rate { get; set; }

    public double? RestRate { get; set; }

    public TestDto? Test { get; set; }

    public double? AdjustedPValue { get; set; }

    public double? ProbabilityAboveRest { get; set; }
}

internal sealed class CostSummaryDto
{
    public string? Source { get; set; }

    public decimal InPeriodTotal { get; set; }

    public decimal Allocated { get; set; }

    public decimal Unallocated { get; set; }

    public List<UnmatchedCostDto>? UnmatchedCosts { get; set; }

    public int EntriesOutsidePeriod { get; set; }

    public int LeadsWithoutCost { get; set; }

    public List<string>? LeadsWithoutCostIds { get; set; }
}

internal sealed class UnmatchedCostDto
{
    public string? Scope { get; set; }

    public string? Key { get; set; }

    public DateTimeOffset PeriodStart { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public decimal InPeriodAmount { get; set; }

    public string? Reason { get; set; }
}

internal sealed class FindingDto
{
    public string? Kind { get; set; }

    public string? Severity { get; set; }

    public string? Key { get; set; }

    public List<string?>? Values { get; set; }

    public string? MetricId { get; set; }

    public double? Value { get; set; }

    public double? ComparisonValue { get; set; }

    public string? ComparisonBasis { get; set; }

    public FindingEvidenceDto? Evidence { get; set; }

    public Dictionary<string, string>? Arguments { get; set; }

    public string? Message { get; set; }

    public string? MessageZh { get; set; }
}

internal sealed class FindingEvidenceDto
{
    public long SampleSize { get; set; }

    public string? Test { get; set; }

    public double? PValue { get; set; }

    public double? AdjustedPValue { get; set; }

    public double? ProbabilityAbove { get; set; }
}

internal sealed class PreviousPeriodDto
{
    public PeriodDto? Period { get; set; }

    public SegmentSummaryDto? Total { get; set; }

    public List<SegmentSummaryDto>? Segments { get; set; }

    public List<SegmentChangeDto>? Changes { get; set; }

    public SegmentChangeDto? TotalChange { get; set; }
}

internal sealed class SegmentChangeDto
{
    public string? Key { get; set; }

    public List<MetricChangeDto>? Metrics { get; set; }
}

internal sealed class MetricChangeDto
{
    public string? MetricId { get; set; }

    public double? Current { get; set; }

    public double? Previous { get; set; }

    public double? AbsoluteChange { get; set; }

    public double? RelativeChange { get; set; }
}

internal sealed class MetricCatalogDocument : DocumentDto
{
    public List<MetricDefinitionDto>? Metrics { get; set; }
}

internal sealed class MetricDefinitionDto
{
    public string? Id { get; set; }

    public string? EnglishName { get; set; }

    public string? ChineseName { get; set; }

    public string? Formula { get; set; }

    public string? ChineseFormula { get; set; }

    public List<string>? Aliases { get; set; }

    public string? MetricKind { get; set; }

    public string? Unit { get; set; }

    public bool? HigherIsBetter { get; set; }

    public string? Numerator { get; set; }

    public string? Denominator { get; set; }

    public string? ComputedBy { get; set; }
}
#pragma warning restore CA1819, CA2227
