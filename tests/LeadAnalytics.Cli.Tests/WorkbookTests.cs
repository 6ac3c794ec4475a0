using System.IO.Compression;
using System.Text.Json;
using LeadAnalytics.Csv;
using LeadAnalytics.Excel;
using LeadAnalytics.Quality;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>.xlsx in and out: samples/data/*.xlsx (written by SampleDataGenerator with MiniExcel: Chinese headers, date
/// cells, "5.86万" amounts) against the CSV files holding the same data, and the --format xlsx output read back.</summary>
public class WorkbookTests
{
    private static readonly string[] AsOf = { "--as-of", "2024-01-15" };

    [Fact]
    public void A_workbook_with_Chinese_headers_gives_the_same_segments_json_as_the_csv()
    {
        var csv = Run(new[] { "segments", "--leads", SampleData("leads.csv"), "--costs", SampleData("costs.csv"), "--by", "channel", "--format", "json" }.Concat(AsOf).ToArray());
        var xlsx = Run(new[] { "segments", "--leads", SampleData("leads.xlsx"), "--costs", SampleData("costs.xlsx"), "--by", "channel", "--format", "json" }.Concat(AsOf).ToArray());
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal(0, xlsx.ExitCode);
        Assert.Equal("", xlsx.Stderr);
        Assert.Equal(csv.Stdout, xlsx.Stdout);
        Assert.Contains("抖音信息流", xlsx.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_workbooks_hold_the_csv_records()
    {
        var fromCsv = LeadCsv.Read(SampleData("leads.csv"));
        var fromXlsx = Workbook.ReadLeads(SampleData("leads.xlsx"));
        Assert.Empty(fromXlsx.Issues);
        Assert.Equal(fromCsv.Records.Count, fromXlsx.Records.Count);
        Assert.Equal("leads.xlsx[线索]", fromXlsx.File);
        for (var i = 0; i < fromCsv.Records.Count; i += 97)
        {
            var a = fromCsv.Records[i];
            var b = fromXlsx.Records[i];
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.AcquiredAt, b.AcquiredAt);
            Assert.Equal(a.WonAt, b.WonAt);
            Assert.Equal(a.DealAmount, b.DealAmount);
        }

        // About half the deal amounts are text cells in 万 ("5.86万") in the workbook, numbers elsewhere: both read as the CSV's amount.
        var raw = Workbook.ReadTable(SampleData("leads.xlsx"));
        var amount = raw.Headers.ToList().IndexOf("成交金额(元)");
        Assert.Contains(raw.Rows, r => r[amount] is string s && s.EndsWith("万", StringComparison.Ordinal));
        Assert.Contains(raw.Rows, r => r[amount] is double);
        Assert.IsType<DateTime>(raw.Rows[0][raw.Headers.ToList().IndexOf("获取时间")]);

        var actions = Workbook.ReadActions(SampleData("actions.xlsx"));
        Assert.Equal(ActionCsv.Read(SampleData("actions.csv")).Records.Select(a => (a.Id, a.Due)), actions.Records.Select(a => (a.Id, a.Due)));
    }

    [Fact]
    public void Row_issues_name_the_sheet_the_row_and_the_column()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leadanalytics-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            WorkbookWriter.Write(path, new[]
            {
                new WorkbookSheet("说明", new[] { "x" }, new[] { new object?[] { "this sheet is not the data" } }),
                new WorkbookSheet("线索", new[] { "线索编号", "来源渠道", "获取时间", "成交金额(元)" }, new[]
                {
                    new object?[] { "L1", "SEO", new DateTime(2023, 10, 1), "5万" },
                    new object?[] { "L2", "SEO", "2023-13-45", null },
                    new object?[] { "L3", "展会", "2023/10/2", 30000.5 },
                }),
            });

            var result = Workbook.ReadLeads(path, sheet: "线索");
            Assert.Equal(new[] { "L1", "L3" }, result.Records.Select(l => l.Id));
            Assert.Equal(50_000m, result.Records[0].DealAmount!.Value.Amount);
            Assert.Equal(30_000.5m, result.Records[1].DealAmount!.Value.Amount);
            var error = Assert.Single(result.Issues, i => i.Severity == IssueSeverity.Error);
            Assert.Equal(System.IO.Path.GetFileName(path) + "[线索]", error.File);
            Assert.Equal(3, error.Line); // the header is row 1, L2 is row 3
            Assert.Equal("获取时间", error.Column);

            // The same rows as CSV give the same issue (one copy of the rules).
            var asCsv = LeadCsv.Read(new StringReader("线索编号,来源渠道,获取时间,成交金额(元)\nL1,SEO,2023-10-01,5万\nL2,SEO,2023-13-45,\nL3,展会,2023/10/2,30000.5\n"));
            var csvError = Assert.Single(asCsv.Issues, i => i.Severity == IssueSeverity.Error);
            Assert.Equal((csvError.Rule, csvError.Line, csvError.Column, csvError.Message), (error.Rule, error.Line, error.Column, error.Message));

            var missing = Assert.Throws<CsvImportException>(() => Workbook.ReadLeads(path, sheet: "Leads"));
            Assert.Contains("'说明', '线索'", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Format_xlsx_reopens_with_the_numbers_of_the_csv()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leadanalytics-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            var args = new[] { "segments", "--leads", SampleData("leads.csv"), "--costs", SampleData("costs.csv"), "--by", "channel" }.Concat(AsOf).ToArray();
            var xlsx = Run(args.Concat(new[] { "--format", "xlsx", "--out", path }).ToArray());
            Assert.Equal(0, xlsx.ExitCode);
            var csv = Run(args.Concat(new[] { "--format", "csv" }).ToArray());
            var csvRows = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

            var sheet = Workbook.ReadTable(path);
            Assert.Equal("segments", sheet.Name);
            Assert.Equal(csvRows[0], sheet.Headers);
            Assert.Equal(csvRows.Count - 1, sheet.Rows.Count);
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                for (var c = 0; c < sheet.Headers.Count; c++)
                {
                    var text = csvRows[r + 1][c];
                    var cell = sheet.Rows[r][c];
                    if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                    {
                        // Numbers are number cells (sortable), with the CSV's value.
                        Assert.Equal(number, Assert.IsType<double>(cell), 9);
                    }
                    else
                    {
                        Assert.Equal(text.Length == 0 ? null : text, cell?.ToString());
                    }
                }
            }

            Assert.Equal(2, Run(args.Concat(new[] { "--format", "xlsx" }).ToArray()).ExitCode); // a workbook needs --out
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_written_as_text()
    {
        // OWASP's formula starters, MiniExcel's own template prefix "$=", and text that only looks like a number.
        var risky = new object?[] { "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(1)", "\t=1", "\r=1", "$=1+1", "1E5" };
        var headers = risky.Select((_, i) => "c" + i).ToArray();
        var bytes = WorkbookWriter.ToBytes(new[] { new WorkbookSheet("s", headers, new[] { risky }) });
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.DoesNotContain("<x:f", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f", xml, StringComparison.Ordinal);
        // Read back, every cell is the text that was written (a text cell, not a number or a formula's result); XML
        // normalises a carriage return to a line feed.
        var back = Workbook.ReadTable(new MemoryStream(bytes));
        Assert.Equal(risky.Select(c => (object?)((string)c!).Replace('\r', '\n')), back.Rows.Single());
        // Deterministic: the same sheets give the same bytes (zip entry times are fixed).
        Assert.Equal(bytes, WorkbookWriter.ToBytes(new[] { new WorkbookSheet("s", headers, new[] { risky }) }));
    }

    [Fact]
    public void A_formula_cell_is_read_as_its_cached_value_and_never_evaluated()
    {
        // A sheet as Excel saves it: A2 holds a formula with its cached result, B2 a formula Excel never calculated (no
        // cached value), C2 a text formula whose cached value is text. The reader returns the cached values only.
        var bytes = WorkbookWriter.ToBytes(new[] { new WorkbookSheet("s", new[] { "a", "b", "c" }, new[] { new object?[] { 1.0, 2.0, "x" } }) });
        bytes = ReplaceSheet(bytes, xml =>
        {
            var row = xml.IndexOf("<x:row r=\"2\"", StringComparison.Ordinal) is var i && i >= 0 ? i : xml.IndexOf("<row r=\"2\"", StringComparison.Ordinal);
            var prefix = xml.Contains("<x:row", StringComparison.Ordinal) ? "x:" : string.Empty;
            var end = xml.IndexOf("</" + prefix + "row>", row, StringComparison.Ordinal);
            var cells = $"<{prefix}c r=\"A2\"><{prefix}f>1+1</{prefix}f><{prefix}v>2</{prefix}v></{prefix}c>" +
                        $"<{prefix}c r=\"B2\"><{prefix}f>WEBSERVICE(\"http://example.invalid\")</{prefix}f></{prefix}c>" +
                        $"<{prefix}c r=\"C2\" t=\"str\"><{prefix}f>\"=\"&amp;\"1\"</{prefix}f><{prefix}v>=1</{prefix}v></{prefix}c>";
            var open = xml.IndexOf('>', row) + 1;
            return xml.Substring(0, open) + cells + xml.Substring(end);
        });
        var back = Workbook.ReadTable(new MemoryStream(bytes));
        var cellsRead = back.Rows.Single();
        Assert.Equal(2.0, cellsRead[0]);
        Assert.Null(cellsRead[1]);
        Assert.Equal("=1", cellsRead[2]);
    }

    private static byte[] ReplaceSheet(byte[] xlsx, Func<string, string> edit)
    {
        using var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(xlsx)))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(to.CreateEntry(entry.FullName).Open());
                writer.Write(entry.FullName == "xl/worksheets/sheet1.xml" ? edit(text) : text);
            }
        }

        return output.ToArray();
    }
}
