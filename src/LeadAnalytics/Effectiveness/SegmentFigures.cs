namespace LeadAnalytics.Effectiveness;

// The raw sums of one segment (or of the totals row), accumulated over the LeadTable's arrays by the aggregator and turned
// into metrics by SegmentSummary. Money is in minor units of the report currency.
internal struct SegmentFigures
{
    public int Leads;
    public int Won;
    public int Lost;
    public int Open;
    public int Stale;
    public long RevenueMinor;
    public int WonWithAmount;
    public long SpendMinor;
    public int LeadsWithCost;
    public int NegativeDurations;
    public double? MedianCycleDays;
    public double? MedianDaysToWin;
    public double? SpeedToLeadMedianHours;
    public double? SpeedToLeadP90Hours;
}
