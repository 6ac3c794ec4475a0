using LeadAnalytics.Actions;
using LeadAnalytics.Attribution;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Reporting;
using static LeadAnalytics.Tests.Reporting.ReportingTestData;

namespace LeadAnalytics.Tests.Reporting;

// Each chart is parsed back with System.Xml.Linq and its geometry compared with the numbers it shows.
public class ChartTests
{
    // Coordinates are written to a hundredth of a pixel, and scales are read back from rounded tick positions.
    private static void Near(double expected, double actual, double tolerance = 0.05) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected}, drawn {actual}");

    private static readonly Lazy<FunnelResult> TemplateFunnel = new(() => FunnelAnalyzer.Analyze(TemplateTable(), AsOf));

    [Fact]
    public void Funnel_bars_are_proportional_to_reach_centred_and_labelled()
    {
        var funnel = TemplateFunnel.Value;
        var root = Parse(SvgCharts.Funnel(funnel));
        var bars = root.WithClass("rect", "funnel-bar").ToList();
        Assert.Equal(new long[] { 1000, 900, 540, 432, 324, 243 }, funnel.Stages.Select(s => s.Reach));
        Assert.Equal(6, bars.Count);

        var full = bars[0].D("width");
        var centre = bars[0].D("x") + (full / 2);
        for (var k = 0; k < bars.Count; k++)
        {
            var reach = funnel.Stages[k].Reach;
            Near(full * reach / 1000.0, bars[k].D("width"));
            Near(centre, bars[k].D("x") + (bars[k].D("width") / 2));
            Assert.Equal(reach, (long)bars[k].Parent!.D("data-reach"));
        }

        var texts = root.Texts();
        foreach (var stage in funnel.Stages)
        {
            Assert.Contains(stage.Stage.DisplayName, texts);
        }

        Assert.Contains(texts, t => t.StartsWith("1,000 · 100.0%", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("243 · 24.3%", StringComparison.Ordinal));
    }

    [Fact]
    public void Funnel_marks_exactly_the_bottleneck_step()
    {
        var funnel = TemplateFunnel.Value;
        var root = Parse(SvgCharts.Funnel(funnel));
        var steps = root.WithClass("g", "step").ToList();
        Assert.Equal(5, steps.Count);
        var marked = root.WithClass("g", "bottleneck").Single();
        Assert.Equal(Pipeline.Contacted, marked.S("data-from"));
        Assert.Equal(Pipeline.NeedsConfirmed, marked.S("data-to"));
        Assert.Equal(0.40, marked.D("data-drop-off"), 12);
        Assert.Single(marked.WithClass("rect", "bottleneck-marker"));
        Assert.Contains("Bottleneck: drop-off 40.0% [36.8%, 43.2%]", marked.Value, StringComparison.Ordinal);
        // The other steps carry their drop-off without the mark.
        Assert.Contains(steps, s => s.Value.Contains("drop-off 10.0% [8.3%, 12.0%]", StringComparison.Ordinal) && !s.Value.Contains("Bottleneck", StringComparison.Ordinal));
    }

    [Fact]
    public void A_funnel_without_drop_off_has_no_bottleneck_mark()
    {
        var leads = new[]
        {
            new LeadBuilder { Id = "1", AcquiredAt = T0, ContactedAt = T0.AddDays(1), NeedsConfirmedAt = T0.AddDays(2), ProposalSentAt = T0.AddDays(3), NegotiationAt = T0.AddDays(4), WonAt = T0.AddDays(5) }.Build(),
        };
        var funnel = FunnelAnalyzer.Analyze(LeadTable.Build(leads), AsOf);
        Assert.Null(funnel.Bottleneck);
        var root = Parse(SvgCharts.Funnel(funnel));
        Assert.Empty(root.WithClass("g", "bottleneck"));
        Assert.All(root.WithClass("rect", "funnel-bar"), b => Assert.Equal(root.WithClass("rect", "funnel-bar").First().D("width"), b.D("width")));
    }

    [Fact]
    public void Conversion_points_and_whiskers_sit_at_the_rates()
    {
        var breakdown = FunnelAnalyzer.AnalyzeBy(TemplateTable(), AsOf, Dimension.Channel);
        var root = Parse(SvgCharts.ConversionBySegment(breakdown));
        var zero = TickX(root, "x-axis", 0);
        var ticks = root.WithClass("g", "x-axis").Single().WithClass("text", "tick").ToList();
        var last = ticks[ticks.Count - 1];
        var pixelsPerUnit = (last.D("x") - zero) / last.D("data-value");

        var segments = root.WithClass("g", "segment").ToList();
        Assert.Equal(3, segments.Count);
        foreach (var segment in breakdown.Segments)
        {
            var g = segments.Single(e => e.S("data-label") == segment.Label);
            var rate = segment.Funnel.OverallConversion;
            Near(zero + (rate.Value!.Value * pixelsPerUnit), g.WithClass("circle", "point").Single().D("cx"));
            var whisker = g.WithClass("line", "interval").Single();
            Near(zero + (rate.Lower!.Value * pixelsPerUnit), whisker.D("x1"));
            Near(zero + (rate.Upper!.Value * pixelsPerUnit), whisker.D("x2"));
            Assert.Contains(segment.Label, g.Value, StringComparison.Ordinal);
        }

        // Best converting first.
        var values = segments.Select(s => s.D("data-value")).ToList();
        Assert.Equal(values.OrderByDescending(v => v), values);
        var overall = root.WithClass("line", "overall").Single();
        Near(zero + (0.243 * pixelsPerUnit), overall.D("x1"));
    }

    [Fact]
    public void Kaplan_Meier_paths_are_monotone_steps_at_the_estimates()
    {
        var cycle = CycleTimeAnalyzer.Analyze(TemplateTable(), AsOf, new CycleTimeOptions { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } });
        var root = Parse(SvgCharts.TimeToWon(cycle));
        var curves = root.WithClass("g", "curve").ToList();
        Assert.Equal(cycle.Segments.Count, curves.Count);
        var y1 = TickY(root, "y-axis", 1.0);
        var y0 = TickY(root, "y-axis", 0.0);
        var x0 = TickX(root, "x-axis", 0);

        foreach (var segment in cycle.Segments)
        {
            var g = curves.Single(c => c.S("data-label") == segment.Label);
            var line = g.WithClass("path", "km-line").Single();
            var points = StepVertices(line.S("d"));
            Assert.Equal((x0, y1), points[0]);
            for (var i = 1; i < points.Count; i++)
            {
                // Time never goes back; survival never rises (SVG y grows downwards).
                Assert.True(points[i].X >= points[i - 1].X - 1e-9, "x went back");
                Assert.True(points[i].Y >= points[i - 1].Y - 1e-9, "the curve rose");
            }

            // Each vertical drop lands on S(t) of an event time, in order.
            var drops = new List<double>();
            for (var i = 1; i < points.Count; i++)
            {
                if (points[i].X == points[i - 1].X && points[i].Y != points[i - 1].Y)
                {
                    drops.Add(points[i].Y);
                }
            }

            var expected = segment.TimeToWon.Rows.Where(r => r.Events > 0 && r.Survival < 1).Select(r => y0 + ((y1 - y0) * r.Survival)).ToList();
            Assert.Equal(expected.Count, drops.Count);
            for (var i = 0; i < drops.Count; i++)
            {
                Near(expected[i], drops[i]);
            }

            // The band is a closed polygon holding the line.
            var band = g.WithClass("path", "band").Single().S("d");
            Assert.EndsWith("Z", band, StringComparison.Ordinal);
            Assert.Contains(segment.Label, root.Texts().Single(t => t.StartsWith(segment.Label + " (n=", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Won_and_lost_incidence_rise_and_end_at_the_estimates()
    {
        var cycle = CycleTimeAnalyzer.Analyze(TemplateTable(), AsOf);
        var root = Parse(SvgCharts.WonVersusLost(cycle.Overall));
        var y0 = TickY(root, "y-axis", 0.0);
        var ticks = root.WithClass("g", "y-axis").Single().WithClass("text", "tick").ToList();
        var top = ticks[ticks.Count - 1];
        var perUnit = (y0 - (top.D("y") - 4)) / top.D("data-value");
        foreach (var (name, cause) in new[] { ("won", CycleTimeResult.WonCause), ("lost", CycleTimeResult.LostCause) })
        {
            var points = StepVertices(root.WithClass("g", name).Single().WithClass("path", "cif-line").Single().S("d"));
            for (var i = 1; i < points.Count; i++)
            {
                Assert.True(points[i].Y <= points[i - 1].Y + 1e-9, "incidence fell");
            }

            var final = cycle.Overall.CompetingRisks.Rows[cycle.Overall.CompetingRisks.Rows.Count - 1].Incidence[cause - 1];
            Near(y0 - (final * perUnit), points[points.Count - 1].Y);
        }

        // 243 of 1,000 won, 757 lost, nobody open: the incidences end at the shares.
        Assert.Contains("won (24.3% by day", string.Join("|", root.Texts()), StringComparison.Ordinal);
        Assert.Contains("lost (75.7% by day", string.Join("|", root.Texts()), StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_bars_are_proportional_to_credited_conversions()
    {
        var cny = Currency.CNY;
        AttributionResult Result(AttributionModel model, params (string Key, double Conversions)[] credits) =>
            new(model, 10, new Money(1000m, cny), credits.Select(c => new ChannelCredit(c.Key, c.Conversions, new Money(100m * (decimal)c.Conversions, cny))).ToList(),
                null, 10, 0, Money.Zero(cny), 0, 0);
        var comparison = new AttributionComparison(
            new[] { "SEO", "抖音信息流", "<b>&</b>" },
            new[]
            {
                Result(AttributionModel.FirstTouch, ("SEO", 6), ("抖音信息流", 4), ("<b>&</b>", 0)),
                Result(AttributionModel.LastTouch, ("SEO", 2), ("抖音信息流", 5), ("<b>&</b>", 3)),
                Result(AttributionModel.Markov, ("SEO", 3.5), ("抖音信息流", 3.25), ("<b>&</b>", 3.25)),
            });
        var root = Parse(SvgCharts.AttributionComparison(comparison));
        var bars = root.WithClass("rect", "bar").ToList();
        Assert.Equal(9, bars.Count);
        var perConversion = bars.Single(b => b.Parent!.S("data-key") == "SEO" && b.S("data-model") == "FirstTouch").D("width") / 6;
        foreach (var result in comparison.Results)
        {
            foreach (var credit in result.Credits)
            {
                var bar = bars.Single(b => b.Parent!.S("data-key") == credit.Key && b.S("data-model") == result.Model.ToString());
                Near(credit.Conversions * perConversion, bar.D("width"));
                Assert.Equal(credit.Conversions, bar.D("data-value"), 12);
            }
        }

        var texts = root.Texts();
        Assert.Contains("<b>&</b>", texts);
        Assert.Contains("抖音信息流", texts);
        Assert.Contains("Markov chain", texts);
        Assert.Contains("3.3", texts); // 3.25 printed with one decimal
        // All bars start at the axis.
        Assert.Single(bars.Select(b => b.D("x")).Distinct());
    }

    /// <summary>Issue 21: with bootstrap intervals every bar carries a whisker from the lower to the upper limit, on the bars' scale.</summary>
    [Fact]
    public void Attribution_whiskers_span_each_credit_interval()
    {
        var comparison = AttributionAnalyzer.Compare(
            AttributionJourneys.FromPaths(new[]
            {
                AggregatedPath.Parse("seo > douyin", 40, 4000m, nulls: 200),
                AggregatedPath.Parse("douyin", 30, 2500m, nulls: 400),
                AggregatedPath.Parse("seo", 25, 2000m, nulls: 300),
            }, Currency.CNY),
            new[] { AttributionModel.LastTouch, AttributionModel.Markov },
            new AttributionOptions { Intervals = new AttributionIntervalOptions { Replicates = 40, Seed = 3 } });
        var root = Parse(SvgCharts.AttributionComparison(comparison));
        var bars = root.WithClass("rect", "bar").ToList();
        var perConversion = bars[0].D("width") / bars[0].D("data-value");
        var left = bars[0].D("x");
        foreach (var result in comparison.Results)
        {
            foreach (var credit in result.Credits)
            {
                var bar = bars.Single(b => b.Parent!.S("data-key") == credit.Key && b.S("data-model") == result.Model.ToString());
                var whisker = bar.ElementsAfterSelf().First(e => (string?)e.Attribute("class") == "whisker");
                Assert.Equal(credit.Interval!.Lower, whisker.D("data-lower"), 0.01); // SVG numbers carry two decimals
                Assert.Equal(credit.Interval.Upper, whisker.D("data-upper"), 0.01);
                var span = whisker.Elements().First();
                Near(left + (credit.Interval.Lower * perConversion), span.D("x1"));
                Near(left + (credit.Interval.Upper * perConversion), span.D("x2"));
            }
        }

        Assert.Equal(4, root.WithClass("g", "whisker").Count());
    }

    [Fact]
    public void Pareto_bars_follow_the_counts_and_the_line_the_cumulative_share()
    {
        var table = new LossReasonTable("All leads", null, 20, new[]
        {
            new LossReasonRow("需求不匹配", 10, 0.5, 0.5, null),
            new LossReasonRow("预算不足", 6, 0.3, 0.8, null),
            new LossReasonRow("other & <unknown>", 4, 0.2, 1.0, null),
        });
        var root = Parse(SvgCharts.LossReasonPareto(table));
        var bars = root.WithClass("rect", "bar").ToList();
        Assert.Equal(3, bars.Count);
        var baseline = TickY(root, "y-axis", 0);
        for (var i = 0; i < 3; i++)
        {
            Near(bars[0].D("height") * table.Rows[i].Count / 10.0, bars[i].D("height"));
            Near(baseline, bars[i].D("y") + bars[i].D("height"));
        }

        var points = root.WithClass("polyline", "cumulative").Single().S("points").Split(' ')
            .Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var top = points[2]; // 100%
        for (var i = 0; i < 3; i++)
        {
            Near(baseline - ((baseline - top) * table.Rows[i].CumulativeShare), points[i]);
        }

        Assert.Contains("需求不匹配", root.Texts());
        Assert.Contains("other & <unknown>", root.Texts());
    }

    [Fact]
    public void Pareto_labels_that_do_not_fit_are_turned()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new LossReasonRow("一个很长很长的流失原因描述" + i, 10 - i, 0.1, 0.1 * (i + 1), null)).ToList();
        var root = Parse(SvgCharts.LossReasonPareto(new LossReasonTable("All", null, 55, rows), new ChartOptions { Width = 500 }));
        Assert.All(root.WithClass("text", "reason-label"), t => Assert.StartsWith("rotate(-40", t.S("transform"), StringComparison.Ordinal));
    }

    [Fact]
    public void Bubbles_sit_at_cost_per_customer_and_conversion_with_area_proportional_to_revenue()
    {
        var result = EngineCalls.Summarize(TemplateTable(), TemplateCosts(), AsOf);
        var root = Parse(SvgCharts.ConversionVersusCost(result));
        var x0 = TickX(root, "x-axis", 0);
        var xTicks = root.WithClass("g", "x-axis").Single().WithClass("text", "tick").ToList();
        var xPerUnit = (xTicks[xTicks.Count - 1].D("x") - x0) / xTicks[xTicks.Count - 1].D("data-value");
        var y0 = TickY(root, "y-axis", 0);
        var yTicks = root.WithClass("g", "y-axis").Single().WithClass("text", "tick").ToList();
        var yPerUnit = (y0 - (yTicks[yTicks.Count - 1].D("y") - 4)) / yTicks[yTicks.Count - 1].D("data-value");

        var groups = root.WithClass("g", "segment").ToList();
        // 抖音信息流 has no spend: its cost per customer is undefined and it is not placed.
        Assert.Equal(new[] { "A", "B" }, groups.Select(g => g.S("data-label")).OrderBy(l => l, StringComparer.Ordinal));
        var maxRevenue = result.Segments.Where(s => s.Label is "A" or "B").Max(s => (double)s.Revenue!.Value);
        foreach (var g in groups)
        {
            var s = result.Segments.Single(x => x.Label == g.S("data-label"));
            var bubble = g.WithClass("circle", "bubble").Single();
            Near(x0 + ((double)s.CostPerAcquisition!.Value * xPerUnit), bubble.D("cx"), 0.1);
            Near(y0 - (s.ConversionRate.Value!.Value * yPerUnit), bubble.D("cy"), 0.1);
            // Area, not radius, is proportional to revenue.
            Near((double)s.Revenue!.Value / maxRevenue, Math.Pow(bubble.D("r") / 30, 2), 0.001);
            Assert.Contains("ROAS " + EffectivenessFormat.RoasRatio(s.Roas), g.Value, StringComparison.Ordinal);
        }

        // A: 30,000 spent on 334 leads (n % 3 == 0), 81 won: cost per customer 30,000 / 81.
        var a = result.Segments.Single(s => s.Label == "A");
        Assert.Equal(334, a.Leads);
        Assert.Equal(81, a.Won);
        Assert.Equal(30_000m / 81, a.CostPerAcquisition!.Value, 20);
    }

    [Fact]
    public void Action_bars_show_progress_from_baseline_to_target_and_the_status()
    {
        var report = EngineCalls.Evaluate(TemplateActions(), TemplateTable(), AsOf);
        var root = Parse(SvgCharts.ActionTracker(report));
        var baseline = TickX(root, "x-axis", 0);
        var target = TickX(root, "x-axis", 1);
        var rows = root.WithClass("g", "action").ToList();
        Assert.Equal(report.Evaluations.Select(e => e.Action.Id), rows.Select(r => r.S("data-id")));

        // A1: the template's drop-off 360/900 = 40% against a baseline of 50% and a target of 25%: progress
        // (0.40 - 0.50) / (0.25 - 0.50) = 0.4, and the due date has passed: missed.
        var a1 = report.Find("A1")!;
        Assert.Equal(ActionStatus.Missed, a1.Status);
        Assert.Equal(0.4, a1.Progress!.Value, 12);
        // A2: channel A converts 81/334 = 24.3% against a baseline of 10% and a target of 20%: progress 1.43, achieved.
        var a2 = report.Find("A2")!;
        Assert.Equal(ActionStatus.Achieved, a2.Status);
        Assert.Equal(((81.0 / 334) - 0.1) / 0.1, a2.Progress!.Value, 12);

        foreach (var e in report.Evaluations)
        {
            var g = rows.Single(r => r.S("data-id") == e.Action.Id);
            var bar = g.WithClass("rect", "progress").Single();
            Near(baseline, bar.D("x"));
            Near((target - baseline) * e.Progress!.Value, bar.D("width"), 0.1);
            Assert.Equal(e.Status.ToString(), g.S("data-status"));
            Assert.Contains(g.WithClass("text", "status"), t => t.Value == (e.Status == ActionStatus.Missed ? "Missed" : "Achieved"));
            Assert.Contains(e.Action.Id + " " + e.Action.Target, g.Value, StringComparison.Ordinal);
        }
    }

    internal static OptimisationAction[] TemplateActions() => new[]
    {
        new OptimisationActionBuilder
        {
            Id = "A1", Finding = "需求确认阶段流失率偏高", Description = "SPIN <training> & coaching", Owner = "销售总监", Start = T0, Due = T0.AddDays(30),
            Target = MetricTarget.Parse("dropoff(NeedsConfirmed) <= 25%"), Baseline = ActionBaseline.Given(0.5m),
        }.Build(),
        new OptimisationActionBuilder
        {
            Id = "A2", Description = "more case videos", Owner = "市场经理", Start = T0, Due = T0.AddDays(30),
            Target = MetricTarget.Parse("conversion(channel=A) >= 20%"), Baseline = ActionBaseline.Given(0.1m),
        }.Build(),
    };

    [Fact]
    public void Charts_are_deterministic()
    {
        var funnel = TemplateFunnel.Value;
        Assert.Equal(SvgCharts.Funnel(funnel), SvgCharts.Funnel(FunnelAnalyzer.Analyze(LeadTable.Build(TemplateLeads().Reverse()), AsOf)));
    }
}
