using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.CycleTime;

/// <summary>How <see cref="CycleTimeAnalyzer"/> computes cycle-time statistics. Every convention is explicit; the
/// defaults follow R.</summary>
public sealed class CycleTimeOptions
{
    private AnalysisScope _scope = AnalysisScope.Default;

    /// <summary>The shared part: the breakdown (none by default, for the overall view only; with <see cref="Dimension.Tag"/>
    /// a lead counts in each of its tags and no log-rank test is made, the groups overlapping), the acquisition period, the
    /// stale rule (stale leads counted as lost are lost at latest activity + StaleAfter), the confidence level of the
    /// survival and competing-risks limits (it replaces <see cref="KaplanMeierOptions.ConfidenceLevel"/> of
    /// <see cref="Survival"/>), and the thread count.</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? AnalysisScope.Default;
    }

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

    internal int MinRowsPerChunk => Scope.MinRowsPerChunk;

    internal int EffectiveParallelism => Scope.EffectiveParallelism;

    /// <summary>The default options.</summary>
    public static CycleTimeOptions Default { get; } = new();

    // Partials merge only when everything that shapes the result is the same (the thread count aside).
    internal bool IsEquivalentTo(CycleTimeOptions other) =>
        ReferenceEquals(this, other)
        || (Scope.IsEquivalentTo(other.Scope) && QuantileMethod == other.QuantileMethod && Nullable.Equals(HistogramBinWidthDays, other.HistogramBinWidthDays)
            && MaxHistogramBins == other.MaxHistogramBins && LogRankRho.Equals(other.LogRankRho) && Survival.IsEquivalentTo(other.Survival));

    internal void Validate()
    {
        Scope.Validate();
        if (Scope.Cohort is not null)
        {
            throw new ArgumentException("Cycle time breaks down by dimensions (one, or a pair crossed), not by cohort.", nameof(Scope));
        }

        if (QuantileMethod != QuantileMethod.R7 && QuantileMethod != QuantileMethod.R8)
        {
            throw new ArgumentOutOfRangeException(nameof(QuantileMethod), QuantileMethod, "Unknown quantile method.");
        }

        Preconditions.CheckNotNull(Survival);

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

    }
}
