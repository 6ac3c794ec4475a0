using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.CycleTime;

/// <summary>The survival estimators fed with subjects counted per distinct time (what the cycle-time engine does, so its memory
/// grows with the distinct durations, not the leads) give the curves of the subjects listed one by one, to the bit: Kaplan-Meier,
/// Aalen-Johansen and the log-rank test, with and without R's near-tie merge (durations of decades in whole seconds are near
/// ties in days).</summary>
public class CountedSurvivalTests
{
    private const double SecondsPerDay = 86_400;

    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Property(MaxTest = 150)]
    public Property Counted_curves_are_the_listed_curves_to_the_bit() =>
        Prop.ForAll(Arb.From(Gen.Choose(int.MinValue, int.MaxValue)), Arb.From(Gen.Elements(false, true)), (seed, mergeNearTies) =>
        {
            var random = new Random(seed);

            // Three outcomes (0 open, 1 won, 2 lost) for each of a few groups: few distinct values (ties), a spread over 90 days,
            // or decades (near ties once divided into days).
            var groups = random.Next(1, 5);
            var samples = new List<(DurationCounts Sample, int Cause, int Group)>();
            for (var g = 0; g < groups; g++)
            {
                for (var cause = 0; cause < 3; cause++)
                {
                    var n = random.Next(0, random.Next(2) == 0 ? 30 : 400);
                    var range = random.Next(3) switch { 0 => 5, 1 => 90 * 86_400, _ => int.MaxValue };
                    var values = new int[n];
                    for (var i = 0; i < n; i++)
                    {
                        values[i] = range == int.MaxValue ? int.MaxValue - random.Next(0, 2000) : random.Next(0, range);
                    }

                    samples.Add((DurationCounts.FromValues(values, 0, n), cause, g));
                }
            }

            // Listed: every subject's time in days with its cause, sorted by time.
            var listed = samples.SelectMany(s => s.Sample.ToSorted(SecondsPerDay).Select(t => (Time: t, s.Cause, s.Group)))
                .OrderBy(x => x.Time).ToArray();
            var times = listed.Select(x => x.Time).ToArray();
            if (mergeNearTies)
            {
                NearTies.Merge(times);
            }

            var causes = listed.Select(x => x.Cause).ToArray();
            var survival = new KaplanMeierOptions { MergeNearTies = mergeNearTies };
            var incidence = new CumulativeIncidenceOptions { MergeNearTies = mergeNearTies };
            var (kmTimes, kmEvents, kmCensored) = TallyListed(times, causes.Select(c => c == 1).ToArray());
            var listedKm = new KaplanMeierCurve(kmTimes, kmEvents, kmCensored, survival);
            var listedCif = CumulativeIncidence.FromSorted(times, causes, 2, incidence);
            var keys = listed.Select(x => (x.Group * 2) + (x.Cause == 1 ? 1 : 0)).ToArray();
            var labels = Enumerable.Range(0, groups).ToArray();
            var listedLogRank = LogRankTest.FromSorted(times, keys, labels, 0.0);

            // Counted per distinct time, as the engine does.
            var (distinct, counts) = DurationCounts.MergeCounts(samples.Select(s => (s.Sample, s.Cause)).ToList(), 3, SecondsPerDay);
            if (mergeNearTies)
            {
                (distinct, counts) = NearTies.Merge(distinct, counts);
            }

            var censored = distinct.Select((_, j) => counts[0][j] + counts[2][j]).ToArray();
            var countedKm = new KaplanMeierCurve(distinct, counts[1], censored, survival, keepEstimate: random.Next(2) == 0);
            var countedCif = CumulativeIncidence.FromCounts(distinct, counts, 2, incidence);

            // Reads at one time first (without columns, the counts are walked), then everything (columns computed).
            var probes = new List<double> { -1, 0, times.DefaultIfEmpty(0).Max() + 1 };
            probes.AddRange(times.Where((_, i) => i % 7 == 0));
            probes.AddRange(times.Where((_, i) => i % 11 == 0).Select(t => t + 1e-3));
            foreach (var t in probes)
            {
                Assert.Equal(listedKm.SurvivalAt(t), countedKm.SurvivalAt(t));
                Assert.Equal(listedCif.SurvivalAt(t), countedCif.SurvivalAt(t));
                Assert.Equal(listedCif.IncidenceAt(1, t), countedCif.IncidenceAt(1, t));
                Assert.Equal(listedCif.IncidenceAt(2, t), countedCif.IncidenceAt(2, t));
            }

            Assert.Equal(listedKm.Quantile(0.25).Time, countedKm.Quantile(0.25).Time);
            Assert.Equal(listedKm.Quantile(0.6).Lower, countedKm.Quantile(0.6).Lower);
            var (entryTimes, entryKeys, entryCounts) = DurationCounts.MergeEntries(
                samples.Select(s => (s.Sample, (s.Group * 2) + (s.Cause == 1 ? 1 : 0))).ToList(), SecondsPerDay);
            if (mergeNearTies)
            {
                NearTies.Merge(entryTimes);
            }

            var countedLogRank = LogRankTest.FromSorted(entryTimes, entryKeys, entryCounts, labels, 0.0);

            Assert.Equal(JsonSerializer.Serialize(listedKm, Exact), JsonSerializer.Serialize(countedKm, Exact));
            Assert.Equal(JsonSerializer.Serialize(listedCif, Exact), JsonSerializer.Serialize(countedCif, Exact));
            Assert.Equal(JsonSerializer.Serialize(listedLogRank, Exact), JsonSerializer.Serialize(countedLogRank, Exact));
            Assert.Equal(listed.Length, countedKm.Count);
            Assert.Equal(listed.Length, countedCif.Count);
        });

    // The listed subjects (sorted by time, ties adjacent) counted per distinct time the plain way, one subject at a time.
    private static (double[] Times, int[] Events, int[] Censored) TallyListed(double[] sortedTimes, bool[] sortedEvents)
    {
        var times = new List<double>();
        var events = new List<int>();
        var censored = new List<int>();
        for (var r = 0; r < sortedTimes.Length; r++)
        {
            if (r == 0 || sortedTimes[r] != sortedTimes[r - 1])
            {
                times.Add(sortedTimes[r]);
                events.Add(0);
                censored.Add(0);
            }

            if (sortedEvents[r])
            {
                events[^1]++;
            }
            else
            {
                censored[^1]++;
            }
        }

        return (times.ToArray(), events.ToArray(), censored.ToArray());
    }

    [Fact]
    public void A_hand_counted_curve()
    {
        // Days 1 (2 won, 1 open), 2 (1 lost), 3 (1 won): at risk 5, 2, 1.
        // Kaplan-Meier of won: S(1) = 3/5 = 0.6, S(2) = 0.6 (the lost lead is censored), S(3) = 0.6 × 0 = 0.
        // Aalen-Johansen: F_won(1) = 2/5 = 0.4, F_lost(2) = 0.6 × 1/2 = 0.3, F_won(3) = 0.4 + 0.3 × 1/1 = 0.7.
        var times = new[] { 1.0, 2.0, 3.0 };
        var counts = new[] { new[] { 1, 0, 0 }, new[] { 2, 0, 1 }, new[] { 0, 1, 0 } };
        var km = new KaplanMeierCurve(times, counts[1], new[] { 1, 1, 0 }, KaplanMeierOptions.Default);
        Assert.Equal(new[] { 5, 2, 1 }, km.Rows.Select(r => r.AtRisk));
        Assert.Equal(new[] { 0.6, 0.6, 0.0 }, km.Rows.Select(r => r.Survival));
        Assert.Equal(5, km.Count);
        Assert.Equal(3, km.Events);

        var cif = CumulativeIncidence.FromCounts(times, counts, 2, CumulativeIncidenceOptions.Default);
        Assert.Equal(0.4, cif.IncidenceAt(1, 1.0), 15);
        Assert.Equal(0.3, cif.IncidenceAt(2, 2.0), 15);
        Assert.Equal(0.7, cif.IncidenceAt(1, 3.0), 15);
        Assert.Equal(new[] { 3, 1 }, cif.EventsByCause);
    }

    [Fact]
    public void Log_rank_groups_are_their_order_whatever_the_labels_range()
    {
        // The same three groups labelled 0, 1, 2 (an array over the range) and far apart (a sorted set): the same test.
        var random = new Random(5);
        var durations = Enumerable.Range(0, 3000).Select(_ => Math.Round(random.NextDouble() * 50, 1)).ToArray();
        var events = durations.Select(_ => random.Next(3) > 0).ToArray();
        var dense = durations.Select((_, i) => i % 3).ToArray();
        var wide = dense.Select(g => g switch { 0 => int.MinValue, 1 => 0, _ => int.MaxValue }).ToArray();
        var a = LogRankTest.Compute(durations, events, dense);
        var b = LogRankTest.Compute(durations, events, wide);
        Assert.Equal(a.ChiSquare, b.ChiSquare);
        Assert.Equal(new[] { int.MinValue, 0, int.MaxValue }, b.Groups.Select(g => g.Group));
        Assert.Equal(a.Groups.Select(g => g.Observed), b.Groups.Select(g => g.Observed));
        Assert.Equal(a.Groups.Select(g => g.Variance), b.Groups.Select(g => g.Variance));
    }
}
