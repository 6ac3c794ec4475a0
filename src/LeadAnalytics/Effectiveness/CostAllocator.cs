using LeadAnalytics.Data;

namespace LeadAnalytics.Effectiveness;

// Turns cost entries into a spend per in-period lead, in minor units of the report currency, conserving every entry's
// in-period amount exactly:
// 1. In-period part of an entry = cumulative rounding of its amount pro rata by exact time overlap:
//    part = R(A * (overlapEnd - start) / length) - R(A * (overlapStart - start) / length), R rounding to the minor unit
//    half away from zero. Adjacent report periods therefore split an entry with nothing lost or created.
// 2. The part is divided equally among the leads it matches (same channel / strategy / content value, acquired inside the
//    overlap): each gets the quotient in minor units, and the remainder goes one unit each to the matching leads first in
//    lead-id order (largest remainder with all remainders equal, ties by id), so the result does not depend on input order.
// 3. A lead matched by several entries (a channel cost and a strategy cost, say) receives a share of each.
internal static class CostAllocator
{
    internal sealed class PreparedCost
    {
        public PreparedCost(CostEntry entry, int dimension, int code, decimal amount)
        {
            Entry = entry;
            Dimension = dimension;
            Code = code;
            Amount = amount;
        }

        public CostEntry Entry { get; }

        public int Dimension { get; }

        public int Code { get; }

        public decimal Amount { get; }
    }

    internal sealed class Allocation
    {
        public Allocation(long[] spend, bool[] hasCost, long inPeriodMinor, long allocatedMinor, List<(PreparedCost Cost, long Minor, UnmatchedCostReason Reason)> unmatched, int outside)
        {
            Spend = spend;
            HasCost = hasCost;
            InPeriodMinor = inPeriodMinor;
            AllocatedMinor = allocatedMinor;
            Unmatched = unmatched;
            EntriesOutsidePeriod = outside;
        }

        public long[] Spend { get; }

        public bool[] HasCost { get; }

        public long InPeriodMinor { get; }

        public long AllocatedMinor { get; }

        public List<(PreparedCost Cost, long Minor, UnmatchedCostReason Reason)> Unmatched { get; }

        public int EntriesOutsidePeriod { get; }
    }

    internal static List<PreparedCost> Prepare(IReadOnlyList<CostEntry> costs, LeadTable table, Currency currency, Func<Money, Currency, Money>? converter)
    {
        var prepared = new List<PreparedCost>(costs.Count);
        foreach (var entry in costs)
        {
            var amount = entry.Amount;
            if (amount.Currency != currency)
            {
                if (converter is null)
                {
                    throw new CurrencyMismatchException(currency, amount.Currency);
                }

                amount = converter(amount, currency);
                if (amount.Currency != currency)
                {
                    throw new CurrencyMismatchException(currency, amount.Currency);
                }

                // A cost entry is never negative; a converted one must not be either, or its remainder cents could not be
                // handed out and the per-lead spends would not add up to the allocated total.
                if (amount.Amount < 0)
                {
                    throw new ArgumentException(
                        $"The currency converter turned the {entry.Scope} cost '{entry.Key}' of {entry.Amount} into {amount}: a converted cost must not be negative.",
                        "options");
                }
            }

            var dimension = entry.Scope switch
            {
                CostScope.Channel => Dimension.Channel,
                CostScope.Strategy => Dimension.Strategy,
                _ => Dimension.Content,
            };
            prepared.Add(new PreparedCost(entry, (int)dimension, table.GetColumn(dimension).CodeOf(entry.Key), amount.Amount));
        }

        return prepared;
    }

