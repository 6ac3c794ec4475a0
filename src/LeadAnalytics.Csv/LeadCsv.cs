using LeadAnalytics.Data;
using LeadAnalytics.Quality;
using Sylvan.Data.Csv;

namespace LeadAnalytics.Csv;

/// <summary>
/// The tracking table (DIGEST section 3) as CSV: read it with English, Simplified or Traditional Chinese headers in any order,
/// write it back. docs/csv-format.md describes the format.
/// </summary>
/// <remarks>
/// <para><see cref="Read(string, CsvReadOptions?)"/> returns every accepted lead and every issue; <see cref="Open(string, CsvReadOptions?)"/>
/// streams rows for files too large to hold. Each row goes through <see cref="DataQualityChecker.BuildLead"/>: errors reject the
/// row, warnings (chronology faults such as a deal won before first contact, a won lead without amount) keep it.</para>
/// <para>Reading, writing and reading again gives equal leads (<see cref="Lead.Equals(Lead)"/>) for leads of the default pipeline
/// without follow-ups, whose tags contain no tag separator and whose attribute values are not blank.</para>
/// </remarks>
public static class LeadCsv
{
    /// <summary>Opens a file for streaming.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The file is empty, lacks a lead id or acquired column, or is not valid CSV.</exception>
    public static CsvRecordReader<Lead> Open(string path, CsvReadOptions? options = null) => CsvOpen.Path(path, options, new LeadRowParser());

