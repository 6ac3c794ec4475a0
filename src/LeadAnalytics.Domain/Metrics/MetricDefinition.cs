namespace LeadAnalytics.Metrics;

/// <summary>The one definition of a metric: its id, names, exact formula, unit and direction. Every engine, document and
/// app that shows the metric refers to it by <see cref="Id"/> (see <see cref="MetricCatalog"/>).</summary>
/// <remarks>Immutable and thread-safe; equality by <see cref="Id"/>.</remarks>
public sealed class MetricDefinition : IEquatable<MetricDefinition>
{
    internal MetricDefinition(string id, string englishName, string chineseName, string formula, MetricUnit unit, bool? higherIsBetter, string? numerator, string? denominator, string computedBy,
        string chineseFormula, MetricKind kind, params string[] aliases)
    {
        Id = id;
        ShortName = id;
        ChineseFormula = chineseFormula;
        Kind = kind;
        Aliases = aliases;
        EnglishName = englishName;
        ChineseName = chineseName;
        Formula = formula;
        Unit = unit;
        HigherIsBetter = higherIsBetter;
        Numerator = numerator;
        Denominator = denominator;
        ComputedBy = computedBy;
    }

    /// <summary>The stable id, lower snake case, for example <c>cost_per_acquisition</c>.</summary>
    public string Id { get; }

    /// <summary>The English display name.</summary>
    public string EnglishName { get; }

    /// <summary>The Chinese display name (the template's term where it has one).</summary>
    public string ChineseName { get; }

    /// <summary>The exact formula, in words and metric ids.</summary>
    public string Formula { get; }

    /// <summary>The definition in Chinese (the same formula as <see cref="Formula"/>).</summary>
    public string ChineseFormula { get; }

    /// <summary>Other names the metric is found by (<see cref="MetricCatalog.Find"/>, action targets, <c>--metrics</c>), for
    /// example <c>cpl</c> for <c>cost_per_lead</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The name action targets are written with (<see cref="ActionMetrics.NameOf"/>): the id, or the alias the
    /// catalogue prefers to it (<c>cpl</c> for <c>cost_per_lead</c>, <c>conversion</c> for <c>conversion_rate</c>). Always
    /// the id or one of <see cref="Aliases"/>.</summary>
    public string ShortName { get; internal init; }

    /// <summary>How the value is shown (count, money, rate with interval, ratio, days, hours, p-value or plain number).</summary>
    public MetricKind Kind { get; }

    /// <summary>The unit of the value.</summary>
    public MetricUnit Unit { get; }

    /// <summary>Whether a higher value is better (<see langword="true"/>), worse (<see langword="false"/>), or neither
    /// (<see langword="null"/>, for example spend).</summary>
    public bool? HigherIsBetter { get; }

    /// <summary>The numerator of a ratio metric (a metric id or a description), or <see langword="null"/>.</summary>
    public string? Numerator { get; }

    /// <summary>The denominator of a ratio metric, or <see langword="null"/>. A zero denominator makes the metric undefined (null).</summary>
    public string? Denominator { get; }

    /// <summary>The engine that computes it, for example <c>Effectiveness</c>.</summary>
    public string ComputedBy { get; }

    /// <inheritdoc />
    public bool Equals(MetricDefinition? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>The id.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;
}
