using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Tests.Data;

namespace LeadAnalytics.Tests.Csv;

/// <summary>The import straight from UTF-8 bytes (<see cref="Utf8Rows"/>) gives what the general reader gives: the same
/// rows accepted, the same issues (rule, severity, file, line, column, value, message), the same counts and table, or the
/// same exception; on simple files and on files that turn hostile anywhere (a quote, a carriage return, a bad byte, U+FFFF),
/// for any read size and on one or two threads.</summary>
public class FastImportTests
{
    // The fast path is built for .NET 8 and later; the netstandard2.0 build always reads through the general reader.
#if NETSTANDARD_BUILD_UNDER_TEST
    private const bool FastPathBuilt = false;
#else
    private const bool FastPathBuilt = true;
#endif

    private static readonly string[] Cells =
    {
        "", "", " ", "L1", "L2", "L2 ", " L3", "SEO", "抖音信息流", "ＳＥＯ", "Seo", "2023-10-01 09:00", "2023/10/2", "2023-10-01T09:00:00+08:00",
        "2023-13-01", "2023-10-20 10:00", "1900-01-01", "50000", "50000.00", "5万", "¥3,000", "-10", "abc", "CNY", "USD", "XYZ", "\t", "\u3000",
        "a\u200Bb", "#x", "\uFEFF", "\0", "x;y", "=1+1", "\U0001F600", "中,文",
    };

    // Each turns a simple file into one the general reader must take (or one that fails the same way on both).
    private static readonly string[] Hostile = { "\"q\"", "a\"b", "a\rb", "\r", "\uFFFF", "\uFFFFx" };

    private const string Header = "lead_id,channel,acquired_at,won_at,lost_at,deal_amount,acquisition_cost,currency,notes";

    private static Gen<string> Line =>
        from n in Gen.Choose(0, 12)
        from cells in Gen.ArrayOf(Gen.Elements(Cells), n)
        select string.Join(",", cells);

    private static Gen<byte[]> File =>
        from header in Gen.Elements(Header, Header + ",,extra", "lead_id;channel;acquired_at", "\uFEFF" + Header, "\n" + Header, Header + "\r")
        from lines in Gen.Choose(0, 25).SelectMany(n => Gen.ArrayOf(Line, n))
        from trailing in Gen.Elements(true, true, false)
        from hostile in Gen.Elements(new string?[] { null, null, null, null, null, null }.Concat(Hostile).ToArray())
        from at in Gen.Choose(0, 30)
        from bom in Gen.Elements(false, false, true)
        from badByte in Gen.Elements(false, false, false, false, false, true)
        select Bytes(header, lines, trailing, hostile, at, bom, badByte);

    private static byte[] Bytes(string header, string[] lines, bool trailing, string? hostile, int at, bool bom, bool badByte)
    {
        if (hostile is not null && lines.Length > 0)
        {
            lines[at % lines.Length] += "," + hostile;
        }

        var text = header + "\n" + string.Join("\n", lines) + (trailing && lines.Length > 0 ? "\n" : string.Empty);
        var bytes = new List<byte>();
        if (bom)
        {
            bytes.AddRange(new byte[] { 0xEF, 0xBB, 0xBF });
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(text));
        if (badByte && bytes.Count > 0)
        {
            bytes.Insert(Math.Min(bytes.Count, (bytes.Count * at / 30) + 1), 0xFF);
        }

        return bytes.ToArray();
    }

    [Property(MaxTest = 300)]
    public Property The_fast_path_reads_what_the_general_reader_reads() =>
        Prop.ForAll(Arb.From(File), Arb.From(Gen.Elements(1, 2, 7, 64, 1 << 20)), Arb.From(Gen.Elements(1, 3, 8192)), (bytes, readSize, batch) =>
        {
            foreach (var pipelined in new[] { false, true })
            {
                var expected = Record(() =>
                {
                    var parser = new LeadRowParser();
                    return LeadTableImport.Run(CsvOpen.Stream(new MemoryStream(bytes), null, "f.csv", parser), parser, null, pipelined, batch);
                });
                bool? fast = null;
                var actual = Record(() => LeadTableImport.Run(new MemoryStream(bytes), null, "f.csv", null, pipelined, batch, readSize, f => fast = f));
                AssertSame(expected, actual);
                if (IsSimple(bytes))
                {
                    Assert.Equal(FastPathBuilt, fast);
                }
            }
        });

