using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.LossReasons;

/// <summary>
/// Why leads are lost (the template's 流失原因 recorded as tags): Pareto tables of loss reasons overall, by the stage
/// a lead was lost at and by channel, strategy and owner, the chi-square test of whether the reason mix differs
/// between segments, and the segments where one reason dominates.
/// </summary>
/// <remarks>A lead is lost when its lost instant is at or before the as-of instant; the stage it was lost at is the
/// furthest stage it reached. Reasons are trimmed, case-folded (option) and mapped through the synonym map; lost
/// leads without a reason are counted under <see cref="DimensionKeys.Missing"/>. Pure and thread-safe.</remarks>
public static class LossReasonAnalyzer
{
    /// <summary>Analyses the loss reasons of a table.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="options">Options; <see cref="LossReasonOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">A breakdown dimension is <see cref="Dimension.Tag"/> (tags are multi-valued) or the
    /// dominance share is outside (0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="LossReasonOptions.MaxDegreeOfParallelism"/> is 0 or less than -1.</exception>
    public static LossReasonReport Analyze(LeadTable table, DateTimeOffset asOf, LossReasonOptions? options = null)
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        options ??= LossReasonOptions.Default;
        if (!(options.DominanceShare > 0 && options.DominanceShare <= 1))
        {
            throw new ArgumentException("DominanceShare must lie in (0, 1].", nameof(options));
        }

        foreach (var d in options.Dimensions)
        {
            if (d == Dimension.Tag)
            {
                throw new ArgumentException("Tags are multi-valued and cannot be a loss-reason breakdown.", nameof(options));
            }
        }

        if (!RowChunks.IsValidParallelism(options.MaxDegreeOfParallelism))
        {
            throw new ArgumentOutOfRangeException(nameof(LossReasonOptions.MaxDegreeOfParallelism), options.MaxDegreeOfParallelism, RowChunks.ParallelismMessage);
        }

        var asOfSeconds = table.ToSeconds(asOf);
        var from = options.AcquiredFrom is { } f ? table.ToSeconds(f) : int.MinValue;
        var to = options.AcquiredTo is { } t ? table.ToSeconds(t) : int.MaxValue;

        // Normalise each distinct raw reason once; reason index 0 is "no reason".
        var (reasonOfCode, reasonLabels) = NormaliseReasons(table.LossReasons, options);
        var reasonCount = reasonLabels.Length;
        var expected = ExpectedDeals(table, asOfSeconds, from, to, options);

        var stages = table.Pipeline.Count;
        var dims = options.Dimensions;
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(0, table.Count, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var tallies = new Tally[chunks];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var tally = new Tally(table, dims, stages, reasonCount);
            var channelCodes = table.Dimensions[(int)Dimension.Channel].Codes;
            var reasonCodes = table.LossReasons.Codes;
            var acquired = table.StageSeconds[0];
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                var a = acquired[row];
                if (a < from || a >= to || table.OutcomeAt(row, asOfSeconds) != Outcome.Lost)
                {
                    continue;
                }

                var reason = reasonOfCode[reasonCodes[row]];
                var stage = table.FurthestStageAt(row, asOfSeconds);
                var value = expected?[channelCodes[row]];
                Add(tally.ByStage, tally.RevenueByStage, tally.ValuedByStage, (stage * reasonCount) + reason, value);
                for (var d = 0; d < dims.Count; d++)
                {
                    var code = table.Dimensions[(int)dims[d]].Codes[row];
                    Add(tally.ByDim[d], tally.RevenueByDim[d], tally.ValuedByDim[d], (code * reasonCount) + reason, value);
                }
            }

