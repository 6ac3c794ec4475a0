namespace LeadAnalytics.Reporting.Svg;

/// <summary>Series colours (Tableau 10, distinguishable with the common colour-vision deficiencies) and the few
/// fixed colours charts share.</summary>
internal static class Palette
{
    private static readonly string[] Series =
    {
        "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac", "#e15759",
    };

    public const string Won = "#2e7d32";
    public const string Lost = "#c62828";
    public const string Bottleneck = "#c62828";
    public const string Bar = "#4e79a7";
    public const string Axis = "#555555";
    public const string Grid = "#e3e3e3";
    public const string Text = "#222222";
    public const string Muted = "#666666";

    public static string Color(int index) => Series[index % Series.Length];
}
