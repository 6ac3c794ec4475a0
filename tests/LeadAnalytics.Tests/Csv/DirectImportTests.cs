using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Csv;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Tests.Csv;

/// <summary>The import's direct path (clean rows added straight to the table, no <see cref="Data.LeadRecord"/>) gives what the
/// record path gives for every row: the same table, the same issues with the same lines, the same counts. Files mix clean rows
/// with every kind of doubt the direct path must hand back (bad or far-off dates, fractions of a second, stages out of order, won
/// and lost, negative or written-out amounts, unknown currencies, missing required fields, duplicate ids, cycle days that disagree,
/// won without a deal amount), under several options.</summary>
public class DirectImportTests
{
    private static readonly string[] Columns =
    {
        "lead_id", "channel", "strategy", "acquired_at", "contacted_at", "needs_confirmed_at", "proposal_at", "negotiation_at", "won_at", "lost_at",
        "last_activity_at", "loss_reason", "deal_amount", "acquisition_cost", "currency", "tags", "cycle_days", "owner",
    };

    private static readonly string[] Ids = { "L1", "L2", "L3", " L4 ", "L5", "L6", "L7", "L8", "", "\u3000", "Ｌ9", "L1" };

    private static readonly string[] Labels = { "SEO", "抖音信息流", "ＳＥＯ", " seo ", "", "", "a\u200Bb", "\u3000", "朋友圈广告" };

    private static readonly string[] Dates =
    {
        "", "", "", "2023-10-01 09:00", "2023-10-01 09:00", "2023-10-02 10:30", "2023-10-03", "2023-10-05 18:00:30", "2023/10/7 8:00",
        "2023-10-09T09:00:00+08:00", "2023-10-09T09:00:00.5+08:00", "2023-10-09T09:00:00.25Z", "2023年10月12日 14:30", "2023-09-30 23:59",
        "2203-10-01", "1900-01-01", "2023-13-01", "abc",
    };

    private static readonly string[] Amounts = { "", "", "100", "100.5", "100.555", "0", "-5", "5万", "¥3,000", "abc", "92233720368547759", "0.001", "1200.50" };

    private static readonly string[] Currencies = { "", "", "", "CNY", "USD", "元", "XYZ", " cny" };

    private static readonly string[] TagCells = { "", "", "a;b", "a; a", "b,c", "\u3000", "x；y" };

    private static readonly string[] CycleDays = { "", "", "", "9", "9天", "abc", "0", "3 days", "-1" };

    private static Gen<string> Cell(int column) => Columns[column] switch
    {
        "lead_id" => Gen.Elements(Ids),
        "channel" or "strategy" or "owner" or "loss_reason" => Gen.Elements(Labels),
        "deal_amount" or "acquisition_cost" => Gen.Elements(Amounts),
        "currency" => Gen.Elements(Currencies),
        "tags" => Gen.Elements(TagCells),
        "cycle_days" => Gen.Elements(CycleDays),
        _ => Gen.Elements(Dates),
    };

    // Acquisition and first contact within one second of each other, in and out of order (the rules compare instants, not seconds).
    private static readonly (string Acquired, string Contacted)[] CloseInstants =
    {
        ("2023-10-09T09:00:00.5+08:00", "2023-10-09T09:00:00+08:00"), ("2023-10-09T09:00:00+08:00", "2023-10-09T09:00:00.5+08:00"),
        ("2023-10-09T09:00:00.7Z", "2023-10-09T09:00:00.2Z"), ("2023-10-09T09:00:00.2Z", "2023-10-09T09:00:00.2Z"),
    };

    // Plain rows (the direct path), plain rows with one cell from the pools above or with close instants (one doubt each), and rows
    // of cells from the pools.
    private static Gen<string> Row =>
        from mode in Gen.Choose(0, 4)
        from cells in Gen.CollectToArray(Enumerable.Range(0, Columns.Length).Select(Cell))
        from day in Gen.Choose(1, 20)
        from amount in Gen.Choose(0, 99999)
        from column in Gen.Choose(0, Columns.Length - 1)
        from close in Gen.Elements(CloseInstants)
        select mode switch
        {
            0 or 1 => Join(Plain(cells, day, amount)),
            2 => Join(Plain(cells, day, amount).Select((c, i) => i == column ? cells[i] : c).ToArray()),
            3 => Join(Plain(cells, day, amount).Select((c, i) => i == 3 ? close.Acquired : i == 4 ? close.Contacted : c).ToArray()),
            _ => Join(cells),
        };

