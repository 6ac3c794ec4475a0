using System.Globalization;
using System.Text;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Findings;

/// <summary>Default English and Chinese wording of each finding kind: templates with <c>{argument}</c> placeholders filled
/// from <see cref="Finding.Arguments"/>. Apps that word findings themselves need only the kind and the arguments.</summary>
/// <remarks>Placeholders: <c>{segment}</c>, <c>{value}</c>, <c>{comparison}</c>, <c>{n}</c>, <c>{p}</c>, <c>{adjusted_p}</c>,
/// <c>{threshold}</c>, <c>{share}</c>, <c>{from_stage}</c>, <c>{to_stage}</c>, <c>{scope}</c>, <c>{key}</c>, <c>{reason}</c>,
/// <c>{open}</c>. A missing argument leaves its placeholder visible rather than failing. Thread-safe.</remarks>
public static class FindingTemplates
{
    /// <summary>The language code of the English templates.</summary>
    public const string English = "en";

    /// <summary>The language code of the Chinese templates.</summary>
    public const string Chinese = "zh";

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        [FindingKinds.HighVolumeLowConversion] = "{segment}: many leads ({share} of all) but conversion {value:%} is well below the rest ({comparison:%}); review its content or targeting.",
        [FindingKinds.HighConversionHighCostPerAcquisition] = "{segment}: converts well ({conversion:%} vs {rest_conversion:%}) but each customer costs {value:m} vs {comparison:m} for the rest; look for cheaper ways to reach the same leads.",
        [FindingKinds.RoasBelowThreshold] = "{segment}: revenue covers only {value:x} of spend (ROAS below {threshold}); {open} leads are still open.",
        [FindingKinds.ConversionAboveRest] = "{segment}: conversion {value:%} is significantly above the rest ({comparison:%}; Holm-adjusted p {adjusted_p:p}, n = {n}); consider moving budget here.",
        [FindingKinds.ConversionBelowRest] = "{segment}: conversion {value:%} is significantly below the rest ({comparison:%}; Holm-adjusted p {adjusted_p:p}, n = {n}).",
        [FindingKinds.SpendWithoutLeads] = "{scope} {key}: {value:m} was spent in the period but no lead matches it ({reason}).",
        [FindingKinds.FunnelBottleneck] = "{segment}: the largest drop-off is from {from_stage} to {to_stage} ({value:%}).",
        [FindingKinds.DimensionFilledByOutcome] = "{dimension} is filled almost only for {outcome} leads ({value:%} of the {filled} leads that have it are {outcome}, {comparison:%} of all leads; {blank} leads have none): conversion by {dimension} reflects when it is recorded, not the segments, so no segment is compared.",
        [FindingKinds.ConversionAboveRest + NoAdvice] = "{segment}: conversion {value:%} is significantly above the rest ({comparison:%}; Holm-adjusted p {adjusted_p:p}, n = {n}).",
        [FindingKinds.HighVolumeLowConversion + NoAdvice] = "{segment}: many leads ({share} of all) but conversion {value:%} is well below the rest ({comparison:%}).",
    };

    private static readonly Dictionary<string, string> Zh = new(StringComparer.Ordinal)
    {
        [FindingKinds.HighVolumeLowConversion] = "{segment}：线索量大（占 {share}）但转化率 {value:%} 明显低于其他（{comparison:%}），建议调整内容或定向。",
        [FindingKinds.HighConversionHighCostPerAcquisition] = "{segment}：转化率高（{conversion:%}，其他 {rest_conversion:%}），但单客户获客成本 {value:m} 高于其他（{comparison:m}），建议寻找更低成本的获客方式。",
        [FindingKinds.RoasBelowThreshold] = "{segment}：成交金额仅为成本的 {value:x} 倍（投入产出比低于 {threshold}），仍有 {open} 条线索在跟进中。",
        [FindingKinds.ConversionAboveRest] = "{segment}：转化率 {value:%} 显著高于其他（{comparison:%}；Holm 校正 p {adjusted_p:p}，n = {n}），可考虑增加预算。",
        [FindingKinds.ConversionBelowRest] = "{segment}：转化率 {value:%} 显著低于其他（{comparison:%}；Holm 校正 p {adjusted_p:p}，n = {n}）。",
        [FindingKinds.SpendWithoutLeads] = "{scope} {key}：本期花费 {value:m}，但没有匹配的线索（{reason}）。",
        [FindingKinds.FunnelBottleneck] = "{segment}：流失最多的环节是从 {from_stage} 到 {to_stage}（{value:%}）。",
        [FindingKinds.DimensionFilledByOutcome] = "{dimension_zh}几乎只在{outcome_zh}线索上填写（填写了的 {filled} 条线索中 {value:%} 为{outcome_zh}，全部线索中为 {comparison:%}；{blank} 条线索未填写）：按{dimension_zh}的转化率反映的是何时填写，而不是细分本身，因此不比较各细分。",
        [FindingKinds.ConversionAboveRest + NoAdvice] = "{segment}：转化率 {value:%} 显著高于其他（{comparison:%}；Holm 校正 p {adjusted_p:p}，n = {n}）。",
        [FindingKinds.HighVolumeLowConversion + NoAdvice] = "{segment}：线索量大（占 {share}）但转化率 {value:%} 明显低于其他（{comparison:%}）。",
    };

    // The wording without advice, for a finding whose "advice" argument is "none": a blank, unknown or "(other)" value, or
    // a person (an owner), is not something to move budget to or retarget (FindingRules).
    private const string NoAdvice = "/no_advice";

    /// <summary>The template of a kind in a language.</summary>
    /// <param name="kind">The kind key.</param>
    /// <param name="language"><see cref="English"/> or <see cref="Chinese"/>.</param>
    /// <returns>The template, or <see langword="null"/> when there is none.</returns>
    public static string? GetTemplate(string kind, string language)
    {
        var table = string.Equals(language, Chinese, StringComparison.OrdinalIgnoreCase) ? Zh : En;
        return table.TryGetValue(kind, out var t) ? t : null;
    }

    /// <summary>Words a finding. A placeholder <c>{name}</c> is replaced by the argument as stored; a style formats a number
    /// by the one rule of <see cref="MetricFormatter"/> (docs/formatting.md), so a finding reads like every table:
    /// <c>{name:%}</c> a proportion as a percentage with one decimal (<c>8.3%</c>), <c>{name:x}</c> a ratio with two decimals,
    /// <c>{name:m}</c> an amount of money (<c>4,560</c>, <c>35.20</c>), <c>{name:p}</c> a p-value with its relation
    /// (<c>= 0.010</c>, <c>&lt; 0.001</c>).</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="language"><see cref="English"/> (default for unknown codes) or <see cref="Chinese"/>.</param>
    /// <returns>The text; for a kind without a template, the kind and its arguments.</returns>
    public static string Format(Finding finding, string language)
    {
        Preconditions.CheckNotNull(finding);

        var template = (finding.Arguments.TryGetValue("advice", out var advice) && advice == "none" ? GetTemplate(finding.Kind + NoAdvice, language) : null)
            ?? GetTemplate(finding.Kind, language);
        if (template is null)
        {
            var sb = new StringBuilder(finding.Kind);
            foreach (var pair in finding.Arguments)
            {
                sb.Append(' ').Append(pair.Key).Append('=').Append(pair.Value);
            }

            return sb.ToString();
        }

        return DisplayText.Fill(template, finding.Arguments);
    }
}
