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

    internal static Allocation Allocate(LeadTable table, int[] rows, List<PreparedCost> costs, long? fromTicks, long? toTicks, decimal scale)
    {
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
                byCode[d][code] = lists[d][code]?.ToArray() ?? Array.Empty<int>();
            }
        }

        var acquired = table.StageSeconds[0];
        var matches = new int[n];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var t = acquired[row];
            for (var d = 0; d < 3; d++)
            {
                foreach (var e in byCode[d][table.Dimensions[d].Codes[row]])
                {
                    if (t >= windowStart[e] && t < windowEnd[e])
                    {
                        matches[e]++;
                    }
                }
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

        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var t = acquired[row];
            for (var d = 0; d < 3; d++)
            {
                foreach (var e in byCode[d][table.Dimensions[d].Codes[row]])
                {
                    if (t >= windowStart[e] && t < windowEnd[e])
                    {
                        spend[i] += quotient[e];
                        hasCost[i] = true;
                    }
                }
            }
        }

        if (anyRemainder)
        {
            GiveRemainders(table, rows, byCode, windowStart, windowEnd, matches, remainder, spend);
        }

        return new Allocation(spend, hasCost, inPeriod, allocated, unmatched, outside);
    }

    // The leftover minor units of each entry go one each to its matching leads first in canonical (lead-id) order. Only
    // the first r of each entry's leads are needed, so they are found by selection, not by sorting every lead.
    private static void GiveRemainders(LeadTable table, int[] rows, int[][][] byCode, int[] windowStart, int[] windowEnd, int[] matches, long[] remainder, long[] spend)
    {
        var n = matches.Length;
        var start = new int[n + 1];
        for (var e = 0; e < n; e++)
        {
            start[e + 1] = start[e] + (remainder[e] > 0 ? matches[e] : 0);
        }

        var members = new int[start[n]];
        var fill = new int[n];
        Array.Copy(start, fill, n);
        var acquired = table.StageSeconds[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var t = acquired[row];
            for (var d = 0; d < 3; d++)
            {
                foreach (var e in byCode[d][table.Dimensions[d].Codes[row]])
                {
                    if (remainder[e] > 0 && t >= windowStart[e] && t < windowEnd[e])
                    {
                        members[fill[e]++] = i;
                    }
                }
            }
        }

        var compare = CanonicalComparison(table, rows);
        for (var e = 0; e < n; e++)
        {
            if (remainder[e] == 0)
            {
                continue;
            }

            var r = (int)remainder[e];
            Selection.SelectSmallest(members, start[e], start[e + 1] - 1, start[e] + r - 1, compare);
            for (var k = start[e]; k < start[e] + r; k++)
            {
                spend[members[k]]++;
            }
        }
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
    private static Comparison<int> CanonicalComparison(LeadTable table, int[] rows)
    {
        var ids = table.Ids;
        var acquired = table.StageSeconds[0];
        var tags = table.Dimensions[(int)Dimension.Tag];
        var tagCodes = tags.Codes;

        // The ids' first characters packed into a number, so most comparisons are one integer comparison.
        var prefixes = new ulong[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            prefixes[i] = ids.OrdinalPrefix(rows[i]);
        }

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