    private static string Join(string[] cells) => string.Join(",", cells.Select(c => c.Contains(',') ? "\"" + c + "\"" : c));

    private static string[] Plain(string[] cells, int day, int amount)
    {
        var d = new DateTime(2023, 10, day, 9, 0, 0);
        string At(int hours) => d.AddHours(hours).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var won = amount % 3 == 0;
        var lost = amount % 3 == 1;
        return new[]
        {
            cells[0], cells[1], cells[2], At(0), At(5), amount % 2 == 0 ? At(30) : string.Empty, string.Empty, string.Empty, won ? At(60) : string.Empty,
            lost ? At(50) : string.Empty, amount % 5 == 0 ? At(70) : string.Empty, lost ? cells[11] : string.Empty, won ? (amount / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
            (amount % 700).ToString(System.Globalization.CultureInfo.InvariantCulture), amount % 4 == 0 ? "CNY" : string.Empty, cells[15],
            won ? "2.5" : lost ? "2.0833" : string.Empty, cells[17],
        };
    }

    private static Gen<byte[]> File =>
        from rows in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Row, n))
        select Encoding.UTF8.GetBytes(string.Join(",", Columns) + "\n" + string.Join("\n", rows) + "\n");

    private static readonly CsvReadOptions[] Options =
    {
        new(),
        new() { CheckDuplicateIds = false },
        new() { Quality = new DataQualityOptions { RequiredFields = new[] { LeadField.Id, LeadField.AcquiredAt, LeadField.Strategy, LeadField.ContactedAt, LeadField.AcquisitionCost } } },
        new() { Quality = new DataQualityOptions { ExpectedCurrency = Currency.USD } },
        new() { Currency = Currency.USD, TimeZone = TimeZoneInfo.Utc },
        new() { Quality = new DataQualityOptions { RequiredFields = new[] { LeadField.Id, LeadField.AcquiredAt, LeadField.Tags } } },
    };

    [Property(MaxTest = 300)]
    public Property The_direct_path_reads_every_row_as_the_record_path() =>
        Prop.ForAll(Arb.From(File), Arb.From(Gen.Choose(0, Options.Length - 1)), Arb.From(Gen.Elements(1, 4, 8192)), (bytes, o, batch) =>
        {
            var options = Options[o];
            var expected = FastImportTests.Record(() => Import(bytes, options, batch, direct: false).Result);
            var actual = FastImportTests.Record(() => Import(bytes, options, batch, direct: true).Result);
            FastImportTests.AssertSame(expected, actual);
        });

    [Fact]
    public void Clean_rows_take_the_direct_path_and_doubtful_ones_the_record_path()
    {
        var text = new StringBuilder(string.Join(",", Columns) + "\n");
        for (var i = 0; i < 50; i++)
        {
            text.Append(Join(Plain(new[] { "L" + i, "SEO", "S", "", "", "", "", "", "", "", "", "预算不足", "", "", "", "a;b", "", "销售" }, 1 + (i % 20), i * 37))).Append('\n');
        }

        // Stages out of order (a warning), won without a deal amount (a warning), a written-out amount: the record path.
        text.Append("X1,SEO,S,2023-10-05 09:00,2023-10-04 09:00,,,,,,,,,,,,,\n");
        text.Append("X2,SEO,S,2023-10-05 09:00,,,,,2023-10-06 09:00,,,,,,,,,\n");
        text.Append("X3,SEO,S,2023-10-05 09:00,,,,,,,,,,5万,,,,\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var (result, direct) = Import(bytes, new CsvReadOptions(), 8192, true);
        var record = Import(bytes, new CsvReadOptions(), 8192, false).Result;
        Assert.Equal(50, direct);
        Assert.Equal(53, result.Table.Count);
        Assert.Equal(2, result.Issues.Count(i => i.Severity == IssueSeverity.Warning));
        Assert.Equal(record.Issues, result.Issues);
        Data.TableAssert.Equal(record.Table, result.Table);
    }

    private static (LeadTableImportResult Result, long DirectRows) Import(byte[] bytes, CsvReadOptions options, int batch, bool direct)
    {
        var parser = new LeadRowParser { Direct = direct };
        var result = LeadTableImport.Run(CsvOpen.Stream(new MemoryStream(bytes), options, "f.csv", parser), parser, null, false, batch);
        return (result, parser.DirectRows);
    }
}
