using System.Collections;

namespace LeadAnalytics.Metrics;

/// <summary>The metric columns a result row type declares, in output order, and its default view (the metric ids a table
/// shows unless asked for more).</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MetricColumns<TRow> : IReadOnlyList<MetricColumn<TRow>>
{
    private readonly MetricColumn<TRow>[] _columns;

    /// <summary>Declares the columns and the default view.</summary>
    /// <param name="columns">Every column, in output order; one per metric.</param>
    /// <param name="defaultView">The ids of the columns a table shows by default.</param>
    /// <exception cref="ArgumentException">A metric appears twice, or the view names a metric without a column.</exception>
    public MetricColumns(IEnumerable<MetricColumn<TRow>> columns, IEnumerable<string> defaultView)
    {
        _columns = (Preconditions.CheckNotNull(columns)).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _columns)
        {
            if (!ids.Add(c.Metric.Id))
            {
                throw new ArgumentException($"The metric '{c.Metric.Id}' has two columns.", nameof(columns));
            }
        }

        DefaultView = (Preconditions.CheckNotNull(defaultView)).ToArray();
        foreach (var id in DefaultView)
        {
            if (!ids.Contains(id))
            {
                throw new ArgumentException($"The view names '{id}', which has no column.", nameof(defaultView));
            }
        }
    }

    /// <summary>The ids of the columns a table shows by default, in order.</summary>
    public IReadOnlyList<string> DefaultView { get; }

    /// <inheritdoc />
    public int Count => _columns.Length;

    /// <inheritdoc />
    public MetricColumn<TRow> this[int index] => _columns[index];

    /// <summary>The column of a metric, by id or alias (<see cref="MetricCatalog.Find"/>).</summary>
    /// <param name="idOrAlias">The name.</param>
    /// <returns>The column, or <see langword="null"/> when the name is no metric of this row type.</returns>
    public MetricColumn<TRow>? Find(string? idOrAlias)
    {
        var metric = MetricCatalog.Find(idOrAlias);
        return metric is null ? null : Array.Find(_columns, c => ReferenceEquals(c.Metric, metric));
    }

    /// <summary>The columns of a table: the default view, then the extra metrics in the order given (duplicates dropped).</summary>
    /// <param name="extra">Ids or aliases to add, or <see langword="null"/>.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="ArgumentException">A name is no metric of this row type; the message lists the ones that are.</exception>
    public IReadOnlyList<MetricColumn<TRow>> View(IEnumerable<string>? extra = null)
    {
        var result = new List<MetricColumn<TRow>>();
        foreach (var id in DefaultView)
        {
            result.Add(Find(id)!);
        }

        foreach (var name in extra ?? Array.Empty<string>())
        {
            var column = Find(name) ?? throw new ArgumentException(
                $"'{name}' is not a metric here; use one of {string.Join(", ", _columns.Select(c => c.Metric.Id))}.", nameof(extra));
            if (!result.Contains(column))
            {
                result.Add(column);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public IEnumerator<MetricColumn<TRow>> GetEnumerator() => ((IEnumerable<MetricColumn<TRow>>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
