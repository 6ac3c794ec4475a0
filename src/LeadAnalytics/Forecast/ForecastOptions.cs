using LeadAnalytics.Data;

namespace LeadAnalytics.Forecast;

/// <summary>How <see cref="ForecastAnalyzer"/> forecasts the open pipeline. Every convention is explicit.</summary>
public sealed class ForecastOptions
{
    private static readonly int[] DefaultHorizons = { 30, 60, 90 };

    /// <summary>The horizons h in whole days, ascending and distinct; 30, 60 and 90 by default.</summary>
    public IReadOnlyList<int> HorizonsDays { get; init; } = DefaultHorizons;

    private AnalysisScope _scope = AnalysisScope.Default;

    /// <summary>The shared part. Its breakdown is the dimension whose segments get their own stage curves (shrunk towards the
    /// pooled curve, see <see cref="ShrinkageLeads"/>), their own average won deal and a group in the result: none (the
    /// default) pools every lead; one single-valued dimension (not <see cref="Dimension.Tag"/>: a lead would be forecast in
    /// several segments; not a pair or cohorts). Its <see cref="AnalysisScope.StaleAfter"/> decides stale leads (30 days by
    /// default): the stage-weighted baseline counts them as lost in its win rates (the library's default treatment); the
    /// censoring-aware forecast keeps them open (censored), since the time they have spent in their stage already lowers
    /// their probability. Its <see cref="AnalysisScope.MaxDegreeOfParallelism"/> is the thread count (the result is
    /// identical for every value: each bootstrap replicate is computed whole by one thread from its own random stream). The
    /// forecast looks at every open lead: the period must stay all time. The prediction intervals have their own level,
    /// <see cref="PredictionLevel"/>.</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? AnalysisScope.Default;
    }

    // The one dimension of the breakdown, or null.
    internal Dimension? SegmentBy => Scope.Breakdown.Count > 0 ? Scope.Breakdown[0] : null;

    internal TimeSpan StaleAfter => Scope.StaleAfter;

    internal int MaxDegreeOfParallelism => Scope.MaxDegreeOfParallelism;

    /// <summary>The shrinkage strength k: a segment's conditional probability p_g is combined with the pooled p as
    /// (n·p_g + k·p) / (n + k), n the segment's leads still at risk in that stage beyond the lead's time in stage. 20 by
    /// default; 0 uses the segment curve alone wherever it has anyone at risk.</summary>
    public double ShrinkageLeads { get; init; } = 20;

    /// <summary>The bootstrap replicates behind the prediction intervals; 200 by default, 0 for none (point forecasts only).</summary>
    public int BootstrapReplicates { get; init; } = 200;

    /// <summary>The seed of the bootstrap; replicate b draws from its own stream (seed, b), so results are identical for every
    /// thread count. 20 by default.</summary>
    public int Seed { get; init; } = 20;

    /// <summary>The coverage of the prediction intervals, in (0, 1); 0.9 by default.</summary>
    public double PredictionLevel { get; init; } = 0.9;

    /// <summary>Whether <see cref="ForecastResult.Leads"/> lists every open lead; <see langword="true"/> by default.</summary>
    public bool IncludeLeads { get; init; } = true;

    /// <summary>The number of past as-of dates <see cref="ForecastAnalyzer.Backtest"/> replays; 6 by default.</summary>
    public int BacktestOrigins { get; init; } = 6;

    /// <summary>The days between consecutive backtest as-of dates; 30 by default.</summary>
    public int BacktestStepDays { get; init; } = 30;

    /// <summary>The default options.</summary>
    public static ForecastOptions Default { get; } = new();

    internal void Validate()
    {
        if (HorizonsDays is null || HorizonsDays.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonsDays), "At least one horizon is needed.");
        }

        for (var i = 0; i < HorizonsDays.Count; i++)
        {
            if (HorizonsDays[i] < 1 || (i > 0 && HorizonsDays[i] <= HorizonsDays[i - 1]))
            {
                throw new ArgumentOutOfRangeException(nameof(HorizonsDays), HorizonsDays[i], "Horizons must be positive whole days, ascending and distinct.");
            }
        }

        Scope.Validate(nameof(Scope));
        if (Scope.Breakdown.Count > 1 || Scope.Cohort is not null || Scope.Breakdown.Contains(Dimension.Tag) || !Scope.Period.Equals(AcquisitionPeriod.AllTime))
        {
            throw new ArgumentException("A forecast segments by at most one single-valued dimension (not tags, a pair or cohorts) and looks at every open lead (no period).", nameof(Scope));
        }

        if (!(ShrinkageLeads >= 0) || double.IsInfinity(ShrinkageLeads))
        {
            throw new ArgumentOutOfRangeException(nameof(ShrinkageLeads), ShrinkageLeads, "The shrinkage strength must be finite and not negative.");
        }

        if (BootstrapReplicates < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), BootstrapReplicates, "The replicate count cannot be negative.");
        }

        if (!(PredictionLevel > 0 && PredictionLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PredictionLevel), PredictionLevel, "The prediction level must lie strictly between 0 and 1.");
        }

        if (BacktestOrigins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BacktestOrigins), BacktestOrigins, "At least one backtest as-of date is needed.");
        }

        if (BacktestStepDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BacktestStepDays), BacktestStepDays, "The backtest step must be at least one day.");
        }
    }
}
