namespace LeadAnalytics.Forecast;

/// <summary>What a group of open leads is expected to bring in within one horizon: the censoring-aware forecast and the
/// stage-weighted baseline, each with its prediction interval.</summary>
/// <remarks>Intervals are percentile intervals of the bootstrap (leads resampled, curves refitted, each open lead's outcome
/// drawn), so they hold both the Bernoulli outcomes and the estimation uncertainty; <see langword="null"/> when
/// <see cref="ForecastOptions.BootstrapReplicates"/> is 0. Money is in the table's currency, rounded to its minor unit.
/// Immutable.</remarks>
public sealed class HorizonForecast
{
    internal HorizonForecast(
        int days, double expectedWins, double? winsLower, double? winsUpper, decimal expectedRevenue, decimal? revenueLower, decimal? revenueUpper,
        double baselineWins, double? baselineWinsLower, double? baselineWinsUpper, decimal baselineRevenue, decimal? baselineRevenueLower, decimal? baselineRevenueUpper)
    {
        Days = days;
        ExpectedWins = expectedWins;
        WinsLower = winsLower;
        WinsUpper = winsUpper;
        ExpectedRevenue = expectedRevenue;
        RevenueLower = revenueLower;
        RevenueUpper = revenueUpper;
        BaselineWins = baselineWins;
        BaselineWinsLower = baselineWinsLower;
        BaselineWinsUpper = baselineWinsUpper;
        BaselineRevenue = baselineRevenue;
        BaselineRevenueLower = baselineRevenueLower;
        BaselineRevenueUpper = baselineRevenueUpper;
    }

    /// <summary>The horizon h in days.</summary>
    public int Days { get; }

    /// <summary>Σ over the open leads of P(won within h), the censoring-aware forecast.</summary>
    public double ExpectedWins { get; }

    /// <summary>The lower limit of the prediction interval of wins within h.</summary>
    public double? WinsLower { get; }

    /// <summary>The upper limit of the prediction interval of wins within h.</summary>
    public double? WinsUpper { get; }

    /// <summary>Σ P(won within h) × the lead's value.</summary>
    public decimal ExpectedRevenue { get; }

    /// <summary>The lower limit of the prediction interval of revenue within h.</summary>
    public decimal? RevenueLower { get; }

    /// <summary>The upper limit of the prediction interval of revenue within h.</summary>
    public decimal? RevenueUpper { get; }

    /// <summary>The stage-weighted baseline: Σ the historical win rate of each lead's stage (the same for every horizon).</summary>
    public double BaselineWins { get; }

    /// <summary>The lower limit of the baseline's prediction interval.</summary>
    public double? BaselineWinsLower { get; }

    /// <summary>The upper limit of the baseline's prediction interval.</summary>
    public double? BaselineWinsUpper { get; }

    /// <summary>Σ the stage win rate × the lead's value.</summary>
    public decimal BaselineRevenue { get; }

    /// <summary>The lower limit of the baseline revenue's prediction interval.</summary>
    public decimal? BaselineRevenueLower { get; }

    /// <summary>The upper limit of the baseline revenue's prediction interval.</summary>
    public decimal? BaselineRevenueUpper { get; }

    /// <summary><see cref="ExpectedWins"/> − <see cref="BaselineWins"/>: how much the censoring-aware forecast differs.</summary>
    public double WinsDifference => ExpectedWins - BaselineWins;

    /// <summary><see cref="ExpectedRevenue"/> − <see cref="BaselineRevenue"/>.</summary>
    public decimal RevenueDifference => ExpectedRevenue - BaselineRevenue;
}
