using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Csv;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Tests.Csv;

public class CsvPropertyTests
{
    [Property(MaxTest = 60)]
    public Property Write_then_read_gives_equal_leads() =>
        Prop.ForAll(Arb.From(CsvGenerators.Leads), Arb.From(Gen.Elements(CsvHeaderLanguage.English, CsvHeaderLanguage.SimplifiedChinese, CsvHeaderLanguage.TraditionalChinese)),
            Arb.From(Gen.Elements(',', ';', '\t')), (leads, language, delimiter) =>
            {
                using var stream = new MemoryStream();
                LeadCsv.Write(leads, stream, new CsvWriteOptions { HeaderLanguage = language, Delimiter = delimiter });
                stream.Position = 0;
                var back = LeadCsv.Read(stream);

                // Only the chronology faults the generator planted are reported, and the attribute column, as warnings.
                var expectedWarnings = leads.Count(l => l.HasChronologyFaults) + (leads.Any(l => l.Attributes.Count > 0) ? 1 : 0);
                return back.Records.SequenceEqual(leads) && back.Delimiter == delimiter && back.ErrorCount == 0
                    && back.Issues.All(i => i.Rule is DataQualityRule.StageBeforeAcquisition or DataQualityRule.UnknownColumn)
                    && back.WarningCount == expectedWarnings;
            });

    [Property(MaxTest = 100)]
    public Property Counts_reconcile_and_every_rejected_row_has_an_error() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(CsvGenerators.Row, n))), rows =>
        {
            var text = CsvGenerators.RowHeader + "\n" + string.Join("\n", rows.Select(CsvGenerators.Record)) + "\n";
            using var reader = LeadCsv.Open(new StringReader(text));
            var read = reader.ReadRows().ToList();
            var nonBlank = rows.Count(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));
            var result = LeadCsv.Read(new StringReader(text));
            return read.Count == nonBlank
                && result.RowsRead == nonBlank
                && result.RowsAccepted + result.RowsRejected == result.RowsRead
                && result.Records.Count == result.RowsAccepted
                && read.Where(r => !r.IsAccepted).All(r => r.Issues.Any(i => i.Severity == IssueSeverity.Error))
                && read.Where(r => r.IsAccepted).All(r => r.Issues.All(i => i.Severity == IssueSeverity.Warning))
                && result.Issues.All(i => i.Line >= 1);
        });

    [Property(MaxTest = 300)]
    public Property Arbitrary_text_is_read_or_rejected_with_CsvImportException() =>
        Prop.ForAll(Arb.From(Gen.OneOf(ArbMap.Default.GeneratorFor<string>(), CsvGenerators.AwkwardText(80))), Arb.From(Gen.Elements(true, false)), (text, withHeader) =>
        {
            text ??= string.Empty;
            return ReadsOrThrowsDocumented(() => LeadCsv.Read(new StringReader(withHeader ? "lead_id,acquired_at,channel\n" + text : text)))
                && ReadsOrThrowsDocumented(() => CostCsv.Read(new StringReader(withHeader ? "scope,key,period_start,period_end,amount\n" + text : text)))
                && ReadsOrThrowsDocumented(() => TouchpointCsv.Read(new StringReader(withHeader ? "lead_id,occurred_at,channel,milestone\n" + text : text)))
                && ReadsOrThrowsDocumented(() => PathCsv.Read(new StringReader(withHeader ? "path,total_conversions,total_conversion_value,total_null\n" + text : text)));
        });

    [Property(MaxTest = 200)]
    public Property Arbitrary_bytes_are_read_or_rejected_with_CsvImportException() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))), bytes =>
        {
            var withHeader = Encoding.UTF8.GetBytes("lead_id,acquired_at\n").Concat(bytes).ToArray();
            return ReadsOrThrowsDocumented(() => LeadCsv.Read(new MemoryStream(bytes)))
                && ReadsOrThrowsDocumented(() => LeadCsv.Read(new MemoryStream(withHeader)));
        });

    private static bool ReadsOrThrowsDocumented<T>(Func<CsvImportResult<T>> read)
        where T : class
    {
        try
        {
            var result = read();
            return result.RowsAccepted + result.RowsRejected == result.RowsRead;
        }
        catch (CsvImportException)
        {
            return true;
        }
    }
}
