using LeadAnalytics.Data;

namespace LeadAnalytics.Forecast;

/// <summary>Forecasts of the open pipeline that respect censoring: for each open lead, the probability that it is won within
/// h days given its stage and how long it has been there; for the pipeline, expected wins and revenue with prediction
/// intervals, beside the stage-weighted baseline; and a backtest that replays past as-of dates (docs/forecast.md).</summary>
/// <remarks>
/// <para>For each non-terminal stage, the leads that entered it by as-of are followed from their entry to won (cause 1),
/// lost (cause 2) or as-of (censored), and the Aalen-Johansen estimator (<see cref="CycleTime.CumulativeIncidence"/>) gives
/// F_won and S. An open lead a days into its stage is won within h with probability
/// [F_won(a + h) − F_won(a)] / S(a) (<see cref="ConditionalIncidence"/>). With the breakdown of <see cref="ForecastOptions.Scope"/>, each
/// stage and segment has its own curve, shrunk towards the stage's pooled curve (<see cref="ForecastOptions.ShrinkageLeads"/>).</para>
/// <para>The as-of instant is an argument: leads acquired later and events after it are ignored, so replaying a past date
/// gives the forecast made then. Nothing reads the clock. The result does not depend on row order or thread count.</para>
/// </remarks>
public static class ForecastAnalyzer
{
    internal const int WonCause = 1;
    internal const int LostCause = 2;

    /// <summary>Forecasts the pipeline open at <paramref name="asOf"/>.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="options">The options; <see cref="ForecastOptions.Default"/> when null.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ForecastResult Analyze(LeadTable table, DateTimeOffset asOf, ForecastOptions? options = null)
    {
        Preconditions.CheckNotNull(table);

        options ??= ForecastOptions.Default;
        options.Validate();
        return ForecastModel.Build(table, table.ToSeconds(asOf), options).ToResult(asOf);
    }

    /// <summary>Replays the forecast at <see cref="ForecastOptions.BacktestOrigins"/> past dates, the latest one the longest
    /// horizon before <paramref name="asOf"/> and the others <see cref="ForecastOptions.BacktestStepDays"/> apart, and compares
    /// each with what happened to the leads open then by that date plus each horizon.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant of the data (outcomes later than it are not used).</param>
    /// <param name="options">The options; <see cref="ForecastOptions.Default"/> when null.</param>
    /// <returns>The backtest; dates before the first acquisition are skipped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ForecastBacktest Backtest(LeadTable table, DateTimeOffset asOf, ForecastOptions? options = null)
    {
        Preconditions.CheckNotNull(table);

        options ??= ForecastOptions.Default;
        options.Validate();
        var horizons = options.HorizonsDays;
        var longest = horizons[horizons.Count - 1];
        var points = new List<BacktestPoint>();
        var firstAcquired = FirstAcquired(table);
        for (var k = options.BacktestOrigins - 1; k >= 0; k--)
        {
            var origin = asOf.AddDays(-longest - ((double)k * options.BacktestStepDays));
            var seconds = table.ToSeconds(origin);
            if (table.Count == 0 || seconds < firstAcquired)
            {
                continue;
            }

            var model = ForecastModel.Build(table, seconds, options);
            var forecast = model.ToResult(origin);
            var (wins, revenue) = model.Realised();
            for (var h = 0; h < horizons.Count; h++)
            {
                points.Add(new BacktestPoint(origin, model.OpenCount, forecast.Total.Horizons[h], wins[h], revenue[h]));
            }
        }

        var summaries = new BacktestSummary[horizons.Count];
        for (var h = 0; h < horizons.Count; h++)
        {
            summaries[h] = Summarise(horizons[h], points.Where(p => p.Forecast.Days == horizons[h]).ToList(), options.BootstrapReplicates > 0);
        }

        return new ForecastBacktest(asOf, options, points, summaries);
    }

    private static int FirstAcquired(LeadTable table)
    {
        var first = int.MaxValue;
        foreach (var t in table.StageSeconds[0])
        {
            first = Math.Min(first, t);
        }

        return first;
    }

    private static BacktestSummary Summarise(int days, List<BacktestPoint> points, bool intervals)
    {
        var n = points.Count;
        double mae = 0, bias = 0, baseMae = 0, baseBias = 0;
        decimal revMae = 0, revBias = 0, baseRevMae = 0, baseRevBias = 0;
        int covered = 0, baseCovered = 0, revCovered = 0, baseRevCovered = 0;
        foreach (var p in points)
        {
            var f = p.Forecast;
            var e = f.ExpectedWins - p.ActualWins;
            mae += Math.Abs(e);
            bias += e;
            var be = f.BaselineWins - p.ActualWins;
            baseMae += Math.Abs(be);
            baseBias += be;
            var re = f.ExpectedRevenue - p.ActualRevenue;
            revMae += Math.Abs(re);
            revBias += re;
            var bre = f.BaselineRevenue - p.ActualRevenue;
            baseRevMae += Math.Abs(bre);
            baseRevBias += bre;
            covered += f.WinsLower <= p.ActualWins && p.ActualWins <= f.WinsUpper ? 1 : 0;
            baseCovered += f.BaselineWinsLower <= p.ActualWins && p.ActualWins <= f.BaselineWinsUpper ? 1 : 0;
            revCovered += f.RevenueLower <= p.ActualRevenue && p.ActualRevenue <= f.RevenueUpper ? 1 : 0;
            baseRevCovered += f.BaselineRevenueLower <= p.ActualRevenue && p.ActualRevenue <= f.BaselineRevenueUpper ? 1 : 0;
        }

        if (n == 0)
        {
            return new BacktestSummary(days, 0, 0, 0, null, 0, 0, null, 0, 0, null, 0, 0, null);
        }

        double? Share(int c) => intervals ? c / (double)n : null;
        return new BacktestSummary(
            days, n, mae / n, bias / n, Share(covered), baseMae / n, baseBias / n, Share(baseCovered), revMae / n, revBias / n, Share(revCovered),
            baseRevMae / n, baseRevBias / n, Share(baseRevCovered));
    }
}
