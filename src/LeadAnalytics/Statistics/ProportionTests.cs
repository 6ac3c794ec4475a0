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
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

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

    private static void CheckCounts(long successes, long trials, string name)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(name, successes, $"Successes ({successes}) must lie between 0 and trials ({trials}), and trials must be above zero.");
        }
    }
}
