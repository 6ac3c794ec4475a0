using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Quality;
using LeadAnalytics.Tests.Data;

namespace LeadAnalytics.Tests.Csv;

/// <summary>The streaming import into a table must be the lead import followed by <see cref="LeadTable.Build"/>: the same
/// issues (rule, severity, line, column, value, message), the same counts and the same table, pipelined or not, whatever
/// the batch size.</summary>
public class ReadTableTests
{
    // Rows in another currency are converted (at par) in both paths, so the comparison is about parsing and rules.
    private static readonly LeadTableOptions AtPar = new() { CurrencyConverter = (m, c) => new Money(m.Amount, c) };

    [Theory]
    [InlineData("leads_en.csv")]
    [InlineData("leads_zh.csv")]
    [InlineData("leads_zh_hant.csv")]
    [InlineData("leads_gb18030.csv")]
    [InlineData("planted_faults.csv")]
    public void A_golden_file_reads_into_the_table_the_leads_build(string name)
    {
        var path = TrackingTableFiles.PathOf(name);
        var expected = LeadCsv.Read(path);
        AssertSame(expected, LeadCsv.ReadTable(path, null, AtPar));
        foreach (var pipelined in new[] { false, true })
        {
            var parser = new LeadRowParser();
            AssertSame(expected, LeadTableImport.Run(CsvOpen.Path(path, null, parser), parser, AtPar, pipelined, batchRows: 2));
        }
    }

    [Property(MaxTest = 100)]
    public Property Raw_rows_read_into_the_table_the_leads_build() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(CsvGenerators.Row, n))), Arb.From(Gen.Elements(1, 3, 8192)), (rows, batch) =>
        {
            var text = CsvGenerators.RowHeader + "\n" + string.Join("\n", rows.Select(CsvGenerators.Record)) + "\n";
            var expected = LeadCsv.Read(new StringReader(text));
            foreach (var pipelined in new[] { false, true })
            {
                var parser = new LeadRowParser();
                AssertSame(expected, LeadTableImport.Run(CsvOpen.Text(new StringReader(text), null, null, parser), parser, AtPar, pipelined, batch));
            }
        });

    [Property(MaxTest = 40)]
    public Property Written_leads_read_into_the_table_they_build() =>
        Prop.ForAll(Arb.From(CsvGenerators.Leads), leads =>
        {
            var writer = new StringWriter();
            LeadCsv.Write(leads, writer);
            var options = new CsvReadOptions { Quality = new DataQualityOptions { RequiredFields = new[] { LeadField.Id, LeadField.Name, LeadField.AcquiredAt } } };
            var expected = LeadCsv.Read(new StringReader(writer.ToString()), options);
            AssertSame(expected, LeadCsv.ReadTable(new StringReader(writer.ToString()), options, null, AtPar));
        });

    [Fact]
    public void A_file_that_breaks_midway_throws_the_import_exception_pipelined_or_not()
    {
        var text = new StringBuilder("lead_id,channel,acquired_at\n");
        for (var i = 0; i < 50; i++)
        {
            text.Append("L").Append(i).Append(",SEO,2023-10-01\n");
        }

        text.Append("L50,\"SEO,2023-10-01\n"); // an unclosed quote swallows the rest
        foreach (var pipelined in new[] { false, true })
        {
            var parser = new LeadRowParser();
            var reader = CsvOpen.Text(new StringReader(text.ToString()), new CsvReadOptions(), "broken.csv", parser);
            var expected = Record.Exception(() => LeadCsv.Read(new StringReader(text.ToString()), null, "broken.csv"));
            var actual = Record.Exception(() => LeadTableImport.Run(reader, parser, null, pipelined, 7));
            Assert.IsType<CsvImportException>(expected);
            Assert.Equal(expected?.GetType(), actual?.GetType());
            Assert.Equal(expected?.Message, actual?.Message);
        }
    }

    [Fact]
    public void White_space_is_what_char_IsWhiteSpace_says()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(char.IsWhiteSpace((char)c), RowBatch.IsWhiteSpace((char)c));
        }
    }

    [Theory]
    [InlineData("50000")]
    [InlineData("50000.00")]
    [InlineData(" 0.5 ")]
    [InlineData("-12.340")]
    [InlineData("007")]
    [InlineData("-0")]
    [InlineData("123456789012345678")]
    public void A_plain_amount_reads_as_the_full_parser_reads_it(string text)
    {
        Assert.True(CsvValues.TryParsePlainAmount(text.AsSpan(), out var plain));
        Assert.True(CsvValues.TryParseAmount(text, null, out var full, out var currency));
        Assert.Null(currency);
        Assert.Equal(decimal.GetBits(full), decimal.GetBits(plain));
    }

    [Theory]
    [InlineData("")]
    [InlineData("50,000")]
    [InlineData("5万")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("- 5")]
    [InlineData("1234567890123456789")]
    [InlineData("¥50")]
    public void Anything_else_goes_to_the_full_parser(string text) => Assert.False(CsvValues.TryParsePlainAmount(text.AsSpan(), out _));

    private static void AssertSame(CsvImportResult<Lead> expected, LeadTableImportResult actual)
    {
        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.Issues.Select(i => i.Message), actual.Issues.Select(i => i.Message));
        Assert.Equal(expected.RowsRead, actual.RowsRead);
        Assert.Equal(expected.RowsRejected, actual.RowsRejected);
        Assert.Equal(expected.Headers, actual.Headers);
        Assert.Equal(expected.Delimiter, actual.Delimiter);
        Assert.Equal(expected.EncodingName, actual.EncodingName);
        TableAssert.Equal(LeadTable.Build(expected.Records, AtPar), actual.Table);
    }
}
