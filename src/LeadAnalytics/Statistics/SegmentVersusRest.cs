namespace LeadAnalytics.Statistics;

/// <summary>One segment's rate tested against the rest of the population: the test, its Holm-adjusted p-value across all
/// segments tested together, and the Bayesian probability that the segment's rate is above the rest's.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SegmentVersusRest
{
    /// <summary>Creates a comparison.</summary>
    /// <param name="successes">The segment's successes.</param>
    /// <param name="trials">The segment's trials.</param>
    /// <param name="restSuccesses">Successes of everyone else.</param>
    /// <param name="restTrials">Trials of everyone else.</param>
    /// <param name="test">The test, or <see langword="null"/> when it could not be run (an empty segment or an empty rest).</param>
    /// <param name="adjustedPValue">The Holm-adjusted p-value, or <see langword="null"/>.</param>
    /// <param name="probabilityAboveRest">P(segment rate &gt; rest rate) under Beta(1, 1) priors, or <see langword="null"/>.</param>
    public SegmentVersusRest(long successes, long trials, long restSuccesses, long restTrials, HypothesisTestResult? test, double? adjustedPValue, double? probabilityAboveRest)
    {
        Successes = successes;
        Trials = trials;
        RestSuccesses = restSuccesses;
        RestTrials = restTrials;
        Test = test;
        AdjustedPValue = adjustedPValue;
        ProbabilityAboveRest = probabilityAboveRest;
    }

    /// <summary>The segment's successes.</summary>
    public long Successes { get; }

    /// <summary>The segment's trials.</summary>
    public long Trials { get; }

    /// <summary>Successes of everyone else.</summary>
    public long RestSuccesses { get; }

    /// <summary>Trials of everyone else.</summary>
    public long RestTrials { get; }

    /// <summary>The segment's rate, or <see langword="null"/> without trials.</summary>
    public double? Rate => Trials > 0 ? (double)Successes / Trials : null;

    /// <summary>The rest's rate, or <see langword="null"/> without trials.</summary>
    public double? RestRate => RestTrials > 0 ? (double)RestSuccesses / RestTrials : null;

    /// <summary>The test (name, statistic, unadjusted p-value), or <see langword="null"/> when not run.</summary>
    public HypothesisTestResult? Test { get; }

    /// <summary>The p-value after Holm's adjustment over every segment tested, or <see langword="null"/>.</summary>
    public double? AdjustedPValue { get; }

    /// <summary>The posterior probability that the segment's rate is above the rest's, or <see langword="null"/>.</summary>
    public double? ProbabilityAboveRest { get; }

    /// <summary>Whether the adjusted p-value is below a level.</summary>
    /// <param name="alpha">The family-wise level, 0.05 by default.</param>
    /// <returns><see langword="true"/> when significant after adjustment.</returns>
    public bool IsSignificant(double alpha = 0.05) => AdjustedPValue is { } p && p < alpha;
}
