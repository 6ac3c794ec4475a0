namespace LeadAnalytics.Reporting.Svg;

/// <summary>The fonts charts and pages ask for: the platform's UI font first, then CJK fonts by platform so that
/// Chinese channel names and loss reasons render on Windows, macOS, Linux and Android alike.</summary>
internal static class FontStack
{
    // Single quotes so that the value can sit inside a double-quoted SVG attribute and in CSS unchanged.
    public const string Css =
        "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, " +
        "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', " +
        "'Source Han Sans SC', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', sans-serif";

    public const string Svg = Css;
}
