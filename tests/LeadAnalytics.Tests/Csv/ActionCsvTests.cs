using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Csv;
using LeadAnalytics.Quality;
using LeadAnalytics.Tests.Actions;
using LeadAnalytics.Tests.Domain;
using static LeadAnalytics.Tests.Actions.ActionTestData;

namespace LeadAnalytics.Tests.Csv;

public class ActionCsvTests
{
    private static CsvImportResult<OptimisationAction> ReadText(string text) => ActionCsv.Read(new StringReader(text), fileName: "actions.csv");

    [Fact]
    public void The_sample_actions_file_reads_as_the_template_three_actions()
    {
        var result = ActionCsv.Read(SampleDataFiles.PathOf("actions.csv"));
        Assert.Empty(result.Issues);
        Assert.Equal(3, result.RowsAccepted);
        var a1 = result.Records[0];
        Assert.Equal("A1", a1.Id);
        Assert.Equal("需求确认阶段流失率偏高(40%)", a1.Finding);
        Assert.Equal("开展两次SPIN提问技巧培训", a1.Description);
        Assert.Equal("销售总监", a1.Owner);
        Assert.Equal(Day(2023, 10, 15), a1.Start);
        Assert.Equal(Day(2023, 11, 16), a1.Due); // due 2023-11-15 is inclusive
        Assert.Equal(MetricTarget.Parse("dropoff(NeedsConfirmed) <= 25%"), a1.Target);
        Assert.Equal(ActionBaseline.Window(Day(2023, 7, 1), Day(2023, 10, 15)), a1.Baseline);
        Assert.Null(a1.Notes);
        Assert.Equal(new[] { "A2", "A3" }, result.Records.Skip(1).Select(a => a.Id));
        Assert.Null(result.Records[1].Baseline);
        Assert.Equal(Day(2023, 12, 1), result.Records[1].Due);
        Assert.Equal(Day(2023, 12, 11), result.Records[2].Due);
        Assert.Equal(ActionMetric.CostPerAcquisition, result.Records[2].Metric.Metric);
    }

    [Fact]
    public void Writing_the_sample_actions_gives_the_sample_file_back()
    {
        var path = SampleDataFiles.PathOf("actions.csv");
        var writer = new StringWriter();
        ActionCsv.Write(ActionCsv.Read(path).Records, writer);
        Assert.Equal(File.ReadAllText(path), writer.ToString());
    }

    [Fact]
    public void The_template_chinese_layout_without_ids_reads_with_numbered_ids()
    {
        var result = ActionCsv.Read(TrackingTableFiles.PathOf("actions_template_zh.csv"));
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(new[] { "A1", "A2" }, result.Records.Select(a => a.Id));
        var a1 = result.Records[0];
        Assert.Equal(Day(2023, 11, 16), a1.Due); // 2023年11月15日, inclusive
        Assert.Equal("dropoff(NeedsConfirmed) <= 25%", a1.Target.ToString());
        Assert.Equal(ActionBaseline.Given(0.4m), a1.Baseline);
        Assert.Equal(new ActionStatusEntry(Day(2023, 10, 15), ActionState.InProgress), Assert.Single(a1.History));
        var a2 = result.Records[1];
        Assert.Equal(Day(2023, 11, 1), a2.Start);
        Assert.Equal("conversion(channel=抖音信息流) >= 10%", a2.Target.ToString());
        Assert.Equal(ActionBaseline.Window(Day(2023, 8, 1), Day(2023, 11, 1)), a2.Baseline);
        Assert.Equal("每周复盘", a2.Notes);
        Assert.Empty(a2.History);
    }

