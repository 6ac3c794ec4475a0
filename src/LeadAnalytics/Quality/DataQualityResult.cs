namespace LeadAnalytics.Quality;

/// <summary>The result of <see cref="DataQualityAnalyzer.Analyze"/> (or <see cref="DataQualityChecker.Check"/>): every issue
/// found, counts by rule, the stale leads and the audit sample, as of an instant, and the input files read with their row
/// counts (<see cref="Inputs"/>, filled by <see cref="Include"/>).</summary>
/// <remarks>Immutable and thread-safe. Issues are in a fixed order (file, line, lead id, rule, field), so two reports of
/// the same data are equal item by item whatever the input order.</remarks>
public sealed class DataQualityResult
{
    /// <summary>Creates a report (the checker does; this constructor exists for deserialisation).</summary>
    /// <param name="asOf">The as-of instant of the stale check.</param>
    /// <param name="leadCount">How many leads were checked.</param>
    /// <param name="issues">The issues, in any order; they are sorted.</param>
    /// <param name="staleLeadIds">Ids of the stale leads, in any order; they are sorted ordinally.</param>
    /// <param name="auditSample">Ids drawn for the manual audit, in draw order.</param>
    /// <param name="options">The settings the report was made with.</param>
    /// <param name="inputs">The input files read, in reading order; none when null.</param>
    /// <exception cref="ArgumentNullException">A collection or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadCount"/> is negative.</exception>
    public DataQualityResult(DateTimeOffset asOf, int leadCount, IEnumerable<DataQualityIssue> issues, IEnumerable<string> staleLeadIds,
        IEnumerable<string> auditSample, DataQualityOptions options, IEnumerable<DataQualityInput>? inputs = null)
    {
        Inputs = inputs?.ToList() ?? new List<DataQualityInput>();
        Preconditions.CheckRange(leadCount >= 0, leadCount, "The lead count must not be negative.");

        AsOf = asOf;
        LeadCount = leadCount;
        Options = Preconditions.CheckNotNull(options);
        var sorted = (Preconditions.CheckNotNull(issues)).ToList();
        Preconditions.CheckArgument(!sorted.Any(i => i is null), nameof(issues), "An issue is null.");

        sorted.Sort(DataQualityIssue.Compare);
        Issues = sorted;
        var stale = (Preconditions.CheckNotNull(staleLeadIds)).ToList();
        stale.Sort(StringComparer.Ordinal);
        StaleLeadIds = stale;
        AuditSample = (Preconditions.CheckNotNull(auditSample)).ToList();

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

    /// <summary>The input files read (the leads file, costs, touchpoints, actions, paths) with their row counts, in reading
    /// order; empty for leads that came from no file.</summary>
    public IReadOnlyList<DataQualityInput> Inputs { get; }

    /// <summary>A result that also holds one input file: its counts, and its issues merged into <see cref="Issues"/> (an issue
    /// whose lead, rule and field this result already reports is not repeated).</summary>
    /// <param name="input">The file and its row counts.</param>
    /// <param name="issues">The file's issues (rows rejected or warned, header faults).</param>
    /// <returns>A new result; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DataQualityResult Include(DataQualityInput input, IEnumerable<DataQualityIssue> issues)
    {
        Preconditions.CheckNotNull(input);

        Preconditions.CheckNotNull(issues);

        var known = new HashSet<(string?, DataQualityRule, LeadField?)>();
        var all = new List<DataQualityIssue>();
        foreach (var issue in issues)
        {
            all.Add(Preconditions.CheckItemNotNull(issue, nameof(issues), "An issue is null."));
            if (issue.LeadId is not null)
            {
                known.Add((issue.LeadId, issue.Rule, issue.Field));
            }
        }

        foreach (var issue in Issues)
        {
            if (issue.File is not null || issue.LeadId is null || !known.Contains((issue.LeadId, issue.Rule, issue.Field)))
            {
                all.Add(issue);
            }
        }

        return new DataQualityResult(AsOf, LeadCount, all, StaleLeadIds, AuditSample, Options, Inputs.Append(input));
    }

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

/// <summary>One input file of a data-quality result: what it holds and how many of its rows were read, accepted and rejected.</summary>
/// <remarks>Immutable. <see cref="RowsRead"/> = <see cref="RowsAccepted"/> + <see cref="RowsRejected"/>.</remarks>
public sealed class DataQualityInput
{
    /// <summary>Creates the entry.</summary>
    /// <param name="file">The file name as given.</param>
    /// <param name="kind">What the file holds: <c>leads</c>, <c>costs</c>, <c>touchpoints</c>, <c>actions</c> or <c>paths</c>.</param>
    /// <param name="rowsRead">Data rows read (blank rows are not rows).</param>
    /// <param name="rowsRejected">Rows rejected for an error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or <paramref name="kind"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or more rows rejected than read.</exception>
    public DataQualityInput(string file, string kind, long rowsRead, long rowsRejected)
    {
        File = Preconditions.CheckNotNull(file);
        Kind = Preconditions.CheckNotNull(kind);
        Preconditions.CheckRange(rowsRead >= 0 && rowsRejected >= 0 && rowsRejected <= rowsRead, rowsRejected, $"Rejected rows must lie in [0, {rowsRead}].");

        RowsRead = rowsRead;
        RowsRejected = rowsRejected;
    }

    /// <summary>The file name as given.</summary>
    public string File { get; }

    /// <summary>What the file holds: <c>leads</c>, <c>costs</c>, <c>touchpoints</c>, <c>actions</c> or <c>paths</c>.</summary>
    public string Kind { get; }

    /// <summary>Data rows read.</summary>
    public long RowsRead { get; }

    /// <summary>Rows accepted: <see cref="RowsRead"/> minus <see cref="RowsRejected"/>.</summary>
    public long RowsAccepted => RowsRead - RowsRejected;

    /// <summary>Rows rejected for an error.</summary>
    public long RowsRejected { get; }
}
