using System.Runtime.CompilerServices;

namespace LeadAnalytics.Data;

/// <summary>
/// The one segment grouping of every engine: maps a row of one table to the dense indices of the segments it counts in,
/// by int code: a dimension value, a pair of values (crossed), each of its tags (a lead without tags in the missing-tag
/// segment), or its acquisition cohort. The last index is always the total, so totals are counted directly (tag segments
/// overlap and do not sum to it). Segments are named by value (<see cref="KeyOf"/>, <see cref="SegmentKeyOf"/>), so engines'
/// partials of different tables merge by value.
/// </summary>
internal sealed class SegmentGrouping
{
    // Pairs with more combinations than this are remapped to the combinations present (a dictionary pre-pass),
    // so the counters stay proportional to the data rather than to the product of cardinalities.
    internal const long DenseLimit = 1 << 16;

    private readonly LeadTable _table;
    private readonly IReadOnlyList<Dimension> _dimensions;
    private readonly CodeColumn? _firstCodes;
    private readonly CodeColumn? _secondCodes;
    private readonly int _secondCardinality;
    private readonly int _tagPosition; // 0 none, 1 first dimension is Tag, 2 second is Tag
    private readonly CodeColumn? _otherCodes;
    private readonly CodeColumn? _tagCodes;
    private readonly OffsetColumn _tagOffsets;

    // Sparse remap (pairs beyond DenseLimit): ids per row (no tag involved) or per tag entry and per tagless row.
    private readonly int _rangeStart;
    private readonly int[]? _rowIds;
    private readonly int[]? _entryIds;
    private readonly long[]? _combinations;

    // Cohorts: local day (relative to the table epoch) -> segment index.
    private readonly int[]? _cohortOfDay;
    private readonly int _minDay;
    private readonly long _offsetSeconds;
    private readonly int[]? _cohortStarts;
    private readonly int[] _acquired;

    // Cohorts crossed with one dimension (not Tag): cell c × K + code, then the K segment totals, then the total.
    private readonly CodeColumn? _crossCodes;
    private readonly int _crossCardinality;

    // The scope's breakdown (dimensions or cohorts) over rows [start, end); rows acquired after as-of count nowhere.
    internal SegmentGrouping(LeadTable table, AnalysisScope scope, int asOfSeconds, int start, int end)
        : this(table, scope.Breakdown, scope.Cohort, asOfSeconds, start, end, scope.CohortUtcOffset)
    {
    }

    internal SegmentGrouping(LeadTable table, IReadOnlyList<Dimension> dimensions, CohortPeriod? cohort, int asOfSeconds, int start, int end, TimeSpan cohortOffset)
    {
        _table = table;
        _dimensions = dimensions;
        _tagOffsets = table.TagOffsets;
        _acquired = table.StageSeconds[0];
        _rangeStart = start;
        _secondCardinality = 1;
        if (cohort is { } period)
        {
            _offsetSeconds = (long)cohortOffset.TotalSeconds;
            (_cohortOfDay, _cohortStarts, _minDay) = BuildCohorts(table, asOfSeconds, start, end, period, _offsetSeconds);
            Count = _cohortStarts.Length + 1;
            MaxGroupsPerRow = 2;
            if (dimensions.Count == 1)
            {
                // Each lead counts in its cohort × value cell and in its value's segment (the cell's reference), besides
                // the total; the cohorts' own totals are the merges of their cells.
                if (dimensions[0] == Dimension.Tag)
                {
                    throw new ArgumentException("Cohorts within segments need a dimension other than Tag (a lead has one value).", nameof(dimensions));
                }

                var column = table.Dimensions[(int)dimensions[0]];
                _crossCodes = column.Codes;
                _crossCardinality = column.Cardinality;
                var cells = ((long)_cohortStarts.Length + 1) * _crossCardinality;
                if (cells > DenseLimit)
                {
                    throw new ArgumentException(
                        $"{_cohortStarts.Length} cohorts × {_crossCardinality} values of {dimensions[0]} are more than {DenseLimit} cells: choose a longer period or a dimension with fewer values.",
                        nameof(dimensions));
                }

                Count = (int)cells + 1;
                MaxGroupsPerRow = 3;
            }
        }
        else if (dimensions.Count == 0)
        {
            Count = 1;
            MaxGroupsPerRow = 1;
        }
        else
        {
            var first = dimensions[0];
            var second = dimensions.Count > 1 ? dimensions[1] : (Dimension?)null;
            var firstColumn = table.Dimensions[(int)first];
            var secondColumn = second is { } d2 ? table.Dimensions[(int)d2] : null;
            _secondCardinality = secondColumn?.Cardinality ?? 1;
            _tagPosition = first == Dimension.Tag ? 1 : second == Dimension.Tag ? 2 : 0;
            if (_tagPosition == 0)
            {
                _firstCodes = firstColumn.Codes;
                _secondCodes = secondColumn?.Codes;
            }
            else
            {
                _tagCodes = table.Dimensions[(int)Dimension.Tag].Codes;
                _otherCodes = _tagPosition == 1 ? secondColumn?.Codes : firstColumn.Codes;
            }

            var combinations = (long)firstColumn.Cardinality * _secondCardinality;
            if (combinations <= DenseLimit)
            {
                Count = (int)combinations + 1;
            }
            else
            {
                _combinations = Remap(asOfSeconds, start, end, out _rowIds, out _entryIds);
                Count = _combinations.Length + 1;
            }

            MaxGroupsPerRow = _tagPosition == 0 ? 2 : MaxTags(start, end) + 1;
        }
    }

