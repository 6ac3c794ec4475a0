using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

/// <summary>
/// Lead volume, median cycle days and speed to lead from the effectiveness engine: its summary of the segment's leads
/// acquired in the window as of the evaluation instant (the metric catalogue's definitions: leads acquired; the median of won
/// or lost minus acquisition over won and lost leads; the median hours to a recorded first contact). Lead volume is per week
/// of the window elapsed. Durations are compared before and after with the cycle-time engine's log-rank test.
/// </summary>
internal sealed class EffectivenessMeter : MetricMeter
{
    private const double DaysPerWeek = 7.0;
    private readonly ActionMetric _metric;

    internal EffectivenessMeter(LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionOptions options, ActionMetric metric)
        : base(table, rows, asOf, options) => _metric = metric;

    internal override MetricMeasurement Measure(DateTimeOffset from, DateTimeOffset to)
    {
        var summary = EffectivenessAnalyzer.Analyze(Rows.Table, AsOf, new EffectivenessOptions
        {
            Scope = Options.Scope.With(EffectivenessOptions.ByChannel.Breakdown, new AcquisitionPeriod(from, to)),
            CostSource = CostSource.PerLeadCosts,
        }).Total;
        var until = Max(from, Min(to, AsOf));
        double? value;
        int sample;
        switch (_metric)
        {
            case ActionMetric.Leads:
                var days = (until - from).TotalDays;
                value = days > 0 ? summary.Leads * DaysPerWeek / days : null;
                sample = summary.Leads;
                break;
            case ActionMetric.MedianCycleDays:
                value = summary.MedianCycleDays;
                sample = summary.Won + summary.Lost;
                break;
            default:
                value = summary.SpeedToLeadMedianHours;
                sample = summary.Leads;
                break;
        }

        return new MetricMeasurement(from, to, until, summary.Leads, sample, value, null, AsOf >= to);
    }

    internal override HypothesisTestResult? Compare(DateTimeOffset beforeFrom, DateTimeOffset beforeTo, DateTimeOffset afterFrom, DateTimeOffset afterTo)
    {
        if (_metric == ActionMetric.Leads)
        {
            return null;
        }

        var limit = AsOfSeconds + 1L;
        var before = Rows.Range(Seconds(beforeFrom), Math.Min(Seconds(beforeTo), limit));
        var after = Rows.Range(Seconds(afterFrom), Math.Min(Seconds(afterTo), limit));
        return DurationEvidence.Compare(Table, Rows, before, after, AsOfSeconds, _metric);
    }
}
