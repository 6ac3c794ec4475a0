using System.Globalization;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Reporting;

/// <summary>How numbers read in reports: invariant culture (a report reads the same on every machine), undefined
/// values as "n/a", never NaN.</summary>
internal static class Format
{
    public const string Undefined = "n/a";

    public static string Percent(double? value, int decimals = 1) =>
        value is { } v ? (v * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : Undefined;

    public static string Rate(Rate rate) =>
        rate.Value is null ? Undefined : $"{Percent(rate.Value)} [{Percent(rate.Lower)}, {Percent(rate.Upper)}]";

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Number(double? value, string format = "0.0") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : Undefined;

    public static string Money(decimal? value) => value is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture) : Undefined;

    public static string Days(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " d" : Undefined;

    public static string P(double? p) =>
        p is not { } v ? Undefined : v < 0.0001 ? "< 0.0001" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A tick label: as few decimals as the step needs.</summary>
    public static string Tick(double value, double step)
    {
        if (step >= 1)
        {
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        }

        var decimals = (int)Math.Min(6, Math.Ceiling(-Math.Log10(step) - 1e-9));
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string PercentTick(double value, double step)
    {
        var decimals = step * 100 >= 1 ? 0 : (int)Math.Min(4, Math.Ceiling(-Math.Log10(step * 100) - 1e-9));
        return (value * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
    }
}
