using LeadAnalytics.Statistics;

namespace LeadAnalytics.Data;

// A multiset of durations at the table's stored resolution (whole seconds): the distinct values ascending, each with how many
// leads have it. The sufficient statistic of every duration figure: order statistics, quantiles, means over the sorted values,
// Kaplan-Meier and log-rank inputs all come out of it exactly, and two multisets merge by a linear walk (addition of counts),
// so a partial's durations merge in any order to the single pass's. A database answers with the same shape
// (GROUP BY duration, COUNT(*)). Immutable.
internal sealed class DurationCounts
{
    internal static readonly DurationCounts Empty = new(Array.Empty<long>(), Array.Empty<long>(), 0);

    private readonly long[] _values;
    private readonly long[] _counts;

    private DurationCounts(long[] values, long[] counts, long total)
    {
        _values = values;
        _counts = counts;
        Total = total;
    }

    // The number of durations (with multiplicity).
    internal long Total { get; }

    internal int Distinct => _values.Length;

    internal long ValueAt(int i) => _values[i];

    internal long CountAt(int i) => _counts[i];

    // The largest duration; only when Total > 0.
    internal long Max => _values[_values.Length - 1];

    // Sorts values[start, start + count) in place and counts the runs.
    internal static DurationCounts FromValues(long[] values, int start, int count) =>
        FromValues<long, RadixSort.LongValue>(values, start, count);

    // The same for durations held as ints (half the memory of a long per sample).
    internal static DurationCounts FromValues(int[] values, int start, int count) =>
        FromValues<int, RadixSort.IntValue>(values, start, count);

    private static DurationCounts FromValues<T, TValue>(T[] values, int start, int count)
        where TValue : struct, RadixSort.IValue<T>
    {
        if (count == 0)
        {
            return Empty;
        }

        RadixSort.Sort<T, TValue>(values, start, count);
        var value = default(TValue);
        var distinct = 1;
        for (var i = start + 1; i < start + count; i++)
        {
            if (value.Of(values[i]) != value.Of(values[i - 1]))
            {
                distinct++;
            }
        }

        var v = new long[distinct];
        var n = new long[distinct];
        var k = -1;
        for (var i = start; i < start + count; i++)
        {
            var x = value.Of(values[i]);
            if (k < 0 || x != v[k])
            {
                v[++k] = x;
            }

            n[k]++;
        }

        return new DurationCounts(v, n, count);
    }

    internal static DurationCounts FromValues(GrowableArray<long>? values) =>
        values is null || values.Count == 0 ? Empty : FromValues(values.ToArray(), 0, values.Count);

    // (duration, count) pairs in any order, repeats allowed (a database's GROUP BY reply); counts must be positive.
    internal static DurationCounts FromPairs(IEnumerable<KeyValuePair<long, long>> pairs)
    {
        var list = new List<KeyValuePair<long, long>>(pairs);
        list.Sort((x, y) => x.Key.CompareTo(y.Key));
        var values = new List<long>(list.Count);
        var counts = new List<long>(list.Count);
        long total = 0;
        foreach (var pair in list)
        {
            Preconditions.CheckArgument(pair.Value > 0, nameof(pairs), "Every duration count is positive.");
            if (values.Count > 0 && values[values.Count - 1] == pair.Key)
            {
                counts[counts.Count - 1] += pair.Value;
            }
            else
            {
                values.Add(pair.Key);
                counts.Add(pair.Value);
            }

            total += pair.Value;
        }

        return total == 0 ? Empty : new DurationCounts(values.ToArray(), counts.ToArray(), total);
    }

