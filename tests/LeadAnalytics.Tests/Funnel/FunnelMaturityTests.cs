using System.Globalization;
using LeadAnalytics.Csv;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Forecast;
using LeadAnalytics.Funnel;
using LeadAnalytics.Tests.Actions;
using LeadAnalytics.Tests.CycleTime;
using LeadAnalytics.Tests.Forecast;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace LeadAnalytics.Tests.Funnel;

/// <summary>Maturity and projected conversion at the window W (docs/funnel.md): against R's survival on the sample data
/// (TestData/Funnel/make_maturity_golden.R) and on simulated cohorts with known hazards.</summary>
public class FunnelMaturityTests
{
    private static readonly DateTimeOffset SampleAsOf = new(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly ITestOutputHelper _output;

    public FunnelMaturityTests(ITestOutputHelper output) => _output = output;

    private static double? Parse(string s) => s == "NA" ? null : double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Projected_conversion_matches_R_survival_on_the_sample_data_to_1e_9()
    {
        var table = LeadTable.Build(LeadCsv.Read(SampleDataFiles.PathOf("leads.csv")).Records);
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Funnel", "maturity_golden.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(14, rows.Count);
        var z = Normal.InvCDF(0, 1, 0.975);
        var borrowed = 0;
        foreach (var window in new[] { 30, 90 })
        {
            var cohorts = FunnelAnalyzer.AnalyzeCohorts(table, SampleAsOf, CohortPeriod.Month, new FunnelOptions
            {
                Scope = new AnalysisScope { CohortUtcOffset = TimeSpan.FromHours(8) },
                MaturityWindow = TimeSpan.FromDays(window),
            });
            var cells = new[] { ("(all)", cohorts.Total) }.Concat(cohorts.Cohorts.Select(c => (c.Label, c.Funnel))).ToDictionary(c => c.Item1, c => c.Item2.Maturity!);
            foreach (var r in rows.Where(r => r[0] == window.ToString(CultureInfo.InvariantCulture)))
            {
                var m = cells[r[1]];
                var what = $"W={window} {r[1]}";
                Assert.Equal(long.Parse(r[2], CultureInfo.InvariantCulture), m.Leads);
                Assert.Equal(long.Parse(r[3], CultureInfo.InvariantCulture), m.MatureLeads);
                Assert.Equal(TimeSpan.FromDays(window), m.Window);
                borrowed += AssertMatchesR(m, r.Skip(4).Select(Parse).ToArray(), z, what) ? 1 : 0;
            }
        }

        Assert.Equal(2, borrowed);
    }

    /// <summary>One cell against R's pieces t, f, s, se_f, se_lost, se_s, q, se_q (the goldens' columns; s null when the
    /// cell's own curve reaches W): F(W) = F(t) + S(t)·q; Var = (1-q)²V_won + q²V_lost - 2q(1-q)Cov(won, lost) + S²·Var q,
    /// with Cov = (V_open - V_won - V_lost) / 2, every piece from R; log-transformed limits, as survfit's.</summary>
    /// <returns>Whether the cell is borrowed.</returns>
    internal static bool AssertMatchesR(FunnelMaturity m, double?[] r, double z, string what)
    {
        var (f, s, seF, seLost, seS, q, seQ) = (r[1]!.Value, r[2], r[3]!.Value, r[4], r[5], r[6], r[7]);
        if (s is null)
        {
            Assert.False(m.IsBorrowed, what);
            SurvivalGolden.Close(f, m.ProjectedConversion, what);
            SurvivalGolden.Close(seF, m.ProjectedStandardError, what + " se");
            SurvivalGolden.Close(0.0, m.BorrowedShare, what + " borrowed");
            return false;
        }

        Assert.True(m.IsBorrowed, what);
        SurvivalGolden.Close(r[0], m.FollowUp.TotalDays, what + " follow-up");
        var projected = f + (s.Value * q!.Value);
        var (v1, v2, v0) = (seF * seF, seLost!.Value * seLost.Value, seS!.Value * seS.Value);
        var variance = ((1 - q.Value) * (1 - q.Value) * v1) + (q.Value * q.Value * v2) - (q.Value * (1 - q.Value) * (v0 - v1 - v2))
            + (s.Value * s.Value * seQ!.Value * seQ.Value);
        SurvivalGolden.Close(projected, m.ProjectedConversion, what);
        SurvivalGolden.Close(s.Value * q.Value, m.BorrowedShare, what + " borrowed");
        SurvivalGolden.Close(Math.Sqrt(variance), m.ProjectedStandardError, what + " se");
        SurvivalGolden.Close(projected * Math.Exp(-z * Math.Sqrt(variance) / projected), m.ProjectedLower, what + " lower");
        SurvivalGolden.Close(Math.Min(1, projected * Math.Exp(z * Math.Sqrt(variance) / projected)), m.ProjectedUpper, what + " upper");
        return true;
    }

    [Fact]
    public void The_borrowed_factor_is_the_conditional_incidence_of_the_pooled_fit()
    {
        // Two cohorts: October (followed long) and December (followed 20 days at as-of).
        var asOf = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var leads = new List<Lead>();
        for (var i = 0; i < 20; i++)
        {
            var old = new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i);
            leads.Add(new LeadBuilder { Id = $"o{i}", AcquiredAt = old, WonAt = i % 4 == 0 ? old.AddDays(5 + (3 * i)) : null, LostAt = i % 4 == 1 ? old.AddDays(2 * i) : null }.Build());
            var young = new DateTimeOffset(2023, 12, 12, 0, 0, 0, TimeSpan.Zero).AddHours(i);
            leads.Add(new LeadBuilder { Id = $"y{i}", AcquiredAt = young, WonAt = i % 5 == 0 ? young.AddDays(3) : null }.Build());
        }

        var table = LeadTable.Build(leads);
        var cohorts = FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Month, new FunnelOptions { MaturityWindow = TimeSpan.FromDays(60) });
        var december = cohorts.Cohorts.Single(c => c.Label == "2023-12").Funnel.Maturity!;
        Assert.Equal(0, december.MatureLeads);
        Assert.True(december.IsBorrowed);
        Assert.Equal(0.0, december.Maturity);

