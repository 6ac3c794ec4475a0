using LeadAnalytics.Data;
namespace LeadAnalytics.Funnel;

/// <summary>The funnel of the leads acquired in one period.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelCohort
{
    internal FunnelCohort(string label, DateTimeOffset start, DateTimeOffset end, FunnelResult funnel)
    {
        Label = label;
        Start = start;
        End = end;
        Funnel = funnel;
    }

    /// <summary>The period's label: <c>2023-10-01</c>, <c>2023-W40</c>, <c>2023-10</c> or <c>2023-Q4</c>.</summary>
    public string Label { get; }

    /// <summary>The period's first instant (local midnight at <see cref="AnalysisScope.CohortUtcOffset"/>).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The next period's first instant (exclusive end).</summary>
    public DateTimeOffset End { get; }

    /// <summary>The cohort's funnel; all zero (undefined rates) for a period without leads between two with leads.</summary>
    public FunnelResult Funnel { get; }

    /// <summary>Describes the cohort.</summary>
    /// <returns>Label and funnel.</returns>
    public override string ToString() => $"{Label}: {Funnel}";
}
