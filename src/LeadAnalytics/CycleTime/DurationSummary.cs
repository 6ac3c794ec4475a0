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
    // From the durations counted per value (whole seconds) and the unit (seconds per day): the same figures as from the
    // sorted durations in days, with the same arithmetic, without expanding them.
    internal DurationSummary(DurationKind kind, string from, string to, int negativeExcluded, Data.DurationCounts durations, double unit,
        Statistics.QuantileMethod method, double? binWidth, int maxBins)
    {
        Kind = kind;
        From = from;
        To = to;
        Count = (int)durations.Total;
        NegativeExcluded = negativeExcluded;
        QuantileMethod = method;
        if (durations.Total > 0)
        {
            // Summed in ascending order, one duration at a time, as over the sorted array.
            var sum = 0.0;
            for (var i = 0; i < durations.Distinct; i++)
            {
                var days = durations.ValueAt(i) / unit;
                for (var c = durations.CountAt(i); c > 0; c--)
                {
                    sum += days;
                }
            }

            Mean = sum / durations.Total;
            Minimum = durations.ValueAt(0) / unit;
            Maximum = durations.Max / unit;
            P25 = durations.Quantile(0.25, method, unit);
            Median = durations.Quantile(0.5, method, unit);
            P75 = durations.Quantile(0.75, method, unit);
            P90 = durations.Quantile(0.9, method, unit);
        }

        Histogram = CycleTime.Histogram.Build(durations, unit, binWidth, maxBins);
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
