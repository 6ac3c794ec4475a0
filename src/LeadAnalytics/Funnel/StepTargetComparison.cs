using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>How a step's resolved view compares with its <see cref="StepTarget"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class StepTargetComparison
{
    internal StepTargetComparison(StepTarget target, Rate observed, HypothesisTestResult test, double significanceLevel)
    {
        Target = target;
        Observed = observed;
        Test = test;
        if (observed.Value is { } v)
        {
            Gap = v - target.Value;
            MeetsTarget = target.Kind == StepTargetKind.DropOff ? v <= target.Value : v >= target.Value;
        }

        DiffersSignificantly = test.IsSignificant(significanceLevel);
    }

    /// <summary>The target.</summary>
    public StepTarget Target { get; }

    /// <summary>The observed resolved drop-off (for a drop-off target) or conversion (for a conversion target).</summary>
    public Rate Observed { get; }

    /// <summary>Observed minus target, in the target's terms; <see langword="null"/> when the rate is undefined.</summary>
    public double? Gap { get; }

    /// <summary>Whether the observed value is on the right side of the target; <see langword="null"/> when undefined.</summary>
    public bool? MeetsTarget { get; }

    /// <summary>The two-sided one-proportion score test of observed against the target (R
    /// <c>prop.test(x, n, p = target, correct = FALSE)</c>). It is significant exactly when the target lies outside the
    /// Wilson interval of <see cref="Observed"/> at confidence 1 - <see cref="FunnelOptions.SignificanceLevel"/>.</summary>
    public HypothesisTestResult Test { get; }

    /// <summary>Whether the test's p-value is below <see cref="FunnelOptions.SignificanceLevel"/>.</summary>
    public bool DiffersSignificantly { get; }

    /// <summary>Describes the comparison.</summary>
    /// <returns>Target, observed value and verdict.</returns>
    public override string ToString() => $"{Target}: observed {Observed}, meets target {MeetsTarget?.ToString() ?? "undefined"}";
}
