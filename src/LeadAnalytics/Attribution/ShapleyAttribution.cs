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
    internal static RawCredit Compute(JourneyTable table) => table.Keys.Length <= 64 ? ComputeFromMasks(table) : ComputeFromSets(table);

    /// <summary>Up to 64 keys: a journey's key set is a bit mask (an OR per step, no sorting), hashed as one number. Sets are
    /// numbered in order of first appearance and their members visited in key order, as in <see cref="ComputeFromSets"/>, so
    /// both give the same bits.</summary>
    private static RawCredit ComputeFromMasks(JourneyTable table)
    {
        var keyCount = table.Keys.Length;
        var setOf = new Dictionary<ulong, int>();
        var masks = new List<ulong>();
        var setConversions = new List<double>();
        var setValue = new List<decimal>();
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
                setConversions.Add(0);
                setValue.Add(0m);
            }

            setConversions[id] += conversions;
            setValue[id] += table.Value[r];
        }

        var credit = new double[keyCount];
        var creditCompensation = new double[keyCount];
        var value = new double[keyCount];
        var valueCompensation = new double[keyCount];
        for (var t = 0; t < masks.Count; t++)
        {
            var mask = masks[t];
            var size = 0;
            for (var m = mask; m != 0; m &= m - 1)
            {
                size++;
            }

            var dividend = setConversions[t] / size;
            var valueDividend = (double)setValue[t] / size;
            for (var key = 0; key < keyCount; key++)
            {
                if ((mask & (1UL << key)) != 0)
                {
                    NeumaierSum.Add(credit, creditCompensation, key, dividend);
                    NeumaierSum.Add(value, valueCompensation, key, valueDividend);
                }
            }
        }

        return new RawCredit(NeumaierSum.Totals(credit, creditCompensation), NeumaierSum.Totals(value, valueCompensation));
    }

    /// <summary>Any number of keys: a journey's key set as its sorted distinct keys, hashed as a sequence.</summary>
    private static RawCredit ComputeFromSets(JourneyTable table)
    {
        var keyCount = table.Keys.Length;
        var sets = new SequenceMap();
        var setConversions = new List<double>();
        var setValue = new List<decimal>();
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

            var id = sets.GetOrAdd(buffer, 0, distinct);
            if (id == setConversions.Count)
            {
                setConversions.Add(0);
                setValue.Add(0m);
            }

            setConversions[id] += conversions;
            setValue[id] += table.Value[r];
        }

        var credit = new double[keyCount];
        var creditCompensation = new double[keyCount];
        var value = new double[keyCount];
        var valueCompensation = new double[keyCount];
        for (var t = 0; t < sets.Count; t++)
        {
            var size = sets.Length(t);
            var dividend = setConversions[t] / size;
            var valueDividend = (double)setValue[t] / size;
            for (var i = 0; i < size; i++)
            {
                var key = sets.Get(t, i);
                NeumaierSum.Add(credit, creditCompensation, key, dividend);
                NeumaierSum.Add(value, valueCompensation, key, valueDividend);
            }
        }

        return new RawCredit(NeumaierSum.Totals(credit, creditCompensation), NeumaierSum.Totals(value, valueCompensation));
    }
}
