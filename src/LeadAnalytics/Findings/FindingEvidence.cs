namespace LeadAnalytics.Findings;

/// <summary>The evidence behind a finding: the test and its p-values, the sample size, and a Bayesian probability.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FindingEvidence
{
    /// <summary>Creates evidence.</summary>
    /// <param name="sampleSize">The number of leads (or trials) the finding rests on.</param>
    /// <param name="test">The test's name (for example <c>two-proportion z</c>), or <see langword="null"/> when the finding is a
    /// threshold rule without a test.</param>
    /// <param name="pValue">The unadjusted p-value, or <see langword="null"/>.</param>
    /// <param name="adjustedPValue">The p-value after multiple-comparison adjustment (Holm), or <see langword="null"/>.</param>
    /// <param name="probabilityAbove">The posterior probability that the value is above the comparison, or <see langword="null"/>.</param>
    public FindingEvidence(long sampleSize, string? test = null, double? pValue = null, double? adjustedPValue = null, double? probabilityAbove = null)
    {
        SampleSize = sampleSize;
        Test = test;
        PValue = pValue;
        AdjustedPValue = adjustedPValue;
        ProbabilityAbove = probabilityAbove;
    }

    /// <summary>The number of leads (or trials) the finding rests on.</summary>
    public long SampleSize { get; }

    /// <summary>The test's name, or <see langword="null"/>.</summary>
    public string? Test { get; }

    /// <summary>The unadjusted p-value, or <see langword="null"/>.</summary>
    public double? PValue { get; }

    /// <summary>The Holm-adjusted p-value, or <see langword="null"/>.</summary>
    public double? AdjustedPValue { get; }

    /// <summary>P(value &gt; comparison) under Beta(1, 1) priors, or <see langword="null"/>.</summary>
    public double? ProbabilityAbove { get; }
}
