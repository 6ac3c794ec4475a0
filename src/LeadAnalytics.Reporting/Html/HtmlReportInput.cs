using LeadAnalytics.Actions;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Reporting;

/// <summary>
/// The engine results a report shows. Only the funnel is required; a section whose result is missing is replaced by a
/// one-line note saying what it would need. Build it from results you computed (with your own options), or let
/// <see cref="FromTable"/> run the engines with their defaults.
/// </summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed class HtmlReportInput
{
    private AnalysisScope _scope = AnalysisScope.Default;

    /// <summary>The attribution models <see cref="FromTable"/> compares: all defined for touch lists and aggregated paths alike.</summary>
    public static IReadOnlyList<AttributionModel> DefaultModels { get; } = new[]
    {
        AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.PositionBased,
        AttributionModel.Markov, AttributionModel.Shapley,
    };

    /// <summary>Creates an input around the funnel of all leads.</summary>
    /// <param name="funnel">The funnel of all leads; its as-of instant is the report's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="funnel"/> is null.</exception>
    public HtmlReportInput(FunnelResult funnel)
    {
        Funnel = Preconditions.CheckNotNull(funnel);
    }

    /// <summary>The funnel of all leads (summary, funnel chart and step table).</summary>
    public FunnelResult Funnel { get; }

    /// <summary>The report's as-of instant (the funnel's).</summary>
    public DateTimeOffset AsOf => Funnel.AsOf;

    /// <summary>The shared scope the sections were computed with: its acquisition period (<see cref="AnalysisScope.Period"/>)
    /// is named in the header under the as-of instant, and its confidence level, interval method and stale rule in the
    /// footer. <see cref="AnalysisScope.Default"/> unless set (all time, Wilson 95%, stale after 30 days counted as lost).
    /// The report does not check the sections against it: compute them all with the same scope (the tool's
    /// <c>report --from/--to</c> does).</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? AnalysisScope.Default;
    }

    /// <summary>Funnels by channel (or another dimension): the channel table and the conversion chart.</summary>
    public FunnelBreakdown? Segments { get; init; }

    /// <summary>Funnels by acquisition cohort (monthly in <see cref="FromTable"/>): the cohort section, each cohort's conversion
    /// so far beside its maturity and projected conversion at the window W with its interval, immature cohorts marked, and
    /// the trend at the same age. With <see cref="FunnelCohorts.Segments"/> (cohorts within segments) the section adds the
    /// projected conversion of each segment × cohort cell.</summary>
    public FunnelCohorts? Cohorts { get; init; }

    /// <summary>The effectiveness summary by channel (with costs): spend, cost per lead, cost per customer, revenue and ROAS
    /// in the channel table, the chart of conversion against cost per customer, and the findings.</summary>
    public EffectivenessResult? Effectiveness { get; init; }

    /// <summary>Cycle time, ideally segmented by the same dimension: Kaplan-Meier curves and won-vs-lost incidence.</summary>
    public CycleTimeResult? CycleTime { get; init; }

    /// <summary>Attribution models compared: the grouped-bar chart and its table.</summary>
    public AttributionComparison? Attribution { get; init; }

    /// <summary>Optimisation actions evaluated against the data: the action tracker.</summary>
    public ActionResult? Actions { get; init; }

    /// <summary>Loss reasons: the Pareto chart and the dominant reasons.</summary>
    public LossReasonResult? LossReasons { get; init; }

    /// <summary>Runs the engines with their default options and collects what a report shows: the funnel, funnels,
    /// effectiveness and cycle time by <paramref name="segmentBy"/>, monthly cohorts (within each <paramref name="segmentBy"/>
    /// value too, unless it is <see cref="Dimension.Tag"/>), loss reasons and, when journeys are given, an
    /// attribution comparison.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant (the engines never read the clock).</param>
    /// <param name="journeys">Touch journeys for attribution; none leaves the attribution section out.</param>
    /// <param name="costs">The costs table; none uses the leads' own acquisition costs, if any (the effectiveness
    /// engine's <see cref="CostSource.Auto"/>).</param>
    /// <param name="actions">Optimisation actions to evaluate (with the costs, for cost metrics); none leaves the tracker out.</param>
    /// <param name="segmentBy">The dimension of the channel table and the curves; <see cref="Dimension.Channel"/> by default.</param>
    /// <param name="models">Attribution models; <see cref="DefaultModels"/> when null.</param>
    /// <param name="attributionOptions">Attribution options (direct channels, lookback...); the engine's defaults with
    /// <paramref name="asOf"/> when null.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static HtmlReportInput FromTable(
        LeadTable table,
        DateTimeOffset asOf,
        AttributionJourneys? journeys = null,
        IEnumerable<CostEntry>? costs = null,
        IEnumerable<OptimisationAction>? actions = null,
        Dimension segmentBy = Dimension.Channel,
        IEnumerable<AttributionModel>? models = null,
        AttributionOptions? attributionOptions = null)
    {
        Preconditions.CheckNotNull(table);

        // Both the effectiveness summary and the action evaluator read the costs.
        var costList = costs?.ToList();
        var scope = new AnalysisScope { Breakdown = new[] { segmentBy } };
        return new HtmlReportInput(FunnelAnalyzer.Analyze(table, asOf))
        {
            Segments = FunnelAnalyzer.AnalyzeBy(table, asOf, segmentBy),
            Cohorts = segmentBy == Dimension.Tag
                ? FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Month)
                : FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Month, segmentBy),
            Effectiveness = EffectivenessAnalyzer.Analyze(table, asOf, new EffectivenessOptions { Scope = scope, Costs = costList }),
            CycleTime = CycleTimeAnalyzer.Analyze(table, asOf, new CycleTimeOptions { Scope = scope }),
            LossReasons = LossReasonAnalyzer.Analyze(table, asOf, new LossReasonOptions { Scope = scope.Breakdown[0] == Dimension.Tag ? LossReasonOptions.Default.Scope : scope }),
            Actions = actions is null ? null : ActionAnalyzer.Analyze(table, asOf, new ActionOptions { Actions = actions.ToList(), Costs = costList }),
            Attribution = journeys is null
                ? null
                : AttributionAnalyzer.Compare(journeys, models ?? DefaultModels, attributionOptions ?? new AttributionOptions { AsOf = asOf }),
        };
    }
}
