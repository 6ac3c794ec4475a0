using System.Text.Json;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;

namespace LeadAnalytics.Json;

// The engines' results: write-only documents for other programs (dashboards, notebooks, other apps), one kind per
// result type. docs/json-schema.md lists their fields; the golden files in the tests pin them.
public static partial class LeadAnalyticsJson
{
    /// <summary>The <c>kind</c> of a funnel document (<see cref="FunnelResult"/>).</summary>
    public const string FunnelKind = "funnel";

    /// <summary>The <c>kind</c> of a funnel-breakdown document (<see cref="FunnelBreakdown"/>).</summary>
    public const string FunnelBreakdownKind = "funnelBreakdown";

    /// <summary>The <c>kind</c> of a funnel-cohorts document (<see cref="FunnelCohorts"/>).</summary>
    public const string FunnelCohortsKind = "funnelCohorts";

    /// <summary>The <c>kind</c> of a cycle-time document (<see cref="CycleTimeResult"/>).</summary>
    public const string CycleTimeKind = "cycleTime";

    /// <summary>The <c>kind</c> of an attribution document (one model's <see cref="AttributionResult"/>).</summary>
    public const string AttributionKind = "attribution";

    /// <summary>The <c>kind</c> of an attribution-comparison document (<see cref="AttributionComparison"/>).</summary>
    public const string AttributionComparisonKind = "attributionComparison";

    /// <summary>The <c>kind</c> of a loss-reasons document (<see cref="LossReasonResult"/>).</summary>
    public const string LossReasonsKind = "lossReasons";

    /// <summary>The <c>kind</c> of an effectiveness document (<see cref="EffectivenessResult"/>: the segment summary).</summary>
    public const string EffectivenessKind = "effectiveness";

    /// <summary>The <c>kind</c> of the metric-catalogue document (<see cref="Metrics.MetricCatalog"/>).</summary>
    public const string MetricCatalogKind = "metricCatalog";

    /// <summary>Writes the effectiveness summary as an <c>effectiveness</c> document: per segment (and the <c>total</c>)
    /// <c>key</c>, <c>leads</c>, <c>won</c>, <c>lost</c>, <c>open</c>, <c>conversionRate</c> (a rate), <c>spend</c>,
    /// <c>costPerLead</c>, <c>costPerAcquisition</c>, <c>revenue</c>, <c>roas</c>, <c>roi</c> and the other metrics, the
    /// segment against the rest; the costs, the findings (with their English and Chinese messages) and, with a previous
    /// period, its segments and every metric's change. Amounts are numbers in the document's <c>currency</c>.</summary>
    /// <param name="result">The summary.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string SerializeEffectiveness(EffectivenessResult result) =>
        JsonSerializer.Serialize(EffectivenessMapping.ToDocument(Preconditions.CheckNotNull(result)), Context.EffectivenessDocument);

    /// <summary>Writes the same document as <see cref="SerializeEffectiveness(EffectivenessResult)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="result">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeEffectiveness(EffectivenessResult result, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), EffectivenessMapping.ToDocument(Preconditions.CheckNotNull(result)), Context.EffectivenessDocument);

    /// <summary>Writes the metric catalogue (every metric's id, names, formula, unit and direction) as a
    /// <c>metricCatalog</c> document: the one definition other apps share.</summary>
    /// <returns>Indented JSON.</returns>
    public static string SerializeMetricCatalog() =>
        JsonSerializer.Serialize(EffectivenessMapping.CatalogDocument(), Context.MetricCatalogDocument);

    /// <summary>Writes a funnel as a <c>funnel</c> document: reach per stage (<c>stage</c>, <c>reached</c>), every step
    /// in both views, step times in days and the bottleneck.</summary>
    /// <param name="funnel">The funnel.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="funnel"/> is null.</exception>
    public static string SerializeFunnel(FunnelResult funnel) =>
        JsonSerializer.Serialize(ResultMapping.ToDocument(Preconditions.CheckNotNull(funnel)), Context.FunnelDocument);

    /// <summary>Writes the same document as <see cref="SerializeFunnel(FunnelResult)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="funnel">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeFunnel(FunnelResult funnel, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ResultMapping.ToDocument(Preconditions.CheckNotNull(funnel)), Context.FunnelDocument);

    /// <summary>Writes a funnel per segment as a <c>funnelBreakdown</c> document: the total and one funnel per segment
    /// (<c>key</c>, <c>values</c>, <c>funnel</c>).</summary>
    /// <param name="breakdown">The breakdown.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="breakdown"/> is null.</exception>
    public static string SerializeFunnelBreakdown(FunnelBreakdown breakdown) =>
        JsonSerializer.Serialize(ResultMapping.ToDocument(Preconditions.CheckNotNull(breakdown)), Context.FunnelBreakdownDocument);

