using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Findings;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Json;

/// <summary>The effectiveness summary, its findings and the metric catalogue to their schema v1 documents (write-only).</summary>
internal static class EffectivenessMapping
{
    private static double? Finite(double? x) => x is { } v && !double.IsNaN(v) && !double.IsInfinity(v) ? v : null;

    public static EffectivenessDocument ToDocument(EffectivenessResult r) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.EffectivenessKind,
        AsOf = r.AsOf,
        Dimensions = r.Dimensions.Select(d => Mapping.Name(d)).ToList(),
        Period = ToDto(r.Period),
        Currency = r.Currency.Code,
        RankedBy = r.RankedBy,
        SegmentsOverlap = r.SegmentsOverlap,
        Total = ToDto(r.Total),
        Segments = r.Segments.Select(ToDto).ToList(),
        ConversionIndependence = r.ConversionIndependence is { } t ? ResultMapping.ToDto(t) : null,
        Costs = new CostSummaryDto
        {
            Source = Mapping.Name(r.Costs.Source),
            InPeriodTotal = r.Costs.InPeriodTotal,
            Allocated = r.Costs.Allocated,
            Unallocated = r.Costs.Unallocated,
            UnmatchedCosts = r.Costs.UnmatchedCosts.Select(u => new UnmatchedCostDto
            {
                Scope = Mapping.Name(u.Entry.Scope),
                Key = u.Entry.Key,
                PeriodStart = u.Entry.PeriodStart,
                PeriodEnd = u.Entry.PeriodEnd,
                InPeriodAmount = u.InPeriodAmount,
                Reason = Mapping.Name(u.Reason),
            }).ToList(),
            EntriesOutsidePeriod = r.Costs.EntriesOutsidePeriod,
            LeadsWithoutCost = r.Costs.LeadsWithoutCost,
            LeadsWithoutCostIds = r.Costs.LeadsWithoutCostIds.ToList(),
        },
        Findings = r.Findings.Select(ToDto).ToList(),
        Previous = r.Previous is { } p ? new PreviousPeriodDto
        {
            Period = ToDto(p.Period),
            Total = ToDto(p.Total),
            Segments = p.Segments.Select(ToDto).ToList(),
            Changes = r.Changes.Select(ToDto).ToList(),
            TotalChange = r.TotalChange is { } tc ? ToDto(tc) : null,
        } : null,
    };

    private static PeriodDto ToDto(AcquisitionPeriod period) => new() { From = period.From, To = period.To };

    private static SegmentSummaryDto ToDto(SegmentSummary s) => new()
    {
        Key = s.Label,
        Values = s.Key.Values.ToList(),
        Rank = s.Rank,
        Leads = s.Leads,
        Won = s.Won,
        Lost = s.Lost,
        Open = s.Open,
        Stale = s.Stale,
        ConversionRate = ResultMapping.ToDto(s.ConversionRate),
        WinRate = ResultMapping.ToDto(s.WinRate),
        Spend = s.Spend,
        CostPerLead = s.CostPerLead,
        CostPerAcquisition = s.CostPerAcquisition,
        Revenue = s.Revenue,
        Roas = s.Roas,
        Roi = s.Roi,
        AverageDealSize = s.AverageDealSize,
        MedianCycleDays = Finite(s.MedianCycleDays),
        MedianDaysToWin = Finite(s.MedianDaysToWin),
        SpeedToLeadMedianHours = Finite(s.SpeedToLeadMedianHours),
        SpeedToLeadP90Hours = Finite(s.SpeedToLeadP90Hours),
        ShareOfLeads = Finite(s.ShareOfLeads),
        ShareOfWon = Finite(s.ShareOfWon),
        ShareOfSpend = Finite(s.ShareOfSpend),
        ShareOfRevenue = Finite(s.ShareOfRevenue),
        Impressions = s.Impressions,
        Clicks = s.Clicks,
        ClickThroughRate = s.ClickThroughRate is { } ctr ? ResultMapping.ToDto(ctr) : null,
        CostPerClick = s.CostPerClick,
        CostPerThousandImpressions = s.CostPerThousandImpressions,
        ClickToLeadRate = Finite(s.ClickToLeadRate),
        GrossProfit = s.GrossProfit,
        ProfitRoi = s.ProfitRoi,
        ProfitPerCustomer = s.ProfitPerCustomer,
        LeadsWithoutCost = s.LeadsWithoutCost,
        WonWithoutDealAmount = s.WonWithoutDealAmount,
        NegativeDurationsExcluded = s.NegativeDurationsExcluded,
        Maturity = ResultMapping.ToDto(s.Maturity),
        VersusRest = s.VersusRest is { } v ? new VersusRestDto
        {
            Successes = v.Successes,
            Trials = v.Trials,
            RestSuccesses = v.RestSuccesses,
            RestTrials = v.RestTrials,
            Rate = Finite(v.Rate),
            RestRate = Finite(v.RestRate),
            Test = v.Test is { } t ? ResultMapping.ToDto(t) : null,
            AdjustedPValue = Finite(v.AdjustedPValue),
            ProbabilityAboveRest = Finite(v.ProbabilityAboveRest),
        } : null,
    };

    public static FindingDto ToDto(Finding f)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in f.Arguments.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            arguments.Add(key, f.Arguments[key]);
        }

        return new FindingDto
        {
            Kind = f.Kind,
            Severity = Mapping.Name(f.Severity),
            Key = f.Segment.Label,
            Values = f.Segment.Values.ToList(),
            MetricId = f.MetricId,
            Value = Finite(f.Value),
            ComparisonValue = Finite(f.ComparisonValue),
            ComparisonBasis = f.ComparisonBasis,
            Evidence = f.Evidence is { } e ? new FindingEvidenceDto
            {
                SampleSize = e.SampleSize,
                Test = e.Test,
                PValue = Finite(e.PValue),
                AdjustedPValue = Finite(e.AdjustedPValue),
                ProbabilityAbove = Finite(e.ProbabilityAbove),
            } : null,
            Arguments = arguments,
            Message = FindingTemplates.Format(f, FindingTemplates.English),
            MessageZh = FindingTemplates.Format(f, FindingTemplates.Chinese),
        };
    }

    private static SegmentChangeDto ToDto(SegmentChange c) => new()
    {
        Key = c.Key.Label,
        Metrics = c.Metrics.Select(m => new MetricChangeDto
        {
            MetricId = m.MetricId,
            Current = Finite(m.Current),
            Previous = Finite(m.Previous),
            AbsoluteChange = Finite(m.AbsoluteChange),
            RelativeChange = Finite(m.RelativeChange),
        }).ToList(),
    };

    public static MetricCatalogDocument CatalogDocument() => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.MetricCatalogKind,
        Metrics = MetricCatalog.All.Select(m => new MetricDefinitionDto
        {
            Id = m.Id,
            EnglishName = m.EnglishName,
            ChineseName = m.ChineseName,
            Formula = m.Formula,
            ChineseFormula = m.ChineseFormula,
            Aliases = m.Aliases.ToList(),
            MetricKind = Mapping.Name(m.Kind),
            Unit = Mapping.Name(m.Unit),
            HigherIsBetter = m.HigherIsBetter,
            Numerator = m.Numerator,
            Denominator = m.Denominator,
            ComputedBy = m.ComputedBy,
        }).ToList(),
    };
}
