using LeadAnalytics.CycleTime;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>Time charts from the cycle-time engine: Kaplan-Meier "not yet won" curves by segment, and the cumulative
/// incidence of won and of lost (Aalen-Johansen), each with its pointwise confidence band.</summary>
internal static class SurvivalCharts
{
    private const double Top = 10;
    private const double Left = 58;
    private const double PlotHeight = 280;
    private const double AxisHeight = 40;

    public static string KaplanMeier(CycleTimeResult result, ChartOptions options)
    {
        var segments = result.Segments.Count > 0
            ? result.Segments.OrderByDescending(s => s.Leads).ThenBy(s => s.Label, StringComparer.Ordinal).Take(Math.Max(1, options.MaxSegments)).ToList()
            : new List<CycleTimeSegment> { result.Overall };
        var curves = new List<(CycleTimeSegment Segment, StepCurve Curve)>();
        foreach (var segment in segments)
        {
            curves.Add((segment, FromKaplanMeier(segment.TimeToWon)));
        }

        var horizon = options.HorizonDays ?? AutomaticHorizon(curves.Select(c => c.Curve));
        var legend = curves.Select(c => Legend(c.Segment)).ToList();
        var width = options.CheckedWidth;
        var legendHeight = Axes.LegendHeight(width - Left - 16, legend);
        var plotTop = Top + legendHeight + 8;
        var height = plotTop + PlotHeight + AxisHeight;
        var x = new LinearScale(0, horizon, Left, width - 16);
        var y = new LinearScale(0, 1, plotTop + PlotHeight, plotTop);

        var svg = new SvgBuilder(width, height, "Time to won by segment (Kaplan-Meier; lost leads censored at the loss, open leads at as-of)", "km-chart");
        Axes.Legend(svg, Left, Top, width - Left - 16, legend.Select((l, i) => (l, Palette.Color(i))).ToList(), "line");
        Axes.Left(svg, y, Left, width - 16, 5, percent: true, "not yet won");
        Axes.Bottom(svg, x, plotTop + PlotHeight, plotTop, 8, percent: false, "days since acquisition");
        for (var i = 0; i < curves.Count; i++)
        {
            var (segment, curve) = curves[i];
            var color = Palette.Color(i);
            svg.Open("g", ("class", "curve"), ("data-label", segment.Label), ("data-leads", segment.Leads), ("data-won", segment.Won));
            svg.Empty("path", ("class", "band"), ("d", curve.BandPath(x, y, horizon)), ("fill", color), ("fill-opacity", 0.15), ("stroke", "none"));
            svg.Open("path", ("class", "km-line"), ("d", curve.LinePath(x, y, horizon)), ("fill", "none"), ("stroke", color), ("stroke-width", 2));
            svg.Element("title", Legend(segment));
            svg.Close();
            svg.Close();
        }

        return svg.Build();
    }

    public static string WonVersusLost(CycleTimeSegment segment, ChartOptions options)
    {
        var incidence = segment.CompetingRisks;
        var won = new StepCurve(0);
        var lost = new StepCurve(0);
        var last = 0.0;
        foreach (var row in incidence.Rows)
        {
            last = row.Time;
            if (row.Events[CycleTimeResult.WonCause - 1] > 0)
            {
                won.Add(row.Time, row.Incidence[CycleTimeResult.WonCause - 1], row.IncidenceLower[CycleTimeResult.WonCause - 1], row.IncidenceUpper[CycleTimeResult.WonCause - 1]);
            }

            if (row.Events[CycleTimeResult.LostCause - 1] > 0)
            {
                lost.Add(row.Time, row.Incidence[CycleTimeResult.LostCause - 1], row.IncidenceLower[CycleTimeResult.LostCause - 1], row.IncidenceUpper[CycleTimeResult.LostCause - 1]);
            }
        }

        won.End = last;
        lost.End = last;
        var horizon = options.HorizonDays ?? AutomaticHorizon(new[] { won, lost });
        var width = options.CheckedWidth;
        var shownTo = Math.Min(last, horizon);
        var legend = new[]
        {
            ($"won ({Format.Percent(incidence.IncidenceAt(CycleTimeResult.WonCause, shownTo))} by day {Format.Number(shownTo, "0")})", Palette.Won),
            ($"lost ({Format.Percent(incidence.IncidenceAt(CycleTimeResult.LostCause, shownTo))} by day {Format.Number(shownTo, "0")})", Palette.Lost),
        };
        var legendHeight = Axes.LegendHeight(width - Left - 16, legend.Select(l => l.Item1));
        var plotTop = Top + legendHeight + 8;
        var height = plotTop + PlotHeight + AxisHeight;
        var x = new LinearScale(0, horizon, Left, width - 16);
        var yMax = LinearScale.NiceMax(Math.Max(won.MaxUpper(horizon), lost.MaxUpper(horizon)), 5);
        var y = new LinearScale(0, Math.Min(1, yMax), plotTop + PlotHeight, plotTop);

        var svg = new SvgBuilder(width, height, $"Won and lost over time, {segment.Label} (cumulative incidence, Aalen-Johansen)", "cif-chart");
        Axes.Legend(svg, Left, Top, width - Left - 16, legend, "line");
        Axes.Left(svg, y, Left, width - 16, 5, percent: true, "share of leads");
        Axes.Bottom(svg, x, plotTop + PlotHeight, plotTop, 8, percent: false, "days since acquisition");
        foreach (var (name, curve, color) in new[] { ("won", won, Palette.Won), ("lost", lost, Palette.Lost) })
        {
            svg.Open("g", ("class", "curve " + name), ("data-label", name));
            svg.Empty("path", ("class", "band"), ("d", curve.BandPath(x, y, horizon)), ("fill", color), ("fill-opacity", 0.15), ("stroke", "none"));
            svg.Empty("path", ("class", "cif-line"), ("d", curve.LinePath(x, y, horizon)), ("fill", "none"), ("stroke", color), ("stroke-width", 2));
            svg.Close();
        }

        return svg.Build();
    }

    internal static StepCurve FromKaplanMeier(KaplanMeierCurve km)
    {
        var curve = new StepCurve(1);
        var last = 0.0;
        foreach (var row in km.Rows)
        {
            last = row.Time;
            // Censor-only rows leave the estimate unchanged; drawing them would only grow the file.
            if (row.Events > 0)
            {
                curve.Add(row.Time, row.Survival, row.Lower, row.Upper);
            }
        }

        curve.End = last;
        return curve;
    }

    private static string Legend(CycleTimeSegment segment)
    {
        var median = segment.TimeToWon.Median.Time is { } m ? $"median {Format.Number(m, "0")} d" : "median not reached";
        return $"{segment.Label} (n={Format.Count(segment.Leads)}, {median})";
    }

    private static double AutomaticHorizon(IEnumerable<StepCurve> curves)
    {
        var max = 0.0;
        foreach (var c in curves)
        {
            max = Math.Max(max, c.LastJump);
        }

        return LinearScale.NiceMax(Math.Max(1, max), 8);
    }
}
