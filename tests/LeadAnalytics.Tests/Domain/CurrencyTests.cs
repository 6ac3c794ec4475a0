using FsCheck.Xunit;

namespace LeadAnalytics.Tests.Domain;

[Properties(Arbitrary = new[] { typeof(Arbitraries) })]
public class CurrencyTests
{
    [Property]
    public void Equality_and_ordering_laws(Currency a, Currency b, Currency c) => Laws.CheckEqualityAndOrdering(a, b, c);

    [Property]
    public void Money_equality_and_ordering_laws(Money a, Money b, Money c) => Laws.CheckEqualityAndOrdering(a, b, c);

    [Theory]
    [InlineData("cny", "CNY", 2)]
    [InlineData(" RMB ", "CNY", 2)]
    [InlineData("JPY", "JPY", 0)]
    [InlineData("KWD", "KWD", 3)]
    public void Known_codes_resolve(string code, string expected, int minor)
    {
        var c = Currency.FromCode(code);
        Assert.Equal(expected, c.Code);
        Assert.Equal(minor, c.MinorUnits);
    }

    [Fact]
    public void Unknown_and_malformed_codes_are_rejected_clearly()
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.FromCode("ABC"));
        Assert.Contains("ABC", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Currency("AB", 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Currency("ABC", 9));
        Assert.Equal("ABC", new Currency("abc", 2).Code);
    }

    [Fact]
    public void Default_is_no_currency() => Assert.Equal("XXX", default(Currency).Code);
}
