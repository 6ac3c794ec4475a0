using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// End to end against DuckDB, each side a separate process reading the same tracking-table CSV (<see cref="SyntheticCsv"/>):
/// DuckDB's <c>read_csv</c> with one query computing per channel the leads, won, revenue, spend, the funnel's reach per stage
/// and the median days to win (<c>quantile_cont</c>, R7 like the tool's default); then the tool's <c>segments</c>,
/// <c>funnel</c> and <c>cycle-time --by channel --format json</c>. Each run's wall time, CPU time and peak resident memory
/// (from <c>/usr/bin/time</c>) are printed, and every answer the tool shares with the SQL is checked equal.
/// Run: <c>dotnet run -c Release --project benchmarks/LeadAnalytics.Benchmarks -- compare-csv 1000000 [repetitions] [tool.dll]</c>
/// (the tool defaults to this repository's Release build of src/LeadAnalytics.Cli).
/// </summary>
public static class CompareCsv
{
    private static readonly string[] StageColumns = { "contacted_at", "needs_confirmed_at", "proposal_at", "negotiation_at", "won_at" };

    /// <summary>The SQL: everything it answers comes from the CSV in the one statement.</summary>
    public static string Sql(string path)
    {
        var types = "{'lead_id': 'VARCHAR', 'channel': 'VARCHAR', 'acquired_at': 'TIMESTAMP', 'contacted_at': 'TIMESTAMP', " +
            "'needs_confirmed_at': 'TIMESTAMP', 'proposal_at': 'TIMESTAMP', 'negotiation_at': 'TIMESTAMP', 'won_at': 'TIMESTAMP', " +
            "'lost_at': 'TIMESTAMP', 'deal_amount': 'DECIMAL(18,2)', 'acquisition_cost': 'DECIMAL(18,2)'}";
        var reach = string.Join(", ", StageColumns.Select(c => $"count({c})"));
        return $"""
            SELECT channel, count(*), count(won_at), coalesce(sum(deal_amount), 0), coalesce(sum(acquisition_cost), 0), {reach},
                   quantile_cont(epoch(won_at - acquired_at) / 86400.0, 0.5)
            FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', header = true, delim = ',', quote = '"',
                          timestampformat = '%Y-%m-%d %H:%M', types = {types})
            GROUP BY channel ORDER BY channel
            """;
    }

