using LeadAnalytics.Data;
using LeadAnalytics.Findings;

namespace LeadAnalytics.Effectiveness;

/// <summary>A segment in two periods side by side: both summaries and the change of every segment metric.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SegmentChange
{
    internal SegmentChange(SegmentKey key, SegmentSummary? current, SegmentSummary? previous)
    {
        Key = key;
        Current = current;
        Previous = previous;
        var metrics = new MetricChange[SegmentSummary.MetricIdsOfSegments.Count];
        for (var i = 0; i < metrics.Length; i++)
        {
            var id = SegmentSummary.MetricIdsOfSegments[i];
            metrics[i] = new MetricChange(id, current?.GetValue(id), previous?.GetValue(id));
        }

        Metrics = metrics;
    }

    /// <summary>The segment.</summary>
    public SegmentKey Key { get; }

    /// <summary>The segment in the current period, or <see langword="null"/> when it had no leads then.</summary>
    public SegmentSummary? Current { get; }

    /// <summary>The segment in the previous period, or <see langword="null"/> when it had no leads then.</summary>
    public SegmentSummary? Previous { get; }

    /// <summary>Every segment metric's change, in <see cref="SegmentSummary.MetricIdsOfSegments"/> order.</summary>
    public IReadOnlyList<MetricChange> Metrics { get; }

    /// <summary>The change of one metric.</summary>
    /// <param name="metricId">A segment metric id.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">The id is not a segment metric.</exception>
    public MetricChange GetChange(string metricId)
    {
        foreach (var m in Metrics)
        {
            if (string.Equals(m.MetricId, metricId, StringComparison.Ordinal))
            {
                return m;
            }
        }

        throw new ArgumentException($"'{metricId}' is not a metric of a segment summary.", nameof(metricId));
    }
}
