using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LeadAnalytics.Tests.Domain;

[Properties(Arbitrary = new[] { typeof(Arbitraries) })]
public class MoneyTests
{
    [Property]
    public bool Addition_is_associative_within_a_currency(decimal a, decimal b, decimal c)
    {
        // decimal addition overflows near 7.9e28; keep the operands well inside.
        a = Math.Round(a % 1e20m, 6); b = Math.Round(b % 1e20m, 6); c = Math.Round(c % 1e20m, 6);
        var x = new Money(a, Currency.CNY); var y = new Money(b, Currency.CNY); var z = new Money(c, Currency.CNY);
        return (x + y) + z == x + (y + z);
    }

    [Property]
    public bool Addition_is_commutative_and_zero_is_neutral(Money a, decimal b)
    {
        var other = new Money(Math.Round(b % 1e20m, 4), a.Currency);
        return a + other == other + a && a + Money.Zero(a.Currency) == a;
    }

    [Property]
    public Property Arithmetic_across_currencies_throws(Money a, Money b)
    {
        return (a.Currency != b.Currency).When(() =>
        {
            Assert.Throws<CurrencyMismatchException>(() => a + b);
            Assert.Throws<CurrencyMismatchException>(() => a - b);
            Assert.Throws<CurrencyMismatchException>(() => a < b);
            var e = Assert.Throws<CurrencyMismatchException>(() => a.Plus(b));
            return e.Expected == a.Currency && e.Actual == b.Currency;
        });
    }

    [Property]
    public bool Rounding_reaches_the_minor_unit_and_is_idempotent(Money a)
    {
        var r = a.Round();
        var scaled = r.Amount * (decimal)Math.Pow(10, a.Currency.MinorUnits);
        return r.Round() == r && scaled == Math.Truncate(scaled) && Math.Abs(r.Amount - a.Amount) <= 0.5m / (decimal)Math.Pow(10, a.Currency.MinorUnits);
    }

    [Property]
    public bool Subtraction_inverts_addition(Money a, decimal b)
    {
        var other = new Money(Math.Round(b % 1e20m, 4), a.Currency);
        return (a + other) - other == a && a - a == Money.Zero(a.Currency) && -(-a) == a;
    }

    [Theory]
    [InlineData(2.345, "CNY", 2.35)]
    [InlineData(-2.345, "CNY", -2.35)]
    [InlineData(2.5, "JPY", 3)]
    [InlineData(1.0005, "KWD", 1.001)]
    public void Rounds_half_away_from_zero_to_the_minor_unit(decimal amount, string code, decimal expected) =>
        Assert.Equal(new Money(expected, Currency.FromCode(code)), new Money(amount, Currency.FromCode(code)).Round());

    [Fact]
    public void Banker_rounding_is_available() =>
        Assert.Equal(2.34m, new Money(2.345m, Currency.CNY).Round(MidpointRounding.ToEven).Amount);

    [Fact]
    public void Equality_ignores_trailing_zeros_but_not_currency()
    {
        Assert.Equal(new Money(1.0m, Currency.CNY), new Money(1.00m, Currency.CNY));
        Assert.Equal(new Money(1.0m, Currency.CNY).GetHashCode(), new Money(1.00m, Currency.CNY).GetHashCode());
        Assert.NotEqual(new Money(1m, Currency.CNY), new Money(1m, Currency.USD));
    }

    [Fact]
    public void Formats_with_the_invariant_culture() =>
        Assert.Equal("50000.50 CNY", new Money(50000.50m, Currency.CNY).ToString());

    [Fact]
    public void Conversion_needs_a_positive_rate()
    {
        Assert.Equal(new Money(14m, Currency.USD), new Money(100m, Currency.CNY).ConvertTo(Currency.USD, 0.14m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Currency.CNY).ConvertTo(Currency.USD, 0m));
    }
}
