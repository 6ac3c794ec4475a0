using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

/// <summary>
/// The action tracker (the template's step 6): judges optimisation actions against the data as of an instant. For each
/// action it measures the tracked metric on the segment's leads acquired before the start (the baseline) and from the start
/// to the due date, works out progress toward the target and the status, tests whether the metric moved, and builds the
/// weekly series since the start.
/// </summary>
/// <example>
/// <code>
/// var action = new OptimisationActionBuilder
/// {
///     Id = "A1", Description = "Two SPIN questioning trainings", Owner = "Sales director",
///     Start = new DateTimeOffset(2023, 10, 15, 0, 0, 0, TimeSpan.FromHours(8)),
///     Due = new DateTimeOffset(2023, 11, 16, 0, 0, 0, TimeSpan.FromHours(8)),
///     Target = MetricTarget.Parse("dropoff(NeedsConfirmed) &lt;= 25%"),
/// }.Build();
/// var report = ActionAnalyzer.Analyze(LeadTable.Build(leads), asOf, new ActionOptions { Actions = new[] { action } });
/// foreach (var e in report.Evaluations)
///     Console.WriteLine($"{e.Action.Id}: {e.Status} ({e.Reason}), now {e.Current}, baseline {e.BaselineValue}");
/// </code>
/// </example>
/// <remarks>Pure: never reads the clock and does no I/O. Deterministic: the same actions and leads in any order give the
/// same report. Thread-safe.</remarks>
public static class ActionAnalyzer
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The most weeks a series holds (two years from the start).</summary>
    public const int MaxWeeks = 104;

    /// <summary>Evaluates the actions of <see cref="ActionOptions.Actions"/> against a table of leads.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">The as-of instant: nothing after it is read.</param>
    /// <param name="options">The actions, the costs and the rules; <see cref="ActionOptions.Default"/> (no actions) when null.</param>
    /// <returns>The result, ordered by action id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null, or an action or a cost is null.</exception>
    /// <exception cref="ArgumentException">The scope has a breakdown or a period (an action names its own segment and windows).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ActionResult Analyze(LeadTable table, DateTimeOffset asOf, ActionOptions? options = null)
    {
        Preconditions.CheckNotNull(table);
        options ??= ActionOptions.Default;
        options.Validate();
        var list = new List<OptimisationAction>();
        foreach (var action in options.Actions)
        {
            list.Add(Preconditions.CheckItemNotNull(action, nameof(options), "An action is null."));
        }

        // Actions sharing a segment share its rows; cost metrics share the prepared costs.
        var segments = new Dictionary<SegmentFilter, SegmentRows>();
        var costList = options.Costs?.ToList();
        if (costList is not null)
        {
            Preconditions.CheckNoNullItem(costList, nameof(options), "A cost entry is null.");
        }

        CostContext? costContext = null;
        CostContext Costs() => costContext ??= CostContext.Create(table, costList);
        var evaluations = new List<ActionEvaluation>(list.Count);
        foreach (var action in list)
        {
            if (!segments.TryGetValue(action.Metric.Segment, out var rows))
            {
                rows = new SegmentRows(table, action.Metric.Segment);
                segments.Add(action.Metric.Segment, rows);
            }

            evaluations.Add(EvaluateOne(action, table, rows, asOf, options, Costs));
        }

        evaluations.Sort(CompareActions);
        return new ActionResult(asOf, options, evaluations);
    }

    private static int CompareActions(ActionEvaluation x, ActionEvaluation y)
    {
        var c = string.CompareOrdinal(x.Action.Id, y.Action.Id);
        if (c == 0)
        {
            c = x.Action.Start.UtcDateTime.CompareTo(y.Action.Start.UtcDateTime);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Action.Target.ToString(), y.Action.Target.ToString());
        }

        return c;
    }

    private static ActionEvaluation EvaluateOne(OptimisationAction action, LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionOptions options, Func<CostContext> costs)
    {
        var elapsed = Math.Min(1.0, Math.Max(0.0, (asOf - action.Start).Ticks / (double)(action.Due - action.Start).Ticks));
        var (meter, problem) = CreateMeter(action, table, rows, asOf, options, costs);
        if (meter is null)
        {
            var (s, r) = ActionStatusRules.Decide(action, asOf, null, null, null, elapsed, options.MinimumSample);
            return new ActionEvaluation(action, asOf, s, r, null, null, null, null, null, elapsed, null, Array.Empty<ActionWeek>(), problem);
        }

        // The baseline: given by hand, the action's window, or the default window ending at the start.
        MetricMeasurement? baseline = null;
        double? baselineValue;
        bool baselineTrusted;
        if (action.Baseline is { Kind: ActionBaselineKind.Given } given)
        {
            baselineValue = (double)given.Value!.Value;
            baselineTrusted = true;
        }
        else
        {
            var from = action.Baseline?.WindowStart ?? action.Start - options.DefaultBaselineWindow;
            var to = action.Baseline?.WindowEnd ?? action.Start;
            baseline = meter.Measure(from, to);
            baselineValue = baseline.Value;
            baselineTrusted = baseline.Leads >= options.MinimumSample;
        }

        bool? metAtBaseline = baselineValue is { } bv && baselineTrusted ? action.Target.IsMetBy(bv) : null;
        var started = asOf >= action.Start;
        var current = started ? meter.Measure(action.Start, action.Due) : null;
        double? progress = null;
        if (current?.Value is { } now && baselineValue is { } before && metAtBaseline != true)
        {
            // A target within the comparison tolerance of the baseline leaves no distance to measure progress over.
            var target = (double)action.Target.Value;
            var span = target - before;
            progress = Math.Abs(span) > MetricTarget.RelativeTolerance * Math.Max(1.0, Math.Abs(target)) ? (now - before) / span : null;
        }

        var (status, reason) = ActionStatusRules.Decide(action, asOf, current, metAtBaseline, progress, elapsed, options.MinimumSample);
        var evidence = current is null || baseline is null ? null : Evidence(action, meter, baseline, current, options);
        var weeks = started && options.IncludeWeeklySeries ? Weeks(action, meter, asOf) : Array.Empty<ActionWeek>();
        return new ActionEvaluation(action, asOf, status, reason, current, baseline, baselineValue, metAtBaseline, progress, elapsed, evidence, weeks, problem);
    }

    private static (MetricMeter? Meter, string? Problem) CreateMeter(OptimisationAction action, LeadTable table, SegmentRows rows, DateTimeOffset asOf, ActionOptions options, Func<CostContext> costs)
    {
        var metric = action.Metric;
        switch (metric.Metric)
        {
            case ActionMetric.ConversionRate:
                return (new FunnelMeter(table, rows, asOf, options, metric.Metric, table.Pipeline.WonIndex), null);
            case ActionMetric.StepConversion:
            case ActionMetric.DropOff:
                var k = table.Pipeline.IndexOf(metric.Stage!);
                if (k < 1)
                {
                    return (null, k == 0
                        ? $"Stage '{metric.Stage}' is where leads enter the pipeline; no step leads into it."
                        : $"Pipeline '{table.Pipeline.Name}' has no stage '{metric.Stage}'.");
                }

                return (new FunnelMeter(table, rows, asOf, options, metric.Metric, k), null);
            case ActionMetric.Leads:
            case ActionMetric.MedianCycleDays:
            case ActionMetric.SpeedToLead:
                return (new EffectivenessMeter(table, rows, asOf, options, metric.Metric), null);
            default:
                var context = costs();
                if (context.Problem is not null)
                {
                    return (null, context.Problem);
                }

                foreach (var currency in new[] { action.Target.Currency, action.Baseline?.Currency })
                {
                    if (currency is { } c && c != context.Currency)
                    {
                        return (null, $"The action's amounts are in {c.Code}, the data's in {context.Currency.Code}; convert one of them.");
                    }
                }

                return (new CostMeter(table, rows, asOf, options, metric.Metric, context), null);
        }
    }

    private static ActionEvidence? Evidence(OptimisationAction action, MetricMeter meter, MetricMeasurement before, MetricMeasurement after, ActionOptions options)
    {
        HypothesisTestResult? test;
        if (before.Rate is { } b && after.Rate is { } a)
        {
            if (!a.IsDefined || !b.IsDefined)
            {
                return null;
            }

            test = ProportionTests.TwoProportionZ(a.Numerator, a.Denominator, b.Numerator, b.Denominator);
        }
        else
        {
            test = meter.Compare(before.WindowStart, before.WindowEnd, after.WindowStart, after.WindowEnd);
            if (test is null)
            {
                return null;
            }
        }

        double? difference = after.Value is { } x && before.Value is { } y ? x - y : null;
        var favourable = difference is { } d && (action.Target.HigherIsBetter ? d > 0 : d < 0);
        var enough = before.Leads >= options.MinimumSample && after.Leads >= options.MinimumSample;
        return new ActionEvidence(test, difference, favourable, test.IsSignificant(options.SignificanceLevel), enough);
    }

    private static IReadOnlyList<ActionWeek> Weeks(OptimisationAction action, MetricMeter meter, DateTimeOffset asOf)
    {
        var weeks = new List<ActionWeek>();
        for (var i = 0; i < MaxWeeks; i++)
        {
            var start = action.Start + TimeSpan.FromTicks(Week.Ticks * i);
            if (start > asOf)
            {
                break;
            }

            var end = start + Week;
            weeks.Add(new ActionWeek(i, start, end, meter.Measure(start, end), meter.Measure(action.Start, end)));
        }

        return weeks;
    }
}
