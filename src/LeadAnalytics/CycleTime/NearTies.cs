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
}
