using LeadAnalytics.Effectiveness;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>Channels placed by what a customer costs (x, cost per acquisition) and how well leads convert (y), with
/// revenue as the bubble's area: the template's budget question in one picture. Top left (cheap customers, high
/// conversion) is where budget should move; big bubbles are where the money comes from.</summary>
internal static class ValueChart
{
    private const double Top = 16;
    private const double Left = 58;
    private const double PlotHeight = 300;
    private const double AxisHeight = 40;
    internal const double MaxRadius = 30;

    public static string Draw(EffectivenessResult result, ChartOptions options)
    {
        var width = options.CheckedWidth;
        var text = options.Text;
        var points = Plotted(result, options.MaxSegments);
        var maxCost = 0.0;
        var maxConversion = 0.0;
        var maxRevenue = 0m;
        foreach (var s in points)
        {
            maxCost = Math.Max(maxCost, (double)s.CostPerAcquisition!.Value);
            maxConversion = Math.Max(maxConversion, s.ConversionRate.Value!.Value);
            maxRevenue = Math.Max(maxRevenue, s.Revenue ?? 0m);
        }

        var right = width - 16;
        var plotBottom = Top + PlotHeight;
        // Room around the data so that the largest bubble stays inside the axes.
        var x = new LinearScale(0, LinearScale.NiceMax(maxCost * 1.15, 6), Left, right);
        var y = new LinearScale(0, LinearScale.NiceMax(maxConversion * 1.2, 5), plotBottom, Top);
        var currency = result.Currency.Code;
        var svg = new SvgBuilder(width, plotBottom + AxisHeight, text.ValueChartTitle(currency), "value-chart");
        Axes.Left(svg, y, Left, right, 5, percent: true, text.ConversionShort);
        Axes.Bottom(svg, x, plotBottom, Top, 6, percent: false, text.CostPerCustomerIn(currency));
        var placed = new List<(double X1, double Y1, double X2, double Y2)>();
        for (var i = 0; i < points.Count; i++)
        {
            var s = points[i];
            var cx = x.Map((double)s.CostPerAcquisition!.Value);
            var cy = y.Map(s.ConversionRate.Value!.Value);
            var r = Radius(s.Revenue, maxRevenue);
            var roas = text.Roas + " " + Format.Roas(s.Roas);
            var (labelX, labelY, anchor) = PlaceLabel(cx, cy, Math.Max(r, 4), Math.Max(TextMetrics.Width(s.Label, 12), TextMetrics.Width(roas, 10)), right, placed);
            svg.Open("g", ("class", "segment"), ("data-label", s.Label), ("data-cost", (double)s.CostPerAcquisition.Value),
                ("data-conversion", s.ConversionRate.Value), ("data-revenue", s.Revenue is { } rev ? (double)rev : null));
            svg.Open("circle", ("class", "bubble"), ("cx", cx), ("cy", cy), ("r", r), ("fill", Palette.Color(i)), ("fill-opacity", 0.55),
                ("stroke", Palette.Color(i)), ("stroke-width", 1.5));
            svg.Element("title", text.BubbleTitle(s.Label, Format.Rate(s.ConversionRate), Format.Money(s.CostPerAcquisition), Format.Money(s.Revenue),
                Format.Roas(s.Roas), currency));
            svg.Close();
            svg.Empty("circle", ("class", "centre"), ("cx", cx), ("cy", cy), ("r", 2), ("fill", Palette.Text));
            if (Math.Abs(labelY - cy) > 1)
            {
                // A label moved away from its bubble keeps a thin leader line back to it.
                svg.Empty("line", ("x1", cx), ("y1", cy), ("x2", anchor == "end" ? labelX + 2 : labelX - 2), ("y2", labelY), ("stroke", Palette.Muted), ("stroke-width", 0.75));
            }

            svg.Text(labelX, labelY + 4, s.Label, ("text-anchor", anchor), ("fill", Palette.Text), ("class", "segment-label"));
            svg.Text(labelX, labelY + 17, roas, ("text-anchor", anchor), ("fill", Palette.Muted), ("font-size", "10"), ("class", "segment-roas"));
            svg.Close();
        }

        return svg.Build();
    }

    /// <summary>Puts a two-line label beside its bubble, right if it fits, else left, moving it down (then up) until it
    /// overlaps no label placed before: bubbles of similar channels often sit close together.</summary>
    private static (double X, double Y, string Anchor) PlaceLabel(double cx, double cy, double r, double width, double right, List<(double X1, double Y1, double X2, double Y2)> placed)
    {
        var anchor = cx + r + 4 + width > right ? "end" : "start";
        var x = anchor == "end" ? cx - r - 4 : cx + r + 4;
        var x1 = anchor == "end" ? x - width : x;
        foreach (var offset in new[] { 0.0, 26, -26, 52, -52, 78, -78 })
        {
            var y = cy + offset;
            var box = (x1, y - 8, x1 + width, y + 20);
            if (!placed.Any(p => p.X1 < box.Item3 && box.Item1 < p.X2 && p.Y1 < box.Item4 && box.Item2 < p.Y2))
            {
                placed.Add(box);
                return (x, y, anchor);
            }
        }

        placed.Add((x1, cy - 8, x1 + width, cy + 20));
        return (x, cy, anchor);
    }

    /// <summary>Area proportional to revenue: r = MaxRadius * sqrt(revenue / largest revenue).</summary>
    internal static double Radius(decimal? revenue, decimal maxRevenue) =>
        revenue is { } r && r > 0 && maxRevenue > 0 ? MaxRadius * Math.Sqrt((double)(r / maxRevenue)) : 0;

    /// <summary>The segments that can be placed: a defined cost per customer (some spend, at least one won) and
    /// conversion; the largest by leads first.</summary>
    internal static IReadOnlyList<SegmentSummary> Plotted(EffectivenessResult result, int max) =>
        result.Segments
            .Where(s => s.CostPerAcquisition is not null && s.ConversionRate.Value is not null)
            .OrderByDescending(s => s.Leads).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Take(Math.Max(1, max))
            .ToList();

    /// <summary>Segments left out of the chart because what a customer costs is undefined for them.</summary>
    internal static IReadOnlyList<SegmentSummary> Unplaced(EffectivenessResult result) =>
        result.Segments.Where(s => s.CostPerAcquisition is null || s.ConversionRate.Value is null).ToList();
}
