using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.Sql;
using Npgsql;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// One PostgreSQL instance against a sharded one, on the same leads (loaded by benchmarks/pushdown-postgres.sh):
/// <c>pushdown-postgres REPS SINGLE COORDINATOR WORKER0|WORKER1</c> (Npgsql connection strings). Three forms answer the
/// same questions: the single instance's table <c>leads</c>; the coordinator's <c>leads</c>, hash-partitioned by lead id
/// into postgres_fdw foreign partitions on the two workers (partitionwise aggregation and asynchronous append on); and the
/// two workers asked directly in parallel, their partials merged in process (<see cref="FunnelPartition.Merge(IEnumerable{FunnelPartition})"/>).
/// Times (alternating, after a warm-up) the funnel counts by channel and the segments' counts and money by channel, checks
/// the three answers are the same JSON, and measures the bytes on the wire: TCP bytes sent by the server sockets of each
/// instance's port (the kernel's tcp_info <c>bytes_sent</c>, read with <c>ss -tin</c> before and after the first timed run), which
/// for the coordinator's query are the workers' replies to postgres_fdw (its connections stay open for the session) and
/// the coordinator's reply to this process.
/// </summary>
public static class PushDownPostgres
{
    private const string Mapping = """
        { "columns": { "lead_name": null, "tags": null, "last_activity_at": null, "currency": null } }
        """;

