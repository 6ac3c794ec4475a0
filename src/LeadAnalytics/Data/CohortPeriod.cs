namespace LeadAnalytics.Data;

/// <summary>The length of an acquisition cohort. Periods start at local midnight at <see cref="AnalysisScope.CohortUtcOffset"/>.</summary>
public enum CohortPeriod
{
    /// <summary>One calendar day, labelled <c>2023-10-01</c>.</summary>
    Day = 0,

    /// <summary>One ISO 8601 week, Monday to Sunday, labelled with its week-numbering year: <c>2023-W40</c>.</summary>
    IsoWeek = 1,

    /// <summary>One calendar month, labelled <c>2023-10</c>.</summary>
    Month = 2,

    /// <summary>One calendar quarter, labelled <c>2023-Q4</c>.</summary>
    Quarter = 3,
}
