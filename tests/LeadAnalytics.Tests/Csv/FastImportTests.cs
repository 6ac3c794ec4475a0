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

    private static (LeadTableImportResult? Result, Exception? Error) Record(Func<LeadTableImportResult> run)
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

    private static void AssertSame((LeadTableImportResult? Result, Exception? Error) expected, (LeadTableImportResult? Result, Exception? Error) actual)
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
