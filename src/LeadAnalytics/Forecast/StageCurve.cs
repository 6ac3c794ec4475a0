using LeadAnalytics.CycleTime;

namespace LeadAnalytics.Forecast;

/// <summary>One stage's (or one stage and segment's) Aalen-Johansen fit of won against lost, timed from stage entry, with
/// the sorted times it was fitted on (for the number still at risk beyond a time).</summary>
internal sealed class StageCurve
{
    private static readonly CumulativeIncidenceOptions CurveOptions = CumulativeIncidenceOptions.Default;

    private readonly double[] _times;

    private StageCurve(double[] times, CumulativeIncidenceCurve curve, double lastEvent)
    {
        _times = times;
        Curve = curve;
        LastEvent = lastEvent;
    }

    internal CumulativeIncidenceCurve Curve { get; }

    // The last time with an outcome (won or lost); NaN when there is none.
    internal double LastEvent { get; }

    /// <summary>Fits the entries of <paramref name="stage"/> whose segment is <paramref name="segment"/> (-1: all), each
    /// repeated as often as its lead was drawn (<paramref name="draws"/>; null: once).</summary>
    internal static StageCurve? Fit(StageData stage, int segment, int[]? draws)
    {
        var n = 0;
        for (var j = 0; j < stage.Times.Length; j++)
        {
            if (segment < 0 || stage.Segments[j] == segment)
            {
                n += draws is null ? 1 : draws[stage.Members[j]];
            }
        }

        if (n == 0)
        {
            return null;
        }

        // The entries are sorted by time, so repeating each in place keeps the order FromSorted needs.
        var times = new double[n];
        var causes = new int[n];
        var k = 0;
        var lastEvent = double.NaN;
        for (var j = 0; j < stage.Times.Length; j++)
        {
            if (segment >= 0 && stage.Segments[j] != segment)
            {
                continue;
            }

            var m = draws is null ? 1 : draws[stage.Members[j]];
            for (var r = 0; r < m; r++)
            {
                times[k] = stage.Times[j];
                causes[k] = stage.Causes[j];
                k++;
            }

            if (m > 0 && stage.Causes[j] != 0)
            {
                lastEvent = stage.Times[j];
            }
        }

        return new StageCurve(times, CumulativeIncidence.FromSorted(times, causes, 2, CurveOptions), lastEvent);
    }

    /// <summary>The number of fitted entries with a time after <paramref name="from"/>.</summary>
    internal int AtRiskAfter(double from)
    {
        int lo = 0, hi = _times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_times[mid] <= from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return _times.Length - lo;
    }

    /// <summary>P(won in (a, a + h] | open at a); null when S(a) = 0.</summary>
    internal double? WonWithin(double from, double horizon)
    {
        var survival = Curve.SurvivalAt(from);
        return survival > 0
            ? ConditionalIncidence.Ratio(Curve.IncidenceAt(ForecastAnalyzer.WonCause, from + horizon) - Curve.IncidenceAt(ForecastAnalyzer.WonCause, from), survival)
            : null;
    }
}
