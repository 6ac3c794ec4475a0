using LeadAnalytics.CycleTime;

namespace LeadAnalytics.Tests.CycleTime;

/// <summary>Kaplan-Meier, quantiles, restricted means, log-rank and Aalen-Johansen against R's survival package
/// (TestData/CycleTime/make_golden.R), to 1e-9.</summary>
public class KaplanMeierGoldenTests
{
    public static IEnumerable<object[]> Sets => SurvivalGolden.Names;

    public static IEnumerable<object[]> SetsAndTransforms =>
        from n in SurvivalGolden.Names
        from t in new[] { SurvivalConfidenceTransform.Log, SurvivalConfidenceTransform.LogLog, SurvivalConfidenceTransform.Plain }
        select new object[] { n[0], t };

    private static string Key(SurvivalConfidenceTransform t) => t switch
    {
        SurvivalConfidenceTransform.Log => "km_log",
        SurvivalConfidenceTransform.LogLog => "km_loglog",
        _ => "km_plain",
    };

    private static KaplanMeierCurve Fit(string name, SurvivalConfidenceTransform transform, double? horizon = null)
    {
        var set = SurvivalGolden.Set(name);
        var events = set.Ints("status").Select(s => s == 1).ToArray();
        var options = new KaplanMeierOptions
        {
            ConfidenceTransform = transform,
            Probabilities = set.GetProperty(Key(transform)).Doubles("quantile_probs"),
            RestrictedMeanHorizon = horizon,
        };
        return KaplanMeier.Fit(set.Doubles("time"), events, options);
    }

    [Theory]
    [MemberData(nameof(SetsAndTransforms))]
    public void Curve_matches_survfit(string name, SurvivalConfidenceTransform transform)
    {
        var r = SurvivalGolden.Set(name).GetProperty(Key(transform));
        var fit = Fit(name, transform);
        var time = r.Doubles("time");
        Assert.Equal(time.Length, fit.Rows.Count);
        var (risk, events, censor) = (r.Ints("n_risk"), r.Ints("n_event"), r.Ints("n_censor"));
        var (surv, se, seLog, lower, upper) = (r.Doubles("surv"), r.NullableDoubles("std_err"), r.NullableDoubles("std_err_log"), r.NullableDoubles("lower"), r.NullableDoubles("upper"));
        for (var i = 0; i < time.Length; i++)
        {
            var row = fit.Rows[i];
            Assert.Equal(time[i], row.Time);
            Assert.Equal(risk[i], row.AtRisk);
            Assert.Equal(events[i], row.Events);
            Assert.Equal(censor[i], row.Censored);
            SurvivalGolden.Close(surv[i], row.Survival, $"{name} surv[{i}]");
            SurvivalGolden.Close(se[i], row.StandardError, $"{name} std.err[{i}]");
            SurvivalGolden.Close(seLog[i], row.StandardErrorOfLogSurvival, $"{name} fit$std.err[{i}]");
            SurvivalGolden.Close(lower[i], row.Lower, $"{name} {transform} lower[{i}]");
            SurvivalGolden.Close(upper[i], row.Upper, $"{name} {transform} upper[{i}]");
        }
    }

