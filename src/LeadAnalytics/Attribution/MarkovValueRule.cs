namespace LeadAnalytics.Attribution;

/// <summary>How the Markov model shares the conversion value among channels.</summary>
public enum MarkovValueRule
{
    /// <summary>The simple rule: each channel gets its share of the conversion removal effects times the total value,
    /// so value credit is proportional to conversion credit.</summary>
    RemovalEffectShare = 0,

    /// <summary>ChannelAttribution's rule: every conversion of the chain is worth the mean value per conversion of the observed
    /// paths that end in the same last state; value removal effects are computed on that expected value and the total value
    /// is shared in their proportion.</summary>
    LastStateMeanValue = 1,
}
