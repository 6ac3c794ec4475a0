namespace LeadAnalytics.Effectiveness;

// The ad platform's figures of one segment (or of the totals row): in-period impressions and clicks of the cost entries at
// the breakdown's scope, the in-period amounts of the entries that carry them (for CPC and CPM), and the impressions and
// clicks of the entries that carry both (for the click-through rate). Money in minor units of the report currency.
internal struct AdFigures
{
    public bool HasImpressions;
    public long Impressions;
    public long ImpressionSpendMinor;
    public bool HasClicks;
    public long Clicks;
    public long ClickSpendMinor;
    public bool HasPair;
    public long PairedImpressions;
    public long PairedClicks;

    public void Add(in AdFigures other)
    {
        HasImpressions |= other.HasImpressions;
        Impressions += other.Impressions;
        ImpressionSpendMinor += other.ImpressionSpendMinor;
        HasClicks |= other.HasClicks;
        Clicks += other.Clicks;
        ClickSpendMinor += other.ClickSpendMinor;
        HasPair |= other.HasPair;
        PairedImpressions += other.PairedImpressions;
        PairedClicks += other.PairedClicks;
    }
}
