using System.Text.Json.Serialization;

namespace LeadAnalytics.Json;

// Schema v1 contracts of the engines' results (write-only documents: other programs read them). Same rules as
// Contracts.cs: camelCase, every property always written, undefined as null, durations in days, a rate as
// {value, lower, upper, numerator, denominator}, a test as {test, statistic, degreesOfFreedom, pValue}, a segment label
// as "key". docs/json-schema.md describes them and the golden files pin them. Names read by other programs (key, leads,
// won, lost, open, stage, reached, median, logRank, chiSquare, degreesOfFreedom, pValue, channel, conversions, value,
// removalEffect) never change within schema v1.
#pragma warning disable CA1819, CA2227 // DTOs: arrays and settable collections are the contract's shape

internal sealed class RateDto
{
    public double? Value { get; set; }

    public double? Lower { get; set; }

    public double? Upper { get; set; }

    public long Numerator { get; set; }

    public long Denominator { get; set; }
}

internal sealed class TestDto
{
    public string? Test { get; set; }

    public double? Statistic { get; set; }

    public double? DegreesOfFreedom { get; set; }

    public double? PValue { get; set; }
}

// ---- funnel -------------------------------------------------------------------------------------------------------

internal sealed class FunnelDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public long Leads { get; set; }

    public long Won { get; set; }

    public long ChronologyFaults { get; set; }

    public long Lost { get; set; }

    public long Stale { get; set; }

    public long Open { get; set; }

    public RateDto? OverallConversion { get; set; }

    public RateDto? ResolvedOverallConversion { get; set; }

    public List<FunnelStageDto>? Stages { get; set; }

    public List<FunnelStepDto>? Steps { get; set; }

    public FunnelBottleneckDto? Bottleneck { get; set; }

    // Present for cohorts (every cohort and the total) and when a maturity window is asked for; absent otherwise.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public FunnelMaturityDto? Maturity { get; set; }
}

internal sealed class FunnelDto
{
    public long Leads { get; set; }

    public long Won { get; set; }

    public long ChronologyFaults { get; set; }

    public long Lost { get; set; }

    public long Stale { get; set; }

    public long Open { get; set; }

    public RateDto? OverallConversion { get; set; }

    public RateDto? ResolvedOverallConversion { get; set; }

    public List<FunnelStageDto>? Stages { get; set; }

    public List<FunnelStepDto>? Steps { get; set; }

    public FunnelBottleneckDto? Bottleneck { get; set; }

    // Present for cohorts (every cohort and the total) and when a maturity window is asked for; absent otherwise.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public FunnelMaturityDto? Maturity { get; set; }
}

internal sealed class FunnelMaturityDto
{
    public double WindowDays { get; set; }

    public long Leads { get; set; }

    public long MatureLeads { get; set; }

    public double? Maturity { get; set; }

    public bool IsMature { get; set; }

    public long WonWithinWindow { get; set; }

    public double FollowUpDays { get; set; }

    public bool IsBorrowed { get; set; }

    public double? BorrowedShare { get; set; }

    public double? ProjectedConversion { get; set; }

    public double? ProjectedStandardError { get; set; }

    public double? ProjectedLower { get; set; }

    public double? ProjectedUpper { get; set; }
}

internal sealed class FunnelStageDto
{
    public int Index { get; set; }

    public string? Stage { get; set; }

    public string? DisplayName { get; set; }

    public long Reached { get; set; }

    public RateDto? ShareOfLeads { get; set; }

    public bool IsRecorded { get; set; }
}

internal sealed class FunnelStepDto
{
    public int Index { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public long Entered { get; set; }

    public long Advanced { get; set; }

    public long Lost { get; set; }

    public long Stale { get; set; }

    public long Open { get; set; }

    public long Expired { get; set; }

    public long Unrecorded { get; set; }

    public FunnelViewDto? AllLeads { get; set; }

    public FunnelViewDto? Resolved { get; set; }

    public StepDurationDto? Duration { get; set; }

    public StepTargetDto? Target { get; set; }

    public bool IsRecorded { get; set; }
}

internal sealed class FunnelViewDto
{
    public long Leads { get; set; }

    public long Advanced { get; set; }

    public long DroppedOff { get; set; }

    public RateDto? Conversion { get; set; }

    public RateDto? DropOff { get; set; }
}

internal sealed class StepDurationDto
{
    public long Count { get; set; }

