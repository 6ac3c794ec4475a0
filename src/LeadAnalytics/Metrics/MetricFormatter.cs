using System.Globalization;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Metrics;

/// <summary>
/// The one way numbers are shown to people, shared by the tool's tables and the HTML report, in English or Chinese
/// (docs/formatting.md). One rule per kind of value:
/// <list type="bullet">
/// <item>undefined (a zero denominator, no data): <c>–</c> (an en dash), in every language;</item>
/// <item>counts: whole numbers with a comma every three digits (<c>12,345</c>);</item>
/// <item>percentages (rates, shares, ROI, click-to-lead): one decimal, rounded half away from zero, no space (<c>11.9%</c>,
/// <c>1,448.3%</c>); a rate with its interval as <c>11.9% [8.1%, 17.1%]</c>;</item>
/// <item>money: grouped whole units from 100 up (<c>12,346</c>), two decimals below 100 (<c>35.20</c>), so a cost per
/// click keeps its cents and a budget does not drown in them; the currency is named once per table, not per cell;</item>
/// <item>ROAS as the template writes it, <c>1:x</c> with one decimal; every other ratio as a percentage;</item>
/// <item>days and hours: one decimal, the unit in the column heading;</item>
/// <item>p-values: three decimals, below 0.001 as <c>&lt; 0.001</c>;</item>
/// <item>other statistics (chi-square, standard errors): up to four decimals, trailing zeros dropped;</item>
/// <item>dates as ISO 8601 <c>2023-11-15</c> (GB/T 7408, read the same in both languages), instants with their offset.</item>
/// </list>
/// Digits and separators are the same in English and Chinese (zh-CN writes <c>12,345.6</c> too); the language changes
/// words: metric names (<see cref="MetricDefinition.ChineseName"/>) and texts (<see cref="DisplayText"/>). Decimal values
/// are rounded as decimals, so a ROI reads the same in every app. Immutable and thread-safe.
/// </summary>
public sealed class MetricFormatter
{
    /// <summary>What every language shows for an undefined value.</summary>
    public const string UndefinedText = "–";

    private static readonly CultureInfo Digits = CultureInfo.InvariantCulture;

    private MetricFormatter(DisplayLanguage language) => Language = language;

    /// <summary>English.</summary>
    public static MetricFormatter English { get; } = new(DisplayLanguage.English);

    /// <summary>Chinese (zh-CN).</summary>
    public static MetricFormatter Chinese { get; } = new(DisplayLanguage.Chinese);

    /// <summary>The language of names and texts.</summary>
    public DisplayLanguage Language { get; }

    /// <summary>The formatter of a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns><see cref="English"/> or <see cref="Chinese"/>.</returns>
    public static MetricFormatter For(DisplayLanguage language) => language == DisplayLanguage.Chinese ? Chinese : English;

