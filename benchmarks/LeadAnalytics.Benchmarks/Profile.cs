using System.Diagnostics;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>Quick wall-clock timings outside BenchmarkDotNet, for profiling sessions: <c>-- profile csv 1000000</c>.</summary>
public static class Profile
{
    private static void Measure(string name, Func<long> body)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        var n = body();
        var wall = sw.Elapsed.TotalMilliseconds;
        var mb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6;
        Console.WriteLine($"{name}: {wall:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, {mb:F1} MB allocated on this thread ({n})");
    }

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
            case "sort":
                // The duration sort behind the engines' medians: Array.Sort against RadixSort on the same values (days to win
                // in seconds over a year, as the synthetic leads have them), alternated, three times each.
                var random = new Random(42);
                var source = new long[count];
                for (var i = 0; i < count; i++)
                {
                    source[i] = random.NextInt64(0, 40L * 86400) + (random.Next(4) == 0 ? random.NextInt64(0, 300L * 86400) : 0);
                }

                for (var rep = 0; rep < 3; rep++)
                {
                    var a = (long[])source.Clone();
                    var sw1 = Stopwatch.StartNew();
                    Array.Sort(a);
                    var arrayMs = sw1.Elapsed.TotalMilliseconds;
                    var b = (long[])source.Clone();
                    var sw2 = Stopwatch.StartNew();
                    RadixSort.Sort(b, 0, b.Length);
                    var radixMs = sw2.Elapsed.TotalMilliseconds;
                    Console.WriteLine($"sort {count:N0} durations: Array.Sort {arrayMs:F1} ms, RadixSort {radixMs:F1} ms, same: {a.AsSpan().SequenceEqual(b)}");
                }

                break;
            case "csvtable":
                var file = SyntheticCsv.Ensure(dir, count);
                foreach (var pipelined in args.Length > 4 ? new[] { args[4] == "pipelined" } : new[] { false, true, false, true })
                {
                    var options = new CsvReadOptions { CheckDuplicateIds = args.Length > 3 && args[3] == "dup" };
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    var general = args.Length > 5 && args[5] == "general";
                    LeadTableImportResult result;
                    if (general)
                    {
                        var parser = new LeadRowParser();
                        result = LeadTableImport.Run(CsvOpen.Path(file, options, parser), parser, null, pipelined);
                    }
                    else
                    {
                        // What LeadCsv.ReadTable does: the UTF-8 fast path when the file allows it.
                        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
                        result = LeadTableImport.Run(stream, options, Path.GetFileName(file), null, pipelined);
                    }

                    var ms = sw.Elapsed.TotalMilliseconds;
                    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    Console.WriteLine($"ReadTable{(general ? " (general reader)" : string.Empty)} pipelined={pipelined}: {ms:F0} ms wall, {cpuMs:F0} ms CPU, {result.RowsAccepted / ms * 1000:F0} rows/s; {result.Table.Count} rows, {result.Issues.Count} issues, {result.Table.EstimatedBytes / (double)result.Table.Count:F1} B/lead");
                }

                break;
            case "parts":
                var csvPath = SyntheticCsv.Ensure(dir, count);
                for (var rep = 0; rep < 2; rep++)
                {
                    Measure("StreamReader only", () =>
                    {
                        using var r = new StreamReader(csvPath);
                        var buf = new char[65536];
                        long n = 0;
                        int k;
                        while ((k = r.Read(buf, 0, buf.Length)) > 0)
                        {
                            n += k;
                        }

                        return n;
                    });
                    Measure("Sylvan tokenize + GetFieldSpan", () =>
                    {
                        using var r = Sylvan.Data.Csv.CsvDataReader.Create(new StreamReader(csvPath), new Sylvan.Data.Csv.CsvDataReaderOptions { BufferSize = 65536 });
                        long n = 0;
                        while (r.Read())
                        {
                            for (var i = 0; i < r.RowFieldCount; i++)
                            {
                                n += r.GetFieldSpan(i).Length;
                            }
                        }

                        return n;
                    });
                    Measure("batches (no parse)", () =>
                    {
                        var parser = new LeadRowParser();
                        using var reader = CsvOpen.Path(csvPath, null, parser);
                        long n = 0;
                        reader.ReadBatches(b => n += b.Count, false);
                        return n;
                    });
                    Measure("batches with dates parsed (stage 1 of ReadTable)", () =>
                    {
                        var parser = new LeadRowParser();
                        using var reader = CsvOpen.Path(csvPath, null, parser);
                        long n = 0;
                        reader.ReadBatches(b => n += b.Count, false, b => parser.Prepare(b, reader.Context.Options));
                        return n;
                    });
                }

                break;
            case "parse":
                {
                    // Stage 2 alone: batches read once and kept, then parsed into fresh builders.
                    var csvFile = SyntheticCsv.Ensure(dir, count);
                    var parser = new LeadRowParser();
                    var batches = new List<RowBatch>();
                    var reader = CsvOpen.Path(csvFile, new CsvReadOptions { CheckDuplicateIds = false }, parser);
                    reader.ReadBatches(b =>
                    {
                        batches.Add(b.Copy());
                    }, false, b => parser.Prepare(b, reader.Context.Options));
                    Console.WriteLine($"{batches.Count} batch(es)");
                    reader.Dispose();
                    for (var rep = 0; rep < 5; rep++)
                    {
                        Measure("parse into table", () =>
                        {
                            var builder = new LeadTableBuilder();
                            var issues = new List<LeadAnalytics.Quality.DataQualityIssue>();
                            foreach (var b in batches)
                            {
                                for (var r = 0; r < b.Count; r++)
                                {
                                    reader.Context.Line = b.Lines[r];
                                    parser.ParseInto(new CsvCells(b, r), reader.Context, issues, builder);
                                }
                            }

                            return builder.ToTable().Count;
                        });
                    }

                    break;
                }

            case "engines":
                {
                    var t = SyntheticLeads.Table(count);
                    var costs = SyntheticLeads.Costs(count);
                    var what2 = args.Length > 3 ? args[3] : "all";

                    // `-- profile engines 1000000 all 1,2` times each engine with MaxDegreeOfParallelism 1, then 2.
                    var threadCounts = args.Length > 4 ? Array.ConvertAll(args[4].Split(','), a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)) : new[] { 1 };
                    for (var rep = 0; rep < 5; rep++)
                    {
                        foreach (var threads in threadCounts)
                        {
                            var at = $" [{threads} thread(s)]";
                            if (what2 is "all" or "eff")
                            {
                                var eff = new LeadAnalytics.Effectiveness.EffectivenessOptions { Scope = new LeadAnalytics.Data.AnalysisScope { Breakdown = new[] { Dimension.Channel }, MaxDegreeOfParallelism = threads } };
                                Measure("effectiveness with cost table" + at, () => LeadAnalytics.Effectiveness.EffectivenessAnalyzer.Analyze(t, SyntheticLeads.AsOf, new LeadAnalytics.Effectiveness.EffectivenessOptions { Scope = eff.Scope, Costs = costs }).Segments.Count);
                                Measure("effectiveness with per-lead costs" + at, () => LeadAnalytics.Effectiveness.EffectivenessAnalyzer.Analyze(t, SyntheticLeads.AsOf, eff).Segments.Count);
                            }

                            if (what2 is "all" or "funnel")
                            {
                                var funnel = new LeadAnalytics.Funnel.FunnelOptions { Scope = new LeadAnalytics.Data.AnalysisScope { MaxDegreeOfParallelism = threads } };
                                Measure("funnel by channel (defaults)" + at, () => LeadAnalytics.Funnel.FunnelAnalyzer.AnalyzeBy(t, SyntheticLeads.AsOf, Dimension.Channel, funnel).Segments.Count);
                            }

                            if (what2 is "all" or "cycle")
                            {
                                var cycle = new LeadAnalytics.CycleTime.CycleTimeOptions { Scope = new LeadAnalytics.Data.AnalysisScope { Breakdown = new[] { Dimension.Channel }, MaxDegreeOfParallelism = threads } };
                                Measure("cycle time by channel" + at, () => LeadAnalytics.CycleTime.CycleTimeAnalyzer.Analyze(t, SyntheticLeads.AsOf, cycle).Segments.Count);
                            }

                            if (what2 is "all" or "loss")
                            {
                                var loss = new LeadAnalytics.LossReasons.LossReasonOptions { Scope = new LeadAnalytics.Data.AnalysisScope { MaxDegreeOfParallelism = threads } };
                                Measure("loss reasons" + at, () => LeadAnalytics.LossReasons.LossReasonAnalyzer.Analyze(t, SyntheticLeads.AsOf, loss).LostLeads);
                            }
                        }
                    }

                    break;
                }

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
