using LeadAnalytics.Statistics;

namespace LeadAnalytics.CycleTime;

/// <summary>How <see cref="CycleTimeAnalyzer"/> computes cycle-time statistics. Every convention is explicit; the
/// defaults follow R.</summary>
public sealed class CycleTimeOptions
{
    /// <summary>The dimension to break results down by, or <see langword="null"/> (the default) for the overall view only.
    /// With <see cref="Dimension.Tag"/> a lead counts in each of its tags, and no log-rank test is made (the groups overlap).</summary>
    public Dimension? SegmentBy { get; init; }

    /// <summary>The quantile definition of the descriptive duration statistics; <see cref="QuantileMethod.R7"/> (R's
    /// default) unless set.</summary>
    public QuantileMethod QuantileMethod { get; init; } = QuantileMethod.R7;

    /// <summary>Kaplan-Meier options for time to won (durations in days). When its
    /// <see cref="KaplanMeierOptions.RestrictedMeanHorizon"/> is null, every segment uses the longest observed
    /// acquisition-to-outcome duration of the whole analysis (R's <c>rmean = "common"</c>), so segments compare. Its confidence
    /// level and transform also apply to the competing-risks limits.</summary>
    public KaplanMeierOptions Survival { get; init; } = KaplanMeierOptions.Default;

    /// <summary>The histogram bin width in days, or <see langword="null"/> (the default) for the automatic rule: Sturges'
    /// bin count ⌈log2 n⌉ + 1 over [0, max], its width rounded up to 1, 2, 2.5 or 5 times a power of ten. Bins start at 0 and
    /// are half-open [a, b); the last also holds its upper edge. At most <see cref="MaxHistogramBins"/> bins: a width that
    /// would need more is widened by the same rounding.</summary>
    public double? HistogramBinWidthDays { get; init; }

    /// <summary>The most bins a histogram may have; 1000 by default.</summary>
    public int MaxHistogramBins { get; init; } = 1000;

    /// <summary>The weight exponent ρ of the test across segments: 0 (the default) for the log-rank test.</summary>
    public double LogRankRho { get; init; }

    /// <summary>How many threads may work: 1 (the default) for one; -1 for one per processor. The result is identical for
    /// every value: the row passes are split into contiguous chunks merged in chunk order, and the overall group, each segment
    /// and the test across segments are computed apart, each by the same sequential arithmetic as on one thread
    /// (docs/performance.md).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    // Below this many rows per chunk, threads cost more than they save. Tests lower it to exercise chunking on small data.
    internal int MinRowsPerChunk { get; init; } = Data.RowChunks.DefaultMinRowsPerChunk;

    internal int EffectiveParallelism => Data.RowChunks.Effective(MaxDegreeOfParallelism);

    /// <summary>The default options.</summary>
    public static CycleTimeOptions Default { get; } = new();

    internal void Validate()
    {
        if (SegmentBy is { } d && (uint)d > (uint)Dimension.Tag)
        {
            throw new ArgumentOutOfRangeException(nameof(SegmentBy), d, "Unknown dimension.");
        }

        if (QuantileMethod != QuantileMethod.R7 && QuantileMethod != QuantileMethod.R8)
        {
            throw new ArgumentOutOfRangeException(nameof(QuantileMethod), QuantileMethod, "Unknown quantile method.");
        }

        if (Survival is null)
        {
            throw new ArgumentNullException(nameof(Survival));
        }

        Survival.Validate();
        if (HistogramBinWidthDays is { } w && !(w > 0 && !double.IsInfinity(w)))
        {
            throw new ArgumentOutOfRangeException(nameof(HistogramBinWidthDays), w, "The bin width must be positive and finite.");
        }

        if (MaxHistogramBins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHistogramBins), MaxHistogramBins, "At least one bin is needed.");
        }

        if (!(LogRankRho >= 0 && !double.IsInfinity(LogRankRho)))
        {
            throw new ArgumentOutOfRangeException(nameof(LogRankRho), LogRankRho, "Rho must be finite and not negative.");
        }

        if (!Data.RowChunks.IsValidParallelism(MaxDegreeOfParallelism))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, Data.RowChunks.ParallelismMessage);
        }
    }
}
