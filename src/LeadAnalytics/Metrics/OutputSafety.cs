using System.Text;

namespace LeadAnalytics.Metrics;

/// <summary>
/// What every output does with text that came from a data file, so that nothing in it acts on the reader's tools
/// (docs/security.md):
/// <list type="bullet">
/// <item><see cref="NeutraliseFormula"/>: a spreadsheet cell (CSV, .xlsx) whose text starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe (OWASP's rule for CSV injection), so Excel,
/// WPS and LibreOffice show it as text instead of running it as a formula. Only text cells: numbers are never changed.</item>
/// <item><see cref="EscapeControls"/>: text printed for a person (tables, warnings, messages) shows control characters
/// (C0, DEL, C1) and bidirectional controls (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C) as visible
/// escapes (<c>\x1B</c>, <c>\u202E</c>), as <c>ls</c> and <c>git</c> do, so a lead id cannot retitle, clear or
/// reorder the reader's terminal. JSON needs neither: its writer escapes control characters itself.</item>
/// </list>
/// Thread-safe.
/// </summary>
public static class OutputSafety
{
    /// <summary>Whether a text cell would be read as a formula by a spreadsheet.</summary>
    /// <param name="text">The cell's text.</param>
    /// <returns><see langword="true"/> when it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return.</returns>
    public static bool LooksLikeFormula(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A text cell that a spreadsheet shows as text: the text with a leading apostrophe when it
    /// <see cref="LooksLikeFormula"/>, else unchanged. Apply it to text cells only, never to numbers.</summary>
    /// <param name="text">The cell's text.</param>
    /// <returns>The safe text.</returns>
    public static string NeutraliseFormula(string? text) =>
        text is null ? string.Empty : LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>Whether a character is shown escaped by <see cref="EscapeControls"/>.</summary>
    /// <param name="ch">The character.</param>
    /// <returns><see langword="true"/> for C0, DEL, C1 and bidirectional controls.</returns>
    public static bool IsUnsafeForTerminal(char ch) =>
        ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069')
        || ch is '\u200E' or '\u200F' or '\u061C';

    /// <summary>The text with every control character shown as a visible escape (<c>\x1B</c>, <c>\x07</c>, <c>\x9B</c>,
    /// <c>\u202E</c>); everything else unchanged.</summary>
    /// <param name="text">Text for a person.</param>
    /// <returns>The safe text (the same instance when nothing needed escaping).</returns>
    public static string EscapeControls(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafeForTerminal(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var ch = text[i];
            if (!IsUnsafeForTerminal(ch))
            {
                sb.Append(ch);
            }
            else if (ch <= 0xFF)
            {
                sb.Append("\\x").Append(((int)ch).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\u").Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