    /// <summary>Segments including the total (the last index).</summary>
    internal int Count { get; }

    internal int Total => Count - 1;

    internal int MaxGroupsPerRow { get; }

    /// <summary>Every row counts in exactly one segment besides the total (no grouping by several tags of one lead), so the
    /// total's cells are the sums of the segments' cells and need not be counted row by row.</summary>
    internal bool OneSegmentPerRow => Count > 1 && MaxGroupsPerRow == 2;

    /// <summary>The one segment of a row when <see cref="OneSegmentPerRow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int SegmentOf(int row, int[] scratch)
    {
        if (_tagPosition == 0 && _cohortOfDay is null)
        {
            return _rowIds is not null
                ? _rowIds[row - _rangeStart]
                : (_firstCodes![row] * _secondCardinality) + (_secondCodes is null ? 0 : _secondCodes[row]);
        }

        GroupsOf(row, scratch);
        return scratch[0];
    }

    /// <summary>Writes the segment indices of a row (acquired by as-of) into <paramref name="groups"/>, the total last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int GroupsOf(int row, int[] groups)
    {
        if (Count == 1)
        {
            groups[0] = 0;
            return 1;
        }

        if (_cohortOfDay is not null)
        {
            var cohort = _cohortOfDay[CohortCalendar.FloorDiv(_acquired[row] + _offsetSeconds, CohortCalendar.SecondsPerDay) - _minDay];
            if (_crossCodes is not null)
            {
                var code = _crossCodes[row];
                groups[0] = (cohort * _crossCardinality) + code;
                groups[1] = (_cohortStarts!.Length * _crossCardinality) + code;
                groups[2] = Total;
                return 3;
            }

            groups[0] = cohort;
            groups[1] = Total;
            return 2;
        }

        var n = 0;
        if (_tagPosition == 0)
        {
            groups[n++] = _rowIds is not null
                ? _rowIds[row - _rangeStart]
                : (_firstCodes![row] * _secondCardinality) + (_secondCodes is null ? 0 : _secondCodes[row]);
        }
        else
        {
            var start = _tagOffsets[row];
            var end = _tagOffsets[row + 1];
            var other = _otherCodes is null ? 0 : _otherCodes[row];
            if (start == end)
            {
                // A lead without tags counts in the missing-tag segment, code 0.
                groups[n++] = _entryIds is not null ? _rowIds![row - _rangeStart] : Combine(0, other);
            }
            else
            {
                for (var e = start; e < end; e++)
                {
                    groups[n++] = _entryIds is not null ? _entryIds[e - _tagOffsets[_rangeStart]] : Combine(_tagCodes![e], other);
                }
            }
        }

        groups[n++] = Total;
        return n;
    }

