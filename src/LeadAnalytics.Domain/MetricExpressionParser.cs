using System.Globalization;
using System.Text;

namespace LeadAnalytics;

/// <summary>
/// Reads target expressions, tracked metrics and values (grammar in docs/actions.md):
/// <code>
/// target     = metric comparator value
/// metric     = name [ "(" [ argument { "," argument } ] ")" ]
/// argument   = stage | dimension "=" text { "|" text }      (the stage first, for step metrics only)
/// comparator = "&lt;=" | "&lt;" | "&gt;=" | "&gt;" | "≤" | "≥"
/// value      = number [ "%" ] [ unit ]  |  "1:" number       (ROAS)
/// text       = bare text without , ( ) = | "   |   '"' { any, with "" for " } '"'
/// </code>
/// Metric names are the catalogue's ids and aliases (<see cref="Metrics.MetricCatalog"/>); names are case-insensitive; whitespace between tokens is ignored; full-width （ ） ， ＝ ｜ ％ are accepted.
/// </summary>
internal sealed class MetricExpressionParser
{
    // English names as written by the formatter, plus the template's Chinese field names.
    private static readonly Dictionary<string, Dimension> DimensionNames = new(StringComparer.Ordinal)
    {
        ["channel"] = Dimension.Channel, ["来源渠道"] = Dimension.Channel, ["渠道"] = Dimension.Channel,
        ["strategy"] = Dimension.Strategy, ["推广策略"] = Dimension.Strategy, ["策略"] = Dimension.Strategy,
        ["content"] = Dimension.Content, ["内容素材"] = Dimension.Content, ["内容"] = Dimension.Content,
        ["industry"] = Dimension.Industry, ["客户行业"] = Dimension.Industry, ["行业"] = Dimension.Industry,
        ["owner"] = Dimension.Owner, ["负责人"] = Dimension.Owner,
        ["customer_type"] = Dimension.CustomerType, ["客户类型"] = Dimension.CustomerType,
        ["tag"] = Dimension.Tag, ["标签"] = Dimension.Tag,
    };

    private static readonly string MetricList = string.Join(", ", ActionMetrics.All.Select(ActionMetrics.NameOf));

    private readonly string _text;
    private int _pos;

    private MetricExpressionParser(string text) => _text = text;

    private bool AtEnd => _pos >= _text.Length;

    private char Peek => _pos < _text.Length ? _text[_pos] : '\0';

    internal static bool IsSyntax(char ch) => ch is ',' or '(' or ')' or '=' or '|' or '"' or '，' or '（' or '）' or '＝' or '｜';

    internal static bool TryParseTarget(string? text, out MetricTarget? target, out MetricExpressionError? error)
    {
        target = null;
        return Run(text, p =>
        {
            p.SkipWhiteSpace();
            var metric = p.ReadMetric();
            p.SkipWhiteSpace();
            var comparator = p.ReadComparator();
            p.SkipWhiteSpace();
            var (value, currency) = p.ReadValue(metric.Unit, "target");
            p.ExpectEnd("the target");
            return new MetricTarget(metric, comparator, value, currency);
        }, out target, out error);
    }

    internal static bool TryParseMetric(string? text, out TrackedMetric? metric, out MetricExpressionError? error) =>
        Run(text, p =>
        {
            p.SkipWhiteSpace();
            var m = p.ReadMetric();
            p.ExpectEnd("the metric");
            return m;
        }, out metric, out error);

    internal static bool TryParseValue(string? text, ActionMetricUnit unit, out decimal value, out Currency? currency, out MetricExpressionError? error)
    {
        var ok = Run(text, p =>
        {
            p.SkipWhiteSpace();
            var v = p.ReadValue(unit, "value");
            p.ExpectEnd("the value");
            return new Tuple<decimal, Currency?>(v.Value, v.Currency);
        }, out var result, out error);
        value = ok ? result!.Item1 : 0m;
        currency = ok ? result!.Item2 : null;
        return ok;
    }

    private static bool Run<T>(string? text, Func<MetricExpressionParser, T> parse, out T? result, out MetricExpressionError? error)
        where T : class
    {
        result = null;
        error = null;
        if (text is null || text.Trim().Length == 0)
        {
            error = new MetricExpressionError(text ?? string.Empty, 0, "The expression is empty (at position 0).");
            return false;
        }

        var parser = new MetricExpressionParser(text);
        try
        {
            result = parse(parser);
            return true;
        }
        catch (Failure f)
        {
            error = new MetricExpressionError(text, f.Position, f.Message);
            return false;
        }
    }

