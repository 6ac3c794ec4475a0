using LeadAnalytics.Data;
using System.Globalization;
using LeadAnalytics.Findings;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Effectiveness;

// The rules that turn a period's segment rows into findings (the template's "suggestion" column). Each rule compares a
// segment with the rest of the period's leads (total minus segment), never with a total that contains the segment itself.
internal static class FindingRules
{
    internal static IReadOnlyList<Finding> Evaluate(IReadOnlyList<SegmentSummary> segments, SegmentSummary total, CostSummary costs, FindingRuleOptions rules)
    {
        var findings = new List<Finding>();
        if (!rules.Enabled)
        {
            return findings;
        }

        var digits = costs.Currency.MinorUnits;
        var biased = OutcomeFilledDimensions(segments, total, rules, findings);
        foreach (var s in segments)
        {
            var restLeads = total.Leads - s.Leads;
            if (s.Leads < rules.MinimumLeads || restLeads < rules.MinimumLeads || s.VersusRest is not { } versus)
            {
                continue;
            }

            // Conversion by a dimension recorded only for won (or lost) leads measures the bookkeeping: no comparison.
            var comparable = !s.Key.Dimensions.Any(biased.Contains);
            var advice = Advisable(s.Key) ? null : new Dictionary<string, string> { ["advice"] = "none" };

            var rate = s.ConversionRate.Value ?? 0;
            var restRate = versus.RestRate ?? 0;
            var evidence = new FindingEvidence(s.Leads, versus.Test?.Test, versus.Test?.PValue, versus.AdjustedPValue, versus.ProbabilityAboveRest);

            if (comparable && versus.IsSignificant(rules.Alpha))
            {
                var above = rate > restRate;
                findings.Add(Make(above ? FindingKinds.ConversionAboveRest : FindingKinds.ConversionBelowRest, above ? FindingSeverity.Info : FindingSeverity.Warning,
                    s, MetricIds.ConversionRate, rate, restRate, "rest", evidence, advice));
            }

            if (comparable && s.ShareOfLeads >= rules.HighVolumeShare && restRate > 0 && rate <= restRate * (1 - rules.RelativeGap))
            {
                var extra = new Dictionary<string, string> { ["share"] = Percent(s.ShareOfLeads!.Value) };
                if (advice is not null)
                {
                    extra["advice"] = "none";
                }

                findings.Add(Make(FindingKinds.HighVolumeLowConversion, FindingSeverity.Warning, s, MetricIds.ConversionRate, rate, restRate, "rest", evidence, extra));
            }

            var restWon = total.Won - s.Won;
            if (comparable && s.Won >= rules.MinimumWon && restWon >= rules.MinimumWon && rate >= restRate * (1 + rules.RelativeGap)
                && s.CostPerAcquisition is { } cac && total.Spend is { } totalSpend && s.Spend is { } spend)
            {
                var restCac = (totalSpend - spend) / restWon;
                if (restCac > 0 && cac >= restCac * (1 + (decimal)rules.RelativeGap))
                {
                    findings.Add(Make(FindingKinds.HighConversionHighCostPerAcquisition, FindingSeverity.Warning, s, MetricIds.CostPerAcquisition, (double)cac, (double)restCac, "rest", evidence,
                        new Dictionary<string, string>
                        {
                            ["value"] = Money(cac, digits),
                            ["comparison"] = Money(restCac, digits),
                            ["conversion"] = Finding.Format(rate),
                            ["rest_conversion"] = Finding.Format(restRate),
                        }));
                }
            }

            if (s.Roas is { } roas && roas < rules.RoasThreshold)
            {
                findings.Add(Make(FindingKinds.RoasBelowThreshold, FindingSeverity.Critical, s, MetricIds.Roas, (double)roas, (double)rules.RoasThreshold, "threshold",
                    new FindingEvidence(s.Leads),
                    new Dictionary<string, string>
                    {
                        ["threshold"] = rules.RoasThreshold.ToString(CultureInfo.InvariantCulture),
                        ["open"] = s.Open.ToString(CultureInfo.InvariantCulture),
                        ["spend"] = Money(s.Spend!.Value, digits),
                        ["revenue"] = Money(s.Revenue ?? 0m, digits),
                    }));
            }
        }

        foreach (var u in costs.UnmatchedCosts)
        {
            var dimension = u.Entry.Scope switch
            {
                CostScope.Channel => Dimension.Channel,
                CostScope.Strategy => Dimension.Strategy,
                _ => Dimension.Content,
            };
            var args = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["scope"] = u.Entry.Scope.ToString(),
                ["key"] = u.Entry.Key,
                ["value"] = Money(u.InPeriodAmount, digits),
                ["reason"] = u.Reason == UnmatchedCostReason.UnknownKey ? "unknown_key" : "no_lead_in_period",
                ["segment"] = u.Entry.Key,
            };
            findings.Add(new Finding(FindingKinds.SpendWithoutLeads, FindingSeverity.Warning, SegmentKey.Of(dimension, u.Entry.Key), MetricIds.Spend,
                (double)u.InPeriodAmount, null, null, null, args));
        }