    /// <summary>The values naming a segment index below <see cref="Total"/>.</summary>
    internal GroupKey KeyOf(int group)
    {
        if (_cohortStarts is not null)
        {
            if (_crossCodes is null)
            {
                return new GroupKey(null, null, _cohortStarts[group]);
            }

            // A cell (value, cohort start) or a value's segment across cohorts (value, 0).
            var value = _table.Dimensions[(int)_dimensions[0]].ValueOf(group % _crossCardinality);
            var cohort = group / _crossCardinality;
            return new GroupKey(value, null, cohort < _cohortStarts.Length ? _cohortStarts[cohort] : 0);
        }

        long combined = _combinations is null ? group : _combinations[group];
        var firstCode = (int)(combined / _secondCardinality);
        var secondCode = (int)(combined % _secondCardinality);
        var first = _table.Dimensions[(int)_dimensions[0]].ValueOf(firstCode);
        var second = _dimensions.Count > 1 ? _table.Dimensions[(int)_dimensions[1]].ValueOf(secondCode) : null;
        return new GroupKey(first, second, 0);
    }

    /// <summary>The key of a dimension segment (not a cohort) below <see cref="Total"/>.</summary>
    internal SegmentKey SegmentKeyOf(int group)
    {
        var key = KeyOf(group);
        return _dimensions.Count == 1 ? SegmentKey.Of(_dimensions[0], key.First) : new SegmentKey(_dimensions, new[] { key.First, key.Second });
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Combine(int tag, int other) => _tagPosition == 1 ? (tag * _secondCardinality) + other : (other * _secondCardinality) + tag;

    private int MaxTags(int start, int end)
    {
        var max = 1;
        for (var row = start; row < end; row++)
        {
            max = Math.Max(max, _tagOffsets[row + 1] - _tagOffsets[row]);
        }

        return max;
    }

    private long[] Remap(int asOfSeconds, int start, int end, out int[] rowIds, out int[]? entryIds)
    {
        var ids = new Dictionary<long, int>();
        var combinations = new List<long>();
        rowIds = new int[end - start];
        entryIds = _tagPosition == 0 ? null : new int[_tagOffsets[end] - _tagOffsets[start]];
        for (var row = start; row < end; row++)
        {
            if (_acquired[row] > asOfSeconds)
            {
                continue;
            }

            if (_tagPosition == 0)
            {
                rowIds[row - start] = IdOf(((long)_firstCodes![row] * _secondCardinality) + (_secondCodes is null ? 0 : _secondCodes[row]));
                continue;
            }

            var other = _otherCodes is null ? 0 : _otherCodes[row];
            if (_tagOffsets[row] == _tagOffsets[row + 1])
            {
                rowIds[row - start] = IdOf(Combine(0, other));
            }

            for (var e = _tagOffsets[row]; e < _tagOffsets[row + 1]; e++)
            {
                entryIds![e - _tagOffsets[start]] = IdOf(Combine(_tagCodes![e], other));
            }
        }

        return combinations.ToArray();

        int IdOf(long combined)
        {
            if (!ids.TryGetValue(combined, out var id))
            {
                id = combinations.Count;
                ids.Add(combined, id);
                combinations.Add(combined);
            }

            return id;
        }
    }

    private static (int[] CohortOfDay, int[] Starts, int MinDay) BuildCohorts(
        LeadTable table, int asOfSeconds, int start, int end, CohortPeriod period, long offsetSeconds)
    {
        var acquired = table.StageSeconds[0];
        var min = int.MaxValue;
        var max = int.MinValue;
        for (var row = start; row < end; row++)
        {
            if (acquired[row] <= asOfSeconds)
            {
                var day = CohortCalendar.FloorDiv(acquired[row] + offsetSeconds, CohortCalendar.SecondsPerDay);
                min = Math.Min(min, day);
                max = Math.Max(max, day);
            }
        }

        if (min > max)
        {
            return (Array.Empty<int>(), Array.Empty<int>(), 0);
        }

        var epochDay = (int)(table.EpochTicks / TimeSpan.TicksPerDay);
        var map = new int[max - min + 1];
        var starts = new List<int>();
        var current = int.MinValue;
        for (var day = min; day <= max; day++)
        {
            var periodStart = CohortCalendar.PeriodStart(epochDay + day, period);
            if (periodStart != current)
            {
                current = periodStart;
                starts.Add(periodStart);
            }

            map[day - min] = starts.Count - 1;
        }

        return (map, starts.ToArray(), min);
    }
}