    internal static Allocation Allocate(LeadTable table, int[] rows, List<PreparedCost> costs, long? fromTicks, long? toTicks, decimal scale, EffectivenessOptions? options = null)
    {
        options ??= EffectivenessOptions.Default;
        var spend = new long[rows.Length];
        var hasCost = new bool[rows.Length];
        var unmatched = new List<(PreparedCost, long, UnmatchedCostReason)>();
        var n = costs.Count;
        var part = new long[n];
        var windowStart = new int[n];
        var windowEnd = new int[n];
        var active = new bool[n];
        var outside = 0;
        long inPeriod = 0;

        // Entries by (scope dimension, code), so each lead finds its entries without scanning them all.
        var byCode = new int[3][][];
        var lists = new List<int>?[3][];
        for (var d = 0; d < 3; d++)
        {
            lists[d] = new List<int>?[table.Dimensions[d].Cardinality];
        }

        for (var e = 0; e < n; e++)
        {
            var c = costs[e];
            long start = c.Entry.PeriodStart.UtcTicks, end = c.Entry.PeriodEnd.UtcTicks;
            var overlapStart = fromTicks is { } f && f > start ? f : start;
            var overlapEnd = toTicks is { } t && t < end ? t : end;
            if (overlapEnd <= overlapStart)
            {
                outside++;
                continue;
            }

            part[e] = Cumulative(c.Amount, start, end, overlapEnd, scale) - Cumulative(c.Amount, start, end, overlapStart, scale);
            inPeriod += part[e];
            if (c.Code < 0)
            {
                unmatched.Add((c, part[e], UnmatchedCostReason.UnknownKey));
                continue;
            }

            windowStart[e] = TableTime.CeilSeconds(table, overlapStart);
            windowEnd[e] = TableTime.CeilSeconds(table, overlapEnd);
            active[e] = true;
            (lists[c.Dimension][c.Code] ??= new List<int>()).Add(e);
        }

        for (var d = 0; d < 3; d++)
        {
            byCode[d] = new int[lists[d].Length][];
            for (var code = 0; code < lists[d].Length; code++)
            {
                byCode[d][code] = ByWindowStart(lists[d][code], windowStart, windowEnd);
            }
        }

        // One matching pass: each chunk lists, per lead, the entries it matches (most leads match one or two), and counts
        // each entry's matches. Chunk counts are integers added in chunk order; the lists are reused by the passes below.
        var acquired = table.StageSeconds[0];
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(0, rows.Length, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var chunkMatches = new ChunkMatches[chunks];
        RowChunks.ForEach(chunks, parallelism, c => chunkMatches[c] = Match(table, rows, bounds[c], bounds[c + 1], byCode, windowStart, windowEnd, n));
        var matches = new int[n];
        foreach (var chunk in chunkMatches)
        {
            for (var e = 0; e < n; e++)
            {
                matches[e] += chunk.PerEntry[e];
            }
        }

        // Everyone gets the quotient; the remainders are handed out after, by lead id.
        var quotient = new long[n];
        var remainder = new long[n];
        var anyRemainder = false;
        long allocated = 0;
        for (var e = 0; e < n; e++)
        {
            if (!active[e])
            {
                continue;
            }

            if (matches[e] == 0)
            {
                unmatched.Add((costs[e], part[e], UnmatchedCostReason.NoLeadInPeriod));
                continue;
            }

            quotient[e] = part[e] / matches[e];
            remainder[e] = part[e] % matches[e];
            anyRemainder |= remainder[e] != 0;
            allocated += part[e];
        }

        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var chunk = chunkMatches[c];
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                int from = chunk.RowStart[i - bounds[c]], to = chunk.RowStart[i - bounds[c] + 1];
                for (var k = from; k < to; k++)
                {
                    spend[i] += quotient[chunk.Entries[k]];
                }

                hasCost[i] = to > from;
            }
        });

        if (anyRemainder)
        {
            GiveRemainders(table, rows, bounds, chunkMatches, matches, remainder, spend, parallelism);
        }

        return new Allocation(spend, hasCost, inPeriod, allocated, unmatched, outside);
    }

    // The entries of one (dimension, code) in window-start order. When their windows do not overlap (monthly budgets, say)
    // the list starts with -1, a marker that a lead's time can be looked up by binary search; otherwise every entry is tried.
    private static int[] ByWindowStart(List<int>? list, int[] windowStart, int[] windowEnd)
    {
        if (list is null)
        {
            return Array.Empty<int>();
        }

        var entries = list.ToArray();
        var starts = new int[entries.Length];
        for (var k = 0; k < entries.Length; k++)
        {
            starts[k] = windowStart[entries[k]];
        }

        Array.Sort(starts, entries);
        for (var k = 1; k < entries.Length; k++)
        {
            if (windowEnd[entries[k - 1]] > starts[k])
            {
                return entries;
            }
        }

        var marked = new int[entries.Length + 1];
        marked[0] = -1;
        Array.Copy(entries, 0, marked, 1, entries.Length);
        return marked;
    }

    // The entries matched by the leads of rows[start..end), as compressed rows, and the matches per entry.
    private static ChunkMatches Match(LeadTable table, int[] rows, int start, int end, int[][][] byCode, int[] windowStart, int[] windowEnd, int n)
    {
        var acquired = table.StageSeconds[0];
        var rowStart = new int[end - start + 1];
        var entries = new GrowableArray<int>(end - start);
        var perEntry = new int[n];
        var codes0 = table.Dimensions[0].Codes;
        var codes1 = table.Dimensions[1].Codes;
        var codes2 = table.Dimensions[2].Codes;
        for (var i = start; i < end; i++)
        {
            var row = rows[i];
            var t = acquired[row];
            for (var d = 0; d < 3; d++)
            {
                var code = d == 0 ? codes0[row] : d == 1 ? codes1[row] : codes2[row];
                var candidates = byCode[d][code];
                if (candidates.Length > 0 && candidates[0] < 0)
                {
                    // Disjoint windows in start order: only the last one starting at or before t can hold t.
                    int lo = 1, hi = candidates.Length - 1, found = -1;
                    while (lo <= hi)
                    {
                        var mid = (lo + hi) >> 1;
                        if (windowStart[candidates[mid]] <= t)
                        {
                            found = candidates[mid];
                            lo = mid + 1;
                        }
                        else
                        {
                            hi = mid - 1;
                        }
                    }

                    if (found >= 0 && t < windowEnd[found])
                    {
                        entries.Add(found);
                        perEntry[found]++;
                    }

                    continue;
                }

                foreach (var e in candidates)
                {
                    if (t >= windowStart[e] && t < windowEnd[e])
                    {
                        entries.Add(e);
                        perEntry[e]++;
                    }
                }
            }

            rowStart[i - start + 1] = entries.Count;
        }

        return new ChunkMatches(rowStart, entries.ToArray(), perEntry);
    }

    // The leftover minor units of each entry go one each to its matching leads first in canonical (lead-id) order. Only
    // the first r of each entry's leads are needed, so they are found by selection, not by sorting every lead. Each entry's
    // leads are laid out in row order whatever the chunking (each chunk writes after the earlier chunks' leads), entries are
    // selected independently, and the units are added after: the same leads get the same units for any thread count.
    private static void GiveRemainders(LeadTable table, int[] rows, int[] bounds, ChunkMatches[] chunkMatches, int[] matches, long[] remainder, long[] spend, int parallelism)
    {
        var n = matches.Length;
        var start = new int[n + 1];
        for (var e = 0; e < n; e++)
        {
            start[e + 1] = start[e] + (remainder[e] > 0 ? matches[e] : 0);
        }

        var members = new int[start[n]];
        var chunks = chunkMatches.Length;
        var cursors = new int[chunks][];
        var running = new int[n];
        Array.Copy(start, running, n);
        for (var c = 0; c < chunks; c++)
        {
            cursors[c] = (int[])running.Clone();
            for (var e = 0; e < n; e++)
            {
                running[e] += chunkMatches[c].PerEntry[e];
            }
        }

        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var chunk = chunkMatches[c];
            var cursor = cursors[c];
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                for (int k = chunk.RowStart[i - bounds[c]], to = chunk.RowStart[i - bounds[c] + 1]; k < to; k++)
                {
                    var e = chunk.Entries[k];
                    if (remainder[e] > 0)
                    {
                        members[cursor[e]++] = i;
                    }
                }
            }
        });

        // The ids' first characters packed into a number, so most comparisons are one integer comparison.
        var prefixes = new ulong[rows.Length];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                prefixes[i] = table.Ids.OrdinalPrefix(rows[i]);
            }
        });

        var compare = CanonicalComparison(table, rows, prefixes);
        var withRemainder = new List<int>();
        for (var e = 0; e < n; e++)
        {
            if (remainder[e] > 0)
            {
                withRemainder.Add(e);
            }
        }

        RowChunks.ForEach(withRemainder.Count, parallelism, j =>
        {
            var e = withRemainder[j];
            SelectFirst(members, start[e], start[e + 1], (int)remainder[e], prefixes, compare);
        });
        foreach (var e in withRemainder)
        {
            for (var k = start[e]; k < start[e] + remainder[e]; k++)
            {
                spend[members[k]]++;
            }
        }
    }

    // Puts the count canonically first of members[from..to) in front: first by id prefix alone (integers, no comparer),
    // then, among the leads sharing the boundary prefix, by the full canonical comparison.
    private static void SelectFirst(int[] members, int from, int to, int count, ulong[] prefixes, Comparison<int> compare)
    {
        var n = to - from;
        var keys = new ulong[n];
        for (var k = 0; k < n; k++)
        {
            keys[k] = prefixes[members[from + k]];
        }

        var boundary = Selection.NthSmallest(keys, count - 1);

        // Below the boundary prefix, at it, above it: in that order.
        var sorted = new int[n];
        int less = 0, equal = 0;
        for (var k = from; k < to; k++)
        {
            var key = prefixes[members[k]];
            if (key < boundary)
            {
                less++;
            }
            else if (key == boundary)
            {
                equal++;
            }
        }

        int a = 0, b = less, c = less + equal;
        for (var k = from; k < to; k++)
        {
            var key = prefixes[members[k]];
            sorted[key < boundary ? a++ : key == boundary ? b++ : c++] = members[k];
        }

        Array.Copy(sorted, 0, members, from, n);
        if (count < less + equal)
        {
            Selection.SelectSmallest(members, from + less, from + less + equal - 1, from + count - 1, compare);
        }
    }

    private sealed class ChunkMatches
    {
        internal ChunkMatches(int[] rowStart, int[] entries, int[] perEntry)
        {
            RowStart = rowStart;
            Entries = entries;
            PerEntry = perEntry;
        }

        // Position i - chunk start matches Entries[RowStart[k]..RowStart[k + 1]).
        internal int[] RowStart { get; }

        internal int[] Entries { get; }

        internal int[] PerEntry { get; }
    }

    // The amount accrued from the entry's start up to an instant, rounded to the minor unit.
    internal static long Cumulative(decimal amount, long start, long end, long at, decimal scale)
    {
        if (at <= start)
        {
            return 0;
        }

        var fraction = at >= end ? 1m : (decimal)(at - start) / (end - start);
        return (long)Math.Round(amount * fraction * scale, 0, MidpointRounding.AwayFromZero);
    }

    // Orders positions in rows by lead id (ordinal), then by everything that decides a lead's segments, so that leads tied
    // on all of it are interchangeable and any order among them gives the same segment sums.
    private static Comparison<int> CanonicalComparison(LeadTable table, int[] rows, ulong[] prefixes)
    {
        var ids = table.Ids;
        var acquired = table.StageSeconds[0];
        var tags = table.Dimensions[(int)Dimension.Tag];
        var tagCodes = tags.Codes;

        return (x, y) =>
        {
            int a = rows[x], b = rows[y];
            var c = prefixes[x] != prefixes[y] ? prefixes[x].CompareTo(prefixes[y]) : ids.CompareOrdinal(a, b);
            if (c != 0)
            {
                return c;
            }

            c = acquired[a].CompareTo(acquired[b]);
            for (var d = 0; c == 0 && d < (int)Dimension.Tag; d++)
            {
                var column = table.Dimensions[d];
                c = string.CompareOrdinal(column.ValueOf(column.Codes[a]), column.ValueOf(column.Codes[b]));
            }

            int ia = table.TagOffsets[a], ib = table.TagOffsets[b], ea = table.TagOffsets[a + 1], eb = table.TagOffsets[b + 1];
            for (; c == 0 && ia < ea && ib < eb; ia++, ib++)
            {
                c = string.CompareOrdinal(tags.ValueOf(tagCodes[ia]), tags.ValueOf(tagCodes[ib]));
            }

            return c != 0 ? c : (ea - ia).CompareTo(eb - ib);
        };
    }
}
