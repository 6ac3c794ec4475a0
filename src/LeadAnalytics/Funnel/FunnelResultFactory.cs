using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>Turns one segment's integer tally into its immutable result: reach, steps, views, durations, targets and bottleneck.</summary>
internal static class FunnelResultFactory
{
    internal static FunnelResult Create(
        FunnelTally tally, Pipeline pipeline, DateTimeOffset asOf, FunnelOptions options, StepTarget?[] targets, IReadOnlyList<FunnelSegment>? segments = null,
        IReadOnlyList<FunnelCohort>? cohorts = null, IReadOnlyList<StepTrend>? stepTrends = null, bool[]? recordedStages = null,
        FunnelMaturity? maturity = null)
    {
        bool Recorded(int stage) => recordedStages is null || stage == 0 || stage == pipeline.Count - 1 || recordedStages[stage];
        var layout = new FunnelLayout(pipeline.Count);
        var cells = tally.Cells;
        var reach = new long[layout.Stages];
        long running = 0;
        for (var s = layout.Stages - 1; s >= 0; s--)
        {
            for (var c = 0; c < FunnelLayout.Categories; c++)
            {
                running += cells[FunnelLayout.Cell(s, c)];
            }

            reach[s] = running;
        }

        var leads = reach[0];
        var won = reach[layout.Stages - 1];
        var stages = new FunnelStageReach[layout.Stages];
        for (var s = 0; s < stages.Length; s++)
        {
            stages[s] = new FunnelStageReach(s, pipeline.Stages[s], reach[s], NewRate(reach[s], leads, options), Recorded(s));
        }

        var steps = new FunnelStep[layout.Steps];
        long resolvedDropOffs = 0;
        for (var k = 0; k < steps.Length; k++)
        {
            var lost = cells[FunnelLayout.Cell(k, FunnelLayout.Lost)];
            var stale = cells[FunnelLayout.Cell(k, FunnelLayout.Stale)];
            var open = cells[FunnelLayout.Cell(k, FunnelLayout.Open)];
            var expired = cells[FunnelLayout.Cell(k, FunnelLayout.Expired)];
            var unrecorded = cells[FunnelLayout.Cell(k, FunnelLayout.Unrecorded)];
            var dropped = lost + expired + (options.Scope.StaleTreatment == StaleTreatment.AsLost ? stale : 0);
            resolvedDropOffs += dropped;
            var allLeads = new FunnelView(reach[k], reach[k + 1], options.Scope.Confidence, options.Scope.IntervalMethod);
            var resolved = new FunnelView(reach[k + 1] + dropped, reach[k + 1], options.Scope.Confidence, options.Scope.IntervalMethod);
            var duration = options.IncludeStepDurations ? Duration(tally.Durations[k], cells[layout.NegativeOffset + k], options.QuantileMethod) : null;
            var target = targets[k] is { } t ? Compare(t, resolved, options) : null;
            steps[k] = new FunnelStep(
                k, pipeline.Stages[k], pipeline.Stages[k + 1], reach[k], reach[k + 1], lost, stale, open, expired, unrecorded, allLeads, resolved, duration, target,
                Recorded(k) && Recorded(k + 1));
        }

        return new FunnelResult(
            asOf, leads, won, cells[layout.FaultOffset], stages, steps, NewRate(won, leads, options), NewRate(won, won + resolvedDropOffs, options),
            Bottleneck(steps, options), segments, cohorts, stepTrends, maturity);
    }

    /// <summary>Resolves targets to step indices, refusing names the pipeline lacks, the last stage and repeats.</summary>
    internal static StepTarget?[] ResolveTargets(Pipeline pipeline, IReadOnlyList<StepTarget> targets)
    {
        var byStep = new StepTarget?[pipeline.Count - 1];
        foreach (var target in targets)
        {
            var k = pipeline.IndexOf(target.FromStage);
            if (k < 0 || k >= byStep.Length)
            {
                throw new ArgumentException($"Target '{target}': no step leaves stage '{target.FromStage}' in pipeline '{pipeline.Name}'.", nameof(FunnelOptions.Targets));
            }

            if (byStep[k] is not null)
            {
                throw new ArgumentException($"Two targets for the step leaving '{target.FromStage}'.", nameof(FunnelOptions.Targets));
            }

            byStep[k] = target;
        }

        return byStep;
    }

    private static Rate NewRate(long numerator, long denominator, FunnelOptions options) =>
        new(numerator, denominator, options.Scope.Confidence, options.Scope.IntervalMethod);

    private static StepDuration Duration(int[] sorted, long negative, QuantileMethod method)
    {
        var seconds = new SortedSeconds(sorted);
        return new StepDuration(sorted.Length, negative, ToTimeSpan(Quantiles.OfSorted(seconds, 0.5, method)), ToTimeSpan(Quantiles.OfSorted(seconds, 0.9, method)), method);
    }

    // Rounded to whole ticks directly: TimeSpan.FromSeconds rounds to milliseconds on .NET Framework.
    private static TimeSpan? ToTimeSpan(double? seconds) =>
        seconds is { } s ? TimeSpan.FromTicks((long)Math.Round(s * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero)) : null;

    private static StepTargetComparison Compare(StepTarget target, FunnelView resolved, FunnelOptions options)
    {
        var observed = target.Kind == StepTargetKind.DropOff ? resolved.DropOff : resolved.Conversion;
        var test = OneProportionTests.ScoreZ(observed.Numerator, observed.Denominator, target.Value);
        return new StepTargetComparison(target, observed, test, options.SignificanceLevel);
    }

    private static FunnelBottleneck? Bottleneck(FunnelStep[] steps, FunnelOptions options)
    {
        FunnelStep? worst = null;
        // A step into or out of a stage the data never records measures nothing: it is neither the bottleneck nor compared.
        steps = Array.FindAll(steps, s => s.IsRecorded);
        foreach (var step in steps)
        {
            var view = step.Resolved;
            // Compare dropped/leads exactly (cross-multiplied in decimal); strict '>' keeps the earlier step on a tie.
            if (view.Leads > 0 && view.DroppedOff > 0
                && (worst is null || (decimal)view.DroppedOff * worst.Resolved.Leads > (decimal)worst.Resolved.DroppedOff * view.Leads))
            {
                worst = step;
            }
        }

        if (worst is null)
        {
            return null;
        }

        long otherDropped = 0, otherLeads = 0;
        var table = new List<IReadOnlyList<long>>();
        foreach (var step in steps)
        {
            if (step.Resolved.Leads == 0)
            {
                continue;
            }

            table.Add(new[] { step.Resolved.Advanced, step.Resolved.DroppedOff });
            if (step != worst)
            {
                otherDropped += step.Resolved.DroppedOff;
                otherLeads += step.Resolved.Leads;
            }
        }

        var versus = otherLeads == 0
            ? new HypothesisTestResult("two-proportion z", null, null, null)
            : ProportionTests.TwoProportionZ(worst.Resolved.DroppedOff, worst.Resolved.Leads, otherDropped, otherLeads);
        return new FunnelBottleneck(worst, versus, ProportionTests.ChiSquareIndependence(table), options.SignificanceLevel);
    }
}
