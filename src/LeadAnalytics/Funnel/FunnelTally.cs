namespace LeadAnalytics.Funnel;

/// <summary>The integer counts and the sorted step durations of one segment: everything a result is computed from,
/// and exactly mergeable (counts add, sorted durations merge).</summary>
internal sealed class FunnelTally
{
    internal FunnelTally(long[] cells, int[][] durations, MaturityTally? maturity = null)
    {
        Cells = cells;
        Durations = durations;
        Maturity = maturity;
    }

    // The outcome times behind maturity and projected conversion; null when the options do not ask for them.
    internal MaturityTally? Maturity { get; }

    // Laid out as FunnelLayout describes.
    internal long[] Cells { get; }

    // Per step, ascending, in whole seconds.
    internal int[][] Durations { get; }

    internal long Leads(FunnelLayout layout)
    {
        long total = 0;
        for (var i = 0; i < layout.DurationOffset; i++)
        {
            total += Cells[i];
        }

        return total;
    }

    internal static FunnelTally Empty(FunnelLayout layout, bool withMaturity = false)
    {
        var durations = new int[layout.Steps][];
        for (var k = 0; k < durations.Length; k++)
        {
            durations[k] = Array.Empty<int>();
        }

        return new FunnelTally(new long[layout.Stride], durations, withMaturity ? MaturityTally.Empty : null);
    }

    internal static FunnelTally Merge(FunnelTally a, FunnelTally b)
    {
        var cells = new long[a.Cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = a.Cells[i] + b.Cells[i];
        }

        var durations = new int[a.Durations.Length][];
        for (var k = 0; k < durations.Length; k++)
        {
            durations[k] = MergeSorted(a.Durations[k], b.Durations[k]);
        }

        var maturity = a.Maturity is { } ma && b.Maturity is { } mb ? MaturityTally.Merge(ma, mb) : null;
        return new FunnelTally(cells, durations, maturity);
    }

    internal FunnelTally WithMaturity(MaturityTally maturity) => new(Cells, Durations, maturity);

    private static int[] MergeSorted(int[] a, int[] b)
    {
        if (a.Length == 0)
        {
            return b;
        }

        if (b.Length == 0)
        {
            return a;
        }

        var merged = new int[a.Length + b.Length];
        int i = 0, j = 0, m = 0;
        while (i < a.Length && j < b.Length)
        {
            merged[m++] = a[i] <= b[j] ? a[i++] : b[j++];
        }

        while (i < a.Length)
        {
            merged[m++] = a[i++];
        }

        while (j < b.Length)
        {
            merged[m++] = b[j++];
        }

        return merged;
    }
}
