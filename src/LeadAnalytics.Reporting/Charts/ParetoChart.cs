using LeadAnalytics.LossReasons;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>Loss reasons as a Pareto chart: bars for the count of each reason, most frequent first, and a line for the
/// cumulative share on a 0-100% axis at the right, so "which few reasons explain most losses" reads off directly.</summary>
internal static class ParetoChart
{
    private const double Top = 12;
    private const double Left = 58;
    private const double RightAxis = 52;
    private const double PlotHeight = 240;

    public static string Draw(LossReasonTable table, ChartOptions options)
    {
        var width = options.CheckedWidth;
        var text = options.Text;
        var rows = table.Rows.Take(Math.Max(1, options.MaxBars)).ToList();
        var plotRight = width - RightAxis;
        var slot = (plotRight - Left) / Math.Max(1, rows.Count);
        var longest = rows.Count == 0 ? 0 : rows.Max(r => TextMetrics.Width(r.Reason, 11));
        // Labels that do not fit under their bar are turned, and the chart grows to hold them.
        var rotate = longest > slot - 4;
        var labelHeight = rotate ? Math.Min(140, (longest * 0.64) + 14) : 20;
        var plotBottom = Top + PlotHeight;
        var height = plotBottom + labelHeight + 8;
        var maxCount = rows.Count == 0 ? 1 : rows.Max(r => r.Count);
        var y = new LinearScale(0, LinearScale.NiceMax(maxCount, 5), plotBottom, Top);
        var share = new LinearScale(0, 1, plotBottom, Top);

        var svg = new SvgBuilder(width, height, text.LossTitle(text.LossSegment(string.Empty, table.Segment), table.LostLeads), "pareto-chart");
        Axes.Left(svg, y, Left, plotRight, 5, percent: false, text.LostLeadsAxis);
        svg.Open("g", ("class", "axis share-axis"));
        foreach (var t in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            svg.Text(plotRight + 6, share.Map(t) + 4, Format.PercentTick(t, 0.25), ("fill", Palette.Muted), ("font-size", "11"), ("class", "tick"));
        }

        svg.Empty("line", ("x1", plotRight), ("x2", plotRight), ("y1", Top), ("y2", plotBottom), ("stroke", Palette.Axis));
        svg.Close();

        var barWidth = Math.Min(64, slot * 0.7);
        var points = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cx = Left + (slot * (i + 0.5));
            var barHeight = y.Length(row.Count);
            svg.Open("g", ("class", "reason"), ("data-reason", row.Reason), ("data-count", row.Count), ("data-cumulative", row.CumulativeShare));
            svg.Open("rect", ("class", "bar"), ("x", cx - (barWidth / 2)), ("y", plotBottom - barHeight), ("width", barWidth), ("height", barHeight), ("fill", Palette.Lost), ("fill-opacity", 0.8));
            svg.Element("title", text.ReasonTitle(row.Reason, row.Count, Format.Percent(row.Share), Format.Percent(row.CumulativeShare)));
            svg.Close();
            svg.Text(cx, plotBottom - barHeight - 4, Format.Count(row.Count), ("text-anchor", "middle"), ("fill", Palette.Text), ("font-size", "10"), ("class", "bar-value"));
            if (rotate)
            {
                svg.Element("text", row.Reason, ("x", cx), ("y", plotBottom + 14), ("text-anchor", "end"), ("font-size", "11"), ("fill", Palette.Text),
                    ("class", "reason-label"), ("transform", $"rotate(-40 {SvgBuilder.Number(cx)} {SvgBuilder.Number(plotBottom + 14)})"));
            }
            else
            {
                svg.Text(cx, plotBottom + 15, row.Reason, ("text-anchor", "middle"), ("font-size", "11"), ("fill", Palette.Text), ("class", "reason-label"));
            }

            svg.Close();
            points.Add(SvgBuilder.Number(cx) + "," + SvgBuilder.Number(share.Map(row.CumulativeShare)));
        }

        if (points.Count > 0)
        {
            svg.Empty("polyline", ("class", "cumulative"), ("points", string.Join(" ", points)), ("fill", "none"), ("stroke", Palette.Text), ("stroke-width", 1.5));
            foreach (var p in points)
            {
                var xy = p.Split(',');
                svg.Empty("circle", ("cx", xy[0]), ("cy", xy[1]), ("r", 3), ("fill", Palette.Text));
            }
        }

        return svg.Build();
    }
}