    /// <summary>Opens a stream for streaming; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The content is empty, lacks a lead id or acquired column, or is not valid CSV.</exception>
    public static CsvRecordReader<Lead> Open(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Stream(stream, options, fileName, new LeadRowParser());

    /// <summary>Opens text for streaming (<see cref="CsvReadOptions.Encoding"/> does not apply); the reader is left open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>A reader; dispose it.</returns>
    /// <exception cref="CsvImportException">The text is empty, lacks a lead id or acquired column, or is not valid CSV.</exception>
    public static CsvRecordReader<Lead> Open(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Text(reader, options, fileName, new LeadRowParser());

    /// <summary>Reads a whole file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read.</param>
    /// <returns>The accepted leads and every issue.</returns>
    /// <exception cref="CsvImportException">The file cannot be read as a tracking table at all.</exception>
    public static CsvImportResult<Lead> Read(string path, CsvReadOptions? options = null) => CsvOpen.Collect(Open(path, options));

    /// <summary>Reads a whole stream; the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted leads and every issue.</returns>
    /// <exception cref="CsvImportException">The content cannot be read as a tracking table at all.</exception>
    public static CsvImportResult<Lead> Read(Stream stream, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(stream, options, fileName));

    /// <summary>Reads all of a text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <returns>The accepted leads and every issue.</returns>
    /// <exception cref="CsvImportException">The text cannot be read as a tracking table at all.</exception>
    public static CsvImportResult<Lead> Read(TextReader reader, CsvReadOptions? options = null, string? fileName = null) =>
        CsvOpen.Collect(Open(reader, options, fileName));

    /// <summary>Reads a whole file straight into a <see cref="LeadTable"/>, making no <see cref="Lead"/> objects: the fast path
    /// for large files (docs/performance.md). Rows, issues and counts are those of <see cref="Read(string, CsvReadOptions?)"/>, and
    /// the table equals <c>LeadTable.Build(Read(path).Records)</c>; unknown columns, names and notes are checked but not kept (a
    /// table has no place for them).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read; <see cref="CsvReadOptions.Default"/> when null.</param>
    /// <param name="tableOptions">How to build the table; by default the pipeline of <paramref name="options"/>, the currency of the
    /// first amount. A row whose amount is in another currency than the table's is rejected with
    /// <see cref="DataQualityRule.CurrencyMismatch"/> unless <see cref="LeadTableOptions.CurrencyConverter"/> converts it.</param>
    /// <returns>The table and every issue.</returns>
    /// <exception cref="CsvImportException">The file cannot be read as a tracking table at all.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableOptions"/> names another pipeline than <paramref name="options"/>.</exception>
    public static LeadTableImportResult ReadTable(string path, CsvReadOptions? options = null, LeadTableOptions? tableOptions = null) =>
        LeadTableImport.Run(path, options, tableOptions);

    /// <summary>Reads a whole stream straight into a <see cref="LeadTable"/>; the stream is left open. See
    /// <see cref="ReadTable(string, CsvReadOptions?, LeadTableOptions?)"/>.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <param name="tableOptions">How to build the table.</param>
    /// <returns>The table and every issue.</returns>
    /// <exception cref="CsvImportException">The content cannot be read as a tracking table at all.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableOptions"/> names another pipeline than <paramref name="options"/>.</exception>
    public static LeadTableImportResult ReadTable(Stream stream, CsvReadOptions? options = null, string? fileName = null, LeadTableOptions? tableOptions = null) =>
        LeadTableImport.Run(stream, options, fileName, tableOptions);

    /// <summary>Reads all of a text straight into a <see cref="LeadTable"/>; the reader is left open. See
    /// <see cref="ReadTable(string, CsvReadOptions?, LeadTableOptions?)"/>.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read.</param>
    /// <param name="fileName">A name for issues, or <see langword="null"/>.</param>
    /// <param name="tableOptions">How to build the table.</param>
    /// <returns>The table and every issue.</returns>
    /// <exception cref="CsvImportException">The text cannot be read as a tracking table at all.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableOptions"/> names another pipeline than <paramref name="options"/>.</exception>
    public static LeadTableImportResult ReadTable(TextReader reader, CsvReadOptions? options = null, string? fileName = null, LeadTableOptions? tableOptions = null)
    {
        var parser = new LeadRowParser();
        return LeadTableImport.Run(CsvOpen.Text(reader, options, fileName, parser), parser, tableOptions);
    }

    /// <summary>Writes leads as a tracking table.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="options">How to write; <see cref="CsvWriteOptions.Default"/> when null.</param>
    /// <remarks>Columns: the 20 template fields, then tags, last_activity_at and currency, then the attributes. Instants are
    /// ISO 8601 with their offset; amounts invariant with their scale. The currency column holds the deal amount's currency
    /// (else the cost's); a cost in another currency is written with its code (<c>3000 USD</c>). The cycle-days column holds the
    /// recorded value (<see cref="DataQualityOptions.CycleDaysAttribute"/>), not the derived one. Stages of a custom pipeline
    /// other than the template's are not written, nor are follow-ups.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(IEnumerable<Lead> leads, TextWriter writer, CsvWriteOptions? options = null)
    {
        Preconditions.CheckNotNull(leads);
        Preconditions.CheckNotNull(writer);

        options ??= CsvWriteOptions.Default;
        var attributes = options.AttributeColumns;
        if (attributes is null)
        {
            var list = leads as IReadOnlyCollection<Lead> ?? leads.ToList();
            leads = list;
            attributes = list.SelectMany(l => l.Attributes.Keys).Where(k => k != DataQualityOptions.CycleDaysAttribute)
                .Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        }

        var fields = TrackingTableHeaders.Columns.Select(c => c.Field).ToArray();
        var names = fields.Select(f => TrackingTableHeaders.NameOf(f, options.HeaderLanguage)).Concat(attributes).ToArray();
        var attributeNames = attributes;
        var rows = leads.Select(lead => Row(lead, fields, attributeNames));
        using var data = new StringRowDataReader(names, rows);
        using var csv = CsvDataWriter.Create(writer, new CsvDataWriterOptions { Delimiter = options.Delimiter, NewLine = "\n", WriteHeaders = true });
        csv.Write(data);
        writer.Flush();
    }

    /// <summary>Writes leads to a stream in <see cref="CsvWriteOptions.Encoding"/>; the stream is left open.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="options">How to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(IEnumerable<Lead> leads, Stream stream, CsvWriteOptions? options = null)
    {
        Preconditions.CheckNotNull(stream);

        options ??= CsvWriteOptions.Default;
        using var writer = new StreamWriter(stream, options.Encoding, 64 * 1024, leaveOpen: true);
        Write(leads, writer, options);
    }

    /// <summary>Writes leads to a file (created or overwritten) in <see cref="CsvWriteOptions.Encoding"/>.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="path">The file.</param>
    /// <param name="options">How to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(IEnumerable<Lead> leads, string path, CsvWriteOptions? options = null)
    {
        Preconditions.CheckNotNull(path);

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(leads, stream, options);
    }

    private static string?[] Row(Lead lead, LeadField[] fields, IReadOnlyList<string> attributes)
    {
        var row = new string?[fields.Length + attributes.Count];
        var currency = lead.DealAmount?.Currency ?? lead.AcquisitionCost?.Currency;
        for (var i = 0; i < fields.Length; i++)
        {
            row[i] = fields[i] switch
            {
                LeadField.Id => lead.Id,
                LeadField.Name => lead.Name,
                LeadField.Channel => lead.Channel,
                LeadField.Strategy => lead.Strategy,
                LeadField.Content => lead.Content,
                LeadField.AcquiredAt => CsvValues.FormatInstant(lead.AcquiredAt),
                LeadField.Owner => lead.Owner,
                LeadField.CustomerType => lead.CustomerType,
                LeadField.Industry => lead.Industry,
                LeadField.ContactedAt => Instant(lead.GetStageTime(Pipeline.Contacted)),
                LeadField.NeedsConfirmedAt => Instant(lead.GetStageTime(Pipeline.NeedsConfirmed)),
                LeadField.ProposalSentAt => Instant(lead.GetStageTime(Pipeline.ProposalSent)),
                LeadField.NegotiationAt => Instant(lead.GetStageTime(Pipeline.Negotiation)),
                LeadField.WonAt => Instant(lead.WonAt),
                LeadField.LostAt => Instant(lead.LostAt),
                LeadField.LossReason => lead.LossReason,
                LeadField.DealAmount => Amount(lead.DealAmount, currency),
                LeadField.AcquisitionCost => Amount(lead.AcquisitionCost, currency),
                LeadField.CycleDays => lead.Attributes.TryGetValue(DataQualityOptions.CycleDaysAttribute, out var d) ? d : null,
                LeadField.Notes => lead.Notes,
                LeadField.Tags => lead.Tags.Count == 0 ? null : string.Join(";", lead.Tags),
                LeadField.LastActivityAt => Instant(lead.LastActivityAt),
                LeadField.Currency => currency?.Code,
                _ => null,
            };
        }

        for (var j = 0; j < attributes.Count; j++)
        {
            row[fields.Length + j] = lead.Attributes.TryGetValue(attributes[j], out var v) ? v : null;
        }

        return row;
    }

    private static string? Instant(DateTimeOffset? value) => value is { } v ? CsvValues.FormatInstant(v) : null;

    private static string? Amount(Money? money, Currency? rowCurrency) =>
        money is not { } m ? null : m.Currency == rowCurrency ? CsvValues.FormatAmount(m.Amount) : CsvValues.FormatAmount(m.Amount) + " " + m.Currency.Code;
}
