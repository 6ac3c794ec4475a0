namespace LeadAnalytics.Reporting.Svg;

/// <summary>Maps a data interval onto a pixel interval, with round tick values for the axis.</summary>
internal readonly struct LinearScale
{
    public LinearScale(double domainMin, double domainMax, double rangeMin, double rangeMax)
    {
        DomainMin = domainMin;
        DomainMax = domainMax > domainMin ? domainMax : domainMin + 1;
        RangeMin = rangeMin;
        RangeMax = rangeMax;
    }

    public double DomainMin { get; }

    public double DomainMax { get; }

    public double RangeMin { get; }

    public double RangeMax { get; }

    public double Map(double value) => RangeMin + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeMax - RangeMin));

    /// <summary>Length in pixels of a data length (for bars starting at zero).</summary>
    public double Length(double value) => Math.Abs(value / (DomainMax - DomainMin) * (RangeMax - RangeMin));

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving about <paramref name="count"/> ticks.</summary>
    public static double NiceStep(double span, int count)
    {
        if (span <= 0)
        {
            return 1;
        }

        var raw = span / Math.Max(1, count);
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>The smallest round value at or above <paramref name="max"/> on a grid of about <paramref name="count"/> steps from zero.</summary>
    public static double NiceMax(double max, int count)
    {
        if (max <= 0)
        {
            return 1;
        }

        var step = NiceStep(max, count);
        return Math.Ceiling((max / step) - 1e-9) * step;
    }

    /// <summary>Tick values from the domain minimum to its maximum, a round step apart.</summary>
    public IReadOnlyList<double> Ticks(int count)
    {
        var step = NiceStep(DomainMax - DomainMin, count);
        var ticks = new List<double>();
        var first = Math.Ceiling((DomainMin / step) - 1e-9) * step;
        for (var k = 0; ; k++)
        {
            var t = first + (k * step);
            if (t > DomainMax + (step * 1e-9))
            {
                break;
            }

            // Round away binary noise so a tick reads 0.3, not 0.30000000000000004.
            ticks.Add(Math.Round(t, 10));
        }

        return ticks;
    }
}
