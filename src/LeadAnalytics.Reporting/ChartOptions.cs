namespace LeadAnalytics.Reporting;

/// <summary>Size and content limits of the SVG charts.</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed class ChartOptions
{
    /// <summary>The defaults.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>Chart width in pixels (CSS pixels; the SVG scales down on narrow screens). 760 by default; at least 320.</summary>
    public double Width { get; init; } = 760;

    /// <summary>At most this many segments (channels) get their own curve or row, the largest by leads first; 8 by default.</summary>
    public int MaxSegments { get; init; } = 8;

    /// <summary>At most this many bars in a Pareto chart (the most frequent first); 10 by default.</summary>
    public int MaxBars { get; init; } = 10;

    /// <summary>The last day drawn on time axes; <see langword="null"/> (the default) draws up to the last event of the
    /// curves shown.</summary>
    public double? HorizonDays { get; init; }

    /// <summary>The language of titles, axes, legends and tooltips (BCP 47): "en" by default; "zh", "zh-CN" or any
    /// "zh-*" draws them in Simplified Chinese. Text from the data is drawn as it is.</summary>
    public string Language { get; init; } = "en";

    internal double CheckedWidth => Math.Max(320, Width);

    internal ReportText Text => ReportText.For(Language);

    /// <summary>These options in another language (the report's charts follow the page's language).</summary>
    internal ChartOptions WithLanguage(string language) => new()
    {
        Width = Width,
        MaxSegments = MaxSegments,
        MaxBars = MaxBars,
        HorizonDays = HorizonDays,
        Language = language,
    };
}
