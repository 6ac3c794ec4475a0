using System.Globalization;
using LeadAnalytics.Data;

namespace LeadAnalytics.Quality;

/// <summary>
/// The set-level data-quality checks of the template's caution 1 and 2 on a <see cref="LeadTable"/>: duplicate ids, stale
/// (zombie) leads as of an instant, labels that differ only by case, and the audit sample. The per-row checks ran when the rows
/// entered the table (<see cref="LeadTableBuilder.Add(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/>, the CSV
/// import); add the import's issues and counts with <see cref="DataQualityResult.Include"/>.
/// </summary>
/// <remarks>Pure: no clock, no I/O. The result does not depend on the order of the rows. Memory: one int per row (to sort the
/// ids without making strings) plus the sample. With <see cref="DataQualityOptions.Scope"/>'s period only the leads acquired in
/// it are checked (docs/data-quality.md, "Scope"): they are the lead count, the stale leads and the audit sample; an id is
/// reported as duplicate when one of its leads is in the period (the count is over the whole table, since every engine keys
/// by id); labels differing only by case are reported when both occur among those leads.</remarks>
public static class DataQualityAnalyzer
{
    /// <summary>Checks a table as of an instant.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The instant at which stale leads are judged.</param>
    /// <param name="options">The settings; <see cref="DataQualityOptions.Default"/> when null.</param>
    /// <returns>The result (its <see cref="DataQualityResult.Inputs"/> is empty).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The scope has a breakdown or cohort.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of the scope is out of range.</exception>
    public static DataQualityResult Analyze(LeadTable table, DateTimeOffset asOf, DataQualityOptions? options = null)
    {
        Preconditions.CheckNotNull(table);

        options ??= DataQualityOptions.Default;
        options.Validate();
        var found = new List<DataQualityIssue>();
        var n = table.Count;
        var inPeriod = InPeriod(table, options.Scope.Period);

        // Duplicate ids: rows sorted by id (ordinal, compared in place), runs of equal ids reported once.
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var ids = table.Ids;
        Array.Sort(order, (a, b) => { var c = ids.CompareOrdinal(a, b); return c != 0 ? c : a.CompareTo(b); });
        var distinct = new List<int>(n);
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && ids.CompareOrdinal(order[i], order[j]) == 0)
            {
                j++;
            }

            var checkedRun = inPeriod is null;
            for (var k = i; k < j && !checkedRun; k++)
            {
                checkedRun = inPeriod![order[k]];
            }

            if (checkedRun)
            {
                distinct.Add(order[i]);
            }

            if (j - i > 1 && checkedRun)
            {
                var id = ids[order[i]];
                var count = (j - i).ToString(CultureInfo.InvariantCulture);
                found.Add(new DataQualityIssue(DataQualityRule.DuplicateId, IssueSeverity.Error, $"The id '{id}' is used by {count} leads.", id, LeadField.Id, count));
            }

            i = j;
        }

        // Stale leads, as the classifier of every engine judges them.
        var stale = new List<string>();
        var asOfSeconds = table.ToSeconds(asOf);
        var staleAfter = options.Scope.StaleAfter;
        var staleSeconds = LeadTable.StaleSeconds(staleAfter);
        var leadCount = 0;
        for (var row = 0; row < n; row++)
        {
            if (inPeriod is not null && !inPeriod[row])
            {
                continue;
            }

            leadCount++;
            if (table.IsStaleAt(row, asOfSeconds, staleSeconds))
            {
                var id = ids[row];
                stale.Add(id);
                // The table keeps UTC; shown in the as-of instant's offset, as the leads' own were.
                var last = table.ToInstant(table.LatestActivityAt(row, asOfSeconds))!.Value.ToOffset(asOf.Offset);
                found.Add(new DataQualityIssue(DataQualityRule.StaleLead, IssueSeverity.Warning,
                    $"Open with no activity since {Format(last)}: {(asOf - last).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days before {Format(asOf)} (stale after {staleAfter.TotalDays.ToString(CultureInfo.InvariantCulture)} days).",
                    id, null, Format(last)));
            }
        }

        SimilarLabels(table, found, inPeriod);
        var sample = DataQualityChecker.AuditSample(distinct.Select(r => ids[r]), options);
        return new DataQualityResult(asOf, leadCount, found, stale, sample, options);
    }

    /// <summary>Which rows were acquired in the period [from, to), at the table's resolution of a second; null for all time
    /// (every row, without a pass).</summary>
    private static bool[]? InPeriod(LeadTable table, AcquisitionPeriod period)
    {
        if (period.Equals(AcquisitionPeriod.AllTime))
        {
            return null;
        }

        var (from, to) = TableTime.Bounds(table, period);
        var acquired = table.StageSeconds[0];
        var inPeriod = new bool[table.Count];
        for (var row = 0; row < inPeriod.Length; row++)
        {
            inPeriod[row] = acquired[row] >= from && acquired[row] < to;
        }

        return inPeriod;
    }

    /// <summary>Warns about labels of one dimension that differ only by case: they group as separate segments. With a period,
    /// only the labels of the checked leads count.</summary>
    internal static void SimilarLabels(LeadTable table, List<DataQualityIssue> found, bool[]? inPeriod = null)
    {
        foreach (var dimension in new[] { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType, Dimension.Tag })
        {
            var column = table.GetColumn(dimension);
            var values = column.Values;
            var used = inPeriod is null ? null : UsedCodes(table, column, inPeriod);
            var byFolded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (var code = 1; code < values.Count; code++)
            {
                if (values[code] is not { } v || (used is not null && !used[code]))
                {
                    continue;
                }

                var folded = v.ToUpperInvariant();
                if (!byFolded.TryGetValue(folded, out var list))
                {
                    byFolded.Add(folded, list = new List<string>());
                }

                list.Add(v);
            }

            foreach (var pair in byFolded.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (pair.Value.Count > 1)
                {
                    var labels = pair.Value.OrderBy(x => x, StringComparer.Ordinal).ToList();
                    found.Add(new DataQualityIssue(DataQualityRule.SimilarLabels, IssueSeverity.Warning,
                        $"The {Name(dimension)} labels {string.Join(", ", labels.Select(l => "'" + l + "'"))} differ only by letter case; they are counted as {labels.Count} segments.",
                        null, FieldOf(dimension), string.Join(" | ", labels)));
                }
            }
        }
    }

    // The codes of a dimension that the rows in the period use (tags through their offsets).
    private static bool[] UsedCodes(LeadTable table, DimensionColumn column, bool[] inPeriod)
    {
        var used = new bool[column.Cardinality];
        var codes = column.Codes;
        for (var row = 0; row < inPeriod.Length; row++)
        {
            if (!inPeriod[row])
            {
                continue;
            }

            if (column.Dimension != Dimension.Tag)
            {
                used[codes[row]] = true;
                continue;
            }

            for (var at = table.TagOffsets[row]; at < table.TagOffsets[row + 1]; at++)
            {
                used[codes[at]] = true;
            }
        }

        return used;
    }

    private static string Name(Dimension d) => d == Dimension.CustomerType ? "customer type" : d.ToString().ToLowerInvariant();

    private static LeadField FieldOf(Dimension d) => d switch
    {
        Dimension.Channel => LeadField.Channel,
        Dimension.Strategy => LeadField.Strategy,
        Dimension.Content => LeadField.Content,
        Dimension.Industry => LeadField.Industry,
        Dimension.Owner => LeadField.Owner,
        Dimension.CustomerType => LeadField.CustomerType,
        _ => LeadField.Tags,
    };

    private static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
