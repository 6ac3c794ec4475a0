using System.Diagnostics;
using System.Globalization;
using LeadAnalytics.Attribution;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// <c>-- profile attribution [leads] [all|goals|leads]</c>: times the attribution goals of issue 10 outside BenchmarkDotNet (wall and CPU time,
/// the minimum and median of 5 runs after a warm-up, with the load average): Markov (exact) on 10,000 distinct paths over 12
/// channels at orders 1 to 3, Shapley on journeys of 1 to 6 touches over 20 channels, and both models on lead journeys.
/// </summary>
public static class AttributionProfile
{
    private const int Repetitions = 5;

    public static void Run(string[] args)
    {
        var leads = args.Length > 2 ? BenchmarkSizes.Parse(args[2]) : 1_000_000;
        var parts = args.Length > 3 ? args[3] : "all";
        Console.WriteLine($"load average {LoadAverage()}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        if (parts is "all" or "goals")
        {
            Goals(leads);
        }

        if (parts is "all" or "leads")
        {
            LeadJourneys(leads);
        }

        if (parts is "all" or "intervals" or "shapley")
        {
            Intervals(leads, markov: parts != "shapley");
        }

        if (parts == "dump")
        {
            Dump(leads);
            return;
        }

        Console.WriteLine($"load average {LoadAverage()}");
    }

    private static void Goals(int leads)
    {

        var markovPaths = SyntheticJourneys.Paths(channels: 12, maxTouches: 8, journeys: int.MaxValue, distinctPaths: 10_000);
        var markovJourneys = AttributionJourneys.FromPaths(markovPaths, Currency.CNY);
        Console.WriteLine($"Markov input: {markovPaths.Length} distinct paths, 12 channels, 1 to 8 steps, {markovPaths.Sum(p => p.Conversions + p.Nulls):F0} journeys");
        for (var order = 1; order <= 3; order++)
        {
            var options = new AttributionOptions { Model = AttributionModel.Markov, MarkovOrder = order };
            var result = AttributionAnalyzer.Analyze(markovJourneys, options);
            var states = result.Markov!.Transitions.Select(t => t.From).Distinct(StringComparer.Ordinal).Count();
            Time($"Markov exact, order {order} ({states} nodes with outgoing transitions)", () => AttributionAnalyzer.Analyze(markovJourneys, options));
        }

        var shapleyPaths = SyntheticJourneys.Paths(channels: 20, maxTouches: 6, journeys: leads, distinctPaths: int.MaxValue);
        var shapleyJourneys = AttributionJourneys.FromPaths(shapleyPaths, Currency.CNY);
        var sets = shapleyPaths.Where(p => p.Conversions > 0).Select(p => string.Join('>', p.Steps.Distinct().OrderBy(s => s, StringComparer.Ordinal))).Distinct().Count();
        Console.WriteLine($"Shapley input: {leads} journeys of 1 to 6 touches over 20 channels: {shapleyPaths.Length} distinct paths, {sets} distinct converting channel sets");
        var shapley = new AttributionOptions { Model = AttributionModel.Shapley };
        Time("Shapley, 20 channels, from the distinct paths", () => AttributionAnalyzer.Analyze(shapleyJourneys, shapley));
        Time("Markov order 1, 20 channels, from the same paths", () => AttributionAnalyzer.Analyze(shapleyJourneys));
    }

    /// <summary>Issue 21's goals: Markov with 200 bootstrap replicates on 1M journeys over 20 channels (one thread and all
    /// cores: the same bits), exact Shapley at 20 and 25 channels.</summary>
    private static void Intervals(int leads, bool markov)
    {
        var paths = SyntheticJourneys.Paths(channels: 20, maxTouches: 6, journeys: leads, distinctPaths: int.MaxValue);
        var journeys = AttributionJourneys.FromPaths(paths, Currency.CNY);
        Console.WriteLine($"Interval input: {leads} journeys of 1 to 6 touches over 20 channels: {paths.Length} distinct paths");
        foreach (var threads in markov ? new[] { 1, -1 } : Array.Empty<int>())
        {
            var options = new AttributionOptions
            {
                Model = AttributionModel.Markov,
                Intervals = new AttributionIntervalOptions { Replicates = 200 },
                Scope = new AnalysisScope { MaxDegreeOfParallelism = threads },
            };
            Time($"Markov order 1 with 200 replicates, {(threads == 1 ? "1 thread" : "all cores")}", () => AttributionAnalyzer.Analyze(journeys, options), 3);
        }

        if (markov)
        {
            Time("Markov order 1, no intervals (the estimate alone)", () => AttributionAnalyzer.Analyze(journeys), 3);
        }

        var shapley = new AttributionOptions { Model = AttributionModel.Shapley };
        // The journeys' preparation (keys coded, identical paths merged, rows in canonical order) is shared by every model of
        // a Compare; timed alone (no model), it is what "Shapley from path counts" does not include.
        Time("journeys prepared alone (no model), 20 channels", () => AttributionAnalyzer.Compare(journeys, Array.Empty<AttributionModel>()), 3);
        Time("Shapley exact, 20 channels", () => AttributionAnalyzer.Analyze(journeys, shapley), 3);
        // The Shapley step alone, from the prepared path counts: a Compare listing Shapley 11 times costs the preparation
        // once and the step 11 times; (that - preparation) / 11 is one step.
        var elevenShapley = Enumerable.Repeat(AttributionModel.Shapley, 11).ToArray();
        Time("Shapley x 11 on one preparation, 20 channels (step = (this - preparation) / 11)", () => AttributionAnalyzer.Compare(journeys, elevenShapley), 3);
        var wide = SyntheticJourneys.Paths(channels: 25, maxTouches: 6, journeys: leads, distinctPaths: int.MaxValue);
        var wideJourneys = AttributionJourneys.FromPaths(wide, Currency.CNY);
        Console.WriteLine($"25 channels: {wide.Length} distinct paths");
        Time("journeys prepared alone (no model), 25 channels", () => AttributionAnalyzer.Compare(wideJourneys, Array.Empty<AttributionModel>()), 3);
        Time("Shapley exact, 25 channels", () => AttributionAnalyzer.Analyze(wideJourneys, shapley), 3);
        Time("Shapley x 11 on one preparation, 25 channels (step = (this - preparation) / 11)", () => AttributionAnalyzer.Compare(wideJourneys, elevenShapley), 3);
    }

    private static void LeadJourneys(int leads)
    {
        var shapley = new AttributionOptions { Model = AttributionModel.Shapley };

        var sw = Stopwatch.StartNew();
        var (leadArray, touchpoints, leadPaths) = SyntheticJourneys.Leads(leads);
        var journeys = AttributionJourneys.FromLeads(leadArray, touchpoints, Currency.CNY);
        var fromPaths = AttributionJourneys.FromPaths(leadPaths, Currency.CNY);
        Console.WriteLine($"Lead journeys: {leadArray.Length} leads, {touchpoints.Length} touchpoints, {leadPaths.Length} distinct paths (generated in {sw.Elapsed.TotalSeconds:F1} s)");
        Time("Markov order 1, lead journeys", () => AttributionAnalyzer.Analyze(journeys), 3);
        Time("Shapley, lead journeys", () => AttributionAnalyzer.Analyze(journeys, shapley), 3);
        Time("Markov + Shapley (Compare), lead journeys", () => AttributionAnalyzer.Compare(journeys, new[] { AttributionModel.Markov, AttributionModel.Shapley }).Results[0], 3);
        Time("Markov order 1, the same journeys as distinct paths", () => AttributionAnalyzer.Analyze(fromPaths));
        Time("Shapley, the same journeys as distinct paths", () => AttributionAnalyzer.Analyze(fromPaths, shapley));
    }

    /// <summary>Every model's every number, round-trip formatted, under a few option sets: diff two builds' outputs to show that
    /// an optimisation changed no digit.</summary>
    private static void Dump(int leads)
    {
        var (leadArray, touchpoints, _) = SyntheticJourneys.Leads(leads);
        var some = touchpoints.Where((t, i) => i % 11 != 0 && !t.JourneyId.EndsWith('7'))
            .Select((t, i) => new Touchpoint(t.JourneyId, i % 13 == 0 ? SyntheticLeads.Start : t.OccurredAt, t.Channel, i % 5 == 0 ? null : t.Channel + (i % 3), null, t.Milestones))
            .ToList();
        some.Add(new Touchpoint("nobody", SyntheticLeads.Start, "SEO"));
        var journeys = AttributionJourneys.FromLeads(leadArray.Reverse(), some, Currency.CNY);
        var models = Enum.GetValues<AttributionModel>();
        var optionSets = new[]
        {
            new AttributionOptions(),
            new AttributionOptions { AsOf = SyntheticLeads.Start.AddDays(200), LookbackWindow = TimeSpan.FromDays(3), MarkovOrder = 2 },
            new AttributionOptions { By = Dimension.Strategy, UseLeadSourceWhenNoTouchpoints = false, DirectChannels = new[] { "SEO" } },
            new AttributionOptions { KeySelector = t => t.Channel + "/" + t.Milestones, MarkovCollapseRepeats = false, MarkovValueRule = MarkovValueRule.LastStateMeanValue },
        };
        var markovPaths = AttributionJourneys.FromPaths(SyntheticJourneys.Paths(channels: 12, maxTouches: 8, journeys: int.MaxValue, distinctPaths: 10_000), Currency.CNY);
        var runs = optionSets.Select(o => (journeys, models, o))
            .Concat(Enumerable.Range(1, 3).Select(order => (markovPaths, new[] { AttributionModel.Markov }, new AttributionOptions { MarkovOrder = order })));
        foreach (var (input, modelList, options) in runs)
        {
            var comparison = AttributionAnalyzer.Compare(input, modelList, options);
            foreach (var r in comparison.Results)
            {
                Console.WriteLine(FormattableString.Invariant($"{r.Model} {r.TotalConversions:R} {r.TotalValue} {r.JourneyCount} {r.UnattributedConversions:R} {r.UnattributedValue} {r.DroppedTouchpoints} {r.UnmatchedTouchpoints} {r.Markov?.ConversionProbability:R} {r.Markov?.Transitions.Count}"));
                foreach (var c in r.Credits)
                {
                    Console.WriteLine(FormattableString.Invariant($"  {c.Key} {c.Conversions:R} {c.Value} {c.RemovalEffect:R} {c.ValueRemovalEffect:R}"));
                }

                foreach (var t in r.Markov?.Transitions ?? Array.Empty<MarkovTransition>())
                {
                    Console.WriteLine(FormattableString.Invariant($"  {t.From} -> {t.To} {t.Count:R} {t.Probability:R}"));
                }
            }
        }
    }

    private static void Time(string name, Func<object> body, int repetitions = Repetitions)
    {
        GC.KeepAlive(body()); // warm-up
        var wall = new double[repetitions];
        var cpu = new double[repetitions];
        for (var r = 0; r < repetitions; r++)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            GC.KeepAlive(body());
            wall[r] = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0}: wall min {1:F1} ms, median {2:F1} ms; CPU median {3:F0} ms; load {4}",
            name,
            wall[0],
            wall[repetitions / 2],
            cpu[repetitions / 2],
            LoadAverage()));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
