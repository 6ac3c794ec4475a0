using System.Globalization;
using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Reads tracking-table rows into leads (through <see cref="DataQualityChecker.BuildLead"/>) or straight into a
/// <see cref="LeadTableBuilder"/> (through <see cref="LeadTableBuilder.Add(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/>),
/// so every rule is the engine's. Both parse a row the same way (<see cref="Fill"/>) and report the same issues.</summary>
internal sealed class LeadRowParser : IRecordParser<Lead>
{
    // The dimension columns whose cells repeat: one pooled string per distinct (trimmed) text.
    private static readonly LeadField[] PooledFields =
    {
        LeadField.Channel, LeadField.Strategy, LeadField.Content, LeadField.Owner, LeadField.CustomerType, LeadField.Industry, LeadField.LossReason,
        LeadField.Currency, LeadField.Tags,
    };

    private static readonly LeadField[] DateFields =
    {
        LeadField.AcquiredAt, LeadField.ContactedAt, LeadField.NeedsConfirmedAt, LeadField.ProposalSentAt, LeadField.NegotiationAt,
        LeadField.WonAt, LeadField.LostAt, LeadField.LastActivityAt,
    };

    private readonly int[] _column = Enumerable.Repeat(-1, 23).ToArray();
    private readonly List<(int Index, string Name)> _attributes = new();
    private readonly IdLines _seen = new();
    private readonly StringPool?[] _pools = new StringPool?[23];
    private readonly Dictionary<string, Currency?> _currencies = new(StringComparer.Ordinal);
    private readonly List<(string Stage, LeadField Field, DateTimeOffset At)> _unknownStages = new();
    private readonly List<DataQualityIssue> _checks = new();
    private IReadOnlyList<string> _headers = Array.Empty<string>();
    private LeadRecord? _record;

    // The direct path (TryAddDirect): the present date columns with where each goes (a stage index, LostSlot or ActivitySlot),
    // the instants of the row being read, its tags; off when the header or options need what only the record path does.
    private const int LostSlot = -1;
    private const int ActivitySlot = -2;
    private readonly List<(LeadField Field, int Column, int Slot)> _dateColumns = new();
    private readonly List<string> _directTags = new();
    private DateTimeOffset?[] _instants = Array.Empty<DateTimeOffset?>();
    private LeadField[] _required = Array.Empty<LeadField>();
    private bool _directReady;
    private TimeSpan? _fixedOffset;
    private bool _keepName;
    private bool _keepNotes;

    /// <summary>Leave the duplicate-id check to the caller (the parallel import checks the joined table once).</summary>
    internal bool SkipDuplicateIds { get; init; }

    /// <summary>Add clean rows straight to the table, without a <see cref="LeadRecord"/> (true by default; tests compare both paths).</summary>
    internal bool Direct { get; init; } = true;

    /// <summary>The rows added by the direct path so far (tests).</summary>
    internal long DirectRows { get; private set; }

    public void Bind(IReadOnlyList<string> headers, RowContext context, List<DataQualityIssue> issues)
    {
        _headers = headers;
        var options = context.Options;
        _record = new LeadRecord(options.Pipeline);
        _fixedOffset = CsvValues.FixedOffsetOf(options.TimeZone);
        _keepName = options.Quality.RequiredFields.Contains(LeadField.Name);
        _keepNotes = options.Quality.RequiredFields.Contains(LeadField.Notes);
        foreach (var field in PooledFields)
        {
            _pools[(int)field] = new StringPool();
        }

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

        _directReady = DirectReady(options);
    }

