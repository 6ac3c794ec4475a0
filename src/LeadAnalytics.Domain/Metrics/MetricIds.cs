namespace LeadAnalytics.Metrics;

/// <summary>The ids of every metric in <see cref="MetricCatalog"/>, as constants for code that refers to a metric.</summary>
public static class MetricIds
{
    /// <summary>Leads acquired in the period.</summary>
    public const string Leads = "leads";

    /// <summary>Of those, leads won by the as-of instant.</summary>
    public const string Won = "won";

    /// <summary>Of those, leads lost by the as-of instant.</summary>
    public const string Lost = "lost";

    /// <summary>Of those, leads neither won nor lost.</summary>
    public const string Open = "open";

    /// <summary>Open leads with no activity for the stale threshold ("presumed lost").</summary>
    public const string Stale = "stale";

    /// <summary>Won / leads.</summary>
    public const string ConversionRate = "conversion_rate";

    /// <summary>Won / (won + lost).</summary>
    public const string WinRate = "win_rate";

    /// <summary>Cost attributed to the segment and period.</summary>
    public const string Spend = "spend";

    /// <summary>Spend / leads.</summary>
    public const string CostPerLead = "cost_per_lead";

    /// <summary>Spend / won.</summary>
    public const string CostPerAcquisition = "cost_per_acquisition";

    /// <summary>Sum of the deal amounts of won leads.</summary>
    public const string Revenue = "revenue";

    /// <summary>Revenue / spend.</summary>
    public const string Roas = "roas";

    /// <summary>(Revenue - spend) / spend.</summary>
    public const string Roi = "roi";

    /// <summary>Revenue / won leads with an amount.</summary>
    public const string AverageDealSize = "average_deal_size";

    /// <summary>Median of won-or-lost instant minus acquisition, in days.</summary>
    public const string MedianCycleDays = "median_cycle_days";

    /// <summary>Median of won instant minus acquisition, in days.</summary>
    public const string MedianDaysToWin = "median_days_to_win";

    /// <summary>Median of first contact minus acquisition, in hours.</summary>
    public const string SpeedToLeadMedianHours = "speed_to_lead_median_hours";

    /// <summary>90th percentile of first contact minus acquisition, in hours.</summary>
    public const string SpeedToLeadP90Hours = "speed_to_lead_p90_hours";

    /// <summary>Segment leads / total leads.</summary>
    public const string ShareOfLeads = "share_of_leads";

    /// <summary>Segment won / total won.</summary>
    public const string ShareOfWon = "share_of_won";

    /// <summary>Segment spend / total spend.</summary>
    public const string ShareOfSpend = "share_of_spend";

    /// <summary>Segment revenue / total revenue.</summary>
    public const string ShareOfRevenue = "share_of_revenue";

    /// <summary>Ad impressions of the segment's cost entries in the period.</summary>
    public const string Impressions = "impressions";

    /// <summary>Ad clicks of the segment's cost entries in the period.</summary>
    public const string Clicks = "clicks";

    /// <summary>Clicks / impressions.</summary>
    public const string ClickThroughRate = "click_through_rate";

    /// <summary>Spend of the entries with clicks / clicks.</summary>
    public const string CostPerClick = "cost_per_click";

    /// <summary>Spend of the entries with impressions × 1000 / impressions.</summary>
    public const string CostPerThousandImpressions = "cost_per_thousand_impressions";

    /// <summary>Leads / clicks.</summary>
    public const string ClickToLeadRate = "click_to_lead_rate";

    /// <summary>Revenue × gross margin.</summary>
    public const string GrossProfit = "gross_profit";

    /// <summary>(Gross profit - spend) / spend.</summary>
    public const string ProfitRoi = "profit_roi";

    /// <summary>Gross profit / won leads with a deal amount.</summary>
    public const string ProfitPerCustomer = "profit_per_customer";

    /// <summary>Leads that reached a stage or a later one.</summary>
    public const string Reach = "reach";

    /// <summary>Reach of the next stage / reach of this stage.</summary>
    public const string StepConversion = "step_conversion";

    /// <summary>1 - step conversion.</summary>
    public const string DropOff = "drop_off";

    /// <summary>Holm-adjusted p-value of the segment against the rest.</summary>
    public const string AdjustedPValueVersusRest = "adjusted_p_value_versus_rest";

    /// <summary>Kaplan-Meier survival (share not yet at the event).</summary>
    public const string Survival = "survival";

    /// <summary>Greenwood standard error of the survival.</summary>
    public const string SurvivalStandardError = "survival_standard_error";

    /// <summary>Greenwood standard error of log survival.</summary>
    public const string LogSurvivalStandardError = "log_survival_standard_error";

    /// <summary>Aalen-Johansen cumulative incidence of a cause.</summary>
    public const string CumulativeIncidence = "cumulative_incidence";

    /// <summary>Standard error of the cumulative incidence.</summary>
    public const string CumulativeIncidenceStandardError = "cumulative_incidence_standard_error";

    /// <summary><c>advanced</c>.</summary>
    public const string Advanced = "advanced";

    /// <summary><c>expired</c>.</summary>
    public const string Expired = "expired";

    /// <summary><c>resolved_drop_off</c>.</summary>
    public const string ResolvedDropOff = "resolved_drop_off";

    /// <summary><c>median_step_days</c>.</summary>
    public const string MedianStepDays = "median_step_days";

    /// <summary><c>p90_step_days</c>.</summary>
    public const string P90StepDays = "p90_step_days";

    /// <summary><c>median_time_to_won</c>.</summary>
    public const string MedianTimeToWon = "median_time_to_won";

    /// <summary><c>time_to_won_p25</c>.</summary>
    public const string TimeToWonP25 = "time_to_won_p25";

    /// <summary><c>time_to_won_p75</c>.</summary>
    public const string TimeToWonP75 = "time_to_won_p75";

    /// <summary><c>restricted_mean_time_to_won</c>.</summary>
    public const string RestrictedMeanTimeToWon = "restricted_mean_time_to_won";

    /// <summary><c>won_by_horizon</c>.</summary>
    public const string WonByHorizon = "won_by_horizon";

    /// <summary><c>lost_by_horizon</c>.</summary>
    public const string LostByHorizon = "lost_by_horizon";

    /// <summary><c>mean_days_to_won</c>.</summary>
    public const string MeanDaysToWon = "mean_days_to_won";

    /// <summary><c>mean_days_to_lost</c>.</summary>
    public const string MeanDaysToLost = "mean_days_to_lost";

    /// <summary><c>reason_lost_leads</c>.</summary>
    public const string ReasonLostLeads = "reason_lost_leads";

    /// <summary><c>reason_share</c>.</summary>
    public const string ReasonShare = "reason_share";

    /// <summary><c>reason_cumulative_share</c>.</summary>
    public const string ReasonCumulativeShare = "reason_cumulative_share";

    /// <summary><c>lost_revenue</c>.</summary>
    public const string LostRevenue = "lost_revenue";

    /// <summary><c>credited_conversions</c>.</summary>
    public const string CreditedConversions = "credited_conversions";

    /// <summary><c>credited_value</c>.</summary>
    public const string CreditedValue = "credited_value";

    /// <summary><c>removal_effect</c>.</summary>
    public const string RemovalEffect = "removal_effect";

    /// <summary><c>value_removal_effect</c>.</summary>
    public const string ValueRemovalEffect = "value_removal_effect";
}
