namespace LeadAnalytics.Statistics;

/// <summary>
/// A proportion with its numerator, denominator and confidence interval, for example a conversion rate of
/// 40 won out of 500 leads: 8.0% [5.9%, 10.7%].
/// </summary>
/// <remarks>
/// A zero denominator gives an undefined rate: <see cref="Value"/>, <see cref="Lower"/> and <see cref="Upper"/> are
/// <see langword="null"/>, never NaN. Immutable and thread-safe; equality by value.
/// </remarks>
public sealed class Rate : IEquatable<Rate>
{
    /// <summary>Creates a rate and its interval.</summary>
    /// <param name="numerator">Successes; 0 to <paramref name="denominator"/>.</param>
    /// <param name="denominator">Trials; not negative.</param>
    /// <param name="confidence">Confidence level of the interval, in (0, 1); 0.95 by default.</param>
    /// <param name="method">The interval method.</param>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the confidence level are out of range.</exception>
    public Rate(long numerator, long denominator, double confidence = 0.95, ProportionIntervalMethod method = ProportionIntervalMethod.Wilson)
    {
        if (denominator < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The denominator must not be negative.");
        }

        if (numerator < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, $"The numerator must lie between 0 and the denominator ({denominator}).");
        }

        Numerator = numerator;
        Denominator = denominator;
        Confidence = confidence;
        Method = method;
        if (denominator > 0)
        {
            Value = (double)numerator / denominator;
            var (lower, upper) = ProportionIntervals.Compute(numerator, denominator, confidence, method);
            Lower = lower;
            Upper = upper;
        }
    }

    /// <summary>Successes, for example won leads.</summary>
    public long Numerator { get; }

    /// <summary>Trials, for example leads.</summary>
    public long Denominator { get; }

    /// <summary>Numerator / denominator, or <see langword="null"/> when the denominator is zero.</summary>
    public double? Value { get; }

    /// <summary>Lower confidence limit, or <see langword="null"/> when undefined.</summary>
    public double? Lower { get; }

    /// <summary>Upper confidence limit, or <see langword="null"/> when undefined.</summary>
    public double? Upper { get; }

    /// <summary>The confidence level of the interval.</summary>
    public double Confidence { get; }

    /// <summary>The interval method.</summary>
    public ProportionIntervalMethod Method { get; }

    /// <summary>Whether the rate is defined (denominator above zero).</summary>
    public bool IsDefined => Denominator > 0;

    /// <inheritdoc />
    public bool Equals(Rate? other) =>
        other is not null && Numerator == other.Numerator && Denominator == other.Denominator && Confidence.Equals(other.Confidence) && Method == other.Method;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Rate);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Numerator.GetHashCode() * 397) ^ Denominator.GetHashCode());

    /// <summary>Formats as a percentage with its interval, for example <c>8.0% [5.9%, 10.7%] (40/500)</c>.</summary>
    /// <returns>The text; <c>undefined (0/0)</c> when the denominator is zero.</returns>
    public override string ToString() =>
        Value is { } v
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:P1} [{1:P1}, {2:P1}] ({3}/{4})", v, Lower, Upper, Numerator, Denominator)
            : $"undefined ({Numerator}/{Denominator})";
}
