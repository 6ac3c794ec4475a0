using System.Globalization;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Reads cost rows: scope, key, period_start, period_end (an inclusive date), amount, currency, impressions, clicks.</summary>
internal sealed class CostRowParser : IRecordParser<CostEntry>
{
    internal enum Column
    {
        Scope,
        Key,
        PeriodStart,
        PeriodEnd,
        Amount,
        Currency,
        Impressions,
        Clicks,
    }

    private readonly ColumnBinder<Column> _columns = new(
        (Column.Scope, new[] { "scope", "范围", "範圍", "维度", "維度" }),
        (Column.Key, new[] { "key", "name", "名称", "名稱", "对象", "對象" }),
        (Column.PeriodStart, new[] { "period_start", "start", "开始日期", "開始日期" }),
        (Column.PeriodEnd, new[] { "period_end", "end", "结束日期", "結束日期" }),
        (Column.Amount, new[] { "amount", "cost", "spend", "金额", "金額", "费用", "費用", "成本" }),
        (Column.Currency, new[] { "currency", "币种", "幣種" }),
        (Column.Impressions, new[] { "impressions", "曝光量", "展现量", "展現量" }),
        (Column.Clicks, new[] { "clicks", "点击量", "點擊量" }));

    public void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues) =>
        _columns.Bind(headers, context, issues, "cost", Column.Scope, Column.Key, Column.PeriodStart, Column.PeriodEnd, Column.Amount);

    public CostEntry? Parse(string[] cells, RowContext context, List<DataQualityIssue> issues)
    {
        var errors = issues.Count;
        var scope = Required(cells, Column.Scope, context, issues) is { } s ? ParseScope(s, context, issues) : null;
        var key = Required(cells, Column.Key, context, issues);
        var start = Date(cells, Column.PeriodStart, context, issues, out var startHasTime);
        var end = Date(cells, Column.PeriodEnd, context, issues, out var endHasTime);
        Currency? currency = null;
        if (_columns.Text(cells, Column.Currency) is { } c)
        {
            if (Currency.TryFromCode(c, out var parsed))
            {
                currency = parsed;
            }
            else
            {
                Add(issues, context, DataQualityRule.InvalidCurrency, $"'{c.Trim()}' is not an ISO 4217 currency code.", Column.Currency, c);
            }
        }

        decimal? amount = null;
        var amountText = Required(cells, Column.Amount, context, issues);
        if (amountText is not null)
        {
            if (!CsvValues.TryParseAmount(amountText, currency, out var a, out var named))
            {
                Add(issues, context, DataQualityRule.InvalidAmount, $"'{amountText.Trim()}' is not an amount.", Column.Amount, amountText);
            }
            else if (CsvValues.IsTooLarge(a))
            {
                Add(issues, context, DataQualityRule.InvalidAmount, CsvValues.TooLarge(amountText), Column.Amount, amountText);
            }
            else if (a < 0m)
            {
                Add(issues, context, DataQualityRule.InvalidAmount, $"A cost must not be negative (was {amountText.Trim()}).", Column.Amount, amountText);
            }
            else if (named is { } n && currency is { } r && n != r)
            {
                Add(issues, context, DataQualityRule.CurrencyMismatch, $"'{amountText.Trim()}' is in {n.Code} but the row's currency is {r.Code}.", Column.Amount, amountText);
            }
            else
            {
                amount = a;
                currency ??= named;
            }
        }

        var impressions = Count(cells, Column.Impressions, context, issues);
        var clicks = Count(cells, Column.Clicks, context, issues);
        if (issues.Skip(errors).Any(i => i.Severity == IssueSeverity.Error))
        {
            return null;
        }

        // The file's end date is inclusive (a cost for October ends 2023-10-31); CostEntry's end is exclusive, so a date-only
        // end becomes midnight of the next day. An end with a time of day is taken as the exclusive instant it names.
        var exclusiveEnd = endHasTime ? end!.Value : NextDay(end!.Value, context.Options.TimeZone);
        _ = startHasTime;
        if (exclusiveEnd <= start!.Value)
        {
            Add(issues, context, DataQualityRule.InvalidRecord,
                $"The period ends ({_columns.Text(cells, Column.PeriodEnd)!.Trim()}) before it starts ({_columns.Text(cells, Column.PeriodStart)!.Trim()}).",
                Column.PeriodEnd, _columns.Text(cells, Column.PeriodEnd));
            return null;
        }

        // One costs file holds one currency: the engines would refuse the mix later with no file or line to name.
        var rowCurrency = currency ?? context.Options.Currency;
        if (_first is { } first && first.Currency != rowCurrency)
        {
            Add(issues, context, DataQualityRule.CurrencyMismatch,
                $"The cost is in {rowCurrency.Code}, the file's costs in {first.Currency.Code} (from line {first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}); convert it first.",
                _columns.Has(Column.Currency) ? Column.Currency : Column.Amount, _columns.Text(cells, Column.Currency) ?? _columns.Text(cells, Column.Amount));
            return null;
        }

        _first ??= (rowCurrency, context.Line);
        return new CostEntry(scope!.Value, key!.Trim(), start.Value, exclusiveEnd, new Money(amount!.Value, rowCurrency), impressions, clicks);
    }

    private (Currency Currency, long Line)? _first;

    private static DateTimeOffset NextDay(DateTimeOffset date, TimeZoneInfo zone)
    {
        var next = date.DateTime.Date.AddDays(1);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }

    private CostScope? ParseScope(string text, RowContext context, List<DataQualityIssue> issues)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "channel":
            case "渠道":
                return CostScope.Channel;
            case "strategy":
            case "策略":
                return CostScope.Strategy;
            case "content":
            case "内容":
            case "內容":
                return CostScope.Content;
            default:
                Add(issues, context, DataQualityRule.InvalidValue, $"'{text.Trim()}' is not a cost scope (channel, strategy or content).", Column.Scope, text);
                return null;
        }
    }

    private string? Required(string[] cells, Column column, RowContext context, List<DataQualityIssue> issues)
    {
        var text = _columns.Text(cells, column);
        if (text is null)
        {
            Add(issues, context, DataQualityRule.MissingRequiredField, $"The {column} of a cost is empty.", column, null);
        }

        return text;
    }

    private DateTimeOffset? Date(string[] cells, Column column, RowContext context, List<DataQualityIssue> issues, out bool hasTime)
    {
        hasTime = false;
        if (Required(cells, column, context, issues) is not { } text)
        {
            return null;
        }

        if (CsvValues.TryParseInstant(text, context.Options.TimeZone, out var at, out hasTime))
        {
            return at;
        }

        Add(issues, context, DataQualityRule.InvalidDate, $"'{text.Trim()}' is not a date.", column, text);
        return null;
    }

    private long? Count(string[] cells, Column column, RowContext context, List<DataQualityIssue> issues)
    {
        if (_columns.Text(cells, column) is not { } text)
        {
            return null;
        }

        if (CsvValues.TryParseCount(text, out var n))
        {
            return n;
        }

        Add(issues, context, DataQualityRule.InvalidNumber, $"'{text.Trim()}' is not a whole non-negative count.", column, text);
        return null;
    }

    private void Add(List<DataQualityIssue> issues, RowContext context, DataQualityRule rule, string message, Column column, string? value) =>
        issues.Add(context.Issue(rule, IssueSeverity.Error, message, _columns.Header(column), value));

    internal static string Describe(Column c) => c.ToString().ToLower(CultureInfo.InvariantCulture);
}
