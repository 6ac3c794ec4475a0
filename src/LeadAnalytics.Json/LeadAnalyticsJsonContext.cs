using System.Text.Json.Serialization;

namespace LeadAnalytics.Json;

/// <summary>The one source-generated context of every schema v1 document (AOT- and trim-safe: no reflection at run time).
/// A new engine result joins the contract with its document type and one <c>[JsonSerializable]</c> line here.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(LeadsDocument))]
[JsonSerializable(typeof(PipelineDocument))]
[JsonSerializable(typeof(CostsDocument))]
[JsonSerializable(typeof(TouchpointsDocument))]
[JsonSerializable(typeof(DataQualityReportDocument))]
[JsonSerializable(typeof(ActionsDocument))]
[JsonSerializable(typeof(ActionReportDocument))]
[JsonSerializable(typeof(FunnelDocument))]
[JsonSerializable(typeof(FunnelBreakdownDocument))]
[JsonSerializable(typeof(FunnelCohortsDocument))]
[JsonSerializable(typeof(CycleTimeDocument))]
[JsonSerializable(typeof(AttributionDocument))]
[JsonSerializable(typeof(AttributionComparisonDocument))]
[JsonSerializable(typeof(LossReasonsDocument))]
[JsonSerializable(typeof(EffectivenessDocument))]
[JsonSerializable(typeof(MetricCatalogDocument))]
[JsonSerializable(typeof(ForecastDocument))]
[JsonSerializable(typeof(ForecastBacktestDocument))]
internal sealed partial class LeadAnalyticsJsonContext : JsonSerializerContext
{
}
