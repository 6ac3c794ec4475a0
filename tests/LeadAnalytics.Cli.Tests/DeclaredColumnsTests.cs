using System.Globalization;
using System.Text.Json;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Metrics;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>The "must show" test for the funnel, cycle-time, loss-reasons and attribution outputs: every catalogue metric
/// an engine computes has a declared column; every declared column is in the JSON document at its path (the documented,
/// hand-written schema v1), in the CSV (derived from the declarations) with the same value, and the default view in the
/// table. A metric added to an engine and left out of an output fails here.</summary>
public class DeclaredColumnsTests
{
    private static readonly string Leads = SampleData("leads.csv");
    private static readonly string Touchpoints = SampleData("touchpoints.csv");
    private const string AsOf = "2024-01-15";

    // Curve metrics: one value per time of a survival or incidence curve, written to the JSON curves (--curves), not per row.
    private static readonly string[] CurveMetrics =
    {
        MetricIds.Survival, MetricIds.SurvivalStandardError, MetricIds.LogSurvivalStandardError, MetricIds.CumulativeIncidence,
        MetricIds.CumulativeIncidenceStandardError,
    };

    [Fact]
    public void Every_metric_an_engine_computes_is_declared_once()
    {
        AssertDeclared("Funnel", FunnelColumns.Stages.Select(c => c.Metric).Concat(FunnelColumns.Steps.Select(c => c.Metric)));
        AssertDeclared("CycleTime", CycleTimeColumns.Segments.Select(c => c.Metric).Concat(CurveMetrics.Select(id => MetricCatalog.Find(id)!)));
        AssertDeclared("LossReasons", LossReasonColumns.Rows.Select(c => c.Metric));
        AssertDeclared("Attribution", ChannelCreditColumns.All.Select(c => c.Metric));
    }

    [Fact]
    public void Cycle_time_columns_reach_json_csv_and_the_table()
    {
        using var json = Json("cycle-time", "--leads", Leads, "--by", "channel", "--as-of", AsOf);
        var rows = new[] { json.RootElement.GetProperty("overall") }.Concat(json.RootElement.GetProperty("segments").EnumerateArray()).ToList();
        var csv = Csv("cycle-time", "--leads", Leads, "--by", "channel", "--as-of", AsOf);
        AssertSame(CycleTimeColumns.Segments, rows, csv);
        AssertTable(CycleTimeColumns.Segments, "cycle-time", "--leads", Leads, "--by", "channel", "--as-of", AsOf);
    }

    [Fact]
    public void Funnel_columns_reach_json_csv_and_the_table()
    {
        using var json = Json("funnel", "--leads", Leads, "--as-of", AsOf);
        var csv = Csv("funnel", "--leads", Leads, "--as-of", AsOf);
        var funnel = json.RootElement;
        AssertSame(FunnelColumns.Stages, funnel.GetProperty("stages").EnumerateArray().ToList(), csv);
        // One CSV row per stage; the last stage has no step.
        var steps = funnel.GetProperty("steps").EnumerateArray().ToList();
        AssertSame(FunnelColumns.Steps, steps, csv.Take(steps.Count).ToList());
        AssertTable(FunnelColumns.Steps, "funnel", "--leads", Leads, "--as-of", AsOf);
        AssertTable(FunnelColumns.Stages, "funnel", "--leads", Leads, "--as-of", AsOf);

        // Per segment: the funnel's own columns in JSON; the default view and --rank-by in the segments table.
        using var by = Json("funnel", "--leads", Leads, "--by", "channel", "--as-of", AsOf);
        foreach (var segment in by.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("funnel")).Append(by.RootElement.GetProperty("total")))
        {
            foreach (var column in FunnelColumns.Funnels)
            {
                Assert.True(TryResolve(segment, column.JsonPath, out _), $"JSON lacks {column.JsonPath} ({column.Metric.Id})");
            }
        }

