using System.Text;

namespace LeadAnalytics.Csv;

/// <summary>Header matching: a header and an alias match when their keys are equal. The key is the header in NFKC (full-width
/// brackets and letters become ASCII), without white space, underscores, hyphens and a trailing unit in brackets
/// (成交金额(元), 成交金额（元）, 转化时长(天)), in lower case.</summary>
internal static class HeaderNames
{
    public static string Key(string header)
    {
        var s = header.Replace("\uFEFF", string.Empty).Trim();
        try
        {
            s = s.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Invalid surrogates: match as written.
        }

        var open = s.LastIndexOf('(');
        if (open > 0 && s.EndsWith(")", StringComparison.Ordinal))
        {
            s = s.Substring(0, open);
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '_' && c != '-')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    public static Dictionary<string, TField> Table<TField>(params (TField Field, string[] Aliases)[] entries)
    {
        var table = new Dictionary<string, TField>(StringComparer.Ordinal);
        foreach (var (field, aliases) in entries)
        {
            foreach (var alias in aliases)
            {
                table[Key(alias)] = field;
            }
        }

        return table;
    }
}
