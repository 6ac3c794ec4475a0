using System.Globalization;
using LeadAnalytics.Data;

namespace LeadAnalytics.Quality;

/// <summary>
/// The data-quality checks of the template's caution 1 and 2 (required fields, spot checks, zombie leads), for leads from any
/// source: a CSV import, CRM objects, a database.
/// </summary>
/// <remarks>
/// <para>Two steps. <see cref="BuildLead"/> admits one record (a <see cref="LeadBuilder"/>): it reports every broken
/// <see cref="LeadRule"/> and per-lead check, and builds the lead unless an error was found (chronology faults are warnings:
/// the lead is kept and flagged). <see cref="Check"/> then looks at the whole set as of an instant: the per-lead checks again,
/// duplicate ids, the data set's currency, stale leads and the audit sample. The CSV reader calls <see cref="BuildLead"/> for
/// every row, so an import and a report name faults with the same <see cref="DataQualityRule"/>.</para>
/// <para>Pure functions: no clock, no I/O; the result does not depend on the order of the leads.</para>
/// </remarks>
public static class DataQualityChecker
{
    /// <summary>Checks one record and builds its lead unless an error was found.</summary>
    /// <param name="builder">The record's values.</param>
    /// <param name="options">The settings; <see cref="DataQualityOptions.Default"/> when null.</param>
    /// <param name="issues">Receives the issues found (without file locations).</param>
    /// <returns>The lead (built with <see cref="LeadValidation.AllowChronologyFaults"/>), or <see langword="null"/> when an error
    /// was reported.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="issues"/> is null.</exception>
    public static Lead? BuildLead(LeadBuilder builder, DataQualityOptions? options, ICollection<DataQualityIssue> issues)
    {
        Preconditions.CheckNotNull(builder);

        Preconditions.CheckNotNull(issues);

        options ??= DataQualityOptions.Default;
        var rejected = CheckRecord(new BuilderFields(builder), options, options.ExpectedCurrency ?? builder.DealAmount?.Currency, issues, out _);
        return rejected ? null : builder.Build(LeadValidation.AllowChronologyFaults);
    }

    /// <summary>Checks a record held as plain values with the checks of <see cref="BuildLead"/>, building nothing: bulk loaders
    /// check each row this way (<see cref="LeadTableBuilder.Add(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/>
    /// does it before adding).</summary>
    /// <param name="record">The record.</param>
    /// <param name="options">The settings; <see cref="DataQualityOptions.Default"/> when null.</param>
    /// <param name="issues">Receives the issues found (without file locations).</param>
    /// <returns><see langword="true"/> when no error was found (warnings such as chronology faults keep a record).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="issues"/> is null.</exception>
    public static bool CheckRecord(LeadRecord record, DataQualityOptions? options, ICollection<DataQualityIssue> issues)
    {
        Preconditions.CheckNotNull(record);

        Preconditions.CheckNotNull(issues);

        return CheckRecord(record, options, issues, out _);
    }

    // The public check, also telling whether a chronology fault was found (the table flags such leads).
    internal static bool CheckRecord(LeadRecord record, DataQualityOptions? options, ICollection<DataQualityIssue> issues, out bool chronology)
    {
        options ??= DataQualityOptions.Default;
        return !CheckRecord(record, options, options.ExpectedCurrency ?? record.DealAmount?.Currency, issues, out chronology);
    }

