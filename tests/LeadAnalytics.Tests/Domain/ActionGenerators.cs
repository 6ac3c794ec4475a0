using FsCheck;
using FsCheck.Fluent;

namespace LeadAnalytics.Tests.Domain;

/// <summary>Generators of tracked metrics, targets and optimisation actions, including text that needs quoting.</summary>
public static class ActionGenerators
{
    // Values that exercise the grammar: Chinese, spaces, every syntax character, the missing marker.
    public static readonly string[] AwkwardTexts =
    {
        "抖音信息流", "行业展会", "SEO", "Douyin feed - education ads", "a,b", "p|q", "x=y", "say \"hi\"", "(none)", "（全角）",
        "trailing.", "50%", "<=", "1:3",
    };

    public static readonly string[] Stages = { "NeedsConfirmed", "Contacted", "Needs confirmed", "阶段(二)", "S,1", "\"q\"" };

    public static Gen<SegmentCondition> Condition(Dimension dimension) =>
        from values in Gen.NonEmptyListOf(Gen.Elements(AwkwardTexts))
        select new SegmentCondition(dimension, values.Take(3));

    public static Gen<SegmentFilter> Segment { get; } =
        from dims in Gen.SubListOf(new[] { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType, Dimension.Tag })
        from conditions in Gen.CollectToArray(dims.Take(3), Condition)
        select new SegmentFilter(conditions);

    public static Gen<TrackedMetric> Metric { get; } =
        from metric in Gen.Elements(ActionMetrics.All.ToArray())
        from stage in Gen.Elements(Stages)
        from segment in Segment
        select new TrackedMetric(metric, ActionMetrics.IsStageMetric(metric) ? stage : null, segment);

    /// <summary>Values valid for a unit, with up to <see cref="MetricTarget.MaxDecimalPlaces"/> decimals.</summary>
    public static Gen<decimal> Value(ActionMetricUnit unit) => unit == ActionMetricUnit.Proportion
        ? Gen.OneOf(
            Gen.Elements(0m, 1m, 0.25m, 0.1m, 0.4m),
            from a in Gen.Choose(0, 999_999)
            from b in Gen.Choose(0, 999_999)
            select (a / 1_000_000m) + (b / 1_000_000_000_000m))
        : Gen.OneOf(
            Gen.Elements(0m, 1m, 4000m, 3.5m, 0.5m),
            from units in Gen.Choose(0, int.MaxValue)
            from fraction in Gen.Choose(0, 999_999)
            from scale in Gen.Elements(1m, 1_000m, 100_000m)
            select (units * scale) + (fraction / 1_000_000m));

    public static Gen<MetricTarget> Target { get; } =
        from metric in Metric
        from comparator in Gen.Elements(TargetComparator.LessThan, TargetComparator.LessThanOrEqual, TargetComparator.GreaterThan, TargetComparator.GreaterThanOrEqual)
        from value in Value(metric.Unit)
        from currency in Gen.Elements<Currency?>(null, Currency.CNY, Currency.USD)
        select new MetricTarget(metric, comparator, value, metric.Unit == ActionMetricUnit.Money ? currency : null);

    public static Gen<OptimisationAction> Action { get; } =
        from id in Gen.Choose(1, 999)
        from target in Target
        from startDays in Gen.Choose(0, 180)
        from length in Gen.Choose(1, 90)
        from owner in Gen.Elements<string?>(null, "销售总监", "市场经理")
        from baselineKind in Gen.Choose(0, 2)
        from baselineValue in Value(target.Metric.Unit)
        from history in Gen.ListOf(
            from days in Gen.Choose(-10, 100)
            from state in Gen.Elements(ActionState.Planned, ActionState.InProgress, ActionState.Done, ActionState.Cancelled)
            from note in Gen.Elements<string?>(null, "培训一", "done")
            select (days, state, note))
        select BuildAction(id, target, startDays, length, owner, baselineKind, baselineValue, history);

    private static OptimisationAction BuildAction(int id, MetricTarget target, int startDays, int length, string? owner, int baselineKind, decimal baselineValue, IEnumerable<(int Days, ActionState State, string? Note)> history)
    {
        var start = Generators.Epoch.AddDays(startDays);
        var b = new OptimisationActionBuilder
        {
            Id = "A" + id,
            Finding = "finding " + id,
            Description = "action " + id,
            Owner = owner,
            Start = start,
            Due = start.AddDays(length),
            Target = target,
            Baseline = baselineKind switch
            {
                0 => null,
                1 => ActionBaseline.Given(baselineValue),
                _ => ActionBaseline.Window(start.AddDays(-90), start),
            },
        };
        foreach (var (days, state, note) in history)
        {
            b.History.Add(new ActionStatusEntry(start.AddDays(days), state, note));
        }

        return b.Build();
    }
}

/// <summary>Arbitraries for <c>[Properties(Arbitrary = new[] { typeof(ActionArbitraries) })]</c>.</summary>
public static class ActionArbitraries
{
    public static Arbitrary<MetricTarget> Target() => Arb.From(ActionGenerators.Target);

    public static Arbitrary<TrackedMetric> Metric() => Arb.From(ActionGenerators.Metric);

    public static Arbitrary<OptimisationAction> Action() => Arb.From(ActionGenerators.Action);
}
