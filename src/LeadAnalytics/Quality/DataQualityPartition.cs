using LeadAnalytics.Data;

namespace LeadAnalytics.Quality;

/// <summary>
/// The exact, mergeable state of the set-level data-quality checks over some of the leads: every distinct lead id with how many
/// leads use it and whether one of them is checked (acquired in the scope's period), the stale leads with their issues, the
/// labels the checked leads use per dimension, and the counts. Compute one per partition (row ranges, files, machines) with
/// <see cref="DataQualityAnalyzer.AnalyzePartition"/>, <see cref="Merge(DataQualityPartition)"/> them in any order, then read
/// <see cref="ToResult"/>: it equals <see cref="DataQualityAnalyzer.Analyze"/> over all the leads exactly (issues, counts,
/// stale leads and audit sample).
/// </summary>
/// <remarks>
/// <para>As Math.NET's <c>RunningStatistics.Combine</c>: merging is associative and commutative, and a partition of no rows is
/// its identity. Partitions merge when they share the as-of instant and the options (the thread count aside). Immutable and
/// thread-safe.</para>
/// <para>Why a partition carries every id: an id used by leads in two partitions is a duplicate that no partition sees alone,
/// and the same lead exported twice (two files, two systems) is the duplicate the check exists for, so the merge must find
/// it rather than refuse the overlap (which it could not detect without the ids either). The audit sample also needs every
/// distinct id (it takes the ids of smallest seeded hash among all of them). So a partition's size is one entry per distinct
/// id, not bounded like the other engines' partials; a database sends <c>SELECT id, COUNT(*) ... GROUP BY id</c>.</para>
/// </remarks>
public sealed class DataQualityPartition
{
    private readonly DataQualityOptions _options;

    // Distinct ids in ordinal order, the leads using each, and whether one of them is checked.
    private readonly string[] _ids;
    private readonly int[] _counts;
    private readonly bool[] _checked;
    private readonly List<DataQualityIssue> _staleIssues;
    private readonly List<string> _staleIds;
    private readonly HashSet<string>[] _labels;

    internal DataQualityPartition(DateTimeOffset asOf, DataQualityOptions options, long rowCount, long leadCount, string[] ids, int[] counts, bool[] checkedIds,
        List<DataQualityIssue> staleIssues, List<string> staleIds, HashSet<string>[] labels)
    {
        AsOf = asOf;
        _options = options;
        RowCount = rowCount;
        LeadCount = leadCount;
        _ids = ids;
        _counts = counts;
        _checked = checkedIds;
        _staleIssues = staleIssues;
        _staleIds = staleIds;
        _labels = labels;
    }

    /// <summary>The as-of instant of the stale check.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The rows scanned.</summary>
    public long RowCount { get; }

    /// <summary>The leads checked: those acquired in the scope's period (all of them by default).</summary>
    public long LeadCount { get; }

    /// <summary>The distinct lead ids, the size of the partition.</summary>
    public int DistinctIdCount => _ids.Length;

    /// <summary>Merges two partitions of the leads of one data set (the same id in both is a duplicate).</summary>
    /// <param name="other">The other partition.</param>
    /// <returns>The partition of both; the same whichever order partitions are merged in.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The partitions differ in as-of or options.</exception>
    public DataQualityPartition Merge(DataQualityPartition other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(AsOf.Equals(other.AsOf) && SameOptions(_options, other._options), nameof(other),
            "Only partitions with the same as-of instant and options can be merged.");

        // Two ordinal orders merged into one; an id in both adds its counts.
        var ids = new List<string>(_ids.Length + other._ids.Length);
        var counts = new List<int>(ids.Capacity);
        var checkedIds = new List<bool>(ids.Capacity);
        int i = 0, j = 0;
        while (i < _ids.Length || j < other._ids.Length)
        {
            var c = i == _ids.Length ? 1 : j == other._ids.Length ? -1 : string.CompareOrdinal(_ids[i], other._ids[j]);
            if (c < 0)
            {
                ids.Add(_ids[i]);
                counts.Add(_counts[i]);
                checkedIds.Add(_checked[i++]);
            }
            else if (c > 0)
            {
                ids.Add(other._ids[j]);
                counts.Add(other._counts[j]);
                checkedIds.Add(other._checked[j++]);
            }
            else
            {
                ids.Add(_ids[i]);
                counts.Add(checked(_counts[i] + other._counts[j]));
                checkedIds.Add(_checked[i] || other._checked[j]);
                i++;
                j++;
            }
        }

        var labels = new HashSet<string>[_labels.Length];
        for (var d = 0; d < labels.Length; d++)
        {
            labels[d] = new HashSet<string>(_labels[d], StringComparer.Ordinal);
            labels[d].UnionWith(other._labels[d]);
        }

        return new DataQualityPartition(AsOf, _options, RowCount + other.RowCount, LeadCount + other.LeadCount, ids.ToArray(), counts.ToArray(),
            checkedIds.ToArray(), _staleIssues.Concat(other._staleIssues).ToList(), _staleIds.Concat(other._staleIds).ToList(), labels);
    }

    /// <summary>Merges any number of partitions.</summary>
    /// <param name="partitions">At least one partition.</param>
    /// <returns>Their merge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partitions"/> is null.</exception>
    /// <exception cref="ArgumentException">There are none, one is null, or they cannot be merged.</exception>
    public static DataQualityPartition Merge(IEnumerable<DataQualityPartition> partitions) => Partitions.MergeAll(partitions, (a, b) => a.Merge(b));

    /// <summary>The report, identical to <see cref="DataQualityAnalyzer.Analyze"/> over all the partitions' leads.</summary>
    /// <returns>The result (its <see cref="DataQualityResult.Inputs"/> is empty).</returns>
    public DataQualityResult ToResult()
    {
        var found = new List<DataQualityIssue>();
        DataQualityAnalyzer.DuplicateIds(_ids, _counts, _checked, found);
        found.AddRange(_staleIssues);
        DataQualityAnalyzer.SimilarLabels(_labels, found);
        var sampled = new List<string>();
        for (var i = 0; i < _ids.Length; i++)
        {
            if (_checked[i])
            {
                sampled.Add(_ids[i]);
            }
        }

        var sample = DataQualityChecker.AuditSample(sampled, _options);
        return new DataQualityResult(AsOf, checked((int)LeadCount), found, _staleIds, sample, _options);
    }

    private static bool SameOptions(DataQualityOptions a, DataQualityOptions b) =>
        ReferenceEquals(a, b)
        || (a.Scope.IsEquivalentTo(b.Scope) && a.AuditFraction.Equals(b.AuditFraction) && a.AuditSeed == b.AuditSeed
            && a.CycleDaysTolerance.Equals(b.CycleDaysTolerance) && a.ExpectedCurrency == b.ExpectedCurrency && a.RequiredFields.SequenceEqual(b.RequiredFields));
}
