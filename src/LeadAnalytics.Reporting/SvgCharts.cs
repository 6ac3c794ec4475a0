using LeadAnalytics.Actions;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Reporting.Charts;

namespace LeadAnalytics.Reporting;

/// <summary>
/// Each chart of the HTML report on its own, as a standalone SVG document (a string starting with <c>&lt;svg</c>):
/// for notebooks (display it as HTML), for web pages and for e-mail. Charts are drawn from engine results only; every
/// label is escaped; the output is well-formed XML and deterministic (the same result gives the same bytes).
/// </summary>
/// <example>
/// <code>
/// var cycle = CycleTimeAnalyzer.Analyze(table, asOf, new CycleTimeOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
/// File.WriteAllText("time-to-won.svg", SvgCharts.TimeToWon(cycle));
/// </code>
/// </example>
/// <remarks>Thread-safe: every method is a pure function of its arguments.</remarks>
public static class SvgCharts
{
    /// <summary>The funnel: a centred bar per stage (length proportional to the leads that reached it), each step's
    /// resolved drop-off with its interval, and the bottleneck step marked in red.</summary>
    /// <param name="funnel">A funnel from <see cref="FunnelAnalyzer"/>.</param>
    /// <param name="options">Size and limits; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="funnel"/> is null.</exception>
    public static string Funnel(FunnelResult funnel, ChartOptions? options = null) =>
        FunnelChart.Draw(Preconditions.CheckNotNull(funnel), options ?? ChartOptions.Default);

    /// <summary>Conversion (won / leads) per segment with its confidence interval, against the conversion of all leads
    /// (a dashed line). The <see cref="ChartOptions.MaxSegments"/> largest segments, best converting first.</summary>
    /// <param name="breakdown">Funnels by segment from <see cref="FunnelAnalyzer.AnalyzeBy(LeadAnalytics.Data.LeadTable, DateTimeOffset, Dimension, FunnelOptions?)"/>.</param>
    /// <param name="options">Size and limits; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="breakdown"/> is null.</exception>
    public static string ConversionBySegment(FunnelBreakdown breakdown, ChartOptions? options = null) =>
        ConversionChart.Draw(Preconditions.CheckNotNull(breakdown), options ?? ChartOptions.Default);

    /// <summary>Channels by cost per customer (x) and conversion (y), bubble area proportional to revenue, labelled with
    /// their ROAS. Segments without a cost per customer (no spend, or nobody won) cannot be placed and are left out.</summary>
    /// <param name="effectiveness">A segment summary from <see cref="EffectivenessAnalyzer"/> with costs.</param>
    /// <param name="options">Size and limits; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="effectiveness"/> is null.</exception>
    public static string ConversionVersusCost(EffectivenessResult effectiveness, ChartOptions? options = null) =>
        ValueChart.Draw(Preconditions.CheckNotNull(effectiveness), options ?? ChartOptions.Default);

    /// <summary>Kaplan-Meier curves of time to won (the share not yet won by each day; lost leads censored at the loss,
    /// open leads at as-of) with pointwise confidence bands. A speed, not a share: 1 − curve is the conversion if no lead
    /// could be lost, well above the share actually won (see <see cref="WonIncidenceBySegment"/>). Drawn: one curve per segment (the
    /// <see cref="ChartOptions.MaxSegments"/> largest), or the overall curve when the result has no segments.</summary>
    /// <param name="cycleTime">A result from <see cref="CycleTimeAnalyzer"/>, segmented with a breakdown in <see cref="CycleTimeOptions.Scope"/> for one curve per segment.</param>
    /// <param name="options">Size, limits and horizon; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cycleTime"/> is null.</exception>
    public static string TimeToWon(CycleTimeResult cycleTime, ChartOptions? options = null) =>
        SurvivalCharts.KaplanMeier(Preconditions.CheckNotNull(cycleTime), options ?? ChartOptions.Default);

    /// <summary>The cumulative incidence of won per segment (Aalen-Johansen, lost as the competing outcome) with pointwise
    /// confidence bands: the share of each segment's leads won by each day, so where a curve levels off is the share the
    /// segment converts. The report's default won curve (<see cref="WonCurve.CumulativeIncidence"/>); unlike
    /// 1 − <see cref="TimeToWon"/>, it does not pretend that lost leads could still be won. One curve per segment (the
    /// <see cref="ChartOptions.MaxSegments"/> largest; the legend says when some are left out), or the overall curve.</summary>
    /// <param name="cycleTime">A result from <see cref="CycleTimeAnalyzer"/>, segmented by a breakdown in <see cref="CycleTimeOptions.Scope"/> for one curve per segment.</param>
    /// <param name="options">Size, limits, horizon and language; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cycleTime"/> is null.</exception>
    public static string WonIncidenceBySegment(CycleTimeResult cycleTime, ChartOptions? options = null) =>
        SurvivalCharts.WonIncidence(Preconditions.CheckNotNull(cycleTime), options ?? ChartOptions.Default);

    /// <summary>The cumulative incidence of won and of lost over time (Aalen-Johansen, competing risks) with confidence
    /// bands: the honest "what share converts, and what share is lost, within t days".</summary>
    /// <param name="segment">A segment of a <see cref="CycleTimeResult"/>, for example <see cref="CycleTimeResult.Overall"/>.</param>
    /// <param name="options">Size and horizon; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is null.</exception>
    public static string WonVersusLost(CycleTimeSegment segment, ChartOptions? options = null) =>
        SurvivalCharts.WonVersusLost(Preconditions.CheckNotNull(segment), options ?? ChartOptions.Default);

    /// <summary>Attribution models side by side: per channel one bar per model, its length the conversions credited.</summary>
    /// <param name="comparison">A comparison from <see cref="AttributionAnalyzer.Compare(LeadAnalytics.Data.LeadTable, DateTimeOffset, IEnumerable{AttributionModel}, AttributionOptions?)"/>.</param>
    /// <param name="options">Size; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string AttributionComparison(AttributionComparison comparison, ChartOptions? options = null) =>
        AttributionChart.Draw(Preconditions.CheckNotNull(comparison), options ?? ChartOptions.Default);

    /// <summary>The action tracker: per optimisation action a bar of its progress from baseline (0) to target (1), a tick
    /// where its schedule stands, and its status as a coloured badge.</summary>
    /// <param name="report">Evaluations from <see cref="ActionAnalyzer.Analyze"/>.</param>
    /// <param name="options">Size; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ActionTracker(ActionResult report, ChartOptions? options = null) =>
        ActionChart.Draw(Preconditions.CheckNotNull(report), options ?? ChartOptions.Default);

    /// <summary>A Pareto chart of loss reasons: count bars, most frequent first (at most <see cref="ChartOptions.MaxBars"/>),
    /// and the cumulative share as a line on a 0-100% axis.</summary>
    /// <param name="table">A loss-reason table, for example <see cref="LossReasonResult.Overall"/>.</param>
    /// <param name="options">Size and limits; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string LossReasonPareto(LossReasonTable table, ChartOptions? options = null) =>
        ParetoChart.Draw(Preconditions.CheckNotNull(table), options ?? ChartOptions.Default);
}
