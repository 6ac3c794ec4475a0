using System.Globalization;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Reporting;

/// <summary>How numbers read in reports: through the library's one <see cref="MetricFormatter"/> (docs/formatting.md), the
/// same rules as the tool's tables; undefined values as "–", never NaN. Tick labels of chart axes are the report's own.</summary>
internal static class Format
{
    private static MetricFormatter F => MetricFormatter.English;

    public static string Undefined => MetricFormatter.UndefinedText;

    public static string Percent(double? value) => F.Percent(value);

    // Progress bars label whole percents; everything else uses the one-decimal rule.
    public static string Percent(double? value, int decimals) =>
        decimals == 1 ? F.Percent(value) : value is { } v ? F.Number(v * 100, decimals) + "%" : Undefined;

    public static string Rate(Rate rate) => F.RateWithInterval(rate);

    public static string Count(long value) => F.Count(value);

    public static string Number(double? value, string format = "0.0") =>
        F.Number(value, format.Contains('.') ? format.Length - format.IndexOf('.') - 1 : 0);

    public static string Money(decimal? value) => F.Money(value);

    public static string Days(double? value) => value is { } ? F.Number(value, 1) + " d" : Undefined;

    public static string P(double? p) => F.PValue(p);

    public static string Roas(decimal? roas) => F.RoasRatio(roas);

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
