using LeadAnalytics.Data;

namespace LeadAnalytics.Actions;

/// <summary>Measures one tracked metric on one segment over any acquisition window, as of the evaluation's instant.</summary>
internal abstract class MetricMeter
{
    protected MetricMeter(LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionOptions options)
    {
        Table = table;
        Rows = rows;
        AsOf = asOf;
        AsOfSeconds = table.ToSeconds(asOf);
        Options = options;
    }

    protected LeadTable Table { get; }

    protected SegmentRows Rows { get; }

    protected DateTimeOffset AsOf { get; }

    protected int AsOfSeconds { get; }

    protected ActionOptions Options { get; }

    /// <summary>The metric on the segment's leads acquired in [from, to).</summary>
    internal abstract MetricMeasurement Measure(DateTimeOffset from, DateTimeOffset to);

    /// <summary>A before/after test for metrics that are not proportions (proportions are compared from their rates).</summary>
    internal virtual Statistics.HypothesisTestResult? Compare(DateTimeOffset beforeFrom, DateTimeOffset beforeTo, DateTimeOffset afterFrom, DateTimeOffset afterTo) => null;

    /// <summary>Seconds from the table's epoch, widened so that window arithmetic cannot overflow.</summary>
    protected long Seconds(DateTimeOffset instant) => Table.ToSeconds(instant);

    protected static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    protected static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
