namespace LeadAnalytics.Statistics;

/// <summary>The sample-quantile definition (Hyndman and Fan 1996), named as in R's <c>quantile(type = ...)</c> and
/// MathNet.Numerics' <c>QuantileDefinition</c>.</summary>
public enum QuantileMethod
{
    /// <summary>Type 7, R's default (and numpy's "linear"): h = (n - 1)p + 1, linear interpolation.</summary>
    R7 = 7,

    /// <summary>Type 8, median-unbiased, MathNet.Numerics' default: h = (n + 1/3)p + 1/3, linear interpolation.</summary>
    R8 = 8,
}
