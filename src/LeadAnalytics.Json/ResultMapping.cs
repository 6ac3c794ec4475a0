using System.Globalization;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Json;

/// <summary>Engine results to their schema v1 documents (write-only). Durations become days; a non-finite number, which
/// the engines never produce on purpose, is written as null rather than failing the whole document.</summary>
internal static class ResultMapping
{
    private static double? Finite(double? x) => x is { } v && !double.IsNaN(v) && !double.IsInfinity(v) ? v : null;

    private static double? Days(TimeSpan? span) => span is { } s ? s.TotalDays : null;

    public static RateDto ToDto(Rate rate) => new()
    {
        Value = Finite(rate.Value),
        Lower = Finite(rate.Lower),
        Upper = Finite(rate.Upper),
        Numerator = rate.Numerator,
        Denominator = rate.Denominator,
    };

    public static TestDto ToDto(HypothesisTestResult test) => new()
    {
        Test = test.Test,
        Statistic = Finite(test.Statistic),
        DegreesOfFreedom = Finite(test.DegreesOfFreedom),
        PValue = Finite(test.PValue),
    };

    // ---- funnel ---------------------------------------------------------------------------------------------------

    public static FunnelDocument ToDocument(FunnelResult funnel)
    {
        var body = ToDto(funnel);
        return new FunnelDocument
        {
            SchemaVersion = LeadAnalyticsJson.SchemaVersion,
            Kind = LeadAnalyticsJson.FunnelKind,
            AsOf = funnel.AsOf,
            Leads = body.Leads,
            Won = body.Won,
            ChronologyFaults = body.ChronologyFaults,
            Lost = body.Lost,
            Stale = body.Stale,
            Open = body.Open,
            OverallConversion = body.OverallConversion,
            ResolvedOverallConversion = body.ResolvedOverallConversion,
            Stages = body.Stages,
            Steps = body.Steps,
            Bottleneck = body.Bottleneck,
            Maturity = body.Maturity,
        };
    }

    internal static FunnelMaturityDto? ToDto(FunnelMaturity? m) => m is null ? null : new FunnelMaturityDto
    {
        WindowDays = m.Window.TotalDays,
        Leads = m.Leads,
        MatureLeads = m.MatureLeads,
        Maturity = Finite(m.Maturity),
        IsMature = m.IsMature,
        WonWithinWindow = m.WonWithinWindow,
        FollowUpDays = m.FollowUp.TotalDays,
        IsBorrowed = m.IsBorrowed,
        BorrowedShare = Finite(m.BorrowedShare),
        ProjectedConversion = Finite(m.ProjectedConversion),
        ProjectedStandardError = Finite(m.ProjectedStandardError),
        ProjectedLower = Finite(m.ProjectedLower),
        ProjectedUpper = Finite(m.ProjectedUpper),
    };

    public static FunnelDto ToDto(FunnelResult funnel) => new()
    {
        Leads = funnel.Leads,
        Won = funnel.Won,
        ChronologyFaults = funnel.ChronologyFaults,
        Lost = funnel.Lost,
        Stale = funnel.Stale,
        Open = funnel.Open,
        OverallConversion = ToDto(funnel.OverallConversion),
        ResolvedOverallConversion = ToDto(funnel.ResolvedOverallConversion),
        Stages = funnel.Stages.Select(s => new FunnelStageDto
        {
            Index = s.Index,
            Stage = s.Stage.Name,
            DisplayName = s.Stage.DisplayName,
            Reached = s.Reach,
            ShareOfLeads = ToDto(s.ShareOfLeads),
            IsRecorded = s.IsRecorded,
        }).ToList(),
        Steps = funnel.Steps.Select(ToDto).ToList(),
        Bottleneck = funnel.Bottleneck is { } b ? new FunnelBottleneckDto
        {
            StepIndex = b.Step.Index,
            From = b.Step.From.Name,
            To = b.Step.To.Name,
            DropOff = ToDto(b.Step.Resolved.DropOff),
            VersusOtherSteps = ToDto(b.VersusOtherSteps),
            AcrossSteps = ToDto(b.AcrossSteps),
            IsSignificant = b.IsSignificant,
        } : null,
        Maturity = ToDto(funnel.Maturity),
    };

