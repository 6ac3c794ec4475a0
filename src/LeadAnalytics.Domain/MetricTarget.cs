using System.Diagnostics.CodeAnalysis;

namespace LeadAnalytics;

/// <summary>
/// A tracked metric with a comparator and a target value: the template's "tracking metric with target", for example
/// <c>dropoff(NeedsConfirmed) &lt;= 25%</c>, <c>conversion(channel=抖音信息流) &gt;= 10%</c>, <c>cac(channel=行业展会) &lt;= 4000</c>.
/// </summary>
/// <remarks>
/// <para>The value is in the metric's <see cref="ActionMetricUnit"/>: proportions as fractions (0.25 for 25%), money in the data's
/// currency (or <see cref="Currency"/> when one is written), ROAS as revenue per unit of spend, days, hours, leads per week.
/// Values are not negative, proportions are at most 1, and values keep at most <see cref="MaxDecimalPlaces"/> decimal places
/// and stay below <see cref="MaxMagnitude"/>, so <see cref="ToString"/> and <see cref="Parse"/> round-trip exactly.</para>
/// <para>Immutable and thread-safe; equality by metric, comparator, value (<c>0.25 == 0.250</c>) and currency.</para>
/// </remarks>
public sealed class MetricTarget : IEquatable<MetricTarget>
{
    /// <summary>The most decimal places a value may have (after a percentage is turned into a fraction).</summary>
    public const int MaxDecimalPlaces = 12;

    /// <summary>Values must be below this.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>Creates a target.</summary>
    /// <param name="metric">The tracked metric.</param>
    /// <param name="comparator">How the value is compared with <paramref name="value"/>.</param>
    /// <param name="value">The target, in the metric's unit (proportions as fractions).</param>
    /// <param name="currency">For money metrics, the currency of <paramref name="value"/>; <see langword="null"/> means the data's currency.</param>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">The comparator is undefined, a currency is given for a metric that is not money.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, a proportion above 1, has too many decimal places or is too large.</exception>
    public MetricTarget(TrackedMetric metric, TargetComparator comparator, decimal value, Currency? currency = null)
    {
        Metric = Preconditions.CheckNotNull(metric, nameof(metric));
        Preconditions.CheckArgument((uint)comparator <= (uint)TargetComparator.GreaterThanOrEqual, nameof(comparator), $"Unknown comparator {(int)comparator}.");
        Comparator = comparator;
        if (CheckValue(metric.Unit, value) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The target " + problem + ".");
        }

        Preconditions.CheckArgument(currency is null || metric.Unit == ActionMetricUnit.Money, nameof(currency), $"{ActionMetrics.NameOf(metric.Metric)} is not an amount of money; it takes no currency.");
        Value = value;
        Currency = currency;
    }

    /// <summary>The tracked metric.</summary>
    public TrackedMetric Metric { get; }

    /// <summary>How the value is compared with <see cref="Value"/>.</summary>
    public TargetComparator Comparator { get; }

    /// <summary>The target value, in the metric's unit.</summary>
    public decimal Value { get; }

    /// <summary>The currency of a money target, or <see langword="null"/> for the data's currency (and for other metrics).</summary>
    public Currency? Currency { get; }

    /// <summary>Whether higher values are better (the comparator is <c>&gt;</c> or <c>&gt;=</c>).</summary>
    public bool HigherIsBetter => Comparator is TargetComparator.GreaterThan or TargetComparator.GreaterThanOrEqual;

    /// <summary>Whether a value meets the target.</summary>
    /// <param name="value">The value in the metric's unit.</param>
    /// <returns><see langword="true"/> when the comparison holds.</returns>
    public bool IsMetBy(decimal value) => Comparator switch
    {
        TargetComparator.LessThan => value < Value,
        TargetComparator.LessThanOrEqual => value <= Value,
        TargetComparator.GreaterThan => value > Value,
        _ => value >= Value,
    };

    /// <summary>Whether a value meets the target.</summary>
    /// <param name="value">The value in the metric's unit; NaN never meets it.</param>
    /// <returns><see langword="true"/> when the comparison holds.</returns>
    /// <remarks>Measured values are doubles that went through unit conversions (seconds to hours, minor units to yuan,
    /// counts to percentages), so a value the user reads as equal to the target can differ from it in the last bits
    /// (the median of 818,001 s and 818,379 s is 227.275 h, but averaged in hours it is 227.27499999999998). A value within <see cref="RelativeTolerance"/>
    /// of the target (relative to the larger of 1 and the target's magnitude) therefore counts as equal to it: it meets
    /// <c>&lt;=</c> and <c>&gt;=</c> targets and does not meet <c>&lt;</c> and <c>&gt;</c> ones.</remarks>
    public bool IsMetBy(double value)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        var target = (double)Value;
        var equal = Math.Abs(value - target) <= RelativeTolerance * Math.Max(1.0, Math.Abs(target));
        return Comparator switch
        {
            TargetComparator.LessThan => value < target && !equal,
            TargetComparator.LessThanOrEqual => value <= target || equal,
            TargetComparator.GreaterThan => value > target && !equal,
            _ => value >= target || equal,
        };
    }

    /// <summary>The relative distance within which a measured (double) value counts as equal to the target: 1e-9.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Parses a target expression such as <c>dropoff(NeedsConfirmed) &lt;= 25%</c> (grammar in docs/actions.md).</summary>
    /// <param name="text">The expression.</param>
    /// <returns>The target.</returns>
    /// <exception cref="MetricExpressionException">The text does not follow the grammar; the exception names the position.</exception>
    public static MetricTarget Parse(string text) =>
        TryParse(text, out var target, out var error) ? target : throw new MetricExpressionException(error);

    /// <summary>Parses a target expression without throwing.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="target">The target, or <see langword="null"/>.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MetricTarget? target) => TryParse(text, out target, out _);

    /// <summary>Parses a target expression without throwing, saying what is wrong.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="target">The target, or <see langword="null"/>.</param>
    /// <param name="error">What is wrong and where, or <see langword="null"/> on success.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MetricTarget? target, [NotNullWhen(false)] out MetricExpressionError? error) =>
        MetricExpressionParser.TryParseTarget(text, out target, out error);

    /// <inheritdoc />
    public bool Equals(MetricTarget? other) =>
        other is not null && Metric.Equals(other.Metric) && Comparator == other.Comparator && Value == other.Value && Nullable.Equals(Currency, other.Currency);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricTarget);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked(((Metric.GetHashCode() * 31) + (int)Comparator) * 31 + Value.GetHashCode());

    /// <summary>Formats the target in its canonical form; <see cref="Parse"/> reads it back to an equal target.</summary>
    /// <returns>For example <c>dropoff(NeedsConfirmed) &lt;= 25%</c>.</returns>
    public override string ToString() => MetricExpressionFormatter.Target(this);

    // One check for targets and hand-given baselines: the reason a value is out of range for the unit, or null.
    internal static string? CheckValue(ActionMetricUnit unit, decimal value)
    {
        if (value < 0m)
        {
            return "must not be negative";
        }

        if (unit == ActionMetricUnit.Proportion && value > 1m)
        {
            return "a proportion is at most 100%";
        }

        if (value >= MaxMagnitude)
        {
            return "is too large";
        }

        return decimal.Round(value, MaxDecimalPlaces) != value ? $"has more than {MaxDecimalPlaces} decimal places" : null;
    }
}
