namespace LeadAnalytics.Attribution;

/// <summary>
/// The Shapley value of the channel-set game of Zhao et al. (2018), exact. The worth of a coalition S is the conversions (or value)
/// of the journeys whose set of keys is a subset of S: v is the zeta (subset-sum) transform of R(T), the conversions of journeys
/// whose key set is exactly T. The Möbius transform of v, its Harsanyi dividends, is therefore R itself, and the Shapley value is
/// each dividend split evenly among its members: phi_j = sum over occurring sets T containing j of R(T) / |T|. This needs only
/// the sets that occur, never the 2^n coalitions, so 20 (or 200) keys cost no more than the number of distinct sets.
/// </summary>
internal static class ShapleyAttribution
{
    internal static RawCredit Compute(JourneyTable table)
    {
        var sets = table.Keys.Length <= 64 ? SetsFromMasks(table) : SetsFromSortedKeys(table);
        return SplitDividends(table.Keys.Length, sets);
    }

    /// <summary>Up to 64 keys: a journey's key set is a bit mask (an OR per step, no sorting), hashed as one number. Sets are
    /// numbered in order of first appearance and written out as their keys in ascending order, as
    /// <see cref="SetsFromSortedKeys"/> numbers and writes them, so both give the same bits.</summary>
    private static KeySets SetsFromMasks(JourneyTable table)
    {
        var setOf = new Dictionary<ulong, int>();
        var masks = new List<ulong>();
        var result = new KeySets();
        for (var r = 0; r < table.RowCount; r++)
        {
            var conversions = table.Conversions[r];
            if (conversions == 0)
            {
                continue; // a non-converting journey adds nothing to any coalition's worth
            }

            var mask = 0UL;
            for (var i = table.RowStart[r]; i < table.RowStart[r + 1]; i++)
            {
                mask |= 1UL << table.StepKey[i];
            }

            if (!setOf.TryGetValue(mask, out var id))
            {
                id = masks.Count;
                setOf.Add(mask, id);
                masks.Add(mask);
            }

            result.Add(id, conversions, table.Value[r]);
        }

        var members = new int[64];
        foreach (var mask in masks)
        {
            var size = 0;
            for (var key = 0; key < 64; key++)
            {
                if ((mask & (1UL << key)) != 0)
                {
                    members[size++] = key;
                }
            }

            result.Sets.GetOrAdd(members, 0, size);
        }

        return result;
    }

    /// <summary>Any number of keys: a journey's key set as its sorted distinct keys, hashed as a sequence.</summary>
    private static KeySets SetsFromSortedKeys(JourneyTable table)
    {
        var result = new KeySets();
        var buffer = new int[Math.Max(1, table.MaxRowLength)];
        for (var r = 0; r < table.RowCount; r++)
        {
            var conversions = table.Conversions[r];
            if (conversions == 0)
            {
                continue; // a non-converting journey adds nothing to any coalition's worth
            }

            var start = table.RowStart[r];
            var length = table.RowStart[r + 1] - start;
            Array.Copy(table.StepKey, start, buffer, 0, length);
            Array.Sort(buffer, 0, length);
            var distinct = 0;
            for (var i = 0; i < length; i++)
            {
                if (distinct == 0 || buffer[distinct - 1] != buffer[i])
                {
                    buffer[distinct++] = buffer[i];
                }
            }

            result.Add(result.Sets.GetOrAdd(buffer, 0, distinct), conversions, table.Value[r]);
        }

        return result;
    }

    /// <summary>Each occurring set's dividend (its conversions and value) split evenly among its members, summed per key.</summary>
    private static RawCredit SplitDividends(int keyCount, KeySets sets)
    {
        var credit = new double[keyCount];
        var creditCompensation = new double[keyCount];
        var value = new double[keyCount];
        var valueCompensation = new double[keyCount];
        for (var t = 0; t < sets.Sets.Count; t++)
        {
            var size = sets.Sets.Length(t);
            var dividend = sets.Conversions[t] / size;
            var valueDividend = (double)sets.Value[t] / size;
            for (var i = 0; i < size; i++)
            {
                var key = sets.Sets.Get(t, i);
                NeumaierSum.Add(credit, creditCompensation, key, dividend);
                NeumaierSum.Add(value, valueCompensation, key, valueDividend);
            }
        }

        return new RawCredit(NeumaierSum.Totals(credit, creditCompensation), NeumaierSum.Totals(value, valueCompensation));
    }

    /// <summary>The distinct key sets of the converting journeys (numbered in order of first appearance) with the conversions
    /// and value of the journeys that have exactly that set.</summary>
    private sealed class KeySets
    {
        internal SequenceMap Sets { get; } = new();

        internal List<double> Conversions { get; } = new();

        internal List<decimal> Value { get; } = new();

        internal void Add(int set, double conversions, decimal value)
        {
            if (set == Conversions.Count)
            {
                Conversions.Add(0);
                Value.Add(0m);
            }

            Conversions[set] += conversions;
            Value[set] += value;
        }
    }
}
