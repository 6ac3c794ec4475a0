using System.CommandLine;
using LeadAnalytics.Data;

namespace LeadAnalytics.Cli;

/// <summary><c>--from DATE --to DATE</c>: the acquisition period of the analysed leads (<see cref="AnalysisScope.Period"/>), the
/// same options with the same meaning in every command that takes them (segments, attribution, validate).</summary>
internal sealed class PeriodOptions
{
    public Option<string?> From { get; } = new("--from")
    {
        Description = "Only leads acquired at or after this date or instant (a date is midnight starting it, in --time-zone).",
        HelpName = "DATE",
    };

    public Option<string?> To { get; } = new("--to")
    {
        Description = "Only leads acquired up to this date, inclusive (or before this instant, when a time is given).",
        HelpName = "DATE",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
    }

    /// <summary>Whether either option was given.</summary>
    public bool IsGiven(ParseResult parse) => parse.GetValue(From) is not null || parse.GetValue(To) is not null;

    /// <summary>The period [from, to); all time when neither is given.</summary>
    /// <exception cref="CliException">A value is malformed, or --to is not after --from.</exception>
    public AcquisitionPeriod Resolve(ParseResult parse, TimeZoneInfo zone)
    {
        var start = parse.GetValue(From) is { } f ? ValueParsers.Instant(f, zone, "--from") : (DateTimeOffset?)null;
        var end = parse.GetValue(To) is { } t ? EndOf(t, zone) : (DateTimeOffset?)null;
        if (start is { } s0 && end is { } e0 && e0 <= s0)
        {
            throw CliException.Usage("--to is before --from.");
        }

        return start is null && end is null ? AcquisitionPeriod.AllTime : new AcquisitionPeriod(start, end);
    }

    /// <summary>The period for a person: <c>[2023-11-01 00:00 +08:00, 2023-12-01 00:00 +08:00)</c>, an open end as …</summary>
    public static string Describe(AcquisitionPeriod period) =>
        $"[{(period.From is { } f ? Rendering.Show.Instant(f) : "…")}, {(period.To is { } t ? Rendering.Show.Instant(t) : "…")})";

    // An inclusive end date means the whole day: the period ends at the next midnight (costs' period_end reads the same way).
    private static DateTimeOffset EndOf(string text, TimeZoneInfo zone)
    {
        var instant = ValueParsers.Instant(text, zone, "--to", out var hasTime);
        if (hasTime)
        {
            return instant;
        }

        var next = instant.DateTime.AddDays(1);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }
}
