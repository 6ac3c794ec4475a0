using System.Text;

namespace LeadAnalytics.Csv;

/// <summary>How the tracking table is written.</summary>
/// <remarks>Immutable once built.</remarks>
public sealed class CsvWriteOptions
{
    private readonly Encoding _encoding = CsvEncodings.Utf8WithBom;

    /// <summary>The defaults: comma, English headers, UTF-8 with a byte order mark (so Excel shows Chinese text), "\n" line ends.</summary>
    public static CsvWriteOptions Default { get; } = new();

    /// <summary>The delimiter; default comma.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The language of the header row; default English.</summary>
    public CsvHeaderLanguage HeaderLanguage { get; init; } = CsvHeaderLanguage.English;

    /// <summary>The encoding when writing to a stream or file; default UTF-8 with a byte order mark. Use
    /// <see cref="CsvEncodings.Gb18030"/> for Excel on Chinese Windows.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Encoding Encoding
    {
        get => _encoding;
        init => _encoding = Preconditions.CheckNotNull(value);
    }

    /// <summary>The attribute columns to write after the tracking-table columns, in order; <see langword="null"/> (the default)
    /// writes every attribute key found, sorted ordinally, which needs the leads in memory. Give the list to stream.</summary>
    public IReadOnlyList<string>? AttributeColumns { get; init; }
}

/// <summary>The encodings tracking tables come in.</summary>
public static class CsvEncodings
{
    /// <summary>GB18030 (a superset of GBK and GB2312): what Excel on Chinese Windows saves. Registered from
    /// CodePagesEncodingProvider; decoding faults throw rather than turn into replacement characters.</summary>
    public static Encoding Gb18030 => TextSource.Gb18030;

    /// <summary>UTF-8 with a byte order mark (Excel needs the mark to read UTF-8 as UTF-8).</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static Encoding Utf8 => TextSource.StrictUtf8;
}