            tallies[c] = tally;
        });

        // Chunks merge in chunk order: counts are integers and the decimal sums are exact (amounts in minor units, far
        // from decimal's 28 digits), so the merge equals one pass.
        var merged = tallies[0];
        for (var c = 1; c < chunks; c++)
        {
            merged.Add(tallies[c]);
        }

        var byStage = merged.ByStage;
        var revenueByStage = merged.RevenueByStage;
        var valuedByStage = merged.ValuedByStage;
        var byDim = merged.ByDim;
        var revenueByDim = merged.RevenueByDim;
        var valuedByDim = merged.ValuedByDim;

        // Overall = the sum over stages.
        var overall = new long[reasonCount];
        var overallRevenue = new decimal[reasonCount];
        var overallValued = new bool[reasonCount];
        for (var s = 0; s < stages; s++)
        {
            for (var r = 0; r < reasonCount; r++)
            {
                var i = (s * reasonCount) + r;
                overall[r] += byStage[i];
                overallRevenue[r] += revenueByStage[i];
                overallValued[r] |= valuedByStage[i];
            }
        }

        var revenueMode = options.ExpectedDealSize != ExpectedDealSize.None;
        var overallTable = Pareto("overall", overall, overallRevenue, overallValued, 0, reasonLabels, revenueMode);
        var dominant = new List<LossReasonDominance>();
        var stageTables = new List<LossReasonTable>();
        for (var s = 0; s < stages; s++)
        {
            var tableOfStage = Pareto(table.Pipeline.Stages[s].Name, byStage, revenueByStage, valuedByStage, s * reasonCount, reasonLabels, revenueMode);
            if (tableOfStage.LostLeads > 0)
            {
                stageTables.Add(tableOfStage);
                Dominance("stage", tableOfStage, options, dominant);
            }
        }

        // The contingency table's columns in reason-label order, not in the order reasons first appear in the rows: the
        // chi-square sums in a fixed order, so shuffled rows give the identical statistic (issue 18, item 11).
        var reasonOrder = Enumerable.Range(1, reasonCount - 1).OrderBy(r => reasonLabels[r], StringComparer.Ordinal).ToArray();
        var breakdowns = new List<LossReasonBreakdown>();
        for (var d = 0; d < dims.Count; d++)
        {
            var column = table.GetColumn(dims[d]);
            var segments = new List<(string Label, LossReasonTable Table, int Code)>();
            for (var code = 0; code < column.Cardinality; code++)
            {
                var segmentTable = Pareto(column.LabelOf(code), byDim[d], revenueByDim[d], valuedByDim[d], code * reasonCount, reasonLabels, revenueMode);
                if (segmentTable.LostLeads > 0)
                {
                    segments.Add((segmentTable.Segment, segmentTable, code));
                }
            }

            segments.Sort((x, y) => string.CompareOrdinal(x.Label, y.Label));
            var contingency = new List<IReadOnlyList<long>>();
            foreach (var segment in segments)
            {
                var counts = new long[reasonCount - 1];
                for (var k = 0; k < reasonOrder.Length; k++)
                {
                    counts[k] = byDim[d][(segment.Code * reasonCount) + reasonOrder[k]];
                }

                contingency.Add(counts);
                Dominance(dims[d].ToString(), segment.Table, options, dominant);
            }

            breakdowns.Add(new LossReasonBreakdown(dims[d], segments.ConvertAll(s => s.Table), ProportionTests.ChiSquareIndependence(contingency)));
        }

        return new LossReasonReport(asOf, overallTable.LostLeads, overall[0], overallTable, stageTables, breakdowns, dominant);
    }

    private static void Add(long[] counts, decimal[] revenue, bool[] valued, int index, decimal? value)
    {
        counts[index]++;
        if (value is { } v)
        {
            revenue[index] += v;
            valued[index] = true;
        }
    }

    private static (int[] ReasonOfCode, string[] Labels) NormaliseReasons(DimensionColumn column, LossReasonOptions options)
    {
        var labels = new List<string> { DimensionKeys.Missing };
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, string>? synonyms = null;
        if (options.Synonyms is { Count: > 0 })
        {
            synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in options.Synonyms)
            {
                synonyms[Normalise(pair.Key, options.CaseFold)] = pair.Value.Trim();
            }
        }

        var map = new int[column.Cardinality];
        for (var code = 1; code < column.Cardinality; code++)
        {
            var key = Normalise(column.Values[code]!, options.CaseFold);
            var label = synonyms is not null && synonyms.TryGetValue(key, out var canonical) ? canonical : key;
            if (label.Length == 0)
            {
                continue; // blank after trimming: no reason
            }

            if (!index.TryGetValue(label, out var i))
            {
                i = labels.Count;
                index.Add(label, i);
                labels.Add(label);
            }

            map[code] = i;
        }

        return (map, labels.ToArray());
    }

    private static string Normalise(string reason, bool caseFold)
    {
        var trimmed = reason.Trim();
        return caseFold ? trimmed.ToLowerInvariant() : trimmed;
    }

    // Expected deal size per channel code, or null when lost revenue is not estimated. Chunks sum integer minor units,
    // merged in chunk order: the same sums for any chunking.
    private static decimal?[]? ExpectedDeals(LeadTable table, int asOf, int from, int to, LossReasonOptions options)
    {
        var mode = options.ExpectedDealSize;
        if (mode == ExpectedDealSize.None)
        {
            return null;
        }

        var channels = table.Dimensions[(int)Dimension.Channel];
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(0, table.Count, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var chunkSums = new long[chunks][];
        var chunkCounts = new long[chunks][];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            var sums = new long[channels.Cardinality];
            var counts = new long[channels.Cardinality];
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                var a = table.StageSeconds[0][row];
                var deal = table.DealMinor[row];
                if (a < from || a >= to || deal == LeadTable.MissingAmount || table.OutcomeAt(row, asOf) != Outcome.Won)
                {
                    continue;
                }

                var code = channels.Codes[row];
                sums[code] += deal;
                counts[code]++;
            }

            chunkSums[c] = sums;
            chunkCounts[c] = counts;
        });

        var sum = new decimal[channels.Cardinality];
        var count = new long[channels.Cardinality];
        decimal total = 0;
        long n = 0;
        for (var code = 0; code < channels.Cardinality; code++)
        {
            for (var c = 0; c < chunks; c++)
            {
                sum[code] += chunkSums[c][code];
                count[code] += chunkCounts[c][code];
            }

            total += sum[code];
            n += count[code];
        }

        var result = new decimal?[channels.Cardinality];
        for (var c = 0; c < result.Length; c++)
        {
            var (s, k) = mode == ExpectedDealSize.OverallAverage ? (total, n) : (sum[c], count[c]);
            result[c] = k == 0 ? null : Math.Round(s / k / table.MinorUnitScale, table.Currency.MinorUnits, MidpointRounding.AwayFromZero);
        }

        return result;
    }

    // The counts, lost revenue and "has a value" flags of some rows, by stage and by breakdown dimension.
    private sealed class Tally
    {
        internal Tally(LeadTable table, IReadOnlyList<Dimension> dims, int stages, int reasonCount)
        {
            ByStage = new long[stages * reasonCount];
            RevenueByStage = new decimal[stages * reasonCount];
            ValuedByStage = new bool[stages * reasonCount];
            ByDim = new long[dims.Count][];
            RevenueByDim = new decimal[dims.Count][];
            ValuedByDim = new bool[dims.Count][];
            for (var d = 0; d < dims.Count; d++)
            {
                var size = table.GetColumn(dims[d]).Cardinality * reasonCount;
                ByDim[d] = new long[size];
                RevenueByDim[d] = new decimal[size];
                ValuedByDim[d] = new bool[size];
            }
        }

        internal long[] ByStage { get; }

        internal decimal[] RevenueByStage { get; }

        internal bool[] ValuedByStage { get; }

        internal long[][] ByDim { get; }

        internal decimal[][] RevenueByDim { get; }

        internal bool[][] ValuedByDim { get; }

        internal void Add(Tally other)
        {
            Add(ByStage, RevenueByStage, ValuedByStage, other.ByStage, other.RevenueByStage, other.ValuedByStage);
            for (var d = 0; d < ByDim.Length; d++)
            {
                Add(ByDim[d], RevenueByDim[d], ValuedByDim[d], other.ByDim[d], other.RevenueByDim[d], other.ValuedByDim[d]);
            }
        }

        private static void Add(long[] counts, decimal[] revenue, bool[] valued, long[] otherCounts, decimal[] otherRevenue, bool[] otherValued)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += otherCounts[i];
                if (otherValued[i])
                {
                    revenue[i] += otherRevenue[i];
                    valued[i] = true;
                }
            }
        }
    }

    private static LossReasonTable Pareto(string segment, long[] counts, decimal[] revenue, bool[] valued, int offset, string[] labels, bool revenueMode)
    {
        long lost = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            lost += counts[offset + r];
        }

        var order = new List<int>();
        for (var r = 1; r < labels.Length; r++)
        {
            if (counts[offset + r] > 0)
            {
                order.Add(r);
            }
        }

        order.Sort((x, y) =>
        {
            var byCount = counts[offset + y].CompareTo(counts[offset + x]);
            return byCount != 0 ? byCount : string.CompareOrdinal(labels[x], labels[y]);
        });
        if (counts[offset] > 0)
        {
            order.Add(0); // the reasonless row last: it is not a reason to act on
        }

        var rows = new List<LossReasonRow>(order.Count);
        long running = 0;
        foreach (var r in order)
        {
            var c = counts[offset + r];
            running += c;
            decimal? money = revenueMode && valued[offset + r] ? revenue[offset + r] : null;
            rows.Add(new LossReasonRow(labels[r], c, (double)c / lost, running == lost ? 1.0 : (double)running / lost, money));
        }

        return new LossReasonTable(segment, lost, rows);
    }

    private static void Dominance(string scope, LossReasonTable segment, LossReasonOptions options, List<LossReasonDominance> found)
    {
        if (segment.LostLeads < options.MinimumLostLeads || segment.Rows.Count == 0)
        {
            return;
        }

        var top = segment.Rows[0];
        if (top.Reason != DimensionKeys.Missing && top.Share >= options.DominanceShare)
        {
            found.Add(new LossReasonDominance(scope, segment.Segment, top.Reason, top.Count, segment.LostLeads, new Rate(top.Count, segment.LostLeads)));
        }
    }
}
