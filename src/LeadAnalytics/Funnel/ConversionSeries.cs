using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>One step's conversion in one view (all leads or resolved leads) across cohorts, with two tests: are the
/// cohorts different at all, and is there a linear trend.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConversionSeries
{
    internal ConversionSeries(IReadOnlyList<Rate> conversion, HypothesisTestResult acrossCohorts, HypothesisTestResult trend)
    {
        Conversion = conversion;
        AcrossCohorts = acrossCohorts;
        Trend = trend;
    }

    /// <summary>Conversion per cohort, aligned with <see cref="FunnelCohorts.Cohorts"/> (undefined for a cohort without leads in the view).</summary>
    public IReadOnlyList<Rate> Conversion { get; }

    /// <summary>Pearson chi-square that the conversion is the same in every cohort with leads in the view
    /// (cohorts x advanced/not advanced).</summary>
    public HypothesisTestResult AcrossCohorts { get; }

    /// <summary>Cochran-Armitage test for a linear trend over cohort position (0, 1, 2, ...; empty periods keep their
    /// place); z above zero when conversion rises. z² is R's <c>prop.trend.test</c> X-squared with those scores.</summary>
    public HypothesisTestResult Trend { get; }

    /// <summary>Describes the series.</summary>
    /// <returns>The trend test.</returns>
    public override string ToString() => Trend.ToString();
}
