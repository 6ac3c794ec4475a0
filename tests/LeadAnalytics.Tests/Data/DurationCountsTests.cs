using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Data;

/// <summary>Durations counted per value: an int sample counts as the same values held as longs, and merging several counted
/// samples (as entries with counts, or counted per distinct time and label) gives what concatenating their sorted expansions
/// and sorting by time gives.</summary>
public class DurationCountsTests
{
    [Property(MaxTest = 200)]
    public Property Merging_samples_is_sorting_their_concatenation() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 7)), Arb.From(Gen.Choose(int.MinValue, int.MaxValue)), (sampleCount, seed) =>
        {
            var random = new Random(seed);
            var samples = new List<(DurationCounts, int)>();
            var expected = new List<(double Time, int Label)>();
            for (var s = 0; s < sampleCount; s++)
            {
                // Few distinct values (ties within and across samples), or spread over 90 days (past the radix threshold).
                var n = random.Next(0, random.Next(2) == 0 ? 50 : 6000);
                var range = random.Next(2) == 0 ? 5 : 90 * 86400;
                var values = new int[n];
                for (var i = 0; i < n; i++)
                {
                    values[i] = random.Next(0, range);
                }

                var label = random.Next(0, 4);
                var asLongs = Array.ConvertAll(values, v => (long)v);
                var counts = DurationCounts.FromValues(values, 0, n);
                var fromLongs = DurationCounts.FromValues(asLongs, 0, n);
                Assert.Equal(fromLongs.ToSorted(1), counts.ToSorted(1));
                samples.Add((counts, label));
                expected.AddRange(counts.ToSorted(86_400).Select(t => (t, label)));
            }

            // The entries, each repeated by its count, are the sorted concatenation.
            var (times, labels, entryCounts) = DurationCounts.MergeEntries(samples, 86_400);
            Assert.True(entryCounts.All(c => c > 0));
            for (var d = 1; d < times.Length; d++)
            {
                Assert.True(times[d - 1] <= times[d]);
            }

            var expanded = times.SelectMany((t, d) => Enumerable.Repeat((Time: t, Label: labels[d]), entryCounts[d])).ToList();
            Assert.Equal(expected.Select(e => e.Time).OrderBy(t => t), expanded.Select(e => e.Time));

            // Within a tie the labels may come in any order: compare the (time, label) multisets.
            Assert.Equal(expected.OrderBy(e => e.Time).ThenBy(e => e.Label), expanded.OrderBy(e => e.Time).ThenBy(e => e.Label));

            // Counted per distinct time: every distinct time once, ascending, with the subjects of each label there.
            var (distinctTimes, byLabel) = DurationCounts.MergeCounts(samples, 4, 86_400);
            Assert.Equal(expected.Select(e => e.Time).Distinct().OrderBy(t => t), distinctTimes);
            var tally = expected.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
            for (var label = 0; label < 4; label++)
            {
                var l = label;
                Assert.Equal(distinctTimes.Select(t => tally.GetValueOrDefault((t, l))), byLabel[label]);
            }
        });
}
