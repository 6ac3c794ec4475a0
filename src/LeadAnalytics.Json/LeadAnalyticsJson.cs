using System.Text.Json;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Json;

/// <summary>
/// Reads and writes the versioned JSON documents of LeadAnalytics (schema v1, docs/json-schema.md): leads, a pipeline, costs,
/// touchpoints and data-quality reports; and writes the engines' results (funnel, cycle time, attribution, loss reasons). Every document is an object whose first two properties are <c>schemaVersion</c> (1)
/// and <c>kind</c>; names are camelCase; undefined values are written as <c>null</c>, never left out.
/// </summary>
/// <remarks>Serialisation is source-generated (no reflection), so the package works under trimming and native AOT.
/// Deserialisation validates: a document of another version or kind, or a lead that breaks a rule other than chronology,
/// throws <see cref="JsonException"/> naming what is wrong. Thread-safe.</remarks>
public static partial class LeadAnalyticsJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The <c>kind</c> of a leads document.</summary>
    public const string LeadsKind = "leads";

    /// <summary>The <c>kind</c> of a pipeline document.</summary>
    public const string PipelineKind = "pipeline";

    /// <summary>The <c>kind</c> of a costs document.</summary>
    public const string CostsKind = "costs";

    /// <summary>The <c>kind</c> of a touchpoints document.</summary>
    public const string TouchpointsKind = "touchpoints";

    /// <summary>The <c>kind</c> of a data-quality report document.</summary>
    public const string DataQualityReportKind = "dataQualityReport";

    /// <summary>The <c>kind</c> of an optimisation-actions document.</summary>
    public const string ActionsKind = "actions";

    /// <summary>The <c>kind</c> of an action-evaluation report document.</summary>
    public const string ActionReportKind = "actionReport";

    // The attribute's settings plus an encoder that writes Chinese text (and '+', '<') as itself rather than as \uXXXX escapes:
    // these documents are data files people read, not HTML. Quotes, backslashes and control characters are still escaped.
    private static readonly LeadAnalyticsJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes leads (with the pipelines they use) as a <c>leads</c> document.</summary>
    /// <param name="leads">The leads, written in the given order.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null or holds null.</exception>
    public static string SerializeLeads(IEnumerable<Lead> leads) => JsonSerializer.Serialize(Mapping.ToDocument(leads), Context.LeadsDocument);

    /// <summary>Writes leads as a <c>leads</c> document to a stream (UTF-8, no byte order mark); the stream is left open.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeLeads(IEnumerable<Lead> leads, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), Mapping.ToDocument(leads), Context.LeadsDocument);

    /// <summary>Reads a <c>leads</c> document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The leads, in document order (chronology faults allowed and flagged, as on import).</returns>
    /// <exception cref="JsonException">The text is not a valid schema v1 leads document.</exception>
    public static IReadOnlyList<Lead> DeserializeLeads(string json) =>
        Mapping.FromDocument(Read(JsonSerializer.Deserialize(Preconditions.CheckNotNull(json), Context.LeadsDocument), LeadsKind));

    /// <summary>Reads a <c>leads</c> document from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The leads, in document order.</returns>
    /// <exception cref="JsonException">The bytes are not a valid schema v1 leads document.</exception>
    public static IReadOnlyList<Lead> DeserializeLeads(Stream utf8Json) =>
        Mapping.FromDocument(Read(JsonSerializer.Deserialize(Preconditions.CheckNotNull(utf8Json), Context.LeadsDocument), LeadsKind));

    /// <summary>Writes a pipeline as a <c>pipeline</c> document.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> is null.</exception>
    public static string SerializePipeline(Pipeline pipeline) =>
        JsonSerializer.Serialize(new PipelineDocument { SchemaVersion = SchemaVersion, Kind = PipelineKind, Pipeline = Mapping.ToDto(Preconditions.CheckNotNull(pipeline)) }, Context.PipelineDocument);

    /// <summary>Reads a <c>pipeline</c> document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The pipeline (<see cref="Pipeline.Default"/> itself when the document describes it).</returns>
    /// <exception cref="JsonException">The text is not a valid schema v1 pipeline document.</exception>
    public static Pipeline DeserializePipeline(string json) =>
        Mapping.FromDto(Read(JsonSerializer.Deserialize(Preconditions.CheckNotNull(json), Context.PipelineDocument), PipelineKind).Pipeline, "$.pipeline");

    /// <summary>Writes cost entries as a <c>costs</c> document.</summary>
    /// <param name="costs">The entries.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="costs"/> is null or holds null.</exception>
    public static string SerializeCosts(IEnumerable<CostEntry> costs) =>
        JsonSerializer.Serialize(new CostsDocument { SchemaVersion = SchemaVersion, Kind = CostsKind, Costs = Mapping.Each(costs, nameof(costs), Mapping.ToDto) }, Context.CostsDocument);

    /// <summary>Reads a <c>costs</c> document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The entries, in document order.</returns>
    /// <exception cref="JsonException">The text is not a valid schema v1 costs document.</exception>
    public static IReadOnlyList<CostEntry> DeserializeCosts(string json) =>
        Mapping.FromDto(Read(JsonSerializer.Deserialize(Preconditions.CheckNotNull(json), Context.CostsDocument), CostsKind));

    /// <summary>Writes touchpoints as a <c>touchpoints</c> document.</summary>
    /// <param name="touchpoints">The touchpoints.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="touchpoints"/> is null or holds null.</exception>
    public static string SerializeTouchpoints(IEnumerable<Touchpoint> touchpoints) =>
        JsonSerializer.Serialize(new TouchpointsDocument { SchemaVersion = SchemaVersion, Kind = TouchpointsKind, Touchpoints = Mapping.Each(touchpoints, nameof(touchpoints), Mapping.ToDto) }, Context.TouchpointsDocument);

    /// <summary>Reads a <c>touchpoints</c> document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The touchpoints, in document order.</returns>
    /// <exception cref="JsonException">The text is not a valid schema v1 touchpoints document.</exception>
    public static IReadOnlyList<Touchpoint> DeserializeTouchpoints(string json) =>
        Mapping.FromDto(Read(JsonSerializer.Deserialize(Preconditions.CheckNotNull(json), Context.TouchpointsDocument), TouchpointsKind));

    /// <summary>Writes a data-quality report as a <c>dataQualityReport</c> document.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string SerializeQualityReport(DataQualityResult report) =>
        JsonSerializer.Serialize(Mapping.ToDocument(Preconditions.CheckNotNull(report)), Context.DataQualityReportDocument);

    /// <summary>Writes the same document as <see cref="SerializeQualityReport(DataQualityResult)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="report">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeQualityReport(DataQualityResult report, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), Mapping.ToDocument(Preconditions.CheckNotNull(report)), Context.DataQualityReportDocument);

    /// <summary>Reads a <c>dataQualityReport</c> document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report (its counts recomputed from its issues).</returns>
    /// <exception cref="JsonException">The text is not a valid schema v1 report document.</exception>
    public static DataQualityResult DeserializeQualityReport(string json) =>
        Mapping.FromDocument(Read(JsonSerializer.Deserialize(Preconditions.CheckNotNull(json), Context.DataQualityReportDocument), DataQualityReportKind));

    /// <summary>Writes optimisation actions as an <c>actions</c> document.</summary>
    /// <param name="actions">The actions, written in the given order.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actions"/> is null or holds null.</exception>
    public static string SerializeActions(IEnumerable<OptimisationAction> actions) =>
        JsonSerializer.Serialize(ActionMapping.ToDocument(actions), Context.ActionsDocument);

    /// <summary>Reads an <c>actions</c> document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The actions, in document order.</returns>
    /// <exception cref="JsonException">The text is not a valid schema v1 actions document (a target expression that does not
    /// parse, a broken <see cref="ActionRule"/>), with the JSON path.</exception>
    public static IReadOnlyList<OptimisationAction> DeserializeActions(string json) =>
        ActionMapping.FromDocument(Read(JsonSerializer.Deserialize(Preconditions.CheckNotNull(json), Context.ActionsDocument), ActionsKind));

    /// <summary>Writes an action-evaluation report as an <c>actionReport</c> document (for dashboards and other apps; it is not
    /// read back: evaluate the actions again instead).</summary>
    /// <param name="report">The report.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string SerializeActionReport(Actions.ActionResult report) =>
        JsonSerializer.Serialize(ActionMapping.ToDocument(Preconditions.CheckNotNull(report)), Context.ActionReportDocument);

    /// <summary>Writes the same document as <see cref="SerializeActionReport(Actions.ActionResult)"/>
    /// to a stream (UTF-8, no byte order mark) while it is serialized, so the whole text is never held in memory; the
    /// stream is left open.</summary>
    /// <param name="report">What to write.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void SerializeActionReport(Actions.ActionResult report, Stream utf8Json) =>
        JsonSerializer.Serialize(Preconditions.CheckNotNull(utf8Json), ActionMapping.ToDocument(Preconditions.CheckNotNull(report)), Context.ActionReportDocument);

    private static T Read<T>(T? document, string kind)
        where T : DocumentDto
    {
        if (document is null)
        {
            throw new JsonException($"Expected a '{kind}' document, found null.");
        }

        if (document.SchemaVersion != SchemaVersion)
        {
            throw new JsonException($"This library reads schemaVersion {SchemaVersion}; the document has {document.SchemaVersion}.");
        }

        if (!string.Equals(document.Kind, kind, StringComparison.Ordinal))
        {
            throw new JsonException($"Expected a '{kind}' document, found kind '{document.Kind ?? "(missing)"}'.");
        }

        return document;
    }
}
