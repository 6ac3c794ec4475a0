using System.Globalization;
using System.Text;

namespace LeadAnalytics.Csv;

/// <summary>Reads the cell formats real tracking tables use: dates with or without time and offset, amounts with
/// thousands separators, currency symbols and 万 (x10,000), numbers. Every method is total: it returns false, never throws.</summary>
internal static class CsvValues
{
    // Only the Chinese form goes through DateTime.TryParseExact; the numeric forms have a direct parser (ten times faster, and
    // the reader parses several dates per row).
    private static readonly string[] ChineseFormats = { "yyyy年M月d日", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy年M月d日 H:mm:ss", "yyyy年M月d日H:mm:ss" };

    /// <summary>The largest amount the readers accept, in currency units: one trillion. Larger values are typos or unit faults
    /// (and their minor units, summed over millions of rows, would overflow the table's 64-bit columns).</summary>
    internal const decimal MaxAmount = 1_000_000_000_000m;

    internal static bool IsTooLarge(decimal amount) => Math.Abs(amount) > MaxAmount;

    internal static string TooLarge(string raw) =>
        $"'{raw.Trim()}' is larger than the largest amount the reader accepts (1,000,000,000,000).";

    /// <summary>The first year of an instant the readers accept (earlier dates are typos: CRM lead data begins long after).</summary>
    internal const int FirstYear = 1970;

    /// <summary>The year after the last year the readers accept.</summary>
    internal const int EndYear = 2100;

    /// <summary>Whether an instant lies in the years the readers accept, 1970 to 2099: a date outside them (2203 for 2023, 1900, 9999)
    /// is a typo, rejected with its file, line and column rather than stretching every time column of the table.</summary>
    internal static bool IsPlausible(DateTimeOffset value) => value.UtcDateTime.Year >= FirstYear && value.UtcDateTime.Year < EndYear;

    internal static string Implausible(string raw) =>
        $"'{raw.Trim()}' is outside the years {FirstYear} to {EndYear - 1} the reader accepts (a typo?).";

    /// <summary>Reads an instant: <c>2023-10-01</c>, <c>2023/10/1 14:30</c>, <c>2023.10.1</c>, ISO 8601 (<c>2023-10-01T14:30:00+08:00</c>,
    /// <c>...Z</c>, fractions of a second, offsets <c>+08</c>, <c>+0800</c>, <c>+08:00</c>) or <c>2023年10月1日 14:30</c>. A date without
    /// time is midnight; text without an offset is local time in <paramref name="zone"/>.</summary>
    /// <param name="text">The cell.</param>
    /// <param name="zone">The zone of local times.</param>
    /// <param name="value">The instant.</param>
    /// <param name="hasTime">Whether the text had a time of day.</param>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParseInstant(string text, TimeZoneInfo zone, out DateTimeOffset value, out bool hasTime) =>
        TryParseInstant(text.AsSpan(), zone, null, out value, out hasTime);

    /// <summary>Reads an instant from characters (see <see cref="TryParseInstant(string, TimeZoneInfo, out DateTimeOffset, out bool)"/>),
    /// allocating nothing for the numeric forms.</summary>
    /// <param name="text">The cell.</param>
    /// <param name="zone">The zone of local times.</param>
    /// <param name="fixedOffset">The zone's offset when it has a single one (no adjustment rules), to skip the zone lookup.</param>
    /// <param name="value">The instant.</param>
    /// <param name="hasTime">Whether the text had a time of day.</param>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParseInstant(ReadOnlySpan<char> text, TimeZoneInfo zone, TimeSpan? fixedOffset, out DateTimeOffset value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        DateTime local;
        TimeSpan? offset = null;
        var s = text;
        if (s.Length is 16 or 19 && TryParseTemplateForm(s, out local))
        {
            // The template's own form, 2023-10-01 14:30 (or with seconds), read at once; the same value as the general reading below.
            hasTime = true;
        }
        else if ((s = RowBatch.Trim(text)).Length == 0 || s.Length > 64)
        {
            return false;
        }
        else if (s.IndexOf('年') > 0)
        {
            var str = s.ToString();
            if (!DateTime.TryParseExact(str, ChineseFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            {
                return false;
            }

            hasTime = str.IndexOf(':') > 0;
        }
        else if (!TryParseNumeric(s, out local, out offset, out hasTime))
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(local, offset ?? fixedOffset ?? zone.GetUtcOffset(local));
            return true;
        }
        catch (ArgumentException)
        {
            // The UTC instant falls outside DateTimeOffset's range (year 1 with a positive offset, year 9999 with a negative one).
            return false;
        }
    }

    // yyyy-MM-dd HH:mm or yyyy-MM-dd HH:mm:ss exactly (no spaces around, two-digit fields), as TryParseNumeric reads it.
    private static bool TryParseTemplateForm(ReadOnlySpan<char> s, out DateTime local)
    {
        local = default;
        if (s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || (s.Length == 19 && s[16] != ':'))
        {
            return false;
        }

        var year = (Digit(s[0]) * 1000) + (Digit(s[1]) * 100) + (Digit(s[2]) * 10) + Digit(s[3]);
        var month = (Digit(s[5]) * 10) + Digit(s[6]);
        var day = (Digit(s[8]) * 10) + Digit(s[9]);
        var hour = (Digit(s[11]) * 10) + Digit(s[12]);
        var minute = (Digit(s[14]) * 10) + Digit(s[15]);
        var second = s.Length == 19 ? (Digit(s[17]) * 10) + Digit(s[18]) : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59
            || second is < 0 or > 59)
        {
            return false;
        }

        local = Local(year, month, day, hour, minute, second, 0);
        return true;
    }

