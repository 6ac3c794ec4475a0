namespace LeadAnalytics.Metrics;

/// <summary>One metric column of a result type: the catalogue entry, where it sits in the JSON document, its CSV header
/// and how to read it from a row. Outputs (JSON, CSV, the tool's tables, the HTML report) are derived from these
/// declarations, so a metric a result computes reaches every output (<see cref="MetricColumns{TRow}"/>).</summary>
/// <typeparam name="TRow">The result row type, for example <c>SegmentSummary</c>.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MetricColumn<TRow>
{
    private readonly Func<TRow, object?> _value;
    private readonly Func<TRow, object?>? _lower;
    private readonly Func<TRow, object?>? _upper;

    /// <summary>Declares a column.</summary>
    /// <param name="metric">The catalogue entry.</param>
    /// <param name="jsonPath">The property path in the row's JSON object, for example <c>costPerLead</c> or
    /// <c>versusRest.adjustedPValue</c>; <c>[name=value]</c> selects the element of an array whose property has that value
    /// (<c>timeToWon.quantiles[probability=0.25].value</c>).</param>
    /// <param name="value">Reads the value: a <see cref="Statistics.Rate"/>, a number or <see langword="null"/> (undefined).</param>
    /// <param name="csvName">The CSV header (default: the last part of <paramref name="jsonPath"/>); a column with an interval
    /// also writes <c>{prefix}Lower</c> and <c>{prefix}Upper</c> (<c>lower</c> and <c>upper</c> for an empty prefix).</param>
    /// <param name="intervalPrefix">The prefix of the interval headers (default <paramref name="csvName"/>).</param>
    /// <param name="lower">Reads the lower limit of a value that is not a rate (a median's confidence limit), or
    /// <see langword="null"/>; given with <paramref name="upper"/>.</param>
    /// <param name="upper">Reads the upper limit.</param>
    /// <param name="withInterval">Whether a rate carries its interval (default); <see langword="false"/> for a proportion
    /// computed without one (a share of a total, a cumulative incidence at a horizon).</param>
    /// <exception cref="ArgumentException">Only one of <paramref name="lower"/> and <paramref name="upper"/> is given.</exception>
    public MetricColumn(MetricDefinition metric, string jsonPath, Func<TRow, object?> value, string? csvName = null, string? intervalPrefix = null,
        Func<TRow, object?>? lower = null, Func<TRow, object?>? upper = null, bool withInterval = true)
    {
        Metric = Preconditions.CheckNotNull(metric);
        JsonPath = string.IsNullOrWhiteSpace(jsonPath) ? throw new ArgumentException("Name the JSON property.", nameof(jsonPath)) : jsonPath;
        _value = Preconditions.CheckNotNull(value);
        if ((lower is null) != (upper is null))
        {
            throw new ArgumentException("Give both limits of the interval, or neither.", nameof(lower));
        }

        _lower = lower;
        _upper = upper;
        CsvName = csvName ?? jsonPath.Substring(jsonPath.LastIndexOf('.') + 1);
        HasInterval = lower is not null || (withInterval && metric.Kind == MetricKind.Rate);
        var prefix = intervalPrefix ?? CsvName;
        CsvLowerName = HasInterval ? (prefix.Length == 0 ? "lower" : prefix + "Lower") : null;
        CsvUpperName = HasInterval ? (prefix.Length == 0 ? "upper" : prefix + "Upper") : null;
    }

    /// <summary>Whether the value carries an interval (a rate's, or the limits given to the constructor).</summary>
    public bool HasInterval { get; }

    /// <summary>The catalogue entry.</summary>
    public MetricDefinition Metric { get; }

    /// <summary>The property path in the row's JSON object (schema v1).</summary>
    public string JsonPath { get; }

    /// <summary>The CSV header of the value.</summary>
    public string CsvName { get; }

    /// <summary>The CSV header of the lower limit, or <see langword="null"/> without an interval.</summary>
    public string? CsvLowerName { get; }

    /// <summary>The CSV header of the upper limit, or <see langword="null"/> without an interval.</summary>
    public string? CsvUpperName { get; }

    /// <summary>The value of a row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>A rate, a number or <see langword="null"/>.</returns>
    public object? ValueOf(TRow row) => _value(row);

    /// <summary>The interval of a row's value: a rate's limits or the declared ones; both <see langword="null"/> without an
    /// interval or when a limit is undefined.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The lower and upper limits.</returns>
    public (object? Lower, object? Upper) IntervalOf(TRow row)
    {
        if (!HasInterval)
        {
            return (null, null);
        }

        if (_lower is not null && _upper is not null)
        {
            return (_lower(row), _upper(row));
        }

        return ValueOf(row) is Statistics.Rate rate ? (rate.Lower, rate.Upper) : (null, null);
    }

    /// <summary>The metric id and JSON path.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Metric.Id + " (" + JsonPath + ")";
}
