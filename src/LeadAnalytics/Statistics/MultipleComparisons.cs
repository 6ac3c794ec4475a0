namespace LeadAnalytics.Statistics;

/// <summary>Adjustments of p-values for testing several hypotheses at once.</summary>
public static class MultipleComparisons
{
    /// <summary>Holm's step-down adjustment (R <c>p.adjust(p, "holm")</c>): sort the m defined p-values ascending,
    /// multiply the i-th smallest by (m - i + 1), carry the running maximum forward and cap at 1. Controls the family-wise
    /// error rate like Bonferroni, with more power.</summary>
    /// <param name="pValues">The p-values; <see langword="null"/> entries (tests that could not be run) stay null and do not count
    /// in m, as R drops NA.</param>
    /// <returns>The adjusted p-values, in the input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1] or NaN.</exception>
    public static IReadOnlyList<double?> Holm(IReadOnlyList<double?> pValues)
    {
        Preconditions.CheckNotNull(pValues);

        var defined = new List<int>();
        for (var i = 0; i < pValues.Count; i++)
        {
            if (pValues[i] is { } p)
            {
                if (!(p >= 0 && p <= 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value {i} must lie in [0, 1].");
                }

                defined.Add(i);
            }
        }

        // Stable order (ties keep their input order) so the result does not depend on the sort algorithm.
        var order = defined.ToArray();
        var keys = new double[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            keys[i] = pValues[order[i]]!.Value;
        }

        var positions = new int[order.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        Array.Sort(positions, (x, y) => keys[x] != keys[y] ? keys[x].CompareTo(keys[y]) : x.CompareTo(y));
        var adjusted = new double?[pValues.Count];
        var m = order.Length;
        double running = 0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = positions[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * keys[i]));
            adjusted[order[i]] = running;
        }

        return adjusted;
    }
}
