namespace LeadAnalytics.Reporting.Svg;

/// <summary>Estimates how wide a label is drawn, to lay charts out without a font engine: East Asian characters take
/// about one em, Latin letters and digits a little over half. Errs wide, so labels never overlap bars.</summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize)
    {
        var ems = 0.0;
        foreach (var c in text)
        {
            ems += c >= 0x2E80 && c <= 0xFFEF ? 1.0
                : char.IsUpper(c) || c == 'm' || c == 'w' || c == '%' ? 0.72
                : c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' || c == '|' ? 0.32
                : 0.62;
        }

        return ems * fontSize;
    }

    /// <summary>Cuts a label to fit a width, ending it with an ellipsis; the full text goes in a tooltip.</summary>
    public static string Fit(string text, double fontSize, double maxWidth)
    {
        if (Width(text, fontSize) <= maxWidth)
        {
            return text;
        }

        var end = text.Length;
        while (end > 1 && Width(text.Substring(0, end) + "…", fontSize) > maxWidth)
        {
            end--;
        }

        return text.Substring(0, end) + "…";
    }
}
