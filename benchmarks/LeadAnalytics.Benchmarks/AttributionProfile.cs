using System.Diagnostics;
using System.Globalization;
using LeadAnalytics.Attribution;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// <c>-- profile attribution [leads]</c>: times the attribution goals of issue 10 outside BenchmarkDotNet (wall and CPU time,
/// the minimum and median of 5 runs after a warm-up, with the load average): Markov (exact) on 10,000 distinct paths over 12
/// channels at orders 1 to 3, Shapley on journeys of 1 to 6 touches over 20 channels, and both models on lead journeys.
/// </summary>
public static class AttributionProfile
{
    private const int Repetitions = 5;

    public static void Run(string[] args)
    {
        var leads = args.Length > 2 ? BenchmarkSizes.Parse(args[2]) : 1_000_000;
        Console.WriteLine($"load average {LoadAverage()}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");

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
        Console.WriteLine($"load average {LoadAverage()}");
    }

    private static void Time(string name, Func<AttributionResult> body, int repetitions = Repetitions)
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
