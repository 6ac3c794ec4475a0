using System.Globalization;
using System.Text;
using LeadAnalytics.Statistics;

namespace CrmEmbedding;

/// <summary>Plain-text tables for the console, padded by display width so Chinese channel names line up.</summary>
internal static class Print
{
    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('-', Width(title)));
    }

    public static void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        foreach (var row in all)
        {
            var line = new StringBuilder("  ");
            for (var i = 0; i < row.Count; i++)
            {
                var pad = new string(' ', widths[i] - Width(row[i]));
                line.Append(i == 0 ? row[i] + pad : pad + row[i]).Append("  ");
            }

            Console.WriteLine(line.ToString().TrimEnd());
        }
    }

    public static string Percent(double? v) => v is { } x ? (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Rate(Rate r) => r.Value is null ? "n/a" : $"{Percent(r.Value)} [{Percent(r.Lower)}, {Percent(r.Upper)}]";

    public static string Money(decimal? v) => v is { } x ? x.ToString("#,0.##", CultureInfo.InvariantCulture) : "n/a";

    public static string Count(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static int Width(string s)
    {
        var w = 0;
        foreach (var c in s)
        {
            w += c >= 0x2E80 && c <= 0xFFEF ? 2 : 1;
        }

        return w;
    }
}
