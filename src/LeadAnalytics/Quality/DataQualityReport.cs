namespace LeadAnalytics.Quality;

/// <summary>The result of <see cref="DataQualityChecker.Check"/>: every issue found, counts by rule, the stale leads and
/// the audit sample, as of an instant.</summary>
/// <remarks>Immutable and thread-safe. Issues are in a fixed order (file, line, lead id, rule, field), so two reports of
/// the same data are equal item by item whatever the input order.</remarks>
public sealed class DataQualityReport
{
    /// <summary>Creates a report (the checker does; this constructor exists for deserialisation).</summary>
    /// <param name="asOf">The as-of instant of the stale check.</param>
    /// <param name="leadCount">How many leads were checked.</param>
    /// <param name="issues">The issues, in any order; they are sorted.</param>
    /// <param name="staleLeadIds">Ids of the stale leads, in any order; they are sorted ordinally.</param>
    /// <param name="auditSample">Ids drawn for the manual audit, in draw order.</param>
    /// <param name="options">The settings the report was made with.</param>
    /// <exception cref="ArgumentNullException">A collection or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadCount"/> is negative.</exception>
    public DataQualityReport(DateTimeOffset asOf, int leadCount, IEnumerable<DataQualityIssue> issues, IEnumerable<string> staleLeadIds,
        IEnumerable<string> auditSample, DataQualityOptions options)
    {
        if (leadCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(leadCount), leadCount, "The lead count must not be negative.");
        }

        AsOf = asOf;
        LeadCount = leadCount;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var sorted = (issues ?? throw new ArgumentNullException(nameof(issues))).ToList();
        if (sorted.Any(i => i is null))
        {
            throw new ArgumentException("An issue is null.", nameof(issues));
        }

        sorted.Sort(DataQualityIssue.Compare);
        Issues = sorted;
        var stale = (staleLeadIds ?? throw new ArgumentNullException(nameof(staleLeadIds))).ToList();
        stale.Sort(StringComparer.Ordinal);
        StaleLeadIds = stale;
        AuditSample = (auditSample ?? throw new ArgumentNullException(nameof(auditSample))).ToList();

        var counts = new SortedDictionary<DataQualityRule, int[]>();
        var leadsWithErrors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issue in sorted)
        {
            if (!counts.TryGetValue(issue.Rule, out var c))
            {
                c = new int[2];
                counts.Add(issue.Rule, c);
            }

            if (issue.Severity == IssueSeverity.Error)
            {
                c[0]++;
                ErrorCount++;
                if (issue.LeadId is not null)
                {
                    leadsWithErrors.Add(issue.LeadId);
                }
            }
            else
            {
                c[1]++;
                WarningCount++;
            }
        }

        RuleCounts = counts.Select(p => new DataQualityRuleCount(p.Key, p.Value[0], p.Value[1])).ToList();
        LeadsWithErrors = leadsWithErrors.Count;
    }

    /// <summary>The as-of instant of the stale check.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>How many leads were checked (rows rejected on import are not leads and are not counted).</summary>
    public int LeadCount { get; }

    /// <summary>Every issue, import issues included when they were passed in, in the report's fixed order.</summary>
    public IReadOnlyList<DataQualityIssue> Issues { get; }

    /// <summary>How many issues are errors.</summary>
    public int ErrorCount { get; }

    /// <summary>How many issues are warnings.</summary>
    public int WarningCount { get; }

    /// <summary>How many distinct lead ids have at least one error.</summary>
    public int LeadsWithErrors { get; }

    /// <summary>Errors and warnings per rule, for the rules that occurred, in rule order.</summary>
    public IReadOnlyList<DataQualityRuleCount> RuleCounts { get; }

    /// <summary>Ids of the leads that are stale as of <see cref="AsOf"/>, sorted ordinally.</summary>
    public IReadOnlyList<string> StaleLeadIds { get; }

    /// <summary>Ids drawn for the manual audit (the template's random 10% spot check), in draw order.</summary>
    public IReadOnlyList<string> AuditSample { get; }

    /// <summary>The settings the report was made with.</summary>
    public DataQualityOptions Options { get; }

    /// <summary>Whether the data has no errors (warnings allowed).</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>The number of issues of one rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Errors plus warnings of that rule.</returns>
    public int CountOf(DataQualityRule rule)
    {
        foreach (var c in RuleCounts)
        {
            if (c.Rule == rule)
            {
                return c.Errors + c.Warnings;
            }
        }

        return 0;
    }
}

/// <summary>How many issues of one rule a report holds.</summary>
/// <remarks>Immutable.</remarks>
public sealed class DataQualityRuleCount
{
    /// <summary>Creates the count.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="errors">Issues of severity error.</param>
    /// <param name="warnings">Issues of severity warning.</param>
    public DataQualityRuleCount(DataQualityRule rule, int errors, int warnings)
    {
        Rule = rule;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The rule.</summary>
    public DataQualityRule Rule { get; }

    /// <summary>Issues of severity error.</summary>
    public int Errors { get; }

    /// <summary>Issues of severity warning.</summary>
    public int Warnings { get; }
}