    private TrackedMetric ReadMetric()
    {
        var start = _pos;
        while (!AtEnd && (char.IsLetterOrDigit(Peek) || Peek == '_'))
        {
            _pos++;
        }

        var name = _text.Substring(start, _pos - start);
        if (name.Length == 0)
        {
            throw Fail(start, "Expected a metric such as conversion or dropoff(NeedsConfirmed)");
        }

        if (!ActionMetrics.TryFind(name, out var metric))
        {
            throw Fail(start, $"Unknown metric '{name}'; expected one of {MetricList}");
        }

        var afterName = _pos;
        SkipWhiteSpace();
        string? stage = null;
        var conditions = new List<SegmentCondition>();
        if (Peek is '(' or '（')
        {
            _pos++;
            ReadArguments(metric, ref stage, conditions);
        }
        else
        {
            _pos = afterName;
        }

        if (ActionMetrics.IsStageMetric(metric) && stage is null)
        {
            var canonical = ActionMetrics.NameOf(metric);
            throw Fail(afterName, $"{canonical} needs the stage its step leads into, for example {canonical}(NeedsConfirmed)");
        }

        return new TrackedMetric(metric, stage, new SegmentFilter(conditions));
    }

    private void ReadArguments(ActionMetric metric, ref string? stage, List<SegmentCondition> conditions)
    {
        SkipWhiteSpace();
        if (Peek is ')' or '）')
        {
            _pos++;
            return;
        }

        while (true)
        {
            SkipWhiteSpace();
            var argStart = _pos;
            if (AtEnd)
            {
                throw Fail(_pos, "Missing ')'");
            }

            var quoted = Peek == '"';
            var text = ReadText();
            SkipWhiteSpace();
            if (!quoted && Peek is '=' or '＝')
            {
                conditions.Add(ReadCondition(text, argStart, conditions));
            }
            else
            {
                if (text.Trim().Length == 0)
                {
                    throw Fail(argStart, "Expected a stage or a condition such as channel=SEO");
                }

                if (!ActionMetrics.IsStageMetric(metric))
                {
                    throw Fail(argStart, $"{ActionMetrics.NameOf(metric)} is not measured at a stage; a segment is written dimension=value, for example channel={Quote(text)}");
                }

                if (stage is not null || conditions.Count > 0)
                {
                    throw Fail(argStart, $"The stage is given once, as the first argument; a segment is written dimension=value, for example channel={Quote(text)}");
                }

                stage = text.Trim();
            }

            SkipWhiteSpace();
            if (Peek is ',' or '，')
            {
                _pos++;
                continue;
            }

            if (Peek is ')' or '）')
            {
                _pos++;
                return;
            }

            throw Fail(_pos, AtEnd ? "Missing ')'" : "Expected ',' or ')'");
        }
    }

    private SegmentCondition ReadCondition(string name, int nameStart, List<SegmentCondition> conditions)
    {
        if (name.Length == 0)
        {
            throw Fail(nameStart, "Expected a dimension name before '='");
        }

        if (!DimensionNames.TryGetValue(name.ToLowerInvariant(), out var dimension))
        {
            throw Fail(nameStart, $"Unknown dimension '{name}'; expected one of channel, strategy, content, industry, owner, customer_type, tag");
        }

        var canonical = MetricExpressionFormatter.DimensionName(dimension);
        foreach (var c in conditions)
        {
            if (c.Dimension == dimension)
            {
                throw Fail(nameStart, $"{canonical} is given twice; list alternatives in one condition, {canonical}=a|b");
            }
        }

        _pos++; // '='
        var values = new List<string>();
        while (true)
        {
            SkipWhiteSpace();
            var valueStart = _pos;
            var value = ReadText();
            if (value.Trim().Length == 0)
            {
                throw Fail(valueStart, $"Expected a value for {canonical}");
            }

            values.Add(value);
            SkipWhiteSpace();
            if (Peek is '|' or '｜')
            {
                _pos++;
                continue;
            }

            return new SegmentCondition(dimension, values);
        }
    }

    // Quoted text keeps everything between the quotes ("" is one quote); bare text runs to the next syntax character, trimmed.
    private string ReadText()
    {
        var start = _pos;
        if (Peek == '"')
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail(start, "Unclosed quote");
                }

                var ch = _text[_pos++];
                if (ch == '"')
                {
                    if (Peek != '"')
                    {
                        return sb.ToString();
                    }

                    _pos++;
                }

