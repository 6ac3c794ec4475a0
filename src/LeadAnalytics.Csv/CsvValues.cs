using System.Globalization;
using System.Text;

namespace LeadAnalytics.Csv;

/// <summary>Reads the cell formats real tracking tables use: dates with or without time and offset, amounts with
/// thousands separators, currency symbols and 万 (x10,000), numbers. Every method is total: it returns false, never throws.</summary>
internal static class CsvValues
{
    private static readonly string[] LocalFormats = BuildLocalFormats();

    private static string[] BuildLocalFormats()
    {
        var dates = new[] { "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日" };
        var times = new[] { string.Empty, " H:mm", " H:mm:ss", " H:mm:ss.FFFFFFF", "'T'H:mm", "'T'H:mm:ss", "'T'H:mm:ss.FFFFFFF", "H:mm", "H:mm:ss" };
        var list = new List<string>();
        foreach (var d in dates)
        {
            foreach (var t in times)
            {
                // "2023年10月1日14:30" has no separator; only the Chinese date form may run into the time.
                if (t.Length > 0 && t[0] == 'H' && !d.EndsWith("日", StringComparison.Ordinal))
                {
                    continue;
                }

                list.Add(d + t);
            }
        }

        return list.ToArray();
    }

    /// <summary>Reads an instant. A date without time is midnight; text without an offset is local time in <paramref name="zone"/>.</summary>
    /// <param name="text">The trimmed cell.</param>
    /// <param name="zone">The zone of local times.</param>
    /// <param name="value">The instant.</param>
    /// <param name="hasTime">Whether the text had a time of day.</param>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParseInstant(string text, TimeZoneInfo zone, out DateTimeOffset value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 64)
        {
            return false;
        }

        TimeSpan? offset = null;
        if (s.IndexOf(':') >= 0)
        {
            if (s[s.Length - 1] is 'Z' or 'z')
            {
                offset = TimeSpan.Zero;
                s = s.Substring(0, s.Length - 1);
            }
            else if (TrySplitOffset(s, out var rest, out var o))
            {
                offset = o;
                s = rest;
            }
        }

        if (!DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        hasTime = s.IndexOf(':') >= 0;
        try
        {
            value = new DateTimeOffset(local, offset ?? zone.GetUtcOffset(local));
            return true;
        }
        catch (ArgumentException)
        {
            // The UTC instant falls outside DateTimeOffset's range (year 1 with a positive offset, year 9999 with a negative one).
            return false;
        }
    }

    private static bool TrySplitOffset(string s, out string rest, out TimeSpan offset)
    {
        // A trailing +hh, +hhmm or +hh:mm after a time of day.
        rest = s;
        offset = default;
        for (var len = 6; len >= 3; len--)
        {
            if (s.Length <= len + 1)
            {
                continue;
            }

            var start = s.Length - len;
            var sign = s[start];
            if (sign is not ('+' or '-') || !char.IsDigit(s[start - 1]))
            {
                continue;
            }

            var body = s.Substring(start + 1);
            int hh, mm = 0;
            if (body.Length == 2 && IsDigits(body))
            {
                hh = int.Parse(body, CultureInfo.InvariantCulture);
            }
            else if (body.Length == 4 && IsDigits(body))
            {
                hh = int.Parse(body.Substring(0, 2), CultureInfo.InvariantCulture);
                mm = int.Parse(body.Substring(2), CultureInfo.InvariantCulture);
            }
            else if (body.Length == 5 && body[2] == ':' && IsDigits(body.Substring(0, 2)) && IsDigits(body.Substring(3)))
            {
                hh = int.Parse(body.Substring(0, 2), CultureInfo.InvariantCulture);
                mm = int.Parse(body.Substring(3), CultureInfo.InvariantCulture);
            }
            else
            {
                continue;
            }

            // The part before must itself end in a time of day (hh:mm or hh:mm:ss[.f]), not in a date.
            var before = s.Substring(0, start);
            var lastColon = before.LastIndexOf(':');
            if (lastColon < 0 || before.Length - lastColon < 3 || hh > 14 || mm > 59)
            {
                continue;
            }

            offset = new TimeSpan(hh, mm, 0);
            if (sign == '-')
            {
                offset = offset.Negate();
            }

            rest = before;
            return true;
        }

        return false;
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
