using LeadAnalytics.Actions;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>The action tracker: per action a track from its baseline (0) to its target (1), a bar to the progress made
/// (negative when the metric moved the wrong way, past 1 beyond the target), a tick where the schedule stands, and the
/// status as a coloured badge.</summary>
internal static class ActionChart
{
    private const double RowHeight = 34;
    private const double BarHeight = 12;
    private const double Top = 22;
    private const double BadgeWidth = 92;

    public static string Draw(ActionResult report, ChartOptions options)
    {
        var width = options.CheckedWidth;
        var text = options.Text;
        var rows = report.Evaluations;
        var labelWidth = 40.0;
        var min = 0.0;
        var max = 1.0;
        foreach (var e in rows)
        {
            labelWidth = Math.Max(labelWidth, TextMetrics.Width(Label(e), 12));
            if (e.Progress is { } p)
            {
                // Far-off values are clipped (and marked) so that the target stays readable.
                min = Math.Min(min, Math.Max(-1, p));
                max = Math.Max(max, Math.Min(2, p));
            }
        }

        labelWidth = Math.Min(labelWidth, width * 0.38);
        var left = 8 + labelWidth + 12;
        var right = width - BadgeWidth - 20;
        var x = new LinearScale(min, max, left, right);
        var height = Top + (Math.Max(1, rows.Count) * RowHeight) + 8;
        var svg = new SvgBuilder(width, height, text.ActionsTitle(report.AsOf), "action-chart");
        svg.Open("g", ("class", "axis x-axis"));
        foreach (var (value, tick) in new[] { (0.0, text.BaselineTick), (1.0, text.TargetTick) })
        {
            var px = x.Map(value);
            svg.Empty("line", ("x1", px), ("x2", px), ("y1", Top - 4), ("y2", height - 8), ("stroke", value == 1 ? Palette.Won : Palette.Axis),
                ("stroke-dasharray", value == 1 ? "4 3" : null));
            svg.Text(px, Top - 8, tick, ("text-anchor", "middle"), ("fill", Palette.Muted), ("font-size", "11"), ("class", "tick"), ("data-value", value));
        }

        svg.Close();
        var y = Top;
        foreach (var e in rows)
        {
            var mid = y + (RowHeight / 2);
            var color = StatusColor(e.Status);
            svg.Open("g", ("class", "action"), ("data-id", e.Action.Id), ("data-status", e.Status.ToString()), ("data-progress", e.Progress));
            svg.Text(left - 12, mid + 4, TextMetrics.Fit(Label(e), 12, labelWidth), ("text-anchor", "end"), ("fill", Palette.Text), ("class", "action-label"));
            svg.Empty("rect", ("class", "track"), ("x", x.Map(0)), ("y", mid - (BarHeight / 2)), ("width", x.Length(1)), ("height", BarHeight), ("fill", "#eef0f3"));
            if (e.Progress is { } progress)
            {
                var shown = Math.Max(min, Math.Min(max, progress));
                var from = Math.Min(0, shown);
                svg.Open("rect", ("class", "progress"), ("x", x.Map(from)), ("y", mid - (BarHeight / 2)), ("width", x.Length(Math.Abs(shown))),
                    ("height", BarHeight), ("fill", color));
                svg.Element("title", text.ProgressTitle(e.Action.Id, Format.Percent(progress, 0)));
                svg.Close();
                var value = Format.Percent(progress, 0) + (shown != progress ? text.Clipped : string.Empty);
                svg.Text(x.Map(Math.Max(0, shown)) + 4, mid + 4, value, ("fill", Palette.Text), ("font-size", "10"), ("class", "progress-value"));
            }
            else
            {
                var why = e.TargetMetAtBaseline == true ? text.MetAtBaseline
                    : e.Current?.Value is null ? text.NotMeasurable
                    : text.NoBaseline;
                svg.Text(x.Map(0) + 4, mid + 4, why, ("fill", Palette.Muted), ("font-size", "10"), ("class", "progress-value"));
            }

            // Where the schedule stands: progress behind this tick while the action is open means at risk.
            var scheduleX = x.Map(Math.Max(min, Math.Min(max, e.ScheduleElapsed)));
            svg.Empty("line", ("class", "schedule"), ("x1", scheduleX), ("x2", scheduleX), ("y1", mid - BarHeight), ("y2", mid + BarHeight),
                ("stroke", Palette.Text), ("stroke-width", 1.5), ("data-value", e.ScheduleElapsed));
            var badgeX = width - BadgeWidth - 8;
            svg.Empty("rect", ("class", "badge"), ("x", badgeX), ("y", mid - 10), ("width", BadgeWidth), ("height", 20), ("rx", 10), ("fill", color));
            svg.Text(badgeX + (BadgeWidth / 2), mid + 4, text.Status(e.Status), ("text-anchor", "middle"), ("fill", "#ffffff"), ("font-size", "11"),
                ("font-weight", "bold"), ("class", "status"));
            svg.Close();
            y += RowHeight;
        }

        return svg.Build();
    }

    internal static string Label(ActionEvaluation e) => $"{e.Action.Id} {e.Action.Target}";

    internal static string StatusColor(ActionStatus status) => status switch
    {
        ActionStatus.OnTrack => "#1565c0",
        ActionStatus.AtRisk => "#b26a00",
        ActionStatus.Achieved => Palette.Won,
        ActionStatus.Missed => Palette.Lost,
        ActionStatus.Overdue => "#6a1b9a",
        _ => "#757575",
    };
}
