using System.Text;
using LeadAnalytics.Reporting.Svg;

namespace LeadAnalytics.Reporting.Html;

/// <summary>Writes HTML that is also well-formed XML (void elements self-closed, only the five XML escapes), so the
/// page opens in any browser and mail client and tests can parse it with System.Xml.Linq.</summary>
internal sealed class HtmlText
{
    private readonly StringBuilder _html = new();

    public HtmlText Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlText Text(string text)
    {
        SvgBuilder.Escape(_html, text);
        return this;
    }

    /// <summary>An element holding text, with optional class.</summary>
    public HtmlText Element(string name, string text, string? cssClass = null)
    {
        Open(name, cssClass);
        Text(text);
        return Close(name);
    }

    public HtmlText Open(string name, string? cssClass = null, string? id = null)
    {
        _html.Append('<').Append(name);
        Attribute("class", cssClass);
        Attribute("id", id);
        _html.Append('>');
        return this;
    }

    public HtmlText Close(string name)
    {
        _html.Append("</").Append(name).Append('>');
        return this;
    }

    public HtmlText Line()
    {
        _html.Append('\n');
        return this;
    }

    /// <summary>A table: a header row and body rows; the first column is text, the others numbers (right-aligned). The
    /// table sits in a box that scrolls sideways when it is wider than its card, so it never overflows the page.</summary>
    public HtmlText Table(string cssClass, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Open("div", "table-wrap").Open("table", cssClass).Open("thead").Open("tr");
        foreach (var h in header)
        {
            Element("th", h);
        }

        Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            Open("tr");
            foreach (var cell in row)
            {
                Element("td", cell);
            }

            Close("tr").Line();
        }

        return Close("tbody").Close("table").Close("div").Line();
    }

    public override string ToString() => _html.ToString();

    private void Attribute(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        _html.Append(' ').Append(name).Append("=\"");
        SvgBuilder.Escape(_html, value);
        _html.Append('"');
    }
}
