using System.Globalization;
using DuckDB.NET.Data;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.Sql;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// The modes around <see cref="SyntheticParquet"/>:
/// <c>parquet-write N PATH</c> writes the file (in its own process, so a measurement's peak memory is not the writer's);
/// <c>parquet-check N PATH</c> compares the file's marginals (leads per channel, per furthest stage, per outcome) with those of
/// <see cref="SyntheticLeads.Rows"/> for the same N;
/// <c>csv-write N PATH</c> writes the same leads as CSV;
/// <c>parquet-readback PATH</c> reads the file back into a <see cref="LeadTable"/> and checks that the push-down over the
/// file (funnel, segments, cycle time, loss reasons by channel) gives the in-memory engines' JSON documents.
/// </summary>
public static class ParquetChecks
{
    /// <summary>The Parquet file's mapping: every column of the tracking table but the ones the file does not have.</summary>
    public const string Mapping = """
        { "columns": { "lead_name": null, "tags": null, "last_activity_at": null, "currency": null } }
        """;

    private static readonly TimeSpan Local = TimeSpan.FromHours(8);

    public static void Write(string[] args)
    {
        var count = long.Parse(args[1], CultureInfo.InvariantCulture);
        var path = Path.GetFullPath(args[2]);
        Console.WriteLine($"# writing {count:N0} synthetic leads to {path}; load average {LoadAverage()}");
        using var connection = Open();
        var seconds = SyntheticParquet.Write(connection, count, path);
        Console.WriteLine($"written in {seconds:F1} s ({count / seconds:N0} leads/s): {new FileInfo(path).Length / 1e9:F3} GB; peak resident memory {PeakResident()}; load average {LoadAverage()}");
    }

    /// <summary><c>csv-write N PATH</c>: the same leads as a CSV file with a header (for PostgreSQL's <c>COPY</c>).</summary>
    public static void WriteCsv(string[] args)
    {
        var count = long.Parse(args[1], CultureInfo.InvariantCulture);
        var path = Path.GetFullPath(args[2]);
        using var connection = Open();
        var seconds = SyntheticParquet.Write(connection, count, path, format: "csv, header");
        Console.WriteLine($"{count:N0} leads written to {path} in {seconds:F1} s: {new FileInfo(path).Length / 1e9:F3} GB");
    }

