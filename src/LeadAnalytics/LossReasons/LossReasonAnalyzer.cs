using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.LossReasons;

/// <summary>
/// Why leads are lost (the template's 流失原因 recorded as tags): Pareto tables of loss reasons overall, by the stage
/// a lead was lost at and by the segments of the scope's breakdown (channel by default), the chi-square test of whether the
/// reason mix differs between segments, and the segments where one reason dominates.
/// </summary>
/// <remarks>A lead is lost when the outcome rule (docs/metrics.md) says lost as of the as-of instant, or stale when the scope
/// counts stale leads as lost (the default; such leads have the reason <see cref="StaleReason"/>); the stage it was lost at
/// is the furthest stage it reached. Reasons are trimmed, case-folded (option) and mapped through the synonym map; lost
/// leads without a reason are counted under <see cref="DimensionKeys.Missing"/>. Pure and thread-safe.</remarks>
public static class LossReasonAnalyzer
{
    /// <summary>The reason given to stale leads counted as lost: they were presumed lost, nobody recorded why.</summary>
    public const string StaleReason = "(stale)";

    /// <summary>Analyses the loss reasons of a table.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="options">Options; <see cref="LossReasonOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The scope has cohorts, or the dominance share is outside (0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException">A shared option is out of range (<see cref="AnalysisScope"/>).</exception>
    public static LossReasonResult Analyze(LeadTable table, DateTimeOffset asOf, LossReasonOptions? options = null) =>
        AnalyzePartition(table, asOf, 0, Preconditions.CheckNotNull(table).Count, options).ToResult();

