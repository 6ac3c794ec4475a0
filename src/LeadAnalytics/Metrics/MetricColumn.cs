namespace LeadAnalytics.Metrics;

/// <summary>One metric column of a result type: the catalogue entry, where it sits in the JSON document, its CSV header
/// and how to read it from a row. Outputs (JSON, CSV, the tool's tables, the HTML report) are derived from these
/// declarations, so a metric a result computes reaches every output (<see cref="MetricColumns{TRow}"/>).</summary>
/// <typeparam name="TRow">The result row type, for example <c>SegmentSummary</c>.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MetricColumn<TRow>
{
    private readonly Func<TRow, object?> _value;

    /// <summary>Declares a column.</summary>
    /// <param name="metric">The catalogue entry.</param>
    /// <param name="jsonPath">The property path in the row's JSON object, for example <c>costPerLead</c> or
    /// <c>versusRest.adjustedPValue</c>.</param>
    /// <param name="value">Reads the value: a <see cref="Statistics.Rate"/>, a number or <see langword="null"/> (undefined).</param>
    /// <param name="csvName">The CSV header (default: the last part of <paramref name="jsonPath"/>); a rate also writes
    /// <c>{csvName}Lower</c> and <c>{csvName}Upper</c> unless <paramref name="intervalPrefix"/> says otherwise.</param>
    /// <param name="intervalPrefix">The prefix of a rate's interval headers (default <paramref name="csvName"/>).</param>
    public MetricColumn(MetricDefinition metric, string jsonPath, Func<TRow, object?> value, string? csvName = null, string? intervalPrefix = null)
    {
        Metric = Preconditions.CheckNotNull(metric);
        JsonPath = string.IsNullOrWhiteSpace(jsonPath) ? throw new ArgumentException("Name the JSON property.", nameof(jsonPath)) : jsonPath;
        _value = Preconditions.CheckNotNull(value);
        CsvName = csvName ?? jsonPath.Substring(jsonPath.LastIndexOf('.') + 1);
        var prefix = intervalPrefix ?? CsvName;
        CsvLowerName = metric.Kind == MetricKind.Rate ? prefix + "Lower" : null;
        CsvUpperName = metric.Kind == MetricKind.Rate ? prefix + "Upper" : null;
    }

    /// <summary>The catalogue entry.</summary>
    public MetricDefinition Metric { get; }

    /// <summary>The property path in the row's JSON object (schema v1).</summary>
    public string JsonPath { get; }

    /// <summary>The CSV header of the value.</summary>
    public string CsvName { get; }

    /// <summary>The CSV header of a rate's lower limit, or <see langword="null"/> for other kinds.</summary>
    public string? CsvLowerName { get; }

    /// <summary>The CSV header of a rate's upper limit, or <see langword="null"/> for other kinds.</summary>
    public string? CsvUpperName { get; }

    /// <summary>The value of a row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>A rate, a number or <see langword="null"/>.</returns>
    public object? ValueOf(TRow row) => _value(row);

    /// <summary>The metric id and JSON path.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Metric.Id + " (" + JsonPath + ")";
}