    /// <summary>Writes the same document as <see cref="SerializeFunnelBreakdown(FunnelBreakdown)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="breakdown">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeFunnelBreakdown(FunnelBreakdown breakdown, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ResultMapping.ToDocument(Preconditions.CheckNotNull(breakdown)), Context.FunnelBreakdownDocument);

    /// <summary>Writes a funnel per acquisition cohort as a <c>funnelCohorts</c> document: the total, one funnel per
    /// period and each step's trend.</summary>
    /// <param name="cohorts">The cohorts.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cohorts"/> is null.</exception>
    public static string SerializeFunnelCohorts(FunnelCohorts cohorts) =>
        JsonSerializer.Serialize(ResultMapping.ToDocument(Preconditions.CheckNotNull(cohorts)), Context.FunnelCohortsDocument);

    /// <summary>Writes the same document as <see cref="SerializeFunnelCohorts(FunnelCohorts)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="cohorts">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeFunnelCohorts(FunnelCohorts cohorts, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ResultMapping.ToDocument(Preconditions.CheckNotNull(cohorts)), Context.FunnelCohortsDocument);

    /// <summary>Writes cycle-time statistics as a <c>cycleTime</c> document: per group (<c>overall</c> and each of
    /// <c>segments</c>) the counts, the Kaplan-Meier <c>median</c> time to won with its interval, quantiles, restricted
    /// mean, won and lost by the horizon, and duration summaries; across segments the <c>logRank</c> test. Times in days.</summary>
    /// <param name="result">The statistics.</param>
    /// <param name="includeCurves">Whether to write every row of the Kaplan-Meier and cumulative-incidence curves and the
    /// duration histograms (one row per distinct time: large for big data sets). Off by default: <c>curve</c> and
    /// <c>histogram</c> are then null.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string SerializeCycleTime(CycleTimeResult result, bool includeCurves = false) =>
        JsonSerializer.Serialize(ResultMapping.ToDocument(Preconditions.CheckNotNull(result), includeCurves), Context.CycleTimeDocument);

    /// <summary>Writes the same document as <see cref="SerializeCycleTime(CycleTimeResult, bool)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="result">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <param name="includeCurves">As for the text overload.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeCycleTime(CycleTimeResult result, Stream utf8Json, bool includeCurves = false) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ResultMapping.ToDocument(Preconditions.CheckNotNull(result), includeCurves), Context.CycleTimeDocument);

    /// <summary>Writes one model's attribution as an <c>attribution</c> document: totals and per key (<c>channel</c>) the
    /// credited <c>conversions</c> and <c>value</c>, and for Markov the <c>removalEffect</c> and the transitions.</summary>
    /// <param name="result">The attribution.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string SerializeAttribution(AttributionResult result) =>
        JsonSerializer.Serialize(ResultMapping.ToDocument(Preconditions.CheckNotNull(result)), Context.AttributionDocument);

    /// <summary>Writes the same document as <see cref="SerializeAttribution(AttributionResult)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="result">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeAttribution(AttributionResult result, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ResultMapping.ToDocument(Preconditions.CheckNotNull(result)), Context.AttributionDocument);

    /// <summary>Writes several models' attribution as an <c>attributionComparison</c> document: the keys (<c>channels</c>)
    /// and one entry per model in <c>models</c>, each shaped like an <c>attribution</c> document's body.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string SerializeAttributionComparison(AttributionComparison comparison) =>
        JsonSerializer.Serialize(ResultMapping.ToDocument(Preconditions.CheckNotNull(comparison)), Context.AttributionComparisonDocument);

    /// <summary>Writes the same document as <see cref="SerializeAttributionComparison(AttributionComparison)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="comparison">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeAttributionComparison(AttributionComparison comparison, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ResultMapping.ToDocument(Preconditions.CheckNotNull(comparison)), Context.AttributionComparisonDocument);

    /// <summary>Writes a loss-reason report as a <c>lossReasons</c> document: Pareto tables overall, by stage and by
    /// dimension, the reason-mix tests and the dominant reasons. <c>lostRevenue</c> is a plain amount in the leads' currency.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string SerializeLossReasons(LossReasonResult report) =>
        JsonSerializer.Serialize(ResultMapping.ToDocument(Preconditions.CheckNotNull(report)), Context.LossReasonsDocument);

    /// <summary>Writes the same document as <see cref="SerializeLossReasons(LossReasonResult)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="report">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeLossReasons(LossReasonResult report, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ResultMapping.ToDocument(Preconditions.CheckNotNull(report)), Context.LossReasonsDocument);
}
