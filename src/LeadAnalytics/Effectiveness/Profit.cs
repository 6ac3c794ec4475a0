namespace LeadAnalytics.Effectiveness;

// Gross profit from an optional gross margin: a segment's margin is its entry in GrossMarginBySegment (by label), else the
// default margin. The totals row is the sum of the segments' gross profit when segments do not overlap (undefined when a
// segment with revenue has no margin); when they overlap (tags) a lead may sit in segments with different margins, so the
// totals row uses the default margin alone.
internal static class Profit
{
    internal static void Apply(SegmentSummary[] summaries, SegmentSummary total, bool overlap, EffectivenessOptions options)
    {
        var bySegment = options.GrossMarginBySegment;
        var fallback = options.DefaultGrossMargin;
        if (fallback is null && (bySegment is null || bySegment.Count == 0))
        {
            return;
        }

        decimal? sum = 0m;
        foreach (var s in summaries)
        {
            var margin = bySegment is not null && bySegment.TryGetValue(s.Label, out var m) ? m : fallback;
            var profit = s.Revenue is { } revenue && margin is { } g ? revenue * g : (decimal?)null;
            s.AssignGrossProfit(profit);
            if (s.Revenue is { } r && r != 0m)
            {
                sum = profit is { } p ? sum + p : null;
            }
        }

        if (total.Revenue is not { } totalRevenue)
        {
            return;
        }

        total.AssignGrossProfit(overlap ? (fallback is { } d ? totalRevenue * d : null) : sum);
    }
}
