using MathNet.Numerics.Distributions;

namespace LeadAnalytics.Statistics;

/// <summary>Significance tests on counts: two proportions, and independence in a contingency table.</summary>
public static class ProportionTests
{
    /// <summary>Two-sided z test that two proportions are equal, with the pooled variance
    /// (statsmodels <c>proportions_ztest</c> default; equals R <c>prop.test(correct = FALSE)</c>, whose X-squared is z²).</summary>
    /// <param name="successes1">Successes in the first group.</param>
    /// <param name="trials1">Trials in the first group, above zero.</param>
    /// <param name="successes2">Successes in the second group.</param>
    /// <param name="trials2">Trials in the second group, above zero.</param>
    /// <returns>z (first minus second) and its two-sided p-value; undefined when the pooled proportion is 0 or 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Counts out of range.</exception>
    public static HypothesisTestResult TwoProportionZ(long successes1, long trials1, long successes2, long trials2)
    {
        CheckCounts(successes1, trials1, nameof(successes1));
        CheckCounts(successes2, trials2, nameof(successes2));
        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var pooled = (double)(successes1 + successes2) / (trials1 + trials2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / trials1) + (1.0 / trials2)));
        if (!(se > 0))
        {
            return new HypothesisTestResult("two-proportion z", null, null, null);
        }

        var z = (p1 - p2) / se;
        var p = 2 * Normal.CDF(0, 1, -Math.Abs(z));
        return new HypothesisTestResult("two-proportion z", z, null, p);
    }

    /// <summary>Pearson's chi-square test of independence on an r x c table of counts
    /// (R <c>chisq.test</c>, scipy <c>chi2_contingency</c>).</summary>
    /// <param name="table">Counts by row (for example segments) and column (for example won / not won).</param>
    /// <param name="yates">Apply Yates' continuity correction; as in R and scipy it only applies to 2 x 2 tables,
    /// using min(0.5, |O - E|).</param>
    /// <returns>Chi-square, degrees of freedom and p-value. Rows and columns whose total is zero are dropped first; a
    /// table left with fewer than two rows or columns gives an undefined result.</returns>
    /// <exception cref="ArgumentException">The table is ragged or has a negative count.</exception>
    public static HypothesisTestResult ChiSquareIndependence(IReadOnlyList<IReadOnlyList<long>> table, bool yates = false)
    {
        Preconditions.CheckNotNull(table);

        var columns = table.Count == 0 ? 0 : table[0].Count;
        var rowTotals = new List<double>();
        var keptRows = new List<int>();
        var columnTotals = new double[columns];
        for (var r = 0; r < table.Count; r++)
        {
            if (table[r] is null || table[r].Count != columns)
            {
                throw new ArgumentException("Every row of the table needs the same number of columns.", nameof(table));
            }

            double total = 0;
            for (var c = 0; c < columns; c++)
            {
                if (table[r][c] < 0)
                {
                    throw new ArgumentException($"Count at row {r}, column {c} is negative.", nameof(table));
                }

                total += table[r][c];
                columnTotals[c] += table[r][c];
            }

            if (total > 0)
            {
                keptRows.Add(r);
                rowTotals.Add(total);
            }
        }

        var keptColumns = new List<int>();
        for (var c = 0; c < columns; c++)
        {
            if (columnTotals[c] > 0)
            {
                keptColumns.Add(c);
            }
        }

        const string name = "chi-square independence";
        if (keptRows.Count < 2 || keptColumns.Count < 2)
        {
            return new HypothesisTestResult(name, null, null, null);
        }

        var grand = rowTotals.Sum();
        var correct = yates && keptRows.Count == 2 && keptColumns.Count == 2;
        double chi = 0;
        for (var i = 0; i < keptRows.Count; i++)
        {
            foreach (var c in keptColumns)
            {
                var expected = rowTotals[i] * columnTotals[c] / grand;
                var diff = Math.Abs(table[keptRows[i]][c] - expected);
                if (correct)
                {
                    diff -= Math.Min(0.5, diff);
                }

                chi += diff * diff / expected;
            }
        }

        var df = (keptRows.Count - 1) * (keptColumns.Count - 1);
        return new HypothesisTestResult(correct ? name + " (Yates)" : name, chi, df, TailProbabilities.ChiSquareUpper(df, chi));
    }

    /// <summary>Fisher's exact test of independence in a 2 x 2 table, two-sided as R <c>fisher.test</c>: the p-value sums the
    /// probabilities of every table with the observed margins that is no more likely than the observed one (with R's relative
    /// tolerance of 1e-7 for ties). For small counts, where the z and chi-square approximations fail.</summary>
    /// <param name="a">Row 1, column 1 (for example won leads of a segment).</param>
    /// <param name="b">Row 1, column 2 (its leads not won).</param>
    /// <param name="c">Row 2, column 1 (won leads of the rest).</param>
    /// <param name="d">Row 2, column 2 (leads of the rest not won).</param>
    /// <returns>The p-value; the statistic is <see langword="null"/> (the test has none; R reports the conditional odds ratio
    /// as an estimate, which this method does not compute). A table with an empty margin has p-value 1, as in R.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static HypothesisTestResult FisherExact(long a, long b, long c, long d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Counts must not be negative.");
        }

        // R's notation: m = first column total, n = second column total, k = first row total, x = a.
        var m = a + c;
        var n = b + d;
        var k = a + b;
        var lo = Math.Max(0, k - n);
        var hi = Math.Min(k, m);
        var density = new double[hi - lo + 1];
        // The hypergeometric densities relative to the mode, by the ratio of neighbours: no factorials, so no loss of
        // precision on large tables, and terms far in the tails underflow harmlessly to zero.
        var mode = (long)Math.Floor((k + 1.0) * (m + 1.0) / (m + n + 2.0));
        mode = Math.Min(hi, Math.Max(lo, mode));
        density[mode - lo] = 1;
        for (var x = mode; x < hi; x++)
        {
            density[x + 1 - lo] = density[x - lo] * ((double)(m - x) * (k - x) / ((x + 1.0) * (n - k + x + 1.0)));
        }

        for (var x = mode; x > lo; x--)
        {
            density[x - 1 - lo] = density[x - lo] * ((double)x * (n - k + x) / ((m - x + 1.0) * (k - x + 1.0)));
        }

        double total = 0;
        foreach (var v in density)
        {
            total += v;
        }

        var threshold = density[a - lo] * (1 + 1e-7);
        double tail = 0;
        foreach (var v in density)
        {
            if (v <= threshold)
            {
                tail += v;
            }
        }

        return new HypothesisTestResult("Fisher exact", null, null, Math.Min(1.0, tail / total));
    }

    /// <summary>Tests each segment's rate against the rest of the population (segment vs total minus segment) and adjusts
    /// the p-values for the number of segments tested with Holm's method.</summary>
    /// <param name="successes">Successes per segment.</param>
    /// <param name="trials">Trials per segment.</param>
    /// <param name="totalSuccesses">Successes in the whole population (segments may overlap, as tags do, so this is not
    /// necessarily the sum).</param>
    /// <param name="totalTrials">Trials in the whole population.</param>
    /// <param name="method">The two-proportion test; <see cref="ProportionTestMethod.Auto"/> by default.</param>
    /// <returns>One comparison per segment, in the input order. A segment without trials, or one that is the whole
    /// population, is not tested (null test, not counted by Holm).</returns>
    /// <exception cref="ArgumentException">The lists differ in length, or a segment exceeds the population.</exception>
    public static IReadOnlyList<SegmentVersusRest> EachVersusRest(
        IReadOnlyList<long> successes, IReadOnlyList<long> trials, long totalSuccesses, long totalTrials, ProportionTestMethod method = ProportionTestMethod.Auto)
    {
        Preconditions.CheckNotNull(successes);

        Preconditions.CheckNotNull(trials);

        if (successes.Count != trials.Count)
        {
            throw new ArgumentException("One trial count per segment is needed.", nameof(trials));
        }

        var tests = new HypothesisTestResult?[successes.Count];
        var pValues = new double?[successes.Count];
        for (var i = 0; i < successes.Count; i++)
        {
            long s = successes[i], n = trials[i], rs = totalSuccesses - s, rn = totalTrials - n;
            if (s < 0 || s > n || rs < 0 || rn < 0 || rs > rn)
            {
                throw new ArgumentException($"Segment {i} ({s}/{n}) does not fit in the population ({totalSuccesses}/{totalTrials}).", nameof(successes));
            }

            if (n == 0 || rn == 0)
            {
                continue;
            }

            tests[i] = Compare(s, n, rs, rn, method);
            pValues[i] = tests[i]!.PValue;
        }

        var adjusted = MultipleComparisons.Holm(pValues);
        var result = new SegmentVersusRest[successes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            long s = successes[i], n = trials[i], rs = totalSuccesses - s, rn = totalTrials - n;
            double? probability = tests[i] is null ? null : BayesianProportions.ProbabilityGreater(s, n, rs, rn);
            result[i] = new SegmentVersusRest(s, n, rs, rn, tests[i], adjusted[i], probability);
        }

        return result;
    }

    /// <summary>Compares two proportions with the chosen test.</summary>
    /// <param name="successes1">Successes in the first group.</param>
    /// <param name="trials1">Trials in the first group, above zero.</param>
    /// <param name="successes2">Successes in the second group.</param>
    /// <param name="trials2">Trials in the second group, above zero.</param>
    /// <param name="method">The test.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Counts or method out of range.</exception>
    public static HypothesisTestResult Compare(long successes1, long trials1, long successes2, long trials2, ProportionTestMethod method)
    {
        CheckCounts(successes1, trials1, nameof(successes1));
        CheckCounts(successes2, trials2, nameof(successes2));
        long a = successes1, b = trials1 - successes1, c = successes2, d = trials2 - successes2;
        switch (method)
        {
            case ProportionTestMethod.Auto:
                double total = trials1 + trials2, wins = a + c, losses = b + d;
                var smallest = Math.Min(trials1, trials2) * Math.Min(wins, losses) / total;
                return smallest < 5 ? FisherExact(a, b, c, d) : TwoProportionZ(successes1, trials1, successes2, trials2);
            case ProportionTestMethod.TwoProportionZ:
                return TwoProportionZ(successes1, trials1, successes2, trials2);
            case ProportionTestMethod.ChiSquareYates:
                return ChiSquareIndependence(new[] { new[] { a, b }, new[] { c, d } }, yates: true);
            case ProportionTestMethod.FisherExact:
                return FisherExact(a, b, c, d);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown test.");
        }
    }

    private static void CheckCounts(long successes, long trials, string name)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(name, successes, $"Successes ({successes}) must lie between 0 and trials ({trials}), and trials must be above zero.");
        }
    }
}