    // A digit's value, or a negative number large enough that any field holding a non-digit is out of range.
    private static int Digit(char c) => (uint)(c - '0') <= 9 ? c - '0' : -100_000;

    /// <summary>The offset of a zone that has only one (no adjustment rules), else null.</summary>
    public static TimeSpan? FixedOffsetOf(TimeZoneInfo zone) => zone.GetAdjustmentRules().Length == 0 ? zone.BaseUtcOffset : null;

    private static bool TryParseNumeric(ReadOnlySpan<char> s, out DateTime local, out TimeSpan? offset, out bool hasTime)
    {
        local = default;
        offset = null;
        hasTime = false;
        var i = 0;
        if (!Digits(s, ref i, 4, 4, out var year) || i >= s.Length)
        {
            return false;
        }

        var separator = s[i];
        if (separator is not ('-' or '/' or '.'))
        {
            return false;
        }

        i++;
        if (!Digits(s, ref i, 1, 2, out var month) || i >= s.Length || s[i] != separator)
        {
            return false;
        }

        i++;
        if (!Digits(s, ref i, 1, 2, out var day) || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        if (i < s.Length)
        {
            if (s[i] is not ('T' or 't' or ' '))
            {
                return false;
            }

            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            if (i < s.Length && s[i] is 'T' or 't')
            {
                i++;
            }

            if (!Digits(s, ref i, 1, 2, out hour) || i >= s.Length || s[i] != ':')
            {
                return false;
            }

            i++;
            if (!Digits(s, ref i, 2, 2, out minute))
            {
                return false;
            }

            if (i < s.Length && s[i] == ':')
            {
                i++;
                if (!Digits(s, ref i, 2, 2, out second))
                {
                    return false;
                }

                if (i < s.Length && s[i] is '.' or ',')
                {
                    i++;
                    var start = i;
                    if (!Digits(s, ref i, 1, 7, out var fraction))
                    {
                        return false;
                    }

                    ticks = fraction;
                    for (var k = i - start; k < 7; k++)
                    {
                        ticks *= 10;
                    }
                }
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            hasTime = true;
            if (i < s.Length)
            {
                if (s[i] is 'Z' or 'z' && i + 1 == s.Length)
                {
                    offset = TimeSpan.Zero;
                    i++;
                }
                else if (s[i] is '+' or '-')
                {
                    var negative = s[i] == '-';
                    i++;
                    if (!Digits(s, ref i, 2, 2, out var oh))
                    {
                        return false;
                    }

                    var om = 0;
                    if (i < s.Length)
                    {
                        if (s[i] == ':')
                        {
                            i++;
                        }

                        if (!Digits(s, ref i, 2, 2, out om))
                        {
                            return false;
                        }
                    }

                    if (oh > 14 || om > 59 || (oh == 14 && om > 0))
                    {
                        return false;
                    }

                    offset = new TimeSpan(negative ? -oh : oh, negative ? -om : om, 0);
                }
            }
        }

        if (i != s.Length)
        {
            return false;
        }

        local = Local(year, month, day, hour, minute, second, ticks);
        return true;
    }

    // Ticks straight from checked calendar fields: the same value as new DateTime(...).AddTicks(ticks), without its checks.
    private static DateTime Local(int year, int month, int day, int hour, int minute, int second, long ticks) =>
        new((DaysFromYearStart(year, month) + day - 1 + DaysBeforeYear(year)) * TimeSpan.TicksPerDay
            + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + ticks);

    private static readonly int[] DaysToMonth365 = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

    private static long DaysBeforeYear(int year)
    {
        var y = year - 1;
        return (y * 365L) + (y / 4) - (y / 100) + (y / 400);
    }

    private static int DaysFromYearStart(int year, int month) =>
        DaysToMonth365[month - 1] + (month > 2 && DateTime.IsLeapYear(year) ? 1 : 0);

    private static bool Digits(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && s[i] is >= '0' and <= '9')
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i - start >= min;
    }

    /// <summary>Reads the plain form of an amount without allocating: an optional minus, digits, optionally a point and more
    /// digits (18 digits at most). Gives the same value and scale as <see cref="TryParseAmount"/> for that form; anything else
    /// (separators, symbols, currencies, 万) returns false and goes to <see cref="TryParseAmount"/>.</summary>
    public static bool TryParsePlainAmount(ReadOnlySpan<char> text, out decimal amount)
    {
        amount = 0m;
        var s = RowBatch.Trim(text);
        var i = 0;
        var negative = s.Length > 0 && s[0] == '-';
        if (negative)
        {
            i++;
        }

        long mantissa = 0;
        int digits = 0, scale = 0;
        var point = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (c - '0');
                scale += point ? 1 : 0;
            }
            else if (c == '.' && !point && digits > 0)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || (point && scale == 0))
        {
            return false;
        }

