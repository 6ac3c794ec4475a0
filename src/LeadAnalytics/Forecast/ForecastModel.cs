using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Forecast;

/// <summary>Everything one forecast needs as of one instant: the landmarked stage data, the open leads with their groups and
/// values, the point forecast and the bootstrap.</summary>
internal sealed class ForecastModel
{
    private const double SecondsPerDay = 86_400.0;

    private readonly LeadTable _table;
    private readonly int _asOf;
    private readonly ForecastOptions _options;
    private readonly int _wonStage;
    private readonly int _population;
    private readonly StageData[] _stages;

    // Open leads, ordered by id (then row).
    private readonly int[] _openRows;
    private readonly int[] _openStage;
    private readonly double[] _openDays;
    private readonly int[] _openSegment;
    private readonly bool[] _openStale;
    private readonly decimal?[] _openValue;
    private readonly bool[] _beyond;

    // Each open lead's index in the population.
    private readonly int[] _openMember;

    // Group g of each open lead per grouping (total, stage, segment, owner); -1 when not grouped that way.
    private readonly int[,] _openGroups;
    private readonly List<(ForecastGroupKind Kind, string Label)> _groups = new();

    private ForecastModel(LeadTable table, int asOf, ForecastOptions options)
    {
        _table = table;
        _asOf = asOf;
        _options = options;
        _wonStage = table.StageSeconds.Length - 1;
        var acquired = table.StageSeconds[0];
        var staleSeconds = LeadTable.StaleSeconds(options.StaleAfter);
        var segmentColumn = options.SegmentBy is { } by ? table.Dimensions[(int)by] : null;

        // The population (leads acquired by as-of) is what the bootstrap resamples.
        var population = new List<int>();
        var open = new List<int>();
        for (var row = 0; row < table.Count; row++)
        {
            if (acquired[row] > asOf)
            {
                continue;
            }

            population.Add(row);
        }

        // Bootstrap draws index the population, so it is ordered by lead id (then row): the intervals do not depend on row order.
        // The ids are compared in the table's column, without a string per lead.
        var idColumn = table.Ids;
        population.Sort((a, b) => idColumn.CompareOrdinal(a, b) is var c && c != 0 ? c : a.CompareTo(b));
        _population = population.Count;

        // Open leads in population order too, so every sum runs in the same order whatever the row order.
        foreach (var row in population)
        {
            if (table.OutcomeAt(row, asOf) == Outcome.Open)
            {
                open.Add(row);
            }
        }

        _stages = new StageData[_wonStage];
        for (var s = 0; s < _wonStage; s++)
        {
            _stages[s] = Landmark(table, asOf, s, population, segmentColumn, staleSeconds);
        }

        _openRows = open.ToArray();
        var n = _openRows.Length;
        _openMember = new int[n];
        var memberOf = new int[table.Count];
        for (var p = 0; p < population.Count; p++)
        {
            memberOf[population[p]] = p;
        }

        _openStage = new int[n];
        _openDays = new double[n];
        _openSegment = new int[n];
        _openStale = new bool[n];
        _openValue = new decimal?[n];
        _beyond = new bool[n];
        var averages = AverageWonDeals(table, asOf, population, segmentColumn);
        for (var i = 0; i < n; i++)
        {
            var row = _openRows[i];
            _openMember[i] = memberOf[row];
            var s = table.FurthestStageAt(row, asOf);
            _openStage[i] = s;
            _openDays[i] = ((long)asOf - table.StageSeconds[s][row]) / SecondsPerDay;
            _openSegment[i] = segmentColumn is null ? -1 : segmentColumn.Codes[row];
            _openStale[i] = table.IsStaleAt(row, asOf, staleSeconds);
            var deal = table.DealMinor[row];
            _openValue[i] = deal != LeadTable.MissingAmount
                ? table.FromMinor(deal)
                : segmentColumn is not null && averages.BySegment.TryGetValue(_openSegment[i], out var average) ? average : averages.Overall;
        }

        Pooled = new StageCurve?[_wonStage];
        for (var s = 0; s < _wonStage; s++)
        {
            Pooled[s] = StageCurve.Fit(_stages[s], -1, null);
        }

        for (var i = 0; i < n; i++)
        {
            var curve = Pooled[_openStage[i]];
            _beyond[i] = curve is null || !(_openDays[i] <= curve.LastEvent);
        }

        _openGroups = new int[n, 4];
        BuildGroups(segmentColumn);
    }

