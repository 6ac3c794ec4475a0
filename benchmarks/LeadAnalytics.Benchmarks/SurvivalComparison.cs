using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeadAnalytics.CycleTime;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// The survival goal of issue 22: Kaplan-Meier, Aalen-Johansen and the log-rank test by channel on N leads, against R's
/// survival package on the same durations in the same run. Writes the durations of <see cref="SyntheticLeads"/> (time from
/// acquisition to won, to lost, or to the as-of instant when open, in days; status 0 open, 1 won, 2 lost), runs
/// <c>benchmarks/survival/survival_anchor.R</c> with Rscript (its own timing, reading excluded), times the library's public
/// estimators on the same values (the median of the repetitions after one warm-up), and checks the answers equal: the median
/// time to won of each channel, the cumulative incidence of won at the last time of each channel, the log-rank chi-square.
/// Run: <c>dotnet run -c Release --project benchmarks/LeadAnalytics.Benchmarks -- survival 1000000 5 [km,aj,lr]</c> (R's
/// Aalen-Johansen takes minutes from a few hundred thousand leads: leave <c>aj</c> out there).
/// </summary>
public static class SurvivalComparison
{
    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var which = args.Length > 3 ? args[3] : "km,aj,lr";
        var script = FindScript();
        Console.WriteLine($"# survival: {count:N0} leads, {reps} repetitions, {Environment.ProcessorCount} cores, load average {Comparison.LoadAverage()}");

        var channels = SyntheticLeads.Channels.Length;
        var times = Enumerable.Range(0, channels).Select(_ => new List<double>()).ToArray();
        var causes = Enumerable.Range(0, channels).Select(_ => new List<int>()).ToArray();
        var all = new List<double>(count);
        var allWon = new List<bool>(count);
        var allGroups = new List<int>(count);
        var file = Path.Combine(Path.GetTempPath(), "leadanalytics-bench", $"survival-{count}-v2.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.WriteLine("channel,time,status");
            var index = 0;
            foreach (var row in SyntheticLeads.Rows(count))
            {
                var end = row.Outcome switch
                {
                    1 => SyntheticLeads.StageAt(row, index, 5),
                    2 => SyntheticLeads.LostAt(row, index),
                    _ => SyntheticLeads.AsOf,
                };
                var days = (end - row.Acquired).TotalSeconds / 86_400.0;
                times[row.Channel].Add(days);
                causes[row.Channel].Add(row.Outcome);
                all.Add(days);
                allWon.Add(row.Outcome == 1);
                allGroups.Add(row.Channel);
                writer.Write(row.Channel.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(days.ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(row.Outcome.ToString(CultureInfo.InvariantCulture));
                index++;
            }
        }

        var durations = times.Select(t => t.ToArray()).ToArray();
        var won = causes.Select(c => c.Select(x => x == 1).ToArray()).ToArray();
        var cause = causes.Select(c => c.ToArray()).ToArray();
        var r = RunR(script, file, reps, which);

        Console.WriteLine();
        Console.WriteLine("| estimator, by channel | R survival ms | LeadAnalytics ms | ratio | same answer |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        double rTotal = 0, ours = 0;
        var allSame = true;
        if (r.TryGetValue("kaplan-meier", out var rKm))
        {
            var km = Time(reps, () => durations.Select((d, c) => KaplanMeier.Fit(d, won[c])).ToArray());
            var same = km.Value.Select((fit, c) => Same(fit.Median.Time, rKm.Values[c])).All(x => x);
            Row("Kaplan-Meier (`KaplanMeier.Fit`; R `survfit(Surv(time, won) ~ channel)`)", rKm.Ms, km.Ms, same);
            (rTotal, ours, allSame) = (rTotal + rKm.Ms, ours + km.Ms, allSame && same);
        }

        if (r.TryGetValue("aalen-johansen", out var rAj))
        {
            var aj = Time(reps, () => durations.Select((d, c) => CumulativeIncidence.Fit(d, cause[c], 2)).ToArray());
            var same = aj.Value.Select((fit, c) => Same(fit.IncidenceAt(1, durations[c].Max()), rAj.Values[c])).All(x => x);
            Row("Aalen-Johansen (`CumulativeIncidence.Fit`; R `survfit(Surv(time, state) ~ channel)`)", rAj.Ms, aj.Ms, same);
            (rTotal, ours, allSame) = (rTotal + rAj.Ms, ours + aj.Ms, allSame && same);
        }

        if (r.TryGetValue("log-rank", out var rLr))
        {
            var lr = Time(reps, () => LogRankTest.Compute(all, allWon, allGroups));
            var same = Same(lr.Value.ChiSquare, rLr.Values[0]);
            Row("log-rank (`LogRankTest.Compute`; R `survdiff`)", rLr.Ms, lr.Ms, same);
            (rTotal, ours, allSame) = (rTotal + rLr.Ms, ours + lr.Ms, allSame && same);
        }

        Row("together", rTotal, ours, allSame);
        Console.WriteLine();
        Console.WriteLine($"load average after: {Comparison.LoadAverage()}");
    }

    private static void Row(string name, double rMs, double ms, bool same) =>
        Console.WriteLine($"| {name} | {rMs:F1} | {ms:F1} | {ms / rMs:F3}x | {(same ? "yes" : "NO")} |");

    // Equal to 1e-9 relative (R prints 17 significant digits), or both undefined.
    private static bool Same(double? ours, double theirs) =>
        ours is { } x ? Math.Abs(x - theirs) <= 1e-9 * Math.Max(1, Math.Abs(theirs)) : double.IsNaN(theirs);

    private static (double Ms, T Value) Time<T>(int reps, Func<T> f)
    {
        var value = f();
        var ms = new double[reps];
        for (var i = 0; i < reps; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            value = f();
            ms[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(ms);
        return (ms[reps / 2], value);
    }

    private static Dictionary<string, (double Ms, double[] Values)> RunR(string script, string file, int reps, string which)
    {
        var start = new ProcessStartInfo("Rscript", new[] { script, file, reps.ToString(CultureInfo.InvariantCulture), which })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Rscript did not start (apt-get install r-base-core r-cran-survival).");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Rscript failed ({process.ExitCode}): {error}");
        }

        var result = new Dictionary<string, (double, double[])>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = parts.Skip(2).Select(p => p == "NA" ? double.NaN : double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            result[parts[0]] = (double.Parse(parts[1], CultureInfo.InvariantCulture), values);
        }

        return result;
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", "survival", "survival_anchor.R");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("benchmarks/survival/survival_anchor.R not found above the benchmark's folder; pass its path.");
    }
}
