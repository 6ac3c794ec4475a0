using LeadAnalytics.Data;
using LeadAnalytics.Findings;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

// Gives segments the ad platform's impressions and clicks from the costs table. Unlike spend, impressions and clicks are
// not people and cannot be split among leads, so they go to segments only when the breakdown is the entries' own scope:
// a single channel, strategy or content dimension, and an entry at that scope counts for the segment with its key.
// An entry's in-period impressions and clicks are pro rata by time overlap with cumulative rounding to whole units, as
// spend is, so adjacent periods split them exactly. Entries whose key has no lead in the period reach no segment; the
// totals row is the sum of the segments, so segments reconcile with it exactly.
internal static class AdAllocator
{
    internal static void Apply(SegmentSummary[] summaries, SegmentSummary total, Dimension[] dimensions, List<CostAllocator.PreparedCost> costs,
        long? fromTicks, long? toTicks, decimal scale, double confidence, ProportionIntervalMethod method)
    {
        if (dimensions.Length != 1 || dimensions[0] > Dimension.Content || costs.Count == 0)
        {
            return;
        }

        var index = new Dictionary<SegmentKey, int>(summaries.Length);
        for (var s = 0; s < summaries.Length; s++)
        {
            index[summaries[s].Key] = s;
        }

        var figures = new AdFigures[summaries.Length];
        foreach (var c in costs)
        {
            var e = c.Entry;
            if (c.Dimension != (int)dimensions[0] || (e.Impressions is null && e.Clicks is null)
                || !index.TryGetValue(SegmentKey.Of(dimensions[0], e.Key), out var s))
            {
                continue;
            }

            long start = e.PeriodStart.UtcTicks, end = e.PeriodEnd.UtcTicks;
            var overlapStart = fromTicks is { } f && f > start ? f : start;
            var overlapEnd = toTicks is { } t && t < end ? t : end;
            if (overlapEnd <= overlapStart)
            {
                continue;
            }

            var part = InPeriod(c.Amount, start, end, overlapStart, overlapEnd, scale);
            ref var a = ref figures[s];
            long impressions = 0, clicks = 0;
            if (e.Impressions is { } i)
            {
                impressions = InPeriod(i, start, end, overlapStart, overlapEnd, 1m);
                a.HasImpressions = true;
                a.Impressions += impressions;
                a.ImpressionSpendMinor += part;
            }

            if (e.Clicks is { } k)
            {
                clicks = InPeriod(k, start, end, overlapStart, overlapEnd, 1m);
                a.HasClicks = true;
                a.Clicks += clicks;
                a.ClickSpendMinor += part;
            }

            if (e.Impressions is not null && e.Clicks is not null)
            {
                a.HasPair = true;
                a.PairedImpressions += impressions;
                a.PairedClicks += clicks;
            }
        }

        var sum = default(AdFigures);
        var leadsWithClicks = 0;
        for (var s = 0; s < summaries.Length; s++)
        {
            sum.Add(figures[s]);
            if (figures[s].HasClicks)
            {
                leadsWithClicks += summaries[s].Leads;
            }

            summaries[s].AssignAdvertising(figures[s], summaries[s].Leads, scale, confidence, method);
        }

        total.AssignAdvertising(sum, leadsWithClicks, scale, confidence, method);
    }

    private static long InPeriod(decimal amount, long start, long end, long overlapStart, long overlapEnd, decimal scale) =>
        CostAllocator.Cumulative(amount, start, end, overlapEnd, scale) - CostAllocator.Cumulative(amount, start, end, overlapStart, scale);
}