    public long NegativeExcluded { get; set; }

    public double? MedianDays { get; set; }

    public double? P90Days { get; set; }

    public string? QuantileMethod { get; set; }
}

internal sealed class StepTargetDto
{
    public string? Kind { get; set; }

    public double Value { get; set; }

    public RateDto? Observed { get; set; }

    public double? Gap { get; set; }

    public bool? MeetsTarget { get; set; }

    public TestDto? Test { get; set; }

    public bool DiffersSignificantly { get; set; }
}

internal sealed class FunnelBottleneckDto
{
    public int StepIndex { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public RateDto? DropOff { get; set; }

    public TestDto? VersusOtherSteps { get; set; }

    public TestDto? AcrossSteps { get; set; }

    public bool IsSignificant { get; set; }
}

internal sealed class FunnelBreakdownDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public List<string>? Dimensions { get; set; }

    public bool SegmentsSumToTotal { get; set; }

    public FunnelDto? Total { get; set; }

    public List<FunnelSegmentDto>? Segments { get; set; }
}

internal sealed class FunnelSegmentDto
{
    public string? Key { get; set; }

    public List<string?>? Values { get; set; }

    public FunnelDto? Funnel { get; set; }
}

internal sealed class FunnelCohortsDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public string? Period { get; set; }

    public string? UtcOffset { get; set; }

    public FunnelDto? Total { get; set; }

    public List<FunnelCohortDto>? Cohorts { get; set; }

    public List<StepTrendDto>? StepTrends { get; set; }