    private static FunnelStepDto ToDto(FunnelStep step) => new()
    {
        Index = step.Index,
        From = step.From.Name,
        To = step.To.Name,
        Entered = step.Entered,
        Advanced = step.Advanced,
        Lost = step.Lost,
        Stale = step.Stale,
        Open = step.Open,
        Expired = step.Expired,
        IsRecorded = step.IsRecorded,
        Unrecorded = step.Unrecorded,
        AllLeads = ToDto(step.AllLeads),
        Resolved = ToDto(step.Resolved),
        Duration = step.Duration is { } d ? new StepDurationDto
        {
            Count = d.Count,
            NegativeExcluded = d.NegativeExcluded,
            MedianDays = Finite(Days(d.Median)),
            P90Days = Finite(Days(d.NinetiethPercentile)),
            QuantileMethod = Mapping.Name(d.Method),
        } : null,
        Target = step.Target is { } t ? new StepTargetDto
        {
            Kind = Mapping.Name(t.Target.Kind),
            Value = t.Target.Value,
            Observed = ToDto(t.Observed),
            Gap = Finite(t.Gap),
            MeetsTarget = t.MeetsTarget,
            Test = ToDto(t.Test),
            DiffersSignificantly = t.DiffersSignificantly,
        } : null,
    };

    private static FunnelViewDto ToDto(FunnelView view) => new()
    {
        Leads = view.Leads,
        Advanced = view.Advanced,
        DroppedOff = view.DroppedOff,
        Conversion = ToDto(view.Conversion),
        DropOff = ToDto(view.DropOff),
    };

