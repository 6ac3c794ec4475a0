using LeadAnalytics.Forecast;

namespace LeadAnalytics.Json;

internal static class ForecastMapping
{
    public static ForecastDocument ToDocument(ForecastResult result) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.ForecastKind,
        AsOf = result.AsOf,
        Currency = result.Currency.Code,
        Options = ToDto(result.Options, false),
        Stages = result.Stages.Select(s => new ForecastStageDto
        {
            Stage = s.Stage,
            Name = s.Name,
            Entered = s.Entered,
            Won = s.Won,
            Lost = s.Lost,
            Censored = s.Censored,
            Stale = s.Stale,
            LastEventDays = s.LastEventDays,
            BaselineWinRate = s.BaselineWinRate,
        }).ToList(),
        Total = ToDto(result.Total),
        ByStage = result.ByStage.Select(ToDto).ToList(),
        BySegment = result.BySegment.Select(ToDto).ToList(),
        ByOwner = result.ByOwner.Select(ToDto).ToList(),
        Leads = result.Leads.Select(l => new LeadForecastDto
        {
            Id = l.Id,
            Stage = l.Stage,
            StageName = l.StageName,
            DaysInStage = l.DaysInStage,
            DaysSinceAcquisition = l.DaysSinceAcquisition,
            Segment = l.Segment,
            Owner = l.Owner,
            Value = l.Value,
            ValueRecorded = l.ValueRecorded,
            Stale = l.IsStale,
            BeyondObserved = l.IsBeyondObserved,
            WinProbabilities = l.WinProbabilities.ToList(),
            BaselineProbability = l.BaselineProbability,
        }).ToList(),
    };

    public static ForecastBacktestDocument ToDocument(ForecastBacktest backtest) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.ForecastBacktestKind,
        AsOf = backtest.AsOf,
        Options = ToDto(backtest.Options, true),
        Summaries = backtest.Summaries.Select(s => new BacktestSummaryDto
        {
            Days = s.Days,
            Origins = s.Origins,
            WinsMeanAbsoluteError = s.WinsMeanAbsoluteError,
            WinsBias = s.WinsBias,
            WinsCoverage = s.WinsCoverage,
            BaselineWinsMeanAbsoluteError = s.BaselineWinsMeanAbsoluteError,
            BaselineWinsBias = s.BaselineWinsBias,
            BaselineWinsCoverage = s.BaselineWinsCoverage,
            WinsErrorReduction = s.WinsErrorReduction,
            RevenueMeanAbsoluteError = s.RevenueMeanAbsoluteError,
            RevenueBias = s.RevenueBias,
            RevenueCoverage = s.RevenueCoverage,
            BaselineRevenueMeanAbsoluteError = s.BaselineRevenueMeanAbsoluteError,
            BaselineRevenueBias = s.BaselineRevenueBias,
            BaselineRevenueCoverage = s.BaselineRevenueCoverage,
        }).ToList(),
        Points = backtest.Points.Select(p => new BacktestPointDto
        {
            AsOf = p.AsOf,
            OpenLeads = p.OpenLeads,
            Forecast = ToDto(p.Forecast),
            ActualWins = p.ActualWins,
            ActualRevenue = p.ActualRevenue,
        }).ToList(),
    };

    private static ForecastOptionsDto ToDto(ForecastOptions o, bool backtest) => new()
    {
        HorizonsDays = o.HorizonsDays.ToList(),
        SegmentBy = o.Scope.Breakdown.Count > 0 ? Mapping.Name(o.Scope.Breakdown[0]) : null,
        ShrinkageLeads = o.ShrinkageLeads,
        BootstrapReplicates = o.BootstrapReplicates,
        Seed = o.Seed,
        PredictionLevel = o.PredictionLevel,
        StaleAfterDays = o.Scope.StaleAfter.TotalDays,
        BacktestOrigins = backtest ? o.BacktestOrigins : null,
        BacktestStepDays = backtest ? o.BacktestStepDays : null,
    };

    private static ForecastGroupDto ToDto(ForecastGroup g) => new()
    {
        Kind = g.Kind switch
        {
            ForecastGroupKind.Stage => "stage",
            ForecastGroupKind.Segment => "segment",
            ForecastGroupKind.Owner => "owner",
            _ => "total",
        },
        Label = g.Label,
        OpenLeads = g.OpenLeads,
        StaleLeads = g.StaleLeads,
        BeyondObservedLeads = g.BeyondObservedLeads,
        LeadsWithoutValue = g.LeadsWithoutValue,
        Horizons = g.Horizons.Select(ToDto).ToList(),
    };

    private static HorizonForecastDto ToDto(HorizonForecast h) => new()
    {
        Days = h.Days,
        ExpectedWins = h.ExpectedWins,
        WinsLower = h.WinsLower,
        WinsUpper = h.WinsUpper,
        ExpectedRevenue = h.ExpectedRevenue,
        RevenueLower = h.RevenueLower,
        RevenueUpper = h.RevenueUpper,
        BaselineWins = h.BaselineWins,
        BaselineWinsLower = h.BaselineWinsLower,
        BaselineWinsUpper = h.BaselineWinsUpper,
        BaselineRevenue = h.BaselineRevenue,
        BaselineRevenueLower = h.BaselineRevenueLower,
        BaselineRevenueUpper = h.BaselineRevenueUpper,
        WinsDifference = h.WinsDifference,
        RevenueDifference = h.RevenueDifference,
    };
}