        findings.Sort(Finding.Compare);
        return findings;
    }

    // Values that name no real segment: nothing to move budget to or retarget.
    private static readonly HashSet<string> Unspecified = new(StringComparer.OrdinalIgnoreCase)
    {
        DimensionKeys.Missing, "(blank)", "blank", "(none)", "none", "(unknown)", "unknown", "(other)", "other", "n/a", "na", "null", "-", "–",
        "未知", "其他", "（其他）", "空", "无", "(not set)", "(not provided)",
    };

    /// <summary>Whether a segment can take advice such as "move budget here": not a blank, unknown or "(other)" value,
    /// and not a person (an owner: people are coached, not budgeted).</summary>
    internal static bool Advisable(SegmentKey key)
    {
        for (var i = 0; i < key.Dimensions.Count; i++)
        {
            var value = key.Values[i]?.Trim();
            if (key.Dimensions[i] == Dimension.Owner || string.IsNullOrEmpty(value) || Unspecified.Contains(value!))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The dimensions filled almost only for won (or only for lost) leads: at least 90% of the leads that have a
    /// value share one outcome while at most half of all leads do, with at least <see cref="FindingRuleOptions.MinimumLeads"/>
    /// leads with and without a value. Each earns one <see cref="FindingKinds.DimensionFilledByOutcome"/> warning.</summary>
    private static HashSet<Dimension> OutcomeFilledDimensions(IReadOnlyList<SegmentSummary> segments, SegmentSummary total, FindingRuleOptions rules, List<Finding> findings)
    {
        var biased = new HashSet<Dimension>();
        if (segments.Count == 0 || total.Leads == 0)
        {
            return biased;
        }

        foreach (var dimension in segments[0].Key.Dimensions)
        {
            long blankLeads = 0, blankWon = 0, blankLost = 0;
            foreach (var s in segments)
            {
                if (string.IsNullOrWhiteSpace(s.Key.GetValue(dimension)))
                {
                    blankLeads += s.Leads;
                    blankWon += s.Won;
                    blankLost += s.Lost;
                }
            }

            // No lead with a value (possible when MinimumLeads is 0) has no share to compare (0 / 0).
            var filled = total.Leads - blankLeads;
            if (filled == 0 || filled < rules.MinimumLeads || blankLeads < rules.MinimumLeads)
            {
                continue;
            }

            foreach (var (outcome, outcomeZh, inFilled, inAll) in new[]
            {
                ("won", "成交", total.Won - blankWon, total.Won),
                ("lost", "流失", total.Lost - blankLost, total.Lost),
            })
            {
                var share = (double)inFilled / filled;
                var overall = (double)inAll / total.Leads;
                if (share < 0.9 || overall > 0.5)
                {
                    continue;
                }

                biased.Add(dimension);
                var args = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["dimension"] = DisplayText.Common.Get("dimension." + dimension, DisplayLanguage.English),
                    ["dimension_zh"] = DisplayText.Common.Get("dimension." + dimension, DisplayLanguage.Chinese),
                    ["outcome"] = outcome,
                    ["outcome_zh"] = outcomeZh,
                    ["filled"] = filled.ToString(CultureInfo.InvariantCulture),
                    ["blank"] = blankLeads.ToString(CultureInfo.InvariantCulture),
                    ["value"] = Finding.Format(share),
                    ["comparison"] = Finding.Format(overall),
                    ["segment"] = DisplayText.Common.Get("dimension." + dimension, DisplayLanguage.English),
                };
                findings.Add(new Finding(FindingKinds.DimensionFilledByOutcome, FindingSeverity.Warning, SegmentKey.All, MetricIds.ConversionRate, share, overall, "all",
                    new FindingEvidence(filled), args));
                break;
            }
        }

        return biased;
    }

    private static Finding Make(string kind, FindingSeverity severity, SegmentSummary s, string metricId, double value, double comparison, string basis,
        FindingEvidence evidence, Dictionary<string, string>? extra)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["segment"] = s.Label,
            ["value"] = Finding.Format(value),
            ["comparison"] = Finding.Format(comparison),
        };
        Finding.AddEvidence(args, evidence);
        if (extra is not null)
        {
            foreach (var pair in extra)
            {
                args[pair.Key] = pair.Value;
            }
        }

        return new Finding(kind, severity, s.Key, metricId, value, comparison, basis, evidence, args);
    }

    private static string Money(decimal amount, int digits) =>
        Math.Round(amount, digits, MidpointRounding.AwayFromZero).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