        foreach (var column in FunnelColumns.Funnels)
        {
            var (code, table, stderr) = Run("funnel", "--leads", Leads, "--by", "channel", "--as-of", AsOf, "--rank-by", column.Metric.Id);
            Assert.True(code == 0, stderr);
            Assert.Contains(MetricFormatter.English.HeadingOf(column.Metric), table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Loss_reason_columns_reach_json_csv_and_the_table()
    {
        using var json = Json("loss-reasons", "--leads", Leads, "--as-of", AsOf);
        var rows = json.RootElement.GetProperty("overall").GetProperty("rows").EnumerateArray().ToList();
        var csv = Csv("loss-reasons", "--leads", Leads, "--as-of", AsOf);
        AssertSame(LossReasonColumns.Rows, rows, csv.Take(rows.Count).ToList());
        AssertTable(LossReasonColumns.Rows, "loss-reasons", "--leads", Leads, "--as-of", AsOf);
    }

    [Fact]
    public void Attribution_columns_reach_json_and_csv()
    {
        var args = new[] { "attribution", "--leads", Leads, "--touchpoints", Touchpoints, "--model", "markov", "--as-of", AsOf, "--intervals", "--replicates", "20" };
        using var json = Json(args);
        var credits = json.RootElement.GetProperty("credits").EnumerateArray().ToList();
        var csv = Csv(args);
        AssertSame(ChannelCreditColumns.All, credits, csv);
        var header = csv[0].Keys.ToHashSet();
        foreach (var name in new[] { "lower", "upper", "valueLower", "valueUpper" })
        {
            Assert.Contains(name, header);
        }

        // The tables pivot keys against models: the default view's metrics are their two tables.
        var (code, table, stderr) = Run(args.Take(args.Length - 3).ToArray());
        Assert.True(code == 0, stderr);
        Assert.Contains("Credited conversions", table, StringComparison.Ordinal);
        Assert.Contains("Credited value", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_and_rank_by_are_validated_against_the_declared_columns()
    {
        var (code, _, stderr) = Run("cycle-time", "--leads", Leads, "--as-of", AsOf, "--metrics", "cpl");
        Assert.Equal(2, code);
        Assert.Contains("--metrics: 'cpl' is not a metric of this table; use one of leads, won, lost, open, stale, median_time_to_won", stderr, StringComparison.Ordinal);
        (code, _, stderr) = Run("funnel", "--leads", Leads, "--as-of", AsOf, "--by", "channel", "--rank-by", "nope");
        Assert.Equal(2, code);
        Assert.Contains("--rank-by: 'nope' is not a metric of this table; use one of leads, won, lost, stale, open, conversion_rate, win_rate.", stderr, StringComparison.Ordinal);

        // --rank-by orders the segments best first: the shortest median time to won first (lower is better).
        var (ok, table, err) = Run("cycle-time", "--leads", Leads, "--by", "channel", "--as-of", AsOf, "--rank-by", "median_time_to_won");
        Assert.True(ok == 0, err);
        using var json = Json("cycle-time", "--leads", Leads, "--by", "channel", "--as-of", AsOf);
        var expected = json.RootElement.GetProperty("segments").EnumerateArray()
            .Select(s => (Key: s.GetProperty("key").GetString()!, Median: s.GetProperty("median").GetProperty("value")))
            .OrderBy(s => s.Median.ValueKind == JsonValueKind.Null ? 1 : 0).ThenBy(s => s.Median.ValueKind == JsonValueKind.Null ? 0 : s.Median.GetDouble())
            .Select(s => s.Key).ToList();
        var positions = expected.Select(k => table.IndexOf("│ " + k + " ", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.OrderBy(p => p), positions);

        // --metrics adds a column the default view leaves out.
        var (_, wide, _) = Run("cycle-time", "--leads", Leads, "--as-of", AsOf, "--metrics", "restricted_mean_time_to_won,stale");
        Assert.Contains(MetricFormatter.English.HeadingOf(MetricCatalog.RestrictedMeanTimeToWon), wide, StringComparison.Ordinal);
        Assert.DoesNotContain(MetricFormatter.English.HeadingOf(MetricCatalog.RestrictedMeanTimeToWon), Run("cycle-time", "--leads", Leads, "--as-of", AsOf).Stdout, StringComparison.Ordinal);
    }

    private static void AssertDeclared(string engine, IEnumerable<MetricDefinition> declared)
    {
        var ids = declared.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var missing = MetricCatalog.All.Where(m => m.ComputedBy == engine).Select(m => m.Id).Where(id => !ids.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{engine} computes {string.Join(", ", missing)} without a declared column");
    }

    private static JsonDocument Json(params string[] args)
    {
        var (code, stdout, stderr) = Run(args.Concat(new[] { "--format", "json" }).ToArray());
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout);
    }

    /// <summary>The CSV's rows as header → cell.</summary>
    private static List<Dictionary<string, string>> Csv(params string[] args)
    {
        var (code, stdout, stderr) = Run(args.Concat(new[] { "--format", "csv" }).ToArray());
        Assert.True(code == 0, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        // The sample's keys and reasons have no commas or quotes, so splitting on commas is exact here.
        return lines.Skip(1).Select(l => l.Split(',')).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>Every column: in the JSON row at its path, in the CSV header, with the same value in both (money at the CSV's
    /// minor unit; a rate's value).</summary>
    private static void AssertSame<TRow>(MetricColumns<TRow> columns, IReadOnlyList<JsonElement> json, IReadOnlyList<Dictionary<string, string>> csv)
    {
        Assert.Equal(json.Count, csv.Count);
        foreach (var column in columns)
        {
            Assert.True(csv[0].ContainsKey(column.CsvName), $"CSV lacks {column.CsvName} ({column.Metric.Id})");
            for (var i = 0; i < json.Count; i++)
            {
                Assert.True(TryResolve(json[i], column.JsonPath, out var element), $"JSON lacks {column.JsonPath} ({column.Metric.Id})");
                if (element.ValueKind == JsonValueKind.Object)
                {
                    element = element.GetProperty("value");
                }

                var cell = csv[i][column.CsvName];
                if (element.ValueKind == JsonValueKind.Null)
                {
                    Assert.True(cell.Length == 0, $"{column.Metric.Id} row {i}: JSON null, CSV '{cell}'");
                    continue;
                }

                var expected = element.GetDouble();
                var actual = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
                var tolerance = column.Metric.Kind == MetricKind.Money ? 0.005 : Math.Max(1e-12, Math.Abs(expected) * 1e-12);
                Assert.True(Math.Abs(expected - actual) <= tolerance, $"{column.Metric.Id} row {i}: JSON {expected}, CSV {actual}");
            }
        }
    }

    private static void AssertTable<TRow>(MetricColumns<TRow> columns, params string[] args)
    {
        var (code, table, stderr) = Run(args);
        Assert.True(code == 0, stderr);
        foreach (var id in columns.DefaultView)
        {
            Assert.Contains(MetricFormatter.English.HeadingOf(MetricCatalog.Find(id)!), table, StringComparison.Ordinal);
        }
    }

    /// <summary>Follows a column's JSON path: dotted properties, <c>[name=value]</c> picking an array element; a null on the
    /// way resolves to that null.</summary>
    private static bool TryResolve(JsonElement row, string path, out JsonElement element)
    {
        element = row;
        // Dots inside a selector (probability=0.25) are part of its value.
        foreach (var part in System.Text.RegularExpressions.Regex.Split(path, @"\.(?![^\[]*\])"))
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            var bracket = part.IndexOf('[');
            if (!element.TryGetProperty(bracket < 0 ? part : part[..bracket], out element))
            {
                return false;
            }

            if (bracket >= 0)
            {
                var selector = part[(bracket + 1)..^1].Split('=');
                var wanted = double.Parse(selector[1], CultureInfo.InvariantCulture);
                var found = element.EnumerateArray().Where(e => e.GetProperty(selector[0]).GetDouble() == wanted).ToList();
                if (found.Count != 1)
                {
                    return false;
                }

                element = found[0];
            }
        }

        return true;
    }
}
