using MathNet.Numerics.Distributions;

namespace LeadAnalytics.Attribution;

/// <summary>
/// Credit intervals by a stratified bootstrap over journeys. A replicate draws as many converted journeys as the data has from
/// the converted ones, and as many non-converted ones from the rest, with replacement (a multinomial draw per row, by the alias
/// method; a row of aggregated paths is drawn in proportion to its counts and brings its mean value per conversion), then every
/// model is recomputed on the re-counted rows. Markov re-counts its distinct paths from the rows (the journeys are never re-read);
/// money is allocated to the cent in every replicate as in the point estimate.
/// </summary>
/// <remarks>Replicate b uses its own generator seeded by (seed, b) and writes only its own slot, so the result is the same for any
/// thread count; rows are in the journey table's canonical order, so it is the same for any input order.</remarks>
internal static class AttributionBootstrap
{
    internal const int JackknifeGroups = 20;

    internal static List<AttributionResult> Attach(
        JourneyTable table, IReadOnlyList<AttributionModel> models, AttributionOptions options, IReadOnlyList<AttributionResult> point)
    {
        var settings = options.Intervals!;
        var confidence = options.Scope.Confidence;
        var replicates = settings.Replicates;
        var keyCount = table.Keys.Length;
        var converted = new WeightedDraw(table.Conversions);
        var nonConverted = new WeightedDraw(table.Nulls);
        var markov = models.Contains(AttributionModel.Markov) ? MarkovAttribution.Prepare(table, options) : null;
        var perConversion = ValuePerConversion(table);
        var conversions = new double[models.Count][][];
        var values = new decimal[models.Count][][];
        var totals = new decimal[replicates];
        for (var m = 0; m < models.Count; m++)
        {
            conversions[m] = new double[replicates][];
            values[m] = new decimal[replicates][];
        }

        // One workspace per worker, replicates dealt round-robin: a workspace holds a few arrays of the table's size, so it is
        // allocated once per thread, not once per task. Replicate b depends only on (seed, b): the same bits for any split.
        var workers = Math.Min(replicates, options.Scope.EffectiveParallelism);
        Parallel.For(
            0,
            workers,
            new ParallelOptions { MaxDegreeOfParallelism = workers },
            worker =>
            {
                var work = new Workspace(table.RowCount, markov?.Conversions.Length ?? 0);
                for (var b = worker; b < replicates; b += workers)
                {
                    var random = new BootstrapRandom(settings.Seed, b);
                    Array.Clear(work.Drawn, 0, work.Drawn.Length);
                    Array.Clear(work.DrawnNulls, 0, work.DrawnNulls.Length);
                    converted.Draw(ref random, work.Drawn);
                    nonConverted.Draw(ref random, work.DrawnNulls);
                    var replicate = work.Recount(table, perConversion);
                    totals[b] = Math.Round(replicate.TotalValue, replicate.Currency.MinorUnits, MidpointRounding.AwayFromZero);
                    Evaluate(replicate, models, options, markov, work, conversions, values, b);
                }
            });

        // BCa's acceleration: a delete-a-group jackknife (rows by canonical index modulo 20), the same for any run.
        double[][][]? jackknife = null;
        if (settings.Method == AttributionIntervalMethod.BCa)
        {
            jackknife = new double[models.Count][][];
            var groupConversions = new double[models.Count][][];
            var groupValues = new decimal[models.Count][][];
            for (var m = 0; m < models.Count; m++)
            {
                groupConversions[m] = new double[JackknifeGroups][];
                groupValues[m] = new decimal[JackknifeGroups][];
            }

            var work = new Workspace(table.RowCount, markov?.Conversions.Length ?? 0);
            for (var g = 0; g < JackknifeGroups; g++)
            {
                for (var r = 0; r < table.RowCount; r++)
                {
                    var keep = r % JackknifeGroups != g;
                    work.Drawn[r] = keep ? (int)Math.Round(table.Conversions[r]) : 0;
                    work.DrawnNulls[r] = keep ? (int)Math.Round(table.Nulls[r]) : 0;
                }

                Evaluate(work.Recount(table, perConversion), models, options, markov, work, groupConversions, groupValues, g);
            }

            for (var m = 0; m < models.Count; m++)
            {
                jackknife[m] = groupConversions[m];
            }
        }

        var results = new List<AttributionResult>(models.Count);
        for (var m = 0; m < models.Count; m++)
        {
            var estimate = point[m];
            var credits = new ChannelCredit[keyCount];
            var ranks = RankShares(conversions[m], keyCount);
            for (var k = 0; k < keyCount; k++)
            {
                var c = estimate.Credits[k];
                var sample = Column(conversions[m], k);
                var (lo, hi) = Limits(sample, c.Conversions, jackknife is null ? null : Column(jackknife[m], k), confidence, settings.Method);
                var valueSample = new double[replicates];
                for (var b = 0; b < replicates; b++)
                {
                    valueSample[b] = (double)values[m][b][k];
                }

                var (vlo, vhi) = Limits(valueSample, (double)c.Value.Amount, null, confidence, AttributionIntervalMethod.Percentile);
                var currency = c.Value.Currency;
                var interval = new CreditInterval(
                    lo,
                    hi,
                    new Money(RoundMoney(vlo, currency), currency),
                    new Money(RoundMoney(vhi, currency), currency),
                    StandardDeviation(sample),
                    ranks[k].Top1 / (double)replicates,
                    ranks[k].Top3 / (double)replicates);
                credits[k] = new ChannelCredit(c.Key, c.Conversions, c.Value, c.RemovalEffect, c.ValueRemovalEffect, interval);
            }

            results.Add(estimate.WithIntervals(credits, settings, confidence, conversions[m], values[m], totals));
        }

        return results;
    }

