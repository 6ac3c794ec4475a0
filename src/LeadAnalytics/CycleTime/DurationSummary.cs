namespace LeadAnalytics.CycleTime;

/// <summary>Descriptive statistics of completed durations in days: count, mean, quantiles, extremes and a histogram.</summary>
/// <remarks>
/// <para>These describe only durations that ended; they are not estimates of time to convert while leads are still open
/// (use <see cref="CycleTimeSegment.TimeToWon"/> and <see cref="CycleTimeSegment.CompetingRisks"/> for that).</para>
/// <para>Negative durations (the end recorded before the start, a chronology fault of the source) are left out and
/// counted in <see cref="NegativeExcluded"/>, never clamped to zero. With no durations every statistic is
/// <see langword="null"/>. Immutable.</para>
/// </remarks>
public sealed class DurationSummary
{
    internal DurationSummary(DurationKind kind, string from, string to, int negativeExcluded, double[] sorted, double? mean,
        Statistics.QuantileMethod method, IReadOnlyList<HistogramBin> histogram)
    {
        Kind = kind;
        From = from;
        To = to;
        Count = sorted.Length;
        NegativeExcluded = negativeExcluded;
        QuantileMethod = method;
        Mean = mean;
        if (sorted.Length > 0)
        {
            Minimum = sorted[0];
            Maximum = sorted[sorted.Length - 1];
            P25 = Statistics.Quantiles.OfSorted(sorted, 0.25, method);
            Median = Statistics.Quantiles.OfSorted(sorted, 0.5, method);
            P75 = Statistics.Quantiles.OfSorted(sorted, 0.75, method);
            P90 = Statistics.Quantiles.OfSorted(sorted, 0.9, method);
        }

        Histogram = histogram;
    }

    /// <summary>What is measured.</summary>
    public DurationKind Kind { get; }

    /// <summary>The start: a stage name (the acquisition stage for the two cycle kinds).</summary>
    public string From { get; }

    /// <summary>The end: a stage name, or <see cref="Pipeline.Lost"/> for <see cref="DurationKind.AcquisitionToLost"/>.</summary>
    public string To { get; }

    /// <summary>The number of durations summarised.</summary>
    public int Count { get; }

    /// <summary>Durations left out because they were negative.</summary>
    public int NegativeExcluded { get; }

    /// <summary>The quantile definition of <see cref="P25"/>, <see cref="Median"/>, <see cref="P75"/>, <see cref="P90"/>.</summary>
    public Statistics.QuantileMethod QuantileMethod { get; }

    /// <summary>The arithmetic mean in days, or <see langword="null"/>.</summary>
    public double? Mean { get; }

    /// <summary>The median in days, or <see langword="null"/>.</summary>
    public double? Median { get; }

    /// <summary>The 25th percentile in days, or <see langword="null"/>.</summary>
    public double? P25 { get; }

    /// <summary>The 75th percentile in days, or <see langword="null"/>.</summary>
    public double? P75 { get; }

    /// <summary>The 90th percentile in days, or <see langword="null"/>.</summary>
    public double? P90 { get; }

    /// <summary>The shortest duration in days, or <see langword="null"/>.</summary>
    public double? Minimum { get; }

    /// <summary>The longest duration in days, or <see langword="null"/>.</summary>
    public double? Maximum { get; }

    /// <summary>The histogram (see <see cref="CycleTimeOptions.HistogramBinWidthDays"/> for the binning rule); empty when
    /// there are no durations.</summary>
    public IReadOnlyList<HistogramBin> Histogram { get; }
}
