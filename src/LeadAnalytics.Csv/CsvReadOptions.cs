using System.Text;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>How CSV files are read: delimiter, encoding, the time zone of dates without an offset, the default currency, and
/// for leads the pipeline, extra header aliases and the per-row quality settings.</summary>
/// <remarks>Immutable once built; thread-safe. <see cref="Default"/> suits the template's own files (Chinese or English headers,
/// times in China Standard Time, amounts in yuan).</remarks>
public sealed class CsvReadOptions
{
    // Declared before Default, whose instance initialisers read it.
    private static readonly TimeZoneInfo Cst =
        TimeZoneInfo.CreateCustomTimeZone("UTC+08:00", TimeSpan.FromHours(8), "UTC+08:00 (China Standard Time)", "UTC+08:00");

    private readonly TimeZoneInfo _timeZone = Cst;
    private readonly Pipeline _pipeline = Pipeline.Default;
    private readonly DataQualityOptions _quality = DataQualityOptions.Default;
    private readonly IReadOnlyDictionary<string, LeadField> _headerAliases = new Dictionary<string, LeadField>();

    /// <summary>UTC+08:00 without daylight saving: China Standard Time, the zone of the template's times (2023-10-01 14:30).
    /// A fixed-offset zone, so it is the same on every operating system.</summary>
    public static TimeZoneInfo ChinaStandardTime => Cst;

    /// <summary>The defaults.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>The field delimiter, or <see langword="null"/> (the default) to detect comma, semicolon or tab from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The text encoding, or <see langword="null"/> (the default) to detect it: a byte order mark wins; else UTF-8 when
    /// the first 64 KiB are valid UTF-8, else GB18030. Ignored when reading from a <see cref="TextReader"/>.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The zone of dates and times written without an offset; default <see cref="ChinaStandardTime"/>. Times with an
    /// offset or <c>Z</c> keep theirs.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public TimeZoneInfo TimeZone
    {
        get => _timeZone;
        init => _timeZone = Preconditions.CheckNotNull(value);
    }

    /// <summary>The currency of amounts whose row has no currency column or cell and whose cell names none; default CNY (元).</summary>
    public Currency Currency { get; init; } = Currency.CNY;

    /// <summary>The pipeline of the leads read; default <see cref="Pipeline.Default"/>. The stage columns fill the stages
    /// <c>Contacted</c>, <c>NeedsConfirmed</c>, <c>ProposalSent</c> and <c>Negotiation</c>; a pipeline without them reports
    /// <see cref="DataQualityRule.UnknownStage"/> for rows that fill them.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Pipeline Pipeline
    {
        get => _pipeline;
        init => _pipeline = Preconditions.CheckNotNull(value);
    }

    /// <summary>Extra header names for lead fields, beyond the built-in English and Chinese ones: for example
    /// <c>{ ["mql_id"] = LeadField.Id, ["origin"] = LeadField.Channel }</c> for a CRM export. Matched like the built-in names
    /// (case, spaces, underscores and a trailing unit in brackets do not matter); they take precedence over them.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IReadOnlyDictionary<string, LeadField> HeaderAliases
    {
        get => _headerAliases;
        init => _headerAliases = Preconditions.CheckNotNull(value);
    }

    /// <summary>The per-row checks of leads (required fields, expected currency, cycle-days tolerance); default
    /// <see cref="DataQualityOptions.Default"/>. The set-level checks (stale leads, audit sample) belong to
    /// <see cref="DataQualityChecker.Check"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DataQualityOptions Quality
    {
        get => _quality;
        init => _quality = Preconditions.CheckNotNull(value);
    }

    /// <summary>Whether a lead row whose id was already accepted is rejected with <see cref="DataQualityRule.DuplicateId"/>;
    /// default <see langword="true"/>. The check keeps every accepted id in memory (tens of bytes each); turn it off to stream a
    /// file far larger than memory and check duplicates elsewhere.</summary>
    public bool CheckDuplicateIds { get; init; } = true;

    /// <summary>Whether unknown columns are kept as <see cref="Lead.Attributes"/> (the default) or dropped. Either way each is
    /// reported once as <see cref="DataQualityRule.UnknownColumn"/>.</summary>
    public bool KeepUnknownColumns { get; init; } = true;
}
