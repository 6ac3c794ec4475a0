namespace LeadAnalytics.Attribution;

/// <summary>A model's unrounded output per key code: credited conversions, the weights the value is shared by, and for Markov
/// the removal effects and the fitted chain.</summary>
internal sealed class RawCredit
{
    internal RawCredit(double[] conversions, double[] valueWeights, double?[]? removalEffects = null, double?[]? valueRemovalEffects = null, MarkovDetails? markov = null)
    {
        Conversions = conversions;
        ValueWeights = valueWeights;
        RemovalEffects = removalEffects;
        ValueRemovalEffects = valueRemovalEffects;
        Markov = markov;
    }

    internal double[] Conversions { get; }

    internal double[] ValueWeights { get; }

    internal double?[]? RemovalEffects { get; }

    internal double?[]? ValueRemovalEffects { get; }

    internal MarkovDetails? Markov { get; }
}
