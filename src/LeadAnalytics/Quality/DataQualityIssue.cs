using System.Globalization;
using LeadAnalytics.Metrics;

namespace LeadAnalytics.Quality;

/// <summary>One fault found in the data: which rule, how serious, which lead and field, the offending value, and where it came
/// from (file, line and column) when it came from a file.</summary>
/// <remarks>Immutable and thread-safe. Equality is by value over every property (strings ordinally).</remarks>
public sealed class DataQualityIssue : IEquatable<DataQualityIssue>
{
    /// <summary>Creates an issue.</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="severity">How serious.</param>
    /// <param name="message">What is wrong, in a sentence a person can act on.</param>
    /// <param name="leadId">The lead (or record) id, when known.</param>
    /// <param name="field">The tracking-table field, when the issue is about one.</param>
    /// <param name="value">The offending value as text (the raw cell for a CSV import), or <see langword="null"/> when missing.</param>
    /// <param name="file">The file name, for an import.</param>
    /// <param name="line">The 1-based line where the record starts (the header is line 1), for an import.</param>
    /// <param name="column">The column header as written in the file, for an import.</param>
    /// <exception cref="ArgumentException"><paramref name="message"/> is blank, or <paramref name="line"/> is less than 1.</exception>
    public DataQualityIssue(DataQualityRule rule, IssueSeverity severity, string message, string? leadId = null, LeadField? field = null,
        string? value = null, string? file = null, long? line = null, string? column = null)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(message), nameof(message), "An issue needs a message.");

        if (line < 1)
        {
            throw new ArgumentException($"Line numbers start at 1 (was {line}).", nameof(line));
        }

        Rule = rule;
        Severity = severity;
        Message = message;
        LeadId = leadId;
        Field = field;
        Value = value;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The rule broken.</summary>
    public DataQualityRule Rule { get; }

    /// <summary>How serious: errors exclude the record, warnings keep it.</summary>
    public IssueSeverity Severity { get; }

    /// <summary>What is wrong, in a sentence.</summary>
    public string Message { get; }

    /// <summary>The lead (or record) id, or <see langword="null"/> when unknown (a header issue, a row without id).</summary>
    public string? LeadId { get; }

    /// <summary>The tracking-table field, or <see langword="null"/> when the issue is not about one field.</summary>
    public LeadField? Field { get; }

    /// <summary>The offending value as text, or <see langword="null"/> when it is missing.</summary>
    public string? Value { get; }

    /// <summary>The file, or <see langword="null"/> when the data did not come from a named file.</summary>
    public string? File { get; }

    /// <summary>The 1-based line where the record starts (line 1 is the header), or <see langword="null"/>.</summary>
    public long? Line { get; }

    /// <summary>The column header as written in the file, or <see langword="null"/>.</summary>
    public string? Column { get; }

    /// <summary>What is wrong, for a person reading <paramref name="language"/>: in English the specific
    /// <see cref="Message"/>; in Chinese one sentence for the rule (from <see cref="DisplayText.Common"/>, key
    /// <c>issue.</c> + the rule) naming the column as written in the file (else the field), the offending value and the lead.</summary>
    /// <param name="language">The reader's language.</param>
    /// <returns>The sentence. Values from the data are quoted as they are; escaping control characters is the printer's job.</returns>
    /// <example><c>获取时间：'2203-10-01 10:00' 不是可读取的日期（…）。</c></example>
    public string Describe(DisplayLanguage language)
    {
        if (language == DisplayLanguage.English)
        {
            return Message;
        }

        var text = DisplayText.Common;
        var column = Column ?? (Field is { } f ? text.Get("field." + f, language) : text.Get("issue.column", language));
        var value = Value is null ? text.Get("issue.empty", language) : "'" + Value + "'";
        var lead = LeadId is null ? text.Get("issue.empty", language) : "'" + LeadId + "'";
        return DisplayText.Fill(text.Get("issue." + Rule, language),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["column"] = column, ["value"] = value, ["lead"] = lead });
    }

    /// <summary>A copy located in a file: used by importers to attach where a record came from.</summary>
    /// <param name="file">The file name, or <see langword="null"/>.</param>
    /// <param name="line">The 1-based line where the record starts.</param>
    /// <param name="column">The column header, or <see langword="null"/> to keep <see cref="Column"/>.</param>
    /// <param name="value">The raw cell, or <see langword="null"/> to keep <see cref="Value"/>.</param>
    /// <returns>The located copy.</returns>
    public DataQualityIssue WithSource(string? file, long line, string? column, string? value) =>
        new(Rule, Severity, Message, LeadId, Field, value ?? Value, file, line, column ?? Column);

    /// <inheritdoc />
    public bool Equals(DataQualityIssue? other) =>
        other is not null && Rule == other.Rule && Severity == other.Severity && Message == other.Message && LeadId == other.LeadId
        && Field == other.Field && Value == other.Value && File == other.File && Line == other.Line && Column == other.Column;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DataQualityIssue);

    /// <inheritdoc />
    public override int GetHashCode() =>
        unchecked(((((int)Rule * 31) + (Line ?? 0).GetHashCode()) * 31) + (LeadId is null ? 0 : StringComparer.Ordinal.GetHashCode(LeadId)));

    /// <summary>Describes the issue as a one-line diagnostic.</summary>
    /// <returns>For example <c>leads.csv(7) 成交时间: Error StageBeforeAcquisition: ...</c>.</returns>
    public override string ToString()
    {
        var where = File is null && Line is null ? string.Empty
            : (File ?? string.Empty) + (Line is { } l ? "(" + l.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty) + " ";
        var what = Column ?? Field?.ToString();
        return where + (what is null ? string.Empty : what + ": ") + Severity + " " + Rule + (LeadId is null ? string.Empty : " [" + LeadId + "]") + ": " + Message;
    }

    /// <summary>The deterministic order of issues in reports: file, line (unlocated last), lead id, rule, field, column, value, message.</summary>
    internal static int Compare(DataQualityIssue a, DataQualityIssue b)
    {
        // Issues located in a file come first, in file order; issues found on objects follow.
        var c = (a.File is null).CompareTo(b.File is null);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.File, b.File);
        }

        if (c != 0)
        {
            return c;
        }

        c = (a.Line ?? long.MaxValue).CompareTo(b.Line ?? long.MaxValue);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.LeadId, b.LeadId);
        if (c != 0)
        {
            return c;
        }

        c = ((int)a.Rule).CompareTo((int)b.Rule);
        if (c != 0)
        {
            return c;
        }

        c = (a.Field is null ? -1 : (int)a.Field.Value).CompareTo(b.Field is null ? -1 : (int)b.Field.Value);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Column, b.Column);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Value, b.Value);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