    public static void Check(string[] args)
    {
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var path = Path.GetFullPath(args[2]);
        Console.WriteLine($"# marginals of {path} against SyntheticLeads.Rows({count:N0})");
        var channels = new long[SyntheticLeads.Channels.Length];
        var stages = new long[6];
        var outcomes = new long[3];
        var stageOutcome = new long[18];
        var channelWon = new long[channels.Length];
        foreach (var row in SyntheticLeads.Rows(count))
        {
            channels[row.Channel]++;
            stages[row.FurthestStage]++;
            outcomes[row.Outcome]++;
            stageOutcome[(row.FurthestStage * 3) + row.Outcome]++;
            channelWon[row.Channel] += row.Outcome == 1 ? 1 : 0;
        }

        using var connection = Open();
        var fileChannels = new long[channels.Length];
        var fileStages = new long[6];
        var fileOutcomes = new long[3];
        var fileStageOutcome = new long[18];
        var fileChannelWon = new long[channels.Length];
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT channel, (won_at IS NOT NULL)::INT + (negotiation_at IS NOT NULL)::INT + (proposal_at IS NOT NULL)::INT
                  + (needs_confirmed_at IS NOT NULL)::INT + (contacted_at IS NOT NULL)::INT AS stage,
                  CASE WHEN won_at IS NOT NULL THEN 1 WHEN lost_at IS NOT NULL THEN 2 ELSE 0 END AS outcome, COUNT(*)
                FROM read_parquet({SyntheticParquet.Literal(path)}) GROUP BY ALL
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var n = reader.GetInt64(3);
                var channel = Array.IndexOf(SyntheticLeads.Channels, reader.GetString(0));
                fileChannels[channel] += n;
                fileStages[reader.GetInt32(1)] += n;
                fileOutcomes[reader.GetInt32(2)] += n;
                fileStageOutcome[(reader.GetInt32(1) * 3) + reader.GetInt32(2)] += n;
                fileChannelWon[channel] += reader.GetInt32(2) == 1 ? n : 0;
            }
        }

        var worst = 0.0;
        void Table(string title, IReadOnlyList<string> names, long[] expected, long[] actual)
        {
            Console.WriteLine();
            Console.WriteLine($"| {title} | SyntheticLeads.Rows | Parquet (SQL) | difference |");
            Console.WriteLine("|---|---:|---:|---:|");
            for (var k = 0; k < names.Count; k++)
            {
                var difference = expected[k] == 0 ? (actual[k] == 0 ? 0 : double.PositiveInfinity) : (double)(actual[k] - expected[k]) / expected[k];
                worst = Math.Max(worst, Math.Abs(difference));
                Console.WriteLine($"| {names[k]} | {expected[k]:N0} | {actual[k]:N0} | {difference * 100:+0.00;-0.00}% |");
            }
        }

        Table("channel", SyntheticLeads.Channels, channels, fileChannels);
        Table("furthest stage", Enumerable.Range(0, 6).Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray(), stages, fileStages);
        var outcomeNames = new[] { "open", "won", "lost" };
        Table("outcome", outcomeNames, outcomes, fileOutcomes);

        // Joint counts, so that two quantities drawn from correlated hashes would show (the marginals alone would not).
        var cells = Enumerable.Range(0, 18).Where(c => stageOutcome[c] > 0).ToArray();
        Table("furthest stage x outcome", cells.Select(c => $"{c / 3} {outcomeNames[c % 3]}").ToArray(), cells.Select(c => stageOutcome[c]).ToArray(),
            cells.Select(c => fileStageOutcome[c]).ToArray());
        Table("channel x won", SyntheticLeads.Channels, channelWon, fileChannelWon);
        Console.WriteLine();
        Console.WriteLine($"largest relative difference: {worst * 100:F2}%");
    }

    public static void ReadBack(string[] args)
    {
        var path = Path.GetFullPath(args[1]);
        using var connection = Open();
        var table = Read(connection, path);
        Console.WriteLine($"# {path} read back into a LeadTable: {table.Count:N0} leads");
        using (var view = connection.CreateCommand())
        {
            view.CommandText = $"CREATE TEMP VIEW leads AS SELECT * FROM read_parquet({SyntheticParquet.Literal(path)})";
            view.ExecuteNonQuery();
        }

        var source = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads"), LeadColumnMapping.Parse(Mapping)) { CommandTimeoutSeconds = 0 };
        var asOf = SyntheticLeads.AsOf;
        var scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } };
        var funnel = new FunnelOptions { Scope = scope };
        // The segments' maturity is not pushed down (docs/effectiveness.md): the in-memory document is compared without it.
        var segments = new Effectiveness.EffectivenessOptions { Scope = scope, IncludeMaturity = false };
        var cycle = new CycleTime.CycleTimeOptions { Scope = scope };
        var losses = new LossReasons.LossReasonOptions { Scope = scope };
        var checks = new (string Name, Func<string> Pushed, Func<string> Memory)[]
        {
            ("funnel by channel, step durations",
                () => LeadAnalyticsJson.SerializeFunnelBreakdown(source.AnalyzeFunnel(asOf, funnel).ToBreakdown()),
                () => LeadAnalyticsJson.SerializeFunnelBreakdown(FunnelAnalyzer.AnalyzeBy(table, asOf, funnel))),
            ("segments (effectiveness) by channel, without maturity",
                () => LeadAnalyticsJson.SerializeEffectiveness(source.AnalyzeEffectiveness(asOf, segments).ToResult()),
                () => LeadAnalyticsJson.SerializeEffectiveness(Effectiveness.EffectivenessAnalyzer.Analyze(table, asOf, segments))),
            ("cycle time by channel",
                () => LeadAnalyticsJson.SerializeCycleTime(source.AnalyzeCycleTime(asOf, cycle).ToResult(), includeCurves: true),
                () => LeadAnalyticsJson.SerializeCycleTime(CycleTime.CycleTimeAnalyzer.Analyze(table, asOf, cycle), includeCurves: true)),
            ("loss reasons by channel",
                () => LeadAnalyticsJson.SerializeLossReasons(source.AnalyzeLossReasons(asOf, losses).ToResult()),
                () => LeadAnalyticsJson.SerializeLossReasons(LossReasons.LossReasonAnalyzer.Analyze(table, asOf, losses))),
        };
        var failed = 0;
        foreach (var (name, pushed, memory) in checks)
        {
            var a = pushed();
            var b = memory();
            if (a != b)
            {
                failed++;
                var stem = Path.Combine(Path.GetTempPath(), "readback-" + name.Split(' ')[0]);
                File.WriteAllText(stem + "-pushed.json", a);
                File.WriteAllText(stem + "-memory.json", b);
                Console.WriteLine($"  written: {stem}-pushed.json and -memory.json");
            }

            Console.WriteLine($"{name}: push-down {(a == b ? "equals" : "DIFFERS FROM")} in memory (JSON, {a.Length:N0} characters)");
        }

        if (failed > 0)
        {
            Environment.ExitCode = 1;
        }
    }

    /// <summary><c>parquet-profile PATH OUT</c>: DuckDB's profile (query tree with operator timings) of the pushed-down
    /// segments (counts and money by channel) over the file, written to OUT; for finding where the generated SQL spends.</summary>
    public static void Profile(string[] args)
    {
        var path = Path.GetFullPath(args[1]);
        using var connection = Open();
        foreach (var sql in new[]
        {
            $"CREATE TEMP VIEW leads AS SELECT * FROM read_parquet({SyntheticParquet.Literal(path)})",
            "PRAGMA enable_profiling = 'query_tree'",
            $"PRAGMA profiling_output = {SyntheticParquet.Literal(Path.GetFullPath(args[2]))}",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        var source = new SqlLeadSource(connection, SqlDialect.DuckDb, new SqlTableName("leads"), LeadColumnMapping.Parse(Mapping)) { CommandTimeoutSeconds = 0 };
        // Without maturity, as measured in benchmarks/README.md (the push-down then left it out; its rows grow with distinct times).
        var options = new Effectiveness.EffectivenessOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } }, IncludeDurations = false, IncludeMaturity = false };
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var leads = source.AnalyzeEffectiveness(SyntheticLeads.AsOf, options).ToResult().Total.Leads;
        Console.WriteLine($"segments: {leads:N0} leads in {sw.ElapsedMilliseconds:N0} ms; peak resident memory {PeakResident()}");
    }

    /// <summary>The file's rows as a LeadTable, as the CSV importer would build them (local times at +08:00, CNY).</summary>
    private static LeadTable Read(DuckDBConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SyntheticParquet.Columns} FROM read_parquet({SyntheticParquet.Literal(path)})";
        using var reader = command.ExecuteReader();
        var builder = new LeadTableBuilder();
        var record = new LeadRecord();
        var issues = new List<Quality.DataQualityIssue>();
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        DateTimeOffset? Instant(int column) => reader.IsDBNull(column) ? null : new DateTimeOffset(reader.GetDateTime(column), Local);
        Money? Amount(int column) => reader.IsDBNull(column) ? null : new Money(reader.GetDecimal(column), Currency.CNY);
        while (reader.Read())
        {
            record.Clear();
            record.Id = Text(0);
            record.Channel = Text(1);
            record.Strategy = Text(2);
            record.Content = Text(3);
            record.AcquiredAt = Instant(4);
            record.Owner = Text(5);
            record.CustomerType = Text(6);
            record.Industry = Text(7);
            for (var s = 1; s <= 5; s++)
            {
                record.SetStageTime(s, Instant(7 + s));
            }

            record.LostAt = Instant(13);
            record.LossReason = Text(14);
            record.DealAmount = Amount(15);
            record.AcquisitionCost = Amount(16);
            if (!builder.Add(record, null, issues))
            {
                throw new InvalidOperationException(issues[0].ToString());
            }
        }

        return builder.ToTable();
    }

    public static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    public static string PeakResident() =>
        (File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) ?? "VmHWM: unknown").Substring(6).Trim();
}