    // The union of two multisets (counts of equal values added).
    internal static DurationCounts Merge(DurationCounts a, DurationCounts b)
    {
        if (b.Total == 0)
        {
            return a;
        }

        if (a.Total == 0)
        {
            return b;
        }

        var values = new long[a._values.Length + b._values.Length];
        var counts = new long[values.Length];
        int i = 0, j = 0, k = 0;
        while (i < a._values.Length || j < b._values.Length)
        {
            if (j == b._values.Length || (i < a._values.Length && a._values[i] < b._values[j]))
            {
                values[k] = a._values[i];
                counts[k++] = a._counts[i++];
            }
            else if (i == a._values.Length || b._values[j] < a._values[i])
            {
                values[k] = b._values[j];
                counts[k++] = b._counts[j++];
            }
            else
            {
                values[k] = a._values[i];
                counts[k++] = a._counts[i++] + b._counts[j++];
            }
        }

        if (k < values.Length)
        {
            Array.Resize(ref values, k);
            Array.Resize(ref counts, k);
        }

        return new DurationCounts(values, counts, a.Total + b.Total);
    }

    // Every duration divided by unit (86,400 for days), ascending, each repeated by its count: the sorted sample.
    internal double[] ToSorted(double unit)
    {
        var sorted = new double[Total];
        var at = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            var value = _values[i] / unit;
            for (var c = 0L; c < _counts[i]; c++)
            {
                sorted[at++] = value;
            }
        }

