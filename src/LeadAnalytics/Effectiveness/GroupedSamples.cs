using LeadAnalytics.Data;

namespace LeadAnalytics.Effectiveness;

// Samples of many groups (durations in whole seconds, at most int.MaxValue) in one flat array (compressed rows): count
// per group, seal, add, then quantiles per group. Two passes over the data instead of a list per group, so filling
// allocates nothing per value. Rows are counted and added by chunk: a chunk's values of a group go after the earlier
// chunks' values of that group, so the array is the same for any chunking, and each chunk writes only its own positions
// (chunks may fill in parallel).
internal sealed class GroupedSamples
{
    private readonly int _groups;
    private readonly int[] _offsets;
    private readonly int[][] _next;
    private int[] _values = Array.Empty<int>();

    internal GroupedSamples(int groups, int chunks = 1)
    {
        _groups = groups;
        _offsets = new int[groups + 1];
        _next = new int[chunks][];
        for (var c = 0; c < chunks; c++)
        {
            _next[c] = new int[groups];
        }
    }

    // Before Seal, _next[chunk] holds the chunk's count per group.
    internal void Count(int chunk, int group) => _next[chunk][group]++;

    internal void Seal()
    {
        var running = 0;
        for (var g = 0; g < _groups; g++)
        {
            _offsets[g] = running;
            foreach (var counts in _next)
            {
                var n = counts[g];
                counts[g] = running;
                running += n;
            }
        }

        _offsets[_groups] = running;
        _values = new int[running];
    }

    internal void Add(int chunk, int group, int value) => _values[_next[chunk][group]++] = value;

    // A group's values counted per distinct value; sorts that group's slice.
    internal DurationCounts Counts(int group)
    {
        var start = _offsets[group];
        return DurationCounts.FromValues(_values, start, _offsets[group + 1] - start);
    }
}
