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
        foreach (var s in segments)
        {
            var restLeads = total.Leads - s.Leads;
            if (s.Leads < rules.MinimumLeads || restLeads < rules.MinimumLeads || s.VersusRest is not { } versus)
            {
                continue;
            }

            var rate = s.ConversionRate.Value ?? 0;
            var restRate = versus.RestRate ?? 0;
            var evidence = new FindingEvidence(s.Leads, versus.Test?.Test, versus.Test?.PValue, versus.AdjustedPValue, versus.ProbabilityAboveRest);

            if (versus.IsSignificant(rules.Alpha))
            {
                var above = rate > restRate;
                findings.Add(Make(above ? FindingKinds.ConversionAboveRest : FindingKinds.ConversionBelowRest, above ? FindingSeverity.Info : FindingSeverity.Warning,
                    s, MetricIds.ConversionRate, rate, restRate, "rest", evidence, null));
            }

            if (s.ShareOfLeads >= rules.HighVolumeShare && restRate > 0 && rate <= restRate * (1 - rules.RelativeGap))
            {
                findings.Add(Make(FindingKinds.HighVolumeLowConversion, FindingSeverity.Warning, s, MetricIds.ConversionRate, rate, restRate, "rest", evidence,
                    new Dictionary<string, string> { ["share"] = Percent(s.ShareOfLeads!.Value) }));
            }

            var restWon = total.Won - s.Won;
            if (s.Won >= rules.MinimumWon && restWon >= rules.MinimumWon && rate >= restRate * (1 + rules.RelativeGap)
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
