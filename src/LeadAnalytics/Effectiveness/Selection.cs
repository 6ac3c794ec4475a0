using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

// Finds the k smallest items without sorting them all (QuickSelect: linear time on average). Equal items may land on
// either side of k, so callers use it only where equal items are interchangeable.
internal static class Selection
{
    // The k-th smallest (from 0) of the keys, which it reorders.
    internal static ulong NthSmallest(ulong[] keys, int k)
    {
        QuickSelect.Select(keys, 0, keys.Length - 1, k, default(QuickSelect.UInt64Order));
        return keys[k];
    }

    // Afterwards items[left..k] hold the k - left + 1 smallest of items[left..right] (in no particular order).
    internal static void SelectSmallest<T>(T[] items, int left, int right, int k, Comparison<T> compare) =>
        QuickSelect.Select(items, left, right, k, new QuickSelect.ComparisonOrder<T>(compare));
}
