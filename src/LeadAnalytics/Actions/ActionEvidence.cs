using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

/// <summary>
/// Whether the metric changed between the baseline window and the window after the start, beyond chance: for proportions a
/// two-proportion z test, for durations a log-rank test.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ActionEvidence
{
    internal ActionEvidence(HypothesisTestResult test, double? difference, bool favourable, bool significant, bool enoughData)
    {
        Test = test;
        Difference = difference;
        Favourable = favourable;
        Significant = significant;
        EnoughData = enoughData;
    }

    /// <summary>The test and its p-value.</summary>
    public HypothesisTestResult Test { get; }

    /// <summary>After minus before, in the metric's unit; <see langword="null"/> when either is undefined.</summary>
    public double? Difference { get; }

    /// <summary>Whether the change points the way the target asks (down for a <c>&lt;=</c> target, up for <c>&gt;=</c>).</summary>
    public bool Favourable { get; }

    /// <summary>Whether the p-value is below <see cref="ActionOptions.SignificanceLevel"/>.</summary>
    public bool Significant { get; }

    /// <summary>Whether both windows have at least <see cref="ActionOptions.MinimumSample"/> leads.</summary>
    public bool EnoughData { get; }

    /// <summary>Whether the data show the change the action aimed for: favourable, significant, on enough leads.</summary>
    public bool ShowsImprovement => Favourable && Significant && EnoughData;

    /// <summary>Describes the evidence.</summary>
    /// <returns>Difference and test.</returns>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "difference {0:G4} ({1}, {2}): {3}", Difference, Favourable ? "favourable" : "unfavourable", Significant ? "significant" : "not significant", Test);
}
