using FsCheck.Xunit;
using LeadAnalytics.CycleTime;

namespace LeadAnalytics.Tests.CycleTime;

/// <summary>Laws of the survival estimators on random censored samples.</summary>
[Properties(Arbitrary = new[] { typeof(SurvivalArbitraries) }, MaxTest = 200)]
public class SurvivalPropertyTests
{
    [Property]
    public bool Survival_is_non_increasing_within_zero_and_one(SurvivalSample s)
    {
        var fit = KaplanMeier.Fit(s.Durations, s.Won);
        var previous = 1.0;
        foreach (var row in fit.Rows)
        {
            if (row.Survival > previous || row.Survival < 0 || row.Survival > 1
                || (row.Lower is { } lo && (lo < 0 || lo > row.Survival + 1e-15))
                || (row.Upper is { } up && (up > 1 || up < row.Survival - 1e-15)))
            {
                return false;
            }

            previous = row.Survival;
        }

        return true;
    }

    [Property]
    public bool Without_censoring_the_curve_is_one_minus_the_empirical_distribution(SurvivalSample s)
    {
        var all = s.Durations.Select(_ => true).ToArray();
        var fit = KaplanMeier.Fit(s.Durations, all);
        foreach (var row in fit.Rows)
        {
            var ecdf = s.Durations.Count(d => d <= row.Time) / (double)s.Durations.Length;
            if (Math.Abs(row.Survival - (1 - ecdf)) > 1e-12 || Math.Abs(fit.SurvivalAt(row.Time) - (1 - ecdf)) > 1e-12)
            {
                return false;
            }
        }

        return fit.Rows.Count == s.Durations.Distinct().Count();
    }

    [Property]
    public bool The_fit_at_one_time_is_the_curve_row_at_or_before_it_to_the_bit(SurvivalSample s, byte pick)
    {
        var order = Enumerable.Range(0, s.Durations.Length).OrderBy(i => s.Durations[i]).ToArray();
        var times = order.Select(i => s.Durations[i]).ToArray();
        var causes = order.Select(i => s.Causes[i]).ToArray();
        var curve = CumulativeIncidence.FromSorted(times, causes, 2, CumulativeIncidenceOptions.Default);

        // Before the first time, at each time, between two times and after the last.
        var cuts = new List<double> { -1, times.DefaultIfEmpty(0).Max() + 1 };
        cuts.AddRange(times);
        cuts.AddRange(times.Select(t => t + 0.25));
        foreach (var cut in cuts.Where((_, i) => (i + pick) % 3 == 0 || i < 2))
        {
            var point = CumulativeIncidence.At(new Outcomes(times, causes), 2, cut);
            var row = curve.Rows.LastOrDefault(r => r.Time <= cut);
            if (row is null != point is null)
            {
                return false;
            }

            if (row is not null && (row.Survival != point!.Survival || row.SurvivalStandardError != point.SurvivalStandardError
                || !row.Incidence.SequenceEqual(point.Incidence) || !row.IncidenceStandardError.SequenceEqual(point.IncidenceStandardError)))
            {
                return false;
            }
        }

        return true;
    }

    private readonly struct Outcomes(double[] times, int[] causes) : CumulativeIncidence.ISortedOutcomes
    {
        public int Count => times.Length;

        public double Time(int index) => times[index];

        public int Cause(int index) => causes[index];
    }

    [Property]
    public bool Incidence_of_won_and_lost_plus_survival_is_one_at_every_time(SurvivalSample s)
    {
        var cif = CumulativeIncidence.Fit(s.Durations, s.Causes, 2);
        var anyCause = KaplanMeier.Fit(s.Durations, s.Causes.Select(c => c != 0).ToArray());
        for (var i = 0; i < cif.Rows.Count; i++)
        {
            var row = cif.Rows[i];
            if (Math.Abs(row.Incidence[0] + row.Incidence[1] + row.Survival - 1) > 1e-12
                || row.Survival != anyCause.Rows[i].Survival
                || (i > 0 && (row.Incidence[0] < cif.Rows[i - 1].Incidence[0] || row.Incidence[1] < cif.Rows[i - 1].Incidence[1])))
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Incidence_of_won_never_exceeds_one_minus_the_censor_at_loss_curve(SurvivalSample s)
    {
        // 1 - KM (lost treated as censored) overstates conversion: the competing-risks incidence is never above it.
        var cif = CumulativeIncidence.Fit(s.Durations, s.Causes, 2);
        var km = KaplanMeier.Fit(s.Durations, s.Won);
        return cif.Rows.All(r => r.Incidence[0] <= 1 - km.SurvivalAt(r.Time) + 1e-12);
    }

    [Property]
    public bool Input_order_does_not_matter(SurvivalSample s)
    {
        var (d, won, causes, groups) = (s.Permute(s.Durations), s.Permute(s.Won), s.Permute(s.Causes), s.Permute(s.Groups));
        var a = KaplanMeier.Fit(s.Durations, s.Won);
        var b = KaplanMeier.Fit(d, won);
        var sameKm = a.Rows.Count == b.Rows.Count
            && a.Rows.Zip(b.Rows, (x, y) => x.Time == y.Time && x.AtRisk == y.AtRisk && x.Events == y.Events && x.Censored == y.Censored
                && x.Survival == y.Survival && x.StandardError == y.StandardError && x.Lower == y.Lower && x.Upper == y.Upper).All(ok => ok)
            && a.Median.Time == b.Median.Time && a.Median.Lower == b.Median.Lower && a.Median.Upper == b.Median.Upper
            && a.RestrictedMean?.Value == b.RestrictedMean?.Value && a.RestrictedMean?.StandardError == b.RestrictedMean?.StandardError;
        var c1 = CumulativeIncidence.Fit(s.Durations, s.Causes, 2);
        var c2 = CumulativeIncidence.Fit(d, causes, 2);
        var sameCif = c1.Rows.Zip(c2.Rows, (x, y) => x.Time == y.Time && x.Incidence.SequenceEqual(y.Incidence) && x.Survival == y.Survival).All(ok => ok);
        var l1 = LogRankTest.Compute(s.Durations, s.Won, s.Groups);
        var l2 = LogRankTest.Compute(d, won, groups);
        return sameKm && sameCif && l1.ChiSquare == l2.ChiSquare && l1.PValue == l2.PValue && l1.DegreesOfFreedom == l2.DegreesOfFreedom;
    }

    [Property]
    public bool Log_rank_of_one_group_against_a_copy_of_itself_is_zero(SurvivalSample s)
    {
        // Two identical groups have O = E exactly, so the statistic is 0 (and p = 1) whenever it is defined.
        var d = s.Durations.Concat(s.Durations).ToArray();
        var won = s.Won.Concat(s.Won).ToArray();
        var groups = s.Durations.Select(_ => 0).Concat(s.Durations.Select(_ => 1)).ToArray();
        var test = LogRankTest.Compute(d, won, groups);
        return test.ChiSquare is null || (Math.Abs(test.ChiSquare.Value) < 1e-9 && Math.Abs(test.PValue!.Value - 1) < 1e-6);
    }
}
