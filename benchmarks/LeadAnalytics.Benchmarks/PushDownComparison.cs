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
/// and cycle-time queries, and checks that the pushed-down funnel is the in-memory one.
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
        var effectiveness = new Effectiveness.EffectivenessOptions { Scope = options.Scope };
        var cycle = new CycleTime.CycleTimeOptions { Scope = options.Scope };

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
            ("in memory: funnel by channel, counts only, 1 thread", () => FunnelAnalyzer.AnalyzeBy(table, asOf, counts)),
            ("push-down: SqlLeadSource.AnalyzeEffectiveness by channel (counts, money, durations) + result",
                () => source.AnalyzeEffectiveness(asOf, effectiveness).ToResult()),
            ("in memory: EffectivenessAnalyzer.Analyze by channel, per-lead costs, 1 thread", () => Effectiveness.EffectivenessAnalyzer.Analyze(table, asOf, effectiveness)),
            ("push-down: SqlLeadSource.AnalyzeCycleTime by channel + result (Kaplan-Meier, competing risks, log-rank)",
                () => source.AnalyzeCycleTime(asOf, cycle).ToResult()),
            ("in memory: CycleTimeAnalyzer.Analyze by channel, 1 thread", () => CycleTime.CycleTimeAnalyzer.Analyze(table, asOf, cycle)),
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
        Console.WriteLine($"ratio push-down / in memory, counts only: {(medians[3].Item2 / medians[4].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / in memory, effectiveness: {(medians[5].Item2 / medians[6].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
        Console.WriteLine($"ratio push-down / in memory, cycle time: {(medians[7].Item2 / medians[8].Item2).ToString("F2", CultureInfo.InvariantCulture)}x");
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
            var t = local;
            for (var s = 1; s <= 5; s++)
            {
                if (s <= row.FurthestStage)
                {
                    t = t.AddHours(30);
                    r = r.AppendValue(t);
                }
                else
                {
                    r = r.AppendNullValue();
                }
            }

            r = row.Outcome == 2 ? r.AppendValue(t.AddHours(40)) : r.AppendNullValue();
            r = row.Outcome == 1 ? r.AppendValue(row.DealCents / 100m) : r.AppendNullValue();
            r.AppendValue(row.CostCents / 100m).EndRow();
        }
    }
}
