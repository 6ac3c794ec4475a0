using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

/// <summary>
/// Bounded fuzzing of the tool's input side (issue 18): random byte strings and structured mutations of a valid tracking table
/// go through <c>validate --format json</c> and an analysis. Whatever the bytes: the exit code is 0, 1 or 2, the catch-all
/// "unexpected error" never shows, validate's counts reconcile (rows read = accepted + rejected), and in a file without quotes
/// every non-blank physical line after the header is one row read (no row absorbed into another, whatever its line breaks).
/// </summary>
/// <remarks>A few hundred cases per run in CI; set <c>LEADANALYTICS_FUZZ_CASES</c> (for example 5000) for a long run. A
/// failure prints the shrunk input and FsCheck's seed to replay it.</remarks>
public class FuzzTests
{
    private static readonly string ValidTable =
        "lead_id,channel,strategy,acquired_at,contacted_at,won_at,lost_at,loss_reason,deal_amount,acquisition_cost,tags,notes\n" +
        "L01,SEO,品牌词,2023-10-01 10:00,2023-10-02 09:00,2023-10-20,,,50000,1200,a;b,first\n" +
        "L02,抖音信息流,教育,2023-10-02,,,2023-10-09,价格太高,,800,,\n" +
        "L03,朋友圈广告,教育,2023/10/3 14:30,2023-10-04,,,,,300,c,\n" +
        "L04,SEO,品牌词,2023-10-04T08:00:00+08:00,,,,,,,,\n" +
        "L05,展会,线下,2023年10月5日,2023-10-06,2023-11-01,,,\"12,500\",5000,,x\n" +
        "L06,SEO,,2023-10-06,,,2023-10-30,无预算,,,,\n";

    private static readonly string[] HostileCells =
    {
        "2203-10-01 10:00", "1900-01-01", "9999-12-31 23:59", "0001-01-01", "2023-13-45", "92,233,720,368,547,759",
        "79228162514264337593543950335", "-5", "1e400", "NaN", "", " ", "SEO\0", "SEO\u200B", "ＳＥＯ", "seo", "\u202Eevil",
        "\u001b]0;title\u0007", "=HYPERLINK(\"x\")", "a\rb", "x\r", "\r", "\t", ";;;", "¥5万", "5万元", "USD 1,200.50", "3000 EUR",
        "L01", "L02", "\uFEFF", "\uD800", "😀", new string('x', 5000),
    };

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("LEADANALYTICS_FUZZ_CASES"), out var n) && n > 0 ? n : 150;

    // Bytes that matter to a CSV reader, more often than their share of 256.
    private static Gen<byte> ByteGen { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 255).Select(b => (byte)b)),
        (5, Gen.Elements((byte)',', (byte)'"', (byte)'\r', (byte)'\n', (byte)';', (byte)'\t', (byte)'0', (byte)'2', (byte)'-', (byte)':', (byte)'L',
            (byte)0xEF, (byte)0xBB, (byte)0xBF, (byte)0xFF, (byte)0xFE, (byte)0x00, (byte)0xE6)));

    private static Gen<Func<string, string>> Mutation { get; } = Gen.OneOf(
        // a cell replaced by a hostile value
        from row in Gen.Choose(1, 6)
        from column in Gen.Choose(0, 11)
        from value in Gen.Elements(HostileCells)
        select (Func<string, string>)(t => ReplaceCell(t, row, column, value)),
        // a character inserted, deleted or a line repeated
        from at in Gen.Choose(0, 10_000)
        from c in Gen.Elements('"', ',', '\r', '\n', '\0', 'x', '\u3000', '\uFFFF')
        select (Func<string, string>)(t => t.Insert(at % (t.Length + 1), c.ToString())),
        from at in Gen.Choose(0, 10_000)
        select (Func<string, string>)(t => t.Length == 0 ? t : t.Remove(at % t.Length, 1)),
        from row in Gen.Choose(0, 6)
        select (Func<string, string>)(t => RepeatLine(t, row)));

    // Declared after the generators they use: static fields initialise in textual order.
    private static Gen<byte[]> RandomBytes { get; } =
        Gen.Sized(size => Gen.Choose(0, 64 + (size * 8)).SelectMany(n => Gen.ArrayOf(ByteGen, n)));

    private static Gen<string> MutatedTable { get; } =
        from steps in Gen.ListOf(Mutation).Select(l => l.Take(6).ToList())
        select steps.Aggregate(ValidTable, (text, step) => step(text));

    [Fact]
    public void Random_bytes_never_crash_the_tool_and_counts_reconcile()
    {
        var property = Prop.ForAll(Arb.From(RandomBytes), bytes => Holds(bytes));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
    }

    [Fact]
    public void Mutated_tables_never_crash_the_tool_and_lose_no_row()
    {
        var property = Prop.ForAll(Arb.From(MutatedTable), text => Holds(Encoding.UTF8.GetBytes(text)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
    }

    private static bool Holds(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "leadanalytics-fuzz-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            var (code, stdout, stderr) = Run("validate", "--leads", path, "--format", "json");
            Sound(code, stderr);
            if (code == 0)
            {
                var input = JsonDocument.Parse(stdout).RootElement.GetProperty("inputs")[0];
                var read = input.GetProperty("rowsRead").GetInt64();
                var accepted = input.GetProperty("rowsAccepted").GetInt64();
                var rejected = input.GetProperty("rowsRejected").GetInt64();
                if (read != accepted + rejected)
                {
                    throw new InvalidOperationException($"rows read {read} != accepted {accepted} + rejected {rejected}");
                }

                if (ExpectedRows(bytes) is { } expected && expected != read)
                {
                    throw new InvalidOperationException($"{read} rows read, but the file has {expected} non-blank lines after its header: a row was absorbed");
                }

                var (analysis, _, analysisErr) = Run("funnel", "--leads", path, "--by", "channel", "--format", "json");
                Sound(analysis, analysisErr);
            }

            return true;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Sound(int code, string stderr)
    {
        if (code is not (0 or 1 or 2))
        {
            throw new InvalidOperationException($"exit code {code}: {stderr}");
        }

        if (stderr.Contains("unexpected error", StringComparison.Ordinal) || stderr.Contains("   at ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(stderr);
        }
    }

    /// <summary>For UTF-8 text without quotes or byte order marks: the non-blank physical lines after the header (CR, LF and
    /// CRLF all end a line); otherwise null (quotes may hold line breaks legitimately).</summary>
    private static long? ExpectedRows(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (text.Contains('"', StringComparison.Ordinal) || text.Contains('\uFEFF', StringComparison.Ordinal) || text.Contains('\uFFFF', StringComparison.Ordinal)
            || !text.Contains(',', StringComparison.Ordinal) || text.Contains(';', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        var lines = Regex.Split(text, "\r\n|\r|\n").Where(l => l.Any(c => c != ',' && !char.IsWhiteSpace(c))).ToList();
        return lines.Count == 0 ? null : lines.Count - 1;
    }

    private static string ReplaceCell(string text, int row, int column, string value)
    {
        var lines = text.Split('\n').ToList();
        if (row >= lines.Count)
        {
            return text;
        }

        var cells = lines[row].Split(',').ToList();
        if (column >= cells.Count)
        {
            return text;
        }

        cells[column] = value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
        lines[row] = string.Join(",", cells);
        return string.Join("\n", lines);
    }

    private static string RepeatLine(string text, int row)
    {
        var lines = text.Split('\n').ToList();
        if (row >= lines.Count)
        {
            return text;
        }

        lines.Insert(row, lines[row]);
        return string.Join("\n", lines);
    }
}
