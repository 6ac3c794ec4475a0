using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Actions;

/// <summary>
/// Cost per lead, cost per acquisition and ROAS of a segment over a window. Spend is the effectiveness engine's allocation
/// (CostAllocator): each cost entry's part inside the window, divided equally among every lead of the table it matches that
/// was acquired in it, summed over the segment's leads; without a costs table, the leads' own acquisition costs. For cost per
/// acquisition and ROAS, which depend on what becomes of a lead, the window stops at as-of less the outcome window, and a lead
/// is won when it reached the won stage within the outcome window (as the funnel counts it); revenue is their deal amounts.
/// </summary>
internal sealed class CostMeter : MetricMeter
{
    private readonly ActionMetric _metric;
    private readonly CostContext _costs;
    private readonly bool[] _inSegment;

    internal CostMeter(LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionOptions options, ActionMetric metric, CostContext costs)
        : base(table, rows, asOf, options)
    {
        _metric = metric;
        _costs = costs;
        _inSegment = new bool[table.Count];
        foreach (var row in rows.Rows)
        {
            _inSegment[row] = true;
        }
    }

    internal override MetricMeasurement Measure(DateTimeOffset from, DateTimeOffset to)
    {
        var outcome = _metric != ActionMetric.CostPerLead;
        var window = outcome ? Options.OutcomeWindow : null;
        var until = Max(from, Min(to, window is { } w ? AsOf - w : AsOf));
        long? windowSeconds = window is { } ow ? (long)Math.Ceiling(ow.TotalSeconds) : null;
        var limit = windowSeconds is { } ws ? AsOfSeconds - ws + 1 : AsOfSeconds + 1L;
        var fromSec = Seconds(from);
        var toSec = Seconds(to);
        var (lo, acquiredHi) = Rows.Range(fromSec, Math.Min(toSec, AsOfSeconds + 1L));
        var (_, hi) = Rows.Range(fromSec, Math.Min(toSec, limit));

        var spend = Spend(from, until, fromSec, Math.Min(toSec, limit), lo, hi);
        long won = 0, revenue = 0;
        var wonStage = Table.StageSeconds[Table.StageSeconds.Length - 1];
        for (var i = lo; i < hi && outcome; i++)
        {
            var row = Rows.Rows[i];
            var cutoff = windowSeconds is { } s ? Math.Min(Rows.Acquired[i] + s, AsOfSeconds) : AsOfSeconds;
            var t = wonStage[row];
            if (t != LeadTable.MissingTime && t <= cutoff)
            {
                won++;
                revenue += Table.DealMinor[row] == LeadTable.MissingAmount ? 0 : Table.DealMinor[row];
            }
        }

        var leads = hi - lo;
        decimal? spendAmount = spend is { } sm ? sm / _costs.Scale : null;
        decimal? revenueAmount = outcome ? revenue / _costs.Scale : null;
        decimal? value = _metric switch
        {
            ActionMetric.CostPerLead => leads > 0 ? spendAmount / leads : null,
            ActionMetric.CostPerAcquisition => won > 0 ? spendAmount / won : null,
            _ => spendAmount is > 0 ? revenueAmount / spendAmount : null,
        };
        return new MetricMeasurement(from, to, until, acquiredHi - lo, leads, (double?)value, null, toSec <= limit)
        {
            Spend = spendAmount,
            Revenue = revenueAmount,
            Won = outcome ? (int)won : null,
        };
    }

    // Minor units of spend of the segment's leads acquired in [fromSec, toSec), or null when none of them has any cost.
    private long? Spend(DateTimeOffset from, DateTimeOffset until, long fromSec, long toSec, int lo, int hi)
    {
        if (_costs.Prepared is null)
        {
            long total = 0;
            var any = false;
            for (var i = lo; i < hi; i++)
            {
                var cost = Table.CostMinor[Rows.Rows[i]];
                if (cost != LeadTable.MissingAmount)
                {
                    total += cost;
                    any = true;
                }
            }

            return any ? total : null;
        }

        var (allLo, allHi) = _costs.AllRows.Range(fromSec, toSec);
        var rows = new int[allHi - allLo];
        Array.Copy(_costs.AllRows.Rows, allLo, rows, 0, rows.Length);
        var allocation = CostAllocator.Allocate(Table, rows, _costs.Prepared, from.UtcTicks, until.UtcTicks, _costs.Scale);
        long sum = 0;
        var matched = false;
        for (var i = 0; i < rows.Length; i++)
        {
            if (_inSegment[rows[i]] && allocation.HasCost[i])
            {
                sum += allocation.Spend[i];
                matched = true;
            }
        }

        return matched ? sum : null;
    }
}
