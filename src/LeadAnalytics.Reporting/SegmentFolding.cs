namespace LeadAnalytics.Reporting;

/// <summary>Which segments a report table lists when there are too many to read: one rule for the HTML report's tables and
/// the tool's table report (LeadAnalytics.Cli), so both fold the same segments.</summary>
internal static class SegmentFolding
{
    /// <summary>The segments a table lists: the <paramref name="max"/> largest by leads (ties by label, ordinally) in their
    /// given order, and the others, summed in one "(other)" row. Sorting the indices is O(n log n) in the segments.</summary>
    internal static (List<T> Shown, List<T> Folded) Largest<T>(IReadOnlyList<T> segments, Func<T, long> leads, Func<T, string> label, int max)
    {
        max = Math.Max(1, max);
        if (segments.Count <= max)
        {
            return (segments.ToList(), new List<T>());
        }

        var keep = new bool[segments.Count];
        foreach (var i in Enumerable.Range(0, segments.Count)
            .OrderByDescending(i => leads(segments[i])).ThenBy(i => label(segments[i]), StringComparer.Ordinal).Take(max))
        {
            keep[i] = true;
        }

        var shown = new List<T>(max);
        var folded = new List<T>(segments.Count - max);
        for (var i = 0; i < segments.Count; i++)
        {
            (keep[i] ? shown : folded).Add(segments[i]);
        }

        return (shown, folded);
    }
}
