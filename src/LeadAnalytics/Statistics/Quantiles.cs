namespace LeadAnalytics.Statistics;

/// <summary>Sample quantiles with an explicit definition.</summary>
public static class Quantiles
{
    /// <summary>The p-quantile of ascending-sorted data.</summary>
    /// <param name="sorted">The data, sorted ascending, without NaN.</param>
    /// <param name="p">The probability in [0, 1].</param>
    /// <param name="method">The definition; R's default type 7 unless stated.</param>
    /// <returns>The quantile, or <see langword="null"/> when <paramref name="sorted"/> is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or the method is unknown.</exception>
    public static double? OfSorted(IReadOnlyList<double> sorted, double p, QuantileMethod method = QuantileMethod.R7)
    {
        Preconditions.CheckNotNull(sorted);

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie in [0, 1].");
        }

        var n = sorted.Count;
        if (n == 0)
        {
            return null;
        }

        var h = Position(n, p, method);
        if (h <= 1)
        {
            return sorted[0];
        }

        if (h >= n)
        {
            return sorted[n - 1];
        }

        var lo = (int)Math.Floor(h);
        var frac = h - lo;
        var a = sorted[lo - 1];
        var b = sorted[lo];
        return frac == 0 ? a : a + (frac * (b - a));
    }

    /// <summary>The p-quantile of unsorted data (copied and sorted; the input is not changed).</summary>
    /// <param name="data">The data, without NaN.</param>
    /// <param name="p">The probability in [0, 1].</param>
    /// <param name="method">The definition.</param>
    /// <returns>The quantile, or <see langword="null"/> when <paramref name="data"/> is empty.</returns>
    public static double? Of(IEnumerable<double> data, double p, QuantileMethod method = QuantileMethod.R7)
    {
        Preconditions.CheckNotNull(data);

        var copy = data.ToArray();
        Array.Sort(copy);
        return OfSorted(copy, p, method);
    }

    /// <summary>The p-quantile of a slice of unsorted data, found by selection in linear time; the slice is reordered.</summary>
    internal static double? OfSlice(double[] data, int start, int count, double p, QuantileMethod method)
    {
        if (count == 0)
        {
            return null;
        }

        var h = Position(count, p, method);
        if (h <= 1)
        {
            return Select(data, start, start + count - 1, start);
        }

        if (h >= count)
        {
            return Select(data, start, start + count - 1, start + count - 1);
        }

        var lo = (int)Math.Floor(h);
        var frac = h - lo;
        var k = start + lo - 1;
        var a = Select(data, start, start + count - 1, k);
        if (frac == 0)
        {
            return a;
        }

        // After selection everything right of k is at least a[k]: the next order statistic is their minimum.
        var b = data[k + 1];
        for (var i = k + 2; i < start + count; i++)
        {
            if (data[i] < b)
            {
                b = data[i];
            }
        }

        return a + (frac * (b - a));
    }

    // The p-quantile of a sorted sample of n values read through orderStatistic (0-based rank to value), with the arithmetic of
    // OfSorted: samples stored another way (counts per value) give the identical double.
    internal static double Interpolate(long n, double p, QuantileMethod method, Func<long, double> orderStatistic)
    {
        var h = Position(n, p, method);
        if (h <= 1)
        {
            return orderStatistic(0);
        }

        if (h >= n)
        {
            return orderStatistic(n - 1);
        }

        var lo = (long)Math.Floor(h);
        var frac = h - lo;
        var a = orderStatistic(lo - 1);
        return frac == 0 ? a : a + (frac * (orderStatistic(lo) - a));
    }

    // h, the 1-based fractional position of the quantile (Hyndman and Fan 1996).
    private static double Position(long n, double p, QuantileMethod method) => method switch
    {
        QuantileMethod.R7 => ((n - 1) * p) + 1,
        QuantileMethod.R8 => ((n + (1.0 / 3)) * p) + (1.0 / 3),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown quantile method."),
    };

    // Puts the k-th smallest of data[left..right] at k (smaller values before it, larger after) and returns it.
    private static double Select(double[] data, int left, int right, int k)
    {
        QuickSelect.Select(data, left, right, k, default(QuickSelect.DoubleOrder));
        return data[k];
    }
}
