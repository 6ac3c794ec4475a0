using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>
/// Is conversion falling (or rising) across acquisition cohorts, or are the recent cohorts only younger? Three
/// Cochran-Armitage trend tests over cohort position (0, 1, 2, ...; empty periods keep their place, as in
/// <see cref="StepTrend"/>), the conversion window W being <see cref="FunnelMaturity.Window"/>:
/// <list type="bullet">
/// <item><see cref="Projected"/>, the one to read: the conversion at W of every cohort, projected for the immature ones
/// (<see cref="FunnelMaturity.ProjectedConversion"/>). A mature cohort counts as its exact won-within-W of its leads; an
/// immature one as its effective binomial counts, n = P(1 − P) / SE² and x = P·n (the projection's own uncertainty,
/// borrowing included, shrinks its weight; at most its leads, and its leads when P is 0 or 1).</item>
/// <item><see cref="Mature"/>: won within W / leads over the fully mature cohorts only (immature cohorts excluded; exact,
/// nothing projected).</item>
/// <item><see cref="Observed"/>: won by as-of / leads over every cohort, the naive reading: young cohorts have had less
/// time, so it tends to fall even when nothing changed.</item>
/// </list>
/// </summary>
/// <remarks>docs/funnel.md, "Is conversion falling, or are the cohorts younger?". Immutable and thread-safe.</remarks>
public sealed class CohortConversionTrend
{
    internal CohortConversionTrend(TimeSpan window, int cohorts, int matureCohorts, int immatureCohorts, int unprojectedCohorts,
        HypothesisTestResult projected, HypothesisTestResult mature, HypothesisTestResult observed, double significanceLevel)
    {
        Window = window;
        Cohorts = cohorts;
        MatureCohorts = matureCohorts;
        ImmatureCohorts = immatureCohorts;
        UnprojectedCohorts = unprojectedCohorts;
        Projected = projected;
        Mature = mature;
        Observed = observed;
        SignificanceLevel = significanceLevel;
        Direction = DirectionOf(projected, significanceLevel);
        ObservedDirection = DirectionOf(observed, significanceLevel);
    }

    /// <summary>The conversion window W.</summary>
    public TimeSpan Window { get; }

    /// <summary>The cohorts with leads.</summary>
    public int Cohorts { get; }

    /// <summary>The cohorts whose every lead is mature: their conversion at W is observed.</summary>
    public int MatureCohorts { get; }

    /// <summary>The cohorts with leads younger than W, projected in <see cref="Projected"/> and left out of <see cref="Mature"/>.</summary>
    public int ImmatureCohorts { get; }

    /// <summary>Immature cohorts without a projection (nothing to borrow from), left out of <see cref="Projected"/> too.</summary>
    public int UnprojectedCohorts { get; }

    /// <summary>The trend of the conversion at W, projected for the immature cohorts (z above zero when it rises).</summary>
    public HypothesisTestResult Projected { get; }

    /// <summary>The trend of the conversion at W over the mature cohorts only.</summary>
    public HypothesisTestResult Mature { get; }

    /// <summary>The trend of the conversion by as-of over every cohort (what a dashboard shows, younger cohorts included as they are).</summary>
    public HypothesisTestResult Observed { get; }

    /// <summary>The level <see cref="Direction"/> and <see cref="ObservedDirection"/> are decided at (<see cref="FunnelOptions.SignificanceLevel"/>).</summary>
    public double SignificanceLevel { get; }

    /// <summary>Where conversion at W is heading, from <see cref="Projected"/>: <see cref="TrendDirection.None"/> unless its
    /// p-value is below <see cref="SignificanceLevel"/>.</summary>
    public TrendDirection Direction { get; }

    /// <summary>The same from <see cref="Observed"/>.</summary>
    public TrendDirection ObservedDirection { get; }

    /// <summary>Whether the observed conversion falls significantly but the projected conversion at W does not: the recent
    /// cohorts read worse only because they are younger.</summary>
    public bool FallsOnlyBecauseYounger => ObservedDirection == TrendDirection.Falling && Direction != TrendDirection.Falling;

    /// <summary>Describes the trend.</summary>
    /// <returns>The direction and the tests.</returns>
    public override string ToString() => $"conversion at {Window.TotalDays:0.##} d: {Direction} ({Projected}); observed {ObservedDirection} ({Observed})";

    // Cohorts in time order (empty periods included, keeping their place); each with its maturity.
    internal static CohortConversionTrend Of(IReadOnlyList<FunnelCohort> cohorts, TimeSpan window, double significanceLevel)
    {
        var n = cohorts.Count;
        var (projectedWon, projectedLeads) = (new double[n], new double[n]);
        var (matureWon, matureLeads) = (new double[n], new double[n]);
        var (observedWon, observedLeads) = (new double[n], new double[n]);
        int withLeads = 0, mature = 0, immature = 0, unprojected = 0;
        for (var c = 0; c < n; c++)
        {
            var funnel = cohorts[c].Funnel;
            if (funnel.Leads == 0)
            {
                continue;
            }

            withLeads++;
            observedWon[c] = funnel.Won;
            observedLeads[c] = funnel.Leads;
            if (funnel.Maturity is not { } m)
            {
                continue;
            }

            if (m.IsMature)
            {
                mature++;
                (matureWon[c], matureLeads[c]) = (m.WonWithinWindow, m.Leads);
                (projectedWon[c], projectedLeads[c]) = (m.WonWithinWindow, m.Leads);
                continue;
            }

            immature++;
            if (m.ProjectedConversion is not { } p)
            {
                unprojected++;
                continue;
            }

            (projectedWon[c], projectedLeads[c]) = EffectiveCounts(p, m.ProjectedStandardError ?? 0.0, m.Leads);
        }

        return new CohortConversionTrend(window, withLeads, mature, immature, unprojected,
            TrendTests.CochranArmitage(projectedWon, projectedLeads, null), TrendTests.CochranArmitage(matureWon, matureLeads, null),
            TrendTests.CochranArmitage(observedWon, observedLeads, null), significanceLevel);
    }

    // The binomial sample that would give the projection its standard error: n = P(1 - P) / SE², at most the leads.
    internal static (double Won, double Leads) EffectiveCounts(double p, double standardError, long leads)
    {
        var n = (double)leads;
        if (p > 0 && p < 1 && standardError > 0)
        {
            n = Math.Min(n, p * (1 - p) / (standardError * standardError));
        }

        return (p * n, n);
    }

    private static TrendDirection DirectionOf(HypothesisTestResult test, double level) =>
        test.PValue is { } pValue && pValue < level && test.Statistic is { } z
            ? (z < 0 ? TrendDirection.Falling : TrendDirection.Rising)
            : TrendDirection.None;
}
