using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

// INTERIM (issue 8, phase 2): the funnel (issue 4) and effectiveness (issue 5) engines had not reached main when the
// tracker was written, so conversion, step conversion, drop-off and lead volume are computed here straight from the
// LeadTable with the definitions of METRICS.md (reach with implied stages; Won / Leads). Replace these meters by calls to
// the engines when they land, so that the definitions live in one place; the tests pin the numbers.

/// <summary>Reach of one stage over reach of an earlier one (conversion: won over acquired; step k: reach k over reach
/// k - 1), or its complement for drop-off. Leads are measured at the age of the outcome window.</summary>
internal sealed class ReachRatioMeter : MetricMeter
{
    private readonly int _numeratorStage;
    private readonly int _denominatorStage;
    private readonly bool _complement;

    internal ReachRatioMeter(LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionEvaluatorOptions options, int numeratorStage, int denominatorStage, bool complement)
        : base(table, rows, asOf, options)
    {
        _numeratorStage = numeratorStage;
        _denominatorStage = denominatorStage;
        _complement = complement;
    }

    internal override MetricMeasurement Measure(DateTimeOffset from, DateTimeOffset to)
    {
        var fromSec = Seconds(from);
        var toSec = Seconds(to);
        long? window = Options.OutcomeWindow is { } w ? (long)Math.Ceiling(w.TotalSeconds) : null;

        // Acquired at or before as-of (less the outcome window): the exclusive upper bound of the measured acquisitions.
        var limit = window is { } ws ? AsOfSeconds - ws + 1 : AsOfSeconds + 1L;
        var (lo, acquiredHi) = Rows.Range(fromSec, Math.Min(toSec, AsOfSeconds + 1L));
        var (_, hi) = Rows.Range(fromSec, Math.Min(toSec, limit));
        long entered = 0, advanced = 0;
        for (var i = lo; i < hi; i++)
        {
            var row = Rows.Rows[i];
            var cutoff = window is { } ws2 ? (int)Math.Min(Rows.Acquired[i] + ws2, AsOfSeconds) : AsOfSeconds;
            var furthest = Table.FurthestStageAt(row, cutoff);
            if (furthest >= _denominatorStage)
            {
                entered++;
                if (furthest >= _numeratorStage)
                {
                    advanced++;
                }
            }
        }

        var rate = new Rate(_complement ? entered - advanced : advanced, entered, Options.Confidence, Options.IntervalMethod);
        var until = Max(from, Min(to, Options.OutcomeWindow is { } ow ? AsOf - ow : AsOf));
        return new MetricMeasurement(from, to, until, acquiredHi - lo, (int)entered, rate.Value, rate, toSec <= limit);
    }
}

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