    /// <summary>The child process: runs the SQL and prints one line per channel.</summary>
    public static void DuckDbChild(string[] args)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql(args[1]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var cells = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!);
            }

            Console.WriteLine(string.Join("\t", cells));
        }
    }

    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var tool = args.Length > 3 ? args[3] : DefaultTool();
        var dir = Path.Combine(Path.GetTempPath(), "leadanalytics-bench");
        var sw = Stopwatch.StartNew();
        var csv = SyntheticCsv.Ensure(dir, count);
        Console.WriteLine($"# compare-csv: {count:N0} rows, {new FileInfo(csv).Length / 1e6:F1} MB ({csv}, ready in {sw.ElapsedMilliseconds} ms), " +
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine($"# tool: {tool}");
        if (!File.Exists(tool))
        {
            Console.WriteLine("The tool is not built: dotnet build src/LeadAnalytics.Cli -c Release (or pass its .dll as the third argument).");
            return;
        }

        var self = SelfCommand();
        var runs = new List<(string Name, string File, string Args, Func<string, string?> Check)>();
        Dictionary<string, Expected>? expected = null;
        runs.Add(("DuckDB read_csv + query", self.File, self.Prefix + "duckdb-csv " + Quote(csv), output =>
        {
            var got = ParseDuckDb(output);
            expected ??= got;
            return SameKeys(got, expected) ?? Diff(got, expected, e => (e.Leads, e.Won, e.Revenue, e.Spend, string.Join(",", e.Reach)), "counts")
                ?? Diff(got, expected, e => Round(e.MedianDaysToWin), "median days to win");
        }));
        foreach (var command in new[] { "segments", "funnel", "cycle-time" })
        {
            runs.Add(($"leadanalytics {command} --by channel", "dotnet", $"{Quote(tool)} {command} --leads {Quote(csv)} --by channel --format json",
                output => CheckTool(command, output, expected!)));
        }

        Console.WriteLine();
        Console.WriteLine("| run | wall s | CPU s (user + system) | max RSS MB | same answer |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (name, file, arguments, check) in runs)
        {
            for (var rep = 0; rep < reps; rep++)
            {
                var (seconds, cpu, maxRssKb, output, error) = Time(file, arguments);
                var verdict = error ?? check(output) ?? "yes";
                Console.WriteLine($"| {name} | {seconds:F2} | {(cpu is { } c ? c.ToString("F2", CultureInfo.InvariantCulture) : "n/a")} | {(maxRssKb is { } kb ? (kb / 1024.0).ToString("F0", CultureInfo.InvariantCulture) : "n/a")} | {verdict} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"# load average after: {LoadAverage()}");
    }

    private sealed record Expected(long Leads, long Won, decimal Revenue, decimal Spend, long[] Reach, double? MedianDaysToWin);

    private static Dictionary<string, Expected> ParseDuckDb(string output)
    {
        var result = new Dictionary<string, Expected>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var c = line.TrimEnd('\r').Split('\t');
            var reach = new long[StageColumns.Length + 1];
            reach[0] = long.Parse(c[1], CultureInfo.InvariantCulture);
            for (var s = 0; s < StageColumns.Length; s++)
            {
                reach[s + 1] = long.Parse(c[5 + s], CultureInfo.InvariantCulture);
            }

            result[c[0]] = new Expected(long.Parse(c[1], CultureInfo.InvariantCulture), long.Parse(c[2], CultureInfo.InvariantCulture),
                decimal.Parse(c[3], CultureInfo.InvariantCulture), decimal.Parse(c[4], CultureInfo.InvariantCulture), reach,
                c[10].Length == 0 ? null : double.Parse(c[10], CultureInfo.InvariantCulture));
        }

        return result;
    }

    private static string? CheckTool(string command, string output, Dictionary<string, Expected> expected)
    {
        if (expected is null)
        {
            return "no DuckDB answer to compare with";
        }

        using var json = JsonDocument.Parse(output);
        var segments = json.RootElement.GetProperty("segments");
        var got = new Dictionary<string, Expected>(StringComparer.Ordinal);
        foreach (var s in segments.EnumerateArray())
        {
            var key = s.GetProperty("key").GetString()!;
            var e = expected.TryGetValue(key, out var x) ? x : null;
            switch (command)
            {
                case "segments":
                    got[key] = new Expected(s.GetProperty("leads").GetInt64(), s.GetProperty("won").GetInt64(), s.GetProperty("revenue").GetDecimal(),
                        s.GetProperty("spend").GetDecimal(), e?.Reach ?? Array.Empty<long>(),
                        s.GetProperty("medianDaysToWin").ValueKind == JsonValueKind.Null ? null : s.GetProperty("medianDaysToWin").GetDouble());
                    break;
                case "funnel":
                    var f = s.GetProperty("funnel");
                    var reach = f.GetProperty("stages").EnumerateArray().Select(st => st.GetProperty("reached").GetInt64()).ToArray();
                    got[key] = new Expected(f.GetProperty("leads").GetInt64(), f.GetProperty("won").GetInt64(), e?.Revenue ?? 0, e?.Spend ?? 0, reach,
                        e?.MedianDaysToWin);
                    break;
                default:
                    got[key] = new Expected(s.GetProperty("leads").GetInt64(), s.GetProperty("won").GetInt64(), e?.Revenue ?? 0, e?.Spend ?? 0,
                        e?.Reach ?? Array.Empty<long>(), e?.MedianDaysToWin);
                    break;
            }
        }

        return SameKeys(got, expected) ?? Diff(got, expected, e => (e.Leads, e.Won, e.Revenue, e.Spend, string.Join(",", e.Reach)), "counts")
            ?? Diff(got, expected, e => Round(e.MedianDaysToWin), "median days to win");
    }

    // Durations in days from whole minutes: equal to 9 significant digits whatever the summation order.
    private static string Round(double? value) => value is { } v ? v.ToString("G9", CultureInfo.InvariantCulture) : "null";

    private static string? SameKeys(Dictionary<string, Expected> got, Dictionary<string, Expected> expected) =>
        got.Keys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(expected.Keys.OrderBy(k => k, StringComparer.Ordinal))
            ? null
            : $"NO: channels {string.Join(",", got.Keys)} vs {string.Join(",", expected.Keys)}";

    private static string? Diff<T>(Dictionary<string, Expected> got, Dictionary<string, Expected> expected, Func<Expected, T> select, string what)
    {
        foreach (var (key, e) in expected)
        {
            if (!EqualityComparer<T>.Default.Equals(select(got[key]), select(e)))
            {
                return $"NO: {key} {what} {select(got[key])} vs {select(e)}";
            }
        }

        return null;
    }

    private static (double Seconds, double? CpuSeconds, long? MaxRssKb, string Output, string? Error) Time(string file, string arguments)
    {
        var timeFile = Path.GetTempFileName();
        var useTime = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(useTime ? "/usr/bin/time" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useTime)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("%M %U %S");
            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(timeFile);
            start.ArgumentList.Add(file);
        }

        foreach (var a in SplitArguments(arguments))
        {
            start.ArgumentList.Add(a);
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var seconds = sw.Elapsed.TotalSeconds;
        long? rss = null;
        double? cpu = null;
        if (useTime && File.ReadAllLines(timeFile).LastOrDefault()?.Split(' ') is [var m, var u, var k]
            && long.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
        {
            rss = kb;
            cpu = double.Parse(u, CultureInfo.InvariantCulture) + double.Parse(k, CultureInfo.InvariantCulture);
        }

        File.Delete(timeFile);
        var error = process.ExitCode == 0 ? null : $"NO: exit {process.ExitCode}: {stderr.Result.Split('\n').FirstOrDefault()}";
        return (seconds, cpu, rss, output, error);
    }

    private static IEnumerable<string> SplitArguments(string arguments)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in arguments)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Quote(string path) => "\"" + path + "\"";

    // This program again (the apphost, or dotnet with this assembly), for the DuckDB child process.
    private static (string File, string Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, Quote(typeof(CompareCsv).Assembly.Location) + " ")
            : (process, string.Empty);
    }

    private static string DefaultTool()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadAnalytics.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "src", "LeadAnalytics.Cli", "bin", "Release", "net10.0", "LeadAnalytics.Cli.dll");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