        var value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, (byte)scale);
        amount = negative ? -value : value;
        return true;
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static readonly (string Symbol, string? Code)[] Prefixes =
    {
        ("US$", "USD"), ("R$", "BRL"), ("HK$", "HKD"), ("NT$", "TWD"), ("$", "USD"), ("¥", null), ("€", "EUR"), ("£", "GBP"),
    };

    /// <summary>Reads an amount such as <c>50,000</c>, <c>¥50,000</c>, <c>50000.00</c>, <c>5万</c>, <c>50万元</c>, <c>USD 1,200.50</c>
    /// or <c>3000 USD</c>.</summary>
    /// <param name="text">The cell.</param>
    /// <param name="rowCurrency">The row's currency, used only to read the ambiguous ¥ (yen when the row is in JPY, else yuan).</param>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency the text names, or <see langword="null"/> when it names none.</param>
    /// <returns>Whether the text is an amount.</returns>
    public static bool TryParseAmount(string text, Currency? rowCurrency, out decimal amount, out Currency? currency)
    {
        amount = 0m;
        currency = null;
        var s = Normalize(text);
        if (s.Length == 0 || s.Length > 64)
        {
            return false;
        }

        var negative = false;
        if (s[0] == '-')
        {
            negative = true;
            s = s.Substring(1).TrimStart();
        }

        foreach (var (symbol, code) in Prefixes)
        {
            if (s.StartsWith(symbol, StringComparison.Ordinal))
            {
                currency = code is null ? (rowCurrency is { Code: "JPY" } ? rowCurrency : Currency.CNY) : Currency.FromCode(code);
                s = s.Substring(symbol.Length).TrimStart();
                break;
            }
        }

        if (currency is null && s.Length > 3 && IsLetters(s, 0, 3) && !char.IsLetter(s[3]))
        {
            if (!Currency.TryFromCode(s.Substring(0, 3), out var c))
            {
                return false;
            }

            currency = c;
            s = s.Substring(3).TrimStart();
        }

        if (!negative && s.Length > 0 && s[0] == '-')
        {
            negative = true;
            s = s.Substring(1).TrimStart();
        }

        decimal multiplier = 1m;
        if (s.EndsWith("元", StringComparison.Ordinal))
        {
            if (currency is { } named && named != Currency.CNY)
            {
                return false;
            }

            currency = Currency.CNY;
            s = s.Substring(0, s.Length - 1).TrimEnd();
        }
        else if (currency is null && s.Length > 3 && IsLetters(s, s.Length - 3, 3) && !char.IsLetter(s[s.Length - 4]))
        {
            if (!Currency.TryFromCode(s.Substring(s.Length - 3), out var c))
            {
                return false;
            }

            currency = c;
            s = s.Substring(0, s.Length - 3).TrimEnd();
        }

        if (s.EndsWith("万", StringComparison.Ordinal))
        {
            multiplier = 10_000m;
            s = s.Substring(0, s.Length - 1).TrimEnd();
        }
        else if (s.EndsWith("亿", StringComparison.Ordinal))
        {
            multiplier = 100_000_000m;
            s = s.Substring(0, s.Length - 1).TrimEnd();
        }

        if (!TryParseDecimal(s, out var value))
        {
            return false;
        }

        try
        {
            amount = value * multiplier;
        }
        catch (OverflowException)
        {
            return false;
        }

        if (negative)
        {
            amount = -amount;
        }

        return true;
    }

    /// <summary>Reads an unsigned invariant decimal with optional thousands separators in groups of three (<c>1,234,567.89</c>).
    /// <c>50000,00</c> (a decimal comma) is rejected rather than read as five million.</summary>
    public static bool TryParseDecimal(string s, out decimal value)
    {
        value = 0m;
        if (s.Length == 0 || s.Length > 40)
        {
            return false;
        }

        var point = s.IndexOf('.');
        var integer = point < 0 ? s : s.Substring(0, point);
        var fraction = point < 0 ? string.Empty : s.Substring(point + 1);
        if (integer.IndexOf(',') >= 0)
        {
            var groups = integer.Split(',');
            if (groups[0].Length is < 1 or > 3)
            {
                return false;
            }

            for (var i = 1; i < groups.Length; i++)
            {
                if (groups[i].Length != 3)
                {
                    return false;
                }
            }

            integer = string.Concat(groups);
        }

        if (!IsDigits(integer) || (point >= 0 && !IsDigits(fraction)))
        {
            return false;
        }

        return decimal.TryParse(point < 0 ? integer : integer + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads a non-negative finite number (thousands separators allowed, as in <see cref="TryParseDecimal"/>).</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        value = 0;
        var s = Normalize(text);
        if (!TryParseDecimal(s, out var d))
        {
            // Very large or exponent forms (1e6) that decimal cannot hold.
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                && !double.IsNaN(value) && !double.IsInfinity(value) && value >= 0;
        }

        value = (double)d;
        return true;
    }

    /// <summary>Reads a non-negative whole count.</summary>
    public static bool TryParseCount(string text, out long value)
    {
        value = 0;
        var s = Normalize(text);
        if (s.EndsWith(".0", StringComparison.Ordinal))
        {
            s = s.Substring(0, s.Length - 2);
        }

        return TryParseDecimal(s, out var d) && d == decimal.Truncate(d) && d <= long.MaxValue && (value = (long)d) >= 0;
    }

    /// <summary>Full-width digits, commas and signs become ASCII (NFKC); spaces inside go.</summary>
    public static string Normalize(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            return s;
        }

        var ascii = true;
        foreach (var c in s)
        {
            if (c > 0x7E || c == ' ')
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return s;
        }

        try
        {
            s = s.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Invalid surrogates cannot be normalised; leave the text as it is (it will not parse).
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsLetters(string s, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (s[i] is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats an instant as ISO 8601 with its offset, seconds always, the fraction only when present.</summary>
    public static string FormatInstant(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Formats an amount in the invariant culture, keeping its scale (50000.00 stays 50000.00).</summary>
    public static string FormatAmount(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