    internal StageCurve?[] Pooled { get; }

    internal int OpenCount => _openRows.Length;

    internal static ForecastModel Build(LeadTable table, int asOf, ForecastOptions options) => new(table, asOf, options);

    private static StageData Landmark(LeadTable table, int asOf, int stage, List<int> population, DimensionColumn? segmentColumn, int staleSeconds)
    {
        var entries = table.StageSeconds[stage];
        var times = new List<double>();
        var causes = new List<int>();
        var members = new List<int>();
        var segments = new List<int>();
        var classes = new List<byte>();
        for (var p = 0; p < population.Count; p++)
        {
            var row = population[p];
            var entry = entries[row];
            if (entry == LeadTable.MissingTime || entry > asOf)
            {
                continue;
            }

            long end;
            int cause;
            byte baseline;
            switch (table.OutcomeAt(row, asOf))
            {
                case Outcome.Won:
                    end = table.StageSeconds[table.StageSeconds.Length - 1][row];
                    cause = ForecastAnalyzer.WonCause;
                    baseline = 1;
                    break;
                case Outcome.Lost:
                    end = table.LostSeconds[row];
                    cause = ForecastAnalyzer.LostCause;
                    baseline = 2;
                    break;
                default:
                    end = asOf;
                    cause = 0;
                    baseline = table.IsStaleAt(row, asOf, staleSeconds) ? (byte)2 : (byte)0;
                    break;
            }

            // An outcome recorded before the stage was entered is a chronology fault (the quality checks report it): left out.
            if (end < entry)
            {
                continue;
            }

            times.Add((end - entry) / SecondsPerDay);
            causes.Add(cause);
            members.Add(p);
            segments.Add(segmentColumn is null ? 0 : segmentColumn.Codes[row]);
            classes.Add(baseline);
        }

        var t = times.ToArray();
        var order = new int[t.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Ties keep input order, so the data (and every bootstrap replicate built from it) do not depend on the sort's whims.
        Array.Sort(order, (a, b) => t[a] != t[b] ? t[a].CompareTo(t[b]) : a.CompareTo(b));
        var sortedTimes = new double[t.Length];
        var sortedCauses = new int[t.Length];
        var sortedMembers = new int[t.Length];
        var sortedSegments = new int[t.Length];
        var sortedClasses = new byte[t.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedTimes[i] = t[order[i]];
            sortedCauses[i] = causes[order[i]];
            sortedMembers[i] = members[order[i]];
            sortedSegments[i] = segments[order[i]];
            sortedClasses[i] = classes[order[i]];
        }

        NearTies.Merge(sortedTimes);
        return new StageData(sortedTimes, sortedCauses, sortedMembers, sortedSegments, sortedClasses);
    }

    private static (Dictionary<int, decimal> BySegment, decimal? Overall) AverageWonDeals(LeadTable table, int asOf, List<int> population, DimensionColumn? segmentColumn)
    {
        var sums = new Dictionary<int, (long Sum, int Count)>();
        long total = 0;
        var count = 0;
        foreach (var row in population)
        {
            var deal = table.DealMinor[row];
            if (deal == LeadTable.MissingAmount || table.OutcomeAt(row, asOf) != Outcome.Won)
            {
                continue;
            }

            total += deal;
            count++;
            if (segmentColumn is not null)
            {
                var code = segmentColumn.Codes[row];
                sums.TryGetValue(code, out var s);
                sums[code] = (s.Sum + deal, s.Count + 1);
            }
        }

        var digits = table.Currency.MinorUnits;
        var bySegment = new Dictionary<int, decimal>();
        foreach (var pair in sums)
        {
            bySegment[pair.Key] = Math.Round(pair.Value.Sum / table.MinorUnitScale / pair.Value.Count, digits, MidpointRounding.AwayFromZero);
        }

        return (bySegment, count == 0 ? null : Math.Round(total / table.MinorUnitScale / count, digits, MidpointRounding.AwayFromZero));
    }

    private void BuildGroups(DimensionColumn? segmentColumn)
    {
        var n = _openRows.Length;
        _groups.Add((ForecastGroupKind.Total, "All"));
        for (var s = 0; s < _wonStage; s++)
        {
            _groups.Add((ForecastGroupKind.Stage, _table.Pipeline.Stages[s].Name));
        }

        for (var i = 0; i < n; i++)
        {
            _openGroups[i, 0] = 0;
            _openGroups[i, 1] = 1 + _openStage[i];
            _openGroups[i, 2] = -1;
        }

        if (segmentColumn is not null)
        {
            AddDimensionGroups(ForecastGroupKind.Segment, segmentColumn, 2);
        }

        AddDimensionGroups(ForecastGroupKind.Owner, _table.Dimensions[(int)Dimension.Owner], 3);
    }

    // One group per code present among the open leads, the missing value first, then by label (ordinal): independent of row order.
    private void AddDimensionGroups(ForecastGroupKind kind, DimensionColumn column, int slot)
    {
        var present = new SortedSet<int>();
        foreach (var row in _openRows)
        {
            present.Add(column.Codes[row]);
        }

        var codes = present.ToList();
        codes.Sort((a, b) => a == 0 || b == 0 ? a.CompareTo(b) : string.CompareOrdinal(column.LabelOf(a), column.LabelOf(b)));
        var groupOf = new Dictionary<int, int>();
        foreach (var code in codes)
        {
            groupOf[code] = _groups.Count;
            _groups.Add((kind, column.LabelOf(code)));
        }

        for (var i = 0; i < _openRows.Length; i++)
        {
            _openGroups[i, slot] = groupOf[column.Codes[_openRows[i]]];
        }
    }

    // The segment curves each replicate needs: for every stage, the segments with open leads in it.
    private StageCurve?[][]? FitSegments(int[]? draws)
    {
        if (_options.SegmentBy is null)
        {
            return null;
        }

        var curves = new StageCurve?[_wonStage][];
        var cardinality = _table.Dimensions[(int)_options.SegmentBy.Value].Cardinality;
        var needed = new bool[_wonStage, cardinality];
        for (var i = 0; i < _openRows.Length; i++)
        {
            needed[_openStage[i], _openSegment[i]] = true;
        }

        for (var s = 0; s < _wonStage; s++)
        {
            curves[s] = new StageCurve?[cardinality];
            for (var code = 0; code < cardinality; code++)
            {
                if (needed[s, code])
                {
                    curves[s][code] = StageCurve.Fit(_stages[s], code, draws);
                }
            }
        }

        return curves;
    }

    private double Probability(int i, int horizon, StageCurve? pooled, StageCurve?[][]? segments)
    {
        if (_beyond[i] || pooled is null)
        {
            return 0;
        }

        var a = _openDays[i];
        var p = pooled.WonWithin(a, horizon) ?? 0;
        var segment = segments?[_openStage[i]][_openSegment[i]];
        if (segment is null)
        {
            return p;
        }

        // Shrinkage towards the pooled stage curve, weighted by the segment's leads still at risk beyond a.
        var atRisk = segment.AtRiskAfter(a);
        if (atRisk == 0)
        {
            return p;
        }

        var k = _options.ShrinkageLeads;
        var pg = segment.WonWithin(a, horizon) ?? 0;
        return ((atRisk * pg) + (k * p)) / (atRisk + k);
    }

    internal ForecastResult ToResult(DateTimeOffset asOf)
    {
        var horizons = _options.HorizonsDays;
        var h = horizons.Count;
        var n = _openRows.Length;
        var g = _groups.Count;
        var segments = FitSegments(null);
        var baseline = new double?[_wonStage];
        for (var s = 0; s < _wonStage; s++)
        {
            baseline[s] = _stages[s].BaselineRate(null);
        }

        var wins = new double[g * h];
        var revenue = new decimal[g * h];
        var baseWins = new double[g];
        var baseRevenue = new decimal[g];
        var open = new int[g];
        var stale = new int[g];
        var beyond = new int[g];
        var noValue = new int[g];
        var leads = new List<LeadForecast>(_options.IncludeLeads ? n : 0);
        var segmentColumn = _options.SegmentBy is { } by ? _table.Dimensions[(int)by] : null;
        var ownerColumn = _table.Dimensions[(int)Dimension.Owner];
        for (var i = 0; i < n; i++)
        {
            var s = _openStage[i];
            var probabilities = new double?[h];
            for (var k = 0; k < h; k++)
            {
                probabilities[k] = _beyond[i] ? null : Probability(i, horizons[k], Pooled[s], segments);
            }

            var q = baseline[s] ?? 0;
            var value = _openValue[i] ?? 0m;
            for (var slot = 0; slot < 4; slot++)
            {
                var group = _openGroups[i, slot];
                if (group < 0)
                {
                    continue;
                }

                open[group]++;
                stale[group] += _openStale[i] ? 1 : 0;
                beyond[group] += _beyond[i] ? 1 : 0;
                noValue[group] += _openValue[i] is null ? 1 : 0;
                for (var k = 0; k < h; k++)
                {
                    var p = probabilities[k] ?? 0;
                    wins[(group * h) + k] += p;
                    revenue[(group * h) + k] += (decimal)p * value;
                }

                baseWins[group] += q;
                baseRevenue[group] += (decimal)q * value;
            }

            if (_options.IncludeLeads)
            {
                var row = _openRows[i];
                leads.Add(new LeadForecast(
                    row, _table.Ids.Get(row), s, _table.Pipeline.Stages[s].Name, _openDays[i], ((long)_asOf - _table.StageSeconds[0][row]) / SecondsPerDay,
                    segmentColumn?.LabelOf(segmentColumn.Codes[row]), ownerColumn.LabelOf(ownerColumn.Codes[row]), _openValue[i],
                    _table.DealMinor[row] != LeadTable.MissingAmount, _openStale[i], _beyond[i], probabilities, baseline[s]));
            }
        }

        var intervals = _options.BootstrapReplicates > 0 ? Bootstrap(baseline.Length) : null;
        var digits = _table.Currency.MinorUnits;
        decimal Money(double x) => Math.Round((decimal)x, digits, MidpointRounding.AwayFromZero);
        decimal Round(decimal x) => Math.Round(x, digits, MidpointRounding.AwayFromZero);
        var groups = new ForecastGroup[g];
        for (var group = 0; group < g; group++)
        {
            var list = new HorizonForecast[h];
            for (var k = 0; k < h; k++)
            {
                var at = (group * h) + k;
                list[k] = intervals is null
                    ? new HorizonForecast(horizons[k], wins[at], null, null, Round(revenue[at]), null, null, baseWins[group], null, null, Round(baseRevenue[group]), null, null)
                    : new HorizonForecast(
                        horizons[k], wins[at], intervals[0][at].Lower, intervals[0][at].Upper, Round(revenue[at]), Money(intervals[1][at].Lower), Money(intervals[1][at].Upper),
                        baseWins[group], intervals[2][at].Lower, intervals[2][at].Upper, Round(baseRevenue[group]), Money(intervals[3][at].Lower), Money(intervals[3][at].Upper));
            }

            var (kind, label) = _groups[group];
            groups[group] = new ForecastGroup(kind, label, open[group], stale[group], beyond[group], noValue[group], list);
        }

        var stages = new ForecastStage[_wonStage];
        for (var s = 0; s < _wonStage; s++)
        {
            var d = _stages[s];
            int won = 0, lost = 0, censored = 0, staleCount = 0;
            for (var j = 0; j < d.Causes.Length; j++)
            {
                switch (d.Causes[j])
                {
                    case ForecastAnalyzer.WonCause: won++; break;
                    case ForecastAnalyzer.LostCause: lost++; break;
                    default:
                        censored++;
                        staleCount += d.BaselineClasses[j] == 2 ? 1 : 0;
                        break;
                }
            }

            var last = Pooled[s]?.LastEvent;
            stages[s] = new ForecastStage(s, _table.Pipeline.Stages[s].Name, d.Times.Length, won, lost, censored, staleCount, last is { } l && !double.IsNaN(l) ? l : null, baseline[s]);
        }

        return new ForecastResult(
            asOf, _options, _table.Currency, stages, leads, groups[0], Slice(groups, ForecastGroupKind.Stage), Slice(groups, ForecastGroupKind.Segment), Slice(groups, ForecastGroupKind.Owner));
    }

    private static ForecastGroup[] Slice(ForecastGroup[] groups, ForecastGroupKind kind) => groups.Where(x => x.Kind == kind).ToArray();

    // Percentile intervals [0] wins, [1] revenue, [2] baseline wins, [3] baseline revenue, per group × horizon. Replicate b
    // resamples the population with its own stream (seed, b), refits the stage curves and the baseline rates, and draws each
    // open lead's outcome with one uniform u: won within h when u < p_h (so a lead won by 30 days is won by 60), won under the
    // baseline when u < q. Replicates are independent, so any thread count gives the same numbers.
    private (double Lower, double Upper)[][] Bootstrap(int stageCount)
    {
        var replicates = _options.BootstrapReplicates;
        var horizons = _options.HorizonsDays;
        var h = horizons.Count;
        var cells = _groups.Count * h;
        var totals = new double[4][][];
        for (var m = 0; m < 4; m++)
        {
            totals[m] = new double[replicates][];
        }

        RowChunks.ForEach(replicates, Data.RowChunks.Effective(_options.MaxDegreeOfParallelism), b =>
        {
            var rng = new SplitMix64(_options.Seed, b);
            var draws = new int[_population];
            for (var j = 0; j < _population; j++)
            {
                draws[rng.NextInt(_population)]++;
            }

            var pooled = new StageCurve?[stageCount];
            var rates = new double[stageCount];
            for (var s = 0; s < stageCount; s++)
            {
                pooled[s] = StageCurve.Fit(_stages[s], -1, draws);
                rates[s] = _stages[s].BaselineRate(draws) ?? 0;
            }

            // One uniform per member of the population, in population order: each open lead's outcome draw does not depend on row order.
            var uniforms = new double[_population];
            for (var j = 0; j < _population; j++)
            {
                uniforms[j] = rng.NextDouble();
            }

            var segments = FitSegments(draws);
            var wins = new double[cells];
            var revenue = new double[cells];
            var baseWins = new double[cells];
            var baseRevenue = new double[cells];
            for (var i = 0; i < _openRows.Length; i++)
            {
                var u = uniforms[_openMember[i]];
                var value = (double)(_openValue[i] ?? 0m);
                var s = _openStage[i];
                var baseWon = u < rates[s];
                for (var k = 0; k < h; k++)
                {
                    var won = u < Probability(i, horizons[k], pooled[s], segments);
                    for (var slot = 0; slot < 4; slot++)
                    {
                        var group = _openGroups[i, slot];
                        if (group < 0)
                        {
                            continue;
                        }

                        var at = (group * h) + k;
                        if (won)
                        {
                            wins[at]++;
                            revenue[at] += value;
                        }

                        if (baseWon)
                        {
                            baseWins[at]++;
                            baseRevenue[at] += value;
                        }
                    }
                }
            }

            totals[0][b] = wins;
            totals[1][b] = revenue;
            totals[2][b] = baseWins;
            totals[3][b] = baseRevenue;
        });

        var alpha = (1 - _options.PredictionLevel) / 2;
        var result = new (double, double)[4][];
        var column = new double[replicates];
        for (var m = 0; m < 4; m++)
        {
            result[m] = new (double, double)[cells];
            for (var at = 0; at < cells; at++)
            {
                for (var b = 0; b < replicates; b++)
                {
                    column[b] = totals[m][b][at];
                }

                Array.Sort(column);
                result[m][at] = (Quantiles.OfSorted(column, alpha)!.Value, Quantiles.OfSorted(column, 1 - alpha)!.Value);
            }
        }

        return result;
    }

    /// <summary>Of the leads open at this model's as-of, those won within each horizon and their value (recorded deal amount,
    /// else the value the forecast used). The table must see past as-of + the longest horizon.</summary>
    internal (int[] Wins, decimal[] Revenue) Realised()
    {
        var horizons = _options.HorizonsDays;
        var wins = new int[horizons.Count];
        var revenue = new decimal[horizons.Count];
        var wonAt = _table.StageSeconds[_wonStage];
        for (var i = 0; i < _openRows.Length; i++)
        {
            var row = _openRows[i];
            var w = wonAt[row];
            if (w == LeadTable.MissingTime || w <= _asOf)
            {
                continue;
            }

            var deal = _table.DealMinor[row];
            var value = deal != LeadTable.MissingAmount ? _table.FromMinor(deal)!.Value : _openValue[i] ?? 0m;
            for (var k = 0; k < horizons.Count; k++)
            {
                if ((long)w - _asOf <= horizons[k] * (long)SecondsPerDay)
                {
                    wins[k]++;
                    revenue[k] += value;
                }
            }
        }

        return (wins, revenue);
    }
}
