using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Data;

/// <summary>The radix sort of durations orders exactly as <see cref="Array.Sort(Array)"/>: any values (negative, equal, the
/// extremes of the type), any slice, small slices and slices past the radix threshold.</summary>
public class RadixSortTests
{
    private static Gen<long> Value =>
        Gen.OneOf(
            Gen.Choose(-5, 5).Select(v => (long)v),
            Gen.Choose(0, 90 * 86400).Select(v => (long)v),
            Gen.Choose(int.MinValue, int.MaxValue).Select(v => (long)v * 3),
            Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L, 1L << 40));

    [Property(MaxTest = 200)]
    public Property Sorting_longs_gives_what_Array_Sort_gives() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 9000)), Arb.From(Gen.Choose(0, 3)), Arb.From(Gen.Choose(int.MinValue, int.MaxValue)), (count, spread, seed) =>
        {
            var random = new Random(seed);
            var sample = Value.Sample(Math.Max(1, count / 8)).ToArray();
            var values = new long[count + 10];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = spread switch
                {
                    0 => random.Next(0, 3),
                    1 => random.NextInt64(0, 40L * 86400),
                    2 => random.NextInt64(long.MinValue, long.MaxValue),
                    _ => sample[random.Next(sample.Length)],
                };
            }

            var expected = (long[])values.Clone();
            Array.Sort(expected, 5, count);
            RadixSort.Sort(values, 5, count);
            Assert.Equal(expected, values);
        });

    [Property(MaxTest = 200)]
    public Property Sorting_ints_gives_what_Array_Sort_gives() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 9000)), Arb.From(Gen.Choose(0, 2)), Arb.From(Gen.Choose(int.MinValue, int.MaxValue)), (count, spread, seed) =>
        {
            var random = new Random(seed);
            var values = new int[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = spread switch
                {
                    0 => random.Next(-2, 3),
                    1 => random.Next(0, 90 * 86400),
                    _ => random.Next(int.MinValue, int.MaxValue) | (random.Next(2) == 0 ? int.MinValue : 0),
                };
            }

            if (count > 2)
            {
                values[0] = int.MinValue;
                values[1] = int.MaxValue;
            }

            var expected = (int[])values.Clone();
            Array.Sort(expected);
            RadixSort.Sort(values);
            Assert.Equal(expected, values);
        });

    [Fact]
    public void A_large_slice_of_durations_is_sorted_in_place_and_the_rest_untouched()
    {
        var random = new Random(7);
        var values = new long[100_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextInt64(-3600, 365L * 86400);
        }

        var expected = (long[])values.Clone();
        Array.Sort(expected, 1_000, 90_000);
        RadixSort.Sort(values, 1_000, 90_000);
        Assert.Equal(expected, values);
    }
}
