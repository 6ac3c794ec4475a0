using System.Collections;

namespace LeadAnalytics.Funnel;

/// <summary>Ascending whole-second durations seen as doubles, so <see cref="Statistics.Quantiles.OfSorted"/> reads them without a copy.</summary>
internal sealed class SortedSeconds : IReadOnlyList<double>
{
    private readonly int[] _seconds;

    internal SortedSeconds(int[] seconds) => _seconds = seconds;

    public int Count => _seconds.Length;

    public double this[int index] => _seconds[index];

    public IEnumerator<double> GetEnumerator()
    {
        foreach (var s in _seconds)
        {
            yield return s;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