    [Theory]
    [MemberData(nameof(SetsAndTransforms))]
    public void Median_and_quantiles_match_print_and_quantile_survfit(string name, SurvivalConfidenceTransform transform)
    {
        var r = SurvivalGolden.Set(name).GetProperty(Key(transform));
        var fit = Fit(name, transform);
        var median = r.NullableDoubles("median");
        SurvivalGolden.Close(median[0], fit.Median.Time, $"{name} median");
        SurvivalGolden.Close(median[1], fit.Median.Lower, $"{name} median LCL");
        SurvivalGolden.Close(median[2], fit.Median.Upper, $"{name} median UCL");
        var (q, ql, qu) = (r.NullableDoubles("quantile"), r.NullableDoubles("quantile_lower"), r.NullableDoubles("quantile_upper"));
        for (var i = 0; i < q.Length; i++)
        {
            var p = fit.Quantiles[i].Probability;
            SurvivalGolden.Close(q[i], fit.Quantiles[i].Time, $"{name} quantile {p}");
            SurvivalGolden.Close(ql[i], fit.Quantiles[i].Lower, $"{name} quantile {p} lower");
            SurvivalGolden.Close(qu[i], fit.Quantiles[i].Upper, $"{name} quantile {p} upper");
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Restricted_mean_matches_print_rmean(string name)
    {
        var set = SurvivalGolden.Set(name);
        foreach (var h in set.GetProperty("rmean").EnumerateArray())
        {
            var horizon = h.GetProperty("horizon").GetDouble();
            var fit = Fit(name, SurvivalConfidenceTransform.Log, horizon);
            SurvivalGolden.Close(h.NullableDouble("rmean"), fit.RestrictedMean!.Value, $"{name} rmean({horizon})");
            SurvivalGolden.Close(h.NullableDouble("se"), fit.RestrictedMean.StandardError, $"{name} se(rmean({horizon}))");
            SurvivalGolden.Close(h.NullableDouble("se"), fit.RestrictedMeanUpTo(horizon)!.StandardError, $"{name} RestrictedMeanUpTo({horizon})");
        }

        var d = set.GetProperty("rmean_default");
        var byDefault = Fit(name, SurvivalConfidenceTransform.Log).RestrictedMean!;
        Assert.Equal(d.GetProperty("horizon").GetDouble(), byDefault.Horizon);
        SurvivalGolden.Close(d.NullableDouble("rmean"), byDefault.Value, $"{name} rmean common");
        SurvivalGolden.Close(d.NullableDouble("se"), byDefault.StandardError, $"{name} se(rmean) common");
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Log_rank_matches_survdiff(string name)
    {
        var set = SurvivalGolden.Set(name);
        var events = set.Ints("status").Select(s => s == 1).ToArray();
        foreach (var r in set.GetProperty("logrank").EnumerateArray())
        {
            var rho = r.GetProperty("rho").GetDouble();
            var test = LogRankTest.Compute(set.Doubles("time"), events, set.Ints("group"), rho);
            SurvivalGolden.Close(r.GetProperty("chisq").GetDouble(), test.ChiSquare, $"{name} chisq rho={rho}");
            Assert.Equal(r.GetProperty("df").GetInt32(), test.DegreesOfFreedom);
            SurvivalGolden.Close(r.GetProperty("p").GetDouble(), test.PValue, $"{name} p rho={rho}");
            var (n, obs, exp, v) = (r.Ints("n"), r.Doubles("obs"), r.Doubles("exp"), r.Doubles("var"));
            for (var g = 0; g < n.Length; g++)
            {
                Assert.Equal(n[g], test.Groups[g].Count);
                SurvivalGolden.Close(obs[g], test.Groups[g].Observed, $"{name} obs[{g}] rho={rho}");
                SurvivalGolden.Close(exp[g], test.Groups[g].Expected, $"{name} exp[{g}] rho={rho}");
                SurvivalGolden.Close(v[g], test.Groups[g].Variance, $"{name} var[{g}] rho={rho}");
            }
        }
    }

    [Theory]
    [InlineData("aml")]
    [InlineData("leads")]
    [InlineData("midpoint")]
    [InlineData("near_ties")]
    [InlineData("random")]
    public void Aalen_Johansen_matches_multi_state_survfit(string name)
    {
        var set = SurvivalGolden.Set(name);
        if (!set.TryGetProperty("aj", out var r))
        {
            return; // aml has one cause only
        }

        var cif = CumulativeIncidence.Fit(set.Doubles("time"), set.Ints("cause"), 2);
        var time = r.Doubles("time");
        var pstate = r.GetProperty("pstate").EnumerateArray().Select(row => row.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        var (risk, won, lost, censor) = (r.Ints("n_risk"), r.Ints("n_event_won"), r.Ints("n_event_lost"), r.Ints("n_censor"));
        Assert.Equal(time.Length, cif.Rows.Count);
        for (var i = 0; i < time.Length; i++)
        {
            var row = cif.Rows[i];
            Assert.Equal(time[i], row.Time);
            Assert.Equal(risk[i], row.AtRisk);
            Assert.Equal(won[i], row.Events[0]);
            Assert.Equal(lost[i], row.Events[1]);
            Assert.Equal(censor[i], row.Censored);
            SurvivalGolden.Close(pstate[i][0], row.Survival, $"{name} pstate[{i},(s0)]");
            SurvivalGolden.Close(pstate[i][1], row.Incidence[0], $"{name} pstate[{i},won]");
            SurvivalGolden.Close(pstate[i][2], row.Incidence[1], $"{name} pstate[{i},lost]");
        }
    }

    [Theory]
    [MemberData(nameof(SetsAndTransforms))]
    public void Aalen_Johansen_standard_errors_and_limits_match_survfit(string name, SurvivalConfidenceTransform transform)
    {
        var set = SurvivalGolden.Set(name);
        if (!set.TryGetProperty("aj", out var r))
        {
            return; // sets without a second cause
        }

        var cif = CumulativeIncidence.Fit(set.Doubles("time"), set.Ints("cause"), 2, new CumulativeIncidenceOptions { ConfidenceTransform = transform });
        var suffix = Key(transform).Substring(3);
        double?[][] Matrix(string p) => r.GetProperty(p).EnumerateArray()
            .Select(row => row.EnumerateArray().Select(x => x.ValueKind == System.Text.Json.JsonValueKind.Null ? (double?)null : x.GetDouble()).ToArray()).ToArray();
        var (se, lower, upper) = (Matrix("std_err"), Matrix("lower_" + suffix), Matrix("upper_" + suffix));
        for (var i = 0; i < cif.Rows.Count; i++)
        {
            var row = cif.Rows[i];
            SurvivalGolden.Close(se[i][0], row.SurvivalStandardError, $"{name} std.err[{i},(s0)]");
            SurvivalGolden.Close(lower[i][0], row.SurvivalLower, $"{name} {transform} lower[{i},(s0)]");
            SurvivalGolden.Close(upper[i][0], row.SurvivalUpper, $"{name} {transform} upper[{i},(s0)]");
            for (var k = 0; k < 2; k++)
            {
                SurvivalGolden.Close(se[i][k + 1], row.IncidenceStandardError[k], $"{name} std.err[{i},{k + 1}]");
                SurvivalGolden.Close(lower[i][k + 1], row.IncidenceLower[k], $"{name} {transform} lower[{i},{k + 1}]");
                SurvivalGolden.Close(upper[i][k + 1], row.IncidenceUpper[k], $"{name} {transform} upper[{i},{k + 1}]");
            }
        }
    }
}
