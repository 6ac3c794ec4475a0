using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Actions;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Actions;

public class ActionEvaluatorPropertyTests
{
    private static readonly string[] Rates = { "conversion", "step_conversion", "dropoff", "leads" };
    private static readonly string[] Computable = Rates.Concat(new[] { "cpl", "cac", "roas", "median_cycle_days", "speed_to_lead" }).ToArray();

    /// <summary>Actions the evaluator can measure on <see cref="Generators.Leads"/>: their channels, the default stages,
    /// starts inside the generated acquisitions (Epoch + 0..180 days).</summary>
    private static Gen<OptimisationAction> EvaluableAction(int id) =>
        from metric in Gen.Elements(Computable)
        from stage in Gen.Choose(1, 5)
        from channel in Gen.Elements(Generators.Channels.Concat(new string?[] { null }).ToArray())
        from comparator in Gen.Elements("<=", ">=", "<", ">")
        from value in Gen.Choose(0, 100)
        from startDay in Gen.Choose(20, 170)
        from length in Gen.Choose(7, 60)
        from baselineDays in Gen.Choose(0, 60)
        select BuildAction(id, metric, stage, channel, comparator, value, startDay, length, baselineDays);

    // Through the round-trip text, not (decimal)value, which keeps only 15 significant digits and can round past the value.
    private static decimal Round(double value, bool down) =>
        Math.Round(decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture), 9, down ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity);

    private static OptimisationAction BuildAction(int id, string metric, int stage, string? channel, string comparator, int value, int startDay, int length, int baselineDays)
    {
        var args = new List<string>();
        if (metric is "step_conversion" or "dropoff")
        {
            args.Add(Pipeline.Default.Stages[stage].Name);
        }

        if (channel is not null)
        {
            args.Add("channel=" + channel);
        }

        var number = metric switch
        {
            "conversion" or "step_conversion" or "dropoff" => value.ToString(CultureInfo.InvariantCulture) + "%",
            "cpl" or "cac" => (value * 100).ToString(CultureInfo.InvariantCulture),
            "roas" => (value / 10.0).ToString(CultureInfo.InvariantCulture),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };
        var text = metric + (args.Count > 0 ? "(" + string.Join(", ", args) + ")" : string.Empty) + " " + comparator + " " + number;
        var start = Generators.Epoch.AddDays(startDay);
        return new OptimisationActionBuilder
        {
            Id = "A" + id.ToString(CultureInfo.InvariantCulture),
            Description = "action",
            Start = start,
            Due = start.AddDays(length),
            Target = MetricTarget.Parse(text),
            Baseline = baselineDays == 0 ? null : ActionBaseline.Window(start.AddDays(-baselineDays), start),
        }.Build();
    }

    private static Gen<ActionOptions> Options { get; } =
        from minimum in Gen.Choose(1, 10)
        from window in Gen.Elements<TimeSpan?>(null, TimeSpan.FromDays(30), TimeSpan.FromDays(60))
        select new ActionOptions { MinimumSample = minimum, OutcomeWindow = window };

    /// <summary>Monthly channel costs around the generated acquisitions, some months missing, odd amounts (remainders to share).</summary>
    private static Gen<CostEntry[]> Costs { get; } =
        from entries in Gen.SubListOf(Generators.Channels.SelectMany(c => Enumerable.Range(0, 7).Select(m => (c, m))).ToArray())
        from amounts in Gen.ArrayOf(Gen.Choose(1, 5_000_000), entries.Count)
        select entries.Select((e, i) => new CostEntry(
            CostScope.Channel, e.c, Generators.Epoch.AddMonths(e.m), Generators.Epoch.AddMonths(e.m + 1), new Money(amounts[i] / 100m, Currency.CNY))).ToArray();

    private static Gen<(Lead[] Leads, OptimisationAction[] Actions, int AsOfDay, ActionOptions Options, CostEntry[] Costs)> Case { get; } =
        from leads in Generators.Leads(Pipeline.Default, 10, 250)
        from actions in Gen.CollectToArray(Enumerable.Range(1, 4), EvaluableAction)
        from asOfDay in Gen.Choose(0, 300)
        from options in Options
        from costs in Gen.OneOf(Gen.Constant(Array.Empty<CostEntry>()), Costs)
        select (leads, actions, asOfDay, options, costs);

    [Property(MaxTest = 60)]
    public Property Evaluation_is_deterministic_and_independent_of_input_order() =>
        Prop.ForAll(Arb.From(Case), c =>
        {
            var asOf = Generators.Epoch.AddDays(c.AsOfDay);
            var first = Dump(EngineCalls.Evaluate(c.Actions, LeadTable.Build(c.Leads), asOf, c.Costs, c.Options));
            var again = Dump(EngineCalls.Evaluate(c.Actions, LeadTable.Build(c.Leads), asOf, c.Costs, c.Options));
            // Reversed leads give the table another epoch and row order; reversed actions and costs another evaluation order.
            var reversed = Dump(EngineCalls.Evaluate(c.Actions.Reverse(), LeadTable.Build(c.Leads.Reverse()), asOf, c.Costs.Reverse(), c.Options));
            return first == again && first == reversed;
        });

    // Found a real bug once (seed (10326473209288707309,11942822726417882829,49)): a median speed to lead of 227.275 h came out
    // as 227.27499999999998 in doubles, so "speed_to_lead >= 227.275h" was not met at baseline and progress came out as
    // 1.2e15. Targets now compare with MetricTarget.RelativeTolerance; the seed is pinned below.
    [Property(MaxTest = 60)]
    public Property A_target_set_at_the_baseline_value_is_met_at_baseline() => Prop.ForAll(Arb.From(Case), MetAtBaseline);

    [Property(MaxTest = 1, Replay = "(10326473209288707309,11942822726417882829,49)")]
    public Property A_target_at_a_baseline_with_conversion_noise_is_met_at_baseline() => Prop.ForAll(Arb.From(Case), MetAtBaseline);

    private static bool MetAtBaseline((Lead[] Leads, OptimisationAction[] Actions, int AsOfDay, ActionOptions Options, CostEntry[] Costs) c)
    {
        var asOf = Generators.Epoch.AddDays(c.AsOfDay);
        var table = LeadTable.Build(c.Leads);
        foreach (var e in EngineCalls.Evaluate(c.Actions, table, asOf, c.Costs, c.Options).Evaluations)
        {
            if (e.BaselineValue is not { } v || e.Baseline is null || e.Baseline.Leads < c.Options.MinimumSample)
            {
                continue;
            }

            // A "<=" target at the baseline value rounded up (">=" rounded down) is met by the baseline itself.
            var higher = e.Action.Target.HigherIsBetter;
            var bound = Round(v, higher);
            var b = e.Action.ToBuilder();
            b.Target = new MetricTarget(e.Action.Metric, higher ? TargetComparator.GreaterThanOrEqual : TargetComparator.LessThanOrEqual, bound);
            var again = Assert.Single(EngineCalls.Evaluate(new[] { b.Build() }, table, asOf, c.Costs, c.Options).Evaluations);
            if (again.TargetMetAtBaseline != true || again.Progress is not null)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 60)]
    public Property Rates_equal_the_definitions_computed_from_lead_objects() =>
        Prop.ForAll(Arb.From(Case), c =>
        {
            // As of far in the future, without an outcome window: reach as recorded (FurthestStageIndex), by LINQ over leads.
            var asOf = Generators.Epoch.AddYears(2);
            var options = new ActionOptions { OutcomeWindow = null, IncludeWeeklySeries = false };
            var rates = c.Actions.Where(a => Rates.Contains(ActionMetrics.NameOf(a.Metric.Metric))).ToArray();
            var report = EngineCalls.Evaluate(rates, LeadTable.Build(c.Leads), asOf, null, options);
            foreach (var e in report.Evaluations)
            {
                var a = e.Action;
                var inWindow = c.Leads.Where(l => a.Metric.Segment.Matches(l) && l.AcquiredAt >= a.Start && l.AcquiredAt < a.Due).ToList();
                var (num, den) = a.Metric.Metric switch
                {
                    ActionMetric.ConversionRate => (inWindow.Count(l => l.Outcome == Outcome.Won), inWindow.Count),
                    ActionMetric.StepConversion or ActionMetric.DropOff => Step(inWindow, Pipeline.Default.IndexOf(a.Metric.Stage!), a.Metric.Metric == ActionMetric.DropOff),
                    _ => (inWindow.Count, inWindow.Count),
                };
                var ok = a.Metric.Metric == ActionMetric.Leads
                    ? e.Current!.Leads == den && e.Current.Value == den * 7.0 / (a.Due - a.Start).TotalDays
                    : e.Current!.Rate!.Numerator == num && e.Current.Rate.Denominator == den;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        });

    private static (int, int) Step(List<Lead> leads, int k, bool dropOff)
    {
        var entered = leads.Count(l => l.FurthestStageIndex() >= k - 1);
        var advanced = leads.Count(l => l.FurthestStageIndex() >= k);
        return (dropOff ? entered - advanced : advanced, entered);
    }

    internal static string Dump(ActionResult report)
    {
        var sb = new StringBuilder();
        foreach (var e in report.Evaluations)
        {
            sb.Append(e.Action.Id).Append(' ').Append(e.Status).Append(' ').Append(e.Reason).Append(' ').Append(e.Problem)
                .Append(" now ").Append(Dump(e.Current)).Append(" base ").Append(Dump(e.Baseline)).Append(' ').Append(R(e.BaselineValue))
                .Append(' ').Append(e.TargetMetAtBaseline).Append(' ').Append(R(e.Progress)).Append(' ').Append(R(e.ScheduleElapsed))
                .Append(" spend ").Append(e.Current?.Spend).Append('/').Append(e.Baseline?.Spend).Append(" ev ").Append(e.Evidence?.Test.ToString()).Append(' ').Append(e.Evidence?.ShowsImprovement).AppendLine();
            foreach (var w in e.Weeks)
            {
                sb.Append("  ").Append(w.Index).Append(' ').Append(Dump(w.Week)).Append(" | ").Append(Dump(w.SinceStart)).AppendLine();
            }
        }

        return sb.ToString();
    }

    private static string Dump(MetricMeasurement? m) =>
        m is null ? "-" : $"{m.Rate} {R(m.Value)} n={m.Leads} acq={m.AcquiredLeads} until={m.MeasuredUntil.UtcDateTime:O} complete={m.IsComplete}";

    private static string R(double? x) => x?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
