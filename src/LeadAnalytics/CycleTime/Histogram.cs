namespace LeadAnalytics.CycleTime;

/// <summary>The histogram rule of <see cref="CycleTimeOptions.HistogramBinWidthDays"/>.</summary>
internal static class Histogram
{
    private static readonly double[] NiceSteps = { 1, 2, 2.5, 5, 10 };

    // The bins of durations counted per value (whole seconds), in days (unit: seconds per day).
    internal static IReadOnlyList<HistogramBin> Build(Data.DurationCounts durations, double unit, double? binWidth, int maxBins)
    {
        if (durations.Total == 0)
        {
            return Array.Empty<HistogramBin>();
        }

        var max = durations.Max / unit;
        double width;
        if (binWidth is { } w)
        {
            width = w;
        }
        else if (max > 0)
        {
            // Sturges' count, as R's hist() (which then also rounds its breaks to "pretty" values).
            var sturges = (int)Math.Ceiling(Math.Log(durations.Total, 2)) + 1;
            width = Nice(max / sturges);
        }
        else
        {
            width = 1;
        }

        var bins = BinCount(max, width);
        if (bins > maxBins)
        {
            width = Nice(max / maxBins);
            bins = BinCount(max, width);
            while (bins > maxBins)
            {
                width = Nice(width * 1.0000001);
                bins = BinCount(max, width);
            }
        }

        var counts = new int[bins];
        for (var k = 0; k < durations.Distinct; k++)
        {
            var i = (int)Math.Floor(durations.ValueAt(k) / unit / width);
            counts[i >= bins ? bins - 1 : i] += (int)durations.CountAt(k);
        }

        var result = new HistogramBin[bins];
        for (var i = 0; i < bins; i++)
        {
            result[i] = new HistogramBin(i * width, (i + 1) * width, counts[i]);
        }

        return result;
    }

    private static int BinCount(double max, double width)
    {
        var bins = Math.Ceiling(max / width);
        return bins < 1 ? 1 : bins > int.MaxValue / 2 ? int.MaxValue / 2 : (int)bins;
    }

    // The smallest of 1, 2, 2.5, 5 times a power of ten that is at least x.
    internal static double Nice(double x)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(x)));
        foreach (var step in NiceSteps)
        {
            if (step * power >= x * (1 - 1e-12))
            {
                return step * power;
            }
        }

        return 10 * power;
    }
}
