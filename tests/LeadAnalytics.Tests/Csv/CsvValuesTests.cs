using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Csv;

namespace LeadAnalytics.Tests.Csv;

public class CsvValuesTests
{
    private static readonly TimeZoneInfo Cst = CsvReadOptions.ChinaStandardTime;

    [Theory]
    [InlineData("2023-10-01 14:30", "2023-10-01T14:30:00.0000000+08:00", true)]
    [InlineData("2023/10/1 14:30", "2023-10-01T14:30:00.0000000+08:00", true)]
    [InlineData("2023/10/1", "2023-10-01T00:00:00.0000000+08:00", false)]
    [InlineData("2023.10.01", "2023-10-01T00:00:00.0000000+08:00", false)]
    [InlineData(" 2023-10-01 ", "2023-10-01T00:00:00.0000000+08:00", false)]
    [InlineData("2023-10-01T14:30:15", "2023-10-01T14:30:15.0000000+08:00", true)]
    [InlineData("2023-10-01T14:30:15.25+08:00", "2023-10-01T14:30:15.2500000+08:00", true)]
    [InlineData("2023-10-01T06:30:00Z", "2023-10-01T06:30:00.0000000+00:00", true)]
    [InlineData("2023-10-01 14:30:00-0300", "2023-10-01T14:30:00.0000000-03:00", true)]
    [InlineData("2023-10-01 14:30+05", "2023-10-01T14:30:00.0000000+05:00", true)]
    [InlineData("2023年10月1日", "2023-10-01T00:00:00.0000000+08:00", false)]
    [InlineData("2023年10月1日 14:30", "2023-10-01T14:30:00.0000000+08:00", true)]
    [InlineData("2018-02-26 19:58:54", "2018-02-26T19:58:54.0000000+08:00", true)]
    public void Dates_in_every_documented_form_are_read(string text, string expected, bool hasTime)
    {
        Assert.True(CsvValues.TryParseInstant(text, Cst, out var value, out var time));
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(hasTime, time);
    }

    [Theory]
    [InlineData("2023-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2023-10-01 24:00")]
    [InlineData("2023-10-01 14:30+15:00")]
    [InlineData("01/10/2023")]
    [InlineData("2023-10")]
    [InlineData("yesterday")]
    [InlineData("2023-10-01 14:30 extra")]
    [InlineData("0001-01-01 00:00")] // before DateTimeOffset.MinValue in UTC+08:00
    public void Non_dates_are_refused(string text) => Assert.False(CsvValues.TryParseInstant(text, Cst, out _, out _));

    [Fact]
    public void The_time_zone_option_places_local_times()
    {
        var saoPaulo = TimeZoneInfo.CreateCustomTimeZone("UTC-03", TimeSpan.FromHours(-3), "UTC-03", "UTC-03");
        Assert.True(CsvValues.TryParseInstant("2018-02-26 19:58:54", saoPaulo, out var value, out _));
        Assert.Equal(new DateTimeOffset(2018, 2, 26, 22, 58, 54, TimeSpan.Zero), value.ToUniversalTime());
    }

    [Theory]
    [InlineData("50,000", "50000", null)]
    [InlineData("¥50,000", "50000", "CNY")]
    [InlineData("￥50,000", "50000", "CNY")]
    [InlineData("50000.00", "50000.00", null)]
    [InlineData("5万", "50000", null)]
    [InlineData("50万元", "500000", "CNY")]
    [InlineData("1.5万", "15000.0", null)]
    [InlineData("2亿", "200000000", null)]
    [InlineData("2500元", "2500", "CNY")]
    [InlineData("USD 1,200.50", "1200.50", "USD")]
    [InlineData("3000 USD", "3000", "USD")]
    [InlineData("$99", "99", "USD")]
    [InlineData("R$ 1.234", "1.234", "BRL")]
    [InlineData("-500", "-500", null)]
    [InlineData("５０，０００", "50000", null)]
    public void Amounts_in_every_documented_form_are_read(string text, string expected, string? currency)
    {
        Assert.True(CsvValues.TryParseAmount(text, null, out var amount, out var named));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
        Assert.Equal(currency, named?.Code);
    }

    [Theory]
    [InlineData("50000,00")] // a decimal comma would silently read as five million
    [InlineData("5,00,000")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("XYZ 100")]
    [InlineData("USD 50元")]
    [InlineData("")]
    public void Non_amounts_are_refused(string text) => Assert.False(CsvValues.TryParseAmount(text, null, out _, out _));

    [Fact]
    public void The_yen_sign_is_yen_in_a_JPY_row_and_yuan_otherwise()
    {
        Assert.True(CsvValues.TryParseAmount("¥500", Currency.FromCode("JPY"), out _, out var jpy));
        Assert.Equal("JPY", jpy?.Code);
        Assert.True(CsvValues.TryParseAmount("¥500", Currency.USD, out _, out var cny));
        Assert.Equal("CNY", cny?.Code);
    }

    // The template's form (yyyy-MM-dd HH:mm, with or without seconds) is read at once; a leading space sends the same text
    // through the general reader: both give the same answer, for valid dates, impossible ones (2023-02-29, 24:00, 13th
    // months) and any character in any place, in a fixed zone and in one with daylight saving time.
    [Property(MaxTest = 2000)]
    public Property The_template_form_reads_as_the_general_reader() =>
        Prop.ForAll(
            Arb.From(
                from text in Gen.Elements("2023-10-01 14:30", "2024-02-29 23:59:59", "2023-02-29 10:00", "2023-10-01 24:00", "2023-13-01 10:00",
                    "0000-01-01 00:00", "9999-12-31 23:59:59", "1970-01-01 00:00:60", "2018-11-04 00:30")
                from at in Gen.Choose(0, 18)
                from c in Gen.Elements('0', '9', '5', '-', ' ', ':', 'T', 'x', '年', '\u3000')
                from change in Gen.Elements(true, false, false)
                from zone in Gen.Elements(Cst, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"))
                select (text, at, c, change, zone)),
            t =>
            {
                var (text, at, c, change, zone) = t;
                var s = change && at < text.Length ? text.Substring(0, at) + c + text.Substring(at + 1) : text;
                var offset = CsvValues.FixedOffsetOf(zone);
                var fast = CsvValues.TryParseInstant(s.AsSpan(), zone, offset, out var a, out var aTime);
                var general = CsvValues.TryParseInstant((" " + s).AsSpan(), zone, offset, out var b, out var bTime);
                Assert.Equal(general, fast);
                Assert.Equal(b, a);
                Assert.Equal(b.Offset, a.Offset);
                Assert.Equal(bTime, aTime);
            });
}
