using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>
/// A funnel as of an instant: reach per stage, every step split into advanced, lost, stale, open (and, with the
/// matching options, expired and unrecorded), the all-leads and resolved-leads views, the time each step takes and the
/// bottleneck. Built by <see cref="FunnelAnalyzer"/>.
/// </summary>
/// <remarks>Every count is an integer and every rate carries its numerator, denominator and interval; a zero
/// denominator gives an undefined rate, never NaN. Immutable and thread-safe.</remarks>
public sealed class FunnelResult
{
    internal FunnelResult(
        DateTimeOffset asOf, long leads, long won, long chronologyFaults, IReadOnlyList<FunnelStageReach> stages, IReadOnlyList<FunnelStep> steps,
        Rate overallConversion, Rate resolvedOverallConversion, FunnelBottleneck? bottleneck, IReadOnlyList<FunnelSegment>? segments = null,
        IReadOnlyList<FunnelCohort>? cohorts = null, IReadOnlyList<StepTrend>? stepTrends = null, FunnelMaturity? maturity = null)
    {
        Maturity = maturity;
        AsOf = asOf;
        Leads = leads;
        Won = won;
        ChronologyFaults = chronologyFaults;
        Stages = stages;
        Steps = steps;
        OverallConversion = overallConversion;
        ResolvedOverallConversion = resolvedOverallConversion;
        Bottleneck = bottleneck;
        Segments = segments ?? Array.Empty<FunnelSegment>();
        Cohorts = cohorts ?? Array.Empty<FunnelCohort>();
        StepTrends = stepTrends ?? Array.Empty<StepTrend>();
        long lost = 0, stale = 0, open = 0;
        foreach (var step in steps)
        {
            lost += step.Lost;
            stale += step.Stale;
            open += step.Open;
        }

        Lost = lost;
        Stale = stale;
        Open = open;
    }

    /// <summary>The share of the leads old enough to have finished the conversion window W, and the conversion they are
    /// projected to reach by W (<see cref="FunnelMaturity"/>): present on every funnel of a cohort analysis (each cohort and
    /// the total) and, when <see cref="FunnelOptions.MaturityWindow"/> is set, of any analysis; otherwise
    /// <see langword="null"/>.</summary>
    public FunnelMaturity? Maturity { get; }

    /// <summary>Leads lost (recorded) by their cut-off, at any step: the sum of <see cref="FunnelStep.Lost"/>.</summary>
    public long Lost { get; }

    /// <summary>Stale leads (docs/metrics.md): the sum of <see cref="FunnelStep.Stale"/>; the same number every engine reports
    /// for the same scope and as-of.</summary>
    public long Stale { get; }

    /// <summary>Open leads that are not stale: the sum of <see cref="FunnelStep.Open"/>.</summary>
    public long Open { get; }

    /// <summary>One funnel per segment of the scope's breakdown, in segment-key order; empty without a breakdown (and in a
    /// segment's own funnel).</summary>
    public IReadOnlyList<FunnelSegment> Segments { get; }

    /// <summary>One funnel per acquisition cohort of the scope (gaps filled with empty cohorts), oldest first; empty
    /// without cohorts.</summary>
    public IReadOnlyList<FunnelCohort> Cohorts { get; }

    /// <summary>Each step's conversion trend across <see cref="Cohorts"/>; empty without cohorts.</summary>
    public IReadOnlyList<StepTrend> StepTrends { get; }

    /// <summary>The as-of instant: events after it were ignored.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Leads acquired by as-of: the reach of the first stage.</summary>
    public long Leads { get; }

    /// <summary>Leads that reached the last (won) stage by their cut-off.</summary>
    public long Won { get; }

    /// <summary>Leads flagged with chronology faults (<see cref="Lead.HasChronologyFaults"/>): counted in the funnel, their
    /// negative step times excluded from durations.</summary>
    public long ChronologyFaults { get; }

    /// <summary>Reach per stage, in pipeline order.</summary>
    public IReadOnlyList<FunnelStageReach> Stages { get; }

    /// <summary>Steps k to k + 1, in pipeline order (one fewer than the stages).</summary>
    public IReadOnlyList<FunnelStep> Steps { get; }

    /// <summary>Won / leads, with its interval.</summary>
    public Rate OverallConversion { get; }

    /// <summary>Won / (won + resolved drop-offs at every step): conversion among leads whose fate is known.</summary>
    public Rate ResolvedOverallConversion { get; }

    /// <summary>The step with the largest resolved drop-off, or <see langword="null"/> when no step has a resolved
    /// drop-off above zero.</summary>
    public FunnelBottleneck? Bottleneck { get; }

    /// <summary>Finds a step by the stage it leaves.</summary>
    /// <param name="fromStage">The stage name (ordinal).</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">No step leaves that stage (unknown, or the last stage).</exception>
    public FunnelStep GetStep(string fromStage)
    {
        foreach (var step in Steps)
        {
            if (string.Equals(step.From.Name, fromStage, StringComparison.Ordinal))
            {
                return step;
            }
        }

        throw new ArgumentException($"No step leaves stage '{fromStage}'.", nameof(fromStage));
    }

    /// <summary>Describes the funnel.</summary>
    /// <returns>Leads, won and conversion.</returns>
    public override string ToString() => $"{Leads} leads, {Won} won, conversion {OverallConversion}";
}
