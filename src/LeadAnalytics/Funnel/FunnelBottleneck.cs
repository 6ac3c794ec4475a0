using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>
/// The step with the largest resolved drop-off, and whether it stands out. Steps are compared in the resolved view
/// (open leads are not drop-offs); ties go to the earlier step.
/// </summary>
/// <remarks>
/// <para>Given the leads that entered each step, each step's outcome (advanced or dropped off) is a separate binomial:
/// the likelihood of the funnel factorises over steps (a continuation-ratio model), so step proportions can be compared
/// with the usual tests on counts although one lead appears in several steps.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class FunnelBottleneck
{
    internal FunnelBottleneck(FunnelStep step, HypothesisTestResult versusOtherSteps, HypothesisTestResult acrossSteps, double significanceLevel)
    {
        Step = step;
        VersusOtherSteps = versusOtherSteps;
        AcrossSteps = acrossSteps;
        IsSignificant = versusOtherSteps.IsSignificant(significanceLevel);
    }

    /// <summary>The step with the largest resolved drop-off.</summary>
    public FunnelStep Step { get; }

    /// <summary>Two-proportion z test (pooled variance) of this step's resolved drop-off against the pooled resolved
    /// drop-off of every other step with resolved leads; z is positive when this step drops more. Undefined (null
    /// statistic and p-value) when no other step has resolved leads.</summary>
    public HypothesisTestResult VersusOtherSteps { get; }

    /// <summary>Pearson chi-square test that every step with resolved leads has the same drop-off (steps x
    /// advanced/dropped table).</summary>
    public HypothesisTestResult AcrossSteps { get; }

    /// <summary>Whether <see cref="VersusOtherSteps"/> is significant at <see cref="FunnelOptions.SignificanceLevel"/>.</summary>
    public bool IsSignificant { get; }

    /// <summary>Describes the bottleneck.</summary>
    /// <returns>Step and test.</returns>
    public override string ToString() => $"{Step.From.Name} -> {Step.To.Name}: {Step.Resolved.DropOff}; vs other steps {VersusOtherSteps}";
}
