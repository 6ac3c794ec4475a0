namespace LeadAnalytics.Reporting;

/// <summary>How <see cref="HtmlReportWriter"/> lays out a report.</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed class HtmlReportOptions
{
    /// <summary>The defaults.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>The page title and heading. "Lead conversion report" by default.</summary>
    public string Title { get; init; } = "Lead conversion report";

    /// <summary>A line under the heading after the as-of date and lead count, for example "leads.csv, exported 2024-01-15"; none by default.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The page language (BCP 47, the <c>lang</c> attribute; browsers pick CJK glyph variants by it). "en" by
    /// default; "zh-CN" for a Chinese audience.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Chart size and limits.</summary>
    public ChartOptions Charts { get; init; } = ChartOptions.Default;

    /// <summary>Days at which the time-to-convert table reads the cumulative incidence of won and lost. 30 and 90 by default.</summary>
    public IReadOnlyList<double> IncidenceDays { get; init; } = new[] { 30.0, 90.0 };
}