    public static FunnelBreakdownDocument ToDocument(FunnelBreakdown breakdown) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.FunnelBreakdownKind,
        AsOf = breakdown.Total.AsOf,
        Dimensions = breakdown.Dimensions.Select(d => Mapping.Name(d)).ToList(),
        SegmentsSumToTotal = breakdown.SegmentsSumToTotal,
        Total = ToDto(breakdown.Total),
        Segments = breakdown.Segments.Select(s => new FunnelSegmentDto { Key = s.Label, Values = s.Values.ToList(), Funnel = ToDto(s.Funnel) }).ToList(),
    };

    public static FunnelCohortsDocument ToDocument(FunnelCohorts cohorts) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.FunnelCohortsKind,
        AsOf = cohorts.Total.AsOf,
        Period = Mapping.Name(cohorts.Period),
        UtcOffset = Offset(cohorts.UtcOffset),
        Total = ToDto(cohorts.Total),
        Cohorts = cohorts.Cohorts.Select(ToDto).ToList(),
        StepTrends = cohorts.StepTrends.Select(t => new StepTrendDto
        {
            Index = t.Index,
            From = t.From.Name,
            To = t.To.Name,
            AllLeads = ToDto(t.AllLeads),
            Resolved = ToDto(t.Resolved),
        }).ToList(),
        ConversionTrend = ToDto(cohorts.ConversionTrend),
        SegmentBy = cohorts.SegmentBy is { } d ? Mapping.Name(d) : null,
        Segments = cohorts.SegmentBy is null ? null : cohorts.Segments.Select(s => new FunnelCohortSegmentDto
        {
            Key = s.Label,
            Value = s.Value,
            Total = ToDto(s.Total),
            Cohorts = s.Cohorts.Select(ToDto).ToList(),
            ConversionTrend = ToDto(s.ConversionTrend),
        }).ToList(),
    };

    private static FunnelCohortDto ToDto(FunnelCohort c) => new() { Key = c.Label, Start = c.Start, End = c.End, Funnel = ToDto(c.Funnel) };

    private static CohortConversionTrendDto ToDto(CohortConversionTrend t) => new()
    {
        WindowDays = t.Window.TotalDays,
        Cohorts = t.Cohorts,
        MatureCohorts = t.MatureCohorts,
        ImmatureCohorts = t.ImmatureCohorts,
        UnprojectedCohorts = t.UnprojectedCohorts,
        Projected = ToDto(t.Projected),
        Mature = ToDto(t.Mature),
        Observed = ToDto(t.Observed),
        SignificanceLevel = t.SignificanceLevel,
        Direction = Mapping.Name(t.Direction),
        ObservedDirection = Mapping.Name(t.ObservedDirection),
        FallsOnlyBecauseYounger = t.FallsOnlyBecauseYounger,
    };

    private static ConversionSeriesDto ToDto(ConversionSeries series) => new()
    {
        Conversion = series.Conversion.Select(ToDto).ToList(),
        AcrossCohorts = ToDto(series.AcrossCohorts),
        Trend = ToDto(series.Trend),
    };

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    // ---- cycle time -----------------------------------------------------------------------------------------------

    public static CycleTimeDocument ToDocument(CycleTimeResult result, bool includeCurves)
    {
        var o = result.Options;
        return new CycleTimeDocument
        {
            SchemaVersion = LeadAnalyticsJson.SchemaVersion,
            Kind = LeadAnalyticsJson.CycleTimeKind,
            AsOf = result.AsOf,
            Options = new CycleTimeOptionsDto
            {
                SegmentBy = o.Scope.Breakdown.Count > 0 ? string.Join(",", o.Scope.Breakdown.Select(Mapping.Name)) : null,
                QuantileMethod = Mapping.Name(o.QuantileMethod),
                ConfidenceLevel = o.Scope.Confidence,
                ConfidenceTransform = Mapping.Name(o.Survival.ConfidenceTransform),
                Probabilities = o.Survival.Probabilities.ToList(),
                RestrictedMeanHorizon = result.Overall.TimeToWon.RestrictedMean?.Horizon ?? o.Survival.RestrictedMeanHorizon,
                LogRankRho = o.LogRankRho,
                MaxLogRankSegments = o.MaxLogRankSegments,
            },
            AcquiredAfterAsOf = result.AcquiredAfterAsOf,
            Overall = ToDto(result.Overall, includeCurves),
            Segments = result.Segments.Select(s => ToDto(s, includeCurves)).ToList(),
            LogRank = result.SegmentComparison is { } lr ? new LogRankDto
            {
                Rho = lr.Rho,
                ChiSquare = Finite(lr.ChiSquare),
                DegreesOfFreedom = lr.DegreesOfFreedom,
                PValue = Finite(lr.PValue),
                Groups = lr.Groups.Select(g => new LogRankGroupDto
                {
                    Key = g.Group >= 0 && g.Group < result.Segments.Count ? result.Segments[g.Group].Label : g.Group.ToString(CultureInfo.InvariantCulture),
                    Count = g.Count,
                    Observed = g.Observed,
                    Expected = g.Expected,
                    Variance = g.Variance,
                }).ToList(),
            } : null,
            LogRankSkipped = result.SegmentComparisonSkipped,
        };
    }

    private static CycleTimeSegmentDto ToDto(CycleTimeSegment s, bool includeCurves)
    {
        var km = s.TimeToWon;
        var cif = s.CompetingRisks;
        var horizon = km.RestrictedMean?.Horizon;
        return new CycleTimeSegmentDto
        {
            Key = s.Label,
            Value = s.Value,
            Leads = s.Leads,
            Won = s.Won,
            Lost = s.Lost,
            Open = s.Open,
            Stale = s.Stale,
            NegativeDurationsExcluded = s.NegativeDurationsExcluded,
            Median = ToDto(km.Median),
            TimeToWon = new TimeToWonDto
            {
                Count = km.Count,
                Events = km.Events,
                Quantiles = km.Quantiles.Select(ToDto).ToList(),
                RestrictedMean = km.RestrictedMean is { } rm ? new RestrictedMeanDto { Horizon = rm.Horizon, Value = Finite(rm.Value), StandardError = Finite(rm.StandardError) } : null,
                WonByHorizon = horizon is { } h && km.Count > 0 ? Finite(1 - km.SurvivalAt(h)) : null,
                Curve = includeCurves ? km.Rows.Select(r => new KaplanMeierRowDto
                {
                    Time = r.Time,
                    AtRisk = r.AtRisk,
                    Events = r.Events,
                    Censored = r.Censored,
                    Survival = r.Survival,
                    StandardError = Finite(r.StandardError),
                    LogSurvivalStandardError = Finite(r.StandardErrorOfLogSurvival),
                    Lower = Finite(r.Lower),
                    Upper = Finite(r.Upper),
                }).ToList() : null,
            },
            CompetingRisks = new CompetingRisksDto
            {
                Count = cif.Count,
                WonEvents = cif.EventsByCause.Count > 0 ? cif.EventsByCause[0] : 0,
                LostEvents = cif.EventsByCause.Count > 1 ? cif.EventsByCause[1] : 0,
                Horizon = horizon,
                WonByHorizon = horizon is { } hw && cif.Count > 0 ? Finite(cif.IncidenceAt(CycleTimeResult.WonCause, hw)) : null,
                LostByHorizon = horizon is { } hl && cif.Count > 0 ? Finite(cif.IncidenceAt(CycleTimeResult.LostCause, hl)) : null,
                Curve = includeCurves ? cif.Rows.Select(r => new CumulativeIncidenceRowDto
                {
                    Time = r.Time,
                    AtRisk = r.AtRisk,
                    Won = r.Events[0],
                    Lost = r.Events[1],
                    Censored = r.Censored,
                    Survival = r.Survival,
                    SurvivalStandardError = Finite(r.SurvivalStandardError),
                    SurvivalLower = Finite(r.SurvivalLower),
                    SurvivalUpper = Finite(r.SurvivalUpper),
                    WonIncidence = r.Incidence[0],
                    WonStandardError = Finite(r.IncidenceStandardError[0]),
                    WonLower = Finite(r.IncidenceLower[0]),
                    WonUpper = Finite(r.IncidenceUpper[0]),
                    LostIncidence = r.Incidence[1],
                    LostStandardError = Finite(r.IncidenceStandardError[1]),
                    LostLower = Finite(r.IncidenceLower[1]),
                    LostUpper = Finite(r.IncidenceUpper[1]),
                }).ToList() : null,
            },
            AcquisitionToWon = ToDto(s.AcquisitionToWon, includeCurves),
            AcquisitionToLost = ToDto(s.AcquisitionToLost, includeCurves),
            StageDurations = s.StageDurations.Select(d => ToDto(d, includeCurves)).ToList(),
        };
    }

    private static SurvivalQuantileDto ToDto(SurvivalQuantile q) => new()
    {
        Probability = q.Probability,
        Value = Finite(q.Time),
        Lower = Finite(q.Lower),
        Upper = Finite(q.Upper),
    };

    private static DurationSummaryDto ToDto(DurationSummary d, bool includeHistogram) => new()
    {
        Kind = Mapping.Name(d.Kind),
        From = d.From,
        To = d.To,
        Count = d.Count,
        NegativeExcluded = d.NegativeExcluded,
        Mean = Finite(d.Mean),
        Median = Finite(d.Median),
        P25 = Finite(d.P25),
        P75 = Finite(d.P75),
        P90 = Finite(d.P90),
        Minimum = Finite(d.Minimum),
        Maximum = Finite(d.Maximum),
        Histogram = includeHistogram ? d.Histogram.Select(b => new HistogramBinDto { Lower = b.Lower, Upper = b.Upper, Count = b.Count }).ToList() : null,
    };

    // ---- attribution ----------------------------------------------------------------------------------------------

    public static AttributionDocument ToDocument(AttributionResult result)
    {
        var m = ToDto(result);
        return new AttributionDocument
        {
            SchemaVersion = LeadAnalyticsJson.SchemaVersion,
            Kind = LeadAnalyticsJson.AttributionKind,
            Model = m.Model,
            JourneyCount = m.JourneyCount,
            TotalConversions = m.TotalConversions,
            TotalValue = m.TotalValue,
            UnattributedConversions = m.UnattributedConversions,
            UnattributedValue = m.UnattributedValue,
            DroppedTouchpoints = m.DroppedTouchpoints,
            UnmatchedTouchpoints = m.UnmatchedTouchpoints,
            Credits = m.Credits,
            Markov = m.Markov,
            Intervals = m.Intervals,
            Differences = m.Differences,
            Period = Mapping.LimitedPeriod(result.Period),
        };
    }

    public static AttributionComparisonDocument ToDocument(AttributionComparison comparison) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.AttributionComparisonKind,
        Period = Mapping.LimitedPeriod(comparison.Period),
        Channels = comparison.Keys.ToList(),
        Models = comparison.Results.Select(ToDto).ToList(),
        Ranges = comparison.Results.Count > 1
            ? comparison.Ranges().Select(r => new ModelRangeDto
            {
                Channel = r.Key,
                Lowest = r.Lowest,
                LowestModel = Mapping.Name(r.LowestModel),
                Highest = r.Highest,
                HighestModel = Mapping.Name(r.HighestModel),
            }).ToList()
            : null,
    };

    /// <summary>With intervals: each key against the next one down the ranking by credited conversions (ties in key order),
    /// so "is the first channel really ahead of the second?" is answered in the document.</summary>
    private static List<CreditDifferenceDto>? AdjacentDifferences(AttributionResult r)
    {
        if (r.Intervals is null)
        {
            return null;
        }

        return r.AdjacentDifferences().Select(d => new CreditDifferenceDto
        {
            First = d.First,
            Second = d.Second,
            Estimate = d.Estimate,
            Lower = d.Lower,
            Upper = d.Upper,
            ShareFirstAhead = d.ShareFirstAhead,
        }).ToList();
    }

    private static AttributionModelDto ToDto(AttributionResult r) => new()
    {
        Model = Mapping.Name(r.Model),
        JourneyCount = r.JourneyCount,
        TotalConversions = r.TotalConversions,
        TotalValue = Mapping.ToDto(r.TotalValue),
        UnattributedConversions = r.UnattributedConversions,
        UnattributedValue = Mapping.ToDto(r.UnattributedValue),
        DroppedTouchpoints = r.DroppedTouchpoints,
        UnmatchedTouchpoints = r.UnmatchedTouchpoints,
        Credits = r.Credits.Select(c => new ChannelCreditDto
        {
            Channel = c.Key,
            Conversions = c.Conversions,
            Value = Mapping.ToDto(c.Value),
            RemovalEffect = Finite(c.RemovalEffect),
            ValueRemovalEffect = Finite(c.ValueRemovalEffect),
            Lower = Finite(c.Interval?.Lower),
            Upper = Finite(c.Interval?.Upper),
            ValueLower = c.Interval is { } li ? Mapping.ToDto(li.ValueLower) : null,
            ValueUpper = c.Interval is { } ui ? Mapping.ToDto(ui.ValueUpper) : null,
            StandardError = Finite(c.Interval?.StandardError),
            TopOneShare = Finite(c.Interval?.TopOneShare),
            TopThreeShare = Finite(c.Interval?.TopThreeShare),
        }).ToList(),
        Markov = r.Markov is { } mk ? new MarkovDto
        {
            Order = mk.Order,
            CollapseRepeats = mk.CollapseRepeats,
            UseNonConvertingPaths = mk.UseNonConvertingPaths,
            ValueRule = Mapping.Name(mk.ValueRule),
            ConversionProbability = Finite(mk.ConversionProbability),
            Transitions = mk.Transitions.Select(t => new MarkovTransitionDto { From = t.From, To = t.To, Count = t.Count, Probability = t.Probability }).ToList(),
        } : null,
        Intervals = r.Intervals is { } iv && r.IntervalConfidence is { } level
            ? new CreditIntervalSettingsDto { Replicates = iv.Replicates, Seed = iv.Seed, Confidence = level, Method = iv.Method == AttributionIntervalMethod.BCa ? "bca" : "percentile" }
            : null,
        Differences = AdjacentDifferences(r),
    };

    // ---- loss reasons ---------------------------------------------------------------------------------------------

    public static LossReasonsDocument ToDocument(LossReasonResult report) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.LossReasonsKind,
        AsOf = report.AsOf,
        LostLeads = report.LostLeads,
        WithoutReason = report.WithoutReason,
        Stale = report.Stale,
        Overall = ToDto(report.Overall),
        ByStage = report.ByStage.Select(ToDto).ToList(),
        Breakdowns = report.Breakdowns.Select(b => new LossReasonBreakdownDto
        {
            Dimension = string.Join(",", b.Dimensions.Select(Mapping.Name)),
            Segments = b.Segments.Select(ToDto).ToList(),
            MixTest = b.MixTest is null ? null : ToDto(b.MixTest),
        }).ToList(),
        Dominant = report.Dominant.Select(d => new LossReasonDominanceDto
        {
            Scope = d.Scope,
            Key = d.Segment,
            Reason = d.Reason,
            Count = d.Count,
            LostLeads = d.LostLeads,
            Share = ToDto(d.Share),
        }).ToList(),
    };

    private static LossReasonTableDto ToDto(LossReasonTable table) => new()
    {
        Key = table.Segment,
        LostLeads = table.LostLeads,
        Rows = table.Rows.Select(r => new LossReasonRowDto
        {
            Reason = r.Reason,
            Count = r.Count,
            Share = r.Share,
            CumulativeShare = r.CumulativeShare,
            LostRevenue = r.LostRevenue,
        }).ToList(),
    };
}
