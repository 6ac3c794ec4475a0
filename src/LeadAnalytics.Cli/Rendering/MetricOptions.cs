using System.CommandLine;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Cli.Rendering;

/// <summary><c>--metrics ID[,ID]</c> and <c>--rank-by METRIC</c> of a command whose table rows have declared metric
/// columns: the first adds columns to the default view, the second orders the rows best first (and shows that column).
/// Both read catalogue ids or aliases and are validated against the declared columns, with a usage error that names the
/// allowed ids.</summary>
internal sealed class MetricOptions<TRow>
{
    private readonly MetricColumns<TRow> _columns;

    public MetricOptions(MetricColumns<TRow> columns, string rows, bool metrics = true, bool rankBy = true)
    {
        _columns = columns;
        Metrics = metrics
            ? new Option<string?>("--metrics")
            {
                Description = $"More metric columns for the table of {rows}, by id or alias (default: {string.Join(",", columns.DefaultView)}): {Ids}.",
                HelpName = "ID[,ID]",
            }
            : null;
        RankBy = rankBy
            ? new Option<string?>("--rank-by")
            {
                Description = $"Order the table's {rows} by a metric, best first (the table shows it; JSON and CSV keep their order): {Ids}.",
                HelpName = "METRIC",
            }
            : null;
    }

    public Option<string?>? Metrics { get; }

    public Option<string?>? RankBy { get; }

    private string Ids => string.Join(", ", _columns.Select(c => c.Metric.Id));

    public void AddTo(Command command)
    {
        if (Metrics is not null)
        {
            command.Options.Add(Metrics);
        }

        if (RankBy is not null)
        {
            command.Options.Add(RankBy);
        }
    }

    /// <summary>The table's columns: the default view, the <c>--metrics</c> columns, then the <c>--rank-by</c> one.</summary>
    /// <exception cref="CliException">A name is not a metric of these rows (exit 2).</exception>
    public IReadOnlyList<MetricColumn<TRow>> View(ParseResult parse)
    {
        var extra = new List<string>();
        foreach (var name in ((Metrics is null ? null : parse.GetValue(Metrics)) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            extra.Add(Find(name, "--metrics").Metric.Id);
        }

        if (Rank(parse) is { } rank)
        {
            extra.Add(rank.Metric.Id);
        }

        return _columns.View(extra);
    }

    /// <summary>The <c>--rank-by</c> column, or <see langword="null"/> when not given.</summary>
    public MetricColumn<TRow>? Rank(ParseResult parse) =>
        RankBy is not null && parse.GetValue(RankBy) is { } text ? Find(text, "--rank-by") : null;

    /// <summary>The rows ordered by a column, best first (<see cref="MetricDefinition.HigherIsBetter"/>; largest first when
    /// neither way is better), undefined values last; ties keep their order.</summary>
    public static IReadOnlyList<T> Ordered<T>(IEnumerable<T> rows, Func<T, TRow> row, MetricColumn<TRow>? by)
    {
        if (by is null)
        {
            return rows.ToList();
        }

        var ascending = by.Metric.HigherIsBetter == false;
        var keyed = rows.Select(r => (Row: r, Key: Number(by.ValueOf(row(r))))).ToList();
        var defined = keyed.Where(k => k.Key is not null);
        var ordered = ascending ? defined.OrderBy(k => k.Key) : defined.OrderByDescending(k => k.Key);
        return ordered.Concat(keyed.Where(k => k.Key is null)).Select(k => k.Row).ToList();
    }

    private static double? Number(object? value) => value switch
    {
        null => null,
        Rate r => r.Value,
        decimal m => (double)m,
        IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture) is var d && !double.IsNaN(d) ? d : null,
        _ => null,
    };

    private MetricColumn<TRow> Find(string name, string option) =>
        _columns.Find(name) ?? throw CliException.Usage($"{option}: '{Show.Safe(name.Trim())}' is not a metric of this table; use one of {Ids}.");
}
