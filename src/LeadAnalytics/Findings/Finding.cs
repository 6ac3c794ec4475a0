using LeadAnalytics.Data;
using System.Globalization;

namespace LeadAnalytics.Findings;

/// <summary>
/// A rule-based diagnostic that turns numbers into the template's "suggestion" column: what was found (a kind key), where
/// (a segment), on which metric, the value and what it was compared with, the evidence, and how urgent it is. The text is
/// data: <see cref="Kind"/> plus <see cref="Arguments"/>, so an app words it in English, Chinese or anything else
/// (<see cref="FindingTemplates"/> has defaults).
/// </summary>
/// <remarks>Immutable and thread-safe. Engines emit findings in a deterministic order (<see cref="Compare"/>).</remarks>
public sealed class Finding
{
    private static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Creates a finding.</summary>
    /// <param name="kind">The kind key, for example <see cref="FindingKinds.ConversionBelowRest"/>.</param>
    /// <param name="severity">How urgent.</param>
    /// <param name="segment">Where; <see cref="SegmentKey.All"/> for the whole population.</param>
    /// <param name="metricId">The metric (a <see cref="Metrics.MetricIds"/> id).</param>
    /// <param name="value">The segment's value of the metric, or <see langword="null"/>.</param>
    /// <param name="comparisonValue">What it was compared with, or <see langword="null"/>.</param>
    /// <param name="comparisonBasis">What <paramref name="comparisonValue"/> is: <c>rest</c> (every other lead),
    /// <c>threshold</c> (an option), <c>other_steps</c> (the funnel's other steps), <c>target</c>; or <see langword="null"/>.</param>
    /// <param name="evidence">The evidence, or <see langword="null"/>.</param>
    /// <param name="arguments">Named, culture-invariant message arguments, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> or <paramref name="metricId"/> is blank.</exception>
    public Finding(string kind, FindingSeverity severity, SegmentKey segment, string metricId, double? value, double? comparisonValue,
        string? comparisonBasis, FindingEvidence? evidence, IReadOnlyDictionary<string, string>? arguments)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new ArgumentException("A finding needs a kind.", nameof(kind));
        }

        if (string.IsNullOrWhiteSpace(metricId))
        {
            throw new ArgumentException("A finding needs a metric id.", nameof(metricId));
        }

        Kind = kind;
        Severity = severity;
        Segment = Preconditions.CheckNotNull(segment);
        MetricId = metricId;
        Value = value;
        ComparisonValue = comparisonValue;
        ComparisonBasis = comparisonBasis;
        Evidence = evidence;
        Arguments = arguments is null || arguments.Count == 0 ? NoArguments : new SortedDictionary<string, string>(arguments.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The kind key (<see cref="FindingKinds"/>).</summary>
    public string Kind { get; }

    /// <summary>How urgent.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Where.</summary>
    public SegmentKey Segment { get; }

    /// <summary>The metric id.</summary>
    public string MetricId { get; }

    /// <summary>The segment's value of the metric, or <see langword="null"/>.</summary>
    public double? Value { get; }

    /// <summary>What the value was compared with, or <see langword="null"/>.</summary>
    public double? ComparisonValue { get; }

    /// <summary>What <see cref="ComparisonValue"/> is (<c>rest</c>, <c>threshold</c>, <c>other_steps</c>, <c>target</c>), or <see langword="null"/>.</summary>
    public string? ComparisonBasis { get; }

    /// <summary>The evidence, or <see langword="null"/>.</summary>
    public FindingEvidence? Evidence { get; }

    /// <summary>Named message arguments, formatted with the invariant culture (rates as fractions such as <c>0.08</c>,
    /// money to the minor unit), in ordinal key order.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; }

    /// <summary>The hook through which the funnel engine reports its bottleneck as a finding: the step from one stage to the
    /// next with the largest drop-off.</summary>
    /// <param name="fromStage">The stage the step leaves.</param>
    /// <param name="toStage">The stage the step reaches.</param>
    /// <param name="dropOff">The step's drop-off, 1 - step conversion.</param>
    /// <param name="comparisonDropOff">The drop-off it is compared with (for example the other steps' pooled drop-off, or a
    /// target), or <see langword="null"/>.</param>
    /// <param name="comparisonBasis"><c>other_steps</c> or <c>target</c>, or <see langword="null"/>.</param>
    /// <param name="evidence">Sample size (leads reaching <paramref name="fromStage"/>) and test, or <see langword="null"/>.</param>
    /// <param name="severity">Warning by default.</param>
    /// <param name="segment">The segment the funnel was computed for; <see cref="SegmentKey.All"/> when null.</param>
    /// <returns>The finding, kind <see cref="FindingKinds.FunnelBottleneck"/>, metric <see cref="Metrics.MetricIds.DropOff"/>.</returns>
    public static Finding FunnelBottleneck(string fromStage, string toStage, double dropOff, double? comparisonDropOff = null, string? comparisonBasis = null,
        FindingEvidence? evidence = null, FindingSeverity severity = FindingSeverity.Warning, SegmentKey? segment = null)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["from_stage"] = Preconditions.CheckNotNull(fromStage),
            ["to_stage"] = Preconditions.CheckNotNull(toStage),
            ["value"] = Format(dropOff),
            ["segment"] = (segment ?? SegmentKey.All).Label,
        };
        if (comparisonDropOff is { } c)
        {
            args["comparison"] = Format(c);
        }

        AddEvidence(args, evidence);
        return new Finding(FindingKinds.FunnelBottleneck, severity, segment ?? SegmentKey.All, Metrics.MetricIds.DropOff, dropOff, comparisonDropOff, comparisonBasis, evidence, args);
    }

    /// <summary>The order engines list findings in: severity (most urgent first), kind, segment, metric.</summary>
    /// <param name="x">A finding.</param>
    /// <param name="y">Another.</param>
    /// <returns>Negative, zero or positive.</returns>
    public static int Compare(Finding x, Finding y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var c = ((int)y.Severity).CompareTo((int)x.Severity);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Kind, y.Kind);
        }

        if (c == 0)
        {
            c = x.Segment.CompareTo(y.Segment);
        }

        return c != 0 ? c : string.CompareOrdinal(x.MetricId, y.MetricId);
    }

    /// <summary>The English default wording (<see cref="FindingTemplates"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FindingTemplates.Format(this, FindingTemplates.English);

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static void AddEvidence(IDictionary<string, string> args, FindingEvidence? evidence)
    {
        if (evidence is null)
        {
            return;
        }

        args["n"] = evidence.SampleSize.ToString(CultureInfo.InvariantCulture);
        if (evidence.Test is { } test)
        {
            args["test"] = test;
        }

        if (evidence.PValue is { } p)
        {
            args["p"] = Format(p);
        }

        if (evidence.AdjustedPValue is { } ap)
        {
            args["adjusted_p"] = Format(ap);
        }

        if (evidence.ProbabilityAbove is { } pa)
        {
            args["probability_above"] = Format(pa);
        }
    }
}
