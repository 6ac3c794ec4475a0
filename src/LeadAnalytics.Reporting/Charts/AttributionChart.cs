using LeadAnalytics.Attribution;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>Attribution models side by side: per channel (or other key) one bar per model, its length the conversions
/// the model credits. Where the bars of a channel disagree, the answer depends on the model. With bootstrap intervals
/// (<see cref="AttributionOptions.Intervals"/>) each bar carries a whisker from the lower to the upper limit.</summary>
internal static class AttributionChart
{
    private const double BarHeight = 9;
    private const double BarGap = 1;
    private const double GroupGap = 12;
    private const double Top = 8;
    private const double AxisHeight = 40;

    public static string Draw(AttributionComparison comparison, ChartOptions options)
    {
        var width = options.CheckedWidth;
        var text = options.Text;
        var models = comparison.Results;
        var keys = OrderedKeys(comparison);
        var labelWidth = 40.0;
        var max = 0.0;
        foreach (var key in keys)
        {
            labelWidth = Math.Max(labelWidth, TextMetrics.Width(key, 12));
            foreach (var result in models)
            {
                var credit = result.Find(key);
                max = Math.Max(max, Math.Max(credit?.Conversions ?? 0, credit?.Interval?.Upper ?? 0));
            }
        }

        labelWidth = Math.Min(labelWidth, width * 0.3);
        var legend = models.Select((m, i) => (text.ModelName(m.Model), Palette.Color(i))).ToList();
        var legendHeight = Axes.LegendHeight(width - 16, legend.Select(l => l.Item1));
        var left = 8 + labelWidth + 12;
        var right = width - 56;
        var groupHeight = (models.Count * (BarHeight + BarGap)) - BarGap;
        var plotTop = Top + legendHeight + 8;
        var plotBottom = plotTop + (keys.Count * (groupHeight + GroupGap));
        var x = new LinearScale(0, LinearScale.NiceMax(max, 6), left, right);
        var svg = new SvgBuilder(width, plotBottom + AxisHeight, text.AttributionTitle, "attribution-chart");
        Axes.Legend(svg, 8, Top, width - 16, legend);
        Axes.Bottom(svg, x, plotBottom, plotTop, 6, percent: false, text.ConversionsCredited);
        var y = plotTop + (GroupGap / 2);
        foreach (var key in keys)
        {
            svg.Open("g", ("class", "group"), ("data-key", key));
            svg.Text(left - 12, y + (groupHeight / 2) + 4, TextMetrics.Fit(key, 12, labelWidth), ("text-anchor", "end"), ("fill", Palette.Text), ("class", "group-label"));
            for (var m = 0; m < models.Count; m++)
            {
                var credit = models[m].Find(key);
                var conversions = credit?.Conversions ?? 0;
                var interval = credit?.Interval;
                var barY = y + (m * (BarHeight + BarGap));
                var value = Format.Number(conversions, "0.0");
                var tooltip = interval is null ? value : $"{value} [{Format.Number(interval.Lower, "0.0")}, {Format.Number(interval.Upper, "0.0")}]";
                svg.Open("rect", ("class", "bar"), ("data-model", models[m].Model.ToString()), ("data-value", conversions),
                    ("x", left), ("y", barY), ("width", x.Length(conversions)), ("height", BarHeight), ("fill", Palette.Color(m)));
                svg.Element("title", text.ConversionsOf(key, text.ModelName(models[m].Model), tooltip));
                svg.Close();
                var labelX = left + x.Length(conversions);
                if (interval is not null)
                {
                    // The whisker: the interval's span at mid-bar, with short caps at both limits.
                    var mid = barY + (BarHeight / 2);
                    var lo = left + x.Length(Math.Max(0, interval.Lower));
                    var hi = left + x.Length(interval.Upper);
                    svg.Open("g", ("class", "whisker"), ("data-lower", interval.Lower), ("data-upper", interval.Upper), ("stroke", Palette.Text), ("stroke-width", 1));
                    svg.Empty("line", ("x1", lo), ("y1", mid), ("x2", hi), ("y2", mid));
                    svg.Empty("line", ("x1", lo), ("y1", barY + 1), ("x2", lo), ("y2", barY + BarHeight - 1));
                    svg.Empty("line", ("x1", hi), ("y1", barY + 1), ("x2", hi), ("y2", barY + BarHeight - 1));
                    svg.Close();
                    labelX = Math.Max(labelX, hi);
                }

                svg.Text(labelX + 3, barY + BarHeight - 1, value, ("fill", Palette.Muted), ("font-size", "9"), ("class", "bar-value"));
            }

            svg.Close();
            y += groupHeight + GroupGap;
        }

        return svg.Build();
    }

    /// <summary>Keys by mean credit across the models, most credited first (ties by key), so the big channels lead.</summary>
    internal static IReadOnlyList<string> OrderedKeys(AttributionComparison comparison) =>
        comparison.Keys
            .OrderByDescending(k => comparison.Results.Sum(r => r.Find(k)?.Conversions ?? 0))
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
}
