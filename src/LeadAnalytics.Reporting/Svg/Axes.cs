namespace LeadAnalytics.Reporting.Svg;

/// <summary>Axis lines, grid lines and tick labels shared by the charts.</summary>
internal static class Axes
{
    /// <summary>A horizontal value axis at <paramref name="y"/> with vertical grid lines up to <paramref name="gridTop"/>.</summary>
    public static void Bottom(SvgBuilder svg, LinearScale x, double y, double gridTop, int count, bool percent, string? title)
    {
        var step = LinearScale.NiceStep(x.DomainMax - x.DomainMin, count);
        svg.Open("g", ("class", "axis x-axis"));
        foreach (var t in x.Ticks(count))
        {
            var px = x.Map(t);
            svg.Empty("line", ("x1", px), ("x2", px), ("y1", gridTop), ("y2", y), ("stroke", Palette.Grid));
            svg.Text(px, y + 14, percent ? Format.PercentTick(t, step) : Format.Tick(t, step),
                ("text-anchor", "middle"), ("fill", Palette.Muted), ("font-size", "11"), ("class", "tick"), ("data-value", t));
        }

        svg.Empty("line", ("x1", x.RangeMin), ("x2", x.RangeMax), ("y1", y), ("y2", y), ("stroke", Palette.Axis));
        if (title is not null)
        {
            svg.Text((x.RangeMin + x.RangeMax) / 2, y + 30, title, ("text-anchor", "middle"), ("fill", Palette.Text), ("class", "axis-title"));
        }

        svg.Close();
    }

    /// <summary>A vertical value axis at <paramref name="x"/> with horizontal grid lines to <paramref name="gridRight"/>.</summary>
    public static void Left(SvgBuilder svg, LinearScale y, double x, double gridRight, int count, bool percent, string? title)
    {
        var step = LinearScale.NiceStep(y.DomainMax - y.DomainMin, count);
        svg.Open("g", ("class", "axis y-axis"));
        foreach (var t in y.Ticks(count))
        {
            var py = y.Map(t);
            svg.Empty("line", ("x1", x), ("x2", gridRight), ("y1", py), ("y2", py), ("stroke", Palette.Grid));
            svg.Text(x - 6, py + 4, percent ? Format.PercentTick(t, step) : Format.Tick(t, step),
                ("text-anchor", "end"), ("fill", Palette.Muted), ("font-size", "11"), ("class", "tick"), ("data-value", t));
        }

        svg.Empty("line", ("x1", x), ("x2", x), ("y1", y.RangeMin), ("y2", y.RangeMax), ("stroke", Palette.Axis));
        if (title is not null)
        {
            var mid = (y.RangeMin + y.RangeMax) / 2;
            svg.Element("text", title, ("x", x - 44), ("y", mid), ("text-anchor", "middle"), ("fill", Palette.Text), ("class", "axis-title"),
                ("transform", $"rotate(-90 {SvgBuilder.Number(x - 44)} {SvgBuilder.Number(mid)})"));
        }

        svg.Close();
    }

    /// <summary>The height <see cref="Legend"/> will take for these labels.</summary>
    public static double LegendHeight(double width, IEnumerable<string> labels)
    {
        double x = 0, rows = 1;
        foreach (var label in labels)
        {
            var w = 18 + TextMetrics.Width(label, 12) + 16;
            if (x + w > width && x > 0)
            {
                x = 0;
                rows++;
            }

            x += w;
        }

        return rows * 18;
    }

    /// <summary>A legend row of coloured swatches and labels, wrapped to the width; returns the height used.</summary>
    public static double Legend(SvgBuilder svg, double left, double top, double width, IReadOnlyList<(string Label, string Color)> items, string kind = "swatch")
    {
        svg.Open("g", ("class", "legend"));
        double x = left, y = top;
        foreach (var (label, color) in items)
        {
            var w = 18 + TextMetrics.Width(label, 12) + 16;
            if (x + w > left + width && x > left)
            {
                x = left;
                y += 18;
            }

            if (kind == "line")
            {
                svg.Empty("line", ("x1", x), ("x2", x + 12), ("y1", y + 6), ("y2", y + 6), ("stroke", color), ("stroke-width", 2.5));
            }
            else
            {
                svg.Empty("rect", ("x", x), ("y", y), ("width", 12), ("height", 12), ("fill", color));
            }

            svg.Text(x + 17, y + 10.5, label, ("fill", Palette.Text), ("class", "legend-label"));
            x += w;
        }

        svg.Close();
        return y - top + 18;
    }
}
