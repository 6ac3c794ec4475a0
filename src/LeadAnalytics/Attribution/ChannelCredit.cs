namespace LeadAnalytics.Attribution;

/// <summary>The credit one model gives one key (channel, strategy or content).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ChannelCredit
{
    /// <summary>Creates a credit line.</summary>
    /// <param name="key">The channel, strategy or content.</param>
    /// <param name="conversions">Credited conversions.</param>
    /// <param name="value">Credited value, in the currency's minor unit.</param>
    /// <param name="removalEffect">The Markov conversion removal effect, or <see langword="null"/>.</param>
    /// <param name="valueRemovalEffect">The Markov value removal effect (ChannelAttribution's rule), or <see langword="null"/>.</param>
    /// <param name="interval">The bootstrap interval, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public ChannelCredit(string key, double conversions, Money value, double? removalEffect = null, double? valueRemovalEffect = null, CreditInterval? interval = null)
    {
        Interval = interval;
        Key = Preconditions.CheckNotNull(key);
        Conversions = conversions;
        Value = value;
        RemovalEffect = removalEffect;
        ValueRemovalEffect = valueRemovalEffect;
    }

    /// <summary>The channel, strategy or content credited.</summary>
    public string Key { get; }

    /// <summary>Credited conversions (fractional); over all keys of a result they sum to its total conversions.</summary>
    public double Conversions { get; }

    /// <summary>Credited value, rounded to the currency's minor unit; over all keys of a result they sum exactly to its total value.</summary>
    public Money Value { get; }

    /// <summary>Markov only: 1 - P(conversion without this key) / P(conversion), in [0, 1]; <see langword="null"/> for other
    /// models or when nothing converts.</summary>
    public double? RemovalEffect { get; }

    /// <summary>Markov only: the same for the expected conversion value under ChannelAttribution's rule (each conversion worth the
    /// mean value of paths ending in the same last state); <see langword="null"/> for other models or when there is no value.</summary>
    public double? ValueRemovalEffect { get; }

    /// <summary>The bootstrap interval of the credit (<see cref="AttributionOptions.Intervals"/>); <see langword="null"/> when not asked for.</summary>
    public CreditInterval? Interval { get; }

    /// <summary>Describes the line.</summary>
    /// <returns>Key, conversions and value.</returns>
    public override string ToString() => $"{Key}: {Conversions.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} conversions, {Value}";
}