    // A file read in parallel parts (ParallelLeadImport) gives what one pass of the general reader gives: the same table, issues
    // with the same lines, counts, or the same exception; with parts as small as a few bytes, so lines, rejected rows, blank
    // lines, duplicate ids, currencies and far-off dates fall on every side of the cuts.
    [Property(MaxTest = 300)]
    public Property A_file_read_in_parallel_parts_reads_as_one_pass() =>
        Prop.ForAll(Arb.From(File), Arb.From(Gen.Elements(1, 7, 64, 1 << 20)), Arb.From(Gen.Elements((2, 1L), (3, 5L), (8, 1L), (8, 40L), (2, 40L))),
            (bytes, readSize, cut) =>
        {
            var (parts, partBytes) = cut;
            var expected = Record(() =>
            {
                var parser = new LeadRowParser();
                return LeadTableImport.Run(CsvOpen.Stream(new MemoryStream(bytes), null, "f.csv", parser), parser, null, false);
            });
            var path = Path.Combine(Path.GetTempPath(), $"leadanalytics-parts-{Guid.NewGuid():N}.csv");
            try
            {
                System.IO.File.WriteAllBytes(path, bytes);
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
                var actual = Record(() => LeadTableImport.Run(stream, null, "f.csv", null, true, 3, readSize, null, partBytes, parts));
                AssertSame(expected, actual);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        });

    // 40,000 rows over many days and channels; every 997th row bad (a rejected row in most parts), a blank line every 1,001.
    private static string LargeFile(Func<int, string?>? change = null, bool clean = false)
    {
        var text = new StringBuilder(Header + "\n");
        var channels = new[] { "SEO", "抖音信息流", "朋友圈广告", "Referral", "展会" };
        for (var i = 0; i < 40_000; i++)
        {
            if (i % 1001 == 500 && !clean)
            {
                text.Append('\n');
            }

            if (change?.Invoke(i) is { } line)
            {
                text.Append(line).Append('\n');
                continue;
            }

            var day = new DateTime(2023, 1, 1).AddMinutes(i * 17);
            text.Append('L').Append(i).Append(',').Append(channels[(i * 7) % channels.Length]).Append(',')
                .Append(i % 997 == 3 && !clean ? "2023-13-45" : day.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(i % 3 == 0 ? day.AddDays(9).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty).Append(",,")
                .Append(i % 3 == 0 ? "1200.50" : string.Empty).Append(',').Append(i % 5).Append(".25,CNY,note ").Append(i).Append('\n');
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("plain", true)]
    [InlineData("a duplicate id across parts", false)]
    [InlineData("a quote in the last part", false)]
    [InlineData("no lead accepted in the first part", false)]
    [InlineData("another currency first in a later part", false)]
    [InlineData("a date 200 years off in a later part", true)]
    [InlineData("every line a lead", true)]
    [InlineData("every line a lead, no line break at the end", true)]
    public void A_large_file_is_read_in_parts_or_in_one_pass_with_the_same_table_issues_and_lines(string variant, bool parallel)
    {
        Func<int, string?>? change = variant switch
        {
            "a duplicate id across parts" => i => i == 39_000 ? "L5,SEO,2023-05-01 10:00,,,,,CNY," : null,
            "a quote in the last part" => i => i == 39_500 ? "L39500,\"SEO\",2023-05-01 10:00,,,,,CNY," : null,
            "no lead accepted in the first part" => i => i < 30_000 ? $"L{i},SEO,not a date,,,,,CNY," : null,
            "another currency first in a later part" => i => i < 20_000 ? $"L{i},SEO,2023-05-01 10:00,,,,,CNY," : i == 20_000 ? "L20000,SEO,2023-05-01 10:00,,,5,6,USD," : null,
            "a date 200 years off in a later part" => i => i == 35_000 ? "L35000,SEO,2223-05-01 10:00,,,,,CNY," : null,
            _ => null,
        };
        // Every line a lead: the first part's columns, sized for every line, take the others' rows (no second copy).
        var clean = variant.StartsWith("every line", StringComparison.Ordinal);
        var file = LargeFile(change, clean);
        var bytes = Encoding.UTF8.GetBytes(variant.EndsWith("at the end", StringComparison.Ordinal) ? file.TrimEnd('\n') : file);
        Assert.Equal(variant == "a quote in the last part", bytes.Contains((byte)'"'));
        var parser = new LeadRowParser();
        var expected = LeadTableImport.Run(CsvOpen.Stream(new MemoryStream(bytes), null, "f.csv", parser), parser, null, false);
        Assert.True(clean ? expected.RowsRejected == 0 && expected.Table.Count == 40_000 : expected.RowsRejected >= 40, $"{expected.RowsRejected} rows rejected");
        var path = Path.Combine(Path.GetTempPath(), $"leadanalytics-parts-{Guid.NewGuid():N}.csv");
        try
        {
            System.IO.File.WriteAllBytes(path, bytes);
            foreach (var parts in new[] { 2, 3, 8 })
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
                var used = 0;
                var actual = LeadTableImport.Run(stream, null, "f.csv", null, true, 512, 1 << 16, null, 1024, parts, n => used = n);
                Assert.Equal(FastPathBuilt && parallel ? parts : 0, used);
                AssertSame((expected, null), (actual, null));
            }
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_simple_file_takes_the_fast_path_and_a_late_quote_falls_back_with_the_same_result()
    {
        var text = new StringBuilder(Header + "\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append("L").Append(i % 150).Append(",SEO,2023-10-01 09:").Append((i % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                .Append(",,,50000,3000,CNY,note ").Append(i).Append('\n');
        }

        foreach (var tail in new[] { string.Empty, "L999,\"SEO\",2023-10-01,,,,,,\n" })
        {
            var bytes = Encoding.UTF8.GetBytes(text + tail);
            foreach (var pipelined in new[] { false, true })
            {
                var parser = new LeadRowParser();
                var expected = LeadTableImport.Run(CsvOpen.Stream(new MemoryStream(bytes), null, "f.csv", parser), parser, null, pipelined, 16);
                bool? fast = null;
                var actual = LeadTableImport.Run(new MemoryStream(bytes), null, "f.csv", null, pipelined, 16, 5, f => fast = f);
                Assert.Equal(FastPathBuilt && tail.Length == 0, fast);
                Assert.Equal(50, expected.Issues.Count(i => i.Rule == LeadAnalytics.Quality.DataQualityRule.DuplicateId));
                AssertSame((expected, null), (actual, null));
            }
        }
    }

    [Fact]
    public void A_file_through_its_path_reads_as_through_the_general_reader()
    {
        var path = TrackingTableFiles.PathOf("leads_zh.csv");
        var parser = new LeadRowParser();
        var expected = LeadTableImport.Run(CsvOpen.Path(path, null, parser), parser, null);
        AssertSame((expected, null), (LeadCsv.ReadTable(path), null));
    }

    // No quote, carriage return, bad byte or U+FFFF anywhere: the fast path must take the whole file.
    private static bool IsSimple(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'"' or (byte)'\r' or 0xFF || (bytes[i] == 0xEF && i + 2 < bytes.Length && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBF))
            {
                return false;
            }
        }

        return true;
    }

    internal static (LeadTableImportResult? Result, Exception? Error) Record(Func<LeadTableImportResult> run)
    {
        try
        {
            return (run(), null);
        }
        catch (CsvImportException ex)
        {
            return (null, ex);
        }
    }

    internal static void AssertSame((LeadTableImportResult? Result, Exception? Error) expected, (LeadTableImportResult? Result, Exception? Error) actual)
    {
        Assert.Equal(expected.Error?.GetType(), actual.Error?.GetType());
        Assert.Equal(expected.Error?.Message, actual.Error?.Message);
        Assert.Equal((expected.Error as CsvImportException)?.Line, (actual.Error as CsvImportException)?.Line);
        if (expected.Result is not { } e)
        {
            return;
        }

        var a = actual.Result!;
        Assert.Equal(e.Issues, a.Issues);
        Assert.Equal(e.Issues.Select(i => i.Message), a.Issues.Select(i => i.Message));
        Assert.Equal(e.Issues.Select(i => (i.File, i.Line, i.Column, i.Value)), a.Issues.Select(i => (i.File, i.Line, i.Column, i.Value)));
        Assert.Equal(e.RowsRead, a.RowsRead);
        Assert.Equal(e.RowsRejected, a.RowsRejected);
        Assert.Equal(e.Headers, a.Headers);
        Assert.Equal(e.Delimiter, a.Delimiter);
        Assert.Equal(e.EncodingName, a.EncodingName);
        TableAssert.Equal(e.Table, a.Table);
    }
}