    /// <summary>The mergeable state of the analysis over a range of rows, for computing partitions separately (threads,
    /// processes, machines, separately built tables) and merging them with <see cref="LossReasonPartition.Merge(LossReasonPartition)"/>;
    /// <see cref="LossReasonPartition.ToResult"/> of the merge equals <see cref="Analyze"/> over all the rows.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Events after this instant are ignored.</param>
    /// <param name="startRow">The first row.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="options">Options; <see cref="LossReasonOptions.Default"/> when null.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row range lies outside the table, or a shared option is out of range.</exception>
    /// <exception cref="ArgumentException">An option is invalid (as for <see cref="Analyze"/>).</exception>
    public static LossReasonPartition AnalyzePartition(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, LossReasonOptions? options = null)
    {
        Preconditions.CheckNotNull(table);
        Partitions.CheckRows(table.Count, startRow, rowCount);
        options ??= LossReasonOptions.Default;
        Validate(options);

        var asOfSeconds = table.ToSeconds(asOf);
        var outcomes = new OutcomeClassifier(table, asOfSeconds, options.Scope);
        var staleAsLost = options.Scope.StaleCountsAsLost;

        // Normalise each distinct raw reason once; reason index 0 is "no reason", the last the stale reason.
        var (reasonOfCode, reasonLabels) = NormaliseReasons(table.LossReasons, options);
        var reasonCount = reasonLabels.Length;
        var staleReason = reasonCount - 1;

        var stages = table.Pipeline.Count;
        var dims = options.Scope.Breakdown;
        var grouping = new SegmentGrouping(table, options.Scope, asOfSeconds, startRow, startRow + rowCount);
        var channels = table.Dimensions[(int)Dimension.Channel];
        var channelCount = channels.Cardinality;
        var parallelism = options.EffectiveParallelism;
        var bounds = RowChunks.Bounds(startRow, startRow + rowCount, parallelism, options.MinRowsPerChunk);
        var chunks = bounds.Length - 1;
        var tallies = new Tally[chunks];
        RowChunks.ForEach(chunks, parallelism, c =>
        {
            // Cells keyed by (stage or segment, reason, channel) code: sparse, as free-text reasons can be many.
            var tally = new Tally(channelCount);
            var members = new int[grouping.MaxGroupsPerRow];
            var channelCodes = channels.Codes;
            var reasonCodes = table.LossReasons.Codes;
            var deals = table.DealMinor;
            for (var row = bounds[c]; row < bounds[c + 1]; row++)
            {
                if (!outcomes.InScope(row))
                {
                    continue;
                }

                var state = outcomes.Classify(row);
                int reason;
                if (state == LeadState.Lost)
                {
                    reason = reasonOfCode[reasonCodes[row]];
                }
                else if (state == LeadState.Stale)
                {
                    tally.Stale++;
                    if (!staleAsLost)
                    {
                        continue;
                    }

                    reason = staleReason;
                }
                else
                {
                    if (state == LeadState.Won && deals[row] != LeadTable.MissingAmount)
                    {
                        tally.WonCount[channelCodes[row]]++;
                        tally.WonSum[channelCodes[row]] += deals[row];
                    }

                    continue;
                }

                var stage = table.FurthestStageAt(row, asOfSeconds);
                var channel = channelCodes[row];
                Count(tally.ByStage, ((((long)stage * reasonCount) + reason) * channelCount) + channel);
                var n = grouping.GroupsOf(row, members);
                for (var m = 0; m < n && members[m] != grouping.Total; m++)
                {
                    Count(tally.BySegment, ((((long)members[m] * reasonCount) + reason) * channelCount) + channel);
                }
            }

            tallies[c] = tally;
        });

        // Integer counts and sums: the chunks add up to one pass in any order.
        var cells = new Dictionary<LossCell, long>();
        var wonCount = new long[channelCount];
        var wonSum = new long[channelCount];
        long stale = 0;
        foreach (var tally in tallies)
        {
            stale += tally.Stale;
            for (var code = 0; code < channelCount; code++)
            {
                wonCount[code] += tally.WonCount[code];
                wonSum[code] += tally.WonSum[code];
            }

            foreach (var pair in tally.ByStage)
            {
                var rest = pair.Key / channelCount;
                AddCell(cells, new LossCell(null, (int)(rest / reasonCount), ReasonKind(rest % reasonCount), reasonLabels[rest % reasonCount],
                    channels.ValueOf((int)(pair.Key % channelCount))), pair.Value);
            }

            foreach (var pair in tally.BySegment)
            {
                var rest = pair.Key / channelCount;
                AddCell(cells, new LossCell(grouping.SegmentKeyOf((int)(rest / reasonCount)), -1, ReasonKind(rest % reasonCount), reasonLabels[rest % reasonCount],
                    channels.ValueOf((int)(pair.Key % channelCount))), pair.Value);
            }
        }

        var won = new Dictionary<ChannelKey, WonDeals>();
        for (var code = 0; code < channelCount; code++)
        {
            if (wonCount[code] > 0)
            {
                won.Add(new ChannelKey(channels.ValueOf(code)), new WonDeals(wonCount[code], wonSum[code]));
            }
        }

        var stageNames = new string[stages];
        for (var k = 0; k < stages; k++)
        {
            stageNames[k] = table.Pipeline.Stages[k].Name;
        }

        return new LossReasonPartition(stageNames, asOf, options, table.Currency, rowCount, stale, cells, won);

        int ReasonKind(long index) => index == 0 ? LossCell.NoReason : index == staleReason ? LossCell.StaleReason : LossCell.Recorded;
    }

    // The tables of a partition: every figure from its cells, so a merge of partitions gives the single pass's tables.
    internal static LossReasonResult Finish(LossReasonPartition partition)
    {
        var options = partition.Options;
        var stages = partition.Stages.Length;

        // Reason 0 is "no reason", the last the stale reason, the recorded ones between in label order.
        var recorded = new SortedSet<string>(StringComparer.Ordinal);
        var segmentKeys = new SortedSet<SegmentKey>();
        foreach (var cell in partition.Cells.Keys)
        {
            if (cell.ReasonKind == LossCell.Recorded)
            {
                recorded.Add(cell.Reason);
            }

            if (cell.Segment is { } key)
            {
                segmentKeys.Add(key);
            }
        }

        var reasonLabels = new List<string> { DimensionKeys.Missing };
        reasonLabels.AddRange(recorded);
        reasonLabels.Add(StaleReason);
        var labels = reasonLabels.ToArray();
        var reasonCount = labels.Length;
        var reasonIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < reasonCount - 1; r++)
        {
            reasonIndex.Add(labels[r], r);
        }

        var segments = segmentKeys.ToArray();
        var segmentIndex = new Dictionary<SegmentKey, int>();
        for (var g = 0; g < segments.Length; g++)
        {
            segmentIndex.Add(segments[g], g);
        }

