using System.Diagnostics.CodeAnalysis;

namespace LeadAnalytics;

/// <summary>
/// What an optimisation action is tracked by: a <see cref="ActionMetric"/>, the stage for step metrics, and the segment
/// of leads it is computed on. Written in target expressions as <c>dropoff(NeedsConfirmed)</c>,
/// <c>conversion(channel=抖音信息流)</c> or <c>cac(channel=行业展会)</c> (grammar in docs/actions.md).
/// </summary>
/// <remarks>
/// <para>For <see cref="ActionMetric.StepConversion"/> and <see cref="ActionMetric.DropOff"/> the stage is the one the step
/// leads <em>into</em>: <c>dropoff(NeedsConfirmed)</c> is the share of leads that reached the stage before NeedsConfirmed
/// (Contacted) but not NeedsConfirmed. Whether the stage exists is checked against the data's pipeline when evaluated.</para>
/// <para>Immutable and thread-safe; equality by metric, stage (ordinal) and segment.</para>
/// </remarks>
public sealed class TrackedMetric : IEquatable<TrackedMetric>
{
    /// <summary>Creates a tracked metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="stage">The stage, required for step metrics (<see cref="ActionMetrics.IsStageMetric"/>) and not allowed otherwise.</param>
    /// <param name="segment">The leads to compute it on; <see cref="SegmentFilter.All"/> when null.</param>
    /// <exception cref="ArgumentException">The metric is undefined, a step metric has no stage, or another metric has one.</exception>
    public TrackedMetric(ActionMetric metric, string? stage = null, SegmentFilter? segment = null)
    {
        Preconditions.CheckArgument(ActionMetrics.IsDefined(metric), nameof(metric), $"Unknown metric {(int)metric}.");
        Metric = metric;
        if (ActionMetrics.IsStageMetric(metric))
        {
            Stage = Preconditions.CheckNotBlank(stage, nameof(stage)).Trim();
        }
        else
        {
            Preconditions.CheckArgument(stage is null, nameof(stage), $"{ActionMetrics.NameOf(metric)} is not measured at a stage.");
        }

        Segment = segment ?? SegmentFilter.All;
    }

    /// <summary>The metric.</summary>
    public ActionMetric Metric { get; }

    /// <summary>The stage the step leads into, for step metrics; otherwise <see langword="null"/>.</summary>
    public string? Stage { get; }

    /// <summary>The leads the metric is computed on.</summary>
    public SegmentFilter Segment { get; }

    /// <summary>The unit of the metric's values.</summary>
    public ActionMetricUnit Unit => ActionMetrics.UnitOf(Metric);

    /// <summary>Parses a tracked metric such as <c>dropoff(NeedsConfirmed, channel=SEO)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="MetricExpressionException">The text does not follow the grammar; the exception names the position.</exception>
    public static TrackedMetric Parse(string text) =>
        TryParse(text, out var metric, out var error) ? metric : throw new MetricExpressionException(error);

    /// <summary>Parses a tracked metric without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="metric">The metric, or <see langword="null"/>.</param>
    /// <param name="error">What is wrong and where, or <see langword="null"/> on success.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TrackedMetric? metric, [NotNullWhen(false)] out MetricExpressionError? error) =>
        MetricExpressionParser.TryParseMetric(text, out metric, out error);

    /// <summary>Parses a value in this metric's unit, as written in a target or a baseline: <c>25%</c> or <c>0.25</c> for
    /// proportions, <c>4000</c> or <c>4000 CNY</c> for money, <c>3.5</c> or <c>1:3.5</c> for ROAS, <c>30</c> days, <c>2h</c>,
    /// <c>50/week</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value in the unit's canonical form (proportions as fractions).</param>
    /// <param name="currency">The currency written after a money value, or <see langword="null"/>.</param>
    /// <param name="error">What is wrong and where, or <see langword="null"/> on success.</param>
    /// <returns>Whether the text parsed.</returns>
    public bool TryParseValue(string? text, out decimal value, out Currency? currency, [NotNullWhen(false)] out MetricExpressionError? error) =>
        MetricExpressionParser.TryParseValue(text, Unit, out value, out currency, out error);

    /// <summary>Formats a value in this metric's unit so that <see cref="TryParseValue"/> reads it back.</summary>
    /// <param name="value">The value (proportions as fractions).</param>
    /// <param name="currency">For money metrics, a currency to write after the amount.</param>
    /// <returns>For example <c>25%</c>, <c>4000 CNY</c>, <c>2h</c>.</returns>
    public string FormatValue(decimal value, Currency? currency = null) => MetricExpressionFormatter.Value(Unit, value, currency);

    /// <inheritdoc />
    public bool Equals(TrackedMetric? other) =>
        other is not null && Metric == other.Metric && string.Equals(Stage, other.Stage, StringComparison.Ordinal) && Segment.Equals(other.Segment);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TrackedMetric);

    /// <inheritdoc />
    public override int GetHashCode() =>
        unchecked((((int)Metric * 31) + (Stage is null ? 0 : StringComparer.Ordinal.GetHashCode(Stage))) * 31 + Segment.GetHashCode());

    /// <summary>Formats the metric as in target expressions; <see cref="Parse"/> reads it back.</summary>
    /// <returns>For example <c>conversion(channel=抖音信息流)</c>.</returns>
    public override string ToString() => MetricExpressionFormatter.Metric(this);
}
