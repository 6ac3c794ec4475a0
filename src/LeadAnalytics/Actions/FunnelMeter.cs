using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

/// <summary>
/// Conversion (won / leads), step conversion into a stage and drop-off at it, from the funnel engine: the segment's rows
/// acquired in the window (a row range of the segment's table) as of the evaluation instant, with the outcome window as the
/// funnel's conversion window, read in the all-leads view (METRICS.md: step conversion = reach(k) / reach(k - 1)).
/// </summary>
internal sealed class FunnelMeter : MetricMeter
{
    private readonly ActionMetric _metric;
    private readonly int _stage;
    private readonly FunnelOptions _funnelOptions;

    internal FunnelMeter(LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionOptions options, ActionMetric metric, int stage)
        : base(table, rows, asOf, options)
    {
        _metric = metric;
        _stage = stage;
        _funnelOptions = new FunnelOptions
        {
            Scope = options.Scope,
            ConversionWindow = options.OutcomeWindow,
            IncludeStepDurations = false,
        };
    }

    internal override MetricMeasurement Measure(DateTimeOffset from, DateTimeOffset to)
    {
        var fromSec = Seconds(from);
        var toSec = Seconds(to);
        long? window = Options.OutcomeWindow is { } w ? (long)Math.Ceiling(w.TotalSeconds) : null;

        // Only leads at least the outcome window old are measured: the exclusive upper bound of their acquisition.
        var limit = window is { } ws ? AsOfSeconds - ws + 1 : AsOfSeconds + 1L;
        var (lo, acquiredHi) = Rows.Range(fromSec, Math.Min(toSec, AsOfSeconds + 1L));
        var (_, hi) = Rows.Range(fromSec, Math.Min(toSec, limit));
        var funnel = FunnelAnalyzer.AnalyzePartition(Rows.Table, AsOf, lo, hi - lo, _funnelOptions).ToResult();
        Rate rate;
        long leads;
        if (_metric == ActionMetric.ConversionRate)
        {
            rate = funnel.OverallConversion;
            leads = funnel.Leads;
        }
        else
        {
            var view = funnel.Steps[_stage - 1].AllLeads;
            rate = _metric == ActionMetric.DropOff ? view.DropOff : view.Conversion;
            leads = view.Leads;
        }

        var until = Max(from, Min(to, Options.OutcomeWindow is { } ow ? AsOf - ow : AsOf));
        return new MetricMeasurement(from, to, until, acquiredHi - lo, (int)leads, rate.Value, rate, toSec <= limit);
    }
}