    /// <summary>Each row's mean value per conversion, divided once rather than in every replicate (a row of aggregated
    /// paths brings its mean value per drawn conversion); rows of one conversion keep their value as is.</summary>
    private static decimal[] ValuePerConversion(JourneyTable table)
    {
        var perConversion = new decimal[table.RowCount];
        for (var r = 0; r < perConversion.Length; r++)
        {
            var original = table.Conversions[r];
            perConversion[r] = original == 1 || original <= 0 ? table.Value[r] : table.Value[r] / (decimal)original;
        }

        return perConversion;
    }

    /// <summary>The percentile (or BCa) limits of a replicate sample at a confidence level.</summary>
    internal static (double Lower, double Upper) Limits(double[] sample, double estimate, double[]? jackknife, double confidence, AttributionIntervalMethod method)
    {
        var sorted = (double[])sample.Clone();
        Array.Sort(sorted);
        var alpha = (1 - confidence) / 2;
        double pLow = alpha, pHigh = 1 - alpha;
        if (method == AttributionIntervalMethod.BCa && jackknife is not null)
        {
            var below = 0;
            foreach (var x in sorted)
            {
                below += x < estimate ? 1 : 0;
            }

            var share = Math.Min(Math.Max(below / (double)sorted.Length, 0.5 / sorted.Length), 1 - (0.5 / sorted.Length));
            var z0 = Normal.InvCDF(0, 1, share);
            var mean = 0.0;
            foreach (var x in jackknife)
            {
                mean += x;
            }

            mean /= jackknife.Length;
            double num = 0, den = 0;
            foreach (var x in jackknife)
            {
                var d = mean - x;
                num += d * d * d;
                den += d * d;
            }

            var a = den > 0 ? num / (6 * Math.Pow(den, 1.5)) : 0;
            pLow = Adjusted(z0, a, Normal.InvCDF(0, 1, alpha));
            pHigh = Adjusted(z0, a, Normal.InvCDF(0, 1, 1 - alpha));
        }

        return (Quantile(sorted, pLow), Quantile(sorted, pHigh));
    }

