namespace LeadAnalytics;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
/// (2 for CNY and USD, 0 for JPY, 3 for KWD).
/// </summary>
/// <remarks>
/// <para>Equality and ordering are by <see cref="Code"/> only, ordinally. <c>default(Currency)</c> is
/// <see cref="None"/> (code <c>XXX</c>, "no currency"), so an uninitialised value never passes for a real one.</para>
/// <para>This type is an immutable value type and is thread-safe.</para>
/// </remarks>
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable
{
    private static readonly Dictionary<string, int> KnownMinorUnits = new(StringComparer.Ordinal)
    {
        ["AED"] = 2, ["AUD"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CLP"] = 0, ["CNY"] = 2,
        ["CZK"] = 2, ["DKK"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["HKD"] = 2, ["HUF"] = 2, ["IDR"] = 2, ["ILS"] = 2,
        ["INR"] = 2, ["ISK"] = 0, ["JOD"] = 3, ["JPY"] = 0, ["KRW"] = 0, ["KWD"] = 3, ["MOP"] = 2, ["MXN"] = 2,
        ["MYR"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["OMR"] = 3, ["PHP"] = 2, ["PLN"] = 2, ["RUB"] = 2, ["SAR"] = 2,
        ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2, ["TND"] = 3, ["TRY"] = 2, ["TWD"] = 2, ["USD"] = 2, ["VND"] = 0,
        ["XXX"] = 0, ["ZAR"] = 2,
    };

    private readonly string? _code;
    private readonly byte _minorUnits;

    /// <summary>Creates a currency with an explicit minor unit, for codes this library does not know.</summary>
    /// <param name="code">Three ASCII letters; stored in upper case.</param>
    /// <param name="minorUnits">Digits after the decimal point of the minor unit, 0 to 4.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three ASCII letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnits"/> is outside 0..4.</exception>
    public Currency(string code, int minorUnits)
    {
        _code = NormaliseCode(code);
        Preconditions.CheckRange(minorUnits is >= 0 and <= 4, minorUnits, "Minor units must be between 0 and 4.");

        _minorUnits = (byte)minorUnits;
    }

    /// <summary>The three-letter ISO 4217 code, for example <c>CNY</c>.</summary>
    public string Code => _code ?? "XXX";

    /// <summary>Digits of the minor unit: amounts round to this many decimal places.</summary>
    public int MinorUnits => _minorUnits;

    /// <summary>"No currency" (ISO 4217 XXX); the value of <c>default(Currency)</c>.</summary>
    public static Currency None => default;

    /// <summary>Chinese yuan renminbi, the template's currency (元).</summary>
    public static Currency CNY { get; } = new("CNY", 2);

    /// <summary>US dollar.</summary>
    public static Currency USD { get; } = new("USD", 2);

    /// <summary>Euro.</summary>
    public static Currency EUR { get; } = new("EUR", 2);

    /// <summary>Brazilian real (the currency of the Olist sample data).</summary>
    public static Currency BRL { get; } = new("BRL", 2);

    /// <summary>Returns the currency with the given ISO 4217 code, from the built-in table of minor units.</summary>
    /// <param name="code">A code such as <c>CNY</c> or <c>usd</c> (case-insensitive). <c>RMB</c> is accepted as <c>CNY</c>.</param>
    /// <exception cref="ArgumentException">The code is not one this library knows; use the constructor to give its minor units.</exception>
    public static Currency FromCode(string code)
    {
        if (TryFromCode(code, out var currency))
        {
            return currency;
        }

        throw new ArgumentException($"'{code}' is not a known ISO 4217 currency code; use new Currency(code, minorUnits).", nameof(code));
    }

    /// <summary>Looks up a currency by code without throwing.</summary>
    /// <param name="code">A code such as <c>CNY</c> (case-insensitive); <c>RMB</c> means <c>CNY</c>.</param>
    /// <param name="currency">The currency, or <see cref="None"/> when the code is unknown.</param>
    /// <returns>Whether the code is known.</returns>
    public static bool TryFromCode(string? code, out Currency currency)
    {
        currency = default;
        if (code is null)
        {
            return false;
        }

        var upper = code.Trim().ToUpperInvariant();
        if (upper == "RMB")
        {
            upper = "CNY";
        }

        if (!KnownMinorUnits.TryGetValue(upper, out var minor))
        {
            return false;
        }

        currency = new Currency(upper, minor);
        return true;
    }

    private static string NormaliseCode(string code)
    {
        Preconditions.CheckNotNull(code, nameof(code));
        var upper = code.Trim().ToUpperInvariant();
        if (upper.Length != 3 || upper[0] is < 'A' or > 'Z' || upper[1] is < 'A' or > 'Z' || upper[2] is < 'A' or > 'Z')
        {
            throw new ArgumentException($"A currency code is three ASCII letters (was '{code}').", nameof(code));
        }

        return upper;
    }

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Orders currencies by code, ordinally.</summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>Negative, zero or positive as this code sorts before, with or after the other.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a Currency.", nameof(obj)),
    };

    /// <summary>Returns the code.</summary>
    /// <returns>The ISO 4217 code.</returns>
    public override string ToString() => Code;

    /// <summary>Equality by code.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Inequality by code.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;
}
