namespace LeadAnalytics.Json;

// ---- forecast (docs/json-schema.md, "forecast" and "forecastBacktest") ----------------------------------------------

internal sealed class ForecastDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public string? Currency { get; set; }

    public ForecastOptionsDto? Options { get; set; }

    public List<ForecastStageDto>? Stages { get; set; }

    public ForecastGroupDto? Total { get; set; }

    public List<ForecastGroupDto>? ByStage { get; set; }

    public List<ForecastGroupDto>? BySegment { get; set; }

    public List<ForecastGroupDto>? ByOwner { get; set; }

    public List<LeadForecastDto>? Leads { get; set; }
}

internal sealed class ForecastOptionsDto
{
    public List<int>? HorizonsDays { get; set; }

    public string? SegmentBy { get; set; }

    public double ShrinkageLeads { get; set; }

    public int BootstrapReplicates { get; set; }

    public int Seed { get; set; }

    public double PredictionLevel { get; set; }

    public double StaleAfterDays { get; set; }

    public int? BacktestOrigins { get; set; }

    public int? BacktestStepDays { get; set; }
}

internal sealed class ForecastStageDto
{
    public int Stage { get; set; }

    public string? Name { get; set; }

    public int Entered { get; set; }

    public int Won { get; set; }

    public int Lost { get; set; }

    public int Censored { get; set; }

    public int Stale { get; set; }

    public double? LastEventDays { get; set; }

    public double? BaselineWinRate { get; set; }
}

internal sealed class ForecastGroupDto
{
    public string? Kind { get; set; }

    public string? Label { get; set; }

    public int OpenLeads { get; set; }

    public int StaleLeads { get; set; }

    public int BeyondObservedLeads { get; set; }

    public int LeadsWithoutValue { get; set; }

    public List<HorizonForecastDto>? Horizons { get; set; }
}

internal sealed class HorizonForecastDto
{
    public int Days { get; set; }

    public double ExpectedWins { get; set; }

    public double? WinsLower { get; set; }

    public double? WinsUpper { get; set; }

    public decimal ExpectedRevenue { get; set; }

    public decimal? RevenueLower { get; set; }

    public decimal? RevenueUpper { get; set; }

    public double BaselineWins { get; set; }

    public double? BaselineWinsLower { get; set; }

    public double? BaselineWinsUpper { get; set; }

    public decimal BaselineRevenue { get; set; }

    public decimal? BaselineRevenueLower { get; set; }

    public decimal? BaselineRevenueUpper { get; set; }

    public double WinsDifference { get; set; }

    public decimal RevenueDifference { get; set; }
}

internal sealed class LeadForecastDto
{
    public string? Id { get; set; }

    public int Stage { get; set; }

    public string? StageName { get; set; }

    public double DaysInStage { get; set; }

    public double DaysSinceAcquisition { get; set; }

    public string? Segment { get; set; }

    public string? Owner { get; set; }

    public decimal? Value { get; set; }

    public bool ValueRecorded { get; set; }

    public bool Stale { get; set; }

    public bool BeyondObserved { get; set; }

    public List<double?>? WinProbabilities { get; set; }

    public double? BaselineProbability { get; set; }
}

internal sealed class ForecastBacktestDocument : DocumentDto
{
    public DateTimeOffset AsOf { get; set; }

    public ForecastOptionsDto? Options { get; set; }

    public List<BacktestSummaryDto>? Summaries { get; set; }

    public List<BacktestPointDto>? Points { get; set; }
}

internal sealed class BacktestPointDto
{
    public DateTimeOffset AsOf { get; set; }

    public int OpenLeads { get; set; }

    public HorizonForecastDto? Forecast { get; set; }

    public int ActualWins { get; set; }

    public decimal ActualRevenue { get; set; }
}

internal sealed class BacktestSummaryDto
{
    public int Days { get; set; }

    public int Origins { get; set; }

    public double WinsMeanAbsoluteError { get; set; }

    public double WinsBias { get; set; }

    public double? WinsCoverage { get; set; }

    public double BaselineWinsMeanAbsoluteError { get; set; }

    public double BaselineWinsBias { get; set; }

    public double? BaselineWinsCoverage { get; set; }

    public double? WinsErrorReduction { get; set; }

    public decimal RevenueMeanAbsoluteError { get; set; }

    public decimal RevenueBias { get; set; }

    public double? RevenueCoverage { get; set; }

    public decimal BaselineRevenueMeanAbsoluteError { get; set; }

    public decimal BaselineRevenueBias { get; set; }

    public double? BaselineRevenueCoverage { get; set; }
}
