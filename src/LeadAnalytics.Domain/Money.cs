using System.Globalization;

namespace LeadAnalytics;

/// <summary>An exact decimal amount in an ISO 4217 currency.</summary>
/// <remarks>
/// <para>Arithmetic and comparison between different currencies throw <see cref="CurrencyMismatchException"/>:
/// there is no implicit conversion. Amounts keep full <see cref="decimal"/> precision until
/// <see cref="Round(MidpointRounding)"/> brings them to the currency's minor unit.</para>
/// <para>Equality is by amount value and currency (<c>1.0 CNY == 1.00 CNY</c>). Ordering is defined within a
/// currency; <see cref="CompareTo(Money)"/> across currencies orders by currency code first so sorting never
/// throws, while the <c>&lt;</c> operators across currencies do throw.</para>
/// <para>This type is an immutable value type and is thread-safe.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable
{
    /// <summary>Creates an amount in a currency.</summary>
    /// <param name="amount">The amount; may be negative (a refund, a difference).</param>
    /// <param name="currency">The currency.</param>
    public Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The exact amount.</summary>
    public decimal Amount { get; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    public Currency Currency { get; }

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public Money Plus(Money other)
    {
        CheckSameCurrency(other);
        return new Money(Amount + other.Amount, Currency);
    }

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public Money Minus(Money other)
    {
        CheckSameCurrency(other);
        return new Money(Amount - other.Amount, Currency);
    }

    /// <summary>Multiplies by a factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled amount, unrounded.</returns>
    public Money Times(decimal factor) => new(Amount * factor, Currency);

    /// <summary>Divides by a divisor.</summary>
    /// <param name="divisor">The divisor.</param>
    /// <returns>The quotient, unrounded.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public Money DividedBy(decimal divisor) => new(Amount / divisor, Currency);

    /// <summary>The negated amount.</summary>
    /// <returns>The amount with its sign flipped.</returns>
    public Money Negate() => new(-Amount, Currency);

    /// <summary>Rounds to the currency's minor unit.</summary>
    /// <param name="mode">Midpoint rule; half away from zero by default, as invoices do.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(MidpointRounding mode = MidpointRounding.AwayFromZero) =>
        new(Math.Round(Amount, Currency.MinorUnits, mode), Currency);

    /// <summary>Converts to another currency at a rate.</summary>
    /// <param name="target">The target currency.</param>
    /// <param name="rate">Units of <paramref name="target"/> per unit of this currency; must be positive.</param>
    /// <returns>The converted amount, unrounded.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not positive.</exception>
    public Money ConvertTo(Currency target, decimal rate)
    {
        Preconditions.CheckRange(rate > 0m, rate, "A conversion rate must be positive.");

        return new Money(Amount * rate, target);
    }

    private void CheckSameCurrency(Money other)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency);
        }
    }

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Amount.GetHashCode() * 397) ^ Currency.GetHashCode());

    /// <summary>Orders by currency code, then by amount; never throws.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Money other)
    {
        var byCurrency = Currency.CompareTo(other.Currency);
        return byCurrency != 0 ? byCurrency : Amount.CompareTo(other.Amount);
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("Object must be Money.", nameof(obj)),
    };

    /// <summary>Formats as <c>amount CODE</c> with the invariant culture, for example <c>50000.00 CNY</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + " " + Currency.Code;

    /// <summary>Sum of two amounts of one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Plus(right);

    /// <summary>Difference of two amounts of one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Minus(right);

    /// <summary>Negation.</summary>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Scaling by a factor.</summary>
    public static Money operator *(Money left, decimal factor) => left.Times(factor);

    /// <summary>Scaling by a factor.</summary>
    public static Money operator *(decimal factor, Money right) => right.Times(factor);

    /// <summary>Division by a divisor.</summary>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public static Money operator /(Money left, decimal divisor) => left.DividedBy(divisor);

    /// <summary>Equality of amount and currency.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality of amount or currency.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Less than, within one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right)
    {
        left.CheckSameCurrency(right);
        return left.Amount < right.Amount;
    }

    /// <summary>Less than or equal, within one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right)
    {
        left.CheckSameCurrency(right);
        return left.Amount <= right.Amount;
    }

    /// <summary>Greater than, within one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right)
    {
        left.CheckSameCurrency(right);
        return left.Amount > right.Amount;
    }

    /// <summary>Greater than or equal, within one currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right)
    {
        left.CheckSameCurrency(right);
        return left.Amount >= right.Amount;
    }
}