        var expected = ExpectedDeals(partition);
        var byStage = new long[stages * reasonCount];
        var revenueByStage = new decimal[stages * reasonCount];
        var valuedByStage = new bool[stages * reasonCount];
        var bySegment = new long[segments.Length * reasonCount];
        var revenueBySegment = new decimal[segments.Length * reasonCount];
        var valuedBySegment = new bool[segments.Length * reasonCount];

        // Cells in a fixed order (decimal sums are exact, but the order keeps even their scale independent of the merge order).
        var cells = partition.Cells.ToArray();
        Array.Sort(cells, (x, y) => CompareCells(x.Key, y.Key));
        foreach (var pair in cells)
        {
            var cell = pair.Key;
            var reason = cell.ReasonKind switch
            {
                LossCell.NoReason => 0,
                LossCell.StaleReason => reasonCount - 1,
                _ => reasonIndex[cell.Reason],
            };
            decimal? value = expected is not null && expected(cell.Channel) is { } v ? v * pair.Value : null;
            if (cell.Segment is { } key)
            {
                Add(bySegment, revenueBySegment, valuedBySegment, (segmentIndex[key] * reasonCount) + reason, pair.Value, value);
            }
            else
            {
                Add(byStage, revenueByStage, valuedByStage, (cell.Stage * reasonCount) + reason, pair.Value, value);
            }
        }

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
        var overallTable = Pareto("overall", null, overall, overallRevenue, overallValued, 0, labels, revenueMode);
        var dominant = new List<LossReasonDominance>();
        var stageTables = new List<LossReasonTable>();
        for (var s = 0; s < stages; s++)
        {
            var tableOfStage = Pareto(partition.Stages[s], null, byStage, revenueByStage, valuedByStage, s * reasonCount, labels, revenueMode);
            if (tableOfStage.LostLeads > 0)
            {
                stageTables.Add(tableOfStage);
                Dominance("stage", tableOfStage, options, dominant);
            }
        }

        // The contingency table's columns in reason-label order, not in the order reasons first appear in the rows: the
        // chi-square sums in a fixed order, so shuffled rows give the identical statistic (issue 18, item 11).
        var breakdowns = new List<LossReasonBreakdown>();
        var dims = options.Scope.Breakdown;
        if (dims.Count > 0)
        {
            var scopeName = string.Join(" × ", dims);
            var tables = new List<LossReasonTable>();
            var contingency = new List<IReadOnlyList<long>>();
            for (var g = 0; g < segments.Length; g++)
            {
                var segmentTable = Pareto(segments[g].Label, segments[g], bySegment, revenueBySegment, valuedBySegment, g * reasonCount, labels, revenueMode);
                if (segmentTable.LostLeads == 0)
                {
                    continue;
                }

                // Reasons only, in label order: the reasonless and the stale leads are left out of the mix.
                var counts = new long[reasonCount - 2];
                Array.Copy(bySegment, (g * reasonCount) + 1, counts, 0, counts.Length);
                tables.Add(segmentTable);
                contingency.Add(counts);
                Dominance(scopeName, segmentTable, options, dominant);
            }

            // Tag segments overlap (a lead counts in each of its tags): no test of independence between them.
            var mixTest = dims.Contains(Dimension.Tag) ? null : ProportionTests.ChiSquareIndependence(contingency);
            breakdowns.Add(new LossReasonBreakdown(dims.ToArray(), tables, mixTest));
        }

