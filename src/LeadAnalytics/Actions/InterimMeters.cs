using LeadAnalytics.Data;

namespace LeadAnalytics.Actions;

// INTERIM (issue 8, phase 2): the effectiveness engine (issue 5) had not reached main when the tracker was written, so
// lead volume is counted here straight from the LeadTable (METRICS.md: leads acquired in the period). Replace it by the
// engine's lead count when it lands, so that the definition lives in one place; the tests pin the numbers.

/// <summary>Leads acquired per week over the part of the window that has elapsed by as-of.</summary>
internal sealed class LeadVolumeMeter : MetricMeter
{
    private const double SecondsPerWeek = 7 * 86_400.0;

    internal LeadVolumeMeter(LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionEvaluatorOptions options)
        : base(table, rows, asOf, options)
    {
    }

    internal override MetricMeasurement Measure(DateTimeOffset from, DateTimeOffset to)
    {
        var (lo, hi) = Rows.Range(Seconds(from), Math.Min(Seconds(to), AsOfSeconds + 1L));
        var until = Max(from, Min(to, AsOf));
        var elapsed = (until - from).TotalSeconds;
        var count = hi - lo;
        double? perWeek = elapsed > 0 ? count * SecondsPerWeek / elapsed : null;
        return new MetricMeasurement(from, to, until, count, count, perWeek, null, AsOf >= to);
    }
}
