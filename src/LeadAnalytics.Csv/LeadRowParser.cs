using System.Globalization;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Reads tracking-table rows into leads, through <see cref="DataQualityChecker.BuildLead"/> so every rule is the
/// engine's.</summary>
internal sealed class LeadRowParser : IRecordParser<Lead>
{
    private static readonly LeadField[] DateFields =
    {
        LeadField.AcquiredAt, LeadField.ContactedAt, LeadField.NeedsConfirmedAt, LeadField.ProposalSentAt, LeadField.NegotiationAt,
        LeadField.WonAt, LeadField.LostAt, LeadField.LastActivityAt,
    };

    private readonly int[] _column = Enumerable.Repeat(-1, 23).ToArray();
    private readonly List<(int Index, string Name)> _attributes = new();
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _headers = Array.Empty<string>();

    public void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues)
    {
        _headers = headers;
        var options = context.Options;
        var custom = new Dictionary<string, LeadField>(StringComparer.Ordinal);
        foreach (var pair in options.HeaderAliases)
        {
            custom[HeaderNames.Key(pair.Key)] = pair.Value;
        }

        var attributeNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (string.IsNullOrWhiteSpace(header))
            {
                continue;
            }

            var key = HeaderNames.Key(header);
            if (custom.TryGetValue(key, out var field) || TrackingTableHeaders.Aliases.TryGetValue(key, out field))
            {
                if (_column[(int)field] < 0)
                {
                    _column[(int)field] = i;
                    continue;
                }

                issues.Add(context.Issue(DataQualityRule.DuplicateColumn, IssueSeverity.Warning,
                    $"The column '{header}' names {field} again (first: '{headers[_column[(int)field]]}'); it is kept as an attribute.", header, null, null, field));
            }
            else
            {
                issues.Add(context.Issue(DataQualityRule.UnknownColumn, IssueSeverity.Warning,
                    options.KeepUnknownColumns ? $"Unknown column '{header}'; its values are kept as attributes." : $"Unknown column '{header}'; it is ignored.",
                    header, null));
                if (!options.KeepUnknownColumns)
                {
                    continue;
                }
            }

            var name = header.Trim();
            while (!attributeNames.Add(name) || name == DataQualityOptions.CycleDaysAttribute)
            {
                name += "#" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            _attributes.Add((i, name));
        }

        foreach (var required in new[] { LeadField.Id, LeadField.AcquiredAt })
        {
            if (_column[(int)required] < 0)
            {
                throw new CsvImportException(
                    $"No {required} column: the header needs one of {string.Join(", ", TrackingTableHeaders.Columns.First(c => c.Field == required) is var c ? new[] { c.English, c.Simplified, c.Traditional } : Array.Empty<string>())} (or a CsvReadOptions.HeaderAliases entry). Found: {string.Join(", ", headers)}.",
                    context.File, context.Line);
            }
        }

        foreach (var required in options.Quality.RequiredFields)
        {
            if (_column[(int)required] < 0)
            {
                issues.Add(context.Issue(DataQualityRule.MissingColumn, IssueSeverity.Error,
                    $"The required field {required} has no column ({TrackingTableHeaders.NameOf(required, CsvHeaderLanguage.English)} / {TrackingTableHeaders.NameOf(required, CsvHeaderLanguage.SimplifiedChinese)}); every row will lack it.",
                    null, null, null, required));
            }
        }
    }

    public Lead? Parse(string[] cells, RowContext context, List<DataQualityIssue> issues)
    {
        var options = context.Options;
        var bad = new HashSet<LeadField>();
        var b = new LeadBuilder
        {
            Pipeline = options.Pipeline,
            Id = Text(cells, LeadField.Id),
            Name = Text(cells, LeadField.Name),
            Channel = Text(cells, LeadField.Channel),
            Strategy = Text(cells, LeadField.Strategy),
            Content = Text(cells, LeadField.Content),
            Owner = Text(cells, LeadField.Owner),
            CustomerType = Text(cells, LeadField.CustomerType),
            Industry = Text(cells, LeadField.Industry),
            LossReason = Text(cells, LeadField.LossReason),
            Notes = Text(cells, LeadField.Notes),
        };
        var id = string.IsNullOrWhiteSpace(b.Id) ? null : b.Id!.Trim();

        foreach (var field in DateFields)
        {
            var raw = Text(cells, field);
            if (raw is null)
            {
                continue;
            }

            if (CsvValues.TryParseInstant(raw, options.TimeZone, out var at, out _))
            {
                SetInstant(b, field, at);
            }
            else
            {
                bad.Add(field);
                issues.Add(context.Issue(DataQualityRule.InvalidDate, IssueSeverity.Error,
                    $"'{raw.Trim()}' is not a date (expected 2023-10-01 14:30, 2023/10/1 or ISO 8601).", Header(field), raw, id, field));
            }
        }

        Currency? rowCurrency = null;
        if (Text(cells, LeadField.Currency) is { } currencyText)
        {
            if (TryParseCurrency(currencyText, out var c))
            {
                rowCurrency = c;
            }
            else
            {
                bad.Add(LeadField.Currency);
                issues.Add(context.Issue(DataQualityRule.InvalidCurrency, IssueSeverity.Error,
                    $"'{currencyText.Trim()}' is not an ISO 4217 currency code.", Header(LeadField.Currency), currencyText, id, LeadField.Currency));
            }
        }

        b.DealAmount = Amount(cells, LeadField.DealAmount, rowCurrency, bad, context, issues, id);
        b.AcquisitionCost = Amount(cells, LeadField.AcquisitionCost, rowCurrency, bad, context, issues, id);

        if (Text(cells, LeadField.Tags) is { } tags)
        {
            foreach (var tag in tags.Split(TrackingTableHeaders.TagSeparators))
            {
                if (!string.IsNullOrWhiteSpace(tag))
                {
                    b.Tags.Add(tag.Trim());
                }
            }
        }

        if (Text(cells, LeadField.CycleDays) is { } cycleDays)
        {
            b.Attributes[DataQualityOptions.CycleDaysAttribute] = cycleDays;
        }

        foreach (var (index, name) in _attributes)
        {
            if (!string.IsNullOrWhiteSpace(cells[index]))
            {
                b.Attributes[name] = cells[index];
            }
        }

        var checks = new List<DataQualityIssue>();
        var lead = DataQualityChecker.BuildLead(b, options.Quality, checks);
        foreach (var issue in checks)
        {
            // A cell that did not parse was reported once already; what follows from its absence is not a second fault.
            if (issue.Field is { } f && bad.Contains(f))
            {
                continue;
            }

            var column = issue.Field is { } g && _column[(int)g] >= 0 ? _column[(int)g] : -1;
            issues.Add(column >= 0
                ? issue.WithSource(context.File, context.Line, _headers[column], cells[column])
                : issue.WithSource(context.File, context.Line, null, null));
        }

        if (bad.Count > 0 || lead is null)
        {
            return null;
        }

        if (options.CheckDuplicateIds)
        {
            if (_seen.TryGetValue(lead.Id, out var first))
            {
                issues.Add(context.Issue(DataQualityRule.DuplicateId, IssueSeverity.Error,
                    $"The id '{lead.Id}' was already used at line {first.ToString(CultureInfo.InvariantCulture)}; this row is not read.",
                    Header(LeadField.Id), cells[_column[(int)LeadField.Id]], lead.Id, LeadField.Id));
                return null;
            }

            _seen.Add(lead.Id, context.Line);
        }

        return lead;
    }

    private Money? Amount(string[] cells, LeadField field, Currency? rowCurrency, HashSet<LeadField> bad, RowContext context, List<DataQualityIssue> issues, string? id)
    {
        if (Text(cells, field) is not { } raw)
        {
            return null;
        }

        if (!CsvValues.TryParseAmount(raw, rowCurrency, out var amount, out var named))
        {
            bad.Add(field);
            issues.Add(context.Issue(DataQualityRule.InvalidAmount, IssueSeverity.Error,
                $"'{raw.Trim()}' is not an amount (expected 50000, 50,000, ¥50,000, 5万 or 50万元).", Header(field), raw, id, field));
            return null;
        }

        if (named is { } n && rowCurrency is { } r && n != r && !bad.Contains(LeadField.Currency))
        {
            bad.Add(field);
            issues.Add(context.Issue(DataQualityRule.CurrencyMismatch, IssueSeverity.Error,
                $"'{raw.Trim()}' is in {n.Code} but the row's currency is {r.Code}.", Header(field), raw, id, field));
            return null;
        }

        return new Money(amount, named ?? rowCurrency ?? context.Options.Currency);
    }

    private static bool TryParseCurrency(string text, out Currency currency)
    {
        var t = text.Trim();
        if (t is "元" or "人民币" or "人民幣" or "¥" or "￥")
        {
            currency = Currency.CNY;
            return true;
        }

        return Currency.TryFromCode(t, out currency);
    }

    private static void SetInstant(LeadBuilder b, LeadField field, DateTimeOffset at)
    {
        switch (field)
        {
            case LeadField.AcquiredAt:
                b.AcquiredAt = at;
                break;
            case LeadField.ContactedAt:
                b.SetStageTime(Pipeline.Contacted, at);
                break;
            case LeadField.NeedsConfirmedAt:
                b.SetStageTime(Pipeline.NeedsConfirmed, at);
                break;
            case LeadField.ProposalSentAt:
                b.SetStageTime(Pipeline.ProposalSent, at);
                break;
            case LeadField.NegotiationAt:
                b.SetStageTime(Pipeline.Negotiation, at);
                break;
            case LeadField.WonAt:
                b.WonAt = at;
                break;
            case LeadField.LostAt:
                b.LostAt = at;
                break;
            case LeadField.LastActivityAt:
                b.LastActivityAt = at;
                break;
        }
    }

    private string? Text(string[] cells, LeadField field)
    {
        var i = _column[(int)field];
        return i < 0 || string.IsNullOrWhiteSpace(cells[i]) ? null : cells[i];
    }

    private string? Header(LeadField field) => _column[(int)field] is var i && i >= 0 ? _headers[i] : null;
}
