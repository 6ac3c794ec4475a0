namespace LeadAnalytics.CycleTime;

/// <summary>The columns behind a <see cref="CumulativeIncidenceCurve"/>: one entry per distinct time, K per time for the
/// per-cause columns (index row·K + k - 1).</summary>
internal sealed class CumulativeIncidenceColumns
{
    internal CumulativeIncidenceColumns(int rows, int causes)
    {
        Causes = causes;
        Times = new double[rows];
        AtRisk = new int[rows];
        Censored = new int[rows];
        Survival = new double[rows];
        SurvivalStandardError = new double[rows];
        SurvivalLower = new double?[rows];
        SurvivalUpper = new double?[rows];
        Events = new int[rows * causes];
        Incidence = new double[rows * causes];
        IncidenceStandardError = new double[rows * causes];
        IncidenceLower = new double?[rows * causes];
        IncidenceUpper = new double?[rows * causes];
    }

    internal int Causes { get; }

    internal double[] Times { get; }

    internal int[] AtRisk { get; }

    internal int[] Censored { get; }

    internal double[] Survival { get; }

    internal double[] SurvivalStandardError { get; }

    internal double?[] SurvivalLower { get; }

    internal double?[] SurvivalUpper { get; }

    internal int[] Events { get; }

    internal double[] Incidence { get; }

    internal double[] IncidenceStandardError { get; }

    internal double?[] IncidenceLower { get; }

    internal double?[] IncidenceUpper { get; }

    internal CumulativeIncidenceRow Row(int row)
    {
        var k = Causes;
        var from = row * k;
        return new CumulativeIncidenceRow(
            Times[row], AtRisk[row], Slice(Events, from, k), Censored[row], Survival[row], Slice(Incidence, from, k),
            SurvivalStandardError[row], SurvivalLower[row], SurvivalUpper[row],
            Slice(IncidenceStandardError, from, k), Slice(IncidenceLower, from, k), Slice(IncidenceUpper, from, k));
    }

    private static T[] Slice<T>(T[] source, int from, int count)
    {
        var slice = new T[count];
        Array.Copy(source, from, slice, 0, count);
        return slice;
    }
}
