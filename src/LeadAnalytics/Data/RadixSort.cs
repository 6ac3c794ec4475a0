namespace LeadAnalytics.Data;

/// <summary>
/// Sorts durations (whole seconds, as the table stores them) ascending by least-significant-digit radix sort on the offset
/// from the smallest value, as few passes as the range needs (two for durations within two years), each a counting pass and
/// a stable scatter through one buffer. Linear in the count, where <see cref="Array.Sort(Array)"/> is n log n with a branch
/// per comparison: the quantiles of the engines' defaults (median days to win, step-time medians and p90) were mostly this
/// sort. Small slices keep <see cref="Array.Sort(Array)"/>.
/// </summary>
internal static class RadixSort
{
    // At most 13 bits a pass (8,192 counters, 32 KB: in the first-level cache), the range's bits spread evenly over the
    // passes: two passes for ranges up to 2^26 seconds (two years), three up to 2^39.
    private const int MaxBits = 13;
    private const int Small = 4096;

    /// <summary>Sorts <paramref name="values"/>[start, start + count) ascending.</summary>
    internal static void Sort(long[] values, int start, int count) => Sort<long, LongValue>(values, start, count);

    /// <summary>Sorts <paramref name="values"/> ascending.</summary>
    internal static void Sort(int[] values) => Sort<int, IntValue>(values, 0, values.Length);

    /// <summary>Sorts <paramref name="values"/>[start, start + count) ascending.</summary>
    internal static void Sort(int[] values, int start, int count) => Sort<int, IntValue>(values, start, count);

    // One algorithm for both element types: the struct argument is specialised and inlined by the JIT.
    internal static void Sort<T, TValue>(T[] values, int start, int count)
        where TValue : struct, IValue<T>
    {
        if (count < Small)
        {
            Array.Sort(values, start, count);
            return;
        }

        var value = default(TValue);
        var min = long.MaxValue;
        var max = long.MinValue;
        for (var i = start; i < start + count; i++)
        {
            var v = value.Of(values[i]);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var range = unchecked((ulong)(max - min));
        if (range == 0)
        {
            return;
        }

        var (passes, bits) = Digits(range);
        var mask = (ulong)((1 << bits) - 1);
        var buffer = new T[count];
        var counts = new int[1 << bits];
        var source = values;
        var sourceStart = start;
        var target = buffer;
        var targetStart = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            var shift = pass * bits;
            Array.Clear(counts, 0, counts.Length);
            for (var i = sourceStart; i < sourceStart + count; i++)
            {
                counts[(int)((unchecked((ulong)(value.Of(source[i]) - min)) >> shift) & mask)]++;
            }

            var running = targetStart;
            for (var b = 0; b < counts.Length; b++)
            {
                var n = counts[b];
                counts[b] = running;
                running += n;
            }

            for (var i = sourceStart; i < sourceStart + count; i++)
            {
                var v = source[i];
                target[counts[(int)((unchecked((ulong)(value.Of(v) - min)) >> shift) & mask)]++] = v;
            }

            (source, target) = (target, source);
            (sourceStart, targetStart) = (targetStart, sourceStart);
        }

        if (!ReferenceEquals(source, values))
        {
            Array.Copy(source, sourceStart, values, start, count);
        }
    }

    private static (int Passes, int Bits) Digits(ulong range)
    {
        var bits = 0;
        for (var r = range; r != 0; r >>= 1)
        {
            bits++;
        }

        var passes = (bits + MaxBits - 1) / MaxBits;
        return (passes, (bits + passes - 1) / passes);
    }

    /// <summary>A duration element type read as a long (specialised by the JIT: no call, no box).</summary>
    internal interface IValue<in T>
    {
        long Of(T item);
    }

    internal readonly struct LongValue : IValue<long>
    {
        public long Of(long item) => item;
    }

    internal readonly struct IntValue : IValue<int>
    {
        public long Of(int item) => item;
    }
}
