using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>
/// How one step's conversion moves across acquisition cohorts, in cohort order. Young cohorts have more open leads,
/// which lowers their all-leads conversion; the resolved series and its tests are the fairer comparison.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class StepTrend
{
    internal StepTrend(int index, Stage from, Stage to, IReadOnlyList<Rate> conversion, IReadOnlyList<Rate> resolvedConversion,
        HypothesisTestResult acrossCohorts, HypothesisTestResult trend)
    {
        Index = index;
        From = from;
        To = to;
        Conversion = conversion;
        ResolvedConversion = resolvedConversion;
        AcrossCohorts = acrossCohorts;
        Trend = trend;
    }

    /// <summary>The step's position (it leaves stage <see cref="Index"/>).</summary>
    public int Index { get; }

    /// <summary>The stage the step leaves.</summary>
    public Stage From { get; }

    /// <summary>The stage the step enters.</summary>
    public Stage To { get; }

    /// <summary>All-leads conversion per cohort, aligned with <see cref="FunnelCohorts.Cohorts"/>.</summary>
    public IReadOnlyList<Rate> Conversion { get; }

    /// <summary>Resolved-leads conversion per cohort, aligned with <see cref="FunnelCohorts.Cohorts"/>.</summary>
    public IReadOnlyList<Rate> ResolvedConversion { get; }

    /// <summary>Pearson chi-square that the resolved conversion is the same in every cohort with resolved leads.</summary>
    public HypothesisTestResult AcrossCohorts { get; }

    /// <summary>Cochran-Armitage test for a linear trend of the resolved conversion over cohort position (0, 1, 2, ...,
    /// empty periods keeping their place); z above zero when conversion rises. z² is R's <c>prop.trend.test</c> X-squared.</summary>
    public HypothesisTestResult Trend { get; }

    /// <summary>Describes the trend.</summary>
    /// <returns>Step and trend test.</returns>
    public override string ToString() => $"{From.Name} -> {To.Name}: {Trend}";
}
