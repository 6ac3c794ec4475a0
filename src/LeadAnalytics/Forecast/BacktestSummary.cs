namespace LeadAnalytics.Forecast;

/// <summary>The errors of both methods at one horizon over every replayed as-of date (error = forecast − actual). Immutable.</summary>
public sealed class BacktestSummary
{
    internal BacktestSummary(
        int days, int origins, double winsMeanAbsoluteError, double winsBias, double? winsCoverage, double baselineWinsMeanAbsoluteError, double baselineWinsBias,
        double? baselineWinsCoverage, decimal revenueMeanAbsoluteError, decimal revenueBias, double? revenueCoverage, decimal baselineRevenueMeanAbsoluteError,
        decimal baselineRevenueBias, double? baselineRevenueCoverage)
    {
        Days = days;
        Origins = origins;
        WinsMeanAbsoluteError = winsMeanAbsoluteError;
        WinsBias = winsBias;
        WinsCoverage = winsCoverage;
        BaselineWinsMeanAbsoluteError = baselineWinsMeanAbsoluteError;
        BaselineWinsBias = baselineWinsBias;
        BaselineWinsCoverage = baselineWinsCoverage;
        RevenueMeanAbsoluteError = revenueMeanAbsoluteError;
        RevenueBias = revenueBias;
        RevenueCoverage = revenueCoverage;
        BaselineRevenueMeanAbsoluteError = baselineRevenueMeanAbsoluteError;
        BaselineRevenueBias = baselineRevenueBias;
        BaselineRevenueCoverage = baselineRevenueCoverage;
    }

    /// <summary>The horizon in days.</summary>
    public int Days { get; }

    /// <summary>The number of replayed as-of dates.</summary>
    public int Origins { get; }

    /// <summary>Mean |expected − actual wins| of the censoring-aware forecast.</summary>
    public double WinsMeanAbsoluteError { get; }

    /// <summary>Mean (expected − actual wins) of the censoring-aware forecast.</summary>
    public double WinsBias { get; }

    /// <summary>The share of dates whose actual wins lay in the prediction interval; null without a bootstrap.</summary>
    public double? WinsCoverage { get; }

    /// <summary>Mean |expected − actual wins| of the stage-weighted baseline.</summary>
    public double BaselineWinsMeanAbsoluteError { get; }

    /// <summary>Mean (expected − actual wins) of the baseline.</summary>
    public double BaselineWinsBias { get; }

    /// <summary>The baseline interval's coverage of the actual wins.</summary>
    public double? BaselineWinsCoverage { get; }

    /// <summary>Mean |expected − actual revenue| of the censoring-aware forecast.</summary>
    public decimal RevenueMeanAbsoluteError { get; }

    /// <summary>Mean (expected − actual revenue).</summary>
    public decimal RevenueBias { get; }

    /// <summary>The revenue interval's coverage.</summary>
    public double? RevenueCoverage { get; }

    /// <summary>Mean |expected − actual revenue| of the baseline.</summary>
    public decimal BaselineRevenueMeanAbsoluteError { get; }

    /// <summary>Mean (expected − actual revenue) of the baseline.</summary>
    public decimal BaselineRevenueBias { get; }

    /// <summary>The baseline revenue interval's coverage.</summary>
    public double? BaselineRevenueCoverage { get; }

    /// <summary>1 − MAE(forecast) / MAE(baseline) for wins: how much lower the censoring-aware error is; null when the baseline's is 0.</summary>
    public double? WinsErrorReduction => BaselineWinsMeanAbsoluteError > 0 ? 1 - (WinsMeanAbsoluteError / BaselineWinsMeanAbsoluteError) : null;
}
