using System.Reflection;
using System.Text.Json;

namespace LeadAnalytics.Tests.Json;

/// <summary>Every public property of every result type is written to JSON, or is on the reviewed allow-list below with
/// its reason. "Written" means a property of that name (camel case) appears in one of the committed JSON documents
/// (TestData/Json and tests/cli-expected); properties written under another name are listed with the name.</summary>
public class ResultJsonCoverageTests
{
    // Type.Property -> why it is not (or not under its own name) in the JSON.
    private static readonly Dictionary<string, string> Reviewed = new(StringComparer.Ordinal)
    {
        ["KaplanMeierRow.StandardErrorOfLogSurvival"] = "written as logSurvivalStandardError (curve rows, with includeCurves)",
        ["DataQualityResult.HasErrors"] = "derived: errors > 0 in ruleCounts",
        ["AttributionResult.IntervalConfidence"] = "written as intervals.confidence (the level of the scope the intervals were computed at)",
        ["ChannelCredit.Interval"] = "written flattened into the credit: lower, upper, valueLower, valueUpper, standardError, topOneShare, topThreeShare",
        ["LeadForecast.Row"] = "the lead's row in the in-process LeadTable: meaningless outside the process (the document names the lead by id)",
        ["LeadForecast.StageName"] = "written as leads[].stageName with --list-leads; the committed forecast document lists no lead",
        ["LeadForecast.DaysInStage"] = "written as leads[].daysInStage with --list-leads",
        ["LeadForecast.DaysSinceAcquisition"] = "written as leads[].daysSinceAcquisition with --list-leads",
        ["LeadForecast.ValueRecorded"] = "written as leads[].valueRecorded with --list-leads",
        ["LeadForecast.IsStale"] = "written as leads[].stale with --list-leads",
        ["LeadForecast.IsBeyondObserved"] = "written as leads[].beyondObserved with --list-leads",
        ["LeadForecast.WinProbabilities"] = "written as leads[].winProbabilities with --list-leads",
        ["LeadForecast.BaselineProbability"] = "written as leads[].baselineProbability with --list-leads",
        ["EffectivenessResult.Changes"] = "written as previous.changes when a previous period is compared; no committed document has one",
        ["EffectivenessResult.TotalChange"] = "written as previous.totalChange when a previous period is compared",
        ["MetricChange.AbsoluteChange"] = "written in previous.changes[].metrics[] when a previous period is compared",
        ["MetricChange.RelativeChange"] = "written in previous.changes[].metrics[] when a previous period is compared",
        ["CycleTimeResult.SegmentComparison"] = "written as logRank (the k-sample test across segments)",
        ["CycleTimeResult.SegmentComparisonSkipped"] = "written as logRankSkipped",
        ["FunnelMaturity.Window"] = "written as maturity.windowDays",
        ["FunnelMaturity.FollowUp"] = "written as maturity.followUpDays",
        ["FunnelStageReach.Reach"] = "written as reached",
        ["Rate.Method"] = "the interval method is a request option, written once per document where it matters, not per rate",
        ["Rate.IsDefined"] = "derived: value != null",
        ["FunnelBottleneck.Step"] = "written as the bottleneck's fromStage/toStage and rates",
        ["SegmentSummary.Label"] = "written as key",
        ["CycleTimeSegment.Label"] = "written as key",
        ["SegmentKey.IsAll"] = "derived: the key is (all)",
        ["SegmentKey.Label"] = "written as key",
        ["LogRankGroup.Group"] = "written as key",
        ["StepDuration.NinetiethPercentile"] = "written as p90Days",
        ["StepDuration.Method"] = "the quantile definition is a documented constant (R type 7), not per row",
        ["StepTargetComparison.Gap"] = "derived from the written rate and target",
        ["StepTargetComparison.MeetsTarget"] = "derived from the written rate and target",
        ["StepTargetComparison.DiffersSignificantly"] = "derived from the written test's p-value",
        ["StepTarget.FromStage"] = "written as the step's from stage",
        ["UnmatchedCost.Entry"] = "written flattened: scope, key, periodStart, periodEnd",
        ["UnmatchedCost.InPeriodAmount"] = "written as inPeriodAmount under costs.unmatchedCosts, empty in the committed documents",
        ["CumulativeIncidenceCurve.Causes"] = "written as the won/lost field pairs (two causes)",
        ["CumulativeIncidenceCurve.EventsByCause"] = "written as wonEvents and lostEvents",
        ["OptimisationAction.Description"] = "written as action",
        ["SurvivalQuantile.Time"] = "written as value",
        ["SegmentFilter.Conditions"] = "written inside the metric expression text",
        ["SegmentFilter.IsAll"] = "derived: no conditions",
        ["KaplanMeierRow.Time"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["KaplanMeierRow.AtRisk"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["KaplanMeierRow.Censored"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["KaplanMeierRow.Survival"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.Time"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.AtRisk"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.Censored"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.Survival"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.Incidence"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them); as wonIncidence and lostIncidence",
        ["CumulativeIncidenceRow.SurvivalStandardError"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.SurvivalLower"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.SurvivalUpper"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them)",
        ["CumulativeIncidenceRow.IncidenceStandardError"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them); as wonStandardError and lostStandardError",
        ["CumulativeIncidenceRow.IncidenceLower"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them); as wonLower and lostLower",
        ["CumulativeIncidenceRow.IncidenceUpper"] = "written in the curve rows only with includeCurves (--curves); the committed documents omit curves (ResultGoldenTests.Cycle_time_curves checks them); as wonUpper and lostUpper",
    };

    [Fact]
    public void Every_public_result_property_is_written_to_json_or_reviewed()
    {
        var written = JsonNames();
        var missing = new List<string>();
        foreach (var (type, property) in ResultProperties())
        {
            var key = type.Name + "." + property.Name;
            if (Reviewed.ContainsKey(key) || written.Contains(Camel(property.Name)))
            {
                continue;
            }

            missing.Add(key);
        }

        Assert.True(missing.Count == 0, "Not in any JSON document and not reviewed:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_allow_list_names_only_real_properties()
    {
        var all = ResultProperties().Select(p => p.Type.Name + "." + p.Property.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(Reviewed.Keys, k => Assert.Contains(k, all));
        Assert.All(Reviewed.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    // Result types: the public types of the engines' assembly named *Result or *Report, and every public type of the
    // library their public properties reach (rows, segments, curves, tests).
    internal static IEnumerable<(Type Type, PropertyInfo Property)> ResultProperties()
    {
        var assembly = typeof(LeadAnalytics.Statistics.Rate).Assembly;
        var queue = new Queue<Type>(assembly.GetExportedTypes().Where(t => t.IsClass && (t.Name.EndsWith("Result", StringComparison.Ordinal) || t.Name.EndsWith("Report", StringComparison.Ordinal))));
        var seen = new HashSet<Type>();
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                yield return (type, property);
                foreach (var reached in Reached(property.PropertyType))
                {
                    // Options are the request, not the result; they are echoed where a reader needs them.
                    if ((reached.Assembly == assembly || reached.Assembly == typeof(Lead).Assembly) && reached.IsClass && !reached.IsAbstract && reached != typeof(string)
                        && !reached.Name.EndsWith("Options", StringComparison.Ordinal))
                    {
                        queue.Enqueue(reached);
                    }
                }
            }
        }
    }

    private static IEnumerable<Type> Reached(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        yield return underlying;
        if (underlying.IsGenericType)
        {
            foreach (var argument in underlying.GetGenericArguments().SelectMany(Reached))
            {
                yield return argument;
            }
        }

        if (underlying.IsArray)
        {
            foreach (var element in Reached(underlying.GetElementType()!))
            {
                yield return element;
            }
        }
    }

    private static HashSet<string> JsonNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var folders = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "TestData", "Json"),
            Path.Combine(Metrics.MetricCatalogTests.RepositoryRoot(), "tests", "cli-expected"),
        };
        foreach (var file in folders.Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.json")))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            Collect(doc.RootElement, names);
        }

        return names;
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    names.Add(p.Name);
                    Collect(p.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
