using LeadAnalytics.Funnel;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>The funnel: one centred bar per stage, its length proportional to the leads that reached the stage, and
/// between two bars the step's resolved drop-off with its interval. The bottleneck step is drawn in red and labelled.</summary>
internal static class FunnelChart
{
    private const double BarHeight = 28;
    private const double StepHeight = 24;
    private const double Top = 8;

    public static string Draw(FunnelResult funnel, ChartOptions options)
    {
        var width = options.CheckedWidth;
        var text = options.Text;
        var stages = funnel.Stages;
        var labelWidth = 0.0;
        foreach (var s in stages)
        {
            labelWidth = Math.Max(labelWidth, TextMetrics.Width(text.StageName(s.Stage), 12));
        }

        labelWidth = Math.Min(labelWidth, width * 0.3);
        const double valueWidth = 120;
        var left = 8 + labelWidth + 12;
        var right = width - valueWidth - 8;
        var centre = (left + right) / 2;
        var scale = new LinearScale(0, Math.Max(1, funnel.Leads), 0, right - left);
        var height = Top + (stages.Count * BarHeight) + ((stages.Count - 1) * StepHeight) + 8;
        var bottleneck = funnel.Bottleneck?.Step;

        var svg = new SvgBuilder(width, height, text.FunnelTitle(funnel.Leads, funnel.Won), "funnel-chart");
        var y = Top;
        for (var k = 0; k < stages.Count; k++)
        {
            var stage = stages[k];
            var barWidth = scale.Length(stage.Reach);
            var label = TextMetrics.Fit(text.StageName(stage.Stage), 12, labelWidth);
            svg.Open("g", ("class", "stage"), ("data-stage", stage.Stage.Name), ("data-reach", stage.Reach));
            svg.Text(left - 12, y + (BarHeight / 2) + 4, label, ("text-anchor", "end"), ("fill", Palette.Text), ("class", "stage-label"));
            svg.Open("rect", ("class", "funnel-bar"), ("x", centre - (barWidth / 2)), ("y", y), ("width", barWidth), ("height", BarHeight),
                ("fill", k == stages.Count - 1 ? Palette.Won : Palette.Bar), ("rx", 2));
            svg.Element("title", text.StageTitle(text.StageName(stage.Stage), stage.Reach, Format.Percent(stage.ShareOfLeads.Value)));
            svg.Close();
            svg.Text(right + 8, y + (BarHeight / 2) + 4, $"{Format.Count(stage.Reach)} · {Format.Percent(stage.ShareOfLeads.Value)}",
                ("fill", Palette.Text), ("class", "stage-value"));
            svg.Close();
            y += BarHeight;

            if (k < funnel.Steps.Count && k < stages.Count - 1)
            {
                var step = funnel.Steps[k];
                var isBottleneck = bottleneck is not null && step.Index == bottleneck.Index;
                var dropOff = step.Resolved.DropOff;
                var stepText = text.StepDropOff(Format.Rate(dropOff)) + (step.Open > 0 ? " · " + text.StillOpen(step.Open) : string.Empty);
                svg.Open("g", ("class", isBottleneck ? "step bottleneck" : "step"), ("data-from", step.From.Name), ("data-to", step.To.Name),
                    ("data-drop-off", dropOff.Value));
                if (isBottleneck)
                {
                    // A red band behind the gap and a label: the one thing the reader should see first.
                    svg.Empty("rect", ("class", "bottleneck-marker"), ("x", left), ("y", y + 2), ("width", right - left), ("height", StepHeight - 4),
                        ("fill", "#fdecea"), ("stroke", Palette.Bottleneck), ("stroke-width", 1), ("rx", 3));
                    stepText = text.BottleneckMark + stepText;
                }

                svg.Text(centre, y + (StepHeight / 2) + 4, stepText, ("text-anchor", "middle"), ("class", "step-label"),
                    ("fill", isBottleneck ? Palette.Bottleneck : Palette.Muted), ("font-weight", isBottleneck ? "bold" : null), ("font-size", "11"));
                svg.Close();
                y += StepHeight;
            }
        }

        return svg.Build();
    }
}
