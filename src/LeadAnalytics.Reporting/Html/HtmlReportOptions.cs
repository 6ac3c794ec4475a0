namespace LeadAnalytics.Reporting;

/// <summary>How <see cref="HtmlReportWriter"/> lays out a report.</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed class HtmlReportOptions
{
    /// <summary>The defaults.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>The page title and heading; <see langword="null"/> (the default) for "Lead conversion report" in the
    /// page's language (线索转化报告 in Chinese).</summary>
    public string? Title { get; init; }

    /// <summary>A line under the heading after the as-of date and lead count, for example "leads.csv, exported 2024-01-15"; none by default.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The page language (BCP 47): the <c>lang</c> attribute (browsers pick CJK glyph variants by it) and the
    /// language of every heading, caption, table header, chart label, status and finding. "en" by default; "zh-CN" (or
    /// "zh", any "zh-*") writes the whole report in Simplified Chinese with dates as 2024年1月15日. Text from the data
    /// (channel names, loss reasons, a custom pipeline's stage names) is shown as it is.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Chart size and limits. The charts are drawn in <see cref="Language"/>, whatever
    /// <see cref="ChartOptions.Language"/> says.</summary>
    public ChartOptions Charts { get; init; } = ChartOptions.Default;

    /// <summary>The most segments a table lists (the channel table and the time-to-convert table): the largest by leads
    /// (ties by label), the rest summed in one "(other)" row of counts and money, with a sentence saying how many were
    /// folded. 20 by default; at least 1. Charts have their own limit (<see cref="ChartOptions.MaxSegments"/>); the JSON
    /// output always has every segment.</summary>
    public int MaxTableSegments { get; init; } = 20;

    /// <summary>Days at which the time-to-convert table reads the cumulative incidence of won and lost. 30 and 90 by default.</summary>
    public IReadOnlyList<double> IncidenceDays { get; init; } = new[] { 30.0, 90.0 };

    /// <summary>How the time-to-convert section draws the won curves by segment: the cumulative incidence of won (the
    /// default; the share of leads won by each day, lost leads counted as lost) or Kaplan-Meier "not yet won" curves.</summary>
    public WonCurve WonCurve { get; init; } = WonCurve.CumulativeIncidence;
}

/// <summary>The won curves of a report's time-to-convert section.</summary>
public enum WonCurve
{
    /// <summary>The cumulative incidence of won (Aalen-Johansen, lost as a competing outcome) per segment: where a curve
    /// levels off is the share of the segment's leads that is won. The reading people expect; the default.</summary>
    CumulativeIncidence = 0,

    /// <summary>Kaplan-Meier "not yet won" curves per segment, lost leads censored at the loss: a speed, not a share.
    /// 1 − curve is the conversion if no lead could be lost, far above the share actually won; the caption says so.</summary>
    KaplanMeier = 1,
}
