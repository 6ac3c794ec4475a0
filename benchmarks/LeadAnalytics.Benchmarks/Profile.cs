using System.Diagnostics;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>Quick wall-clock timings outside BenchmarkDotNet, for profiling sessions: <c>-- profile csv 1000000</c>.</summary>
public static class Profile
{
    public static void Run(string[] args)
    {
        var what = args.Length > 1 ? args[1] : "csv";
        var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var dir = Path.Combine(Path.GetTempPath(), "leadanalytics-bench");
        switch (what)
        {
            case "csv":
                var path = SyntheticCsv.Ensure(dir, count);
                Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F1} MB");
                for (var rep = 0; rep < 3; rep++)
                {
                    var sw = Stopwatch.StartNew();
                    var result = LeadCsv.Read(path, new CsvReadOptions { CheckDuplicateIds = false });
                    var read = sw.Elapsed.TotalMilliseconds;
                    var table = LeadTable.Build(result.Records);
                    var total = sw.Elapsed.TotalMilliseconds;
                    Console.WriteLine($"read {read:F0} ms ({result.RowsAccepted / read * 1000:F0} rows/s), +build {total - read:F0} ms; {table.Count} rows, {result.Issues.Count} issues");
                }

                break;
            case "table":
                var before = GC.GetTotalMemory(true);
                var built = SyntheticLeads.Table(count);
                var after = GC.GetTotalMemory(true);
                Console.WriteLine($"{built.Count} rows: EstimatedBytes {built.EstimatedBytes / (double)built.Count:F1} B/lead, GC heap delta {(after - before) / (double)built.Count:F1} B/lead");
                GC.KeepAlive(built);
                break;
        }
    }
}
