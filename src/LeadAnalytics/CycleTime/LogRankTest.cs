using LeadAnalytics.Data;
using MathNet.Numerics;

namespace LeadAnalytics.CycleTime;

/// <summary>The log-rank test and its Fleming-Harrington G-ρ family on plain arrays, as R's <c>survdiff</c>.</summary>
/// <remarks>
/// <para>At each event time with n at risk, d events, and n_j at risk in group j: O_j += w·d_j, E_j += w·d·n_j/n,
/// V_jk += w²·d(n - d)/(n(n - 1))·n_j(δ_jk - n_k/n), with weight w = S(t-)^ρ from the pooled Kaplan-Meier curve
/// (w = 1 for ρ = 0). As in R, groups with no expected events are dropped, the first remaining group is left out of the
/// quadratic form, and the degrees of freedom are the remaining groups minus one.</para>
/// <para>The result does not depend on the order of the input.</para>
/// </remarks>
public static class LogRankTest
{
    /// <summary>Tests whether the groups share one survival curve.</summary>
    /// <param name="durations">Time to event or censoring; finite and not negative.</param>
    /// <param name="events">Whether each duration ends in the event.</param>
    /// <param name="groups">Each subject's group label (any integers).</param>
    /// <param name="rho">The weight exponent: 0 (default) for the log-rank test, 1 for Peto-Peto; not negative.</param>
    /// <param name="mergeNearTies">Whether near-equal times count as one time, as R's <c>timefix = TRUE</c> (see
    /// <see cref="KaplanMeierOptions.MergeNearTies"/>); <see langword="true"/> by default.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration or <paramref name="rho"/> is out of range.</exception>
    public static LogRankResult Compute(IReadOnlyList<double> durations, IReadOnlyList<bool> events, IReadOnlyList<int> groups, double rho = 0, bool mergeNearTies = true)
    {
        Preconditions.CheckNotNull(durations);

        Preconditions.CheckNotNull(events);

        Preconditions.CheckNotNull(groups);

        if (events.Count != durations.Count || groups.Count != durations.Count)
        {
            throw new ArgumentException($"There are {durations.Count} durations, {events.Count} event indicators and {groups.Count} groups.", nameof(groups));
        }

        if (!(rho >= 0 && !double.IsInfinity(rho)))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "Rho must be finite and not negative.");
        }

        // Group labels become indices 0..g-1 in ascending label order.
        var n = durations.Count;
        var (labelList, indexOf) = GroupIndices(groups);
        var keys = new int[n];
        for (var i = 0; i < n; i++)
        {
            KaplanMeier.CheckDuration(durations[i], nameof(durations));
            keys[i] = (indexOf(groups[i]) * 2) + (events[i] ? 1 : 0);
        }

        // Each group's events and censorings sorted as multisets (radix on the doubles' bits) and merged into one entry per
        // distinct time and key with its count: the statistic reads nothing else.
        var samples = DurationCounts.OfDoublesByLabel(durations, keys, labelList.Length * 2);
        var (times, entryKeys, counts) = DurationCounts.MergeEntries(samples, BitConverter.Int64BitsToDouble);
        if (mergeNearTies)
        {
            NearTies.Merge(times);
        }

        return FromSorted(times, entryKeys, counts, labelList, rho);
    }

    // The distinct labels ascending and each label's index among them: through an array over the labels' range when it is
    // at most a million wide (the usual small codes), else a sorted set and a binary search.
    private static (int[] Labels, Func<int, int> IndexOf) GroupIndices(IReadOnlyList<int> groups)
    {
        if (groups.Count == 0)
        {
            return (Array.Empty<int>(), _ => 0);
        }

        int min = int.MaxValue, max = int.MinValue;
        for (var i = 0; i < groups.Count; i++)
        {
            min = Math.Min(min, groups[i]);
            max = Math.Max(max, groups[i]);
        }

        if ((long)max - min < 1 << 20)
        {
            var index = new int[max - min + 1];
            for (var i = 0; i < groups.Count; i++)
            {
                index[groups[i] - min] = 1;
            }

            var labels = new List<int>();
            for (var v = 0; v < index.Length; v++)
            {
                if (index[v] != 0)
                {
                    index[v] = labels.Count;
                    labels.Add(v + min);
                }
            }

            return (labels.ToArray(), g => index[g - min]);
        }

        var set = new SortedSet<int>();
        for (var i = 0; i < groups.Count; i++)
        {
            set.Add(groups[i]);
        }

        var sorted = set.ToArray();
        return (sorted, g => Array.BinarySearch(sorted, g));
    }

    // keys[i] = 2·group index + event flag.
    internal static LogRankResult FromSorted(double[] times, int[] keys, int[] labels, double rho) =>
        FromSorted(times, keys, null, labels, rho);

    // The same with multiplicity[i] subjects behind entry i (all when null, one each): subjects counted per distinct time and
    // key (DurationCounts.MergeEntries) give the statistic of the listed subjects.
    internal static LogRankResult FromSorted(double[] times, int[] keys, int[]? multiplicity, int[] labels, double rho)
    {
        var g = labels.Length;
        var atRisk = new int[g];
        var counts = new int[g];
        var nTotal = 0;
        for (var e = 0; e < keys.Length; e++)
        {
            var n = multiplicity?[e] ?? 1;
            atRisk[keys[e] >> 1] += n;
            counts[keys[e] >> 1] += n;
            nTotal = checked(nTotal + n);
        }

        var observed = new double[g];
        var expected = new double[g];
        var variance = new double[g * g]; // [k * g + j]
        var deaths = new int[g];
        var leaving = new int[g];

        // The groups with subjects at the current time: only they change, so a time costs its entries, plus one pass over the
        // groups (and their pairs for the variance) when it has events.
        var touched = new int[g];
        var km = 1.0;
        var i = 0;
        while (i < times.Length)
        {
            var t = times[i];
            var touchedCount = 0;
            var d = 0;
            while (i < times.Length && times[i] == t)
            {
                var group = keys[i] >> 1;
                var n = multiplicity?[i] ?? 1;
                if (leaving[group] == 0)
                {
                    touched[touchedCount++] = group;
                }

                leaving[group] += n;
                if ((keys[i] & 1) != 0)
                {
                    deaths[group] += n;
                    d += n;
                }

                i++;
            }

            if (d > 0)
            {
                var w = rho == 0 ? 1.0 : Math.Pow(km, rho);
                var nr = (double)nTotal;
                for (var x = 0; x < touchedCount; x++)
                {
                    observed[touched[x]] += w * deaths[touched[x]];
                }

                for (var j = 0; j < g; j++)
                {
                    expected[j] += w * d * atRisk[j] / nr;
                }

                if (nTotal > 1)
                {
                    var kt = w * w * d * (nr - d) / (nr * (nr - 1));
                    for (var j = 0; j < g; j++)
                    {
                        var tmp = kt * atRisk[j];
                        variance[(j * g) + j] += tmp;
                        for (var k = 0; k < g; k++)
                        {
                            variance[(k * g) + j] -= tmp * atRisk[k] / nr;
                        }
                    }
                }

                km *= (nr - d) / nr;
            }

            for (var x = 0; x < touchedCount; x++)
            {
                var j = touched[x];
                atRisk[j] -= leaving[j];
                nTotal -= leaving[j];
                leaving[j] = 0;
                deaths[j] = 0;
            }
        }

        var result = new LogRankGroup[g];
        var kept = new List<int>();
        for (var j = 0; j < g; j++)
        {
            result[j] = new LogRankGroup(labels[j], counts[j], observed[j], expected[j], variance[(j * g) + j]);
            if (expected[j] > 0)
            {
                kept.Add(j);
            }
        }

        var df = kept.Count - 1;
        if (kept.Count < 2)
        {
            return new LogRankResult(rho, result, null, Math.Max(df, 0), null);
        }

        // Drop the first kept group: the remaining (O - E) and V are of full rank.
        var m = kept.Count - 1;
        var a = new double[m, m];
        var b = new double[m];
        for (var r = 0; r < m; r++)
        {
            b[r] = observed[kept[r + 1]] - expected[kept[r + 1]];
            for (var c = 0; c < m; c++)
            {
                a[r, c] = variance[(kept[r + 1] * g) + kept[c + 1]];
            }
        }

        var solution = Solve(a, (double[])b.Clone());
        if (solution is null)
        {
            return new LogRankResult(rho, result, null, df, null);
        }

        var chi = 0.0;
        for (var r = 0; r < m; r++)
        {
            chi += solution[r] * b[r];
        }

        var p = SpecialFunctions.GammaUpperRegularized(df / 2.0, Math.Max(chi, 0) / 2.0);
        return new LogRankResult(rho, result, chi, df, p);
    }

    // Gaussian elimination with partial pivoting; null when the matrix is (numerically) singular, where R's solve() stops.
    private static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var scale = 0.0;
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                scale = Math.Max(scale, Math.Abs(a[r, c]));
            }
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (!(Math.Abs(a[pivot, col]) > scale * 1e-13))
            {
                return null;
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = a[r, col] / a[col, col];
                for (var c = col; c < n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }

                b[r] -= f * b[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var c = r + 1; c < n; c++)
            {
                s -= a[r, c] * x[c];
            }

            x[r] = s / a[r, r];
        }

        return x;
    }
}
