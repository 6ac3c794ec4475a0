namespace LeadAnalytics.Attribution;

/// <summary>The canonical order of distinct key sequences (<see cref="JourneyTableBuilder.CompareSequences"/>: element by element,
/// a prefix before its extensions). Hundreds of thousands of distinct paths are sorted as packed integers when they fit in 64 bits.</summary>
internal static class SequenceOrder
{
    /// <summary>The indexes of <paramref name="sequences"/> (distinct, codes in [0, <paramref name="keyCount"/>)) in canonical order.</summary>
    internal static int[] Sort(int[][] sequences, int keyCount)
    {
        var order = new int[sequences.Length];
        var longest = 0;
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            longest = Math.Max(longest, sequences[i].Length);
        }

        // Each step is stored as code + 1 in `bits` bits, and missing steps after the end as 0: comparing the packed numbers is
        // comparing the sequences element by element with a prefix first. Distinct sequences give distinct numbers, so the
        // (unstable) sort has no ties and the order is the comparison sort's.
        var bits = 1;
        while ((1L << bits) <= keyCount)
        {
            bits++;
        }

        if (longest * bits > 64)
        {
            Array.Sort(order, (a, b) => JourneyTableBuilder.CompareSequences(sequences[a], sequences[b]));
            return order;
        }

        var packed = new ulong[sequences.Length];
        for (var s = 0; s < packed.Length; s++)
        {
            var sequence = sequences[s];
            var key = 0UL;
            for (var i = 0; i < longest; i++)
            {
                key = (key << bits) | (i < sequence.Length ? (ulong)(sequence[i] + 1) : 0UL);
            }

            packed[s] = key;
        }

        Array.Sort(packed, order);
        return order;
    }
}
