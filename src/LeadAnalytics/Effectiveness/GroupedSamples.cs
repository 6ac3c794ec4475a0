using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

// Samples of many groups in one flat array (compressed rows): count per group, seal, add, then quantiles per group.
// Two passes over the data instead of a list per group, so filling allocates nothing per value.
internal sealed class GroupedSamples
{
    private readonly int[] _offsets;
    private int[] _next = Array.Empty<int>();
    private double[] _values = Array.Empty<double>();

    internal GroupedSamples(int groups)
    {
        _offsets = new int[groups + 1];
    }

    internal void Count(int group) => _offsets[group + 1]++;

    internal void Seal()
    {
        for (var g = 1; g < _offsets.Length; g++)
        {
            _offsets[g] += _offsets[g - 1];
        }

        _values = new double[_offsets[_offsets.Length - 1]];
        _next = new int[_offsets.Length - 1];
        Array.Copy(_offsets, _next, _next.Length);
    }

    internal void Add(int group, double value) => _values[_next[group]++] = value;

    // The p-quantile of a group by selection (linear time); reorders that group's values, which later quantiles allow for.
    internal double? Quantile(int group, double p, QuantileMethod method)
    {
        var start = _offsets[group];
        return Quantiles.OfSlice(_values, start, _offsets[group + 1] - start, p, method);
    }
}
