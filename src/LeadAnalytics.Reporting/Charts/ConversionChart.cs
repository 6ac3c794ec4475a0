using LeadAnalytics.Funnel;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>Conversion by segment with its confidence interval (a forest plot): a dot at won / leads, a whisker across the
/// interval, and a dashed line at the conversion of all leads, so a reader sees at once which channels differ by more
/// than chance.</summary>
internal static class ConversionChart
{
    private const double RowHeight = 26;
    private const double Top = 8;
    private const double AxisHeight = 40;

    public static string Draw(FunnelBreakdown breakdown, ChartOptions options)
    {
        var width = options.CheckedWidth;
        var text = options.Text;
        var rows = Rows(breakdown, options.MaxSegments);
        var labelWidth = 40.0;
        var maxUpper = breakdown.Total.OverallConversion.Value ?? 0;
        foreach (var s in rows)
        {
            labelWidth = Math.Max(labelWidth, TextMetrics.Width(s.Label, 12));
            maxUpper = Math.Max(maxUpper, s.Funnel.OverallConversion.Upper ?? 0);
        }

        labelWidth = Math.Min(labelWidth, width * 0.3);
        const double valueWidth = 150;
        var left = 8 + labelWidth + 12;
        var right = width - valueWidth - 8;
        var x = new LinearScale(0, LinearScale.NiceMax(maxUpper, 5), left, right);
        var plotBottom = Top + (Math.Max(1, rows.Count) * RowHeight);
        var height = plotBottom + AxisHeight;

        var svg = new SvgBuilder(width, height, text.ConversionChartTitle, "conversion-chart");
        Axes.Bottom(svg, x, plotBottom, Top, 5, percent: true, text.ConversionAxis);
        if (breakdown.Total.OverallConversion.Value is { } all)
        {
            var px = x.Map(all);
            svg.Empty("line", ("class", "overall"), ("x1", px), ("x2", px), ("y1", Top - 4), ("y2", plotBottom), ("stroke", Palette.Axis),
                ("stroke-dasharray", "4 3"), ("data-value", all));
        }

        var y = Top;
        foreach (var s in rows)
        {
            var rate = s.Funnel.OverallConversion;
            var mid = y + (RowHeight / 2);
            svg.Open("g", ("class", "segment"), ("data-label", s.Label), ("data-value", rate.Value), ("data-lower", rate.Lower), ("data-upper", rate.Upper));
            svg.Text(left - 12, mid + 4, TextMetrics.Fit(s.Label, 12, labelWidth), ("text-anchor", "end"), ("fill", Palette.Text), ("class", "segment-label"));
            if (rate.Value is { } value)
            {
                svg.Empty("line", ("class", "interval"), ("x1", x.Map(rate.Lower ?? value)), ("x2", x.Map(rate.Upper ?? value)), ("y1", mid), ("y2", mid),
                    ("stroke", Palette.Bar), ("stroke-width", 2));
                svg.Open("circle", ("class", "point"), ("cx", x.Map(value)), ("cy", mid), ("r", 4.5), ("fill", Palette.Bar));
                svg.Element("title", $"{s.Label}: {Format.Rate(rate)} ({rate.Numerator}/{rate.Denominator})");
                svg.Close();
            }

            svg.Text(right + 8, mid + 4, $"{Format.Percent(rate.Value)} ({Format.Count(rate.Numerator)}/{Format.Count(rate.Denominator)})",
                ("fill", Palette.Text), ("class", "segment-value"));
            svg.Close();
            y += RowHeight;
        }

        return svg.Build();
    }

    /// <summary>The largest segments by leads, then ordered by conversion (best first; undefined last; ties by label).</summary>
    internal static IReadOnlyList<FunnelSegment> Rows(FunnelBreakdown breakdown, int max) =>
        breakdown.Segments
            .OrderByDescending(s => s.Funnel.Leads).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Take(Math.Max(1, max))
            .OrderByDescending(s => s.Funnel.OverallConversion.Value ?? -1).ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
}
