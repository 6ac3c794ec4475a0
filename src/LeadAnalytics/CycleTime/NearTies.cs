namespace LeadAnalytics.CycleTime;

/// <summary>R survival's <c>aeqSurv</c> (<c>timefix = TRUE</c>): times that differ only by floating-point noise are one time.</summary>
internal static class NearTies
{
    /// <summary>Replaces, in ascending-sorted <paramref name="sorted"/>, each run of distinct times whose successive gaps are at
    /// most 1.5e-8 absolutely or relative to the mean absolute distinct time by the run's first time.</summary>
    internal static void Merge(double[] sorted)
    {
        if (sorted.Length < 2)
        {
            return;
        }

        var sum = 0.0;
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                sum += Math.Abs(sorted[i]);
                distinct++;
            }
        }

        var mean = sum / distinct;
        var tolerance = SurvivalMath.Tolerance;
        var cut = sorted[0];
        var previous = sorted[0];
        for (var i = 1; i < sorted.Length; i++)
        {
            var t = sorted[i];
            if (t != previous)
            {
                var gap = t - previous;
                if (!(gap <= tolerance || gap / mean <= tolerance))
                {
                    cut = t;
                }

                previous = t;
            }

            sorted[i] = cut;
        }
    }

    /// <summary>The same merge on subjects counted per distinct time (<paramref name="times"/> ascending and distinct,
    /// <paramref name="counts"/>[label][j] at times[j]): each run of near-tied times becomes one row at the run's first time,
    /// its counts added. The tolerance depends on the distinct times only, so this is <see cref="Merge(double[])"/> on the listed
    /// subjects, counted per distinct time.</summary>
    internal static (double[] Times, int[][] Counts) Merge(double[] times, int[][] counts)
    {
        var merged = (double[])times.Clone();
        Merge(merged);
        var rows = 0;
        for (var j = 0; j < merged.Length; j++)
        {
            if (j == 0 || merged[j] != merged[j - 1])
            {
                rows++;
            }
        }

        if (rows == merged.Length)
        {
            return (times, counts);
        }

        var outTimes = new double[rows];
        var outCounts = new int[counts.Length][];
        for (var l = 0; l < counts.Length; l++)
        {
            outCounts[l] = new int[rows];
        }

        var row = -1;
        for (var j = 0; j < merged.Length; j++)
        {
            if (j == 0 || merged[j] != merged[j - 1])
            {
                outTimes[++row] = merged[j];
            }

            for (var l = 0; l < counts.Length; l++)
            {
                outCounts[l][row] = checked(outCounts[l][row] + counts[l][j]);
            }
        }

        return (outTimes, outCounts);
    }
}