    // Whether rows can take the direct path: every date column goes to a stage of the pipeline, lost or last activity (a stage the
    // pipeline lacks is an error only the record path reports), and every required field is one the direct path sees.
    private bool DirectReady(CsvReadOptions options)
    {
        var pipeline = options.Pipeline;
        _dateColumns.Clear();
        foreach (var field in DateFields)
        {
            var column = _column[(int)field];
            if (column < 0)
            {
                continue;
            }

            var slot = field switch
            {
                LeadField.AcquiredAt => 0,
                LeadField.WonAt => pipeline.Count - 1,
                LeadField.LostAt => LostSlot,
                LeadField.LastActivityAt => ActivitySlot,
                LeadField.ContactedAt => pipeline.IndexOf(Pipeline.Contacted),
                LeadField.NeedsConfirmedAt => pipeline.IndexOf(Pipeline.NeedsConfirmed),
                LeadField.ProposalSentAt => pipeline.IndexOf(Pipeline.ProposalSent),
                _ => pipeline.IndexOf(Pipeline.Negotiation),
            };
            if (field is not (LeadField.AcquiredAt or LeadField.WonAt or LeadField.LostAt or LeadField.LastActivityAt) && (slot <= 0 || slot >= pipeline.Count - 1))
            {
                return false;
            }

            _dateColumns.Add((field, column, slot));
        }

        _instants = new DateTimeOffset?[pipeline.Count];
        _required = options.Quality.RequiredFields.ToArray();
        foreach (var field in _required)
        {
            if (field is LeadField.Name or LeadField.Notes or LeadField.Tags or LeadField.Currency or LeadField.CycleDays)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Prepares a batch to parse the date columns while it is filled (on the tokenizing thread).</summary>
    public void Prepare(RowBatch batch, CsvReadOptions options)
    {
        var columns = new List<int>();
        foreach (var field in DateFields)
        {
            if (_column[(int)field] >= 0)
            {
                columns.Add(_column[(int)field]);
            }
        }

        batch.ParseInstants(columns, options.TimeZone, _fixedOffset);
    }

    /// <summary>Parses a row into a lead (the <see cref="LeadCsv.Read(string, CsvReadOptions?)"/> path).</summary>
    public Lead? Parse(string[] cells, RowContext context, List<DataQualityIssue> issues)
    {
        var row = new CsvCells(cells);
        var record = _record!;
        var bad = Fill(row, record, context, issues, keepAll: true);
        var b = ToBuilder(record, row, context.Options);
        _checks.Clear();
        var lead = DataQualityChecker.BuildLead(b, context.Options.Quality, _checks);
        Locate(row, context, bad, issues);
        if (bad != 0 || lead is null)
        {
            return null;
        }

        return IsDuplicate(row, lead.Id, context, issues) ? null : lead;
    }

    /// <summary>Parses a row and adds it to a table unless it has an error (the <see cref="LeadCsv.ReadTable(string, CsvReadOptions?, LeadTableOptions?)"/>
    /// path): the same issues as <see cref="Parse"/>, and the table gets the row exactly when <see cref="Parse"/> would return a lead.</summary>
    public bool ParseInto(CsvCells row, RowContext context, List<DataQualityIssue> issues, LeadTableBuilder table)
    {
        if (_directReady && Direct && TryAddDirect(row, context, table))
        {
            return true;
        }

        var record = _record!;
        var options = context.Options;
        var bad = Fill(row, record, context, issues, keepAll: false);
        _checks.Clear();
        if (_unknownStages.Count > 0)
        {
            // A stage the pipeline lacks: only the builder can name it (UnknownStage is an error, so the row is rejected).
            DataQualityChecker.BuildLead(ToBuilder(record, row, options), options.Quality, _checks);
            Locate(row, context, bad, issues);
            return false;
        }

        var id = record.Id is { } raw && !string.IsNullOrWhiteSpace(raw) ? raw.Trim() : null;
        var slot = -1;
        if (bad != 0 || (CheckDuplicates(options) && id is not null && _seen.Find(id, out slot)))
        {
            var accepted = DataQualityChecker.CheckRecord(record, options.Quality, _checks);
            Locate(row, context, bad, issues);
            if (bad == 0 && accepted)
            {
                IsDuplicate(row, id!, context, issues);
            }

            return false;
        }

        bool added;
        try
        {
            added = table.Add(record, options.Quality, _checks);
        }
        catch (ArgumentException ex)
        {
            // An instant decades away from the table's others: the row cannot be held; report it instead of stopping the import.
            _checks.Add(new DataQualityIssue(DataQualityRule.InvalidDate, IssueSeverity.Error, ex.Message, id));
            added = false;
        }

        Locate(row, context, bad, issues);
        if (added && CheckDuplicates(options))
        {
            _seen.AddAt(slot, id!, context.Line);
        }

        return added;
    }

    /// <summary>Adds a row straight to the table when it is certain to give no issue at all: every cell parses as the record path
    /// parses it, and the row breaks no rule of <see cref="DataQualityChecker.CheckRecord(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/>
    /// (the conditions of <c>LeadRules.IsValid</c>, no required field missing, no warning) nor of the table. Any doubt returns
    /// <see langword="false"/> with nothing added, and the record path reads the row and reports what it finds; so the table and
    /// the issues are the record path's, row for row.</summary>
    private bool TryAddDirect(CsvCells row, RowContext context, LeadTableBuilder table)
    {
        var options = context.Options;
        var id = RowBatch.Trim(row.Span(_column[(int)LeadField.Id]));
        if (id.Length == 0)
        {
            return false;
        }

        var instants = _instants;
        Array.Clear(instants, 0, instants.Length);
        DateTimeOffset? lostAt = null;
        DateTimeOffset? activityAt = null;
        foreach (var (_, column, slot) in _dateColumns)
        {
            if (row.IsBlank(column))
            {
                continue;
            }

            if (!row.TryParseInstant(column, options.TimeZone, _fixedOffset, out var at) || !CsvValues.IsPlausible(at))
            {
                return false;
            }

            if (slot >= 0)
            {
                instants[slot] = at;
            }
            else if (slot == LostSlot)
            {
                lostAt = at;
            }
            else
            {
                activityAt = at;
            }
        }

        Currency? rowCurrency = null;
        if (Pooled(row, LeadField.Currency) is { } currencyText)
        {
            if (CurrencyOf(currencyText) is not { } currency)
            {
                return false;
            }

            rowCurrency = currency;
        }

        var amountCurrency = rowCurrency ?? options.Currency;
        if (!PlainAmount(row, LeadField.DealAmount, amountCurrency, out var deal) || !PlainAmount(row, LeadField.AcquisitionCost, amountCurrency, out var cost))
        {
            return false;
        }

        if ((deal is not null || cost is not null) && options.Quality.ExpectedCurrency is { } expected && expected != amountCurrency)
        {
            return false;
        }

        // The lead rules (acquisition recorded, stages in order, not won and lost, amounts not negative), the record path's own;
        // the id was found non-blank above, so a marker stands for it (no string per row).
        if (LeadRules.Validate(options.Pipeline, "-", instants, lostAt, deal, cost).Count != 0)
        {
            return false;
        }

        var won = instants[instants.Length - 1];
        if (won is not null && deal is null)
        {
            // WonWithoutDealAmount is a warning the record path writes.
            return false;
        }

        var channel = Pooled(row, LeadField.Channel);
        var strategy = Pooled(row, LeadField.Strategy);
        var content = Pooled(row, LeadField.Content);
        var owner = Pooled(row, LeadField.Owner);
        var customerType = Pooled(row, LeadField.CustomerType);
        var industry = Pooled(row, LeadField.Industry);
        var lossReason = Pooled(row, LeadField.LossReason);
        foreach (var field in _required)
        {
            var missing = field switch
            {
                LeadField.Channel => channel is null,
                LeadField.Strategy => strategy is null,
                LeadField.Content => content is null,
                LeadField.Owner => owner is null,
                LeadField.CustomerType => customerType is null,
                LeadField.Industry => industry is null,
                LeadField.LossReason => lossReason is null,
                LeadField.DealAmount => deal is null,
                LeadField.AcquisitionCost => cost is null,
                LeadField.LostAt => lostAt is null,
                LeadField.LastActivityAt => activityAt is null,
                LeadField.Id or LeadField.AcquiredAt => false,
                _ => StageMissing(field),
            };
            if (missing)
            {
                return false;
            }
        }

        var cycleColumn = _column[(int)LeadField.CycleDays];
        if (cycleColumn >= 0 && !row.IsBlank(cycleColumn))
        {
            var elapsed = (won ?? lostAt) - instants[0];
            if (!DataQualityChecker.CycleDaysAgree(row.GetString(cycleColumn), elapsed, options.Quality))
            {
                return false;
            }
        }

        _directTags.Clear();
        var tagColumn = _column[(int)LeadField.Tags];
        if (tagColumn >= 0 && !row.IsBlank(tagColumn))
        {
            Tags(row.Span(tagColumn), _directTags);
        }

        string? idText = null;
        var slotOfId = -1;
        if (CheckDuplicates(options))
        {
            idText = id.ToString();
            if (_seen.Find(idText, out slotOfId))
            {
                return false;
            }
        }

        if (!table.TryAddPlain(options.Pipeline, id, channel, strategy, content, industry, owner, customerType, lossReason, _directTags, instants, lostAt,
            activityAt, deal, cost))
        {
            return false;
        }

        if (idText is not null)
        {
            _seen.AddAt(slotOfId, idText, context.Line);
        }

        DirectRows++;
        return true;

        bool StageMissing(LeadField field)
        {
            foreach (var (f, _, slot) in _dateColumns)
            {
                if (f == field)
                {
                    return slot >= 0 && instants[slot] is null;
                }
            }

            return true;
        }
    }

    // A plain amount (digits, a point, a leading minus) that is not too large, in the given currency; false for anything else,
    // which the record path reads and reports (5万, ¥3,000).
    private bool PlainAmount(CsvCells row, LeadField field, Currency currency, out Money? amount)
    {
        amount = null;
        var column = _column[(int)field];
        if (column < 0 || row.IsBlank(column))
        {
            return true;
        }

        if (!CsvValues.TryParsePlainAmount(row.Span(column), out var plain) || CsvValues.IsTooLarge(plain))
        {
            return false;
        }

        amount = new Money(plain, currency);
        return true;
    }

    // The tags of a cell, split at the separators, trimmed and pooled; blank ones left out.
    private void Tags(ReadOnlySpan<char> tags, IList<string> into)
    {
        var pool = _pools[(int)LeadField.Tags]!;
        while (tags.Length > 0)
        {
            var end = tags.IndexOfAny(TrackingTableHeaders.TagSeparators);
            var tag = RowBatch.Trim(end < 0 ? tags : tags.Slice(0, end));
            if (tag.Length > 0 && pool.Intern(tag) is { Length: > 0 } label)
            {
                into.Add(label);
            }

            tags = end < 0 ? ReadOnlySpan<char>.Empty : tags.Slice(end + 1);
        }
    }

    /// <summary>Reads the cells into the record, reporting cells that do not parse; returns the fields whose cells failed.</summary>
    private ulong Fill(CsvCells row, LeadRecord record, RowContext context, List<DataQualityIssue> issues, bool keepAll)
    {
        var options = context.Options;
        var pipeline = record.Pipeline;
        ulong bad = 0;
        record.Clear();
        _unknownStages.Clear();
        record.Id = Text(row, LeadField.Id);
        record.Channel = Pooled(row, LeadField.Channel);
        record.Strategy = Pooled(row, LeadField.Strategy);
        record.Content = Pooled(row, LeadField.Content);
        record.Owner = Pooled(row, LeadField.Owner);
        record.CustomerType = Pooled(row, LeadField.CustomerType);
        record.Industry = Pooled(row, LeadField.Industry);
        record.LossReason = Pooled(row, LeadField.LossReason);
        record.Name = keepAll || _keepName ? Text(row, LeadField.Name) : null;
        record.Notes = keepAll || _keepNotes ? Text(row, LeadField.Notes) : null;
        var id = string.IsNullOrWhiteSpace(record.Id) ? null : record.Id!.Trim();

        foreach (var field in DateFields)
        {
            var column = _column[(int)field];
            if (column < 0 || row.IsBlank(column))
            {
                continue;
            }

            if (row.TryParseInstant(column, options.TimeZone, _fixedOffset, out var at))
            {
                if (!CsvValues.IsPlausible(at))
                {
                    bad |= Bit(field);
                    var far = row.GetString(column);
                    issues.Add(context.Issue(DataQualityRule.InvalidDate, IssueSeverity.Error, CsvValues.Implausible(far), Header(field), far, id, field));
                    continue;
                }

                SetInstant(record, pipeline, field, at);
            }
            else
            {
                bad |= Bit(field);
                var raw = row.GetString(column);
                issues.Add(context.Issue(DataQualityRule.InvalidDate, IssueSeverity.Error,
                    $"'{raw.Trim()}' is not a date (expected 2023-10-01 14:30, 2023/10/1 or ISO 8601).", Header(field), raw, id, field));
            }
        }

        Currency? rowCurrency = null;
        if (Pooled(row, LeadField.Currency) is { } currencyText)
        {
            if (CurrencyOf(currencyText) is { } currency)
            {
                rowCurrency = currency;
            }
            else
            {
                bad |= Bit(LeadField.Currency);
                var raw = row.GetString(_column[(int)LeadField.Currency]);
                issues.Add(context.Issue(DataQualityRule.InvalidCurrency, IssueSeverity.Error,
                    $"'{raw.Trim()}' is not an ISO 4217 currency code.", Header(LeadField.Currency), raw, id, LeadField.Currency));
            }
        }

        record.DealAmount = Amount(row, LeadField.DealAmount, rowCurrency, ref bad, context, issues, id);
        record.AcquisitionCost = Amount(row, LeadField.AcquisitionCost, rowCurrency, ref bad, context, issues, id);

        var tagColumn = _column[(int)LeadField.Tags];
        if (tagColumn >= 0 && !row.IsBlank(tagColumn))
        {
            Tags(row.Span(tagColumn), record.Tags);
        }

        record.RecordedCycleDays = Text(row, LeadField.CycleDays);
        return bad;
    }

    /// <summary>The builder the lead path checks and builds: the record's values plus attributes and stages the pipeline lacks.</summary>
    private LeadBuilder ToBuilder(LeadRecord record, CsvCells row, CsvReadOptions options)
    {
        var pipeline = record.Pipeline;
        var b = new LeadBuilder
        {
            Pipeline = options.Pipeline,
            Id = record.Id,
            Name = record.Name,
            Channel = record.Channel,
            Strategy = record.Strategy,
            Content = record.Content,
            Owner = record.Owner,
            CustomerType = record.CustomerType,
            Industry = record.Industry,
            LossReason = record.LossReason,
            Notes = record.Notes,
            AcquiredAt = record.AcquiredAt,
            WonAt = record.WonAt,
            LostAt = record.LostAt,
            LastActivityAt = record.LastActivityAt,
            DealAmount = record.DealAmount,
            AcquisitionCost = record.AcquisitionCost,
        };
        for (var s = 1; s < pipeline.Count - 1; s++)
        {
            if (record.GetStageTime(s) is { } t)
            {
                b.SetStageTime(pipeline.Stages[s].Name, t);
            }
        }

        foreach (var (stage, _, at) in _unknownStages)
        {
            b.SetStageTime(stage, at);
        }

        foreach (var tag in record.Tags)
        {
            b.Tags.Add(tag);
        }

        if (record.RecordedCycleDays is { } cycleDays)
        {
            b.Attributes[DataQualityOptions.CycleDaysAttribute] = cycleDays;
        }

        foreach (var (index, name) in _attributes)
        {
            if (!row.IsBlank(index))
            {
                b.Attributes[name] = row.GetString(index);
            }
        }

        return b;
    }

    /// <summary>Moves the checks' issues to the row's, with file, line, column and cell; a cell that did not parse was reported
    /// once already, and what follows from its absence is not a second fault.</summary>
    private void Locate(CsvCells row, RowContext context, ulong bad, List<DataQualityIssue> issues)
    {
        foreach (var issue in _checks)
        {
            if (issue.Field is { } f && (bad & Bit(f)) != 0)
            {
                continue;
            }

            var column = issue.Field is { } g && _column[(int)g] >= 0 ? _column[(int)g] : -1;
            issues.Add(column >= 0
                ? issue.WithSource(context.File, context.Line, _headers[column], row.GetString(column))
                : issue.WithSource(context.File, context.Line, null, null));
        }

        _checks.Clear();
    }

    private bool CheckDuplicates(CsvReadOptions options) => options.CheckDuplicateIds && !SkipDuplicateIds;

    private bool IsDuplicate(CsvCells row, string id, RowContext context, List<DataQualityIssue> issues)
    {
        if (!CheckDuplicates(context.Options))
        {
            return false;
        }

        if (_seen.TryGetValue(id, out var first))
        {
            issues.Add(context.Issue(DataQualityRule.DuplicateId, IssueSeverity.Error,
                $"The id '{id}' was already used at line {first.ToString(CultureInfo.InvariantCulture)}; this row is not read.",
                Header(LeadField.Id), row.GetString(_column[(int)LeadField.Id]), id, LeadField.Id));
            return true;
        }

        _seen.Add(id, context.Line);
        return false;
    }

    private Money? Amount(CsvCells row, LeadField field, Currency? rowCurrency, ref ulong bad, RowContext context, List<DataQualityIssue> issues, string? id)
    {
        var column = _column[(int)field];
        if (column < 0 || row.IsBlank(column))
        {
            return null;
        }

        if (CsvValues.TryParsePlainAmount(row.Span(column), out var plain) && !CsvValues.IsTooLarge(plain))
        {
            return new Money(plain, rowCurrency ?? context.Options.Currency);
        }

        var raw = row.GetString(column);
        if (CsvValues.TryParseAmount(raw, rowCurrency, out var amount, out var named) && CsvValues.IsTooLarge(amount))
        {
            bad |= Bit(field);
            issues.Add(context.Issue(DataQualityRule.InvalidAmount, IssueSeverity.Error, CsvValues.TooLarge(raw), Header(field), raw, id, field));
            return null;
        }

        if (!CsvValues.TryParseAmount(raw, rowCurrency, out amount, out named))
        {
            bad |= Bit(field);
            issues.Add(context.Issue(DataQualityRule.InvalidAmount, IssueSeverity.Error,
                $"'{raw.Trim()}' is not an amount (expected 50000, 50,000, ¥50,000, 5万 or 50万元).", Header(field), raw, id, field));
            return null;
        }

        if (named is { } n && rowCurrency is { } r && n != r && (bad & Bit(LeadField.Currency)) == 0)
        {
            bad |= Bit(field);
            issues.Add(context.Issue(DataQualityRule.CurrencyMismatch, IssueSeverity.Error,
                $"'{raw.Trim()}' is in {n.Code} but the row's currency is {r.Code}.", Header(field), raw, id, field));
            return null;
        }

        return new Money(amount, named ?? rowCurrency ?? context.Options.Currency);
    }

    // A currency cell's currency (its pooled text parsed once), or null when it names none.
    private Currency? CurrencyOf(string text)
    {
        if (!_currencies.TryGetValue(text, out var parsed))
        {
            parsed = TryParseCurrency(text, out var c) ? c : null;
            _currencies[text] = parsed;
        }

        return parsed;
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

    private void SetInstant(LeadRecord record, Pipeline pipeline, LeadField field, DateTimeOffset at)
    {
        switch (field)
        {
            case LeadField.AcquiredAt:
                record.AcquiredAt = at;
                break;
            case LeadField.ContactedAt:
                SetStage(record, pipeline, Pipeline.Contacted, field, at);
                break;
            case LeadField.NeedsConfirmedAt:
                SetStage(record, pipeline, Pipeline.NeedsConfirmed, field, at);
                break;
            case LeadField.ProposalSentAt:
                SetStage(record, pipeline, Pipeline.ProposalSent, field, at);
                break;
            case LeadField.NegotiationAt:
                SetStage(record, pipeline, Pipeline.Negotiation, field, at);
                break;
            case LeadField.WonAt:
                record.WonAt = at;
                break;
            case LeadField.LostAt:
                record.LostAt = at;
                break;
            case LeadField.LastActivityAt:
                record.LastActivityAt = at;
                break;
        }
    }

    private void SetStage(LeadRecord record, Pipeline pipeline, string stage, LeadField field, DateTimeOffset at)
    {
        var index = pipeline.IndexOf(stage);
        if (index > 0 && index < pipeline.Count - 1)
        {
            record.SetStageTime(index, at);
        }
        else
        {
            _unknownStages.Add((stage, field, at));
        }
    }

    private static ulong Bit(LeadField field) => 1UL << (int)field;

    // The cell's text as written, or null when the column is absent or the cell blank.
    private string? Text(CsvCells row, LeadField field)
    {
        var i = _column[(int)field];
        return i < 0 || row.IsBlank(i) ? null : row.GetString(i);
    }

    // The cell's text trimmed, one instance per distinct text, or null when absent or blank.
    private string? Pooled(CsvCells row, LeadField field)
    {
        var i = _column[(int)field];
        return i < 0 || row.IsBlank(i) ? null : _pools[(int)field]!.Intern(RowBatch.Trim(row.Span(i))) is { Length: > 0 } label ? label : null;
    }

    private string? Header(LeadField field) => _column[(int)field] is var i && i >= 0 ? _headers[i] : null;
}