    /// <summary>R's quantile type 7 of a sorted sample.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[sorted.Length - 1];
        }

        return sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
    }

    internal static double[] Column(double[][] rows, int k)
    {
        var column = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            column[i] = rows[i][k];
        }

        return column;
    }

    private static double Adjusted(double z0, double a, double z)
    {
        var shifted = z0 + z;
        var denominator = 1 - (a * shifted);
        return denominator > 0 ? Normal.CDF(0, 1, z0 + (shifted / denominator)) : (z < 0 ? 0 : 1);
    }

    private static decimal RoundMoney(double amount, Currency currency) =>
        Math.Round((decimal)amount, currency.MinorUnits, MidpointRounding.AwayFromZero);

    private static double StandardDeviation(double[] sample)
    {
        var mean = 0.0;
        foreach (var x in sample)
        {
            mean += x;
        }

        mean /= sample.Length;
        var sum = 0.0;
        foreach (var x in sample)
        {
            sum += (x - mean) * (x - mean);
        }

        return Math.Sqrt(sum / (sample.Length - 1));
    }

    private static (int Top1, int Top3)[] RankShares(double[][] replicates, int keyCount)
    {
        var counts = new (int Top1, int Top3)[keyCount];
        foreach (var credit in replicates)
        {
            for (var k = 0; k < keyCount; k++)
            {
                var ahead = 0;
                for (var j = 0; j < keyCount; j++)
                {
                    ahead += credit[j] > credit[k] ? 1 : 0;
                }

                counts[k] = (counts[k].Top1 + (ahead == 0 ? 1 : 0), counts[k].Top3 + (ahead < 3 ? 1 : 0));
            }
        }

        return counts;
    }

    private static void Evaluate(
        JourneyTable replicate, IReadOnlyList<AttributionModel> models, AttributionOptions options, MarkovPaths? markov, Workspace work,
        double[][][] conversions, decimal[][][] values, int slot)
    {
        var currency = replicate.Currency;
        var total = Math.Round(replicate.TotalValue, currency.MinorUnits, MidpointRounding.AwayFromZero);
        for (var m = 0; m < models.Count; m++)
        {
            var raw = models[m] switch
            {
                AttributionModel.Markov => work.Markov(replicate, markov!, options),
                AttributionModel.Shapley => ShapleyAttribution.Compute(replicate),
                _ => RuleBasedAttribution.Compute(replicate, models[m], options),
            };
            var money = MoneyAllocator.Allocate(total, currency, raw.ValueWeights);
            var amounts = new decimal[money.Length];
            for (var k = 0; k < money.Length; k++)
            {
                amounts[k] = money[k].Amount;
            }

            conversions[m][slot] = raw.Conversions;
            values[m][slot] = amounts;
        }
    }

    /// <summary>One thread's buffers: the drawn counts per row and the re-counted rows and paths.</summary>
    private sealed class Workspace
    {
        private readonly double[] _conversions;
        private readonly double[] _nulls;
        private readonly decimal[] _value;
        private readonly double[] _pathConversions;
        private readonly double[] _pathNulls;
        private readonly decimal[] _pathValue;
        private double[] _absorption = Array.Empty<double>();

        internal Workspace(int rows, int paths)
        {
            Drawn = new int[rows];
            DrawnNulls = new int[rows];
            _conversions = new double[rows];
            _nulls = new double[rows];
            _value = new decimal[rows];
            _pathConversions = new double[paths];
            _pathNulls = new double[paths];
            _pathValue = new decimal[paths];
        }

        internal int[] Drawn { get; }

        internal int[] DrawnNulls { get; }

        /// <summary>The rows with the drawn counts; a row's value scales with its drawn conversions (its mean value per conversion).</summary>
        internal JourneyTable Recount(JourneyTable table, decimal[] perConversion)
        {
            var totalConversions = 0L;
            var totalValue = 0m;
            for (var r = 0; r < _conversions.Length; r++)
            {
                var drawn = Drawn[r];
                _conversions[r] = drawn;
                _nulls[r] = DrawnNulls[r];
                totalConversions += drawn;
                if (drawn == 0)
                {
                    _value[r] = 0m;
                    continue;
                }

                _value[r] = drawn == 1 ? perConversion[r] : perConversion[r] * drawn;
                totalValue += _value[r];
            }

            return table.WithCounts(_conversions, _nulls, _value, totalConversions, totalValue);
        }

        internal RawCredit Markov(JourneyTable replicate, MarkovPaths paths, AttributionOptions options)
        {
            Array.Clear(_pathConversions, 0, _pathConversions.Length);
            Array.Clear(_pathNulls, 0, _pathNulls.Length);
            Array.Clear(_pathValue, 0, _pathValue.Length);
            var useNulls = options.MarkovUseNonConvertingPaths;
            // Under the default value rule the money follows the removal effects, so a replicate's chain needs no values.
            var useValue = options.MarkovValueRule == MarkovValueRule.LastStateMeanValue;
            for (var r = 0; r < replicate.RowCount; r++)
            {
                var p = paths.RowPath[r];
                var conversions = replicate.Conversions[r];
                var nulls = useNulls ? replicate.Nulls[r] : 0;
                if (p < 0 || conversions + nulls == 0)
                {
                    continue;
                }

                _pathConversions[p] += conversions;
                _pathNulls[p] += nulls;
                if (useValue && conversions > 0)
                {
                    _pathValue[p] += replicate.Value[r];
                }
            }

            var plan = paths.Plan(options.MarkovOrder);
            if (_absorption.Length < plan.StateCount * plan.StateCount)
            {
                _absorption = new double[plan.StateCount * plan.StateCount]; // once per worker, reused by its replicates
            }

            return MarkovAttribution.Compute(replicate.Keys, plan, _pathConversions, _pathNulls, _pathValue, replicate.TotalConversions, options, withDetails: false, _absorption);
        }
    }
}