    [Fact]
    public void Faulty_cells_are_row_issues_that_name_the_column_and_the_position()
    {
        const string text =
            "action_id,action,start_date,due_date,metric,baseline,status\n" +
            "B1,培训,2023-10-15,2023-11-15,conv(channel=SEO) >= 10%,,\n" +
            "B2,培训,2023-10-15,2023-10-01,conversion >= 10%,,\n" +
            "B3,培训,2023-10-15,2023-11-15,,,\n" +
            "B4,培训,2023-10-15,2023-11-15,conversion >= 10%,40,\n" +
            "B5,培训,2023-10-15,2023-11-15,conversion >= 10%,2023-09-01..2023-10-20,\n" +
            "B6,培训,someday,2023-11-15,conversion >= 10%,,maybe\n" +
            "B7,培训,2023-10-15,2023-11-15,conversion >= 10%,30%,done\n";
        var result = ReadText(text);
        Assert.Equal(7, result.RowsRead);
        Assert.Equal(1, result.RowsAccepted);
        Assert.Equal("B7", Assert.Single(result.Records).Id);
        DataQualityIssue Only(string id) => Assert.Single(result.Issues, i => i.LeadId == id);
        var b1 = Only("B1");
        Assert.Equal(DataQualityRule.InvalidValue, b1.Rule);
        Assert.Equal("metric", b1.Column);
        Assert.Contains("Unknown metric 'conv'", b1.Message, StringComparison.Ordinal);
        Assert.Contains("position 0", b1.Message, StringComparison.Ordinal);
        Assert.Equal(2, b1.Line);
        var b2 = Only("B2");
        Assert.Equal(DataQualityRule.InvalidRecord, b2.Rule);
        Assert.Contains("DueNotAfterStart", b2.Message, StringComparison.Ordinal);
        Assert.Equal("due_date", b2.Column);
        Assert.Equal(DataQualityRule.MissingRequiredField, Only("B3").Rule);
        var b4 = Only("B4");
        Assert.Equal("baseline", b4.Column);
        Assert.Contains("above 1", b4.Message, StringComparison.Ordinal);
        var b5 = Only("B5");
        Assert.Contains("BaselineWindowAfterStart", b5.Message, StringComparison.Ordinal);
        var b6 = result.Issues.Where(i => i.LeadId == "B6").Select(i => i.Rule).ToArray();
        Assert.Equal(new[] { DataQualityRule.InvalidDate, DataQualityRule.InvalidValue }, b6);
    }

    [Fact]
    public void A_table_without_a_required_column_is_not_an_actions_table()
    {
        var e = Assert.Throws<CsvImportException>(() => ReadText("action_id,action,start_date,due_date\nA1,x,2023-10-15,2023-11-15\n"));
        Assert.Contains("Metric", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_headers_are_written_on_request_and_read_back()
    {
        var actions = TemplateScenario.Actions();
        foreach (var language in new[] { CsvHeaderLanguage.SimplifiedChinese, CsvHeaderLanguage.TraditionalChinese })
        {
            var writer = new StringWriter();
            ActionCsv.Write(actions, writer, new CsvWriteOptions { HeaderLanguage = language });
            var header = writer.ToString().Split('\n')[0];
            Assert.Equal(language == CsvHeaderLanguage.SimplifiedChinese ? "行动编号,分析结论,优化行动,责任人,开始时间,完成时间,跟踪指标,基线,备注" : "行動編號,分析結論,優化行動,責任人,開始時間,完成時間,跟蹤指標,基線,備註", header);
            Assert.Equal(actions, ReadText(writer.ToString()).Records);
        }
    }

    [Fact]
    public void Instants_off_midnight_are_written_in_full()
    {
        var b = TemplateScenario.Actions()[0].ToBuilder();
        b.Start = new DateTimeOffset(2023, 10, 15, 9, 30, 0, TimeSpan.Zero);
        b.Due = new DateTimeOffset(2023, 11, 16, 0, 0, 0, TimeSpan.Zero); // midnight UTC is 08:00 in China
        var writer = new StringWriter();
        ActionCsv.Write(new[] { b.Build() }, writer);
        Assert.Contains(",2023-10-15T09:30:00+00:00,2023-11-16T00:00:00+00:00,", writer.ToString(), StringComparison.Ordinal);
        Assert.Equal(b.Build(), Assert.Single(ReadText(writer.ToString()).Records));
    }

    /// <summary>Generated actions keep at most their latest status, without its note: what the CSV layout holds.</summary>
    private static Gen<OptimisationAction> CsvAction { get; } =
        from action in ActionGenerators.Action
        from notes in Gen.Elements<string?>(null, "每周复盘", "a, \"quoted\"\nsecond line")
        select ForCsv(action, notes);

    private static OptimisationAction ForCsv(OptimisationAction action, string? notes)
    {
        var b = action.ToBuilder();
        b.Notes = notes;
        b.History.Clear();
        if (action.History.Count > 0)
        {
            var last = action.History[action.History.Count - 1];
            b.History.Add(new ActionStatusEntry(last.At, last.State));
        }

        return b.Build();
    }

    [Property(MaxTest = 100)]
    public Property Written_actions_read_back_equal() =>
        Prop.ForAll(Arb.From(Gen.ListOf(CsvAction)), generated =>
        {
            // Ids are unique in a file: a repeated one is rejected as DuplicateId.
            var actions = generated.GroupBy(a => a.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var writer = new StringWriter();
            ActionCsv.Write(actions, writer);
            var result = ReadText(writer.ToString());
            return result.Issues.Count == 0 && result.Records.SequenceEqual(actions);
        });
}
