namespace LeadAnalytics.Attribution;

/// <summary>Compensated (Neumaier) summation: credits add up many small shares, and plain summation would lose the last digits
/// that the 1e-9 conservation law needs on large inputs.</summary>
internal struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    internal readonly double Value => _sum + _compensation;

    internal void Add(double x)
    {
        var t = _sum + x;
        if (Math.Abs(_sum) >= Math.Abs(x))
        {
            _compensation += (_sum - t) + x;
        }
        else
        {
            _compensation += (x - t) + _sum;
        }

        _sum = t;
    }

    /// <summary>Adds x to element i of compensated per-key accumulators.</summary>
    internal static void Add(double[] sums, double[] compensations, int i, double x)
    {
        var s = sums[i];
        var t = s + x;
        if (Math.Abs(s) >= Math.Abs(x))
        {
            compensations[i] += (s - t) + x;
        }
        else
        {
            compensations[i] += (x - t) + s;
        }

        sums[i] = t;
    }

    internal static double[] Totals(double[] sums, double[] compensations)
    {
        var result = new double[sums.Length];
        for (var i = 0; i < sums.Length; i++)
        {
            result[i] = sums[i] + compensations[i];
        }

        return result;
    }
}
