using System.Globalization;
using System.Text;

namespace LeadAnalytics.Reporting.Svg;

/// <summary>
/// Writes one well-formed SVG document: elements, attributes and text, every value escaped, numbers in the invariant
/// culture with at most two decimals (a hundredth of a pixel is below what a screen shows and keeps the file small).
/// </summary>
/// <remarks>The output is also well-formed XML, so it can be embedded in an XHTML-compatible page and parsed back by
/// tests. Not thread-safe.</remarks>
internal sealed class SvgBuilder
{
    internal const string Namespace = "http://www.w3.org/2000/svg";

    private readonly StringBuilder _text = new();
    private readonly Stack<string> _open = new();

    /// <summary>Starts an SVG of the given size, with an accessible title (shown as a tooltip, read by screen readers).</summary>
    public SvgBuilder(double width, double height, string title, string chartKind)
    {
        Width = width;
        Height = height;
        Open(
            "svg",
            ("xmlns", Namespace),
            ("class", "la-chart " + chartKind),
            ("width", Number(width)),
            ("height", Number(height)),
            ("viewBox", "0 0 " + Number(width) + " " + Number(height)),
            ("role", "img"),
            ("font-family", FontStack.Svg),
            ("font-size", "12"));
        Element("title", title);
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Opens an element that will hold children; close it with <see cref="Close"/>.</summary>
    public SvgBuilder Open(string name, params (string Name, object? Value)[] attributes)
    {
        StartTag(name, attributes);
        _text.Append('>');
        _open.Push(name);
        return this;
    }

    /// <summary>Closes the innermost open element.</summary>
    public SvgBuilder Close()
    {
        _text.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element without children.</summary>
    public SvgBuilder Empty(string name, params (string Name, object? Value)[] attributes)
    {
        StartTag(name, attributes);
        _text.Append("/>");
        return this;
    }

    /// <summary>An element holding text only.</summary>
    public SvgBuilder Element(string name, string text, params (string Name, object? Value)[] attributes)
    {
        StartTag(name, attributes);
        _text.Append('>');
        Escape(_text, text);
        _text.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>A text element at (x, y).</summary>
    public SvgBuilder Text(double x, double y, string text, params (string Name, object? Value)[] attributes)
    {
        var all = new (string, object?)[attributes.Length + 2];
        all[0] = ("x", x);
        all[1] = ("y", y);
        Array.Copy(attributes, 0, all, 2, attributes.Length);
        return Element("text", text, all);
    }

    /// <summary>Closes every open element and returns the document.</summary>
    public string Build()
    {
        while (_open.Count > 0)
        {
            Close();
        }

        return _text.ToString();
    }

    /// <summary>A coordinate or length: invariant culture, at most two decimals, no exponent, no negative zero.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            // A chart never draws an undefined value; reaching here is a bug, not data.
            throw new ArgumentOutOfRangeException(nameof(value), value, "A drawn coordinate must be finite.");
        }

        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes text for XML content and attribute values (both quote kinds, so either delimiter is safe).</summary>
    public static void Escape(StringBuilder target, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': target.Append("&amp;"); break;
                case '<': target.Append("&lt;"); break;
                case '>': target.Append("&gt;"); break;
                case '"': target.Append("&quot;"); break;
                case '\'': target.Append("&#39;"); break;
                default:
                    // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
                    if (c < ' ' && c != '\t' && c != '\n' && c != '\r')
                    {
                        target.Append('\uFFFD');
                    }
                    else
                    {
                        target.Append(c);
                    }

                    break;
            }
        }
    }

    private void StartTag(string name, (string Name, object? Value)[] attributes)
    {
        _text.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _text.Append(' ').Append(attribute).Append("=\"");
            switch (value)
            {
                case double d: _text.Append(Number(d)); break;
                case int i: _text.Append(i.ToString(CultureInfo.InvariantCulture)); break;
                case long l: _text.Append(l.ToString(CultureInfo.InvariantCulture)); break;
                case IFormattable f: Escape(_text, f.ToString(null, CultureInfo.InvariantCulture)); break;
                default: Escape(_text, value.ToString() ?? string.Empty); break;
            }

            _text.Append('"');
        }
    }
}