                sb.Append(ch);
            }
        }

        while (!AtEnd && !IsSyntax(Peek))
        {
            _pos++;
        }

        return _text.Substring(start, _pos - start).Trim();
    }

    private TargetComparator ReadComparator()
    {
        var start = _pos;
        if (Match("<=") || Match("≤"))
        {
            return TargetComparator.LessThanOrEqual;
        }

        if (Match(">=") || Match("≥"))
        {
            return TargetComparator.GreaterThanOrEqual;
        }

        if (Match("<"))
        {
            return TargetComparator.LessThan;
        }

        if (Match(">"))
        {
            return TargetComparator.GreaterThan;
        }

        throw Fail(start, Peek is '=' or '＝'
            ? "A target compares with <=, <, >= or >; '=' alone is not a comparator"
            : "Expected a comparator (<=, <, >= or >) after the metric");
    }

    private (decimal Value, Currency? Currency) ReadValue(ActionMetricUnit unit, string what)
    {
        var start = _pos;
        if (Peek is '-' or '−')
        {
            throw Fail(start, $"The {what} must not be negative");
        }

        var value = ReadNumber();
        if (unit == ActionMetricUnit.Ratio && Peek is ':' or '：')
        {
            if (value != 1m)
            {
                throw Fail(start, "A ratio is written 1:x (revenue per unit of spend), or as a plain number");
            }

            _pos++;
            SkipWhiteSpace();
            value = ReadNumber();
        }

        SkipWhiteSpace();
        Currency? currency = null;
        var percent = false;
        var suffixStart = _pos;
        if (Peek is '%' or '％')
        {
            if (unit is not (ActionMetricUnit.Proportion or ActionMetricUnit.Ratio))
            {
                throw Fail(suffixStart, $"{Describe(unit)} is not a percentage; write it like {Example(unit)}");
            }

            _pos++;
            percent = true;
        }
        else if (!AtEnd)
        {
            while (!AtEnd && !char.IsWhiteSpace(Peek))
            {
                _pos++;
            }

            var suffix = _text.Substring(suffixStart, _pos - suffixStart);
            if (!ReadUnit(unit, suffix, ref currency))
            {
                throw Fail(suffixStart, $"Unexpected '{suffix}' after the {what}; {Describe(unit)} is written like {Example(unit)}");
            }
        }

        if (unit == ActionMetricUnit.Proportion && !percent && value > 1m)
        {
            throw Fail(start, $"A proportion is written as a percentage ({MetricExpressionFormatter.Number(value)}%) or a fraction (0.25); {MetricExpressionFormatter.Number(value)} is above 1");
        }

        if (percent)
        {
            value /= 100m;
        }

        if (MetricTarget.CheckValue(unit, value) is { } problem)
        {
            throw Fail(start, $"The {what} {problem}");
        }

        return (value, currency);
    }

    private static bool ReadUnit(ActionMetricUnit unit, string suffix, ref Currency? currency)
    {
        var s = suffix.ToLowerInvariant();
        switch (unit)
        {
            case ActionMetricUnit.Money:
                if (s is "元")
                {
                    currency = LeadAnalytics.Currency.CNY;
                    return true;
                }

                if (LeadAnalytics.Currency.TryFromCode(suffix, out var c) && suffix.Length == 3)
                {
                    currency = c;
                    return true;
                }

                return false;
            case ActionMetricUnit.Days:
                return s is "d" or "day" or "days" or "天";
            case ActionMetricUnit.Hours:
                return s is "h" or "hr" or "hrs" or "hour" or "hours" or "小时";
            case ActionMetricUnit.LeadsPerWeek:
                return s is "/week" or "/wk" or "/w" or "/周";
            default:
                return false;
        }
    }

    private decimal ReadNumber()
    {
        var start = _pos;
        while (!AtEnd && Peek is >= '0' and <= '9')
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Fail(start, "Expected a number");
        }

        if (Peek == '.' && _pos + 1 < _text.Length && _text[_pos + 1] is >= '0' and <= '9')
        {
            _pos++;
            while (!AtEnd && Peek is >= '0' and <= '9')
            {
                _pos++;
            }
        }

        if (!decimal.TryParse(_text.Substring(start, _pos - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw Fail(start, "The number is too large");
        }

        return value;
    }

    private bool Match(string token)
    {
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0)
        {
            _pos += token.Length;
            return true;
        }

        return false;
    }

    private void SkipWhiteSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek))
        {
            _pos++;
        }
    }

    private void ExpectEnd(string what)
    {
        SkipWhiteSpace();
        if (!AtEnd)
        {
            throw Fail(_pos, $"Unexpected text after {what}");
        }
    }

    private static string Describe(ActionMetricUnit unit) => unit switch
    {
        ActionMetricUnit.LeadsPerWeek => "lead volume (leads per week)",
        ActionMetricUnit.Proportion => "a proportion",
        ActionMetricUnit.Money => "an amount of money",
        ActionMetricUnit.Ratio => "a ratio",
        ActionMetricUnit.Days => "a number of days",
        _ => "a number of hours",
    };

    private static string Example(ActionMetricUnit unit) => unit switch
    {
        ActionMetricUnit.LeadsPerWeek => "50 or 50/week",
        ActionMetricUnit.Proportion => "25% or 0.25",
        ActionMetricUnit.Money => "4000 or 4000 CNY",
        ActionMetricUnit.Ratio => "3.5 or 1:3.5",
        ActionMetricUnit.Days => "30 or 30d",
        _ => "2 or 2h",
    };

    private static string Quote(string text) => MetricExpressionFormatter.Text(text.Trim());

    private Failure Fail(int position, string message)
    {
        var found = position >= _text.Length
            ? "end of text"
            : "'" + (_text.Length - position > 20 ? _text.Substring(position, 20) + "…" : _text.Substring(position)) + "'";
        return new Failure(position, $"{message} (at position {position}: {found}).");
    }

    // Unwinds the recursive descent to TryParse*; never escapes this class.
    private sealed class Failure : Exception
    {
        public Failure(int position, string message)
            : base(message) => Position = position;

        public int Position { get; }
    }
}
