using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// The comparison query written directly over the LeadTable's columns (what an engine's inner loop costs): channel code,
/// furthest-stage byte, won and lost instants, deal and cost in minor units. One pass per row range with per-range
/// accumulators, merged in range order (integer sums: any split gives the same answer).
/// </summary>
public static class TableChannelSummary
{
    public static ChannelSummary Run(LeadTable table, int threads)
    {
        var channels = table.GetColumn(Dimension.Channel);
        var k = channels.Cardinality;
        var parts = new long[threads][];
        var n = table.Count;
        if (threads == 1)
        {
            parts[0] = Range(table, 0, n, k);
        }
        else
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                parts[t] = Range(table, (int)((long)n * t / threads), (int)((long)n * (t + 1) / threads), k));
        }

        var result = new ChannelSummary(SyntheticLeads.Channels.Length);
        for (var code = 1; code < k; code++)
        {
            var c = Array.IndexOf(SyntheticLeads.Channels, channels.ValueOf(code));
            foreach (var p in parts)
            {
                var b = code * Stride;
                result.Leads[c] += p[b];
                result.Won[c] += p[b + 1];
                result.Lost[c] += p[b + 2];
                result.Deals[c] += p[b + 3];
                result.Costs[c] += p[b + 4];
                // Counts by furthest stage, summed from the top: reach(k) = leads whose furthest stage is >= k.
                long reach = 0;
                for (var s = 5; s >= 0; s--)
                {
                    reach += p[b + 5 + s];
                    result.Reach[c, s] += reach;
                }
            }
        }

        return result;
    }

    private const int Stride = 11;

    private static long[] Range(LeadTable table, int start, int end, int channels)
    {
        var acc = new long[channels * Stride];
        var codes = table.GetColumn(Dimension.Channel).Codes.Bytes!;
        var furthest = table.Furthest;
        var won = table.StageSeconds[table.StageSeconds.Length - 1];
        var lost = table.LostSeconds;
        var deal = table.DealMinor.Narrow!;
        var cost = table.CostMinor.Narrow!;
        for (var row = start; row < end; row++)
        {
            var b = codes[row] * Stride;
            acc[b]++;
            var isWon = won[row] != LeadTable.MissingTime;
            acc[b + 1] += isWon ? 1 : 0;
            acc[b + 2] += !isWon && lost[row] != LeadTable.MissingTime ? 1 : 0;
            var d = deal[row];
            acc[b + 3] += d == int.MinValue ? 0 : d;
            var c = cost[row];
            acc[b + 4] += c == int.MinValue ? 0 : c;
            acc[b + 5 + furthest[row]]++;
        }

        return acc;
    }
}
