using System.Globalization;
using System.Text;
using LeadAnalytics.Statistics;

namespace QuickStart;

/// <summary>Plain-text tables for the console: columns padded by display width, so Chinese labels line up.</summary>
internal static class Report
{
    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('=', Width(title)));
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

        for (var r = 0; r < all.Count; r++)
        {
            var line = new StringBuilder();
            for (var i = 0; i < all[r].Count; i++)
            {
                var cell = all[r][i];
                var pad = new string(' ', widths[i] - Width(cell));
                // Text left, numbers right.
                line.Append(i == 0 ? cell + pad : pad + cell).Append(i < all[r].Count - 1 ? "  " : string.Empty);
            }

            Console.WriteLine(line.ToString().TrimEnd());
            if (r == 0)
            {
                Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    public static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal) : "n/a";

    public static string Rate(Rate rate) =>
        rate.Value is null ? "n/a" : $"{Percent(rate.Value)} [{Percent(rate.Lower)}, {Percent(rate.Upper)}]";

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    public static string Money(decimal? value) => value is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture) : "n/a";

    public static string P(double? p) => p is not { } v ? "n/a" : v < 0.0001 ? "< 0.0001" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    // East Asian characters take two columns in a terminal.
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