    public static void Run(string[] args)
    {
        var reps = int.Parse(args[1], CultureInfo.InvariantCulture);
        var single = Open(args[2]);
        var coordinator = Open(args[3]);
        var workerStrings = args[4].Split('|');
        var workers = workerStrings.Select(Open).ToArray();
        var ports = new Dictionary<string, int[]>
        {
            ["single"] = new[] { Port(args[2]) },
            ["coordinator"] = new[] { Port(args[3]) },
            ["workers"] = workerStrings.Select(Port).ToArray(),
        };
        Console.WriteLine($"# PostgreSQL push-down, one instance against two shards: {reps} timed repetitions, {Environment.ProcessorCount} cores, load average {ParquetChecks.LoadAverage()}");
        Execute(coordinator, "SET enable_partitionwise_aggregate = on");
        Execute(coordinator, "SET enable_async_append = on");
        var mapping = LeadColumnMapping.Parse(Mapping);
        SqlLeadSource Source(DbConnection c) => new(c, SqlDialect.PostgreSql, new SqlTableName("leads"), mapping) { CommandTimeoutSeconds = 0 };
        var singleSource = Source(single);
        var coordinatorSource = Source(coordinator);
        var workerSources = workers.Select(Source).ToArray();
        var asOf = SyntheticLeads.AsOf;
        var scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } };
        var counts = new FunnelOptions { Scope = scope, IncludeStepDurations = false };
        // Without maturity, as measured in benchmarks/README.md (the push-down then left it out).
        var segments = new EffectivenessOptions { Scope = scope, IncludeDurations = false, IncludeMaturity = false };

        FunnelPartition ShardedFunnel() => FunnelPartition.Merge(workerSources.AsParallel().AsOrdered().Select(s => s.AnalyzeFunnel(asOf, counts)).ToArray());
        EffectivenessPartition ShardedSegments() =>
            EffectivenessPartition.Merge(workerSources.AsParallel().AsOrdered().Select(s => s.AnalyzeEffectiveness(asOf, segments)).ToArray());
        var cases = new (string Query, string Form, Func<string> Run)[]
        {
            ("funnel counts by channel", "single", () => LeadAnalyticsJson.SerializeFunnelBreakdown(singleSource.AnalyzeFunnel(asOf, counts).ToBreakdown())),
            ("funnel counts by channel", "coordinator", () => LeadAnalyticsJson.SerializeFunnelBreakdown(coordinatorSource.AnalyzeFunnel(asOf, counts).ToBreakdown())),
            ("funnel counts by channel", "workers", () => LeadAnalyticsJson.SerializeFunnelBreakdown(ShardedFunnel().ToBreakdown())),
            ("segments by channel (counts, money)", "single", () => LeadAnalyticsJson.SerializeEffectiveness(singleSource.AnalyzeEffectiveness(asOf, segments).ToResult())),
            ("segments by channel (counts, money)", "coordinator", () => LeadAnalyticsJson.SerializeEffectiveness(coordinatorSource.AnalyzeEffectiveness(asOf, segments).ToResult())),
            ("segments by channel (counts, money)", "workers", () => LeadAnalyticsJson.SerializeEffectiveness(ShardedSegments().ToResult())),
        };

        // Warm-up (opens postgres_fdw's connections to the workers) and the answers compared; then the timed rounds, the bytes
        // counted around each case's first timed run. Each case's line is printed as soon as it is known.
        var answers = new Dictionary<string, string>();
        var bytes = new Dictionary<(string, string), (long Client, long Workers)>();
        var allWorkerPorts = ports["workers"];
        foreach (var (query, form, run) in cases)
        {
            var t = Stopwatch.StartNew();
            var json = run();
            Console.WriteLine($"warm-up: {query}, {form}: {t.Elapsed.TotalMilliseconds:N0} ms; load average {ParquetChecks.LoadAverage()}");
            if (answers.TryGetValue(query, out var first))
            {
                Console.WriteLine($"{query}: {form} {(first == json ? "equals" : "DIFFERS FROM")} single (JSON)");
                if (first != json)
                {
                    Environment.ExitCode = 1;
                }
            }
            else
            {
                answers[query] = json;
            }
        }

        var times = cases.ToDictionary(c => (c.Query, c.Form), _ => new List<double>());
        for (var r = 0; r < reps; r++)
        {
            foreach (var (query, form, run) in cases)
            {
                var clientBefore = r == 0 ? BytesSent(ports[form]) : 0;
                var workersBefore = r == 0 ? BytesSent(allWorkerPorts) : 0;
                var t = Stopwatch.StartNew();
                run();
                var ms = t.Elapsed.TotalMilliseconds;
                times[(query, form)].Add(ms);
                if (r == 0)
                {
                    bytes[(query, form)] = (BytesSent(ports[form]) - clientBefore, form == "coordinator" ? BytesSent(allWorkerPorts) - workersBefore : 0);
                }

                var (client, toCoordinator) = bytes[(query, form)];
                Console.WriteLine($"run {r + 1}: {query}, {form}: {ms:N0} ms; bytes sent to this process {client:N0}" +
                    $"{(form == "coordinator" ? $", by the workers to the coordinator {toCoordinator:N0}" : "")}; load average {ParquetChecks.LoadAverage()}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| query | form | median ms | fastest ms | bytes sent to this process | bytes sent by the workers to the coordinator |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (query, form, _) in cases)
        {
            var t = times[(query, form)];
            t.Sort();
            var (client, toCoordinator) = bytes[(query, form)];
            Console.WriteLine($"| {query} | {form} | {t[t.Count / 2]:N0} | {t[0]:N0} | {client:N0} | {(form == "coordinator" ? toCoordinator.ToString("N0", CultureInfo.InvariantCulture) : "")} |");
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end {ParquetChecks.LoadAverage()}; peak resident memory of this process {ParquetChecks.PeakResident()}");
        foreach (var c in workers.Append(coordinator).Append(single))
        {
            c.Dispose();
        }
    }

    private static NpgsqlConnection Open(string connectionString)
    {
        var c = new NpgsqlConnection(connectionString);
        c.Open();
        return c;
    }

    private static int Port(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Port;

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // The sum of tcp_info bytes_sent over the established TCP sockets whose local port is one of these (the servers' side of
    // every connection to them), as `ss -tin` reports it.
    private static long BytesSent(int[] ports)
    {
        long total = 0;
        foreach (var port in ports)
        {
            var info = new ProcessStartInfo("ss") { RedirectStandardOutput = true };
            foreach (var a in new[] { "-tinH", "state", "established", "sport", "=", ":" + port.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(a);
            }

            using var ss = Process.Start(info)!;
            var text = ss.StandardOutput.ReadToEnd();
            ss.WaitForExit();
            total += Regex.Matches(text, @"bytes_sent:(\d+)").Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        return total;
    }
}
