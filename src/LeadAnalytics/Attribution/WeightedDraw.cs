namespace LeadAnalytics.Attribution;

/// <summary>
/// Draws rows with probability proportional to a weight in O(1) per draw (Vose's alias method): the multinomial resampling of
/// one stratum of journeys. With equal weights (one lead, one journey) every row's probability is 1 and a draw is one uniform
/// index. Built once per analysis, in row order, so the table is the same on every run.
/// </summary>
internal sealed class WeightedDraw
{
    private readonly int[] _rows;
    private readonly double[] _probability;
    private readonly int[] _alias;

    internal WeightedDraw(double[] weights)
    {
        var rows = new List<int>();
        var total = 0.0;
        for (var r = 0; r < weights.Length; r++)
        {
            if (weights[r] > 0)
            {
                rows.Add(r);
                total += weights[r];
            }
        }

        _rows = rows.ToArray();
        Total = total;
        var n = _rows.Length;
        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[_rows[i]] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        while (large.Count > 0)
        {
            _probability[large.Pop()] = 1;
        }

        while (small.Count > 0)
        {
            _probability[small.Pop()] = 1; // rounding left it a hair under 1
        }

        // The number of draws of a replicate: the stratum's size (whole journeys; weighted counts round to the nearest whole).
        Draws = (int)Math.Round(total, MidpointRounding.AwayFromZero);
    }

    internal double Total { get; }

    internal int Draws { get; }

    internal int Count => _rows.Length;

    /// <summary>Adds one replicate's draws to the per-row counts.</summary>
    internal void Draw(ref BootstrapRandom random, int[] counts)
    {
        var n = _rows.Length;
        if (n == 0)
        {
            return;
        }

        for (var d = 0; d < Draws; d++)
        {
            var i = random.NextInt(n);
            if (_probability[i] < 1 && random.NextDouble() >= _probability[i])
            {
                i = _alias[i];
            }

            counts[_rows[i]]++;
        }
    }
}
