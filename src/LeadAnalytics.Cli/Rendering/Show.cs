using System.Globalization;
using LeadAnalytics.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LeadAnalytics.Cli.Rendering;

/// <summary>How numbers look in tables: invariant culture, percentages with one decimal, "–" for undefined.</summary>
internal static class Show
{
    public const string Undefined = "–";

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double? p) => p is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Undefined;

    public static string Rate(Rate r) => r.Value is null ? Undefined : Percent(r.Value);

    public static string RateWithInterval(Rate r) =>
        r.Value is null ? Undefined : $"{Percent(r.Value)} [{Percent(r.Lower)}, {Percent(r.Upper)}]";

    public static string Days(double? d) => d is { } v && !double.IsNaN(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) : Undefined;

    public static string Days(TimeSpan? t) => t is { } v ? Days(v.TotalDays) : Undefined;

    public static string Number(double? d, string format = "0.00") => d is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : Undefined;

    public static string Money(decimal amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string PValue(double? p) => p switch
    {
        null => Undefined,
        < 0.001 => "< 0.001",
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public static string Instant(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static Table NewTable(string? title = null)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(Markup.Escape(title));
        }

        return table;
    }

    public static void Columns(Table table, params string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(new Text(headers[i]));
            if (i > 0)
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }
    }

    public static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    public static void Heading(IAnsiConsole console, string text)
    {
        console.WriteLine();
        console.Write(new Rule(Markup.Escape(text)).LeftJustified());
    }

    public static void Line(IAnsiConsole console, string text) => console.WriteLine(text);
}
