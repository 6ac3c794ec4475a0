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
/// ids in place) and each distinct id once (the audit sample draws from them, and a partition carries them so that duplicates
/// across partitions are found: <see cref="DataQualityPartition"/>). With <see cref="DataQualityOptions.Scope"/>'s period only the leads acquired in
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
        return AnalyzePartition(table, asOf, 0, table.Count, options).ToResult();
    }

    /// <summary>Checks rows [<paramref name="startRow"/>, <paramref name="startRow"/> + <paramref name="rowCount"/>) of a table: a
    /// partial check to merge with others (<see cref="DataQualityPartition.Merge(DataQualityPartition)"/>) and finish with
    /// <see cref="DataQualityPartition.ToResult"/>. <see cref="Analyze"/> is this over all the rows.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The instant at which stale leads are judged.</param>
    /// <param name="startRow">The first row.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="options">The settings; <see cref="DataQualityOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The scope has a breakdown or cohort.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rows are not all in the table, or a setting of the scope is out of range.</exception>
    public static DataQualityPartition AnalyzePartition(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, DataQualityOptions? options = null)
    {
        Preconditions.CheckNotNull(table);

        options ??= DataQualityOptions.Default;
        options.Validate();
        Partitions.CheckRows(table.Count, startRow, rowCount);
        var inPeriod = InPeriod(table, options.Scope.Period, startRow, rowCount);

        // Ids: rows sorted by id (ordinal, compared in place), each run of equal ids kept once with its count and whether one of
        // its leads is checked (in the period).
        var order = new int[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            order[i] = startRow + i;
        }

        var ids = table.Ids;
        Array.Sort(order, (a, b) => { var c = ids.CompareOrdinal(a, b); return c != 0 ? c : a.CompareTo(b); });
        var distinctIds = new List<string>();
        var counts = new List<int>();
        var checkedIds = new List<bool>();
        for (var i = 0; i < rowCount;)
        {
            var j = i + 1;
            while (j < rowCount && ids.CompareOrdinal(order[i], order[j]) == 0)
            {
                j++;
            }

            var checkedRun = inPeriod is null;
            for (var k = i; k < j && !checkedRun; k++)
            {
                checkedRun = inPeriod![order[k] - startRow];
            }

            distinctIds.Add(ids[order[i]]);
            counts.Add(j - i);
            checkedIds.Add(checkedRun);
            i = j;
        }

        // Stale leads, as the classifier of every engine judges them.
        var found = new List<DataQualityIssue>();
        var stale = new List<string>();
        var asOfSeconds = table.ToSeconds(asOf);
        var staleAfter = options.Scope.StaleAfter;
        var staleSeconds = LeadTable.StaleSeconds(staleAfter);
        var leadCount = 0;
        for (var row = startRow; row < startRow + rowCount; row++)
        {
            if (inPeriod is not null && !inPeriod[row - startRow])
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

        return new DataQualityPartition(asOf, options, rowCount, leadCount, distinctIds.ToArray(), counts.ToArray(), checkedIds.ToArray(), found, stale,
            UsedLabels(table, inPeriod, startRow, rowCount));
    }

    /// <summary>The duplicate-id issues of ids in ordinal order with their lead counts: an id used by more than one lead, one of
    /// them checked.</summary>
    internal static void DuplicateIds(string[] ids, int[] counts, bool[] checkedIds, List<DataQualityIssue> found)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (counts[i] > 1 && checkedIds[i])
            {
                var count = counts[i].ToString(CultureInfo.InvariantCulture);
                found.Add(new DataQualityIssue(DataQualityRule.DuplicateId, IssueSeverity.Error, $"The id '{ids[i]}' is used by {count} leads.", ids[i], LeadField.Id, count));
            }
        }
    }

    /// <summary>Which rows of [startRow, startRow + rowCount) were acquired in the period [from, to), at the table's resolution of
    /// a second (indexed from startRow); null for all time (every row, without a pass).</summary>
    private static bool[]? InPeriod(LeadTable table, AcquisitionPeriod period, int startRow, int rowCount)
    {
        if (period.Equals(AcquisitionPeriod.AllTime))
        {
            return null;
        }

        var (from, to) = TableTime.Bounds(table, period);
        var acquired = table.StageSeconds[0];
        var inPeriod = new bool[rowCount];
        for (var i = 0; i < inPeriod.Length; i++)
        {
            inPeriod[i] = acquired[startRow + i] >= from && acquired[startRow + i] < to;
        }

        return inPeriod;
    }

    /// <summary>The dimensions whose labels are compared for letter case, in report order.</summary>
    internal static readonly Dimension[] LabelDimensions =
        { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType, Dimension.Tag };

    /// <summary>The labels of each of <see cref="LabelDimensions"/> that the checked rows of the range use (by value, so the
    /// labels of partitions of separately built tables unite).</summary>
    private static HashSet<string>[] UsedLabels(LeadTable table, bool[]? inPeriod, int startRow, int rowCount)
    {
        var labels = new HashSet<string>[LabelDimensions.Length];
        for (var d = 0; d < labels.Length; d++)
        {
            var column = table.GetColumn(LabelDimensions[d]);
            var values = column.Values;
            var used = UsedCodes(table, column, inPeriod, startRow, rowCount);
            labels[d] = new HashSet<string>(StringComparer.Ordinal);
            for (var code = 1; code < values.Count; code++)
            {
                if (values[code] is { } v && used[code])
                {
                    labels[d].Add(v);
                }
            }
        }

        return labels;
    }

    /// <summary>Warns about labels of one dimension that differ only by case: they group as separate segments.</summary>
    internal static void SimilarLabels(HashSet<string>[] labels, List<DataQualityIssue> found)
    {
        for (var d = 0; d < LabelDimensions.Length; d++)
        {
            var dimension = LabelDimensions[d];
            var byFolded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var v in labels[d])
            {
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
                    var sorted = pair.Value.OrderBy(x => x, StringComparer.Ordinal).ToList();
                    found.Add(new DataQualityIssue(DataQualityRule.SimilarLabels, IssueSeverity.Warning,
                        $"The {Name(dimension)} labels {string.Join(", ", sorted.Select(l => "'" + l + "'"))} differ only by letter case; they are counted as {sorted.Count} segments.",
                        null, FieldOf(dimension), string.Join(" | ", sorted)));
                }
            }
        }
    }

    // The codes of a dimension that the checked rows of the range use (tags through their offsets).
    private static bool[] UsedCodes(LeadTable table, DimensionColumn column, bool[]? inPeriod, int startRow, int rowCount)
    {
        var used = new bool[column.Cardinality];
        var codes = column.Codes;
        for (var row = startRow; row < startRow + rowCount; row++)
        {
            if (inPeriod is not null && !inPeriod[row - startRow])
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
