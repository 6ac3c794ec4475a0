using LeadAnalytics.Csv;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Tests.Csv;

/// <summary>TestData/Csv/planted_faults.csv has one planted fault per rule (the notes column says which); each must give
/// exactly one issue, on its line, and the counts must reconcile.</summary>
public class PlantedFaultsTests
{
    private static readonly (long Line, DataQualityRule Rule, IssueSeverity Severity, string? Column, string? Value)[] ExpectedImportIssues =
    {
        (1, DataQualityRule.UnknownColumn, IssueSeverity.Warning, "utm_source", null),
        (3, DataQualityRule.MissingRequiredField, IssueSeverity.Error, "lead_id", ""),
        (4, DataQualityRule.InvalidDate, IssueSeverity.Error, "acquired_at", "2023-13-45"),
        (5, DataQualityRule.StageBeforeAcquisition, IssueSeverity.Warning, "won_at", "2023-10-01 09:00"),
        (6, DataQualityRule.StagesOutOfOrder, IssueSeverity.Warning, "proposal_at", "2023-10-05 09:00"),
        (7, DataQualityRule.WonAndLost, IssueSeverity.Error, "lost_at", "2023-10-11 09:00"),
        (8, DataQualityRule.NegativeDealAmount, IssueSeverity.Error, "deal_amount", "-500"),
        (9, DataQualityRule.WonWithoutDealAmount, IssueSeverity.Warning, "deal_amount", ""),
        (10, DataQualityRule.CycleDaysMismatch, IssueSeverity.Warning, "cycle_days", "5"),
        (11, DataQualityRule.CurrencyMismatch, IssueSeverity.Error, "deal_amount", "$500"),
        (12, DataQualityRule.DuplicateId, IssueSeverity.Error, "lead_id", "F01"),
        (13, DataQualityRule.InvalidAmount, IssueSeverity.Error, "acquisition_cost", "abc"),
        (14, DataQualityRule.InvalidCurrency, IssueSeverity.Error, "currency", "XYZ"),
        (15, DataQualityRule.MissingRequiredField, IssueSeverity.Error, "channel", ""),
        (18, DataQualityRule.ExtraFields, IssueSeverity.Warning, null, "surplus"),
        (19, DataQualityRule.NegativeAcquisitionCost, IssueSeverity.Error, "acquisition_cost", "-100"),
        (20, DataQualityRule.InvalidNumber, IssueSeverity.Warning, "cycle_days", "abc"),
    };

    private static CsvImportResult<Lead> Import() => LeadCsv.Read(TrackingTableFiles.PathOf("planted_faults.csv"));

    [Fact]
    public void Each_planted_fault_gives_exactly_one_issue_on_its_line()
    {
        var result = Import();
        var actual = result.Issues.Select(i => (i.Line!.Value, i.Rule, i.Severity, i.Column, i.Value)).ToArray();
        Assert.Equal(ExpectedImportIssues, actual);
        Assert.All(result.Issues, i => Assert.Equal("planted_faults.csv", i.File));
    }

    [Fact]
    public void Counts_reconcile_and_every_rejected_row_has_an_error()
    {
        var result = Import();

        // 19 non-blank data rows: lines 2-15, 16-17 (one record on two lines), 18-20 and 22 (line 21 is blank).
        Assert.Equal(19, result.RowsRead);
        Assert.Equal(10, result.RowsRejected);
        Assert.Equal(9, result.RowsAccepted);
        Assert.Equal(result.RowsRead, result.RowsAccepted + result.RowsRejected);
        Assert.Equal(9, result.Records.Count);
        Assert.Equal(new[] { "F01", "F04", "F05", "F08", "F09", "F15", "F16", "F18", "F19" }, result.Records.Select(l => l.Id));
        Assert.Equal(10, result.ErrorCount);
        Assert.Equal(7, result.WarningCount);

        var rejectedLines = new long[] { 3, 4, 7, 8, 11, 12, 13, 14, 15, 19 };
        Assert.Equal(rejectedLines, result.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Line!.Value).ToArray());
    }

    [Fact]
    public void The_streaming_reader_gives_the_same_rows_with_their_start_lines()
    {
        using var reader = LeadCsv.Open(TrackingTableFiles.PathOf("planted_faults.csv"));
        var rows = reader.ReadRows().ToList();
        Assert.Equal(new long[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22 }, rows.Select(r => r.Line));
        Assert.All(rows.Where(r => !r.IsAccepted), r => Assert.Contains(r.Issues, i => i.Severity == IssueSeverity.Error));
        Assert.Equal("a note on\ntwo lines", rows.Single(r => r.Line == 16).Record!.Notes);
        Assert.Equal("x", rows.Single(r => r.Line == 18).Record!.Attributes["utm_source"]);
        Assert.Single(reader.HeaderIssues);
        Assert.Equal(19, reader.RowsRead);
        Assert.Equal(9, reader.RowsAccepted);
        Assert.Throws<InvalidOperationException>(() => reader.ReadRows());
    }

    [Fact]
    public void The_quality_report_adds_only_what_the_import_could_not_see()
    {
        var result = Import();
        var asOf = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

        var report = DataQualityChecker.Check(result.Records, asOf, importIssues: result.Issues);

        // The import's 17 issues plus the stale lead F19 (open since its contact on 2023-08-02: 121 days > 30).
        Assert.Equal(18, report.Issues.Count);
        var stale = Assert.Single(report.Issues, i => i.Rule == DataQualityRule.StaleLead);
        Assert.Equal("F19", stale.LeadId);
        Assert.Equal(new[] { "F19" }, report.StaleLeadIds);
        Assert.Equal(9, report.LeadCount);
        Assert.Equal(10, report.ErrorCount);
        Assert.Equal(8, report.WarningCount);
        Assert.Equal(1, report.CountOf(DataQualityRule.StageBeforeAcquisition));
        // ceil(10% of 9 leads) = 1 lead to audit, drawn from the accepted ones.
        var audited = Assert.Single(report.AuditSample);
        Assert.Contains(audited, result.Records.Select(l => l.Id));
    }
}
