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
        var text = options.Text;
        var (segments, total) = Shown(result, options);
        var curves = segments.Select(s => (Segment: s, Curve: FromKaplanMeier(s.TimeToWon))).ToList();
        var legend = curves.Select(c => text.CurveLegend(c.Segment.Label, c.Segment.Leads,
            c.Segment.TimeToWon.Median.Time is { } m ? Format.Number(m, "0") : null)).ToList();
        return Curves(curves, legend, total, text.KaplanMeierTitle, "km-chart", "km-line", text.NotYetWon, yMax: 1, options);
    }

    /// <summary>The cumulative incidence of won per segment (Aalen-Johansen, lost as the competing outcome): where a curve
    /// levels off is the share of the segment's leads that is won, unlike 1 − Kaplan-Meier, which pretends no lead is lost.</summary>
    public static string WonIncidence(CycleTimeResult result, ChartOptions options)
    {
        var text = options.Text;
        var (segments, total) = Shown(result, options);
        var curves = segments.Select(s => (Segment: s, Curve: FromIncidence(s.CompetingRisks, CycleTimeResult.WonCause))).ToList();
        var legend = curves.Select(c => text.IncidenceLegend(c.Segment.Label, c.Segment.Leads,
            Format.Percent(c.Segment.CompetingRisks.IncidenceAt(CycleTimeResult.WonCause, c.Curve.End)))).ToList();
        var horizon = options.HorizonDays ?? AutomaticHorizon(curves.Select(c => c.Curve));
        var yMax = Math.Min(1, LinearScale.NiceMax(Math.Max(0.05, curves.Max(c => c.Curve.MaxUpper(horizon))), 5));
        return Curves(curves, legend, total, text.IncidenceTitle, "cif-segments-chart", "cif-line", text.ShareWon, yMax, options);
    }

    /// <summary>The segments drawn (the largest by leads, or the overall curve when the result has no segments) and how many there are.</summary>
    private static (List<CycleTimeSegment> Shown, int Total) Shown(CycleTimeResult result, ChartOptions options) =>
        result.Segments.Count > 0
            ? (result.Segments.OrderByDescending(s => s.Leads).ThenBy(s => s.Label, StringComparer.Ordinal).Take(Math.Max(1, options.MaxSegments)).ToList(), result.Segments.Count)
            : (new List<CycleTimeSegment> { result.Overall }, 1);

    private static string Curves(List<(CycleTimeSegment Segment, StepCurve Curve)> curves, List<string> legend, int total, string title, string kind, string lineClass,
        string yTitle, double yMax, ChartOptions options)
    {
        var text = options.Text;
        var horizon = options.HorizonDays ?? AutomaticHorizon(curves.Select(c => c.Curve));
        var width = options.CheckedWidth;
        // A legend that silently drops segments reads as "these are all": say how many are drawn.
        var note = curves.Count < total ? text.TopOf(curves.Count, total, text.Segment) : null;
        var legendHeight = Axes.LegendHeight(width - Left - 16, legend) + (note is null ? 0 : 18);
        var plotTop = Top + legendHeight + 8;
        var height = plotTop + PlotHeight + AxisHeight;
        var x = new LinearScale(0, horizon, Left, width - 16);
        var y = new LinearScale(0, yMax, plotTop + PlotHeight, plotTop);

        var svg = new SvgBuilder(width, height, title, kind);
        var used = Axes.Legend(svg, Left, Top, width - Left - 16, legend.Select((l, i) => (l, Palette.Color(i))).ToList(), "line");
        if (note is not null)
        {
            svg.Text(Left, Top + used + 10.5, note, ("fill", Palette.Muted), ("class", "legend-note"), ("font-size", "11"));
        }

        Axes.Left(svg, y, Left, width - 16, 5, percent: true, yTitle);
        Axes.Bottom(svg, x, plotTop + PlotHeight, plotTop, 8, percent: false, text.DaysSinceAcquisition);
        for (var i = 0; i < curves.Count; i++)
        {
            var (segment, curve) = curves[i];
            var color = Palette.Color(i);
            svg.Open("g", ("class", "curve"), ("data-label", segment.Label), ("data-leads", segment.Leads), ("data-won", segment.Won));
            svg.Empty("path", ("class", "band"), ("d", curve.BandPath(x, y, horizon)), ("fill", color), ("fill-opacity", 0.15), ("stroke", "none"));
            svg.Open("path", ("class", lineClass), ("d", curve.LinePath(x, y, horizon)), ("fill", "none"), ("stroke", color), ("stroke-width", 2));
            svg.Element("title", legend[i]);
            svg.Close();
            svg.Close();
        }

        return svg.Build();
    }

    public static string WonVersusLost(CycleTimeSegment segment, ChartOptions options)
    {
        var text = options.Text;
        var incidence = segment.CompetingRisks;
        var won = FromIncidence(incidence, CycleTimeResult.WonCause);
        var lost = FromIncidence(incidence, CycleTimeResult.LostCause);
        var last = won.End;
        var horizon = options.HorizonDays ?? AutomaticHorizon(new[] { won, lost });
        var width = options.CheckedWidth;
        var shownTo = Math.Min(last, horizon);
        var day = Format.Number(shownTo, "0");
        var legend = new[]
        {
            (text.WonLegend(Format.Percent(incidence.IncidenceAt(CycleTimeResult.WonCause, shownTo)), day), Palette.Won),
            (text.LostLegend(Format.Percent(incidence.IncidenceAt(CycleTimeResult.LostCause, shownTo)), day), Palette.Lost),
        };
        var legendHeight = Axes.LegendHeight(width - Left - 16, legend.Select(l => l.Item1));
        var plotTop = Top + legendHeight + 8;
        var height = plotTop + PlotHeight + AxisHeight;
        var x = new LinearScale(0, horizon, Left, width - 16);
        var yMax = LinearScale.NiceMax(Math.Max(0.05, Math.Max(won.MaxUpper(horizon), lost.MaxUpper(horizon))), 5);
        var y = new LinearScale(0, Math.Min(1, yMax), plotTop + PlotHeight, plotTop);

        var svg = new SvgBuilder(width, height, text.WonVersusLostTitle(segment.Label == CycleTimeSegment.AllLabel ? text.AllLeads : segment.Label), "cif-chart");
        Axes.Legend(svg, Left, Top, width - Left - 16, legend, "line");
        Axes.Left(svg, y, Left, width - 16, 5, percent: true, text.ShareOfLeads);
        Axes.Bottom(svg, x, plotTop + PlotHeight, plotTop, 8, percent: false, text.DaysSinceAcquisition);
        foreach (var (name, curve, color) in new[] { ("won", won, Palette.Won), ("lost", lost, Palette.Lost) })
        {
            svg.Open("g", ("class", "curve " + name), ("data-label", name));
            svg.Empty("path", ("class", "band"), ("d", curve.BandPath(x, y, horizon)), ("fill", color), ("fill-opacity", 0.15), ("stroke", "none"));
            svg.Empty("path", ("class", "cif-line"), ("d", curve.LinePath(x, y, horizon)), ("fill", "none"), ("stroke", color), ("stroke-width", 2));
            svg.Close();
        }

        return svg.Build();
    }

    /// <summary>One cause's cumulative incidence as a step curve, drawn to the last observation of the curve.</summary>
    internal static StepCurve FromIncidence(CumulativeIncidenceCurve incidence, int cause)
    {
        var curve = new StepCurve(0);
        var last = 0.0;
        foreach (var row in incidence.Rows)
        {
            last = row.Time;
            if (row.Events[cause - 1] > 0)
            {
                curve.Add(row.Time, row.Incidence[cause - 1], row.IncidenceLower[cause - 1], row.IncidenceUpper[cause - 1]);
            }
        }

        curve.End = last;
        return curve;
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
