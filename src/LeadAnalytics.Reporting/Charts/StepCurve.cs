using System.Text;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Charts;

/// <summary>A right-continuous step function (a survival or incidence curve) and its pointwise band, as SVG path data.</summary>
internal sealed class StepCurve
{
    private readonly List<double> _times = new();
    private readonly List<double> _values = new();
    private readonly List<double> _lower = new();
    private readonly List<double> _upper = new();

    /// <summary>Starts the curve at time 0 with its initial value (1 for survival, 0 for incidence).</summary>
    public StepCurve(double initial)
    {
        Add(0, initial, initial, initial);
    }

    /// <summary>The time the curve is drawn to (its last observation, events or censorings).</summary>
    public double End { get; set; }

    public int Count => _times.Count;

    /// <summary>Adds a jump at <paramref name="time"/> to <paramref name="value"/>, with band limits (the value itself when
    /// a limit is undefined, so the band narrows to the line rather than disappearing).</summary>
    public void Add(double time, double value, double? lower, double? upper)
    {
        _times.Add(time);
        _values.Add(value);
        _lower.Add(lower ?? value);
        _upper.Add(upper ?? value);
    }

    /// <summary>"M x y H x V y ... H x": horizontal then vertical moves only, so the path is a true step function.</summary>
    public string LinePath(LinearScale x, LinearScale y, double horizon)
    {
        var end = Math.Min(End, horizon);
        var path = new StringBuilder();
        path.Append("M ").Append(SvgBuilder.Number(x.Map(0))).Append(' ').Append(SvgBuilder.Number(y.Map(_values[0])));
        for (var i = 1; i < _times.Count && _times[i] <= end; i++)
        {
            path.Append(" H ").Append(SvgBuilder.Number(x.Map(_times[i])));
            path.Append(" V ").Append(SvgBuilder.Number(y.Map(_values[i])));
        }

        path.Append(" H ").Append(SvgBuilder.Number(x.Map(end)));
        return path.ToString();
    }

    /// <summary>The band as one closed polygon: the upper limits forward, the lower limits back.</summary>
    public string BandPath(LinearScale x, LinearScale y, double horizon)
    {
        var end = Math.Min(End, horizon);
        var last = 0;
        while (last + 1 < _times.Count && _times[last + 1] <= end)
        {
            last++;
        }

        var path = new StringBuilder();
        for (var i = 0; i <= last; i++)
        {
            var to = i < last ? _times[i + 1] : end;
            path.Append(i == 0 ? "M " : " L ").Append(SvgBuilder.Number(x.Map(_times[i]))).Append(' ').Append(SvgBuilder.Number(y.Map(_upper[i])));
            path.Append(" L ").Append(SvgBuilder.Number(x.Map(to))).Append(' ').Append(SvgBuilder.Number(y.Map(_upper[i])));
        }

        for (var i = last; i >= 0; i--)
        {
            var to = i < last ? _times[i + 1] : end;
            path.Append(" L ").Append(SvgBuilder.Number(x.Map(to))).Append(' ').Append(SvgBuilder.Number(y.Map(_lower[i])));
            path.Append(" L ").Append(SvgBuilder.Number(x.Map(_times[i]))).Append(' ').Append(SvgBuilder.Number(y.Map(_lower[i])));
        }

        return path.Append(" Z").ToString();
    }

    public double MaxUpper(double horizon)
    {
        var max = 0.0;
        for (var i = 0; i < _times.Count && _times[i] <= horizon; i++)
        {
            max = Math.Max(max, Math.Max(_upper[i], _values[i]));
        }

        return max;
    }

    /// <summary>The last jump time (or 0): where an automatic horizon ends.</summary>
    public double LastJump => _times[_times.Count - 1];
}
