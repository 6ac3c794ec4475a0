using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeadAnalytics.Csv;

namespace LeadAnalytics.Cli;

/// <summary>Option values the command-line parser cannot type by itself. A malformed value is a usage error (exit 2).</summary>
internal static partial class ValueParsers
{
    private static readonly string[] LocalFormats =
    {
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    };

    [GeneratedRegex(@"(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"^(UTC|GMT)?([+-])(\d{1,2})(:?(\d{2}))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FixedOffset();

    /// <summary>An instant: an ISO date (midnight starting the day) or date and time, local to <paramref name="zone"/>
    /// unless it carries an offset or Z, or any other form a CSV cell may hold (2024/1/15, 2024年1月15日 ...), in the years the
    /// readers accept.</summary>
    public static DateTimeOffset Instant(string text, TimeZoneInfo zone, string option) => Instant(text, zone, option, out _);

    public static DateTimeOffset Instant(string text, TimeZoneInfo zone, string option, out bool hasTime)
    {
        text = text.Trim();
        bool parsed;
        DateTimeOffset value;
        try
        {
            parsed = TryInstant(text, zone, out value, out hasTime);
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01 in a zone east of UTC falls before year 1: out of range like any other implausible year.
            throw CliException.Usage($"{option}: '{text}' is outside the years {CsvValues.FirstYear} to {CsvValues.EndYear - 1} the tool accepts.");
        }

        if (!parsed)
        {
            throw CliException.Usage($"{option}: '{text}' is not a date or instant (use 2024-01-15, 2024/1/15, 2024-01-15T18:00 or 2024-01-15T18:00+08:00).");
        }

        if (!CsvValues.IsPlausible(value))
        {
            throw CliException.Usage($"{option}: '{text}' is outside the years {CsvValues.FirstYear} to {CsvValues.EndYear - 1} the tool accepts.");
        }

        return value;
    }

    private static bool TryInstant(string text, TimeZoneInfo zone, out DateTimeOffset value, out bool hasTime)
    {
        hasTime = text.Length > 10;
        if (hasTime && OffsetSuffix().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            value = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }

        // Every other form the CSV reader accepts, so an instant copied from a cell works as an option value too.
        try
        {
            return CsvValues.TryParseInstant(text, zone, out value, out hasTime);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException)
        {
            value = default;
            return false;
        }
    }

    public static TimeZoneInfo TimeZone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CsvReadOptions.ChinaStandardTime;
        }

        text = text.Trim();
        if (text.Equals("UTC", StringComparison.OrdinalIgnoreCase) || text == "Z")
        {
            return TimeZoneInfo.Utc;
        }

        var m = FixedOffset().Match(text);
        if (m.Success)
        {
            var hours = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups[5].Success ? int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture) : 0;
            var offset = new TimeSpan(hours, minutes, 0);
            if (m.Groups[2].Value == "-")
            {
                offset = -offset;
            }

            if (offset.Duration() > TimeSpan.FromHours(14) || minutes >= 60)
            {
                throw CliException.Usage($"--time-zone: '{text}' is not an offset within ±14:00.");
            }

            var id = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw CliException.Usage($"--time-zone: '{text}' is neither a time zone this machine knows (for example Asia/Shanghai) nor an offset (+08:00).");
        }
    }

    public static Encoding? TextEncoding(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "UTF-8":
            case "UTF8":
                return CsvEncodings.Utf8;
            case "GB18030":
            case "GBK":
            case "GB2312":
            case "CP936":
                return CsvEncodings.Gb18030;
        }

        _ = CsvEncodings.Gb18030; // registers the code-pages provider, so Windows code pages resolve by name
        try
        {
            return System.Text.Encoding.GetEncoding(text.Trim());
        }
        catch (ArgumentException)
        {
            throw CliException.Usage($"--encoding: '{text}' is not an encoding this machine knows (utf-8, gb18030, ...).");
        }
    }

    public static Currency? CurrencyCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return global::LeadAnalytics.Currency.TryFromCode(text.Trim().ToUpperInvariant(), out var currency)
            ? currency
            : throw CliException.Usage($"--currency: '{text}' is not an ISO 4217 code this library knows (CNY, USD, EUR, BRL, ...).");
    }

    /// <summary>The longest span in days an option takes: a hundred years.</summary>
    public const double MaxDays = 36_500;

    public static TimeSpan Days(double days, string option, bool allowZero)
    {
        // Below a second a span is zero to the engines (instants are kept to the second), so "above 0" means at least a second.
        const double second = 1.0 / 86_400;
        if (double.IsNaN(days) || double.IsInfinity(days) || days < 0 || (!allowZero && days < second) || (allowZero && days > 0 && days < second) || days > MaxDays)
        {
            var range = allowZero ? "0 (off) or from one second (0.0000116) to 36,500" : "from one second (0.0000116) to 36,500";
            throw CliException.Usage($"{option}: {days.ToString(CultureInfo.InvariantCulture)} is not a number of days {range}.");
        }

        return TimeSpan.FromDays(days);
    }

    private static readonly (string Name, global::LeadAnalytics.Dimension Dimension)[] DimensionNames =
    {
        ("channel", global::LeadAnalytics.Dimension.Channel), ("strategy", global::LeadAnalytics.Dimension.Strategy), ("content", global::LeadAnalytics.Dimension.Content), ("industry", global::LeadAnalytics.Dimension.Industry),
        ("owner", global::LeadAnalytics.Dimension.Owner), ("customer-type", global::LeadAnalytics.Dimension.CustomerType), ("customertype", global::LeadAnalytics.Dimension.CustomerType), ("tag", global::LeadAnalytics.Dimension.Tag),
    };

    public static string DimensionList => "channel, strategy, content, industry, owner, customer-type, tag";

    public static Dimension ParseDimension(string text, string option)
    {
        var key = text.Trim().ToLowerInvariant().Replace('_', '-');
        foreach (var (name, dimension) in DimensionNames)
        {
            if (name == key)
            {
                return dimension;
            }
        }

        throw CliException.Usage($"{option}: '{text}' is not a dimension ({DimensionList}).");
    }

    public static IReadOnlyList<global::LeadAnalytics.Dimension> Dimensions(string? text, string option, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Array.Empty<global::LeadAnalytics.Dimension>();
        }

        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > max)
        {
            throw CliException.Usage($"{option}: at most {max} dimension{(max == 1 ? string.Empty : "s")}, found {parts.Length}.");
        }

        var list = parts.Select(p => ParseDimension(p, option)).ToList();
        if (list.Distinct().Count() != list.Count)
        {
            throw CliException.Usage($"{option}: a dimension is named twice.");
        }

        return list;
    }

    public static string Name(global::LeadAnalytics.Dimension dimension) => dimension == global::LeadAnalytics.Dimension.CustomerType ? "customer-type" : dimension.ToString().ToLowerInvariant();
}
