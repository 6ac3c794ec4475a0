using System.Globalization;
using System.Text;

namespace LeadAnalytics;

/// <summary>Writes metrics, targets and values in the canonical form that <see cref="MetricExpressionParser"/> reads back.</summary>
internal static class MetricExpressionFormatter
{
    // 28 optional digits: every decimal is written in full, without trailing zeros.
    private const string NumberFormat = "0.############################";

    internal static string Target(MetricTarget target) =>
        Metric(target.Metric) + " " + Symbol(target.Comparator) + " " + Value(target.Metric.Unit, target.Value, target.Currency);

    internal static string Metric(TrackedMetric metric)
    {
        var sb = new StringBuilder(ActionMetrics.NameOf(metric.Metric));
        if (metric.Stage is null && metric.Segment.IsAll)
        {
            return sb.ToString();
        }

        sb.Append('(');
        var first = true;
        if (metric.Stage is not null)
        {
            sb.Append(Text(metric.Stage));
            first = false;
        }

        foreach (var c in metric.Segment.Conditions)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            sb.Append(Condition(c));
            first = false;
        }

        return sb.Append(')').ToString();
    }

    internal static string Condition(SegmentCondition condition) =>
        DimensionName(condition.Dimension) + "=" + string.Join("|", condition.Values.Select(Text));

    internal static string DimensionName(Dimension dimension) => dimension switch
    {
        Dimension.Channel => "channel",
        Dimension.Strategy => "strategy",
        Dimension.Content => "content",
        Dimension.Industry => "industry",
        Dimension.Owner => "owner",
        Dimension.CustomerType => "customer_type",
        _ => "tag",
    };

    internal static string Symbol(TargetComparator comparator) => comparator switch
    {
        TargetComparator.LessThan => "<",
        TargetComparator.LessThanOrEqual => "<=",
        TargetComparator.GreaterThan => ">",
        _ => ">=",
    };

    internal static string Value(ActionMetricUnit unit, decimal value, Currency? currency)
    {
        switch (unit)
        {
            case ActionMetricUnit.Proportion:
                return Number(value * 100m) + "%";
            case ActionMetricUnit.Money:
                return currency is { } c ? Number(value) + " " + c.Code : Number(value);
            case ActionMetricUnit.Hours:
                return Number(value) + "h";
            case ActionMetricUnit.LeadsPerWeek:
                return Number(value) + "/week";
            default:
                return Number(value);
        }
    }

    internal static string Number(decimal value) => value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    // Bare text unless it would be read as syntax: then double quotes, with inner quotes doubled.
    internal static string Text(string text)
    {
        var needsQuotes = text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]);
        foreach (var ch in text)
        {
            if (MetricExpressionParser.IsSyntax(ch))
            {
                needsQuotes = true;
                break;
            }
        }

        return needsQuotes ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