        return new LossReasonResult(partition.AsOf, overallTable.LostLeads, overall[0], partition.Stale, overallTable, stageTables, breakdowns, dominant);
    }

    internal static void Validate(LossReasonOptions options)
    {
        options.Scope.Validate();
        if (!(options.DominanceShare > 0 && options.DominanceShare <= 1))
        {
            throw new ArgumentException("DominanceShare must lie in (0, 1].", nameof(options));
        }

        if (options.Scope.Cohort is not null)
        {
            throw new ArgumentException("Loss reasons break down by dimensions (one, a pair crossed, or tags), not by cohort.", nameof(options));
        }
    }

    private static void Count(Dictionary<long, long> cells, long key) => cells[key] = cells.TryGetValue(key, out var n) ? n + 1 : 1;

    private static void AddCell(Dictionary<LossCell, long> cells, LossCell cell, long n) => cells[cell] = cells.TryGetValue(cell, out var m) ? m + n : n;

    private static int CompareCells(LossCell x, LossCell y)
    {
        var c = x.Stage.CompareTo(y.Stage);
        if (c == 0)
        {
            c = Comparer<SegmentKey?>.Default.Compare(x.Segment, y.Segment);
        }

        if (c == 0)
        {
            c = x.ReasonKind.CompareTo(y.ReasonKind);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Reason, y.Reason);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Channel, y.Channel);
    }

    private static void Add(long[] counts, decimal[] revenue, bool[] valued, int index, long n, decimal? value)
    {
        counts[index] += n;
        if (value is { } v)
        {
            revenue[index] += v;
            valued[index] = true;
        }
    }

    /// <summary>The one rule that turns a recorded reason into the label it counts under: trimmed, case-folded (option) and
    /// mapped through the synonyms; an empty label means no reason. Shared by the in-memory pass and the SQL push-down.</summary>
    internal static Func<string, string> ReasonLabeler(LossReasonOptions options)
    {
        Dictionary<string, string>? synonyms = null;
        if (options.Synonyms is { Count: > 0 })
        {
            synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in options.Synonyms)
            {
                synonyms[Normalise(pair.Key, options.CaseFold)] = pair.Value.Trim();
            }
        }

        var caseFold = options.CaseFold;
        return reason =>
        {
            var key = Normalise(reason, caseFold);
            return synonyms is not null && synonyms.TryGetValue(key, out var canonical) ? canonical : key;
        };
    }

    private static (int[] ReasonOfCode, string[] Labels) NormaliseReasons(DimensionColumn column, LossReasonOptions options)
    {
        var labels = new List<string> { DimensionKeys.Missing };
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelOf = ReasonLabeler(options);
        var map = new int[column.Cardinality];
        for (var code = 1; code < column.Cardinality; code++)
        {
            var label = labelOf(column.Values[code]!);
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

        labels.Add(StaleReason);
        return (map, labels.ToArray());
    }

    private static string Normalise(string reason, bool caseFold)
    {
        var trimmed = reason.Trim();
        return caseFold ? trimmed.ToLowerInvariant() : trimmed;
    }

    // Expected deal size per channel value, or null when lost revenue is not estimated: from the partition's won deals (integer
    // minor-unit sums), so merged partitions price a loss as one pass over all their leads does.
    private static Func<string?, decimal?>? ExpectedDeals(LossReasonPartition partition)
    {
        var mode = partition.Options.ExpectedDealSize;
        if (mode == ExpectedDealSize.None)
        {
            return null;
        }

        var currency = partition.Currency;
        var scale = LeadTable.Pow10(currency.MinorUnits);
        decimal total = 0;
        long n = 0;
        foreach (var deals in partition.Won.Values)
        {
            total += deals.SumMinor;
            n += deals.Count;
        }

        decimal? overall = n == 0 ? null : Math.Round(total / n / scale, currency.MinorUnits, MidpointRounding.AwayFromZero);
        var byChannel = new Dictionary<ChannelKey, decimal?>();
        return channel =>
        {
            if (mode == ExpectedDealSize.OverallAverage)
            {
                return overall;
            }

            var key = new ChannelKey(channel);
            if (!byChannel.TryGetValue(key, out var value))
            {
                value = partition.Won.TryGetValue(key, out var deals)
                    ? Math.Round((decimal)deals.SumMinor / deals.Count / scale, currency.MinorUnits, MidpointRounding.AwayFromZero)
                    : null;
                byChannel.Add(key, value);
            }

            return value;
        };
    }

    // One chunk's lost-lead cells (by stage and by segment), stale count and won deals per channel code.
    private sealed class Tally
    {
        internal Tally(int channels)
        {
            WonCount = new long[channels];
            WonSum = new long[channels];
        }

        internal Dictionary<long, long> ByStage { get; } = new();

        internal Dictionary<long, long> BySegment { get; } = new();

        internal long[] WonCount { get; }

        internal long[] WonSum { get; }

        internal long Stale { get; set; }
    }

    private static LossReasonTable Pareto(string segment, SegmentKey? key, long[] counts, decimal[] revenue, bool[] valued, int offset, string[] labels, bool revenueMode)
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

        return new LossReasonTable(segment, key, lost, rows);
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
