using LeadAnalytics.CycleTime;

namespace LeadAnalytics.Forecast;

/// <summary>One stage's (or one stage and segment's) Aalen-Johansen fit of won against lost, timed from stage entry: per
/// distinct time, the cumulative incidence of won, the probability of no outcome yet, and the entries still at risk after
/// it. The point estimates of <see cref="CumulativeIncidence"/> to the bit (its recursion, without the variance and limits
/// the forecast does not read: the bootstrap refits every stage for each of its replicates), counted per distinct time from
/// the stage's sorted entries and their draws, so a replicate costs its entries once and no copy per draw.</summary>
internal sealed class StageCurve
{
    private readonly double[] _times;
    private readonly double[] _won;
    private readonly double[] _survival;
    private readonly int[] _atRiskAfter;
    private readonly int _entries;

    private StageCurve(double[] times, double[] won, double[] survival, int[] atRiskAfter, int entries, double lastEvent)
    {
        _entries = entries;
        _times = times;
        _won = won;
        _survival = survival;
        _atRiskAfter = atRiskAfter;
        LastEvent = lastEvent;
    }

    // The last time with an outcome (won or lost); NaN when there is none.
    internal double LastEvent { get; }

    /// <summary>Fits the entries of <paramref name="stage"/> whose segment is <paramref name="segment"/> (-1: all), each
    /// counted as often as its lead was drawn (<paramref name="draws"/>; null: once).</summary>
    internal static StageCurve? Fit(StageData stage, int segment, int[]? draws)
    {
        // The entries are sorted by time: count the distinct times first, then walk them once.
        var n = 0;
        var distinct = 0;
        var previous = double.NaN;
        for (var j = 0; j < stage.Times.Length; j++)
        {
            if (segment >= 0 && stage.Segments[j] != segment)
            {
                continue;
            }

            var m = draws is null ? 1 : draws[stage.Members[j]];
            if (m == 0)
            {
                continue;
            }

            n += m;
            if (distinct == 0 || stage.Times[j] != previous)
            {
                distinct++;
                previous = stage.Times[j];
            }
        }

        if (n == 0)
        {
            return null;
        }

        var times = new double[distinct];
        var won = new double[distinct];
        var survival = new double[distinct];
        var atRiskAfter = new int[distinct];
        var counts = new int[3];
        var atRisk = n;
        var s = 1.0;
        var f = 0.0;
        var lastEvent = double.NaN;
        var row = 0;
        var j0 = 0;
        while (row < distinct)
        {
            // The entries at the next distinct time, by cause (0 open, 1 won, 2 lost).
            Array.Clear(counts, 0, 3);
            var t = double.NaN;
            for (; j0 < stage.Times.Length; j0++)
            {
                if (segment >= 0 && stage.Segments[j0] != segment)
                {
                    continue;
                }

                var m = draws is null ? 1 : draws[stage.Members[j0]];
                if (m == 0)
                {
                    continue;
                }

                if (double.IsNaN(t))
                {
                    t = stage.Times[j0];
                }
                else if (stage.Times[j0] != t)
                {
                    break;
                }

                counts[stage.Causes[j0]] += m;
            }

            // CumulativeIncidence's recursion at one distinct time (the same operations in the same order).
            var all = counts[1] + counts[2];
            var nr = (double)atRisk;
            if (all > 0)
            {
                var previousSurvival = s;
                f += previousSurvival * counts[1] / nr;
                s *= (atRisk - all) / nr;
                lastEvent = t;
            }

            atRisk -= all + counts[0];
            times[row] = t;
            won[row] = f;
            survival[row] = s;
            atRiskAfter[row] = atRisk;
            row++;
        }

        return new StageCurve(times, won, survival, atRiskAfter, n, lastEvent);
    }

    /// <summary>The number of fitted entries with a time after <paramref name="from"/>.</summary>
    internal int AtRiskAfter(double from)
    {
        var k = LastAtOrBefore(from);
        return k < 0 ? _entries : _atRiskAfter[k];
    }

    /// <summary>P(won in (a, a + h] | open at a); null when S(a) = 0.</summary>
    internal double? WonWithin(double from, double horizon)
    {
        var k = LastAtOrBefore(from);
        var survival = k < 0 ? 1.0 : _survival[k];
        if (!(survival > 0))
        {
            return null;
        }

        var end = LastAtOrBefore(from + horizon);
        var incidenceEnd = end < 0 ? 0.0 : _won[end];
        var incidenceFrom = k < 0 ? 0.0 : _won[k];
        return ConditionalIncidence.Ratio(incidenceEnd - incidenceFrom, survival);
    }

    private int LastAtOrBefore(double time)
    {
        int lo = 0, hi = _times.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (_times[mid] <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
