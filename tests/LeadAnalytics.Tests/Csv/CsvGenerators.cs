using FsCheck;
using FsCheck.Fluent;

namespace LeadAnalytics.Tests.Csv;

/// <summary>Generators for the CSV tests: leads with the awkward text real tables hold, and rows of raw cells.</summary>
public static class CsvGenerators
{
    private static readonly char[] AwkwardChars = { 'a', 'Z', '中', '文', ',', '"', '\n', '\r', ' ', ';', '#', '\t', '1', '-', '¥' };

    public static Gen<string> AwkwardText(int maxLength) =>
        from length in Gen.Choose(0, maxLength)
        from chars in Gen.ArrayOf(Gen.Elements(AwkwardChars), length)
        select new string(chars);

    /// <summary>Leads as the tracking table holds them: notes with delimiters, quotes and line breaks, an attribute, an explicit
    /// last activity, one currency per lead, and sometimes a chronology fault (kept, flagged).</summary>
    public static Gen<Lead[]> Leads =>
        from leads in Generators.Leads(Pipeline.Default, 0, 25)
        from extras in Gen.ArrayOf(Extra, leads.Length)
        select leads.Select((l, i) => extras[i](l)).ToArray();

    private static Gen<Func<Lead, Lead>> Extra =>
        from notes in AwkwardText(12)
        from attribute in Gen.OneOf(Gen.Constant<string?>(null), AwkwardText(8).Select(s => (string?)("v" + s)))
        from activityDays in Gen.Choose(-1, 60)
        from currency in Gen.Elements(Currency.CNY, Currency.USD, Currency.FromCode("JPY"), Currency.FromCode("KWD"))
        from fault in Gen.Elements(false, false, false, true)
        select (Func<Lead, Lead>)(lead =>
        {
            var b = lead.ToBuilder();
            b.Notes = notes;
            if (attribute is not null)
            {
                b.Attributes["utm_source"] = attribute;
            }

            if (activityDays >= 0)
            {
                b.LastActivityAt = lead.AcquiredAt.AddDays(activityDays).AddSeconds(activityDays);
            }

            if (b.DealAmount is { } deal)
            {
                b.DealAmount = new Money(deal.Amount, currency);
            }

            if (b.AcquisitionCost is { } cost)
            {
                b.AcquisitionCost = new Money(cost.Amount + 0.25m, currency);
            }

            if (fault)
            {
                b.ContactedAt = lead.AcquiredAt.AddHours(-3);
            }

            return b.Build(LeadValidation.AllowChronologyFaults);
        });

    /// <summary>One cell per column of <see cref="RowHeader"/>: a mix of valid, empty and broken values.</summary>
    public static Gen<string[]> Row =>
        from id in Gen.OneOf(Gen.Constant(string.Empty), Gen.Choose(1, 40).Select(i => "L" + i))
        from channel in Gen.Elements(string.Empty, "SEO", "抖音信息流", " ")
        from acquired in Gen.Elements(string.Empty, "2023-10-01 09:00", "2023/10/2", "2023-13-01", "yesterday", "2023-10-01T09:00:00+08:00")
        from won in Gen.Elements(string.Empty, string.Empty, "2023-10-20 10:00", "2023-09-01", "not a date")
        from lost in Gen.Elements(string.Empty, string.Empty, "2023-10-21", "2023-10-20 10:00")
        from deal in Gen.Elements(string.Empty, "50,000", "5万", "-10", "abc", "$50", "50000,00")
        from cost in Gen.Elements(string.Empty, "3000", "¥3,000", "-1", "x")
        from cycle in Gen.Elements(string.Empty, "19", "abc", "3天")
        from currency in Gen.Elements(string.Empty, "CNY", "USD", "XYZ")
        from notes in AwkwardText(6)
        select new[] { id, channel, acquired, won, lost, deal, cost, cycle, currency, notes };

    public const string RowHeader = "lead_id,channel,acquired_at,won_at,lost_at,deal_amount,acquisition_cost,cycle_days,currency,notes";

    /// <summary>Writes cells as one CSV record, quoting every cell (quotes doubled).</summary>
    public static string Record(IEnumerable<string> cells) => string.Join(",", cells.Select(c => "\"" + c.Replace("\"", "\"\"") + "\""));
}
