using LeadAnalytics.Csv;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Tests.Csv;

public class OtherTablesTests
{
    private static DateTimeOffset Cst(int month, int day) => TrackingTableFiles.Cst(month, day);

    [Fact]
    public void Costs_turn_the_inclusive_end_date_into_an_exclusive_end_and_report_bad_rows()
    {
        var result = CostCsv.Read(TrackingTableFiles.PathOf("costs.csv"));

        Assert.Equal(5, result.RowsRead);
        Assert.Equal(2, result.RowsAccepted);
        Assert.Equal(
            new[]
            {
                new CostEntry(CostScope.Channel, "抖音信息流", Cst(10, 1), Cst(11, 1), new Money(120_000m, Currency.CNY), 1_500_000, 30_000),
                new CostEntry(CostScope.Strategy, "Trade show booth", Cst(10, 1), Cst(10, 2), new Money(50_000m, Currency.CNY)),
            },
            result.Records);
        Assert.Equal(
            new (long, DataQualityRule, string?)[]
            {
                (4, DataQualityRule.InvalidRecord, "period_end"),
                (5, DataQualityRule.InvalidValue, "scope"),
                (6, DataQualityRule.InvalidAmount, "amount"),
            },
            result.Issues.Select(i => (i.Line!.Value, i.Rule, i.Column)).ToArray());
    }

    [Fact]
    public void Touchpoints_read_milestones_and_report_bad_rows()
    {
        var result = TouchpointCsv.Read(TrackingTableFiles.PathOf("touchpoints.csv"));

        Assert.Equal(
            new[]
            {
                new Touchpoint("20231001001", new DateTimeOffset(2023, 9, 28, 10, 0, 0, TimeSpan.FromHours(8)), "SEO", "White paper download", "2023教育行业白皮书", CrmMilestones.FirstTouch),
                new Touchpoint("20231001001", TrackingTableFiles.Cst(10, 1, 14, 30), "抖音信息流", "Douyin feed - education ads", null, CrmMilestones.LeadCreated),
                new Touchpoint("20231001001", TrackingTableFiles.Cst(10, 10, 15), "行业展会", null, null, CrmMilestones.DealCreated | CrmMilestones.ClosedWon),
            },
            result.Records);
        Assert.Equal(
            new (long, DataQualityRule)[] { (5, DataQualityRule.InvalidValue), (6, DataQualityRule.MissingRequiredField) },
            result.Issues.Select(i => (i.Line!.Value, i.Rule)).ToArray());
    }

    [Fact]
    public void Aggregated_paths_split_on_the_arrow_and_report_bad_rows()
    {
        var result = PathCsv.Read(TrackingTableFiles.PathOf("paths.csv"));

        Assert.Equal(
            new[]
            {
                new PathRow(new[] { "A", "B", "C" }, 2, 1200.50m, 5),
                new PathRow(new[] { "B" }, 1, 300m, 0),
                new PathRow(new[] { "C", "C" }, 0, 0m, 3.5),
            },
            result.Records);
        Assert.Equal("A > B > C", result.Records[0].ToString());
        Assert.Equal(
            new (long, DataQualityRule)[] { (5, DataQualityRule.InvalidValue), (6, DataQualityRule.InvalidNumber) },
            result.Issues.Select(i => (i.Line!.Value, i.Rule)).ToArray());
    }

    [Fact]
    public void A_table_without_its_required_columns_is_not_that_table()
    {
        var ex = Assert.Throws<CsvImportException>(() => CostCsv.Read(new StringReader("lead_id,acquired_at\n1,2023-10-01\n"), fileName: "x.csv"));
        Assert.Equal("x.csv", ex.File);
        Assert.Equal(1, ex.Line);
        Assert.Throws<CsvImportException>(() => LeadCsv.Read(new StringReader("path,total_conversions\nA,1\n")));
        Assert.Throws<CsvImportException>(() => LeadCsv.Read(new StringReader("")));
        Assert.Throws<CsvImportException>(() => LeadCsv.Read(new StringReader("\n\n  \n")));
    }

    [Fact]
    public void Malformed_quoting_names_the_line_where_the_record_starts()
    {
        var text = "lead_id,acquired_at,channel,notes\nA1,2023-10-01,SEO,\"two\nlines\"\nA2,2023-10-01,SEO,\"bad\"quote\n";
        var ex = Assert.Throws<CsvImportException>(() => LeadCsv.Read(new StringReader(text), fileName: "q.csv"));
        Assert.Equal(4, ex.Line);
        Assert.StartsWith("q.csv(4): Malformed CSV", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_before_the_header_are_skipped_and_counted()
    {
        var result = LeadCsv.Read(new StringReader("\n\nlead_id,acquired_at,channel,bogus\nA1,2023-10-01,SEO,1\nA2,,SEO,\n"));
        Assert.Single(result.Records);
        Assert.Equal(new long[] { 3, 5 }, result.Issues.Select(i => i.Line!.Value));
    }

    [Fact]
    public void Header_aliases_map_a_CRM_export()
    {
        var options = new CsvReadOptions
        {
            HeaderAliases = new Dictionary<string, LeadField> { ["mql_id"] = LeadField.Id, ["origin"] = LeadField.Channel, ["first_contact_date"] = LeadField.AcquiredAt },
        };
        var result = LeadCsv.Read(new StringReader("mql_id,first_contact_date,landing_page_id,origin\nm1,2018-02-01,p9,social\n"), options);
        var lead = Assert.Single(result.Records);
        Assert.Equal("social", lead.Channel);
        Assert.Equal("p9", lead.Attributes["landing_page_id"]);
        Assert.Equal(DataQualityRule.UnknownColumn, Assert.Single(result.Issues).Rule);
    }
}