    /// <summary>Checks a set of leads as of an instant.</summary>
    /// <param name="leads">The leads, in any order.</param>
    /// <param name="asOf">The instant at which stale leads are judged (the other checks look at the data as recorded).</param>
    /// <param name="options">The settings; <see cref="DataQualityOptions.Default"/> when null. With a
    /// <see cref="DataQualityOptions.Scope"/> period only the leads acquired in it are checked (an id is still reported as
    /// duplicate, counting all its leads, when one of them is in the period).</param>
    /// <param name="importIssues">Issues already reported for these leads (a CSV import's); they are included in the report, and
    /// a check that finds the same rule for the same lead and field again does not repeat it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">The scope has a breakdown or cohort.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of the scope is out of range.</exception>
    public static DataQualityResult Check(IEnumerable<Lead> leads, DateTimeOffset asOf, DataQualityOptions? options = null,
        IEnumerable<DataQualityIssue>? importIssues = null)
    {
        Preconditions.CheckNotNull(leads);

        options ??= DataQualityOptions.Default;
        options.Validate();
        var list = leads.ToList();
        Preconditions.CheckNoNullItem(list, nameof(leads), "A lead is null.");

        var period = options.Scope.Period;
        var staleAfter = options.Scope.StaleAfter;
        var reference = options.ExpectedCurrency ?? DominantCurrency(list);
        var found = new List<DataQualityIssue>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var checkedIds = new HashSet<string>(StringComparer.Ordinal);
        var stale = new List<string>();
        var leadCount = 0;
        foreach (var lead in list)
        {
            counts[lead.Id] = counts.TryGetValue(lead.Id, out var n) ? n + 1 : 1;
            if ((period.From is { } from && lead.AcquiredAt < from) || (period.To is { } to && lead.AcquiredAt >= to))
            {
                continue;
            }

            leadCount++;
            checkedIds.Add(lead.Id);
            CheckRecord(new BuilderFields(lead.ToBuilder()), options, reference, found, out _);
            if (lead.IsStale(asOf, staleAfter))
            {
                stale.Add(lead.Id);
                var last = lead.LatestActivityAt(asOf);
                found.Add(new DataQualityIssue(DataQualityRule.StaleLead, IssueSeverity.Warning,
                    $"Open with no activity since {Format(last)}: {(asOf - last).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days before {Format(asOf)} (stale after {staleAfter.TotalDays.ToString(CultureInfo.InvariantCulture)} days).",
                    lead.Id, null, Format(last)));
            }
        }

        foreach (var pair in counts)
        {
            if (pair.Value > 1 && checkedIds.Contains(pair.Key))
            {
                found.Add(new DataQualityIssue(DataQualityRule.DuplicateId, IssueSeverity.Error,
                    $"The id '{pair.Key}' is used by {pair.Value.ToString(CultureInfo.InvariantCulture)} leads.", pair.Key, LeadField.Id,
                    pair.Value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var all = new List<DataQualityIssue>();
        var known = new HashSet<(string?, DataQualityRule, LeadField?)>();
        if (importIssues is not null)
        {
            foreach (var issue in importIssues)
            {
                all.Add(Preconditions.CheckItemNotNull(issue, nameof(importIssues), "An issue is null."));
                known.Add((issue.LeadId, issue.Rule, issue.Field));
            }
        }

        foreach (var issue in found)
        {
            if (!known.Contains((issue.LeadId, issue.Rule, issue.Field)))
            {
                all.Add(issue);
            }
        }

        return new DataQualityResult(asOf, leadCount, all, stale, AuditSample(checkedIds, options), options);
    }

    /// <summary>Draws the audit sample: the ceiling of fraction x distinct ids, those whose seeded hash is smallest.</summary>
    /// <remarks>A hash of (seed, id) rather than a shuffled list keeps the sample independent of input order and stable across
    /// platforms and runtime versions (System.Random's sequence is not a contract); adding leads never swaps a drawn lead for
    /// another unless a new one ranks ahead of it.</remarks>
    internal static IReadOnlyList<string> AuditSample(IEnumerable<string> ids, DataQualityOptions options)
    {
        var keyed = ids.Select(id => (Hash: SeededHash(options.AuditSeed, id), Id: id)).ToList();
        var take = (int)Math.Ceiling((options.AuditFraction * keyed.Count) - 1e-9);
        keyed.Sort((a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : string.CompareOrdinal(a.Id, b.Id));
        return keyed.Take(Math.Max(0, take)).Select(k => k.Id).ToList();
    }

    private static ulong SeededHash(int seed, string id)
    {
        // FNV-1a over the UTF-16 code units, then the SplitMix64 finaliser to spread the seed over every bit.
        var h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var ch in id)
        {
            h = unchecked((h ^ ch) * 1099511628211UL);
        }

        h = unchecked(h + 0x9E3779B97F4A7C15UL + ((ulong)(uint)seed << 32));
        h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
        h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
        return h ^ (h >> 31);
    }

    private static Currency? DominantCurrency(List<Lead> leads)
    {
        var counts = new SortedDictionary<Currency, int>();
        void Count(Money? m)
        {
            if (m is { } v)
            {
                counts[v.Currency] = counts.TryGetValue(v.Currency, out var n) ? n + 1 : 1;
            }
        }

        foreach (var lead in leads)
        {
            Count(lead.DealAmount);
            Count(lead.AcquisitionCost);
        }

        Currency? best = null;
        var bestCount = 0;
        foreach (var pair in counts)
        {
            // Sorted by code, so a strict > keeps the smallest code among ties.
            if (pair.Value > bestCount)
            {
                best = pair.Key;
                bestCount = pair.Value;
            }
        }

        return best;
    }

    /// <summary>The per-record checks, shared by <see cref="BuildLead"/>, <see cref="CheckRecord(LeadRecord, DataQualityOptions?, ICollection{DataQualityIssue})"/> and <see cref="Check"/>.</summary>
    /// <returns>Whether an error was added.</returns>
    private static bool CheckRecord<T>(T b, DataQualityOptions options, Currency? reference, ICollection<DataQualityIssue> sink, out bool chronology)
        where T : IRecordFields
    {
        var id = string.IsNullOrWhiteSpace(b.Id) ? null : b.Id!.Trim();
        var error = false;
        chronology = false;
        var violations = b.Violations();
        for (var i = 0; i < violations.Count; i++)
        {
            var v = violations[i];
            chronology |= v.IsChronology;
            var (rule, severity) = v.Rule switch
            {
                LeadRule.MissingId => (DataQualityRule.MissingRequiredField, IssueSeverity.Error),
                LeadRule.MissingAcquiredAt => (DataQualityRule.MissingRequiredField, IssueSeverity.Error),
                LeadRule.UnknownStage => (DataQualityRule.UnknownStage, IssueSeverity.Error),
                LeadRule.StageBeforeAcquisition => (DataQualityRule.StageBeforeAcquisition, IssueSeverity.Warning),
                LeadRule.StagesOutOfOrder => (DataQualityRule.StagesOutOfOrder, IssueSeverity.Warning),
                LeadRule.WonAndLost => (DataQualityRule.WonAndLost, IssueSeverity.Error),
                LeadRule.NegativeDealAmount => (DataQualityRule.NegativeDealAmount, IssueSeverity.Error),
                LeadRule.NegativeAcquisitionCost => (DataQualityRule.NegativeAcquisitionCost, IssueSeverity.Error),
                _ => (DataQualityRule.InvalidRecord, IssueSeverity.Error),
            };
            sink.Add(new DataQualityIssue(rule, severity, v.Message, id, FieldOf(v.Field), v.Value));
            error |= severity == IssueSeverity.Error;
        }

        var required = options.RequiredFields;
        for (var i = 0; i < required.Count; i++)
        {
            var field = required[i];
            if (field is not (LeadField.Id or LeadField.AcquiredAt) && b.IsMissing(field))
            {
                sink.Add(new DataQualityIssue(DataQualityRule.MissingRequiredField, IssueSeverity.Error, $"The required field {field} is empty.", id, field));
                error = true;
            }
        }

        if (reference is { } currency)
        {
            if (b.DealAmount is { } deal && deal.Currency != currency)
            {
                sink.Add(new DataQualityIssue(DataQualityRule.CurrencyMismatch, IssueSeverity.Error,
                    $"The deal amount is in {deal.Currency.Code}, the data in {currency.Code}; convert it first.", id, LeadField.DealAmount, deal.ToString()));
                error = true;
            }

            if (b.AcquisitionCost is { } cost && cost.Currency != currency)
            {
                sink.Add(new DataQualityIssue(DataQualityRule.CurrencyMismatch, IssueSeverity.Error,
                    $"The acquisition cost is in {cost.Currency.Code}, the data in {currency.Code}; convert it first.", id, LeadField.AcquisitionCost, cost.ToString()));
                error = true;
            }
        }

        if (b.WonAt is not null && b.DealAmount is null)
        {
            sink.Add(new DataQualityIssue(DataQualityRule.WonWithoutDealAmount, IssueSeverity.Warning,
                "The lead is won but has no deal amount; revenue and ROAS will undercount.", id, LeadField.DealAmount));
        }

        if (b.RecordedCycleDays is { } recorded && !string.IsNullOrWhiteSpace(recorded))
        {
            CheckCycleDays(b, id, recorded, options, sink);
        }

        return error;
    }

    private static void CheckCycleDays<T>(T b, string? id, string recorded, DataQualityOptions options, ICollection<DataQualityIssue> sink)
        where T : IRecordFields
    {
        if (!TryParseDays(recorded, out var days))
        {
            sink.Add(new DataQualityIssue(DataQualityRule.InvalidNumber, IssueSeverity.Warning,
                $"The cycle days '{recorded}' are not a number of days.", id, LeadField.CycleDays, recorded));
            return;
        }

        if (b.AcquiredAt is not { } acquired || (b.WonAt ?? b.LostAt) is not { } end)
        {
            // Open leads have no cycle time yet; the template leaves the cell for won or lost leads.
            return;
        }

        var actual = (end - acquired).TotalDays;
        if (!CycleDaysMatch(actual, days, options))
        {
            sink.Add(new DataQualityIssue(DataQualityRule.CycleDaysMismatch, IssueSeverity.Warning,
                $"The recorded cycle days ({recorded.Trim()}) differ from the timestamps ({actual.ToString("0.##", CultureInfo.InvariantCulture)} days, {(b.WonAt is null ? "acquired to lost" : "acquired to won")}).",
                id, LeadField.CycleDays, recorded));
        }
    }

    /// <summary>Whether a recorded cycle-days cell gives no issue (<see cref="DataQualityRule.InvalidNumber"/> or
    /// <see cref="DataQualityRule.CycleDaysMismatch"/>) for a lead whose acquisition-to-won-or-lost time is
    /// <paramref name="elapsed"/> (null when it is open): the bulk readers' test before they skip the checks.</summary>
    internal static bool CycleDaysAgree(string recorded, TimeSpan? elapsed, DataQualityOptions options) =>
        TryParseDays(recorded, out var days) && (elapsed is not { } e || CycleDaysMatch(e.TotalDays, days, options));

    private static bool CycleDaysMatch(double actual, double recorded, DataQualityOptions options) =>
        Math.Abs(actual - recorded) <= options.CycleDaysTolerance;

    /// <summary>Reads a number of days: invariant digits, optionally followed by 天, d or days.</summary>
    internal static bool TryParseDays(string text, out double days)
    {
        var t = text.Trim();
        foreach (var suffix in new[] { "天", "days", "day", "d" })
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                t = t.Substring(0, t.Length - suffix.Length).TrimEnd();
                break;
            }
        }

        return double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out days)
            && !double.IsNaN(days) && !double.IsInfinity(days);
    }

    /// <summary>Maps a <see cref="LeadRuleViolation.Field"/> (a <see cref="LeadBuilder"/> property name) to its field.</summary>
    internal static LeadField? FieldOf(string builderProperty) => builderProperty switch
    {
        nameof(LeadBuilder.Id) => LeadField.Id,
        nameof(LeadBuilder.AcquiredAt) => LeadField.AcquiredAt,
        nameof(LeadBuilder.ContactedAt) => LeadField.ContactedAt,
        nameof(LeadBuilder.NeedsConfirmedAt) => LeadField.NeedsConfirmedAt,
        nameof(LeadBuilder.ProposalSentAt) => LeadField.ProposalSentAt,
        nameof(LeadBuilder.NegotiationAt) => LeadField.NegotiationAt,
        nameof(LeadBuilder.WonAt) => LeadField.WonAt,
        nameof(LeadBuilder.LostAt) => LeadField.LostAt,
        nameof(LeadBuilder.DealAmount) => LeadField.DealAmount,
        nameof(LeadBuilder.AcquisitionCost) => LeadField.AcquisitionCost,
        _ => null,
    };

    private static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