        // The pooled fit by hand from the same outcome times, and ConditionalIncidence's ratio from it.
        var times = new List<double>();
        var causes = new List<int>();
        foreach (var l in leads)
        {
            var end = l.WonAt ?? l.LostAt ?? asOf;
            times.Add((end - l.AcquiredAt).TotalDays);
            causes.Add(l.WonAt is not null ? 1 : l.LostAt is not null ? 2 : 0);
        }

        var pooled = CumulativeIncidence.Fit(times, causes, 2);
        var t = december.FollowUp.TotalDays;
        // The longest time in December: y1, acquired at 01:00 and still open (y0 was won on day 3).
        Assert.Equal((asOf - new DateTimeOffset(2023, 12, 12, 1, 0, 0, TimeSpan.Zero)).TotalDays, t, 9);
        var youngOnly = CumulativeIncidence.Fit(times.Where((_, i) => i % 2 == 1).ToList(), causes.Where((_, i) => i % 2 == 1).ToList(), 2);
        var q = ConditionalIncidence.Within(pooled, 1, t, 60 - t)!.Value;
        Assert.Equal(youngOnly.IncidenceAt(1, t) + (youngOnly.SurvivalAt(t) * q), december.ProjectedConversion!.Value, 12);
        Assert.Equal(0.2, youngOnly.IncidenceAt(1, t), 12);
        Assert.Equal(4, december.WonWithinWindow);
    }

    [Fact]
    public void Maturity_is_the_same_for_every_partitioning_and_thread_count()
    {
        var table = ForecastCalibrationTests.Simulate(7, 900);
        var asOf = new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero);
        var one = FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Month);
        var options = new FunnelOptions { Scope = new AnalysisScope { Cohort = CohortPeriod.Month, MaxDegreeOfParallelism = 2, MinRowsPerChunk = 1 } };
        var parts = FunnelPartition.Merge(new[]
        {
            FunnelAnalyzer.AnalyzePartition(table, asOf, 500, 400, options), FunnelAnalyzer.AnalyzePartition(table, asOf, 0, 500, options),
        }).ToCohorts();
        Assert.Equal(one.Cohorts.Count, parts.Cohorts.Count);
        for (var c = 0; c < one.Cohorts.Count; c++)
        {
            var (a, b) = (one.Cohorts[c].Funnel.Maturity!, parts.Cohorts[c].Funnel.Maturity!);
            Assert.Equal(a.ProjectedConversion, b.ProjectedConversion);
            Assert.Equal(a.ProjectedStandardError, b.ProjectedStandardError);
            Assert.Equal(a.MatureLeads, b.MatureLeads);
        }

        Assert.Equal(TimeSpan.FromDays(90), one.Total.Maturity!.Window);
        Assert.Null(FunnelAnalyzer.Analyze(table, asOf).Maturity);
        Assert.NotNull(FunnelAnalyzer.Analyze(table, asOf, new FunnelOptions { MaturityWindow = TimeSpan.FromDays(30) }).Maturity);
    }

    [Fact]
    public void Projected_conversion_of_immature_cohorts_has_bias_under_one_percentage_point_in_200_simulations()
    {
        // ForecastCalibrationTests' pipelines: won (Weibull shape 0.8, scale 150 d) and lost (shape 1.2, scale 60 d) compete
        // from acquisition; 1200 leads acquired uniformly over the year before as-of. The true conversion at W = 90 days is
        // ∫ S_lost dF_won over [0, W], by Simpson's rule in v = F_won(t). The last three monthly cohorts are immature (the
        // youngest has followed its leads at most a month); each one's projection is averaged over 200 replications.
        var asOf = new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero);
        const double w = 90;
        var truth = TrueConversion(w);
        const int replications = 200;
        var labels = new[] { "2024-04", "2024-05", "2024-06" };
        var sums = new double[labels.Length];
        var observed = new double[labels.Length];
        var covered = new int[labels.Length];
        var matureBias = 0.0;
        for (var r = 0; r < replications; r++)
        {
            var table = ForecastCalibrationTests.Simulate(5000 + r, 1200);
            var cohorts = FunnelAnalyzer.AnalyzeCohorts(table, asOf, CohortPeriod.Month, new FunnelOptions { MaturityWindow = TimeSpan.FromDays(w) });
            for (var k = 0; k < labels.Length; k++)
            {
                var cohort = cohorts.Cohorts.Single(c => c.Label == labels[k]).Funnel;
                var m = cohort.Maturity!;
                Assert.True(m.Maturity < 1);
                sums[k] += m.ProjectedConversion!.Value - truth;
                observed[k] += cohort.OverallConversion.Value!.Value - truth;
                covered[k] += m.ProjectedLower <= truth && truth <= m.ProjectedUpper ? 1 : 0;
            }

            matureBias += cohorts.Cohorts.Single(c => c.Label == "2023-08").Funnel.Maturity!.ProjectedConversion!.Value - truth;
        }

        _output.WriteLine($"true conversion at {w} d: {truth:F4}; mature cohort 2023-08 bias {matureBias / replications:+0.0000;-0.0000}");
        for (var k = 0; k < labels.Length; k++)
        {
            _output.WriteLine($"{labels[k]}: projected bias {sums[k] / replications:+0.0000;-0.0000}, observed-conversion bias {observed[k] / replications:+0.0000;-0.0000}, " +
                $"95% CI coverage {covered[k] / (double)replications:P1}");
            Assert.InRange(sums[k] / replications, -0.01, 0.01);
        }

        // What the projection corrects: the youngest cohort's conversion by as-of reads far below the truth.
        Assert.True(observed[2] / replications < -0.05);
        Assert.InRange(matureBias / replications, -0.01, 0.01);
    }

    private static double TrueConversion(double w)
    {
        // t(v) = 150·(−ln(1 − v))^(1/0.8); P(won by W before lost) = ∫_0^{F_won(W)} exp(−(t(v)/60)^1.2) dv.
        var upper = 1 - Math.Exp(-Math.Pow(w / 150, 0.8));
        const int n = 20_000;
        var h = upper / n;
        double Integrand(double v) => Math.Exp(-Math.Pow(150 * Math.Pow(-Math.Log(1 - v), 1 / 0.8) / 60, 1.2));
        var sum = Integrand(0) + Integrand(upper);
        for (var i = 1; i < n; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * Integrand(i * h);
        }

        return sum * h / 3;
    }
}
