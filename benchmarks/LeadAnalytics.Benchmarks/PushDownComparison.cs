using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Sql;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// Push-down against in memory, in one process on one data set: the synthetic leads as a DuckDB table in the tracking table's
/// shape (English column names, local timestamps, DECIMAL amounts), and the same leads as a LeadTable. Times (median of the
/// repetitions after one untimed warm-up) the funnel by channel through <see cref="SqlLeadSource"/> against
/// <see cref="FunnelAnalyzer"/> on the LeadTable (with and without building the table from the rows), and the effectiveness
/// cycle-time and loss-reason queries, and a hand-written DuckDB query for the funnel's counts over the same table (the
/// yardstick of issue 19: the push-down within 1.5x of it), and checks that the pushed-down funnel is the in-memory one.
/// Run: <c>dotnet run -c Release --project benchmarks/LeadAnalytics.Benchmarks -- pushdown 1000000 5</c>.
/// </summary>
public static class PushDownComparison
{
    private const string Mapping = """
        { "columns": { "lead_name": null, "strategy": null, "content": null, "owner": null, "customer_type": null, "industry": null,
          "loss_reason": null, "tags": null, "last_activity_at": null, "currency": null } }
        """;

    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"# push-down vs in memory: {count:N0} leads, {reps} timed repetitions, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        var rows = SyntheticLeads.Rows(count).ToArray();
        var sw = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Load(connection, rows);
        Console.WriteLine($"DuckDB table loaded in {sw.ElapsedMilliseconds} ms");
        var source = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads"), LeadColumnMapping.Parse(Mapping));
        var asOf = SyntheticLeads.AsOf;
        var options = new FunnelOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } };
        var counts = new FunnelOptions { Scope = options.Scope, IncludeStepDurations = false };
        // Without maturity, as measured in benchmarks/README.md (the push-down then left it out).
        var effectiveness = new Effectiveness.EffectivenessOptions { Scope = options.Scope, IncludeMaturity = false };
        var cycle = new CycleTime.CycleTimeOptions { Scope = options.Scope };
        var losses = new LossReasons.LossReasonOptions { Scope = options.Scope };
        var handLeads = HandWrittenCounts(connection, asOf, counts.Scope.StaleAfter);
        Console.WriteLine($"hand-written DuckDB query counts {handLeads:N0} leads (the push-down: {source.AnalyzeFunnel(asOf, counts).ToResult().Leads:N0})");

        var pushed = source.AnalyzeFunnel(asOf, options).ToBreakdown();
        var table = SyntheticLeads.Table(rows);
        var memory = FunnelAnalyzer.AnalyzeBy(table, asOf, options);
        var same = Json.LeadAnalyticsJson.SerializeFunnelBreakdown(pushed) == Json.LeadAnalyticsJson.SerializeFunnelBreakdown(memory);
        Console.WriteLine($"pushed-down funnel by channel equals the in-memory one (JSON): {same}");

        var cases = new List<(string Name, Action Query)>
        {
            ("push-down: SqlLeadSource.AnalyzeFunnel by channel, step durations (DuckDB query + merge + result)", () => source.AnalyzeFunnel(asOf, options).ToBreakdown()),
            ("in memory: FunnelAnalyzer.AnalyzeBy(Channel), step durations, 1 thread (LeadTable already built)", () => FunnelAnalyzer.AnalyzeBy(table, asOf, options)),
            ("in memory: LeadTable built from the rows + FunnelAnalyzer.AnalyzeBy", () => FunnelAnalyzer.AnalyzeBy(SyntheticLeads.Table(rows), asOf, options)),
            ("push-down: funnel by channel, counts only", () => source.AnalyzeFunnel(asOf, counts).ToBreakdown()),
            ("hand-written DuckDB query: the same counts (channel x furthest stage x class, faults, recorded stages)", () => HandWrittenCounts(connection, asOf, counts.Scope.StaleAfter)),
            ("in memory: funnel by channel, counts only, 1 thread", () => FunnelAnalyzer.AnalyzeBy(table, asOf, counts)),
            ("push-down: SqlLeadSource.AnalyzeEffectiveness by channel (counts, money, durations) + result",
                () => source.AnalyzeEffectiveness(asOf, effectiveness).ToResult()),
            ("in memory: EffectivenessAnalyzer.Analyze by channel, per-lead costs, 1 thread", () => Effectiveness.EffectivenessAnalyzer.Analyze(table, asOf, effectiveness)),
            ("push-down: SqlLeadSource.AnalyzeCycleTime by channel + result (Kaplan-Meier, competing risks, log-rank)",
                () => source.AnalyzeCycleTime(asOf, cycle).ToResult()),
            ("in memory: CycleTimeAnalyzer.Analyze by channel, 1 thread", () => CycleTime.CycleTimeAnalyzer.Analyze(table, asOf, cycle)),
            ("push-down: SqlLeadSource.AnalyzeLossReasons by channel + result", () => source.AnalyzeLossReasons(asOf, losses).ToResult()),
            ("in memory: LossReasonAnalyzer.Analyze by channel, 1 thread", () => LossReasons.LossReasonAnalyzer.Analyze(table, asOf, losses)),
        };

        var medians = new List<(string, double)>();
        Console.WriteLine();
        Console.WriteLine("| query | median ms |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, query) in cases)
        {
            query();
            var times = new double[reps];
            for (var r = 0; r < reps; r++)
            {
                var t = Stopwatch.StartNew();
                query();
                times[r] = t.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            var median = times[reps / 2];
            medians.Add((name, median));
            Console.WriteLine($"| {name} | {median.ToString("N1", CultureInfo.InvariantCulture)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"ratio push-down / in memory (table built), funnel with durations: {(medians[0].Item2 / medians[1].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / in memory including the table build: {(medians[0].Item2 / medians[2].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / hand-written DuckDB query, counts only: {(medians[3].Item2 / medians[4].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / in memory, counts only: {(medians[3].Item2 / medians[5].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / in memory, effectiveness: {(medians[6].Item2 / medians[7].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / in memory, cycle time: {(medians[8].Item2 / medians[9].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / in memory, loss reasons: {(medians[10].Item2 / medians[11].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
    }

    /// <summary>
    /// The larger-than-memory case: <c>pushdown-parquet N REPS PATH [keep]</c> writes N synthetic leads in the tracking table's
    /// shape to a Parquet file with DuckDB unless the file exists (<see cref="SyntheticParquet"/>: set-based in SQL, the
    /// distributions of <see cref="SyntheticLeads"/>; write it first with <c>parquet-write</c> so that the peak memory below is
    /// the measurement's, not the writer's), then times, on a view over the file, the
    /// pushed-down funnel counts by channel against the hand-written DuckDB query for the same counts (median of REPS after a
    /// warm-up, alternating), with "segments" also the pushed-down segments' counts and money against a hand-written query,
    /// and prints the process's peak resident memory (VmHWM). The file is deleted unless "keep".
    /// </summary>
    public static void RunParquet(string[] args)
    {
        var count = long.Parse(args[1], CultureInfo.InvariantCulture);
        var reps = int.Parse(args[2], CultureInfo.InvariantCulture);
        var path = Path.GetFullPath(args[3]);
        var keep = args.Skip(4).Contains("keep");
        var segments = args.Skip(4).Contains("segments");
        Console.WriteLine($"# push-down over Parquet: {count:N0} leads, {reps} timed repetitions, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        if (!File.Exists(path))
        {
            var seconds = SyntheticParquet.Write(connection, count, path);
            Console.WriteLine($"Parquet file written in {seconds:F1} s: {new FileInfo(path).Length / 1e9:F2} GB");
        }

        try
        {
            using (var view = connection.CreateCommand())
            {
                view.CommandText = $"CREATE TEMP VIEW leads AS SELECT * FROM read_parquet({SyntheticParquet.Literal(path)})";
                view.ExecuteNonQuery();
            }

            var source = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads"), LeadColumnMapping.Parse(ParquetChecks.Mapping)) { CommandTimeoutSeconds = 0 };
            var asOf = SyntheticLeads.AsOf;
            var counts = new FunnelOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } }, IncludeStepDurations = false };
            Alternate("funnel counts by channel", reps, () => source.AnalyzeFunnel(asOf, counts).ToResult().Leads, () => HandWrittenCounts(connection, asOf, counts.Scope.StaleAfter));
            if (segments)
            {
                var options = new Effectiveness.EffectivenessOptions { Scope = counts.Scope, IncludeDurations = false, IncludeMaturity = false };
                Alternate("segments by channel (counts, money, speed to lead)", reps, () => source.AnalyzeEffectiveness(asOf, options).ToResult().Total.Leads,
                    () => HandWrittenSegments(connection, asOf, counts.Scope.StaleAfter));
            }

            var peak = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) ?? "VmHWM: unknown";
            Console.WriteLine($"peak resident memory of the process: {peak.Substring(6).Trim()}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            if (!keep)
            {
                File.Delete(path);
            }
        }
    }

    // Runs the push-down and the hand-written query alternately (one warm-up round, then reps rounds), prints every round,
    // the median and fastest of each and their ratios, and the leads each counted.
    private static void Alternate(string name, int reps, Func<long> push, Func<long> hand)
    {
        var pushTimes = new List<double>();
        var handTimes = new List<double>();
        long pushed = 0;
        long written = 0;
        for (var r = 0; r <= reps; r++)
        {
            var t = Stopwatch.StartNew();
            pushed = push();
            var a = t.Elapsed.TotalMilliseconds;
            t.Restart();
            written = hand();
            var b = t.Elapsed.TotalMilliseconds;
            if (r > 0)
            {
                pushTimes.Add(a);
                handTimes.Add(b);
            }

            Console.WriteLine($"{name}, run {r}{(r == 0 ? " (warm-up)" : "")}: push-down {a:N0} ms, hand-written {b:N0} ms; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        }

        pushTimes.Sort();
        handTimes.Sort();
        var inv = CultureInfo.InvariantCulture;
        double pm = pushTimes[pushTimes.Count / 2], hm = handTimes[handTimes.Count / 2], pf = pushTimes[0], hf = handTimes[0];
        Console.WriteLine($"{name}: leads counted: push-down {pushed:N0}, hand-written {written:N0}");
        Console.WriteLine($"{name}: median push-down {pm:N0} ms, hand-written {hm:N0} ms, ratio {(pm / hm).ToString("F2", inv)}x; fastest {pf:N0} ms, {hf:N0} ms, ratio {(pf / hf).ToString("F2", inv)}x");
    }

    // The segments' counts and money by hand: per channel and class (as in HandWrittenCounts) the leads, the won leads with a
    // deal and their revenue, the leads with a cost and their spend; and the speed-to-lead seconds per channel (what the
    // push-down's segments query computes with durations off). Returns the number of leads counted.
    private static long HandWrittenSegments(DuckDBConnection connection, DateTimeOffset asOf, TimeSpan staleAfter)
    {
        const string Figures = """
            SELECT channel, cls, COUNT(*) AS n, COUNT(deal_amount) FILTER (WHERE cls = 0) AS with_amount, SUM(deal_amount) FILTER (WHERE cls = 0) AS revenue,
              COUNT(acquisition_cost) AS with_cost, SUM(acquisition_cost) AS spend
            FROM (SELECT channel, deal_amount, acquisition_cost,
                CASE WHEN won_at < $1 THEN 0 WHEN lost_at < $1 THEN 1
                     WHEN GREATEST(acquired_at, CASE WHEN contacted_at < $1 THEN contacted_at END, CASE WHEN needs_confirmed_at < $1 THEN needs_confirmed_at END,
                       CASE WHEN proposal_at < $1 THEN proposal_at END, CASE WHEN negotiation_at < $1 THEN negotiation_at END, CASE WHEN lost_at < $1 THEN lost_at END) < $2 THEN 2
                     ELSE 3 END AS cls
              FROM leads WHERE acquired_at < $1)
            GROUP BY ALL
            """;
        const string Speed = """
            SELECT channel, epoch(date_trunc('second', contacted_at)) - epoch(date_trunc('second', acquired_at)) AS seconds, COUNT(*)
            FROM leads WHERE acquired_at < $1 AND contacted_at < $1 GROUP BY ALL
            """;
        long leads = 0;
        foreach (var sql in new[] { Figures, Speed })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new DuckDBParameter(Bound(asOf)));
            if (sql == Figures)
            {
                command.Parameters.Add(new DuckDBParameter(Bound(asOf - staleAfter)));
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                leads += sql == Figures ? reader.GetInt64(2) : 0;
            }
        }

        return leads;
    }

    // Local times at +08:00, floored to the second, plus one second: "reached by as-of" is "before this".
    private static DateTime Bound(DateTimeOffset t)
    {
        var local = t.ToOffset(TimeSpan.FromHours(8)).DateTime;
        return new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified).AddSeconds(1);
    }

    // What a DuckDB user would write by hand for the funnel's counts over this table: per channel, the furthest stage reached by
    // as-of and the class (won, lost, stale, open), the leads, the chronology faults and the recorded stages, comparing the
    // local TIMESTAMP columns with the as-of bound directly (no conversion). Returns the number of leads counted.
    private static long HandWrittenCounts(DuckDBConnection connection, DateTimeOffset asOf, TimeSpan staleAfter)
    {
        const string Sql = """
            SELECT channel,
              CASE WHEN won_at < $1 THEN 5 WHEN negotiation_at < $1 THEN 4 WHEN proposal_at < $1 THEN 3 WHEN needs_confirmed_at < $1 THEN 2
                   WHEN contacted_at < $1 THEN 1 ELSE 0 END AS stage,
              CASE WHEN won_at < $1 THEN 0 WHEN lost_at < $1 THEN 1
                   WHEN GREATEST(acquired_at, CASE WHEN contacted_at < $1 THEN contacted_at END, CASE WHEN needs_confirmed_at < $1 THEN needs_confirmed_at END,
                     CASE WHEN proposal_at < $1 THEN proposal_at END, CASE WHEN negotiation_at < $1 THEN negotiation_at END, CASE WHEN lost_at < $1 THEN lost_at END) < $2 THEN 2
                   ELSE 3 END AS cls,
              COUNT(*) AS n,
              COUNT(*) FILTER (WHERE contacted_at < acquired_at OR needs_confirmed_at < GREATEST(acquired_at, contacted_at)
                OR proposal_at < GREATEST(acquired_at, contacted_at, needs_confirmed_at) OR negotiation_at < GREATEST(acquired_at, contacted_at, needs_confirmed_at, proposal_at)
                OR won_at < GREATEST(acquired_at, contacted_at, needs_confirmed_at, proposal_at, negotiation_at)
                OR lost_at < GREATEST(acquired_at, contacted_at, needs_confirmed_at, proposal_at, negotiation_at, won_at)) AS faults,
              COUNT(contacted_at), COUNT(needs_confirmed_at), COUNT(proposal_at), COUNT(negotiation_at), COUNT(won_at)
            FROM leads WHERE acquired_at < $1 GROUP BY ALL
            """;

        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.Add(new DuckDBParameter(Bound(asOf)));
        command.Parameters.Add(new DuckDBParameter(Bound(asOf - staleAfter)));
        using var reader = command.ExecuteReader();
        long leads = 0;
        while (reader.Read())
        {
            leads += reader.GetInt64(3);
        }

        return leads;
    }

    // The tracking table's columns the funnel reads, local times at +08:00 (the default mapping), amounts as DECIMAL(18,2).
    private static void Load(DuckDBConnection connection, SyntheticLeads.Row[] rows)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE leads (lead_id VARCHAR, channel VARCHAR, acquired_at TIMESTAMP, contacted_at TIMESTAMP, needs_confirmed_at TIMESTAMP, " +
                "proposal_at TIMESTAMP, negotiation_at TIMESTAMP, won_at TIMESTAMP, lost_at TIMESTAMP, deal_amount DECIMAL(18,2), acquisition_cost DECIMAL(18,2))";
            create.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender("leads");
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var local = row.Acquired.ToOffset(TimeSpan.FromHours(8)).DateTime;
            var r = appender.CreateRow().AppendValue("L" + i.ToString(CultureInfo.InvariantCulture)).AppendValue(SyntheticLeads.Channels[row.Channel]).AppendValue(local);
            for (var s = 1; s <= 5; s++)
            {
                if (s <= row.FurthestStage)
                {
                    r = r.AppendValue(local + (SyntheticLeads.StageAt(row, i, s) - row.Acquired));
                }
                else
                {
                    r = r.AppendNullValue();
                }
            }

            r = row.Outcome == 2 ? r.AppendValue(local + (SyntheticLeads.LostAt(row, i) - row.Acquired)) : r.AppendNullValue();
            r = row.Outcome == 1 ? r.AppendValue(row.DealCents / 100m) : r.AppendNullValue();
            r.AppendValue(row.CostCents / 100m).EndRow();
        }
    }
}