    public CohortConversionTrendDto? ConversionTrend { get; set; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SegmentBy { get; set; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public List<FunnelCohortSegmentDto>? Segments { get; set; }
}

internal sealed class FunnelCohortSegmentDto
{
    public string? Key { get; set; }

    public string? Value { get; set; }

    public FunnelDto? Total { get; set; }

    public List<FunnelCohortDto>? Cohorts { get; set; }

    public CohortConversionTrendDto? ConversionTrend { get; set; }
}

internal sealed class CohortConversionTrendDto
{
    public double WindowDays { get; set; }

    public int Cohorts { get; set; }

    public int MatureCohorts { get; set; }

    public int ImmatureCohorts { get; set; }

    public int UnprojectedCohorts { get; set; }

    public TestDto? Projected { get; set; }

    public TestDto? Mature { get; set; }

    public TestDto? Observed { get; set; }

    public double SignificanceLevel { get; set; }

    public string? Direction { get; set; }

    public string? ObservedDirection { get; set; }

    public bool FallsOnlyBecauseYounger { get; set; }
}

internal sealed class FunnelCohortDto
{
    public string? Key { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public FunnelDto? Funnel { get; set; }
}

internal sealed class StepTrendDto
{
    public int Index { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public ConversionSeriesDto? AllLeads { get; set; }

    public ConversionSeriesDto? Resolved { get; set; }
}

internal sealed class ConversionSeriesDto
{
    public List<RateDto>? Conversion { get; set; }

    public TestDto? AcrossCohorts { get; set; }

    public TestDto? Trend { get; set; }
}

// ---- cycle time ---------------------------------------------------------------------------------------------------

internal sealed class CycleTimeDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public CycleTimeOptionsDto? Options { get; set; }

    public int AcquiredAfterAsOf { get; set; }

    public CycleTimeSegmentDto? Overall { get; set; }

    public List<CycleTimeSegmentDto>? Segments { get; set; }

    public LogRankDto? LogRank { get; set; }

    public bool LogRankSkipped { get; set; }
}

internal sealed class CycleTimeOptionsDto
{
    public string? SegmentBy { get; set; }

    public string? QuantileMethod { get; set; }

    public double ConfidenceLevel { get; set; }

    public string? ConfidenceTransform { get; set; }

    public List<double>? Probabilities { get; set; }

    public double? RestrictedMeanHorizon { get; set; }

    public double LogRankRho { get; set; }

    public int MaxLogRankSegments { get; set; }
}

internal sealed class CycleTimeSegmentDto
{
    public string? Key { get; set; }

    public string? Value { get; set; }

    public int Leads { get; set; }

    public int Won { get; set; }

    public int Lost { get; set; }

    public int Open { get; set; }

    public int Stale { get; set; }

    public int NegativeDurationsExcluded { get; set; }

    public SurvivalQuantileDto? Median { get; set; }

    public TimeToWonDto? TimeToWon { get; set; }

    public CompetingRisksDto? CompetingRisks { get; set; }

    public DurationSummaryDto? AcquisitionToWon { get; set; }

    public DurationSummaryDto? AcquisitionToLost { get; set; }

    public List<DurationSummaryDto>? StageDurations { get; set; }
}

internal sealed class SurvivalQuantileDto
{
    public double Probability { get; set; }

    public double? Value { get; set; }

    public double? Lower { get; set; }

    public double? Upper { get; set; }
}

internal sealed class RestrictedMeanDto
{
    public double Horizon { get; set; }

    public double? Value { get; set; }

    public double? StandardError { get; set; }
}

internal sealed class TimeToWonDto
{
    public int Count { get; set; }

    public int Events { get; set; }

    public List<SurvivalQuantileDto>? Quantiles { get; set; }

    public RestrictedMeanDto? RestrictedMean { get; set; }

    public double? WonByHorizon { get; set; }

    public List<KaplanMeierRowDto>? Curve { get; set; }
}

internal sealed class KaplanMeierRowDto
{
    public double Time { get; set; }

    public int AtRisk { get; set; }

    public int Events { get; set; }

    public int Censored { get; set; }

    public double Survival { get; set; }

    public double? StandardError { get; set; }

    public double? LogSurvivalStandardError { get; set; }

    public double? Lower { get; set; }

    public double? Upper { get; set; }
}

internal sealed class CompetingRisksDto
{
    public int Count { get; set; }

    public int WonEvents { get; set; }

    public int LostEvents { get; set; }

    public double? Horizon { get; set; }

    public double? WonByHorizon { get; set; }

    public double? LostByHorizon { get; set; }

    public List<CumulativeIncidenceRowDto>? Curve { get; set; }
}

internal sealed class CumulativeIncidenceRowDto
{
    public double Time { get; set; }

    public int AtRisk { get; set; }

    public int Won { get; set; }

    public int Lost { get; set; }

    public int Censored { get; set; }

    public double Survival { get; set; }

    public double? SurvivalStandardError { get; set; }

    public double? SurvivalLower { get; set; }

    public double? SurvivalUpper { get; set; }

    public double WonIncidence { get; set; }

    public double? WonStandardError { get; set; }

    public double? WonLower { get; set; }

    public double? WonUpper { get; set; }

    public double LostIncidence { get; set; }

    public double? LostStandardError { get; set; }

    public double? LostLower { get; set; }

    public double? LostUpper { get; set; }
}

internal sealed class DurationSummaryDto
{
    public string? Kind { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public int Count { get; set; }

    public int NegativeExcluded { get; set; }

    public double? Mean { get; set; }

    public double? Median { get; set; }

    public double? P25 { get; set; }

    public double? P75 { get; set; }

    public double? P90 { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public List<HistogramBinDto>? Histogram { get; set; }
}

internal sealed class HistogramBinDto
{
    public double Lower { get; set; }

    public double Upper { get; set; }

    public int Count { get; set; }
}

internal sealed class LogRankDto
{
    public double Rho { get; set; }

    public double? ChiSquare { get; set; }

    public int DegreesOfFreedom { get; set; }

    public double? PValue { get; set; }

    public List<LogRankGroupDto>? Groups { get; set; }
}

internal sealed class LogRankGroupDto
{
    public string? Key { get; set; }

    public int Count { get; set; }

    public double Observed { get; set; }

    public double Expected { get; set; }

    public double Variance { get; set; }
}

// ---- attribution --------------------------------------------------------------------------------------------------

internal sealed class AttributionDocument : DocumentDto
{
    public string? Model { get; set; }

    public int JourneyCount { get; set; }

    public double TotalConversions { get; set; }

    public MoneyDto? TotalValue { get; set; }

    public double UnattributedConversions { get; set; }

    public MoneyDto? UnattributedValue { get; set; }

    public int DroppedTouchpoints { get; set; }

    public int UnmatchedTouchpoints { get; set; }

    public List<ChannelCreditDto>? Credits { get; set; }

    public MarkovDto? Markov { get; set; }

    public CreditIntervalSettingsDto? Intervals { get; set; }

    public List<CreditDifferenceDto>? Differences { get; set; }

    // Additive: present only when the journeys were limited to the leads of an acquisition period (all time writes nothing).
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PeriodDto? Period { get; set; }
}

internal sealed class AttributionComparisonDocument : DocumentDto
{
    // Additive: present only when the journeys were limited to the leads of an acquisition period (all time writes nothing).
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PeriodDto? Period { get; set; }

    public List<string>? Channels { get; set; }

    public List<AttributionModelDto>? Models { get; set; }

    public List<ModelRangeDto>? Ranges { get; set; }
}

internal sealed class CreditIntervalSettingsDto
{
    public int Replicates { get; set; }

    public long Seed { get; set; }

    public double Confidence { get; set; }

    public string? Method { get; set; }
}

internal sealed class CreditDifferenceDto
{
    public string? First { get; set; }

    public string? Second { get; set; }

    public double Estimate { get; set; }

    public double Lower { get; set; }

    public double Upper { get; set; }

    public double ShareFirstAhead { get; set; }
}

internal sealed class ModelRangeDto
{
    public string? Channel { get; set; }

    public double Lowest { get; set; }

    public string? LowestModel { get; set; }

    public double Highest { get; set; }

    public string? HighestModel { get; set; }
}

internal sealed class AttributionModelDto
{
    public string? Model { get; set; }

    public int JourneyCount { get; set; }

    public double TotalConversions { get; set; }

    public MoneyDto? TotalValue { get; set; }

    public double UnattributedConversions { get; set; }

    public MoneyDto? UnattributedValue { get; set; }

    public int DroppedTouchpoints { get; set; }

    public int UnmatchedTouchpoints { get; set; }

    public List<ChannelCreditDto>? Credits { get; set; }

    public MarkovDto? Markov { get; set; }

    public CreditIntervalSettingsDto? Intervals { get; set; }

    public List<CreditDifferenceDto>? Differences { get; set; }
}

internal sealed class ChannelCreditDto
{
    public string? Channel { get; set; }

    public double Conversions { get; set; }

    public MoneyDto? Value { get; set; }

    public double? RemovalEffect { get; set; }

    public double? ValueRemovalEffect { get; set; }

    public double? Lower { get; set; }

    public double? Upper { get; set; }

    public MoneyDto? ValueLower { get; set; }

    public MoneyDto? ValueUpper { get; set; }

    public double? StandardError { get; set; }

    public double? TopOneShare { get; set; }

    public double? TopThreeShare { get; set; }
}

internal sealed class MarkovDto
{
    public int Order { get; set; }

    public bool CollapseRepeats { get; set; }

    public bool UseNonConvertingPaths { get; set; }

    public string? ValueRule { get; set; }

    public double? ConversionProbability { get; set; }

    public List<MarkovTransitionDto>? Transitions { get; set; }
}

internal sealed class MarkovTransitionDto
{
    public string? From { get; set; }

    public string? To { get; set; }

    public double Count { get; set; }

    public double Probability { get; set; }
}

// ---- loss reasons -------------------------------------------------------------------------------------------------

internal sealed class LossReasonsDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public long LostLeads { get; set; }

    public long WithoutReason { get; set; }

    public long Stale { get; set; }

    public LossReasonTableDto? Overall { get; set; }

    public List<LossReasonTableDto>? ByStage { get; set; }

    public List<LossReasonBreakdownDto>? Breakdowns { get; set; }

    public List<LossReasonDominanceDto>? Dominant { get; set; }
}

internal sealed class LossReasonTableDto
{
    public string? Key { get; set; }

    public long LostLeads { get; set; }

    public List<LossReasonRowDto>? Rows { get; set; }
}

internal sealed class LossReasonRowDto
{
    public string? Reason { get; set; }

    public long Count { get; set; }

    public double Share { get; set; }

    public double CumulativeShare { get; set; }

    public decimal? LostRevenue { get; set; }
}

internal sealed class LossReasonBreakdownDto
{
    public string? Dimension { get; set; }

    public List<LossReasonTableDto>? Segments { get; set; }

    public TestDto? MixTest { get; set; }
}

internal sealed class LossReasonDominanceDto
{
    public string? Scope { get; set; }

    public string? Key { get; set; }

    public string? Reason { get; set; }

    public long Count { get; set; }

    public long LostLeads { get; set; }

    public RateDto? Share { get; set; }
}
#pragma warning restore CA1819, CA2227