    /// <summary>Reads a language code: <c>en</c>, <c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c> (case-insensitive).</summary>
    /// <param name="code">The code.</param>
    /// <param name="language">The language.</param>
    /// <returns>Whether the code names a supported language.</returns>
    public static bool TryParseLanguage(string? code, out DisplayLanguage language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "en" or "en-us" or "en-gb" or "english":
                language = DisplayLanguage.English;
                return true;
            case "zh" or "zh-cn" or "zh-hans" or "chinese" or "中文":
                language = DisplayLanguage.Chinese;
                return true;
            default:
                language = DisplayLanguage.English;
                return false;
        }
    }

    /// <summary>The language code: <c>en</c> or <c>zh</c> (the codes <see cref="Findings.FindingTemplates"/> takes).</summary>
    public string LanguageCode => Language == DisplayLanguage.Chinese ? "zh" : "en";

    /// <summary>What an undefined value shows.</summary>
    public string Undefined => UndefinedText;

    /// <summary>The metric's display name in this language.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see cref="MetricDefinition.EnglishName"/> or <see cref="MetricDefinition.ChineseName"/>.</returns>
    public string NameOf(MetricDefinition metric) =>
        Language == DisplayLanguage.Chinese ? Checked(metric).ChineseName : Checked(metric).EnglishName;

    /// <summary>The metric's name as a column heading: the name without its trailing parenthesis, except that an English
    /// abbreviation stands for the whole name (<c>Cost per lead (CPL)</c> → <c>CPL</c>) and a unit stays
    /// (<c>Median cycle (days)</c>, <c>转化时长中位数（天）</c>).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The heading.</returns>
    public string HeadingOf(MetricDefinition metric)
    {
        var name = NameOf(metric);
        var (open, close) = Language == DisplayLanguage.Chinese ? ("（", "）") : (" (", ")");
        var at = name.LastIndexOf(open, StringComparison.Ordinal);
        if (at <= 0 || !name.EndsWith(close, StringComparison.Ordinal))
        {
            return name;
        }

        var inside = name.Substring(at + open.Length, name.Length - at - open.Length - close.Length);
        if (inside is "days" or "hours" or "天" or "小时")
        {
            return name;
        }

        return inside.Length is >= 2 and <= 5 && inside.All(c => c is >= 'A' and <= 'Z') ? inside : name.Substring(0, at);
    }

    /// <summary>The metric's definition in this language.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see cref="MetricDefinition.Formula"/> or <see cref="MetricDefinition.ChineseFormula"/>.</returns>
    public string DefinitionOf(MetricDefinition metric) =>
        Language == DisplayLanguage.Chinese ? Checked(metric).ChineseFormula : Checked(metric).Formula;

    /// <summary>A stage as people read it: the pipeline's display name; in Chinese, the template's name of a stage of the
    /// default pipeline whose display name is untouched (<c>Needs confirmed</c> → <c>需求确认</c>). A custom pipeline's
    /// display names are data and are never translated.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public string StageName(Stage stage)
    {
        Preconditions.CheckNotNull(stage);

        var key = "stage." + stage.Name;
        return Language == DisplayLanguage.Chinese && DisplayText.Common.Contains(key)
            && stage.DisplayName == DisplayText.Common.Get(key, DisplayLanguage.English)
            ? DisplayText.Common.Get(key, DisplayLanguage.Chinese)
            : stage.DisplayName;
    }

    /// <summary>A text of <see cref="DisplayText.Common"/> in this language.</summary>
    /// <param name="key">The key, for example <c>total</c>.</param>
    /// <returns>The text (the key itself when unknown).</returns>
    public string Text(string key) => DisplayText.Common.Get(key, Language);

    /// <summary>Formats a metric's value by its kind (see the class remarks).</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="value">A <see cref="Rate"/>, a number (int, long, double, decimal, nullable or not), a
    /// <see cref="TimeSpan"/> (for days or hours) or <see langword="null"/>.</param>
    /// <param name="withInterval">Whether a rate shows its interval.</param>
    /// <returns>The text.</returns>
    public string Format(MetricDefinition metric, object? value, bool withInterval = true)
    {
        Checked(metric);
        switch (value)
        {
            case null:
                return Undefined;
            case Rate rate:
                return withInterval ? RateWithInterval(rate) : Percent(rate.Value);
            case TimeSpan span:
                return Number(metric.Kind == MetricKind.Hours ? span.TotalHours : span.TotalDays, 1);
        }

        return metric.Kind switch
        {
            MetricKind.Count => Count(ToDouble(value)),
            MetricKind.Money => Money(ToDecimal(value)),
            MetricKind.Rate => Percent(ToDouble(value)),
            MetricKind.Ratio when metric.Id is MetricIds.Roas => RoasRatio(ToDecimal(value)),
            MetricKind.Ratio when value is decimal => Percent(ToDecimal(value)),
            MetricKind.Ratio => Percent(ToDouble(value)),
            MetricKind.Days or MetricKind.Hours => Number(ToDouble(value), 1),
            MetricKind.PValue => PValue(ToDouble(value)),
            _ => Statistic(ToDouble(value)),
        };
    }

    /// <summary>Formats a row's value of a declared column (<see cref="MetricColumn{TRow}"/>): <see cref="Format"/> by the
    /// metric's kind, and its interval in brackets when the column has one (<c>12.0 [8.5, 15.0]</c> for a median in days).</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="column">The column.</param>
    /// <param name="row">The row.</param>
    /// <param name="withInterval">Whether to show the interval.</param>
    /// <returns>The text.</returns>
    public string Format<TRow>(MetricColumn<TRow> column, TRow row, bool withInterval = true)
    {
        Preconditions.CheckNotNull(column);
        var value = column.ValueOf(row);
        if (value is Rate || !withInterval || !column.HasInterval || value is null)
        {
            return Format(column.Metric, value, withInterval && column.HasInterval);
        }

        var (lower, upper) = column.IntervalOf(row);
        var text = Format(column.Metric, value);
        return lower is null || upper is null ? text : $"{text} [{Format(column.Metric, lower)}, {Format(column.Metric, upper)}]";
    }

    /// <summary>A count: <c>12,345</c>.</summary>
    /// <param name="value">The count.</param>
    /// <returns>The text.</returns>
    public string Count(long value) => value.ToString("#,0", Digits);

    /// <summary>A count given as a number (rounded to whole), or undefined.</summary>
    /// <param name="value">The count.</param>
    /// <returns>The text.</returns>
    public string Count(double? value) => Finite(value) is { } v ? Math.Round(v, MidpointRounding.AwayFromZero).ToString("#,0", Digits) : Undefined;

    /// <summary>A proportion as a percentage with one decimal: <c>11.9%</c>.</summary>
    /// <param name="proportion">The proportion (0.119), or <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string Percent(double? proportion) =>
        Finite(proportion) is { } v ? Percent((decimal)Math.Round(v * 100, 6, MidpointRounding.AwayFromZero) / 100m) : Undefined;

    /// <summary>A decimal proportion (a ROI) as a percentage with one decimal, rounded as a decimal: <c>1,448.3%</c>.</summary>
    /// <param name="proportion">The proportion (14.483), or <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string Percent(decimal? proportion) =>
        proportion is { } v ? Math.Round(v * 100m, 1, MidpointRounding.AwayFromZero).ToString("#,0.0", Digits) + "%" : Undefined;

    /// <summary>A confidence or prediction level as the number before the percent sign of "95% interval": <c>95</c>, <c>97.5</c>
    /// (up to two decimals, trailing zeros dropped, no grouping), the same in every language.</summary>
    /// <param name="level">The level as a proportion (0.95).</param>
    /// <returns>The text.</returns>
    public static string ConfidenceLevel(double level) => (level * 100).ToString("0.##", Digits);

    /// <summary>A rate with its interval: <c>11.9% [8.1%, 17.1%]</c>; undefined when the rate is.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>The text.</returns>
    public string RateWithInterval(Rate? rate) =>
        rate?.Value is null ? Undefined
        : rate.Lower is null || rate.Upper is null ? Percent(rate.Value)
        : $"{Percent(rate.Value)} [{Percent(rate.Lower)}, {Percent(rate.Upper)}]";

    /// <summary>An amount of money: grouped whole units from 100 up, two decimals below (see the class remarks).</summary>
    /// <param name="amount">The amount, or <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string Money(decimal? amount)
    {
        if (amount is not { } v)
        {
            return Undefined;
        }

        return Math.Abs(v) >= 100m
            ? Math.Round(v, 0, MidpointRounding.AwayFromZero).ToString("#,0", Digits)
            : Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", Digits);
    }

    /// <summary>ROAS as the template writes it: <c>1:15.5</c>.</summary>
    /// <param name="roas">Revenue / spend, or <see langword="null"/>.</param>
    /// <param name="decimals">Decimals of x, 0 to 6.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 6.</exception>
    public string RoasRatio(decimal? roas, int decimals = 1)
    {
        if (decimals is < 0 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Use 0 to 6 decimals.");
        }

        return roas is { } r
            ? "1:" + Math.Round(r, decimals, MidpointRounding.AwayFromZero).ToString("#,0." + new string('0', decimals), Digits).TrimEnd('.')
            : Undefined;
    }

    /// <summary>A number with a fixed count of decimals: <c>12.3</c>.</summary>
    /// <param name="value">The number, or <see langword="null"/>.</param>
    /// <param name="decimals">Decimals, 0 to 6.</param>
    /// <returns>The text.</returns>
    public string Number(double? value, int decimals)
    {
        if (Finite(value) is not { } v)
        {
            return Undefined;
        }

        var format = decimals <= 0 ? "#,0" : "#,0." + new string('0', Math.Min(decimals, 6));
        return Math.Round(v, Math.Min(Math.Max(decimals, 0), 6), MidpointRounding.AwayFromZero).ToString(format, Digits);
    }

    /// <summary>A p-value: <c>0.042</c>, or <c>&lt; 0.001</c>.</summary>
    /// <param name="p">The p-value, or <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string PValue(double? p) => Finite(p) switch
    {
        null => Undefined,
        < 0.001 => "< 0.001",
        { } v => Math.Round(v, 3, MidpointRounding.AwayFromZero).ToString("0.000", Digits),
    };

    /// <summary>A statistic (chi-square, standard error): up to four decimals, trailing zeros dropped.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string Statistic(double? value) =>
        Finite(value) is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero).ToString("#,0.####", Digits) : Undefined;

    /// <summary>A date as entered, in its own offset: <c>2023-11-15</c>.</summary>
    /// <param name="value">The instant (its offset is kept, never converted).</param>
    /// <returns>The text.</returns>
    public string Date(DateTimeOffset? value) => value is { } v ? v.ToString("yyyy-MM-dd", Digits) : Undefined;

    /// <summary>An inclusive end as entered (a due date, a period's last day): an end stored as the midnight that follows
    /// a date shows as that date (<c>2023-11-15</c> entered, stored as 2023-11-16 00:00, shows 2023-11-15); an end with a
    /// time of day shows date and time. Always in the instant's own offset, never converted.</summary>
    /// <param name="end">The stored end.</param>
    /// <returns>The text.</returns>
    public string InclusiveEnd(DateTimeOffset? end) => end switch
    {
        null => Undefined,
        { } v when v.TimeOfDay == TimeSpan.Zero => v.AddDays(-1).ToString("yyyy-MM-dd", Digits),
        { } v => v.ToString("yyyy-MM-dd HH:mm", Digits),
    };

    /// <summary>An instant with its offset: <c>2024-01-15 00:00 +08:00</c>.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The text.</returns>
    public string Instant(DateTimeOffset? value) => value is { } v ? v.ToString("yyyy-MM-dd HH:mm zzz", Digits) : Undefined;

    private static MetricDefinition Checked(MetricDefinition metric) => Preconditions.CheckNotNull(metric);

    private static double? Finite(double? value) => value is { } v && !double.IsNaN(v) && !double.IsInfinity(v) ? v : null;

    private static double? ToDouble(object value) => value switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        int i => i,
        long l => l,
        _ => Convert.ToDouble(value, Digits),
    };

    private static decimal? ToDecimal(object value) => value switch
    {
        decimal m => m,
        double d when double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 7.9e27 => null,
        double d => (decimal)d,
        int i => i,
        long l => l,
        _ => Convert.ToDecimal(value, Digits),
    };
}
