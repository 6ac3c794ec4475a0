namespace LeadAnalytics.Attribution;

/// <summary>Gaussian elimination with partial pivoting for the small absorbing-chain systems (I - Q) x = b. Written here rather than
/// taken from a library so that the arithmetic, and therefore every digit of the result, is the same on every target and thread.</summary>
internal static class DenseLinearSolver
{
    /// <summary>Solves A x = b for two right-hand sides at once. <paramref name="a"/> (n by n, row-major) and both vectors are
    /// overwritten: the vectors with the solutions.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular (a state from which no absorbing state can be reached).</exception>
    internal static void Solve(double[] a, int n, double[] b1, double[] b2)
    {
        // last[i]: the last column of row i that may be non-zero. The chains are sparse, so most row updates stop early; skipping
        // columns that hold zero changes no digit of the result.
        var last = new int[n];
        for (var i = 0; i < n; i++)
        {
            var j = n - 1;
            while (j > i && a[i * n + j] == 0)
            {
                j--;
            }

            last[i] = j;
        }

        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            var best = Math.Abs(a[k * n + k]);
            for (var i = k + 1; i < n; i++)
            {
                var v = Math.Abs(a[i * n + k]);
                if (v > best)
                {
                    best = v;
                    pivot = i;
                }
            }

            if (best == 0)
            {
                throw new InvalidOperationException("The Markov chain has a state from which neither conversion nor null can be reached.");
            }

            if (pivot != k)
            {
                var end = Math.Max(last[k], last[pivot]);
                for (var j = k; j <= end; j++)
                {
                    (a[k * n + j], a[pivot * n + j]) = (a[pivot * n + j], a[k * n + j]);
                }

                (last[k], last[pivot]) = (last[pivot], last[k]);
                (b1[k], b1[pivot]) = (b1[pivot], b1[k]);
                (b2[k], b2[pivot]) = (b2[pivot], b2[k]);
            }

            var diagonal = a[k * n + k];
            var lastK = last[k];
            for (var i = k + 1; i < n; i++)
            {
                var factor = a[i * n + k] / diagonal;
                if (factor == 0)
                {
                    continue; // the chains are sparse: most rows need no update
                }

                a[i * n + k] = 0;
                for (var j = k + 1; j <= lastK; j++)
                {
                    a[i * n + j] -= factor * a[k * n + j];
                }

                if (lastK > last[i])
                {
                    last[i] = lastK;
                }

                b1[i] -= factor * b1[k];
                b2[i] -= factor * b2[k];
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s1 = b1[i];
            var s2 = b2[i];
            for (var j = i + 1; j <= last[i]; j++)
            {
                s1 -= a[i * n + j] * b1[j];
                s2 -= a[i * n + j] * b2[j];
            }

            b1[i] = s1 / a[i * n + i];
            b2[i] = s2 / a[i * n + i];
        }
    }
}
