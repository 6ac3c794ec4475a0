using FsCheck;
using FsCheck.Fluent;

namespace LeadAnalytics.Tests.CycleTime;

/// <summary>Right-censored competing-risks samples: durations in whole and half days (so ties are frequent), a cause per
/// subject (0 censored, 1 won, 2 lost) and a group 0-2, plus a permutation to show order does not matter.</summary>
public sealed class SurvivalSample
{
    public SurvivalSample(double[] durations, int[] causes, int[] groups, int[] permutation)
    {
        Durations = durations;
        Causes = causes;
        Groups = groups;
        Permutation = permutation;
    }

    public double[] Durations { get; }

    public int[] Causes { get; }

    public int[] Groups { get; }

    public int[] Permutation { get; }

    public bool[] Won => Causes.Select(c => c == 1).ToArray();

    public T[] Permute<T>(T[] values) => Permutation.Select(i => values[i]).ToArray();

    public override string ToString() =>
        string.Join(" ", Durations.Select((d, i) => $"{d.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Causes[i]}/{Groups[i]}"));
}

public static class SurvivalArbitraries
{
    public static Arbitrary<SurvivalSample> Sample() => Arb.From(
        from n in Gen.Choose(0, 80)
        from halfDays in Gen.ArrayOf(Gen.Choose(0, 60), n)
        from causes in Gen.ArrayOf(Gen.Elements(0, 1, 1, 2), n)
        from groups in Gen.ArrayOf(Gen.Choose(0, 2), n)
        from keys in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), n)
        select new SurvivalSample(
            halfDays.Select(h => h / 2.0).ToArray(),
            causes,
            groups,
            Enumerable.Range(0, n).OrderBy(i => keys[i]).ThenBy(i => i).ToArray()));
}