        return sorted;
    }

    // Non-negative doubles (durations in any unit) split by label (0 to labelCount - 1), each label's values as a multiset of
    // their bits: for such doubles the bits as a long increase with the value, so the radix sort orders them; -0.0 counts as
    // 0.0. Merge the samples with BitConverter.Int64BitsToDouble as time.
    internal static (DurationCounts Sample, int Label)[] OfDoublesByLabel(IReadOnlyList<double> values, int[] labels, int labelCount)
    {
        var perLabel = new int[labelCount];
        foreach (var label in labels)
        {
            perLabel[label]++;
        }

        var bits = new long[labelCount][];
        for (var l = 0; l < labelCount; l++)
        {
            bits[l] = new long[perLabel[l]];
        }

        Array.Clear(perLabel, 0, labelCount);
        for (var i = 0; i < labels.Length; i++)
        {
            bits[labels[i]][perLabel[labels[i]]++] = BitConverter.DoubleToInt64Bits(values[i] + 0.0);
        }

        var samples = new (DurationCounts, int)[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            samples[l] = (FromValues(bits[l], 0, bits[l].Length), l);
        }

        return samples;
    }

    // Several samples merged on one time axis without listing the subjects: one entry per distinct duration of each sample,
    // ascending by time (the duration divided by unit; entries of equal time adjacent), with its sample's label and its count.
    // The samples are merged in place (each is sorted already), so memory is the result's: 16 bytes per entry.
    internal static (double[] Times, int[] Labels, int[] Counts) MergeEntries(IReadOnlyList<(DurationCounts Sample, int Label)> samples, double unit) =>
        MergeEntries(samples, v => v / unit);

    // The same with each value's time given by `time` (increasing in the value): for samples of doubles held as their bits
    // (OfDoublesByLabel), BitConverter.Int64BitsToDouble.
    internal static (double[] Times, int[] Labels, int[] Counts) MergeEntries(IReadOnlyList<(DurationCounts Sample, int Label)> samples, Func<long, double> time)
    {
        var entries = 0;
        foreach (var (sample, _) in samples)
        {
            entries += sample._values.Length;
        }

        var times = new double[entries];
        var labels = new int[entries];
        var counts = new int[entries];
        var merge = new SampleMerge(samples);
        for (var e = 0; e < entries; e++)
        {
            var (sample, index) = merge.Next();
            times[e] = time(samples[sample].Sample._values[index]);
            labels[e] = samples[sample].Label;
            counts[e] = checked((int)samples[sample].Sample._counts[index]);
        }

        return (times, labels, counts);
    }

    // The same counted per distinct time: Times the distinct times ascending, Counts[label][j] the durations of the samples
    // with that label at Times[j]. For few labels (a curve's causes); many labels want MergeEntries.
    internal static (double[] Times, int[][] Counts) MergeCounts(IReadOnlyList<(DurationCounts Sample, int Label)> samples, int labels, double unit) =>
        MergeCounts(samples, labels, v => v / unit);

    // The same with each value's time given by `time` (increasing in the value).
    internal static (double[] Times, int[][] Counts) MergeCounts(IReadOnlyList<(DurationCounts Sample, int Label)> samples, int labels, Func<long, double> time)
    {
        var entries = 0;
        foreach (var (sample, _) in samples)
        {
            entries += sample._values.Length;
        }

        // Two walks: the number of distinct times, then the counts (no array per entry).
        var rows = 0;
        var last = double.NaN;
        var merge = new SampleMerge(samples);
        for (var e = 0; e < entries; e++)
        {
            var (sample, index) = merge.Next();
            var t = time(samples[sample].Sample._values[index]);
            if (e == 0 || t != last)
            {
                rows++;
                last = t;
            }
        }

        var times = new double[rows];
        var result = new int[labels][];
        for (var l = 0; l < labels; l++)
        {
            result[l] = new int[rows];
        }

        var row = -1;
        merge = new SampleMerge(samples);
        for (var e = 0; e < entries; e++)
        {
            var (sample, index) = merge.Next();
            var t = time(samples[sample].Sample._values[index]);
            if (row < 0 || t != times[row])
            {
                times[++row] = t;
            }

            var target = result[samples[sample].Label];
            target[row] = checked(target[row] + (int)samples[sample].Sample._counts[index]);
        }

        return (times, result);
    }

    // A k-way merge of the samples' distinct values (each sample ascending already): Next gives the sample and the index of
    // the smallest value not yet given (equal values: the sample listed first), through a binary heap of the samples' heads.
    private sealed class SampleMerge
    {
        private readonly long[][] _values;
        private readonly int[] _heap;
        private readonly int[] _next;
        private int _size;

        internal SampleMerge(IReadOnlyList<(DurationCounts Sample, int Label)> samples)
        {
            _values = new long[samples.Count][];
            _heap = new int[samples.Count];
            _next = new int[samples.Count];
            for (var s = 0; s < samples.Count; s++)
            {
                _values[s] = samples[s].Sample._values;
                if (_values[s].Length > 0)
                {
                    _heap[_size++] = s;
                }
            }

            for (var i = (_size / 2) - 1; i >= 0; i--)
            {
                Down(i);
            }
        }

        internal (int Sample, int Index) Next()
        {
            var s = _heap[0];
            var index = _next[s]++;
            if (_next[s] == _values[s].Length)
            {
                _heap[0] = _heap[--_size];
            }

            if (_size > 0)
            {
                Down(0);
            }

            return (s, index);
        }

        private bool Less(int a, int b)
        {
            var x = _values[a][_next[a]];
            var y = _values[b][_next[b]];
            return x < y || (x == y && a < b);
        }

        private void Down(int i)
        {
            while (true)
            {
                var smallest = i;
                var left = (2 * i) + 1;
                var right = left + 1;
                if (left < _size && Less(_heap[left], _heap[smallest]))
                {
                    smallest = left;
                }

                if (right < _size && Less(_heap[right], _heap[smallest]))
                {
                    smallest = right;
                }

                if (smallest == i)
                {
                    return;
                }

                (_heap[i], _heap[smallest]) = (_heap[smallest], _heap[i]);
                i = smallest;
            }
        }
    }

    // The p-quantile of the durations in the given unit: the arithmetic of Quantiles.OfSorted on ToSorted(unit), without
    // expanding it.
    internal double? Quantile(double p, QuantileMethod method, double unit)
    {
        if (Total == 0)
        {
            return null;
        }

        return Quantiles.Interpolate(Total, p, method, rank => OrderStatistic(rank) / unit);
    }

    // The value of 0-based rank r in the sorted sample.
    private long OrderStatistic(long rank)
    {
        long seen = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            seen += _counts[i];
            if (rank < seen)
            {
                return _values[i];
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rank));
    }
}
